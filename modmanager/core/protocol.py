"""The agent protocol (version 2): what the modmanager agent module on a PBX answers, as typed records.

Shared by the client (:mod:`modmanager.pbx.client`) and the simulator, so both sides agree on
every name. The full contract, for whoever writes an agent, is ``docs/agent-protocol.md``;
this module is its executable form.

Transport: XML-RPC over HTTPS, ``POST /xml-rpc?de.vertico.starface.auth=<login>:<hash>``; each
call is ``<agent instance>.<entry point>`` with one struct holding one string member
``request`` (the request as JSON text); the answer is one struct holding one string member
``response`` (the answer as JSON text). Every request carries ``protocolVersion`` and the
``agentSecret``; every answer carries ``protocolVersion`` and either ``result`` or ``fault``.
Binary fields are standard base64 without line breaks inside the JSON.

Parsing is strict and bounded: an answer larger than :data:`MAX_ANSWER_BYTES`, JSON nested
deeper than :data:`MAX_JSON_DEPTH`, a list longer than :data:`MAX_LIST_ITEMS`, an overlong or
control-character text, a missing or mistyped field - each raises :class:`AnswerError`, which
the client turns into "the PBX sent a broken answer" instead of letting bad data through.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from modmanager.core.values import FileResource as FileResource  # re-exported: the protocol's value types
from modmanager.core.values import SettingValue as SettingValue
from modmanager.core.values import TimerSettings as TimerSettings
from modmanager.core.values import decode_base64, value_from_json, value_to_json, value_type

PROTOCOL_VERSION = 2
"""Version of this protocol. An agent refuses a request of another version (``PROTOCOL_UNSUPPORTED``)."""

DEFAULT_AGENT_INSTANCE = "modmanager"
"""Default name of the agent's module instance on the PBX (configurable per PBX)."""

AGENT_MODULE_ID = "4f1c9e2a-7b3d-4a5e-8c6f-0d2b9a1e3c57"
"""The agent module's own, stable module id."""

AGENT_SECRET_VARIABLE = "agentSecret"
"""The variable of the agent's instance configuration that holds the agent secret."""

XMLRPC_PATH = "/xml-rpc"
AUTH_PARAMETER = "de.vertico.starface.auth"
REQUEST_MEMBER = "request"
RESPONSE_MEMBER = "response"

# --- limits -------------------------------------------------------------------------------------

MAX_REQUEST_BYTES = 1024 * 1024
"""A request (its JSON, and the XML-RPC body around it) is at most this large."""
MAX_ANSWER_BYTES = 64 * 1024 * 1024
"""The client refuses larger answers (a module file or an internal database is the largest thing sent)."""
DEFAULT_MAX_CHUNK_SIZE = 256 * 1024
"""Raw bytes per upload chunk an agent accepts by default (``SystemInfo.maxChunkSize``)."""
CLIENT_MAX_CHUNK_SIZE = 256 * 1024
"""The client never sends larger chunks, whatever an agent allows: a chunk must fit a request."""
DEFAULT_MAX_UPLOAD_SIZE = 32 * 1024 * 1024
"""Largest module file an agent accepts by default (``SystemInfo.maxUploadSize``)."""
MAX_PENDING_UPLOADS = 8
"""An agent keeps at most this many pending uploads (the oldest is discarded first)."""
UPLOAD_EXPIRY_SECONDS = 24 * 60 * 60
"""An agent discards an upload untouched for this long."""
DEFAULT_LOCK_TTL_SECONDS = 15 * 60
MIN_LOCK_TTL_SECONDS = 1
MAX_LOCK_TTL_SECONDS = 60 * 60
MAX_JSON_DEPTH = 32
"""Nesting of arrays and objects in one JSON document (answers need about 8)."""
MAX_LIST_ITEMS = 100_000
"""Items of one JSON array, members of one JSON object."""
MAX_TEXT_CHARS = 4096
"""Names, ids, versions, tokens, messages."""
MAX_VALUE_CHARS = 1024 * 1024
"""One setting value (a string, one list item, one map entry)."""
_INT64 = 2**63
_CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


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

