"""A simulated STARFACE with the modmanager agent: a real HTTPS XML-RPC server per PBX.

Each :class:`SimulatedPbx` listens on its own loopback port with its own self-signed
certificate and answers ``POST /xml-rpc?de.vertico.starface.auth=<login>:<hash>`` exactly as
protocol 2 (:mod:`modmanager.core.protocol`, ``docs/agent-protocol.md``) defines: method
``<agent instance>.<entry point>``, one struct with one string member ``request`` holding the
request as JSON, one struct with one string member ``response`` holding the answer as JSON
(``result`` or ``fault``). It reproduces what a real PBX does on upload (replace whatever the
version, deactivate every instance, wipe the settings of modules with an internal database)
and keeps its state on disk - modules, pending uploads and the change lock - so it survives
restarts.

What STARFACE itself answers (outside the JSON): a wrong login is an XML-RPC fault
``AUTH_FAILED`` (1); a PBX without the agent, another instance name, an inactive agent
instance or an unknown entry point is an XML-RPC fault ``UNKNOWN_METHOD`` (2) - as is every
call while the agent re-imports itself after a self-update.

What the agent answers, checked in this order (the first failing check answers a JSON fault):
the request is one struct with a string ``request`` holding a JSON object of at most 1 MiB
(``BAD_REQUEST``); ``protocolVersion`` is 2 (``PROTOCOL_UNSUPPORTED``); ``agentSecret`` equals
the ``agentSecret`` value of the called agent instance, compared in constant time
(``SECRET_INVALID``; also when the instance has no secret); STARFACE is 7.0 or newer, except
for ``systemInfo`` (``STARFACE_TOO_OLD``); the entry point's capability is switched on
(``NOT_SUPPORTED``: ``deleteInstance`` without ``deleteInstance``, installing the agent itself
without ``selfUpdate``); the lock (``LOCK_REQUIRED`` / ``LOCKED``); then the fields and the
objects they name. Anything unexpected becomes ``INTERNAL``.

Everything the agent can do is switched on by default; :attr:`SimPbx.capabilities` switches
capabilities off (``moduleFile``: ``getDescriptor`` answers an empty ``moduleFile``;
``internalData``: ``exportConfig`` answers empty internal data and ``importConfig`` restores
none; ``licenses``: ``systemInfo`` reports no licenses). Limits: ``maxUploadSize`` and
``maxChunkSize`` from :class:`SimPbx`, at most 8 pending uploads (the oldest is discarded),
uploads untouched for a day are discarded.

Installing the agent's own module (:data:`~modmanager.core.protocol.AGENT_MODULE_ID`) answers
``deferred: true`` at once and imports the file :attr:`SimulatedPbx.self_update_delay` seconds
later; for :attr:`SimulatedPbx.self_update_downtime` seconds after that the agent does not
answer (``UNKNOWN_METHOD``), then the new version runs with its instance, values and active
state kept. ``uploadBegin`` may carry the first bytes (``data``); ``installUploaded`` commits an
upload that is complete but not yet committed (with the checks of ``uploadCommit``).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import hmac
import logging
import re
import secrets
import socket
import ssl
import threading
import time
import uuid
import xmlrpc.client
from collections.abc import Callable, Mapping
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from modmanager.core.errors import InvalidModuleFile
from modmanager.core.migration import typed_default
from modmanager.core.protocol import (
    AGENT_MODULE_ID,
    AUTH_PARAMETER,
    CAPABILITY_ENTRY_POINTS,
    DEFAULT_LOCK_TTL_SECONDS,
    MAX_LOCK_TTL_SECONDS,
    MAX_REQUEST_BYTES,
    MIN_LOCK_TTL_SECONDS,
    PROTOCOL_VERSION,
    REQUEST_MEMBER,
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
    InstanceConfig,
    InstanceState,
    License,
    LockGrant,
    ModuleConfig,
    ModuleDescriptor,
    SystemInfo,
    UploadState,
    auth_token,
    decode_request,
    dump_json,
    encode_fault,
    encode_result,
    split_method_name,
    xmlrpc_fault,
    xmlrpc_response,
)
from modmanager.core.sfm import ModuleFile, read_sfm
from modmanager.core.values import decode_base64, value_from_json, value_type
from modmanager.simulator.certs import ensure_certificate
from modmanager.simulator.faults import CorruptMode, FaultKind, FaultPlan, Firing
from modmanager.simulator.state import (
    LockState,
    PendingUpload,
    SimInstance,
    SimModule,
    SimPbx,
    UploadStore,
    has_saved_pbx,
    load_lock,
    load_pbx,
    save_lock,
    save_pbx,
    uses_internal_database,
)

log = logging.getLogger(__name__)

MINIMUM_STARFACE_MAJOR = 7
"""The agent module needs STARFACE 7.0 or newer."""

MAX_BODY_BYTES = 2 * MAX_REQUEST_BYTES
"""The HTTP body: the request JSON (at most 1 MiB) inside some XML, escaped."""

PORT_FILE = "port"
PBXS_DIR = "pbxs"

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class AgentFault(Exception):
    """A call the agent refuses: becomes a JSON fault answer with a stable code."""

    def __init__(self, code: FaultCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _TransportFault(Exception):
    """What STARFACE itself answers, outside the agent's JSON: an XML-RPC fault."""

    def __init__(self, code: FaultCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class _DropConnection(Exception):
    """Close the connection without answering (simulated network failure)."""


class SimulatedPbx:
    """One simulated PBX on its own loopback port.

    ``state`` is the live state; after :meth:`restart` (or a ``restart_before`` fault) it is a
    new object read back from disk, so read ``pbx.state`` afresh instead of keeping it.
    """

    def __init__(self, state: SimPbx, folder: Path, *, port: int = 0, latency_ms: int = 0, tls: bool = True) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.state = state
        self.faults = FaultPlan()
        self.latency_ms = latency_ms
        self.tls = tls
        self.self_update_delay = 0.3
        """Seconds between the deferred answer to the agent's self-install and the import."""
        self.self_update_downtime = 0.3
        """Seconds the agent does not answer while it re-imports itself."""
        self._port = port
        self._uploads = UploadStore(folder)
        self._mutex = threading.RLock()
        self._lock_grant: LockState | None = load_lock(folder)
        self._agent_down_until = 0.0
        self._timers: list[threading.Timer] = []
        self._server: _Server | None = None
        self._dark: socket.socket | None = None
        """The bound, never listening socket that keeps an unreachable PBX's port its own."""
        self._thread: threading.Thread | None = None
        self._run_stopped = threading.Event()
        self.cert_pem = ""
        self.cert_path: Path | None = None
        """The certificate file: clients of the simulator pin it (``requests``' ``verify=``)."""
        self.fingerprint = ""
        if tls:
            certificate = ensure_certificate(folder)
            self.cert_pem, self.fingerprint = certificate.cert_pem, certificate.fingerprint
            self.cert_path = certificate.cert_path
            self._ssl_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            self._ssl_context.load_cert_chain(certificate.cert_path, certificate.key_path)
        self._persist()

    # --- life cycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL (the client appends ``/xml-rpc``)."""
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def port(self) -> int:
        if not self._port:
            self._port = self._choose_port()
        return self._port

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def agent_secret(self) -> str:
        """The secret the agent instance is configured with now (what clients must send)."""
        return self.state.configured_secret(self.state.agent_instance)

    def start(self) -> None:
        """Listen and serve in a background thread; a PBX with ``reachable=False`` stays dark."""
        if self._server is not None:
            return
        if not self.state.reachable:
            # A stable URL that refuses connections: the port stays bound (not listening), so no
            # other server - another simulator of a parallel test - can take it meanwhile.
            if self._dark is None:
                dark = socket.socket()
                try:
                    dark.bind(("127.0.0.1", self.port))
                except OSError:
                    dark.close()  # taken since it was chosen: it refuses or answers as what holds it
                else:
                    self._dark = dark
            return
        self._run_stopped = threading.Event()
        server = _bind(self, self.port)
        self._port = server.server_address[1]
        (self.folder / PORT_FILE).write_text(str(self._port))
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name=f"sim-{self.state.name}", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop listening, end open connections and wake hanging calls.

        A self-update that has not been imported yet is lost, as on a PBX switched off.
        """
        self._run_stopped.set()
        with self._mutex:
            timers, self._timers = self._timers, []
        for timer in timers:
            timer.cancel()
        dark, self._dark = self._dark, None
        if dark is not None:
            dark.close()
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def restart(self) -> None:
        """Stop, reload the state from disk (what only lived in memory is lost), start on the same port."""
        self.stop()
        self._reload()
        self.start()

    def _reload(self) -> None:
        with self._mutex:
            self.state = load_pbx(self.folder)
            self._lock_grant = load_lock(self.folder)

    def save(self) -> None:
        """Write ``state`` to disk, e.g. after a test changed it directly while the PBX runs.

        Calls that change the PBX save by themselves; without this, direct changes to
        ``state`` are lost at the next restart (just like unsaved changes on a real PBX).
        """
        with self._mutex:
            self._persist()

    def forget_lock(self) -> None:
        """Drop the change lock (as if it had expired): for tests that start from a clean PBX."""
        with self._mutex:
            self._lock_grant = None
            save_lock(self.folder, None)

    def _persist(self) -> None:
        save_pbx(self.folder, self.state)

    def _choose_port(self) -> int:
        remembered = self.folder / PORT_FILE
        if remembered.is_file():
            with contextlib.suppress(ValueError):
                port = int(remembered.read_text().strip())
                if _port_free(port):
                    return port
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        remembered.write_text(str(port))
        return port

    # --- one call ------------------------------------------------------------------------------

    def handle_request(self, auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
        """The response body for one XML-RPC request, or None to drop the connection."""
        delay = (self.latency_ms + self.faults.latency_ms) / 1000
        if delay and stopped.wait(delay):
            return None
        expected = auth_token(self.state.login_id, self.state.password)
        if auth is None or not hmac.compare_digest(auth.encode(), expected.encode()):
            return xmlrpc_fault(FaultCode.AUTH_FAILED, "authentication failed")
        try:
            params, method = xmlrpc.client.loads(body, use_builtin_types=True)
        except Exception:  # malformed XML comes in many exception types
            return xmlrpc_fault(FaultCode.BAD_REQUEST, "the request is not a valid XML-RPC call")
        try:
            instance, entry_point = self._entry_point(method or "")
            return self._serve(instance, entry_point, params, stopped)
        except _TransportFault as fault:
            return xmlrpc_fault(fault.code, fault.message)
        except AgentFault as fault:
            return xmlrpc_response(encode_fault(Fault.of(fault.code, fault.message)))
        except _DropConnection:
            return None
        except Exception:  # a bug or a disk error: answer like an agent would, keep the trace in the log
            log.exception("%s: %s failed", self.state.name, method)
            return xmlrpc_response(encode_fault(Fault.of(FaultCode.INTERNAL, "internal error in the simulated agent")))

    def _entry_point(self, method: str) -> tuple[str, EntryPoint]:
        """The agent instance called and the entry point; STARFACE's own fault when there is none."""
        instance_name, name = split_method_name(method)
        unknown = _TransportFault(FaultCode.UNKNOWN_METHOD, f"no such method: {method}")
        with self._mutex:
            agent = self.state.agent
            instance = agent.instance(instance_name) if agent is not None else None
            if instance is None or not instance.active or time.time() < self._agent_down_until:
                raise unknown
        try:
            return instance_name, EntryPoint(name)
        except ValueError:
            raise unknown from None

    def _serve(
        self, instance: str, entry_point: EntryPoint, params: tuple[Any, ...], stopped: threading.Event
    ) -> bytes | None:
        faults = self.faults
        if faults.take(FaultKind.RESTART, entry_point) is not None:
            self._reload()
        timeout = faults.take(FaultKind.TIMEOUT, entry_point)
        if timeout is not None and not timeout.after_processing:
            stopped.wait(timeout.seconds)
            return None
        failure = faults.take(FaultKind.FAIL, entry_point)
        if failure is not None:
            raise AgentFault(failure.code, f"injected failure of {entry_point}")
        request = self._checked_request(instance, entry_point, params)
        handler = self._handlers()[entry_point]
        with self._mutex:
            result = handler(request)
        if timeout is not None:
            stopped.wait(timeout.seconds)
            return None
        corruption = faults.take(FaultKind.CORRUPT, entry_point)
        if corruption is not None:
            return _corrupted(result, corruption)
        return xmlrpc_response(encode_result(result))

    def _checked_request(self, instance: str, entry_point: EntryPoint, params: tuple[Any, ...]) -> dict[str, Any]:
        """The request object after the protocol's checks 1-5 (see the module docstring)."""
        text = params[0].get(REQUEST_MEMBER) if len(params) == 1 and isinstance(params[0], Mapping) else None
        if not isinstance(text, str):
            raise AgentFault(FaultCode.BAD_REQUEST, "expected one struct with a string member 'request'")
        try:
            request = decode_request(text)
        except AnswerError as error:
            raise AgentFault(
                FaultCode.BAD_REQUEST, f"the request is not a JSON object within the limits: {error}"
            ) from None
        version = request.get("protocolVersion")
        if type(version) is not int or version != PROTOCOL_VERSION:
            raise AgentFault(
                FaultCode.PROTOCOL_UNSUPPORTED,
                f"protocol version {version!r} unsupported; the agent speaks {PROTOCOL_VERSION}",
            )
        with self._mutex:
            configured = self.state.configured_secret(instance)
        sent = request.get("agentSecret")
        if not configured:
            raise AgentFault(FaultCode.SECRET_INVALID, "the agent has no secret configured")
        if not isinstance(sent, str) or not sent or not hmac.compare_digest(sent.encode(), configured.encode()):
            raise AgentFault(FaultCode.SECRET_INVALID, "the agent secret is missing or wrong")
        starface = self.state.starface_version
        if entry_point is not EntryPoint.SYSTEM_INFO and _starface_major(starface) < MINIMUM_STARFACE_MAJOR:
            raise AgentFault(
                FaultCode.STARFACE_TOO_OLD,
                f"STARFACE {starface} is too old; the agent needs {MINIMUM_STARFACE_MAJOR}.0 or newer",
            )
        capability = CAPABILITY_ENTRY_POINTS.get(entry_point)
        if capability is not None and not self._supports(capability):
            raise AgentFault(FaultCode.NOT_SUPPORTED, f"{entry_point} is not supported by this agent")
        return request

    def _supports(self, capability: Capability) -> bool:
        return capability.value in self.state.capabilities

    def _handlers(self) -> dict[EntryPoint, Callable[[Mapping[str, Any]], dict[str, Any]]]:
        return {
            EntryPoint.SYSTEM_INFO: self._system_info,
            EntryPoint.LIST_MODULES: self._list_modules,
            EntryPoint.GET_DESCRIPTOR: self._get_descriptor,
            EntryPoint.EXPORT_CONFIG: self._export_config,
            EntryPoint.IMPORT_CONFIG: self._import_config,
            EntryPoint.ACQUIRE_LOCK: self._acquire_lock,
            EntryPoint.RELEASE_LOCK: self._release_lock,
            EntryPoint.UPLOAD_BEGIN: self._upload_begin,
            EntryPoint.UPLOAD_STATUS: self._upload_status,
            EntryPoint.UPLOAD_CHUNK: self._upload_chunk,
            EntryPoint.UPLOAD_COMMIT: self._upload_commit,
            EntryPoint.INSTALL_UPLOADED: self._install_uploaded,
            EntryPoint.CREATE_INSTANCE: self._create_instance,
            EntryPoint.SET_INSTANCE_ACTIVE: self._set_instance_active,
            EntryPoint.DELETE_INSTANCE: self._delete_instance,
        }

    # --- read-only entry points ----------------------------------------------------------------

    def _system_info(self, request: Mapping[str, Any]) -> dict[str, Any]:
        pbx = self.state
        licenses: tuple[License, ...] = tuple(pbx.licenses) if self._supports(Capability.LICENSES) else ()
        return SystemInfo(
            agent_version=pbx.agent_version,
            agent_module_id=AGENT_MODULE_ID,
            starface_version=pbx.starface_version,
            edition=pbx.edition,
            server_license_key=pbx.server_license_key,
            hardware_id=pbx.hardware_id,
            licenses=licenses,
            hostname=pbx.name,
            capabilities=pbx.capabilities,
            max_upload_size=pbx.max_upload_size,
            max_chunk_size=pbx.max_chunk_size,
        ).to_struct()

    def _list_modules(self, request: Mapping[str, Any]) -> dict[str, Any]:
        modules = [
            InstalledModule(
                id=module.id,
                name=module.name,
                vendor=module.vendor,
                version=module.version,
                module_type=module.module_file.descriptor.module_type or "",
                instances=tuple(InstanceState(inst.name, inst.active) for inst in module.instances),
                license_state=module.license_state,
            ).to_struct()
            for module in self.state.modules.values()
        ]
        return {"modules": modules}

    def _get_descriptor(self, request: Mapping[str, Any]) -> dict[str, Any]:
        module = self._module(request)
        wanted = _optional(request, "includeModuleFile", bool, False)
        module_file = module.sfm if wanted and self._supports(Capability.MODULE_FILE) else b""
        return ModuleDescriptor(module.id, module.version, module.descriptor_xml, module_file).to_struct()

    def _export_config(self, request: Mapping[str, Any]) -> dict[str, Any]:
        module = self._module(request)
        internal = module.internal_data if self._supports(Capability.INTERNAL_DATA) else b""
        self._stop_unstable_instances(module)
        return ModuleConfig(
            module_id=module.id,
            version=module.version,
            instances=tuple(
                InstanceConfig(inst.name, inst.active, dict(inst.values), _types(inst)) for inst in module.instances
            ),
            internal_data=internal,
        ).to_struct()

    def _stop_unstable_instances(self, module: SimModule) -> None:
        """The ``unstable_instances`` fault: an instance that does not stay up is inactive now."""
        faults = self.faults
        stopped = [inst for inst in module.instances if inst.active and faults.falls_inactive(module.id, inst.name)]
        for inst in stopped:
            inst.active = False
        if stopped:
            self._persist()

    def _upload_status(self, request: Mapping[str, Any]) -> dict[str, Any]:
        return self._upload_state(self._upload(request))

    # --- locking -------------------------------------------------------------------------------

    def _acquire_lock(self, request: Mapping[str, Any]) -> dict[str, Any]:
        owner = _required(request, "owner", str).strip()
        if not owner:
            raise AgentFault(FaultCode.BAD_REQUEST, "owner must not be empty")
        ttl = _optional(request, "ttlSeconds", int, DEFAULT_LOCK_TTL_SECONDS)
        if not MIN_LOCK_TTL_SECONDS <= ttl <= MAX_LOCK_TTL_SECONDS:
            raise AgentFault(
                FaultCode.BAD_REQUEST, f"ttlSeconds must be {MIN_LOCK_TTL_SECONDS} to {MAX_LOCK_TTL_SECONDS}"
            )
        now = time.time()
        grant = self._lock_grant
        if grant is not None and grant.owner != owner and grant.expires > now:
            raise AgentFault(FaultCode.LOCKED, f"locked by {grant.owner} until {_iso(grant.expires)}")
        token = secrets.token_hex(16)
        expires = now + ttl
        self._set_lock(LockState(_token_hash(token), owner, expires))
        return LockGrant(token=token, owner=owner, expires=_iso(expires)).to_struct()

    def _release_lock(self, request: Mapping[str, Any]) -> dict[str, Any]:
        token = _required(request, "lockToken", str)
        grant = self._lock_grant
        released = grant is not None and hmac.compare_digest(grant.token_sha256, _token_hash(token))
        if released:
            self._set_lock(None)
        return {"released": released}

    def _set_lock(self, grant: LockState | None) -> None:
        self._lock_grant = grant
        save_lock(self.folder, grant)

    def _require_lock(self, request: Mapping[str, Any]) -> None:
        token = request.get("lockToken")
        grant = self._lock_grant
        if (
            not isinstance(token, str)
            or grant is None
            or grant.expires <= time.time()
            or not hmac.compare_digest(grant.token_sha256, _token_hash(token))
        ):
            raise AgentFault(FaultCode.LOCK_REQUIRED, "this call needs a valid lock token; call acquireLock first")

    # --- uploads -------------------------------------------------------------------------------

    def _upload_begin(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        size = _required(request, "size", int)
        sha256 = _required(request, "sha256", str).lower()
        if size < 1:
            raise AgentFault(FaultCode.BAD_REQUEST, "size must be at least 1 byte")
        if size > self.state.max_upload_size:
            limit = self.state.max_upload_size
            raise AgentFault(FaultCode.UPLOAD_TOO_LARGE, f"the file has {size} bytes; this agent takes at most {limit}")
        if not _SHA256_HEX.fullmatch(sha256):
            raise AgentFault(FaultCode.BAD_REQUEST, "sha256 must be 64 hex digits")
        data = _binary(request, "data") if request.get("data") not in (None, "") else b""
        self._check_chunk(data, 0, size)
        upload = next((item for item in self._uploads.all() if item.sha256 == sha256 and item.size == size), None)
        if upload is None:
            self._uploads.prune()
            upload = PendingUpload(uuid.uuid4().hex, size, sha256, file_name=_optional(request, "fileName", str, ""))
            self._uploads.create(upload)
        if data:
            upload = self._store_chunk(upload, 0, data)
        return self._upload_state(upload)

    def _upload_chunk(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        offset = _required(request, "offset", int)
        data = _binary(request, "data")
        self._check_chunk(data, offset, upload.size)
        return self._upload_state(self._store_chunk(upload, offset, data, droppable=True))

    def _check_chunk(self, data: bytes, offset: int, size: int) -> None:
        if len(data) > self.state.max_chunk_size:
            raise AgentFault(FaultCode.BAD_REQUEST, f"a chunk may hold at most {self.state.max_chunk_size} bytes")
        if offset < 0 or offset + len(data) > size:
            raise AgentFault(FaultCode.BAD_REQUEST, f"the chunk does not fit into the {size} bytes announced")

    def _store_chunk(
        self, upload: PendingUpload, offset: int, data: bytes, *, droppable: bool = False
    ) -> PendingUpload:
        if offset > upload.received:
            raise _offset_mismatch(upload)
        overlap = min(len(data), upload.received - offset)
        if overlap and self._uploads.read(upload.upload_id, offset, overlap) != data[:overlap]:
            raise _offset_mismatch(upload)
        tail = data[overlap:]
        if tail and upload.committed:
            raise AgentFault(FaultCode.BAD_REQUEST, "the upload is already committed")
        if tail and droppable and self.faults.take(FaultKind.DROP_MID_UPLOAD, EntryPoint.UPLOAD_CHUNK) is not None:
            self._uploads.append(upload.upload_id, tail[: max(1, len(tail) // 2)])
            raise _DropConnection
        self._uploads.append(upload.upload_id, tail)
        return replace(upload, received=upload.received + len(tail))

    def _upload_commit(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        module_file = self._commit(upload)
        return CommittedUpload(
            upload_id=upload.upload_id,
            module_id=module_file.descriptor.id,
            version=module_file.descriptor.version,
            sha256=upload.sha256,
        ).to_struct()

    def _commit(self, upload: PendingUpload) -> ModuleFile:
        """Check a complete upload (size, SHA-256, module) and mark it committed."""
        if upload.received < upload.size:
            raise AgentFault(
                FaultCode.UPLOAD_INCOMPLETE, f"only {upload.received} of {upload.size} bytes were received"
            )
        data = self._uploads.read(upload.upload_id)
        module_file = self._check_upload(upload, data)
        if not upload.committed:
            upload.committed = True
            self._uploads.save_meta(upload)
        return module_file

    def _check_upload(self, upload: PendingUpload, data: bytes) -> ModuleFile:
        """The uploaded module, or a fault (and the upload discarded: its bytes are useless)."""
        if hashlib.sha256(data).hexdigest() != upload.sha256:
            self._uploads.delete(upload.upload_id)
            raise AgentFault(FaultCode.CHECKSUM_MISMATCH, "the received bytes do not match the announced SHA-256")
        try:
            return read_sfm(data, source=upload.file_name or "the uploaded file")
        except InvalidModuleFile as error:
            self._uploads.delete(upload.upload_id)
            raise AgentFault(FaultCode.INVALID_MODULE, error.message) from None

    def _upload(self, request: Mapping[str, Any]) -> PendingUpload:
        upload_id = _required(request, "uploadId", str)
        upload = self._uploads.get(upload_id)
        if upload is None:
            raise AgentFault(FaultCode.UPLOAD_NOT_FOUND, f"no upload {upload_id!r}")
        return upload

    def _upload_state(self, upload: PendingUpload) -> dict[str, Any]:
        return UploadState(
            upload_id=upload.upload_id,
            offset=upload.received,
            size=upload.size,
            sha256=upload.sha256,
            chunk_size=self.state.max_chunk_size,
        ).to_struct()

    # --- installing and instances --------------------------------------------------------------

    def _install_uploaded(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        new_file = self._commit(upload)  # implicit commit: the same checks as uploadCommit
        data = self._uploads.read(upload.upload_id)
        module_id = new_file.descriptor.id
        if module_id == AGENT_MODULE_ID:
            return self._install_self(upload, data, new_file)
        previous = self.state.modules.get(module_id)
        if previous is None:
            self.state.modules[module_id] = SimModule(sfm=data)
            result = InstallResult(module_id, new_file.descriptor.version, None, (), settings_wiped=False)
        else:
            deactivated = tuple(inst.name for inst in previous.instances if inst.active)
            wiped = previous.has_internal_database or uses_internal_database(new_file)
            for inst in previous.instances:
                inst.active = False
                if wiped:  # the values are lost: the instance shows the new form's defaults
                    inst.values = _form_defaults(new_file)
            self.state.modules[module_id] = SimModule(
                sfm=data,
                instances=previous.instances,
                internal_data=b"" if wiped else previous.internal_data,
                license_state=previous.license_state,
            )
            result = InstallResult(module_id, new_file.descriptor.version, previous.version, deactivated, wiped)
        self._persist()
        self._uploads.delete(upload.upload_id)
        return result.to_struct()

    def _install_self(self, upload: PendingUpload, data: bytes, new_file: ModuleFile) -> dict[str, Any]:
        """The agent installs itself: answer first (deferred), import a moment later."""
        if not self._supports(Capability.SELF_UPDATE):
            raise AgentFault(FaultCode.NOT_SUPPORTED, "this agent cannot update itself")
        agent = self.state.agent
        previous = agent.version if agent is not None else None
        self._uploads.delete(upload.upload_id)
        timer = threading.Timer(self.self_update_delay, self._import_self, args=(data,))
        timer.daemon = True
        self._timers.append(timer)
        timer.start()
        return InstallResult(
            AGENT_MODULE_ID, new_file.descriptor.version, previous, (), settings_wiped=False, deferred=True
        ).to_struct()

    def _import_self(self, data: bytes) -> None:
        with self._mutex:
            if self._run_stopped.is_set():
                return
            agent = self.state.agent
            instances = agent.instances if agent is not None else []
            self.state.modules[AGENT_MODULE_ID] = SimModule(sfm=data, instances=instances)
            self._agent_down_until = time.time() + self.self_update_downtime
            self._persist()

    def _import_config(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module = self._module(request)
        raw_instances = _required(request, "instances", list)
        targets: list[tuple[SimInstance, dict[str, Any]]] = []
        names: list[str] = []
        for item in raw_instances:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                raise AgentFault(FaultCode.BAD_REQUEST, "each instance needs a name and values")
            instance = module.instance(item["name"])
            if instance is None:
                raise AgentFault(FaultCode.INSTANCE_NOT_FOUND, f"module {module.id} has no instance {item['name']!r}")
            targets.append((instance, _values(item.get("values"), _types(instance))))
            names.append(instance.name)
        restore = _optional(request, "restoreInternalData", bool, False) and self._supports(Capability.INTERNAL_DATA)
        internal_data = _binary(request, "internalData") if restore and request.get("internalData") else b""
        for instance, values in targets:
            instance.values = values
        if restore:
            module.internal_data = internal_data
        self._persist()
        return ImportResult(module.id, tuple(names), restore).to_struct()

    def _create_instance(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module = self._module(request)
        name = _required(request, "instanceName", str)
        if not name.strip():
            raise AgentFault(FaultCode.BAD_REQUEST, "instanceName must not be empty")
        if module.instance(name) is not None:
            raise AgentFault(FaultCode.INSTANCE_EXISTS, f"module {module.id} already has an instance {name!r}")
        instance = SimInstance(name=name, active=False, values=_form_defaults(module.module_file), needs_cycle=True)
        module.instances.append(instance)
        self._persist()
        return InstanceState(instance.name, instance.active).to_struct()

    def _set_instance_active(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module, instance = self._instance(request)
        instance.set_active(_required(request, "active", bool))
        self.faults.note_activation(module.id, module.version, instance.name, instance.active)
        self._persist()
        return InstanceState(instance.name, instance.active).to_struct()

    def _delete_instance(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module, instance = self._instance(request)
        module.instances.remove(instance)
        self._persist()
        return {"moduleId": module.id, "instanceName": instance.name, "deleted": True}

    def _module(self, request: Mapping[str, Any]) -> SimModule:
        module_id = _required(request, "moduleId", str)
        module = self.state.modules.get(module_id)
        if module is None:
            raise AgentFault(FaultCode.MODULE_NOT_FOUND, f"no module {module_id!r} is installed")
        return module

    def _instance(self, request: Mapping[str, Any]) -> tuple[SimModule, SimInstance]:
        module = self._module(request)
        name = _required(request, "instanceName", str)
        instance = module.instance(name)
        if instance is None:
            raise AgentFault(FaultCode.INSTANCE_NOT_FOUND, f"module {module.id} has no instance {name!r}")
        return module, instance


class SimulatorFleet:
    """Many simulated PBXs under one data folder (``<data_dir>/pbxs/<name>/``)."""

    def __init__(self, data_dir: Path, *, base_port: int = 0, latency_ms: int = 0, tls: bool = True) -> None:
        self.data_dir = data_dir
        self.base_port = base_port
        self.latency_ms = latency_ms
        self.tls = tls
        self.pbxs: list[SimulatedPbx] = []
        self._started = False

    def add(self, pbx: SimPbx, *, resume: bool = False) -> SimulatedPbx:
        """Add a PBX (started at once if the fleet runs).

        With ``resume`` a PBX of the same name saved by an earlier run wins over ``pbx``, so a
        simulated fleet keeps what was done to it across simulator runs.
        """
        folder = self.data_dir / PBXS_DIR / _folder_name(pbx.name)
        if any(existing.folder == folder for existing in self.pbxs):
            raise ValueError(f"a PBX named {pbx.name!r} is already in the fleet")
        state = load_pbx(folder) if resume and has_saved_pbx(folder) else pbx
        port = self.base_port + len(self.pbxs) if self.base_port else 0
        simulated = SimulatedPbx(state, folder, port=port, latency_ms=self.latency_ms, tls=self.tls)
        self.pbxs.append(simulated)
        if self._started:
            simulated.start()
        return simulated

    def get(self, name: str) -> SimulatedPbx:
        for simulated in self.pbxs:
            if simulated.state.name == name:
                return simulated
        raise KeyError(name)

    def start(self) -> None:
        self._started = True
        for simulated in self.pbxs:
            simulated.start()

    def stop(self) -> None:
        self._started = False
        for simulated in self.pbxs:
            simulated.stop()

    def describe(self) -> list[dict[str, Any]]:
        """How to reach each PBX: name, url, login_id, password, agent_secret, agent_instance,
        fingerprint (and reachable). Simulator credentials only, never real ones."""
        return [
            {
                "name": sim.state.name,
                "url": sim.url,
                "login_id": sim.state.login_id,
                "password": sim.state.password,
                "agent_secret": sim.agent_secret,
                "agent_instance": sim.state.agent_instance,
                "fingerprint": sim.fingerprint or None,
                "reachable": sim.state.reachable,
            }
            for sim in self.pbxs
        ]

    def __enter__(self) -> SimulatorFleet:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


# --- HTTP plumbing ------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    """Accepts on the main loop; the TLS handshake happens in the request thread."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, pbx: SimulatedPbx, port: int) -> None:
        self.pbx = pbx
        self.stopped = pbx._run_stopped
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    def verify_request(self, request: Any, client_address: Any) -> bool:
        return not self.pbx.faults.take_refusal()

    def finish_request(self, request: Any, client_address: Any) -> None:
        connection: socket.socket = request
        if self.pbx.tls:
            try:
                connection.settimeout(10)
                connection = self.pbx._ssl_context.wrap_socket(request, server_side=True)
            except (OSError, ssl.SSLError):
                return
        with self._connections_lock:
            self._connections.add(connection)
        try:
            _Handler(connection, client_address, self)
        except OSError:
            pass
        finally:
            with self._connections_lock:
                self._connections.discard(connection)
            with contextlib.suppress(OSError):
                connection.close()

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no delayed-ACK stall
    server: _Server
    timeout = 60
    server_version = "STARFACE-Simulator"
    sys_version = ""

    def do_POST(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != XMLRPC_PATH:
            self._plain(404, "not found")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._plain(411, "length required")
            return
        if not 0 <= length <= MAX_BODY_BYTES:
            self._plain(413, "request too large")
            return
        body = self.rfile.read(length)
        auth = parse_qs(parts.query).get(AUTH_PARAMETER, [None])[0]
        answer = self.server.pbx.handle_request(auth, body, self.server.stopped)
        if answer is None:
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_GET(self) -> None:
        self._plain(405, "method not allowed")

    def _plain(self, status: int, text: str) -> None:
        payload = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        if status == 405:
            self.send_header("Allow", "POST")
        self.end_headers()
        self.wfile.write(payload)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The request line carries the auth token in its query: log the path only.
        log.debug("%s: %s %s %s", self.server.pbx.state.name, self.command, self.path.split("?", 1)[0], code)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s: " + format, self.server.pbx.state.name, *args)


def _bind(pbx: SimulatedPbx, port: int) -> _Server:
    try:
        return _Server(pbx, port)
    except OSError:
        if not port:
            raise
        log.info("port %d is taken, %s gets a free port", port, pbx.state.name)
        return _Server(pbx, 0)


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# --- small helpers ------------------------------------------------------------------------------


def _corrupted(result: dict[str, Any], firing: Firing) -> bytes:
    if firing.mode is CorruptMode.WRONG_TYPES:
        document = {"protocolVersion": PROTOCOL_VERSION, "result": _stringify(result)}
        return xmlrpc_response(dump_json(document))
    if firing.mode is CorruptMode.NOT_JSON:
        return xmlrpc_response('{"protocolVersion": 2, "result": {garbled')
    return b"<?xml version='1.0'?>\n<methodResponse><params><param><value><struct>\x00garbled"


def _stringify(value: Any) -> Any:
    """Numbers and flags become strings, strings become numbers: every field has the wrong type."""
    if isinstance(value, dict):
        return {key: _stringify(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stringify(item) for item in value]
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, str):
        return len(value)
    return value


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _types(instance: SimInstance) -> dict[str, str]:
    """The STARFACE types of an instance's variables, as the agent reports them."""
    return {key: value_type(value) for key, value in instance.values.items()}


def _values(raw: Any, types: Mapping[str, str]) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise AgentFault(FaultCode.BAD_REQUEST, "instance values must be an object")
    try:
        return {str(key): value_from_json(value, types.get(key)) for key, value in raw.items()}
    except ValueError as error:
        raise AgentFault(FaultCode.BAD_REQUEST, f"instance values: {error}") from None


def _binary(request: Mapping[str, Any], key: str) -> bytes:
    text = _required(request, key, str)
    try:
        return decode_base64(text)
    except ValueError:
        raise AgentFault(FaultCode.BAD_REQUEST, f"field {key!r} is not base64") from None


def _offset_mismatch(upload: PendingUpload) -> AgentFault:
    message = f"the chunk does not continue the upload; expected offset {upload.received}"
    return AgentFault(FaultCode.OFFSET_MISMATCH, message)


def _required(request: Mapping[str, Any], key: str, kind: type[Any]) -> Any:
    if key not in request:
        raise AgentFault(FaultCode.BAD_REQUEST, f"field {key!r} is missing")
    return _typed(request, key, kind)


def _optional(request: Mapping[str, Any], key: str, kind: type[Any], default: Any) -> Any:
    return default if request.get(key) is None else _typed(request, key, kind)


def _typed(request: Mapping[str, Any], key: str, kind: type[Any]) -> Any:
    value = request[key]
    if kind is list and isinstance(value, tuple):
        value = list(value)
    if (isinstance(value, bool) and kind is int) or not isinstance(value, kind):
        raise AgentFault(FaultCode.BAD_REQUEST, f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _starface_major(version: str) -> int:
    try:
        return int(version.split(".", 1)[0])
    except ValueError:
        return 0


def _iso(epoch: float) -> str:
    moment = datetime.datetime.fromtimestamp(epoch, datetime.UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _folder_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")
    return cleaned or "pbx"


def _form_defaults(module_file: ModuleFile) -> dict[str, Any]:
    """The values of a fresh instance of ``module_file``: the form's defaults (what STARFACE
    shows for a new instance, and - assumed - after an upload lost the instance's values)."""
    defaults = ((item.variable_id, typed_default(item)) for item in module_file.descriptor.schema.value_inputs)
    return {variable_id: value for variable_id, value in defaults if value is not None}
