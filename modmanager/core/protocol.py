"""The agent protocol: what the modmanager agent module on a PBX answers, as typed records.

Shared by the client (:mod:`modmanager.pbx.client`) and the simulator, so both sides agree on
every name. The full contract, for whoever writes the agent module in Java, is
``docs/agent-protocol.md``; this module is its executable form.

Transport: XML-RPC over HTTPS, ``POST /xml-rpc?de.vertico.starface.auth=<login>:<hash>``;
each call is ``<agent instance>.<entry point>`` with one struct in and one struct out.
Every request carries ``protocolVersion``; every answer carries it back.

Parsing an answer is strict: a missing or mistyped field raises :class:`AnswerError`, which the
client turns into a "the PBX sent a broken answer" error instead of letting bad data through.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

PROTOCOL_VERSION = 1
"""Version of this protocol. An agent refuses a request whose major version it does not speak."""

DEFAULT_AGENT_INSTANCE = "modmanager"
"""Default name of the agent's module instance on the PBX (configurable per PBX)."""

XMLRPC_PATH = "/xml-rpc"
AUTH_PARAMETER = "de.vertico.starface.auth"

DEFAULT_CHUNK_SIZE = 256 * 1024
MAX_CHUNK_SIZE = 4 * 1024 * 1024
DEFAULT_LOCK_TTL_SECONDS = 15 * 60


class EntryPoint(enum.StrEnum):
    """Entry point names. ``READ_ONLY`` ones are safe to retry."""

    SYSTEM_INFO = "systemInfo"
    LIST_MODULES = "listModules"
    GET_DESCRIPTOR = "getDescriptor"
    EXPORT_CONFIG = "exportConfig"
    IMPORT_CONFIG = "importConfig"
    ACQUIRE_LOCK = "acquireLock"
    RELEASE_LOCK = "releaseLock"
    UPLOAD_BEGIN = "uploadBegin"
    UPLOAD_STATUS = "uploadStatus"
    UPLOAD_CHUNK = "uploadChunk"
    UPLOAD_COMMIT = "uploadCommit"
    INSTALL_UPLOADED = "installUploaded"
    CREATE_INSTANCE = "createInstance"
    SET_INSTANCE_ACTIVE = "setInstanceActive"
    DELETE_INSTANCE = "deleteInstance"


READ_ONLY_ENTRY_POINTS = frozenset(
    {
        EntryPoint.SYSTEM_INFO,
        EntryPoint.LIST_MODULES,
        EntryPoint.GET_DESCRIPTOR,
        EntryPoint.EXPORT_CONFIG,
        EntryPoint.UPLOAD_STATUS,
    }
)
"""Calls without side effects: the client may retry them after a network error."""

IDEMPOTENT_ENTRY_POINTS = READ_ONLY_ENTRY_POINTS | {
    # Writing the same bytes at the same offset again is harmless; so is setting a state twice.
    EntryPoint.UPLOAD_CHUNK,
    EntryPoint.SET_INSTANCE_ACTIVE,
    EntryPoint.RELEASE_LOCK,
}


class FaultCode(enum.IntEnum):
    """Stable XML-RPC fault codes. The fault string is for logs; clients act on the code."""

    AUTH_FAILED = 1
    UNKNOWN_METHOD = 2
    BAD_REQUEST = 3
    PROTOCOL_UNSUPPORTED = 4
    STARFACE_TOO_OLD = 5
    MODULE_NOT_FOUND = 10
    INSTANCE_NOT_FOUND = 11
    INSTANCE_EXISTS = 12
    UPLOAD_NOT_FOUND = 20
    CHECKSUM_MISMATCH = 21
    OFFSET_MISMATCH = 22
    INVALID_MODULE = 23
    UPLOAD_INCOMPLETE = 24
    LOCKED = 30
    LOCK_REQUIRED = 31
    INTERNAL = 50


class Edition(enum.StrEnum):
    APPLIANCE = "appliance"
    VM = "vm"
    CLOUD = "cloud"
    FREE = "free"


class LicenseKind(enum.StrEnum):
    """Licenses a PBX reports. NFR kinds decide whether NFR module builds apply."""

    SERVER = "server"
    USER = "user"
    NFR_SERVER = "nfr-server"
    NFR_USER = "nfr-user"
    SUBSCRIPTION = "subscription"
    DEMO = "demo"
    REDUNDANCY = "redundancy"


class AnswerError(ValueError):
    """An answer (or request) struct does not have the shape the protocol defines."""


def auth_token(login_id: str, password: str) -> str:
    """The value of the ``de.vertico.starface.auth`` query parameter for XML-RPC.

    ``<loginId>:<sha512hex(loginId + "*" + sha512hex(password))>`` as STARFACE defines it.
    """
    password_hash = hashlib.sha512(password.encode("utf-8")).hexdigest()
    digest = hashlib.sha512(f"{login_id}*{password_hash}".encode()).hexdigest()
    return f"{login_id}:{digest}"