LOCKED_ENTRY_POINTS = frozenset(
    {
        EntryPoint.IMPORT_CONFIG,
        EntryPoint.UPLOAD_BEGIN,
        EntryPoint.UPLOAD_CHUNK,
        EntryPoint.UPLOAD_COMMIT,
        EntryPoint.INSTALL_UPLOADED,
        EntryPoint.CREATE_INSTANCE,
        EntryPoint.SET_INSTANCE_ACTIVE,
        EntryPoint.DELETE_INSTANCE,
    }
)
"""Calls that need the ``lockToken`` of the PBX's change lock."""


class FaultCode(enum.IntEnum):
    """Stable fault codes. The message is for logs; clients act on the code."""

    AUTH_FAILED = 1
    UNKNOWN_METHOD = 2
    BAD_REQUEST = 3
    PROTOCOL_UNSUPPORTED = 4
    STARFACE_TOO_OLD = 5
    NOT_SUPPORTED = 6
    SECRET_INVALID = 7
    MODULE_NOT_FOUND = 10
    INSTANCE_NOT_FOUND = 11
    INSTANCE_EXISTS = 12
    UPLOAD_NOT_FOUND = 20
    CHECKSUM_MISMATCH = 21
    OFFSET_MISMATCH = 22
    INVALID_MODULE = 23
    UPLOAD_INCOMPLETE = 24
    UPLOAD_TOO_LARGE = 25
    LOCKED = 30
    LOCK_REQUIRED = 31
    INTERNAL = 50


class Capability(enum.StrEnum):
    """Optional abilities an agent reports in ``SystemInfo.capabilities``."""

    DELETE_INSTANCE = "deleteInstance"
    MODULE_FILE = "moduleFile"
    """``getDescriptor`` can return the installed ``.sfm``."""
    INTERNAL_DATA = "internalData"
    """Export and import of a module's internal database."""
    LICENSES = "licenses"
    """The license facts could be read."""
    SELF_UPDATE = "selfUpdate"


ALL_CAPABILITIES = frozenset(Capability)

CAPABILITY_ENTRY_POINTS: Mapping[EntryPoint, Capability] = {EntryPoint.DELETE_INSTANCE: Capability.DELETE_INSTANCE}
"""Entry points an agent without the capability answers with ``NOT_SUPPORTED``."""


class Edition(enum.StrEnum):
    APPLIANCE = "appliance"
    VM = "vm"
    CLOUD = "cloud"
    FREE = "free"
    UNKNOWN = "unknown"


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
    """An answer (or request) does not have the shape the protocol defines."""


def auth_token(login_id: str, password: str) -> str:
    """The value of the ``de.vertico.starface.auth`` query parameter for XML-RPC.

    ``<loginId>:<sha512hex(loginId + "*" + sha512hex(password))>`` as STARFACE defines it.
    """
    password_hash = hashlib.sha512(password.encode("utf-8")).hexdigest()
    digest = hashlib.sha512(f"{login_id}*{password_hash}".encode()).hexdigest()
    return f"{login_id}:{digest}"


def method_name(agent_instance: str, entry_point: EntryPoint | str) -> str:
    return f"{agent_instance}.{entry_point}"


def split_method_name(method: str) -> tuple[str, str]:
    """(agent instance, entry point): instance names may contain dots, the entry point follows the last."""
    instance, _, entry_point = method.rpartition(".")
    return instance, entry_point


# --- JSON: strict, bounded ----------------------------------------------------------------------


def parse_json(text: str | bytes, *, max_bytes: int = MAX_ANSWER_BYTES) -> Any:
    """Parse one JSON document within the protocol's limits.

    Refuses (AnswerError): more than ``max_bytes``, invalid JSON or UTF-8, duplicate object
    keys, ``NaN``/``Infinity``, nesting deeper than :data:`MAX_JSON_DEPTH`, arrays or objects
    with more than :data:`MAX_LIST_ITEMS` entries.
    """
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > max_bytes:
        raise AnswerError(f"the JSON text is larger than {max_bytes} bytes")
    try:
        document = json.loads(text, object_pairs_hook=_unique_object, parse_constant=_no_constant)
    except RecursionError:
        raise AnswerError("the JSON text is nested too deeply") from None
    except (ValueError, TypeError) as error:  # JSONDecodeError, UnicodeDecodeError, overlong numbers
        raise AnswerError(f"the text is not valid JSON ({type(error).__name__})") from None
    _check_shape(document)
    return document


