"""The state of one simulated PBX, and how it is kept on disk.

A simulated PBX must survive a restart like a real one does (the update code has to cope with
a PBX that reboots in the middle of an update), so everything the agent would keep on the
PBX's disk is persisted in one folder per PBX::

    <folder>/state.json                 the PBX facts, modules' instances, settings
    <folder>/modules/<module id>.sfm    the installed module files
    <folder>/modules/<module id>.data   a module's internal data blob (when not empty)
    <folder>/uploads/<upload id>.json   a pending or committed upload's metadata
    <folder>/uploads/<upload id>.part   the bytes received so far
    <folder>/lock.json                  the change lock (owner, expiry, SHA-256 of its token)

Writes are atomic (temporary file + rename), so a stopped simulator never leaves a torn file.
Like the real agent (protocol 2), the lock and pending uploads live on disk: a restart or a
new revision of the agent keeps them; a lock ends when it is released or expires.

The agent is a module of the PBX like any other (:data:`~modmanager.core.protocol.AGENT_MODULE_ID`):
it is listed, backed up and updated like the rest, and its instance's ``agentSecret`` value is
the secret every request must carry.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modmanager.core.protocol import (
    AGENT_MODULE_ID,
    AGENT_SECRET_VARIABLE,
    ALL_CAPABILITIES,
    DEFAULT_AGENT_INSTANCE,
    DEFAULT_MAX_CHUNK_SIZE,
    DEFAULT_MAX_UPLOAD_SIZE,
    MAX_PENDING_UPLOADS,
    UPLOAD_EXPIRY_SECONDS,
    Edition,
    License,
    SettingValue,
)
from modmanager.core.sfm import ModuleFile, read_sfm
from modmanager.core.sfmbuild import (
    LEGACY_INTERNAL_DATABASE_ATTRIBUTE,
    SIMULATED_INTERNAL_DATABASE_ATTRIBUTE,
    InputSpec,
    ModuleSpec,
    build_sfm,
)
from modmanager.core.values import value_from_json, value_to_json, value_type

STATE_FILE = "state.json"
MODULES_DIR = "modules"
UPLOADS_DIR = "uploads"
LOCK_FILE = "lock.json"

AGENT_RELEASE = 200
"""The agent module's version (an integer release; 200 is the first speaking protocol 2)."""

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
    attributes = module_file.manifest.attributes
    flag = attributes.get(SIMULATED_INTERNAL_DATABASE_ATTRIBUTE) or attributes.get(
        LEGACY_INTERNAL_DATABASE_ATTRIBUTE, ""
    )
    return flag.strip().lower() == "true"


@functools.lru_cache(maxsize=8)
def agent_module(version: int = AGENT_RELEASE) -> bytes:
    """A module file standing in for the modmanager agent (the contract's descriptor: one
    password input ``agentSecret``); the simulator installs it on every PBX that has the agent."""
    return build_sfm(
        ModuleSpec(
            module_id=AGENT_MODULE_ID,
            name="modmanager Agent",
            vendor="modmanager",
            version=version,
            names={"de": "modmanager Agent", "en": "modmanager Agent"},
            inputs=(InputSpec(AGENT_SECRET_VARIABLE, "Agent secret", kind="passwordInput"),),
            rpc_entry_points=("systemInfo", "listModules"),
        )
    )


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
    agent_instance: str = DEFAULT_AGENT_INSTANCE
    agent_secret: str = ""
    """The secret the agent's instance is configured with when the agent is first put on the
    PBX (afterwards its instance's ``agentSecret`` value counts, see :meth:`configured_secret`).
    Empty: the agent has no secret configured and refuses every request."""
    agent_release: int = AGENT_RELEASE
    """The agent version put on the PBX when it has none yet."""
    agent_installed: bool = True
    modules: dict[str, SimModule] = field(default_factory=dict)
    """Installed modules by module id (the agent's own module among them)."""
    reachable: bool = True
    """False: the simulator does not start this PBX, so connecting is refused."""
    capabilities: frozenset[str] = ALL_CAPABILITIES
    """What the agent reports it can do (``Capability`` values); fewer switches features off."""
    max_upload_size: int = DEFAULT_MAX_UPLOAD_SIZE
    max_chunk_size: int = DEFAULT_MAX_CHUNK_SIZE

    def __post_init__(self) -> None:
        self.capabilities = frozenset(str(item) for item in self.capabilities)
        if self.agent_installed and AGENT_MODULE_ID not in self.modules:
            values: dict[str, SettingValue] = {AGENT_SECRET_VARIABLE: self.agent_secret}
            instance = SimInstance(self.agent_instance, True, values)
            self.modules[AGENT_MODULE_ID] = SimModule(sfm=agent_module(self.agent_release), instances=[instance])

    @property
    def agent(self) -> SimModule | None:
        """The agent's module, if the agent is on this PBX."""
        return self.modules.get(AGENT_MODULE_ID) if self.agent_installed else None

    @property
    def agent_version(self) -> str:
        """What ``systemInfo`` reports as ``agentVersion``: the agent module's version."""
        agent = self.agent
        return str(agent.version if agent is not None else self.agent_release)

    def configured_secret(self, instance_name: str) -> str:
        """The ``agentSecret`` value of the agent's instance ``instance_name`` ("" when none)."""
        agent = self.agent
        instance = agent.instance(instance_name) if agent is not None else None
        value = instance.values.get(AGENT_SECRET_VARIABLE) if instance is not None else None
        return value if isinstance(value, str) else ""

    def add_module(self, sfm: bytes, instances: list[SimInstance] | None = None) -> SimModule:
        """Install ``sfm`` as it is (no upload semantics): for building fixtures."""
        module = SimModule(sfm=sfm, instances=list(instances or []))
        self.modules[module.id] = module
        return module

    def user_modules(self) -> dict[str, SimModule]:
        """The installed modules except the agent itself."""
        return {module_id: module for module_id, module in self.modules.items() if module_id != AGENT_MODULE_ID}


