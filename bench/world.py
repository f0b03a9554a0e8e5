"""The bench's world, built the same way in every process from an index alone.

- A signed catalog of ``CATALOG_MODULES`` modules with six releases each (paid markers on some,
  the newest only for STARFACE 10 on some), in a folder the data folder points at. Only the
  update module's files exist; planning never opens a release file.
- PBX ``i`` (``bench-001``...): a STARFACE release, an edition, licenses, the agent (its own
  module, secret :func:`agent_secret`) and ``MODULES_PER_PBX`` installed modules picked from the
  catalog at various versions, one active instance each. PBX 0 also runs the update module
  (70 KB, a real form, two instances).
- A data folder (``MODMANAGER_HOME``) with the PBXs, their passwords and agent secrets in the
  encrypted file and the last snapshot of each, as a partner's workstation has after using
  modmanager for a while.

The simulator processes (:mod:`bench.simproc`) and the data folder are derived from the same
functions, so cached snapshots show exactly what the simulated PBXs answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bench.common import MASTER_PASSWORD
from modmanager.core.catalog import (
    Catalog,
    CatalogModule,
    Channel,
    Release,
    ReleaseFile,
    dump_catalog,
    generate_signing_key,
    sign_catalog,
)
from modmanager.core.protocol import (
    ALL_CAPABILITIES,
    DEFAULT_AGENT_INSTANCE,
    Edition,
    InstalledModule,
    InstanceState,
    License,
    LicenseKind,
)
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm, example_spec
from modmanager.core.versions import Compatibility, VersionRange

CATALOG_MODULES = 200
MODULES_PER_PBX = 40
VERSIONS = tuple(range(100, 106))
LOGIN_ID = "0001"
STARFACE_RELEASES = ("9.1.0.2", "10.0.0.4", "9.0.1.3", "10.0.2.5")
UPDATE_MODULE = 0
UPDATE_FROM, UPDATE_TO = 100, 105
UPDATE_FILE_BYTES = 70 * 1024
VENDOR = "Bench Telekommunikation GmbH & Co. KG"


def module_id(index: int) -> str:
    return f"00000000-0000-4000-8000-{index:012d}"


def pbx_name(index: int) -> str:
    return f"bench-{index + 1:03d}"


def password(index: int) -> str:
    return f"bench-password-{index}"


def agent_secret(index: int) -> str:
    """The secret the agent of simulated PBX ``index`` is configured with (protocol 2)."""
    return f"bench-agent-secret-{index}"


# --- module files ------------------------------------------------------------------------------

_CLASS_WORDS = (
    b"java/lang/String", b"java/util/List", b"Ljava/lang/Object;", b"de/vertico/starface/module/core",
    b"IRuntimeEnvironment", b"getInvocationInfo", b"ModuleInstance", b"<init>", b"()V", b"Code",
    b"LineNumberTable", b"LocalVariableTable", b"this", b"StackMapTable", b"SourceFile", b"execute",
    b"org/apache/logging/log4j/Logger", b"Exceptions", b"InnerClasses", b"valueOf", b"toString",
)


def class_bytes(size: int, seed: int) -> bytes:
    """``size`` bytes that compress like compiled classes (about 2:1): names and opcodes."""
    rng = random.Random(seed)
    out = bytearray(b"\xca\xfe\xba\xbe\x00\x00\x00\x34")
    while len(out) < size:
        if rng.random() < 0.55:
            out += rng.choice(_CLASS_WORDS)
        else:
            out += rng.randbytes(rng.randint(2, 14))
    return bytes(out[:size])


def form_inputs(count: int) -> tuple[InputSpec, ...]:
    """A realistic form: the example module's inputs plus ``count`` more text inputs."""
    extra = tuple(
        InputSpec(
            f"option{number}",
            f"Option {number} (Weiterleitung & Zeitplan)",
            default=f"wert-{number}",
            validation=r"^[a-z0-9-]{0,40}$",
            tab="Erweitert" if number % 2 else "General",
            description=f"Beschreibung der Option {number}, die in der Oberfläche erscheint.",
        )
        for number in range(count)
    )
    return example_spec().inputs + extra