def dump_json(document: Mapping[str, Any]) -> str:
    """Compact JSON, ASCII only (so it travels through any XML string unchanged), no NaN."""
    try:
        return json.dumps(document, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    except ValueError as error:  # a NaN or an infinite float
        raise AnswerError(f"cannot write as JSON: {error}") from None


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):  # a key given twice collapsed into one
        raise ValueError("duplicate key in a JSON object")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _check_shape(document: Any) -> None:
    """Depth and size of every array and object, without recursion."""
    if type(document) is not dict and type(document) is not list:
        return
    stack: list[tuple[dict[str, Any] | list[Any], int]] = [(document, 1)]
    while stack:  # json.loads makes exactly dict and list: exact type tests are the fast ones
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise AnswerError(f"the JSON text is nested deeper than {MAX_JSON_DEPTH} levels")
        if len(value) > MAX_LIST_ITEMS:
            raise AnswerError(f"a JSON array or object has more than {MAX_LIST_ITEMS} entries")
        for child in value.values() if type(value) is dict else value:
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))


# --- the JSON envelope --------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    """A fault an agent answered inside the JSON (``{"fault": {code, name, message}}``)."""

    code: int
    name: str
    message: str

    def to_struct(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "message": self.message}

    @classmethod
    def from_struct(cls, struct: Any) -> Fault:
        struct = _object(struct, "fault")
        return cls(
            code=_int(struct, "code"),
            name=_text(struct, "name"),
            # The message is for people and logs; the client shows it cleaned and shortened.
            message=_get(struct, "message", str)[:MAX_TEXT_CHARS],
        )

    @classmethod
    def of(cls, code: FaultCode, message: str) -> Fault:
        return cls(int(code), code.name, message)


def encode_request(fields: Mapping[str, Any], agent_secret: str) -> str:
    """The JSON text of a request: ``protocolVersion``, ``agentSecret`` and the entry point's fields."""
    return dump_json({**fields, "protocolVersion": PROTOCOL_VERSION, "agentSecret": agent_secret})


def encode_result(result: Mapping[str, Any]) -> str:
    """The JSON text of a successful answer."""
    return dump_json({"protocolVersion": PROTOCOL_VERSION, "result": dict(result)})


def encode_fault(fault: Fault) -> str:
    """The JSON text of a fault answer."""
    return dump_json({"protocolVersion": PROTOCOL_VERSION, "fault": fault.to_struct()})


def decode_answer(text: str | bytes) -> dict[str, Any] | Fault:
    """The ``result`` object of an answer, or its :class:`Fault`.

    Raises:
        AnswerError: not JSON within the limits, not an object, ``protocolVersion`` not
            :data:`PROTOCOL_VERSION`, or not exactly one of ``result`` and ``fault``.
    """
    document = parse_json(text)
    if not isinstance(document, dict):
        raise AnswerError("the answer is not a JSON object")
    version = document.get("protocolVersion")
    if type(version) is not int or version != PROTOCOL_VERSION:
        raise AnswerError(f"the answer has protocol version {version!r}, not {PROTOCOL_VERSION}")
    has_result, has_fault = "result" in document, "fault" in document
    if has_result == has_fault:
        raise AnswerError("the answer must have exactly one of result and fault")
    if has_fault:
        return Fault.from_struct(document["fault"])
    return _object(document["result"], "result")


def decode_request(text: str) -> dict[str, Any]:
    """A request's JSON object (for agents); AnswerError when it is not one within the limits."""
    document = parse_json(text, max_bytes=MAX_REQUEST_BYTES)
    if not isinstance(document, dict):
        raise AnswerError("the request is not a JSON object")
    return document


