"""The client of the modmanager agent on a PBX: protocol 2 over XML-RPC, HTTPS and STARFACE's auth.

Every call is ``<agent instance>.<entry point>`` with one struct holding the request as JSON
(see ``docs/agent-protocol.md``). The client adds ``protocolVersion`` and the agent secret to
each request, checks the version of each answer and parses answers strictly with the protocol
records, so bad data never gets past this layer. Failures become
:class:`~modmanager.core.errors.PbxError` with a stable ``code`` (listed in :data:`FAULT_ERRORS`
and the module's functions) that callers branch on.

Every exchange is bounded: a socket timeout per read, an overall deadline per request (a PBX
trickling one byte every few seconds is cut off), and at most
:data:`~modmanager.core.protocol.MAX_ANSWER_BYTES` of answer. Whatever the network or the PBX
does - a dropped connection mid-answer, a broken chunked encoding, garbage - ends as an
``unreachable`` or ``bad_answer`` error, never a traceback.

Only calls in :data:`~modmanager.core.protocol.IDEMPOTENT_ENTRY_POINTS` are retried, and only
after a connection error or timeout: repeating anything else could, say, install twice.

The password is turned into the auth token at once and not kept. The token and the agent
secret are as good as the password for this PBX, so neither they nor the URL carrying the token
appear in an error, a log line or a ``repr``; network exceptions are not chained to the errors
raised here for the same reason (their text quotes the URL).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlencode

from modmanager.core.errors import ModManagerError, PbxError
from modmanager.core.protocol import (
    AUTH_PARAMETER,
    CLIENT_MAX_CHUNK_SIZE,
    DEFAULT_AGENT_INSTANCE,
    DEFAULT_LOCK_TTL_SECONDS,
    IDEMPOTENT_ENTRY_POINTS,
    MAX_ANSWER_BYTES,
    MAX_REQUEST_BYTES,
    XMLRPC_PATH,
    AnswerError,
    Capability,
    CommittedUpload,
    EntryPoint,
    Fault,
    FaultCode,
    ImportResult,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    ModuleDescriptor,
    SystemInfo,
    UploadState,
    XmlRpcFault,
    auth_token,
    decode_answer,
    encode_base64,
    encode_request,
    method_name,
    parse_xmlrpc_response,
    read_bool,
    values_to_json,
    xmlrpc_request,
)
from modmanager.pbx import https, tls

if TYPE_CHECKING:
    from modmanager.store.credentials import CredentialStore
    from modmanager.store.inventory import PbxRecord

log = logging.getLogger(__name__)
_T = TypeVar("_T")

_BACKOFF_SECONDS = 0.25
_MAX_BACKOFF_SECONDS = 4.0
_FAULT_TEXT_LIMIT = 200
_CONTENT_TYPE = "text/xml; charset=utf-8"
SELF_UPDATE_WAIT_SECONDS = 180.0
"""How long the client waits for an agent that installs itself to run its new version."""
# The code each agent fault becomes; its sentences are in core/messages/pbx.py. Params:
# ``detail`` (the fault text) and ``pbx`` (the PBX's address, see fault_error).
FAULT_ERRORS: Mapping[FaultCode, str] = {
    FaultCode.AUTH_FAILED: "auth_failed",
    FaultCode.UNKNOWN_METHOD: "agent_missing",
    FaultCode.BAD_REQUEST: "bad_request",
    FaultCode.PROTOCOL_UNSUPPORTED: "protocol_unsupported",
    FaultCode.STARFACE_TOO_OLD: "starface_too_old",
    FaultCode.NOT_SUPPORTED: "not_supported",
    FaultCode.SECRET_INVALID: "secret_invalid",
    FaultCode.MODULE_NOT_FOUND: "module_not_found",
    FaultCode.INSTANCE_NOT_FOUND: "instance_not_found",
    FaultCode.INSTANCE_EXISTS: "instance_exists",
    FaultCode.UPLOAD_NOT_FOUND: "upload_not_found",
    FaultCode.CHECKSUM_MISMATCH: "checksum_mismatch",
    FaultCode.OFFSET_MISMATCH: "offset_mismatch",
    FaultCode.INVALID_MODULE: "invalid_module",
    FaultCode.UPLOAD_INCOMPLETE: "upload_incomplete",
    FaultCode.UPLOAD_TOO_LARGE: "upload_too_large",
    FaultCode.LOCKED: "locked",
    FaultCode.LOCK_REQUIRED: "lock_required",
    FaultCode.INTERNAL: "agent_internal",
}

_LOCKED_RE = re.compile(r"locked by (?P<owner>.+?)(?: until (?P<expires>\S+))?$")
_UNKNOWN_METHOD_TEXT = re.compile(
    r"(unknown|no such|not found|does not exist|nicht gefunden|unbekannt).{0,80}(method|instance|handler)"
    r"|(method|instance|handler).{0,80}(unknown|no such|not found|does not exist|nicht gefunden|unbekannt)",
    re.IGNORECASE | re.DOTALL,
)


def bad_answer_error() -> PbxError:
    return PbxError(code="bad_answer")


def cancelled_error() -> PbxError:
    return PbxError(code="cancelled")


def request_too_large_error(size: int) -> PbxError:
    """A request that the protocol's 1 MiB limit does not let through (e.g. huge settings to restore)."""
    return PbxError(
        code="request_too_large",
        params={"size_kib": str(size // 1024), "limit_kib": str(MAX_REQUEST_BYTES // 1024)},
    )


def fault_error(fault_code: int, fault_string: str, *, pbx: str = "the PBX") -> PbxError:
    """The :class:`PbxError` an agent fault becomes; ``pbx`` names the PBX (its address)."""
    detail = _printable(fault_string)
    try:
        known = FaultCode(fault_code)
    except ValueError:
        return PbxError(code="agent_error", params={"fault_code": str(fault_code), "detail": detail})
    params = {"detail": detail, "pbx": pbx}
    if known is FaultCode.LOCKED:
        match = _LOCKED_RE.match(detail)
        if match:
            params = {"owner": match["owner"], "until": match["expires"] or ""}
    return PbxError(code=FAULT_ERRORS[known], params=params)


def xmlrpc_fault_error(fault: XmlRpcFault) -> PbxError:
    """What STARFACE's own XML-RPC fault means: a bad login, no agent, or something else."""
    text = _printable(fault.text)
    if fault.code == FaultCode.AUTH_FAILED:
        return fault_error(FaultCode.AUTH_FAILED, text)
    if fault.code == FaultCode.UNKNOWN_METHOD or _UNKNOWN_METHOD_TEXT.search(fault.text):
        return fault_error(FaultCode.UNKNOWN_METHOD, text)
    return PbxError(
        code="agent_error",
        params={"fault_code": str(fault.code), "detail": text, "source": "xmlrpc"},
    )


def _printable(text: str) -> str:
    cleaned = "".join(char if char.isprintable() else " " for char in text).strip()
    return cleaned if len(cleaned) <= _FAULT_TEXT_LIMIT else cleaned[:_FAULT_TEXT_LIMIT] + "..."


@dataclass(frozen=True)
class UploadedFile:
    """A module file the PBX holds completely, ready for ``installUploaded``.

    ``committed`` is the agent's reading of the file (module id and version) when the client
    committed it separately; None when the whole file went up with ``uploadBegin`` and the
    install commits it.
    """

    upload_id: str
    sha256: str
    size: int
    committed: CommittedUpload | None = None


class AgentClient:
    """One PBX's agent. Not safe for concurrent calls from several threads; use one per task.

    Args:
        url: ``https://host:port`` of the PBX.
        login_id, password: a STARFACE login allowed to call module entry points.
        agent_secret: the secret configured in the agent's module instance.
        agent_instance: name of the agent's module instance on the PBX.
        fingerprint: pinned SHA-256 of the PBX certificate, or None for CA verification.
        timeout: seconds for connecting and for each read.
        deadline: seconds one request/answer exchange may take in all (default: four times
            ``timeout``, at least 30).
        retries: extra attempts for idempotent calls after a connection error or timeout.

    The client keeps one HTTPS connection to the PBX open between calls (see
    :mod:`modmanager.pbx.https`); :meth:`close` ends it.
    """

    def __init__(
        self,
        url: str,
        login_id: str,
        password: str,
        *,
        agent_secret: str,
        agent_instance: str = DEFAULT_AGENT_INSTANCE,
        fingerprint: str | None = None,
        timeout: float = 15.0,
        deadline: float | None = None,
        retries: int = 2,
    ) -> None:
        host, port = tls.host_and_port(url)
        shown_host = f"[{host}]" if ":" in host else host
        self.url = f"https://{shown_host}:{port}"
        self.login_id = login_id
        self.agent_instance = agent_instance
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else max(30.0, 4 * timeout)
        self.retries = max(0, retries)
        self._auth = auth_token(login_id, password)
        self._secret = agent_secret
        self._info: SystemInfo | None = None
        # STARFACE's login travels in the query string; the transport knows no proxy, so only the PBX sees it.
        self._target = f"{XMLRPC_PATH}?{urlencode({AUTH_PARAMETER: self._auth})}"
        pin = None if fingerprint is None else tls.normalize_fingerprint(fingerprint)
        self._connection = https.Connection(self.url, pin, timeout)

    @property
    def fingerprint(self) -> str | None:
        return self._connection.pin

    def __repr__(self) -> str:
        return f"AgentClient({self.url!r}, login={self.login_id!r}, agent={self.agent_instance!r})"

    def close(self) -> None:
        """Close the kept connection (a later call opens a new one)."""
        self._connection.close()

    def __enter__(self) -> AgentClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------

    def system_info(self) -> SystemInfo:
        """Ask the agent for the PBX's facts and its own abilities (and remember them)."""
        self._info = _parse(SystemInfo.from_struct, self._call(EntryPoint.SYSTEM_INFO, {}))
        return self._info

    def known_system_info(self) -> SystemInfo:
        """The facts from the last :meth:`system_info` of this client, asked for if there were none."""
        return self._info if self._info is not None else self.system_info()

    def remember_system_info(self, info: SystemInfo) -> None:
        """Take facts this operation already read through another client (an update's preview), so
        :meth:`known_system_info` and :meth:`supports` need no ``systemInfo`` of their own."""
        self._info = info

    def supports(self, capability: Capability) -> bool:
        """Whether the agent reports ``capability`` (asks once per client)."""
        return self.known_system_info().supports(capability)

    def list_modules(self) -> list[InstalledModule]:
        answer = self._call(EntryPoint.LIST_MODULES, {})
        return _parse(lambda s: [InstalledModule.from_struct(item) for item in _items(s, "modules")], answer)

    def get_descriptor(self, module_id: str) -> bytes:
        """The installed module's ``module-descriptor.xml`` (its configuration form)."""
        answer = self._call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id})
        return _parse(ModuleDescriptor.from_struct, answer).descriptor

    def get_module_file(self, module_id: str) -> bytes:
        """The installed ``.sfm`` itself, kept before an update so it can be rolled back to.

        Empty when the agent cannot hand it out (no capability ``moduleFile``, or a module it
        did not install itself); the caller then looks for another copy.
        """
        if not self.supports(Capability.MODULE_FILE):
            return b""
        answer = self._call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id, "includeModuleFile": True})
        return _parse(ModuleDescriptor.from_struct, answer).module_file

    def get_descriptor_and_file(self, module_id: str) -> tuple[bytes, bytes]:
        """The installed descriptor and, in the same call, the installed ``.sfm`` (``b""`` when the
        agent cannot hand it out: see :meth:`get_module_file`)."""
        if not self.supports(Capability.MODULE_FILE):
            return self.get_descriptor(module_id), b""
        answer = self._call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id, "includeModuleFile": True})
        record = _parse(ModuleDescriptor.from_struct, answer)
        return record.descriptor, record.module_file

    def export_config(self, module_id: str) -> ModuleConfig:
        return _parse(ModuleConfig.from_struct, self._call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))

    # --- locking -----------------------------------------------------------------------------

    def acquire_lock(self, owner: str, ttl_seconds: int = DEFAULT_LOCK_TTL_SECONDS) -> LockGrant:
        """Take the PBX's change lock; ``locked`` error naming the holder if someone has it."""
        answer = self._call(EntryPoint.ACQUIRE_LOCK, {"owner": owner, "ttlSeconds": ttl_seconds})
        return _parse(LockGrant.from_struct, answer)

    def release_lock(self, lock: LockGrant) -> bool:
        """Free the lock; False if the token no longer held it (releasing twice is harmless)."""
        answer = self._call(EntryPoint.RELEASE_LOCK, {"lockToken": lock.token})
        return _parse(lambda s: read_bool(s, "released"), answer)

    @contextmanager
    def locked(self, owner: str, ttl_seconds: int = DEFAULT_LOCK_TTL_SECONDS) -> Iterator[LockGrant]:
        """Hold the lock for a block; it is released even if the block fails.

        A failure to release is logged, not raised: it must not hide the block's own error,
        and the lock expires on its own.
        """
        grant = self.acquire_lock(owner, ttl_seconds)
        try:
            yield grant
        finally:
            try:
                self.release_lock(grant)
            except ModManagerError as error:
                log.warning(
                    "could not release the lock on %s (%s); it expires at %s", self.url, error.message, grant.expires
                )

    # --- changing ----------------------------------------------------------------------------

    def import_config(
        self, lock: LockGrant, config: ModuleConfig, *, restore_internal_data: bool = True
    ) -> ImportResult:
        """Write instance values (by instance name) and, if asked and possible, the internal data back.

        Internal data is only sent to an agent with the capability ``internalData``; the result
        says whether it was restored.
        """
        restore = restore_internal_data and self.supports(Capability.INTERNAL_DATA)
        request: dict[str, Any] = {
            "moduleId": config.module_id,
            "lockToken": lock.token,
            "instances": [{"name": inst.name, "values": values_to_json(inst.values)} for inst in config.instances],
            "restoreInternalData": restore,
        }
        if restore:
            request["internalData"] = encode_base64(config.internal_data)
        return _parse(ImportResult.from_struct, self._call(EntryPoint.IMPORT_CONFIG, request))

    def upload(
        self,
        lock: LockGrant,
        data: bytes,
        file_name: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> UploadedFile:
        """Send a module file and make sure the PBX holds all of it; resumes where the PBX left off.

        ``uploadBegin`` carries the first chunk; a file that fits into it needs no other call
        (``installUploaded`` commits it). Longer files follow in chunks of at most
        min(agent's ``maxChunkSize``, 256 KiB) and are committed with ``uploadCommit``.
        ``uploadBegin`` with the same SHA-256 resumes a pending upload, so calling this again
        after any failure continues rather than restarts. Within one call, a dropped chunk is
        followed by ``uploadStatus`` and the upload goes on from the agent's offset; it gives up
        after ``retries + 1`` failures in a row without progress.
        """
        size = len(data)
        digest = hashlib.sha256(data).hexdigest()
        info = self.known_system_info()
        if size > info.max_upload_size:
            limit = info.max_upload_size // (1024 * 1024)
            raise fault_error(FaultCode.UPLOAD_TOO_LARGE, f"{size} bytes; the agent takes at most {limit} MiB")
        chunk_size = max(1, min(info.max_chunk_size, CLIENT_MAX_CHUNK_SIZE))
        if cancelled and cancelled():
            raise cancelled_error()
        begin = {
            "fileName": file_name,
            "size": size,
            "sha256": digest,
            "lockToken": lock.token,
            "data": encode_base64(data[:chunk_size]),
        }
        state = _parse(UploadState.from_struct, self._call(EntryPoint.UPLOAD_BEGIN, begin))
        self._check_upload_state(state, size, digest)
        chunk_size = max(1, min(chunk_size, state.chunk_size))
        offset = state.offset
        chunked = offset < size
        failures = 0
        if progress:
            progress(offset, size)
        while offset < size:
            if cancelled and cancelled():
                raise cancelled_error()
            piece = encode_base64(data[offset : offset + chunk_size])
            chunk = {"uploadId": state.upload_id, "offset": offset, "data": piece, "lockToken": lock.token}
            try:
                answer = self._call(EntryPoint.UPLOAD_CHUNK, chunk, retry=False)
            except PbxError as error:
                if error.code not in ("unreachable", "offset_mismatch") or failures >= self.retries:
                    raise
                failures += 1
                log.info("upload to %s interrupted at %d of %d bytes; asking where to resume", self.url, offset, size)
                self._pause(failures)
                answer = self._call(EntryPoint.UPLOAD_STATUS, {"uploadId": state.upload_id})
            else:
                failures = 0
            state = _parse(UploadState.from_struct, answer)
            self._check_upload_state(state, size, digest)
            offset = state.offset
            if progress:
                progress(offset, size)
        if not chunked:
            return UploadedFile(state.upload_id, digest, size)
        answer = self._call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": lock.token})
        committed = _parse(CommittedUpload.from_struct, answer)
        if committed.sha256 != digest:
            raise bad_answer_error()
        return UploadedFile(state.upload_id, digest, size, committed)

    def install_uploaded(self, lock: LockGrant, upload: UploadedFile) -> InstallResult:
        """Install an uploaded file (committing it first if needed).

        Deactivates the module's instances (see the result). When the agent installs itself the
        result is ``deferred``: call :meth:`wait_for_agent` before anything else.
        """
        answer = self._call(EntryPoint.INSTALL_UPLOADED, {"uploadId": upload.upload_id, "lockToken": lock.token})
        return _parse(InstallResult.from_struct, answer)

    def wait_for_agent(
        self, version: int, *, wait_seconds: float = SELF_UPDATE_WAIT_SECONDS, poll_seconds: float = 1.0
    ) -> SystemInfo:
        """After the agent answered ``deferred`` to installing itself: poll until ``version`` runs.

        While the agent re-imports itself the PBX may not answer or may answer that the agent is
        missing; both are waited out. A wrong agent secret or login ends the wait at once. Gives
        up with ``agent_update_timeout`` after ``wait_seconds``.
        """
        give_up = time.monotonic() + wait_seconds
        last: PbxError | None = None
        while True:
            try:
                info = self.system_info()
                agent = next(
                    (module for module in self.list_modules() if module.id.lower() == info.agent_module_id.lower()),
                    None,
                )
                if agent is not None and agent.version == version:
                    return info
            except PbxError as error:
                if error.code in ("auth_failed", "secret_invalid"):
                    raise
                last = error
            if time.monotonic() + poll_seconds > give_up:
                break
            time.sleep(poll_seconds)
        raise PbxError(code="agent_update_timeout", params={"pbx": self.url, "version": str(version)}, cause=last)

    def create_instance(self, lock: LockGrant, module_id: str, name: str) -> None:
        self._call(EntryPoint.CREATE_INSTANCE, {"moduleId": module_id, "instanceName": name, "lockToken": lock.token})

    def set_instance_active(self, lock: LockGrant, module_id: str, name: str, active: bool) -> None:
        request = {"moduleId": module_id, "instanceName": name, "active": active, "lockToken": lock.token}
        self._call(EntryPoint.SET_INSTANCE_ACTIVE, request)

    def delete_instance(self, lock: LockGrant, module_id: str, name: str) -> None:
        """Remove an instance; ``not_supported`` from an agent without the capability ``deleteInstance``."""
        self._call(EntryPoint.DELETE_INSTANCE, {"moduleId": module_id, "instanceName": name, "lockToken": lock.token})

    # --- transport ---------------------------------------------------------------------------

    def _call(self, entry_point: EntryPoint, fields: Mapping[str, Any], *, retry: bool = True) -> dict[str, Any]:
        """One call; the answer's ``result`` object (a fault becomes a PbxError)."""
        try:
            request = encode_request(fields, self._secret)
        except AnswerError:
            raise bad_answer_error() from None
        if len(request) > MAX_REQUEST_BYTES:
            raise request_too_large_error(len(request))
        body = xmlrpc_request(method_name(self.agent_instance, entry_point), request)
        attempts = 1 + (self.retries if retry and entry_point in IDEMPOTENT_ENTRY_POINTS else 0)
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            try:
                status, content = self._exchange(entry_point, body)
            except https.NetworkFailure as failure:
                if attempt == attempts:
                    raise self._unreachable(entry_point, failure) from None
                log.info("%s on %s failed (attempt %d of %d); retrying", entry_point, self.url, attempt, attempts)
                self._pause(attempt)
                continue
            log.debug("%s on %s answered in %.0f ms", entry_point, self.url, (time.monotonic() - started) * 1000)
            return self._decode(entry_point, status, content)
        raise AssertionError("unreachable: the loop returns or raises")

    def _exchange(self, entry_point: EntryPoint, body: bytes) -> tuple[int, bytes]:
        """Send one request; (HTTP status, body). Network failures raise :class:`https.NetworkFailure`,
        certificate problems their :class:`PbxError`."""
        try:
            return self._connection.post(
                self._target, body, content_type=_CONTENT_TYPE, deadline=self.deadline, limit=MAX_ANSWER_BYTES
            )
        except https.AnswerRefused as refused:
            log.warning("%s on %s: answer refused (%s; at most %d bytes)", entry_point, self.url, refused.reason,
                        MAX_ANSWER_BYTES)
            raise bad_answer_error() from None

    def _decode(self, entry_point: EntryPoint, status: int, content: bytes) -> dict[str, Any]:
        if status in (401, 403):
            raise fault_error(FaultCode.AUTH_FAILED, "")
        if status == 404:
            raise fault_error(FaultCode.UNKNOWN_METHOD, "")
        if status != 200:
            raise PbxError(code="http_error", params={"status": str(status)})
        try:
            envelope = parse_xmlrpc_response(content)
            if isinstance(envelope, XmlRpcFault):
                raise xmlrpc_fault_error(envelope)
            answer = decode_answer(envelope)
        except AnswerError as error:
            log.warning("%s on %s: unreadable answer (%s)", entry_point, self.url, _printable(str(error)))
            raise bad_answer_error() from None
        if isinstance(answer, Fault):
            raise fault_error(answer.code, answer.message, pbx=self.url)
        return answer

    def _unreachable(self, entry_point: EntryPoint, failure: https.NetworkFailure) -> PbxError:
        base = tls.unreachable_error(self.url, failure.error)
        # A connection that timed out before the request was written certainly did nothing.
        if entry_point in IDEMPOTENT_ENTRY_POINTS or (not failure.sent and isinstance(failure.error, TimeoutError)):
            return base
        return PbxError(code="unreachable", params={**base.params, "entry_point": str(entry_point)})

    def _pause(self, attempt: int) -> None:
        time.sleep(min(_BACKOFF_SECONDS * 2 ** (attempt - 1), _MAX_BACKOFF_SECONDS))

    @staticmethod
    def _check_upload_state(state: UploadState, size: int, digest: str) -> None:
        if state.size != size or state.sha256 != digest or not 0 <= state.offset <= size or state.chunk_size < 1:
            raise bad_answer_error()


def _parse(reader: Callable[[dict[str, Any]], _T], answer: dict[str, Any]) -> _T:
    try:
        return reader(answer)
    except AnswerError as error:
        log.warning("unreadable agent answer: %s", _printable(str(error)))
        raise bad_answer_error() from None


def _items(struct: Mapping[str, Any], key: str) -> list[Any]:
    value = struct.get(key)
    if not isinstance(value, list):
        raise AnswerError(f"field {key!r} is missing or not an array")
    return value


def connect(record: PbxRecord, credentials: CredentialStore, **kwargs: Any) -> AgentClient:
    """Open a client for a PBX from the inventory, with its stored password, agent secret and pin."""
    password = credentials.get_password(record.name, record.login_id)
    agent_secret = credentials.get_agent_secret(record.name)
    return AgentClient(
        record.url,
        record.login_id,
        password,
        agent_secret=agent_secret,
        agent_instance=record.agent_instance,
        fingerprint=record.fingerprint,
        **kwargs,
    )