def module_spec(index: int, version: int, *, inputs: int = 0, class_size: int = 256) -> ModuleSpec:
    spec = example_spec(version)
    return replace(
        spec,
        module_id=module_id(index),
        name=f"Benchmodul {index}",
        vendor=VENDOR,
        names={"de": f"Benchmodul {index}", "en": f"Bench module {index}"},
        inputs=form_inputs(inputs) if inputs else spec.inputs,
        extra_entries={
            f"de/bench/m{index}/Module{index}.class": class_bytes(class_size, index * 1000 + version),
        },
    )


def sized_sfm(spec: ModuleSpec, size: int, seed: int) -> bytes:
    """``spec`` built with class entries added until the file is about ``size`` bytes."""
    entries = dict(spec.extra_entries)
    data = build_sfm(spec)
    number = 0
    while len(data) < size:
        missing = size - len(data)
        # Deflated class bytes shrink to about half; aim a little below the gap.
        chunk = max(256, min(24 * 1024, int(missing * 1.7)))
        entries[f"de/bench/extra/Helper{number}.class"] = class_bytes(chunk, seed * 7919 + number)
        number += 1
        data = build_sfm(replace(spec, extra_entries=entries))
    return data


@functools.cache
def installed_sfm(index: int, version: int) -> bytes:
    """The file a simulated PBX runs for catalog module ``index`` (small: planning reads no more)."""
    if index == UPDATE_MODULE:
        return update_sfm(version)
    return build_sfm(module_spec(index, version))


@functools.cache
def update_sfm(version: int) -> bytes:
    """The update figure's module: a real form (12 inputs), about 70 KB."""
    return sized_sfm(module_spec(UPDATE_MODULE, version, inputs=6), UPDATE_FILE_BYTES, version)


def update_file_name(version: int) -> str:
    return f"files/m{UPDATE_MODULE}/Benchmodul_{UPDATE_MODULE}_v{version}.sfm"


# --- the catalog -------------------------------------------------------------------------------

_ALL = Compatibility(compatible=(VersionRange.parse("9.X"), VersionRange.parse("10.X")))
_TEN = Compatibility(compatible=(VersionRange.parse("10.X"),))


def catalog(modules: int = CATALOG_MODULES) -> Catalog:
    items = []
    for index in range(modules):
        releases = []
        for version in reversed(VERSIONS):
            paid = index % 7 == 1 and version == 104
            changelog = f"## v{version}\n- Fehlerbehebungen und Verbesserungen"
            if paid:
                changelog += "\n- Neue Oberfläche, Upgrade kostenpflichtig"
            if index == UPDATE_MODULE and version in (UPDATE_FROM, UPDATE_TO):
                data = update_sfm(version)
                standard = ReleaseFile(update_file_name(version), len(data), hashlib.sha256(data).hexdigest())
            else:
                standard = ReleaseFile(f"files/m{index}/v{version}.sfm", 4096, f"{index:032x}{version:032x}")
            releases.append(
                Release(
                    version=version,
                    display_version=f"v{version}",
                    date=(dt.date(2025, 1, 1) + dt.timedelta(days=30 * (version - 100))).isoformat(),
                    channel=Channel.STABLE,
                    compatibility=_TEN if index % 4 == 3 and version == VERSIONS[-1] else _ALL,
                    changelog=changelog,
                    paid=False,
                    standard=standard,
                    nfr=None,
                )
            )
        items.append(
            CatalogModule(
                id=module_id(index),
                names={"de": f"Benchmodul {index}", "en": f"Bench module {index}"},
                vendor=VENDOR,
                description={"de": f"Modul {index} für den Benchmark."},
                releases=tuple(releases),
            )
        )
    return Catalog(name="Bench", generated="2025-06-01T00:00:00+00:00", modules=tuple(items))