# --- the XML-RPC envelope -----------------------------------------------------------------------


@dataclass(frozen=True)
class XmlRpcFault:
    """An XML-RPC ``<fault>``: STARFACE's own answer (bad login, unknown instance or method)."""

    code: int
    text: str


def xmlrpc_request(method: str, request_json: str) -> bytes:
    """A ``methodCall`` with one struct holding one string member ``request``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<methodCall><methodName>{escape(method)}</methodName><params><param><value><struct>"
        f"<member><name>{REQUEST_MEMBER}</name><value><string>{escape(request_json)}</string></value></member>"
        "</struct></value></param></params></methodCall>"
    ).encode()


def xmlrpc_response(response_json: str) -> bytes:
    """A ``methodResponse`` with one struct holding one string member ``response``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<methodResponse><params><param><value><struct>"
        f"<member><name>{RESPONSE_MEMBER}</name><value><string>{escape(response_json)}</string></value></member>"
        "</struct></value></param></params></methodResponse>"
    ).encode()


def xmlrpc_fault(code: int, text: str) -> bytes:
    """A ``methodResponse`` carrying an XML-RPC fault."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<methodResponse><fault><value><struct>"
        f"<member><name>faultCode</name><value><int>{int(code)}</int></value></member>"
        f"<member><name>faultString</name><value><string>{escape(text)}</string></value></member>"
        "</struct></value></fault></methodResponse>"
    ).encode()


def parse_xmlrpc_response(body: bytes) -> str | XmlRpcFault:
    """The ``response`` string of a ``methodResponse``, or its fault.

    Parsed without DTDs or entities; anything but the shapes :func:`xmlrpc_response` and
    :func:`xmlrpc_fault` write (a bare ``<value>`` counts as a string, ``<i4>`` as an int,
    other struct members are ignored) raises AnswerError.
    """
    if len(body) > MAX_ANSWER_BYTES:
        raise AnswerError(f"the answer is larger than {MAX_ANSWER_BYTES} bytes")
    try:
        root = SafeElementTree.fromstring(body, forbid_dtd=True)
    except (DefusedXmlException, ParseError, ValueError, LookupError):
        raise AnswerError("the answer is not well-formed XML-RPC") from None
    if root.tag != "methodResponse" or len(root) != 1:
        raise AnswerError("the answer is not an XML-RPC methodResponse")
    (child,) = root
    if child.tag == "fault":
        members = _xml_struct(_only(child, "value"))
        code, text = members.get("faultCode"), members.get("faultString")
        if code is None:
            raise AnswerError("an XML-RPC fault without faultCode")
        return XmlRpcFault(_xml_int(code), "" if text is None else _xml_string(text))
    if child.tag != "params":
        raise AnswerError("the answer has neither params nor a fault")
    param = _only(child, "param")
    members = _xml_struct(_only(param, "value"))
    response = members.get(RESPONSE_MEMBER)
    if response is None:
        raise AnswerError(f"the answer struct has no member {RESPONSE_MEMBER!r}")
    return _xml_string(response)


def _only(element: Element, tag: str) -> Element:
    if len(element) != 1 or element[0].tag != tag:
        raise AnswerError(f"<{element.tag}> must hold exactly one <{tag}>")
    return element[0]


def _xml_struct(value: Element) -> dict[str, Element]:
    struct = _only(value, "struct")
    if len(struct) > MAX_LIST_ITEMS:
        raise AnswerError("an XML-RPC struct has too many members")
    members: dict[str, Element] = {}
    for member in struct:
        if member.tag != "member":
            raise AnswerError("an XML-RPC struct holds something other than members")
        name = member.find("name")
        found = member.find("value")
        if name is None or found is None:
            raise AnswerError("an XML-RPC member without name or value")
        members.setdefault((name.text or "").strip(), found)
    return members


def _xml_string(value: Element) -> str:
    if len(value) == 0:
        return value.text or ""
    inner = _only(value, "string")
    if len(inner):
        raise AnswerError("an XML-RPC string holds elements")
    return inner.text or ""


def _xml_int(value: Element) -> int:
    if len(value) != 1 or value[0].tag not in ("int", "i4", "i8"):
        raise AnswerError("an XML-RPC faultCode is not an int")
    try:
        return int((value[0].text or "").strip())
    except ValueError:
        raise AnswerError("an XML-RPC faultCode is not an int") from None


# --- strict field readers -------------------------------------------------------------------

_T = TypeVar("_T")


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise AnswerError(f"{what} must be a JSON object, not {type(value).__name__}")
    return value


_MISSING = object()


def _get(struct: Mapping[str, Any], key: str, kind: type[_T] | tuple[type, ...]) -> _T:
    if type(struct) is not dict and not isinstance(struct, Mapping):  # dict first: the ABC check is slow
        raise AnswerError(f"expected an object, got {type(struct).__name__}")
    value = struct.get(key, _MISSING)
    if value is _MISSING:
        raise AnswerError(f"field {key!r} is missing")
    # bool is an int subclass; never accept one for the other.
    if isinstance(value, bool) and (kind is int or kind is float):
        raise AnswerError(f"field {key!r} has the wrong type")
    if not isinstance(value, kind):
        raise AnswerError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value  # type: ignore[return-value]


def _text(struct: Mapping[str, Any], key: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """A name, id or version: bounded, and without control characters (they could redraw a terminal)."""
    value: str = _get(struct, key, str)
    return check_text(value, key, max_chars=max_chars)


def check_text(value: str, what: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """``value`` if it is at most ``max_chars`` long and has no control characters; else AnswerError."""
    if len(value) > max_chars:
        raise AnswerError(f"{what} is longer than {max_chars} characters")
    if _CONTROL_CHARACTERS.search(value):
        raise AnswerError(f"{what} contains control characters")
    return value


def _int(struct: Mapping[str, Any], key: str, *, minimum: int = -_INT64, maximum: int = _INT64 - 1) -> int:
    value: int = _get(struct, key, int)
    if not minimum <= value <= maximum:
        raise AnswerError(f"field {key!r} is out of range")
    return value


def _bool(struct: Mapping[str, Any], key: str) -> bool:
    value: bool = _get(struct, key, bool)
    return value


def _list(struct: Mapping[str, Any], key: str) -> list[Any]:
    value: list[Any] = _get(struct, key, list)
    return value


def _texts(struct: Mapping[str, Any], key: str) -> tuple[str, ...]:
    items = _list(struct, key)
    if not all(isinstance(item, str) for item in items):
        raise AnswerError(f"field {key!r} must hold strings")
    return tuple(check_text(item, key) for item in items)


def _binary(struct: Mapping[str, Any], key: str) -> bytes:
    """A base64 field ("" is no data)."""
    text: str = _get(struct, key, str)
    try:
        return decode_base64(text)
    except ValueError:
        raise AnswerError(f"field {key!r} is not base64") from None


def encode_base64(data: bytes) -> str:
    """Standard base64 without line breaks, as every binary field travels."""
    return base64.b64encode(data).decode("ascii")


def _setting_values(raw: Any, types: Mapping[str, str]) -> dict[str, SettingValue]:
    if not isinstance(raw, Mapping):
        raise AnswerError("instance values must be an object")
    values: dict[str, SettingValue] = {}
    for key, value in raw.items():
        check_text(key, "a variable id")
        _check_value_size(key, value)
        try:
            values[key] = value_from_json(value, types.get(key))
        except ValueError as error:
            raise AnswerError(f"value of {key!r}: {error}") from None
    return values


def _check_value_size(key: str, value: Any) -> None:
    if isinstance(value, str):
        texts: Sequence[Any] = (value,)
    elif isinstance(value, list):
        texts = value
    elif isinstance(value, dict) and set(value) != {"fileName", "data"}:
        texts = [*value.keys(), *value.values()]
    else:
        return
    if any(isinstance(text, str) and len(text) > MAX_VALUE_CHARS for text in texts):
        raise AnswerError(f"value of {key!r} is longer than {MAX_VALUE_CHARS} characters")


def _types(raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise AnswerError("instance types must be an object")
    types: dict[str, str] = {}
    for key, value in raw.items():
        check_text(key, "a variable id")
        if not isinstance(value, str):
            raise AnswerError(f"the type of {key!r} is not a string")
        types[key] = check_text(value, "a variable type", max_chars=64)
    return types


def values_to_json(values: Mapping[str, SettingValue]) -> dict[str, Any]:
    """Instance values in their JSON form (see :func:`modmanager.core.values.value_to_json`)."""
    return {key: value_to_json(value) for key, value in values.items()}


# --- records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class License:
    kind: LicenseKind
    count: int = 1
    expires: str | None = None
    """ISO date for demo licenses; ``None`` for keys that never expire."""

    def to_struct(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "count": self.count, "expires": self.expires or ""}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> License:
        struct = _object(struct, "a license")
        try:
            kind = LicenseKind(_text(struct, "kind"))
        except ValueError as error:
            raise AnswerError(f"unknown license kind {struct.get('kind')!r}") from error
        expires = _text(struct, "expires") if "expires" in struct else ""
        return cls(kind=kind, count=_int(struct, "count", minimum=0), expires=expires or None)


@dataclass(frozen=True)
class SystemInfo:
    agent_version: str
    starface_version: str
    edition: Edition
    server_license_key: str | None
    hardware_id: str | None
    licenses: tuple[License, ...] = ()
    hostname: str = ""
    agent_module_id: str = AGENT_MODULE_ID
    capabilities: frozenset[str] = frozenset()
    """What the agent can do beyond the core (:class:`Capability` values; unknown ones kept)."""
    max_upload_size: int = DEFAULT_MAX_UPLOAD_SIZE
    max_chunk_size: int = DEFAULT_MAX_CHUNK_SIZE

    def has_license(self, kind: LicenseKind) -> bool:
        return any(lic.kind is kind for lic in self.licenses)

    def supports(self, capability: Capability) -> bool:
        return capability.value in self.capabilities

    def to_struct(self) -> dict[str, Any]:
        return {
            "agentVersion": self.agent_version,
            "agentModuleId": self.agent_module_id,
            "starfaceVersion": self.starface_version,
            "edition": self.edition.value,
            "serverLicenseKey": self.server_license_key or "",
            "hardwareId": self.hardware_id or "",
            "licenses": [lic.to_struct() for lic in self.licenses],
            "hostname": self.hostname,
            "capabilities": sorted(self.capabilities),
            "maxUploadSize": self.max_upload_size,
            "maxChunkSize": self.max_chunk_size,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> SystemInfo:
        struct = _object(struct, "systemInfo")
        try:
            edition = Edition(_text(struct, "edition"))
        except ValueError as error:
            raise AnswerError(f"unknown edition {struct.get('edition')!r}") from error
        return cls(
            agent_version=_text(struct, "agentVersion"),
            agent_module_id=_text(struct, "agentModuleId"),
            starface_version=_text(struct, "starfaceVersion"),
            edition=edition,
            server_license_key=_text(struct, "serverLicenseKey") or None,
            hardware_id=_text(struct, "hardwareId") or None,
            licenses=tuple(License.from_struct(item) for item in _list(struct, "licenses")),
            hostname=_text(struct, "hostname"),
            capabilities=frozenset(_texts(struct, "capabilities")),
            max_upload_size=_int(struct, "maxUploadSize", minimum=1),
            max_chunk_size=_int(struct, "maxChunkSize", minimum=1),
        )


@dataclass(frozen=True)
class InstanceState:
    name: str
    active: bool

    def to_struct(self) -> dict[str, Any]:
        return {"name": self.name, "active": self.active}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstanceState:
        struct = _object(struct, "an instance")
        return cls(name=_text(struct, "name"), active=_bool(struct, "active"))


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
        return _module_quickly(struct) or _module_field_by_field(struct)


def _module_field_by_field(struct: Any) -> InstalledModule:
    """A listed module, each field checked on its own: the error names the field that is wrong."""
    struct = _object(struct, "a module")
    return InstalledModule(
        id=_text(struct, "id"),
        name=_text(struct, "name"),
        vendor=_text(struct, "vendor"),
        version=_int(struct, "version"),
        module_type=_text(struct, "moduleType"),
        instances=tuple(InstanceState.from_struct(item) for item in _list(struct, "instances")),
        license_state=_text(struct, "licenseState") or None,
    )


def _module_quickly(struct: Any) -> InstalledModule | None:
    """A listed module when every field is plainly right; None to check it field by field.

    The same rules as :meth:`InstalledModule.from_struct` (texts within MAX_TEXT_CHARS and
    without control characters, an int64 version, instances with a name and a bool), tested
    together: a fleet's refresh reads tens of thousands of modules, nearly all of them fine.
    Anything unusual - a missing field, another type, a long or odd text - takes the slow path,
    which refuses it with the message naming the field.
    """
    if type(struct) is not dict:
        return None
    module_id, name, vendor = struct.get("id"), struct.get("name"), struct.get("vendor")
    module_type, license_state = struct.get("moduleType"), struct.get("licenseState")
    version, instances = struct.get("version"), struct.get("instances")
    if not (
        type(module_id) is str
        and type(name) is str
        and type(vendor) is str
        and type(module_type) is str
        and type(license_state) is str
        and type(version) is int
        and -_INT64 <= version < _INT64
        and type(instances) is list
    ):
        return None
    texts = [module_id, name, vendor, module_type, license_state]
    states: list[InstanceState] = []
    for item in instances:
        if type(item) is not dict:
            return None
        instance_name, active = item.get("name"), item.get("active")
        if type(instance_name) is not str or type(active) is not bool:
            return None
        texts.append(instance_name)
        states.append(InstanceState(instance_name, active))
    if any(len(text) > MAX_TEXT_CHARS for text in texts) or _CONTROL_CHARACTERS.search("".join(texts)):
        return None
    return InstalledModule(
        id=module_id,
        name=name,
        vendor=vendor,
        version=version,
        module_type=module_type,
        instances=tuple(states),
        license_state=license_state or None,
    )


@dataclass(frozen=True)
class InstanceConfig:
    """One module instance's stored settings, by variableId, with their STARFACE types if known."""

    name: str
    active: bool
    values: dict[str, SettingValue] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict, compare=False)
    """variableId -> STARFACE ``VariableType`` name (``STRING``, ``LIST``, ...); may be partial.
    Not part of equality: two configurations are the same when their values are."""

    def to_struct(self) -> dict[str, Any]:
        types = dict(self.types)
        for key, value in self.values.items():
            types.setdefault(key, value_type(value))
        return {"name": self.name, "active": self.active, "values": values_to_json(self.values), "types": types}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstanceConfig:
        struct = _object(struct, "an instance configuration")
        # ``types`` may be empty or partial, and backups written before protocol 2 lack it.
        types = _types(struct.get("types"))
        return cls(
            name=_text(struct, "name"),
            active=_bool(struct, "active"),
            values=_setting_values(struct.get("values", {}), types),
            types=types,
        )


