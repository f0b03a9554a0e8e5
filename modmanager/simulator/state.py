"""The state of one simulated PBX, and how it is kept on disk.

A simulated PBX must survive a restart like a real one does (the update code has to cope with
a PBX that reboots in the middle of an update), so everything the agent would keep on the
PBX's disk is persisted in one folder per PBX::

    <folder>/state.json                 the PBX facts, modules' instances, settings
    <folder>/modules/<module id>.sfm    the installed module files
    <folder>/modules/<module id>.data   a module's internal data blob (when not empty)
    <folder>/uploads/<upload id>.json   a pending or committed upload's metadata
    <folder>/uploads/<upload id>.part   the bytes received so far

Writes are atomic (temporary file + rename), so a stopped simulator never leaves a torn file.
Locks are *not* persisted: the agent keeps them in memory, and a PBX restart drops them.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modmanager.core.protocol import Edition, License, SettingValue
from modmanager.core.sfm import ModuleFile, read_sfm
from modmanager.core.sfmbuild import SIMULATED_INTERNAL_DATABASE_ATTRIBUTE

STATE_FILE = "state.json"
MODULES_DIR = "modules"
UPLOADS_DIR = "uploads"

_INTERNAL_DB_FOLDERS = ("database/", "db/")
_INTERNAL_DB_SUFFIXES = (".sql", ".mv.db")


def uses_internal_database(module_file: ModuleFile) -> bool:
    """Whether the module keeps its settings in a module-internal database.

    Real PBXs delete the module folder (and with it such a database) when a module is
    uploaded, so these modules lose their settings on every update. A module file is taken to
    ship such a database when it has an entry under ``database/`` or ``db/``, or one ending in
    ``.sql`` or ``.mv.db`` (H2), or when it was built by
    :func:`modmanager.core.sfmbuild.build_sfm` with ``uses_internal_database=True`` (which
    records it in a simulator-only manifest attribute).
    """
    for name in module_file.entry_names:
        lowered = name.lower()
        if lowered.startswith(_INTERNAL_DB_FOLDERS) or lowered.endswith(_INTERNAL_DB_SUFFIXES):
            return True
    flag = module_file.manifest.attributes.get(SIMULATED_INTERNAL_DATABASE_ATTRIBUTE, "")
    return flag.strip().lower() == "true"


@dataclass
class SimInstance:
    """One module instance ("Modulkonfiguration").

    ``needs_cycle`` models a real quirk: a newly created instance shows its UI only after one
    deactivate/activate cycle. Activating it the first time makes it active but it keeps
    ``needs_cycle``; once it has been set inactive and active again, ``needs_cycle`` clears.
    ``cycle_deactivated`` remembers the "set inactive" half of that cycle. Neither is part of
    the protocol; tests inspect them on :attr:`SimulatedPbx.state`.
    """

    name: str
    active: bool
    values: dict[str, SettingValue] = field(default_factory=dict)
    needs_cycle: bool = False
    cycle_deactivated: bool = False

    def set_active(self, active: bool) -> None:
        if self.needs_cycle:
            if not active and self.active:
                self.cycle_deactivated = True
            elif active and self.cycle_deactivated:
                self.needs_cycle = False
                self.cycle_deactivated = False
        self.active = active


@dataclass
class SimModule:
    """An installed module: its file, its instances and its internal data blob."""

    sfm: bytes
    instances: list[SimInstance] = field(default_factory=list)
    internal_data: bytes = b""
    license_state: str | None = None
    """What ``listModules`` reports (``licensed``, ``nfr``, ``demo``, ``unlicensed``) or None."""

    @property
    def module_file(self) -> ModuleFile:
        """The parsed module file (parsed once per ``sfm`` value)."""
        cached: tuple[bytes, ModuleFile] | None = self.__dict__.get("_parsed")
        if cached is None or cached[0] is not self.sfm:
            cached = (self.sfm, read_sfm(self.sfm, source="installed module"))
            self.__dict__["_parsed"] = cached
        return cached[1]

    @property
    def id(self) -> str:
        return self.module_file.descriptor.id

    @property
    def name(self) -> str:
        return self.module_file.descriptor.name

    @property
    def vendor(self) -> str:
        return self.module_file.descriptor.vendor

    @property
    def version(self) -> int:
        return self.module_file.descriptor.version

    @property
    def descriptor_xml(self) -> bytes:
        return self.module_file.descriptor_xml

    @property
    def has_internal_database(self) -> bool:
        return uses_internal_database(self.module_file)

    def instance(self, name: str) -> SimInstance | None:
        return next((inst for inst in self.instances if inst.name == name), None)


@dataclass
class SimPbx:
    """Everything a simulated PBX knows about itself."""

    name: str
    customer: str
    starface_version: str
    edition: Edition
    server_license_key: str | None
    hardware_id: str | None
    licenses: list[License]
    login_id: str
    password: str
    agent_instance: str = "modmanager"
    agent_version: str = "1.0.0"
    agent_installed: bool = True
    modules: dict[str, SimModule] = field(default_factory=dict)
    """Installed modules by module id."""
    reachable: bool = True
    """False: the simulator does not start this PBX, so connecting is refused."""

    def add_module(self, sfm: bytes, instances: list[SimInstance] | None = None) -> SimModule:
        """Install ``sfm`` as it is (no upload semantics): for building fixtures."""
        module = SimModule(sfm=sfm, instances=list(instances or []))
        self.modules[module.id] = module
        return module


@dataclass
class PendingUpload:
    """An upload in progress (or committed and waiting for ``installUploaded``)."""

    upload_id: str
    size: int
    sha256: str
    received: int = 0
    committed: bool = False
    file_name: str = ""


# --- persistence ----------------------------------------------------------------------------


def write_file_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` so that readers see the old or the new content.

    Deliberately without fsync: the simulator only has to survive its own restarts, not power
    cuts, and an fsync per upload chunk would make tests slow.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def save_pbx(folder: Path, pbx: SimPbx) -> None:
    """Write ``pbx`` to ``folder`` (module files first, so state.json never points to nothing)."""
    modules_dir = folder / MODULES_DIR
    modules_dir.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    for module_id, module in pbx.modules.items():
        sfm_path = modules_dir / f"{module_id}.sfm"
        wanted.add(sfm_path.name)
        if not sfm_path.exists() or sfm_path.read_bytes() != module.sfm:
            write_file_atomic(sfm_path, module.sfm)
        data_path = modules_dir / f"{module_id}.data"
        if module.internal_data:
            wanted.add(data_path.name)
            write_file_atomic(data_path, module.internal_data)
    write_file_atomic(folder / STATE_FILE, json.dumps(_pbx_to_json(pbx), indent=2, ensure_ascii=False).encode())
    for stale in modules_dir.iterdir():
        if stale.name not in wanted and not stale.name.startswith("."):
            stale.unlink()


def load_pbx(folder: Path) -> SimPbx:
    """Read the PBX saved in ``folder`` by :func:`save_pbx`."""
    raw: dict[str, Any] = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    modules: dict[str, SimModule] = {}
    for module_id, entry in raw.get("modules", {}).items():
        data_path = folder / MODULES_DIR / f"{module_id}.data"
        modules[module_id] = SimModule(
            sfm=(folder / MODULES_DIR / f"{module_id}.sfm").read_bytes(),
            instances=[SimInstance(**inst) for inst in entry["instances"]],
            internal_data=data_path.read_bytes() if data_path.exists() else b"",
            license_state=entry.get("license_state"),
        )
    return SimPbx(
        name=raw["name"],
        customer=raw["customer"],
        starface_version=raw["starface_version"],
        edition=Edition(raw["edition"]),
        server_license_key=raw["server_license_key"],
        hardware_id=raw["hardware_id"],
        licenses=[License.from_struct(item) for item in raw["licenses"]],
        login_id=raw["login_id"],
        password=raw["password"],
        agent_instance=raw["agent_instance"],
        agent_version=raw["agent_version"],
        agent_installed=raw["agent_installed"],
        modules=modules,
        reachable=raw["reachable"],
    )


def has_saved_pbx(folder: Path) -> bool:
    return (folder / STATE_FILE).is_file()


def _pbx_to_json(pbx: SimPbx) -> dict[str, Any]:
    return {
        "name": pbx.name,
        "customer": pbx.customer,
        "starface_version": pbx.starface_version,
        "edition": pbx.edition.value,
        "server_license_key": pbx.server_license_key,
        "hardware_id": pbx.hardware_id,
        "licenses": [lic.to_struct() for lic in pbx.licenses],
        "login_id": pbx.login_id,
        # A simulator's test password, never a real one; kept so a restarted simulator accepts it.
        "password": pbx.password,
        "agent_instance": pbx.agent_instance,
        "agent_version": pbx.agent_version,
        "agent_installed": pbx.agent_installed,
        "reachable": pbx.reachable,
        "modules": {
            module_id: {
                "name": module.name,
                "version": module.version,
                "license_state": module.license_state,
                "instances": [
                    {
                        "name": inst.name,
                        "active": inst.active,
                        "values": inst.values,
                        "needs_cycle": inst.needs_cycle,
                        "cycle_deactivated": inst.cycle_deactivated,
                    }
                    for inst in module.instances
                ],
            }
            for module_id, module in pbx.modules.items()
        },
    }


class UploadStore:
    """Pending uploads of one PBX on disk, so a restart keeps the bytes already received."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / UPLOADS_DIR

    def _meta_path(self, upload_id: str) -> Path:
        return self.folder / f"{upload_id}.json"

    def _part_path(self, upload_id: str) -> Path:
        return self.folder / f"{upload_id}.part"

    def all(self) -> list[PendingUpload]:
        if not self.folder.is_dir():
            return []
        uploads = []
        for meta in sorted(self.folder.glob("*.json")):
            upload = self.get(meta.stem)
            if upload is not None:
                uploads.append(upload)
        return uploads

    def get(self, upload_id: str) -> PendingUpload | None:
        if not _safe_id(upload_id):
            return None
        path = self._meta_path(upload_id)
        if not path.is_file():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        part = self._part_path(upload_id)
        received = part.stat().st_size if part.exists() else 0
        return PendingUpload(
            upload_id=upload_id,
            size=raw["size"],
            sha256=raw["sha256"],
            received=min(received, raw["size"]),
            committed=raw.get("committed", False),
            file_name=raw.get("file_name", ""),
        )

    def create(self, upload: PendingUpload) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._part_path(upload.upload_id).write_bytes(b"")
        self.save_meta(upload)

    def save_meta(self, upload: PendingUpload) -> None:
        meta = {"size": upload.size, "sha256": upload.sha256, "committed": upload.committed}
        meta["file_name"] = upload.file_name
        write_file_atomic(self._meta_path(upload.upload_id), json.dumps(meta).encode())

    def read(self, upload_id: str, start: int = 0, length: int | None = None) -> bytes:
        with open(self._part_path(upload_id), "rb") as handle:
            handle.seek(start)
            return handle.read() if length is None else handle.read(length)

    def append(self, upload_id: str, data: bytes) -> None:
        with open(self._part_path(upload_id), "ab") as handle:
            handle.write(data)

    def delete(self, upload_id: str) -> None:
        for path in (self._meta_path(upload_id), self._part_path(upload_id)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _safe_id(upload_id: str) -> bool:
    """Upload ids come from the network; only our own hex ids name files."""
    return 0 < len(upload_id) <= 64 and all(ch in "0123456789abcdef" for ch in upload_id)