def write_catalog(folder: Path) -> str:
    """Write the signed catalog (and the update module's files) to ``folder``; the public key."""
    folder.mkdir(parents=True, exist_ok=True)
    private, public = generate_signing_key()
    data = dump_catalog(catalog())
    (folder / "catalog.json").write_bytes(data)
    (folder / "catalog.json.sig").write_bytes(sign_catalog(data, private))
    for version in (UPDATE_FROM, UPDATE_TO):
        path = folder / update_file_name(version)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(update_sfm(version))
    return public.decode() if isinstance(public, bytes) else str(public)


# --- the PBXs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PbxSpec:
    index: int
    starface: str
    edition: Edition
    licenses: tuple[License, ...]
    modules: tuple[tuple[int, int], ...]
    """(catalog module index, installed version)."""


def pbx_spec(index: int) -> PbxSpec:
    offset = (index * 37) % CATALOG_MODULES
    # 40 distinct modules (steps of 5 modulo 200); PBX 0 runs the update module at UPDATE_FROM.
    modules = tuple(
        ((offset + 5 * slot) % CATALOG_MODULES, VERSIONS[(index + slot) % 5]) for slot in range(MODULES_PER_PBX)
    )
    kind = LicenseKind.NFR_SERVER if index % 5 == 4 else LicenseKind.SERVER
    return PbxSpec(
        index=index,
        starface=STARFACE_RELEASES[index % len(STARFACE_RELEASES)],
        edition=Edition.APPLIANCE if index % 3 else Edition.VM,
        licenses=(License(kind),),
        modules=modules,
    )


UPDATE_VALUES: dict[str, Any] = {
    "targetNumber": "+49 30 9876543",
    "ringSeconds": 25,
    "logCalls": True,
    "apiPassword": "bench-geheim",
    "option1": "wert-x",
}


def instances(index: int, module: int) -> list[tuple[str, bool, dict[str, Any]]]:
    """(name, active, values) of an installed module's instances."""
    if index == 0 and module == UPDATE_MODULE:
        return [("Zentrale", True, dict(UPDATE_VALUES)), ("Lager", False, {"targetNumber": "+49 30 1111"})]
    return [("Standard", True, {})]


@functools.cache
def agent_installed() -> InstalledModule:
    """The agent's own module as ``listModules`` reports it (the simulator's stand-in)."""
    from modmanager.simulator.state import SimInstance, SimModule, agent_module

    module = SimModule(sfm=agent_module(), instances=[SimInstance(DEFAULT_AGENT_INSTANCE, True, {})])
    return InstalledModule(
        id=module.id,
        name=module.name,
        vendor=module.vendor,
        version=module.version,
        module_type=module.module_file.descriptor.module_type or "",
        instances=(InstanceState(DEFAULT_AGENT_INSTANCE, True),),
    )


def listed_modules(spec: PbxSpec) -> list[InstalledModule]:
    """Everything ``listModules`` answers for the PBX: the agent's module, then the catalog's."""
    return [agent_installed(), *installed_modules(spec)]


def installed_modules(spec: PbxSpec) -> list[InstalledModule]:
    """The PBX's catalog modules as ``listModules`` reports them (the simulator reads the same
    files); the agent's own module is left out (:func:`listed_modules` has it)."""
    return [
        InstalledModule(
            id=module_id(module),
            name=f"Benchmodul {module}",
            vendor=VENDOR,
            version=version,
            module_type="EXTENDED",
            instances=tuple(InstanceState(name, active) for name, active, _ in instances(spec.index, module)),
        )
        for module, version in spec.modules
    ]


def system_info_struct(spec: PbxSpec, agent_version: str | None = None) -> dict[str, Any]:
    """What ``systemInfo`` answers for the PBX (the simulator's agent: every capability)."""
    from modmanager.core.protocol import SystemInfo

    return SystemInfo(
        agent_version=agent_version or str(agent_installed().version),
        starface_version=spec.starface,
        edition=spec.edition,
        server_license_key=f"BENCH-{spec.index:04d}",
        hardware_id=None,
        licenses=spec.licenses,
        hostname=pbx_name(spec.index),
        capabilities=ALL_CAPABILITIES,
    ).to_struct()


