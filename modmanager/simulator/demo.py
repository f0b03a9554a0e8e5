"""The demo world: invented vendors publishing modules, a signed catalog and customer PBXs.

``modmanager --demo`` and ``modmanager sim --demo`` show this world to a new user, so it has to
look like what a STARFACE partner sees every day and touch every feature: free, paid and NFR
updates, pre-releases, untested and incompatible releases, a STARFACE too old for the newest
modules, modules that lose their settings on upload, a PBX that does not answer.

The catalog is not written by hand: :func:`build_demo_world` writes a vendor folder tree the
way vendors publish (range folders, NFR builds, ``CHANGELOG.md``, a few metadata files) and
lets the real :func:`modmanager.catalog.builder.build_catalog` turn it into ``catalog.json``,
which is then signed with a key kept in ``data_dir``. The tables behind it are in
:mod:`modmanager.simulator.demo_data`; ``DemoWorld.notes`` says which PBX shows what.

Layout under ``data_dir``::

    demo-catalog-key.pem / .pub     the signing key (made once, then reused)
    catalog/catalog.json            the catalog; file locations are relative to this folder
    catalog/catalog.json.sig
    catalog/vendors/<vendor>/<module>/<range>/<File>_v<version>[_NFR].sfm

Deterministic: the same ``today`` gives the same files and the same ``catalog.json`` bytes
(``generated`` is ``today`` at midnight UTC). Ed25519 signatures are deterministic too, so with
the same key even the signature repeats. Re-running on an existing folder rewrites nothing
that is already right.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from modmanager.catalog.builder import build_catalog
from modmanager.core.catalog import dump_catalog, generate_signing_key, public_key_of, sign_catalog
from modmanager.core.protocol import License, SettingValue
from modmanager.core.sfm import LAYOUT_KINDS
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm
from modmanager.simulator.demo_data import (
    CUSTOM_MODULE_ID,
    CUSTOM_MODULE_INPUTS,
    CUSTOMERS,
    MODULES,
    NFR_FOLDER_VENDORS,
    R8,
    R9,
    R10,
    R73,
    VENDOR_FOLDERS,
    VENDOR_WIKIS,
    DemoCustomer,
    DemoInstall,
    DemoModule,
    DemoRelease,
)
from modmanager.simulator.state import SimInstance, SimPbx, write_file_atomic

__all__ = [
    "CATALOG_FILE",
    "CATALOG_NAME",
    "SIGNATURE_FILE",
    "DemoWorld",
    "build_demo_world",
    "demo_agent_secret",
    "demo_password",
]

CATALOG_NAME = "Demo-Katalog"
CATALOG_FILE = "catalog.json"
SIGNATURE_FILE = "catalog.json.sig"
CATALOG_FOLDER = "catalog"
VENDOR_FOLDER = "vendors"
PRIVATE_KEY_FILE = "demo-catalog-key.pem"
PUBLIC_KEY_FILE = "demo-catalog-key.pub"
CUSTOM_MODULE_KEY = "custom"

_BUILT_ON = {R73: "7.3.0.5", R8: "8.1.3.0", R9: "9.0.1.3", R10: "10.0.0.4"}
"""The STARFACE a vendor builds on for each range folder (the newest folder of a release wins)."""
_NINE_ONE_FROM = "2024-03-01"
"""Builds for 9.X after this date were made on 9.1."""
_RANGE_ORDER = (R73, R8, R9, R10)
_DATE_VERSION_FROM = 19_000_000
"""Versions from here on are dates (``20250422``); vendors write "Version 20250422" for them."""
_CLASS_MAGIC = b"\xca\xfe\xba\xbe\x00\x00\x00\x34"
_FOLDER_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


@dataclass(frozen=True)
class DemoWorld:
    """Everything the demo needs: PBXs to simulate and a signed catalog on disk."""

    pbxs: list[SimPbx]
    """The customer PBXs, ready for :meth:`SimulatorFleet.add`."""
    vendor_dir: Path
    """The vendor folder tree of ``.sfm`` files the catalog was built from."""
    catalog_dir: Path
    """Holds ``catalog.json``, ``catalog.json.sig`` and (below ``vendors/``) the files it lists."""
    catalog_public_key: str
    """Base64 Ed25519 public key that verifies ``catalog.json.sig``."""
    notes: dict[str, str] = field(default_factory=dict)
    """PBX name -> one line on what it demonstrates."""

    @property
    def catalog_file(self) -> Path:
        return self.catalog_dir / CATALOG_FILE

    @property
    def signature_file(self) -> Path:
        return self.catalog_dir / SIGNATURE_FILE


def build_demo_world(data_dir: Path, *, today: dt.date | None = None) -> DemoWorld:
    """Write (or refresh) the demo world under ``data_dir`` and return it.

    ``today`` decides the relative dates (a brand-new module, demo license expiry, the
    catalog's ``generated`` stamp); the same ``today`` gives the same catalog bytes.

    Raises:
        CatalogError: the builder refused the vendor tree (a bug in the demo tables).
        ValueError: a customer table names a module, version or setting that does not exist.
    """
    today = today or dt.date.today()
    data_dir = Path(data_dir).absolute()
    catalog_dir = data_dir / CATALOG_FOLDER
    vendor_dir = catalog_dir / VENDOR_FOLDER

    tree, builds = _vendor_tree(today)
    _sync_tree(vendor_dir, tree)
    generated = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC).isoformat(timespec="seconds")
    catalog, warnings = build_catalog(vendor_dir, name=CATALOG_NAME, catalog_dir=catalog_dir, generated=generated)
    if warnings:
        raise ValueError("The demo vendor tree made the catalog builder warn: " + "; ".join(warnings))
    catalog_bytes = dump_catalog(catalog)
    private_key, public_key = _signing_key(data_dir)
    _write_if_changed(catalog_dir / CATALOG_FILE, catalog_bytes)
    _write_if_changed(catalog_dir / SIGNATURE_FILE, sign_catalog(catalog_bytes, private_key))

    pbxs = [_pbx(customer, number, builds, today) for number, customer in enumerate(CUSTOMERS, start=1)]
    return DemoWorld(
        pbxs=pbxs,
        vendor_dir=vendor_dir,
        catalog_dir=catalog_dir,
        catalog_public_key=public_key,
        notes={customer.name: customer.note for customer in CUSTOMERS},
    )


def demo_password(pbx_name: str) -> str:
    """The password of a demo PBX: fixed per name so a restarted demo still logs in (never a real one)."""
    digest = hashlib.sha256(f"modmanager demo {pbx_name}".encode()).hexdigest()
    return f"Demo-{digest[:10]}"


def demo_agent_secret(pbx_name: str) -> str:
    """The agent secret of a demo PBX, fixed per name like :func:`demo_password` (never a real one)."""
    digest = hashlib.sha256(f"modmanager demo agent {pbx_name}".encode()).hexdigest()
    return f"Agent-{digest[:12]}"


# --- the vendor tree -------------------------------------------------------------------------

_BuildKey = tuple[str, int, bool]
"""(module key, version, NFR build)."""


def _vendor_tree(today: dt.date) -> tuple[dict[PurePosixPath, bytes], dict[_BuildKey, bytes]]:
    """Every file of the vendor tree by relative path, and the module files by build."""
    tree: dict[PurePosixPath, bytes] = {}
    builds: dict[_BuildKey, bytes] = {}
    for module in MODULES:
        folder = PurePosixPath(VENDOR_FOLDERS[module.vendor], module.name_de.translate(_FOLDER_SPELLING))
        tree[folder / "CHANGELOG.md"] = _changelog(module, today).encode("utf-8")
        if module.nfr_user_license:
            tree[folder / "module.json"] = _json({"nfrUserLicense": True})
        for release in module.releases:
            metadata = _release_metadata(release)
            if metadata:
                tree[folder / f"release-{release.version}.json"] = _json(metadata)
            for nfr in (False, True) if release.nfr else (False,):
                data = build_sfm(_spec(module, release, today, nfr=nfr))
                builds[(module.key, release.version, nfr)] = data
                for range_folder in release.folders or ("",):
                    tree[folder / range_folder / _file_name(module, release, nfr=nfr)] = data
    return tree, builds


def _file_name(module: DemoModule, release: DemoRelease, *, nfr: bool) -> str:
    """``<stem>_v<version>.sfm``; NFR builds get ``_NFR`` or, for some vendors, an ``NFR`` folder."""
    name = f"{module.file_stem}_v{release.version}"
    if not nfr:
        return f"{name}.sfm"
    return f"NFR/{name}.sfm" if module.vendor in NFR_FOLDER_VENDORS else f"{name}_NFR.sfm"


def _release_date(release: DemoRelease, today: dt.date) -> str:
    if release.age_days is not None:
        return (today - dt.timedelta(days=release.age_days)).isoformat()
    return release.date


def _changelog(module: DemoModule, today: dt.date) -> str:
    """``CHANGELOG.md`` as the vendor writes it: German vendors with German dates and a legend."""
    german = module.language == "de"
    lines = [f"# {module.changelog_title}", ""]
    lines.append("Legende: € = kostenpflichtiges Update" if german else "Paid upgrades are marked as such.")
    for release in sorted(module.releases, key=lambda item: item.version, reverse=True):
        date = dt.date.fromisoformat(_release_date(release, today))
        shown = date.strftime("%d.%m.%Y") if german else date.isoformat()
        label = f"Version {release.version}" if release.version >= _DATE_VERSION_FROM else f"v{release.version}"
        suffix = (" – Vorabversion" if german else " – preview") if release.prerelease else ""
        lines += ["", f"## {label} ({shown}){suffix}", ""]
        lines += [f"- {note}" for note in release.notes]
    return "\n".join(lines) + "\n"


def _release_metadata(release: DemoRelease) -> dict[str, object]:
    """What the vendor states beside the files: pre-release channel, display version, warnings."""
    metadata: dict[str, object] = {}
    if release.prerelease:
        metadata["channel"] = "pre-release"
    if release.display_version:
        metadata["displayVersion"] = release.display_version
    if release.incompatible:
        metadata["incompatible"] = list(release.incompatible)
    return metadata


def _json(value: Mapping[str, object]) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _built_on(release: DemoRelease, date: str) -> str:
    folders = [folder for folder in _RANGE_ORDER if folder in release.folders]
    if not folders:
        return _BUILT_ON[R10]
    newest = folders[-1]
    if newest == R9 and date >= _NINE_ONE_FROM:
        return "9.1.0.2"
    return _BUILT_ON[newest]


def _spec(module: DemoModule, release: DemoRelease, today: dt.date, *, nfr: bool) -> ModuleSpec:
    date = _release_date(release, today)
    starface = _built_on(release, date)
    month = int(date[5:7])
    offset = "+02:00" if 4 <= month <= 10 else "+01:00"  # German summer time, roughly
    main_class = module.file_stem.replace("_", "")
    entries: dict[str, bytes] = {
        f"{module.package}/{main_class}Module.class": _CLASS_MAGIC + f"{module.key} {release.version}".encode(),
        f"{module.package}/messages_de.properties": f"module.name={module.name_de}\n".encode(),
        f"{module.package}/messages_en.properties": f"module.name={module.name_en}\n".encode(),
    }
    if nfr:
        entries[f"{module.package}/license/NfrLicenseCheck.class"] = _CLASS_MAGIC + b"nfr"
    if module.internal_database:
        table = module.key.replace("-", "_")
        entries["db/schema.sql"] = f"CREATE TABLE IF NOT EXISTS {table} (id INT PRIMARY KEY, data CLOB);\n".encode()
    german = module.language == "de"
    return ModuleSpec(
        module_id=module.module_id,
        name=module.name_de if german else module.name_en,
        vendor=module.vendor,
        version=release.version,
        names={"de": module.name_de, "en": module.name_en, "fr": ""},
        description=module.description,
        created_with=f"STARFACE {starface}",
        created_by=f"STARFACE Version {starface}",
        create_date=f"{date}T10:{release.version % 60:02d}:00{offset}",
        inputs=release.inputs,
        rpc_entry_points=module.rpc_entry_points,
        extra_entries=entries,
        uses_internal_database=module.internal_database,
        default_locale="de" if german else "en",
        description_url=VENDOR_WIKIS[module.vendor] + module.file_stem.lower().replace("_", "-"),
    )


def _sync_tree(root: Path, tree: Mapping[PurePosixPath, bytes]) -> None:
    """Make ``root`` hold exactly ``tree``: write what differs, remove what no longer belongs."""
    for relative, data in tree.items():
        _write_if_changed(root.joinpath(*relative.parts), data)
    wanted = {root.joinpath(*relative.parts) for relative in tree}
    for folder, subfolders, files in os.walk(root, topdown=False):
        for name in files:
            path = Path(folder) / name
            if path not in wanted:
                path.unlink()
        for name in subfolders:
            path = Path(folder) / name
            if not any(path.iterdir()):
                path.rmdir()


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    write_file_atomic(path, data)


def _signing_key(data_dir: Path) -> tuple[bytes, str]:
    """The demo catalog's key pair: kept in ``data_dir`` so trust survives re-runs."""
    private_path = data_dir / PRIVATE_KEY_FILE
    if private_path.is_file():
        private_key = private_path.read_bytes()
    else:
        private_key, _ = generate_signing_key()
        write_file_atomic(private_path, private_key)
        os.chmod(private_path, 0o600)
    public_key = public_key_of(private_key).decode("ascii")
    _write_if_changed(data_dir / PUBLIC_KEY_FILE, (public_key + "\n").encode("ascii"))
    return private_key, public_key


# --- the customers' PBXs ---------------------------------------------------------------------


def _pbx(customer: DemoCustomer, number: int, builds: Mapping[_BuildKey, bytes], today: dt.date) -> SimPbx:
    licenses = [
        License(
            kind=item.kind,
            count=item.count,
            expires=None
            if item.expires_in_days is None
            else (today + dt.timedelta(days=item.expires_in_days)).isoformat(),
        )
        for item in customer.licenses
    ]
    pbx = SimPbx(
        name=customer.name,
        customer=customer.customer,
        starface_version=customer.starface,
        edition=customer.edition,
        server_license_key=customer.server_license_key,
        hardware_id=customer.hardware_id,
        licenses=licenses,
        login_id=f"{number:04d}",
        password=demo_password(customer.name),
        agent_secret=demo_agent_secret(customer.name),
        reachable=customer.reachable,
    )
    for install in customer.installs:
        sfm, inputs, internal_database = _installed_file(customer, install, builds)
        instances = [
            SimInstance(instance.name, instance.active, _instance_values(customer, install, inputs, instance.values))
            for instance in install.instances
        ]
        if install.internal_data and not internal_database:
            raise ValueError(f"{customer.name}: {install.module} keeps no internal database, so it has no data.")
        module = pbx.add_module(sfm, instances)
        module.internal_data = install.internal_data.encode("utf-8")
        module.license_state = install.license_state
    return pbx


_MODULES_BY_KEY = {module.key: module for module in MODULES}


def _installed_file(
    customer: DemoCustomer, install: DemoInstall, builds: Mapping[_BuildKey, bytes]
) -> tuple[bytes, tuple[InputSpec, ...], bool]:
    """The exact catalog file a customer runs (so its SHA-256 matches), with its form."""
    if install.module == CUSTOM_MODULE_KEY:
        return build_sfm(_custom_spec(customer, install.version)), CUSTOM_MODULE_INPUTS, False
    module = _MODULES_BY_KEY.get(install.module)
    release = next((item for item in module.releases if item.version == install.version), None) if module else None
    data = builds.get((install.module, install.version, install.nfr))
    if module is None or release is None or data is None:
        flavour = " (NFR)" if install.nfr else ""
        raise ValueError(f"{customer.name}: no demo build {install.module} v{install.version}{flavour}.")
    return data, release.inputs, module.internal_database


def _custom_spec(customer: DemoCustomer, version: int) -> ModuleSpec:
    """A module the customer had written for them: on the PBX, in no catalog."""
    return ModuleSpec(
        module_id=CUSTOM_MODULE_ID,
        name="Leitstellen-Anbindung",
        vendor=f"{customer.customer} (Eigenentwicklung)",
        version=version,
        names={"de": "Leitstellen-Anbindung", "en": "Control Room Link"},
        description="Meldet Störungsanrufe an die Leitstelle der Netzbetreiber.",
        created_with="STARFACE 9.0.1.3",
        created_by="STARFACE Version 9.0.1.3",
        create_date="2023-05-16T14:02:11+02:00",
        inputs=CUSTOM_MODULE_INPUTS,
        rpc_entry_points=("reportIncident",),
        extra_entries={"de/stadtwerke/leitstelle/LeitstelleModule.class": _CLASS_MAGIC + b"leitstelle"},
    )


def _instance_values(
    customer: DemoCustomer,
    install: DemoInstall,
    inputs: tuple[InputSpec, ...],
    overrides: Mapping[str, str | int | bool],
) -> dict[str, SettingValue]:
    """The form's defaults (typed as the PBX stores them) with the customer's own values on top."""
    storing = {item.variable_id: item for item in inputs if item.variable_id and item.kind not in LAYOUT_KINDS}
    unknown = sorted(set(overrides) - set(storing))
    if unknown:
        raise ValueError(f"{customer.name}: {install.module} v{install.version} has no setting {', '.join(unknown)}.")
    values: dict[str, SettingValue] = {}
    for variable_id, item in storing.items():
        if item.default is not None:
            values[variable_id] = _typed(item, item.default)
    values.update(overrides)
    return values


def _typed(item: InputSpec, text: str) -> SettingValue:
    if item.kind == "numberInput":
        return int(text)
    if item.kind == "checkBoxInput":
        return text == "true"
    return text