def method_name(agent_instance: str, entry_point: EntryPoint | str) -> str:
    return f"{agent_instance}.{entry_point}"


# --- strict field readers -------------------------------------------------------------------

_T = TypeVar("_T")


def _get(struct: Mapping[str, Any], key: str, kind: type[_T] | tuple[type, ...]) -> _T:
    if not isinstance(struct, Mapping):
        raise AnswerError(f"expected a struct, got {type(struct).__name__}")
    if key not in struct:
        raise AnswerError(f"field {key!r} is missing")
    value = struct[key]
    # bool is an int subclass; never accept one for the other.
    if isinstance(value, bool) and kind in (int, float):
        raise AnswerError(f"field {key!r} has the wrong type")
    if not isinstance(value, kind):
        raise AnswerError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value  # type: ignore[return-value]


def _opt_str(struct: Mapping[str, Any], key: str) -> str | None:
    value = struct.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise AnswerError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _list(struct: Mapping[str, Any], key: str) -> Sequence[Any]:
    value: Sequence[Any] = _get(struct, key, (list, tuple))
    return value


def _bytes(struct: Mapping[str, Any], key: str) -> bytes:
    """Binary fields travel as XML-RPC base64; the transport hands them over as bytes."""
    value = struct.get(key)
    if value is None:
        raise AnswerError(f"field {key!r} is missing")
    data = getattr(value, "data", value)  # xmlrpc.client.Binary
    if not isinstance(data, bytes | bytearray):
        raise AnswerError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return bytes(data)


SettingValue = str | int | float | bool | list[str]


def _setting_values(raw: Any) -> dict[str, SettingValue]:
    if not isinstance(raw, Mapping):
        raise AnswerError("instance values must be a struct")
    values: dict[str, SettingValue] = {}
    for key, value in raw.items():
        if not isinstance(key, str):
            raise AnswerError("instance value keys must be strings")
        if isinstance(value, str | int | float | bool):
            values[key] = value
        elif isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
            values[key] = [str(item) for item in value]
        else:
            raise AnswerError(f"value of {key!r} has an unsupported type ({type(value).__name__})")
    return values


# --- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class License:
    kind: LicenseKind
    count: int = 1
    expires: str | None = None
    """ISO date for demo licenses; ``None`` for keys that never expire."""

    def to_struct(self) -> dict[str, Any]:
        struct: dict[str, Any] = {"kind": self.kind.value, "count": self.count}
        if self.expires:
            struct["expires"] = self.expires
        return struct

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> License:
        try:
            kind = LicenseKind(_get(struct, "kind", str))
        except ValueError as error:
            raise AnswerError(f"unknown license kind {struct.get('kind')!r}") from error
        return cls(kind=kind, count=_get(struct, "count", int), expires=_opt_str(struct, "expires"))