# --- the data folder ---------------------------------------------------------------------------


def prepare_home(
    home: Path,
    pbxs: Sequence[dict[str, Any]],
    count: int,
    catalog_dir: Path,
    public_key: str,
    *,
    one_customer: bool = False,
) -> None:
    """A data folder with ``count`` PBXs, their last snapshots and statuses (as a refresh leaves them).

    PBX ``i`` talks to simulated PBX ``i % len(pbxs)`` (so 500 PBXs can share 200 simulated
    ones); its snapshot is what that simulated PBX answers. Three PBXs per customer, or all of
    them under one customer (``one_customer``: the PBX list's one group redrawn for each).
    """
    import os

    from modmanager.store.credentials import open_credentials
    from modmanager.store.inventory import Inventory, PbxRecord
    from modmanager.store.settings import CatalogSource, Settings, save_settings

    previous = os.environ.get("MODMANAGER_HOME")
    os.environ["MODMANAGER_HOME"] = str(home)
    try:
        home.mkdir(parents=True, exist_ok=True)
        save_settings(
            Settings(catalog_sources=(CatalogSource("Bench", str(catalog_dir), public_key=public_key),))
        )
        credentials = open_credentials(backend="file", prompt=lambda: MASTER_PASSWORD)
        fetched = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        with Inventory() as inventory:
            for number in range(count):
                sim = pbxs[number % len(pbxs)]
                spec = pbx_spec(sim["index"])
                name = pbx_name(number)
                inventory.add(
                    PbxRecord(
                        name,
                        sim["url"],
                        LOGIN_ID,
                        customer="Kunde 1" if one_customer else f"Kunde {number // 3 + 1}",
                        fingerprint=sim["fingerprint"],
                    )
                )
                credentials.set_password(name, LOGIN_ID, sim["password"])
                credentials.set_agent_secret(name, sim["agent_secret"])
                snapshot = {
                    "info": system_info_struct(spec),
                    "modules": [module.to_struct() for module in listed_modules(spec)],
                }
                inventory.save_snapshot(name, snapshot, fetched)
        _save_statuses(count, credentials)
    finally:
        if previous is None:
            os.environ.pop("MODMANAGER_HOME", None)
        else:
            os.environ["MODMANAGER_HOME"] = previous


def _save_statuses(count: int, credentials: Any) -> None:
    """Each PBX's status as the planner sees its snapshot: a refresh stores it with the snapshot."""
    from modmanager.ops.refresh import cached_snapshot, fleet_status
    from modmanager.ops.services import open_services

    services = open_services(credentials=credentials)
    try:
        services.catalogs.reload()
        for number in range(count):
            snapshot = cached_snapshot(services, pbx_name(number))
            if snapshot is not None:
                services.inventory.save_status(snapshot.name, fleet_status(services, snapshot).value, "")
    finally:
        services.close()


# --- .sfm files of realistic size --------------------------------------------------------------


def sfm_corpus(folder: Path, count: int, *, smallest: int = 4 * 1024, largest: int = 170 * 1024) -> list[Path]:
    """``count`` module files between ``smallest`` and ``largest`` bytes (log-uniform), forms of
    2 to 60 inputs; written once per folder."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12)
    paths = []
    for number in range(count):
        path = folder / f"Modul_{number}_v{100 + number % 50}.sfm"
        paths.append(path)
        if path.exists():
            continue
        size = int(smallest * (largest / smallest) ** rng.random())
        spec = module_spec(number, 100 + number % 50, inputs=rng.randint(0, 50), class_size=128)
        path.write_bytes(sized_sfm(spec, size, number))
    return paths


def raw_descriptor(data: bytes) -> bytes:
    """The baseline's read: zipfile and nothing else."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("module-descriptor.xml")