@dataclass(frozen=True)
class ModuleConfig:
    """Everything a module keeps on the PBX: instance values plus its internal data blob.

    ``internal_data`` is opaque (the module folder's database, packed by the agent); it is
    empty for modules that keep nothing internally and for agents without the capability
    ``internalData``.
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
            "internalData": encode_base64(self.internal_data),
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> ModuleConfig:
        struct = _object(struct, "a module configuration")
        return cls(
            module_id=_text(struct, "moduleId"),
            version=_int(struct, "version"),
            instances=tuple(InstanceConfig.from_struct(item) for item in _list(struct, "instances")),
            internal_data=_binary(struct, "internalData"),
        )


@dataclass(frozen=True)
class ModuleDescriptor:
    """``getDescriptor``: the installed module's descriptor and, if asked and available, its file."""

    module_id: str
    version: int
    descriptor: bytes
    module_file: bytes = b""
    """The installed ``.sfm``; empty when not asked for or not available (capability ``moduleFile``)."""

    def to_struct(self) -> dict[str, Any]:
        return {
            "moduleId": self.module_id,
            "version": self.version,
            "descriptor": encode_base64(self.descriptor),
            "moduleFile": encode_base64(self.module_file),
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> ModuleDescriptor:
        struct = _object(struct, "a descriptor answer")
        return cls(
            module_id=_text(struct, "moduleId"),
            version=_int(struct, "version"),
            descriptor=_binary(struct, "descriptor"),
            module_file=_binary(struct, "moduleFile"),
        )


@dataclass(frozen=True)
class ImportResult:
    module_id: str
    instances: tuple[str, ...]
    internal_data_restored: bool

    def to_struct(self) -> dict[str, Any]:
        return {
            "moduleId": self.module_id,
            "instances": list(self.instances),
            "internalDataRestored": self.internal_data_restored,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> ImportResult:
        struct = _object(struct, "an import answer")
        return cls(
            module_id=_text(struct, "moduleId"),
            instances=_texts(struct, "instances"),
            internal_data_restored=_bool(struct, "internalDataRestored"),
        )


@dataclass(frozen=True)
class UploadState:
    upload_id: str
    offset: int
    """Bytes the agent already holds: a resumed upload continues from here."""
    size: int
    sha256: str
    chunk_size: int = DEFAULT_MAX_CHUNK_SIZE

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
        struct = _object(struct, "an upload state")
        return cls(
            upload_id=_text(struct, "uploadId"),
            offset=_int(struct, "offset", minimum=0),
            size=_int(struct, "size", minimum=0),
            sha256=_text(struct, "sha256"),
            chunk_size=_int(struct, "chunkSize", minimum=1),
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
        struct = _object(struct, "a committed upload")
        return cls(
            upload_id=_text(struct, "uploadId"),
            module_id=_text(struct, "moduleId"),
            version=_int(struct, "version"),
            sha256=_text(struct, "sha256"),
        )


@dataclass(frozen=True)
class InstallResult:
    """What the PBX did on install: the dangerous side effects are reported, not hidden.

    ``deferred``: the agent installs itself - it answered first and imports a moment later,
    so the new version is not running yet when this arrives.
    """

    module_id: str
    version: int
    previous_version: int | None
    deactivated_instances: tuple[str, ...]
    settings_wiped: bool
    deferred: bool = False

    def to_struct(self) -> dict[str, Any]:
        return {
            "moduleId": self.module_id,
            "version": self.version,
            "previousVersion": -1 if self.previous_version is None else self.previous_version,
            "deactivatedInstances": list(self.deactivated_instances),
            "settingsWiped": self.settings_wiped,
            "deferred": self.deferred,
        }

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> InstallResult:
        struct = _object(struct, "an install result")
        previous = _int(struct, "previousVersion")
        return cls(
            module_id=_text(struct, "moduleId"),
            version=_int(struct, "version"),
            previous_version=None if previous < 0 else previous,
            deactivated_instances=_texts(struct, "deactivatedInstances"),
            settings_wiped=_bool(struct, "settingsWiped"),
            deferred=_bool(struct, "deferred"),
        )


@dataclass(frozen=True)
class LockGrant:
    token: str
    owner: str
    expires: str
    """ISO 8601 UTC time after which the agent may give the lock to someone else."""

    def __repr__(self) -> str:
        # The token lets its holder change the PBX: it stays out of logs and test output.
        return f"LockGrant(owner={self.owner!r}, expires={self.expires!r})"

    def to_struct(self) -> dict[str, Any]:
        return {"lockToken": self.token, "owner": self.owner, "expires": self.expires}

    @classmethod
    def from_struct(cls, struct: Mapping[str, Any]) -> LockGrant:
        struct = _object(struct, "a lock grant")
        return cls(token=_text(struct, "lockToken"), owner=_text(struct, "owner"), expires=_text(struct, "expires"))


def read_bool(struct: Mapping[str, Any], key: str) -> bool:
    """One boolean field of an answer (``released``, ``deleted``)."""
    return _bool(_object(struct, "the answer"), key)