@dataclass(frozen=True)
class SystemInfo:
    protocol_version: int
    agent_version: str
    starface_version: str
    edition: Edition
    server_license_key: str | None
    hardware_id: str | None
    licenses: tuple[License, ...] = ()
    hostname: str = ""

    def has_license(self, kind: LicenseKind) -> bool:
        return any(lic.kind is kind for lic in self.licenses)

    def to_struct(self) -> dict[str, Any]:
        return {
            "protocolVersion": self.protocol_version,
            "agentVersion": self.agent_version,
            "starfaceVersion": self.starface_version,
            "edition": self.edition.value,
            "serverLicenseKey": self.server_license_key or "",
            "hardwareId": self.hardware_id or "",
            "licenses": [lic.to_struct() for lic in self.licenses],
            "hostname": self.hostname,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> SystemInfo:
        try:
            edition = Edition(_get(struct, "edition", str))
        except ValueError as error:
            raise AnswerError(f"unknown edition {struct.get('edition')!r}") from error
        return cls(
            protocol_version=_get(struct, "protocolVersion", int),
            agent_version=_get(struct, "agentVersion", str),
            starface_version=_get(struct, "starfaceVersion", str),
            edition=edition,
            server_license_key=_opt_str(struct, "serverLicenseKey"),
            hardware_id=_opt_str(struct, "hardwareId"),
            licenses=tuple(License.from_struct(item) for item in _list(struct, "licenses")),
            hostname=_opt_str(struct, "hostname") or "",
        )


@dataclass(frozen=True)
class InstanceState:
    name: str
    active: bool

    def to_struct(self) -> dict[str, Any]:
        return {"name": self.name, "active": self.active}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstanceState:
        return cls(name=_get(struct, "name", str), active=_get(struct, "active", bool))


@dataclass(frozen=True)
class InstalledModule:
    id: str
    name: str
    vendor: str
    version: int
    module_type: str = ""
    instances: tuple[InstanceState, ...] = ()
    license_state: str | None = None
    """``"licensed"``, ``"nfr"``, ``"demo"``, ``"unlicensed"`` or ``None`` when unknown."""

    @property
    def active_instances(self) -> tuple[str, ...]:
        return tuple(inst.name for inst in self.instances if inst.active)

    def to_struct(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "vendor": self.vendor,
            "version": self.version,
            "moduleType": self.module_type,
            "instances": [inst.to_struct() for inst in self.instances],
            "licenseState": self.license_state or "",
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstalledModule:
        return cls(
            id=_get(struct, "id", str),
            name=_get(struct, "name", str),
            vendor=_get(struct, "vendor", str),
            version=_get(struct, "version", int),
            module_type=_opt_str(struct, "moduleType") or "",
            instances=tuple(InstanceState.from_struct(item) for item in _list(struct, "instances")),
            license_state=_opt_str(struct, "licenseState"),
        )


@dataclass(frozen=True)
class InstanceConfig:
    """One module instance's stored settings, by variableId."""

    name: str
    active: bool
    values: dict[str, SettingValue] = field(default_factory=dict)

    def to_struct(self) -> dict[str, Any]:
        return {"name": self.name, "active": self.active, "values": dict(self.values)}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstanceConfig:
        return cls(
            name=_get(struct, "name", str),
            active=_get(struct, "active", bool),
            values=_setting_values(struct.get("values", {})),
        )


@dataclass(frozen=True)
class ModuleConfig:
    """Everything a module keeps on the PBX: instance values plus its internal data blob.

    ``internal_data`` is opaque (the module folder's database, packed by the agent); it is
    empty for modules that keep nothing internally.
    """

    module_id: str
    version: int
    instances: tuple[InstanceConfig, ...]
    internal_data: bytes = b""

    def instance(self, name: str) -> InstanceConfig | None:
        return next((inst for inst in self.instances if inst.name == name), None)

    def to_struct(self) -> dict[str, Any]:
        return {
            "moduleId": self.module_id,
            "version": self.version,
            "instances": [inst.to_struct() for inst in self.instances],
            "internalData": self.internal_data,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> ModuleConfig:
        return cls(
            module_id=_get(struct, "moduleId", str),
            version=_get(struct, "version", int),
            instances=tuple(InstanceConfig.from_struct(item) for item in _list(struct, "instances")),
            internal_data=_bytes(struct, "internalData"),
        )


@dataclass(frozen=True)
class UploadState:
    upload_id: str
    offset: int
    """Bytes the agent already holds: a resumed upload continues from here."""
    size: int
    sha256: str
    chunk_size: int = DEFAULT_CHUNK_SIZE

    def to_struct(self) -> dict[str, Any]:
        return {
            "uploadId": self.upload_id,
            "offset": self.offset,
            "size": self.size,
            "sha256": self.sha256,
            "chunkSize": self.chunk_size,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> UploadState:
        return cls(
            upload_id=_get(struct, "uploadId", str),
            offset=_get(struct, "offset", int),
            size=_get(struct, "size", int),
            sha256=_get(struct, "sha256", str),
            chunk_size=_get(struct, "chunkSize", int),
        )


@dataclass(frozen=True)
class CommittedUpload:
    upload_id: str
    module_id: str
    version: int
    sha256: str

    def to_struct(self) -> dict[str, Any]:
        return {
            "uploadId": self.upload_id,
            "moduleId": self.module_id,
            "version": self.version,
            "sha256": self.sha256,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> CommittedUpload:
        return cls(
            upload_id=_get(struct, "uploadId", str),
            module_id=_get(struct, "moduleId", str),
            version=_get(struct, "version", int),
            sha256=_get(struct, "sha256", str),
        )


@dataclass(frozen=True)
class InstallResult:
    """What the PBX did on install: the dangerous side effects are reported, not hidden."""

    module_id: str
    version: int
    previous_version: int | None
    deactivated_instances: tuple[str, ...]
    settings_wiped: bool

    def to_struct(self) -> dict[str, Any]:
        return {
            "moduleId": self.module_id,
            "version": self.version,
            "previousVersion": -1 if self.previous_version is None else self.previous_version,
            "deactivatedInstances": list(self.deactivated_instances),
            "settingsWiped": self.settings_wiped,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstallResult:
        previous = _get(struct, "previousVersion", int)
        deactivated = _list(struct, "deactivatedInstances")
        if not all(isinstance(name, str) for name in deactivated):
            raise AnswerError("deactivatedInstances must be strings")
        return cls(
            module_id=_get(struct, "moduleId", str),
            version=_get(struct, "version", int),
            previous_version=None if previous < 0 else previous,
            deactivated_instances=tuple(deactivated),
            settings_wiped=_get(struct, "settingsWiped", bool),
        )


@dataclass(frozen=True)
class LockGrant:
    token: str
    owner: str
    expires: str
    """ISO 8601 UTC time after which the agent may give the lock to someone else."""

    def to_struct(self) -> dict[str, Any]:
        return {"lockToken": self.token, "owner": self.owner, "expires": self.expires}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> LockGrant:
        return cls(
            token=_get(struct, "lockToken", str),
            owner=_get(struct, "owner", str),
            expires=_get(struct, "expires", str),
        )