@dataclass
class PendingUpload:
    """An upload in progress (or committed and waiting for ``installUploaded``)."""

    upload_id: str
    size: int
    sha256: str
    received: int = 0
    committed: bool = False
    file_name: str = ""
    touched: float = field(default=0.0, compare=False)
    """When the upload last changed (epoch seconds): old ones are discarded."""


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
            instances=[_instance_from_json(inst) for inst in entry["instances"]],
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
        agent_secret=raw.get("agent_secret", ""),
        agent_release=int(raw.get("agent_release", AGENT_RELEASE)),
        agent_installed=raw["agent_installed"],
        modules=modules,
        reachable=raw["reachable"],
        capabilities=frozenset(raw.get("capabilities", ALL_CAPABILITIES)),
        max_upload_size=int(raw.get("max_upload_size", DEFAULT_MAX_UPLOAD_SIZE)),
        max_chunk_size=int(raw.get("max_chunk_size", DEFAULT_MAX_CHUNK_SIZE)),
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
        # A simulator's test password and agent secret, never real ones; kept so a restarted
        # simulator accepts them.
        "password": pbx.password,
        "agent_instance": pbx.agent_instance,
        "agent_secret": pbx.agent_secret,
        "agent_release": pbx.agent_release,
        "agent_installed": pbx.agent_installed,
        "reachable": pbx.reachable,
        "capabilities": sorted(pbx.capabilities),
        "max_upload_size": pbx.max_upload_size,
        "max_chunk_size": pbx.max_chunk_size,
        "modules": {
            module_id: {
                "name": module.name,
                "version": module.version,
                "license_state": module.license_state,
                "instances": [_instance_to_json(inst) for inst in module.instances],
            }
            for module_id, module in pbx.modules.items()
        },
    }


def _instance_to_json(inst: SimInstance) -> dict[str, Any]:
    return {
        "name": inst.name,
        "active": inst.active,
        "values": {key: value_to_json(value) for key, value in inst.values.items()},
        "types": {key: value_type(value) for key, value in inst.values.items()},
        "needs_cycle": inst.needs_cycle,
        "cycle_deactivated": inst.cycle_deactivated,
    }


def _instance_from_json(raw: dict[str, Any]) -> SimInstance:
    types: dict[str, str] = raw.get("types", {})
    return SimInstance(
        name=raw["name"],
        active=raw["active"],
        values={key: value_from_json(value, types.get(key)) for key, value in raw["values"].items()},
        needs_cycle=raw.get("needs_cycle", False),
        cycle_deactivated=raw.get("cycle_deactivated", False),
    )


@dataclass(frozen=True)
class LockState:
    """The change lock as the agent keeps it on disk: never the token itself, only its hash."""

    token_sha256: str
    owner: str
    expires: float
    """Epoch seconds."""


def save_lock(folder: Path, lock: LockState | None) -> None:
    path = folder / LOCK_FILE
    if lock is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    document = {"tokenSha256": lock.token_sha256, "owner": lock.owner, "expires": lock.expires}
    write_file_atomic(path, json.dumps(document).encode())


def load_lock(folder: Path) -> LockState | None:
    try:
        raw = json.loads((folder / LOCK_FILE).read_text(encoding="utf-8"))
        return LockState(str(raw["tokenSha256"]), str(raw["owner"]), float(raw["expires"]))
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


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
        touched = max(path.stat().st_mtime, part.stat().st_mtime if part.exists() else 0.0)
        return PendingUpload(
            upload_id=upload_id,
            size=raw["size"],
            sha256=raw["sha256"],
            received=min(received, raw["size"]),
            committed=raw.get("committed", False),
            file_name=raw.get("file_name", ""),
            touched=touched,
        )

    def prune(self, *, keep: int = MAX_PENDING_UPLOADS - 1, now: float | None = None) -> None:
        """Discard uploads untouched for a day, then the oldest until at most ``keep`` are left
        (called before a new upload begins, which then makes it :data:`MAX_PENDING_UPLOADS`)."""
        moment = time.time() if now is None else now
        uploads = sorted(self.all(), key=lambda upload: upload.touched)
        for upload in list(uploads):
            if moment - upload.touched > UPLOAD_EXPIRY_SECONDS:
                self.delete(upload.upload_id)
                uploads.remove(upload)
        while len(uploads) > keep:
            self.delete(uploads.pop(0).upload_id)

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
