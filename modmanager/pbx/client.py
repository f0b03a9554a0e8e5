"""The client of the modmanager agent on a PBX: XML-RPC over HTTPS with STARFACE's auth.

Every call is ``<agent instance>.<entry point>`` with one struct in and one struct out (see
``docs/agent-protocol.md``). The client adds ``protocolVersion`` to each request, checks it in
each answer and parses answers strictly with the protocol records, so bad data never gets past
this layer. Failures become :class:`~modmanager.core.errors.PbxError` with a stable ``code``
(listed in :data:`FAULT_ERRORS` and the module's functions) that callers branch on.

Only calls in :data:`~modmanager.core.protocol.IDEMPOTENT_ENTRY_POINTS` are retried, and only
after a connection error or timeout: repeating anything else could, say, install twice.

The password is turned into the auth token at once and not kept. The token is as good as the
password for this PBX, so neither the token nor the URL carrying it appears in an error, a log
line or a ``repr``; network exceptions are not chained to the errors raised here for the same
reason (their text quotes the URL).
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import xml.parsers.expat
import xmlrpc.client
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import requests

from modmanager.core.errors import ModManagerError, PbxError
from modmanager.core.protocol import (
    AUTH_PARAMETER,
    DEFAULT_AGENT_INSTANCE,
    DEFAULT_LOCK_TTL_SECONDS,
    IDEMPOTENT_ENTRY_POINTS,
    MAX_CHUNK_SIZE,
    PROTOCOL_VERSION,
    XMLRPC_PATH,
    AnswerError,
    CommittedUpload,
    EntryPoint,
    FaultCode,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    SystemInfo,
    UploadState,
    auth_token,
    method_name,
)
from modmanager.pbx import tls

if TYPE_CHECKING:
    from modmanager.store.credentials import CredentialStore
    from modmanager.store.inventory import PbxRecord

log = logging.getLogger(__name__)
_T = TypeVar("_T")

MAX_ANSWER_BYTES = 256 * 1024 * 1024
"""Refuse answers larger than this (an exported internal database is the largest thing sent)."""
_BACKOFF_SECONDS = 0.25
_MAX_BACKOFF_SECONDS = 4.0
_FAULT_TEXT_LIMIT = 200
AGENT_INSTALL_HINT = (
    "Install the modmanager agent module on this PBX (docs/agent-protocol.md#installing-the-agent), "
    "or correct the agent instance name."
)

# code, message, hint: the errors each agent fault becomes. ``{detail}`` is the fault text; it is
# also the error's ``detail`` param (see fault_error).
FAULT_ERRORS: Mapping[FaultCode, tuple[str, str, str]] = {
    FaultCode.AUTH_FAILED: (
        "auth_failed",
        "The PBX refused the login ID or password.",
        "Check the login ID and store the right password (modmanager pbx add ... --password-stdin).",
    ),
    FaultCode.UNKNOWN_METHOD: (
        "agent_missing",
        "The modmanager agent does not answer on this PBX.",
        AGENT_INSTALL_HINT,
    ),
    FaultCode.BAD_REQUEST: (
        "bad_request",
        "The agent rejected a request as malformed ({detail}).",
        "Update modmanager and the agent module to matching versions.",
    ),
    FaultCode.PROTOCOL_UNSUPPORTED: (
        "protocol_unsupported",
        "The agent on this PBX speaks another protocol version than this modmanager ({detail}).",
        "Update the agent module on the PBX or modmanager so both speak the same protocol version.",
    ),
    FaultCode.STARFACE_TOO_OLD: (
        "starface_too_old",
        "This STARFACE release is too old for the modmanager agent ({detail}).",
        "Update STARFACE on this PBX, or manage its modules by hand.",
    ),
    FaultCode.MODULE_NOT_FOUND: (
        "module_not_found",
        "The module is not installed on the PBX ({detail}).",
        "Refresh the PBX to see its current modules.",
    ),
    FaultCode.INSTANCE_NOT_FOUND: (
        "instance_not_found",
        "The module instance does not exist on the PBX ({detail}).",
        "Refresh the PBX to see its current module instances.",
    ),
    FaultCode.INSTANCE_EXISTS: (
        "instance_exists",
        "A module instance of that name exists already ({detail}).",
        "Choose another instance name.",
    ),
    FaultCode.UPLOAD_NOT_FOUND: (
        "upload_not_found",
        "The PBX no longer holds the uploaded module file ({detail}).",
        "Upload the module again.",
    ),
    FaultCode.CHECKSUM_MISMATCH: (
        "checksum_mismatch",
        "The module file arrived damaged on the PBX ({detail}).",
        "Upload the module again; if it repeats, check the network path to the PBX.",
    ),
    FaultCode.OFFSET_MISMATCH: (
        "offset_mismatch",
        "The PBX expected another part of the module file ({detail}).",
        "Upload the module again.",
    ),
    FaultCode.INVALID_MODULE: (
        "invalid_module",
        "The PBX refused the file as not a valid module ({detail}).",
        "Check that the file is an intact .sfm module.",
    ),
    FaultCode.UPLOAD_INCOMPLETE: (
        "upload_incomplete",
        "The module file on the PBX is incomplete ({detail}).",
        "Upload the module again.",
    ),
    FaultCode.LOCKED: (
        "locked",
        "Another workstation is changing this PBX ({detail}).",
        "Wait until it has finished, or until its lock expires, and retry.",
    ),
    FaultCode.LOCK_REQUIRED: (
        "lock_required",
        "The PBX refused a change without a valid lock (it may have expired or the PBX restarted: {detail}).",
        "Retry the operation; it takes a new lock.",
    ),
    FaultCode.INTERNAL: (
        "agent_internal",
        "The agent on the PBX failed ({detail}).",
        "Retry; if it repeats, check the PBX's log for the modmanager agent.",
    ),
}

_LOCKED_RE = re.compile(r"locked by (?P<owner>.+?)(?: until (?P<expires>\S+))?$")


def bad_answer_error() -> PbxError:
    return PbxError(
        "The PBX sent an answer modmanager cannot read.",
        "Update modmanager and the agent module to matching versions; if it repeats, check the PBX.",
        code="bad_answer",
    )


def cancelled_error() -> PbxError:
    return PbxError(
        "The upload was cancelled; the PBX keeps the part already sent for a later resume.",
        "Start the update again to continue.",
        code="cancelled",
    )


def fault_error(fault_code: int, fault_string: str) -> PbxError:
    """The :class:`PbxError` an agent fault becomes."""
    detail = _printable(fault_string)
    try:
        known = FaultCode(fault_code)
    except ValueError:
        return PbxError(
            f"The agent on the PBX reported an unknown error {fault_code} ({detail}).",
            "Update modmanager to a version that matches the agent module.",
            code="agent_error",
            params={"fault_code": str(fault_code), "detail": detail},
        )
    code, message, hint = FAULT_ERRORS[known]
    params = {"detail": detail}
    if known is FaultCode.LOCKED:
        match = _LOCKED_RE.match(detail)
        if match:
            owner = match["owner"]
            until = f" until {match['expires']}" if match["expires"] else ""
            message = f"The PBX is locked by {owner}{until}: another workstation is changing it."
            params = {"owner": owner, "until": match["expires"] or ""}
    return PbxError(message.format(detail=detail or "no details"), hint, code=code, params=params)


def _printable(text: str) -> str:
    cleaned = "".join(char if char.isprintable() else " " for char in text).strip()
    return cleaned if len(cleaned) <= _FAULT_TEXT_LIMIT else cleaned[:_FAULT_TEXT_LIMIT] + "..."


class AgentClient:
    """One PBX's agent. Not safe for concurrent calls from several threads; use one per task.

    Args:
        url: ``https://host:port`` of the PBX.
        login_id, password: a STARFACE login allowed to call module entry points.
        agent_instance: name of the agent's module instance on the PBX.
        fingerprint: pinned SHA-256 of the PBX certificate, or None for CA verification.
        timeout: seconds for connecting and for each answer.
        retries: extra attempts for idempotent calls after a connection error or timeout.
        session: a session to reuse (the client mounts its TLS adapter on it for this URL).
    """

    def __init__(
        self,
        url: str,
        login_id: str,
        password: str,
        *,
        agent_instance: str = DEFAULT_AGENT_INSTANCE,
        fingerprint: str | None = None,
        timeout: float = 15.0,
        retries: int = 2,
        session: requests.Session | None = None,
    ) -> None:
        host, port = tls.host_and_port(url)
        shown_host = f"[{host}]" if ":" in host else host
        self.url = f"https://{shown_host}:{port}"
        self.login_id = login_id
        self.agent_instance = agent_instance
        self.timeout = timeout
        self.retries = max(0, retries)
        self._auth = auth_token(login_id, password)
        self._endpoint = self.url + XMLRPC_PATH
        self._adapter = tls.TrustAdapter(self.url, fingerprint, timeout)
        self._owns_session = session is None
        self._session = session or requests.Session()
        self._session.trust_env = False  # no proxy or netrc from the environment sees the token
        self._session.mount(self.url + "/", self._adapter)

    @property
    def fingerprint(self) -> str | None:
        return self._adapter.pin

    def __repr__(self) -> str:
        return f"AgentClient({self.url!r}, login={self.login_id!r}, agent={self.agent_instance!r})"

    def close(self) -> None:
        """Close pooled connections (and the session if the client created it)."""
        self._adapter.close()
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> AgentClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------------

    def system_info(self) -> SystemInfo:
        return _parse(SystemInfo.from_struct, self._call(EntryPoint.SYSTEM_INFO, {}))

    def list_modules(self) -> list[InstalledModule]:
        answer = self._call(EntryPoint.LIST_MODULES, {})
        return _parse(lambda s: [InstalledModule.from_struct(item) for item in _items(s, "modules")], answer)

    def get_descriptor(self, module_id: str) -> bytes:
        """The installed module's ``module-descriptor.xml`` (its configuration form)."""
        answer = self._call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id})
        return _parse(lambda s: _binary(s, "descriptor"), answer)

    def get_module_file(self, module_id: str) -> bytes:
        """The installed ``.sfm`` itself, kept before an update so it can be rolled back to."""
        answer = self._call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id, "includeModuleFile": True})
        return _parse(lambda s: _binary(s, "moduleFile"), answer)

    def export_config(self, module_id: str) -> ModuleConfig:
        return _parse(ModuleConfig.from_struct, self._call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))

    # --- locking -----------------------------------------------------------------------------

    def acquire_lock(self, owner: str, ttl_seconds: int = DEFAULT_LOCK_TTL_SECONDS) -> LockGrant:
        """Take the PBX's change lock; ``locked`` error naming the holder if someone has it."""
        answer = self._call(EntryPoint.ACQUIRE_LOCK, {"owner": owner, "ttlSeconds": ttl_seconds})
        return _parse(LockGrant.from_struct, answer)

    def release_lock(self, lock: LockGrant) -> None:
        self._call(EntryPoint.RELEASE_LOCK, {"lockToken": lock.token})

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

    def import_config(self, lock: LockGrant, config: ModuleConfig, *, restore_internal_data: bool = True) -> None:
        """Write instance values (by instance name) and, if asked, the internal data blob back."""
        self._call(
            EntryPoint.IMPORT_CONFIG,
            {
                "moduleId": config.module_id,
                "lockToken": lock.token,
                "instances": [{"name": inst.name, "values": dict(inst.values)} for inst in config.instances],
                "internalData": config.internal_data,
                "restoreInternalData": restore_internal_data,
            },
        )

    def upload(
        self,
        lock: LockGrant,
        data: bytes,
        file_name: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CommittedUpload:
        """Send a module file in chunks and commit it; resumes where the PBX left off.

        ``uploadBegin`` with the same SHA-256 resumes a pending upload, so calling this again
        after any failure continues rather than restarts. Within one call, a dropped chunk is
        followed by ``uploadStatus`` and the upload goes on from the agent's offset; it gives up
        after ``retries + 1`` failures in a row without progress.
        """
        size = len(data)
        digest = hashlib.sha256(data).hexdigest()
        begin = {"fileName": file_name, "size": size, "sha256": digest, "lockToken": lock.token}
        state = _parse(UploadState.from_struct, self._call(EntryPoint.UPLOAD_BEGIN, begin))
        self._check_upload_state(state, size, digest)
        chunk_size = min(state.chunk_size, MAX_CHUNK_SIZE)
        offset = state.offset
        failures = 0
        if progress:
            progress(offset, size)
        while offset < size:
            if cancelled and cancelled():
                raise cancelled_error()
            piece = data[offset : offset + chunk_size]
            chunk = {"uploadId": state.upload_id, "offset": offset, "data": piece, "lockToken": lock.token}
            try:
                answer = self._call(EntryPoint.UPLOAD_CHUNK, chunk, retry=False)
            except PbxError as error:
                if error.code not in ("unreachable", "offset_mismatch") or failures >= self.retries:
                    raise
                failures += 1
                log.info("upload to %s interrupted at %d of %d bytes; asking where to resume", self.url, offset, size)
                self._pause(failures)
                status = {"uploadId": state.upload_id}
                answer = self._call(EntryPoint.UPLOAD_STATUS, status)
            else:
                failures = 0
            state = _parse(UploadState.from_struct, answer)
            self._check_upload_state(state, size, digest)
            offset = state.offset
            if progress:
                progress(offset, size)
        answer = self._call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": lock.token})
        committed = _parse(CommittedUpload.from_struct, answer)
        if committed.sha256 != digest:
            raise bad_answer_error()
        return committed

    def install_uploaded(self, lock: LockGrant, upload: CommittedUpload) -> InstallResult:
        """Install a committed upload. Deactivates the module's instances (see the result)."""
        answer = self._call(EntryPoint.INSTALL_UPLOADED, {"uploadId": upload.upload_id, "lockToken": lock.token})
        return _parse(InstallResult.from_struct, answer)

    def create_instance(self, lock: LockGrant, module_id: str, name: str) -> None:
        self._call(EntryPoint.CREATE_INSTANCE, {"moduleId": module_id, "instanceName": name, "lockToken": lock.token})

    def set_instance_active(self, lock: LockGrant, module_id: str, name: str, active: bool) -> None:
        request = {"moduleId": module_id, "instanceName": name, "active": active, "lockToken": lock.token}
        self._call(EntryPoint.SET_INSTANCE_ACTIVE, request)

    def delete_instance(self, lock: LockGrant, module_id: str, name: str) -> None:
        self._call(EntryPoint.DELETE_INSTANCE, {"moduleId": module_id, "instanceName": name, "lockToken": lock.token})

    # --- transport ---------------------------------------------------------------------------

    def _call(self, entry_point: EntryPoint, params: Mapping[str, Any], *, retry: bool = True) -> dict[str, Any]:
        """One XML-RPC call; the answer struct with its protocol version checked."""
        request = {"protocolVersion": PROTOCOL_VERSION, **params}
        body = xmlrpc.client.dumps((request,), methodname=method_name(self.agent_instance, entry_point))
        attempts = 1 + (self.retries if retry and entry_point in IDEMPOTENT_ENTRY_POINTS else 0)
        for attempt in range(1, attempts + 1):
            started = time.monotonic()
            try:
                status, content = self._exchange(entry_point, body.encode("utf-8"))
            except _NetworkFailure as failure:
                if attempt == attempts:
                    raise self._unreachable(entry_point, failure.error) from None
                log.info("%s on %s failed (attempt %d of %d); retrying", entry_point, self.url, attempt, attempts)
                self._pause(attempt)
                continue
            log.debug("%s on %s answered in %.0f ms", entry_point, self.url, (time.monotonic() - started) * 1000)
            return self._decode(status, content)
        raise AssertionError("unreachable: the loop returns or raises")

    def _exchange(self, entry_point: EntryPoint, body: bytes) -> tuple[int, bytes]:
        """Send one request; (HTTP status, body). Network failures become :class:`_NetworkFailure`."""
        try:
            response = self._session.post(
                self._endpoint,
                params={AUTH_PARAMETER: self._auth},
                data=body,
                headers={"Content-Type": "text/xml; charset=utf-8"},
                timeout=self.timeout,
                stream=True,
                allow_redirects=False,
            )
            try:
                return response.status_code, self._read(response, entry_point)
            finally:
                response.close()
        except requests.exceptions.SSLError as error:
            if _is_certificate_failure(error):
                raise tls.explain_tls_failure(self.url, self._adapter.pin, self.timeout) from None
            # Anything else (a connection closed during the handshake) is a network failure.
            raise _NetworkFailure(error) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
            raise _NetworkFailure(error) from None
        except PbxError as error:
            if error.code != "unreachable":  # the pinned transport could not fetch the certificate
                raise
            raise _NetworkFailure(error) from None

    def _read(self, response: requests.Response, entry_point: EntryPoint) -> bytes:
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_content(64 * 1024):
            total += len(chunk)
            if total > MAX_ANSWER_BYTES:
                log.warning("%s on %s: answer larger than %d bytes", entry_point, self.url, MAX_ANSWER_BYTES)
                raise bad_answer_error()
            chunks.append(chunk)
        return b"".join(chunks)

    def _decode(self, status: int, content: bytes) -> dict[str, Any]:
        if status in (401, 403):
            code, message, hint = FAULT_ERRORS[FaultCode.AUTH_FAILED]
            raise PbxError(message, hint, code=code)
        if status == 404:
            code, message, hint = FAULT_ERRORS[FaultCode.UNKNOWN_METHOD]
            raise PbxError(message, hint, code=code)
        if status != 200:
            raise PbxError(
                f"The PBX answered with HTTP status {status} instead of an agent answer.",
                "Check that the address points to the STARFACE web interface and that the PBX is running.",
                code="http_error",
                params={"status": str(status)},
            )
        try:
            params, _ = xmlrpc.client.loads(content, use_builtin_types=True)
        except xmlrpc.client.Fault as fault:
            fault_code: object = fault.faultCode
            fault_text: object = fault.faultString
            raise fault_error(
                fault_code if isinstance(fault_code, int) else -1, fault_text if isinstance(fault_text, str) else ""
            ) from None
        except (xml.parsers.expat.ExpatError, xmlrpc.client.ResponseError, ValueError, TypeError):
            raise bad_answer_error() from None
        if len(params) != 1 or not isinstance(params[0], dict):
            raise bad_answer_error()
        answer: dict[str, Any] = params[0]
        version = answer.get("protocolVersion")
        if isinstance(version, bool) or version != PROTOCOL_VERSION:
            raise bad_answer_error()
        return answer

    def _unreachable(self, entry_point: EntryPoint, error: BaseException) -> PbxError:
        base = tls.unreachable_error(self.url, error)
        if entry_point in IDEMPOTENT_ENTRY_POINTS or isinstance(error, requests.exceptions.ConnectTimeout):
            return base
        return PbxError(
            base.message.rstrip(".") + f"; {entry_point} may or may not have taken effect.",
            "Refresh the PBX to see its current state before you retry.",
            code="unreachable",
            params={**base.params, "entry_point": str(entry_point)},
        )

    def _pause(self, attempt: int) -> None:
        time.sleep(min(_BACKOFF_SECONDS * 2 ** (attempt - 1), _MAX_BACKOFF_SECONDS))

    @staticmethod
    def _check_upload_state(state: UploadState, size: int, digest: str) -> None:
        if state.size != size or state.sha256 != digest or not 0 <= state.offset <= size or state.chunk_size < 1:
            raise bad_answer_error()


class _NetworkFailure(Exception):
    """A request that got no answer; carries the cause for wording, never for display."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(type(error).__name__)
        self.error = error


def _is_certificate_failure(error: requests.exceptions.SSLError) -> bool:
    text = repr(error)
    return "CERTIFICATE_VERIFY_FAILED" in text or "Fingerprints did not match" in text


def _parse(reader: Callable[[dict[str, Any]], _T], answer: dict[str, Any]) -> _T:
    try:
        return reader(answer)
    except AnswerError as error:
        log.warning("unreadable agent answer: %s", error)
        raise bad_answer_error() from None


def _items(struct: Mapping[str, Any], key: str) -> list[Any]:
    value = struct.get(key)
    if not isinstance(value, list):
        raise AnswerError(f"field {key!r} is missing or not an array")
    return value


def _binary(struct: Mapping[str, Any], key: str) -> bytes:
    value = struct.get(key)
    if not isinstance(value, bytes | bytearray):
        raise AnswerError(f"field {key!r} is missing or not base64")
    return bytes(value)


def connect(record: PbxRecord, credentials: CredentialStore, **kwargs: Any) -> AgentClient:
    """Open a client for a PBX from the inventory, with its stored password and pin."""
    password = credentials.get_password(record.name, record.login_id)
    return AgentClient(
        record.url,
        record.login_id,
        password,
        agent_instance=record.agent_instance,
        fingerprint=record.fingerprint,
        **kwargs,
    )
