"""A simulated STARFACE with the modmanager agent: a real HTTPS XML-RPC server per PBX.

Each :class:`SimulatedPbx` listens on its own loopback port with its own self-signed
certificate and answers ``POST /xml-rpc?de.vertico.starface.auth=<login>:<hash>`` exactly as
:mod:`modmanager.core.protocol` defines: method ``<agent instance>.<entry point>``, one struct
in, one struct out (always carrying ``protocolVersion``), or an XML-RPC fault whose
``faultCode`` is a :class:`~modmanager.core.protocol.FaultCode`. It reproduces what a real PBX
does on upload (replace whatever the version, deactivate every instance, wipe the settings of
modules with an internal database) and keeps its state on disk so it survives restarts.

Request fields per entry point (every request also carries ``protocolVersion``; entry points
marked *lock* also need the ``lockToken`` that ``acquireLock`` granted) and their answers:

- ``systemInfo``: - -> SystemInfo.
- ``listModules``: - -> ``modules``: [InstalledModule].
- ``getDescriptor``: moduleId, includeModuleFile (bool, optional) -> moduleId, version,
  descriptor (base64 XML), moduleFile (base64 ``.sfm``, only when asked for; lets the client
  keep the installed file for a rollback).
- ``exportConfig``: moduleId -> ModuleConfig.
- ``importConfig`` *lock*: moduleId, instances [{name, values}], restoreInternalData (bool,
  optional), internalData (base64, optional) -> moduleId, instances (names written),
  internalDataRestored.
- ``acquireLock``: owner, ttlSeconds (optional, default 15 min) -> LockGrant.
- ``releaseLock``: lockToken -> released (bool; false when the token no longer held the lock).
- ``uploadBegin`` *lock*: size, sha256, fileName (optional) -> UploadState.
- ``uploadStatus``: uploadId -> UploadState.
- ``uploadChunk`` *lock*: uploadId, offset, data (base64) -> UploadState.
- ``uploadCommit`` *lock*: uploadId -> CommittedUpload.
- ``installUploaded`` *lock*: uploadId (a committed upload) -> InstallResult.
- ``createInstance`` *lock*: moduleId, instanceName -> InstanceState.
- ``setInstanceActive`` *lock*: moduleId, instanceName, active -> InstanceState.
- ``deleteInstance`` *lock*: moduleId, instanceName -> moduleId, instanceName, deleted.

Rules worth knowing:

* Wrong or missing credentials: ``AUTH_FAILED``. A PBX without the agent, or a call to another
  instance name or an unknown entry point: ``UNKNOWN_METHOD`` (what STARFACE answers).
* ``protocolVersion`` missing or not :data:`~modmanager.core.protocol.PROTOCOL_VERSION`:
  ``PROTOCOL_UNSUPPORTED``. The agent needs STARFACE 7.0 or newer; an older PBX answers
  ``STARFACE_TOO_OLD`` to every call except ``systemInfo``.
* ``uploadBegin`` with the SHA-256 of an upload already pending resumes it (same ``uploadId``,
  ``offset`` = bytes held). ``uploadChunk`` at another offset than the bytes held answers
  ``OFFSET_MISMATCH`` whose fault string ends in ``expected offset <n>``; a re-sent chunk whose
  bytes match what was already received is accepted (and any new tail appended).
  ``uploadCommit`` checks size (``UPLOAD_INCOMPLETE``), SHA-256 (``CHECKSUM_MISMATCH``) and that
  the file is a valid module (``INVALID_MODULE``); a failed check discards the upload.
* A lock belongs to its ``owner`` until it expires; another owner gets ``LOCKED`` (the fault
  string names the holder), the same owner gets a fresh token (the old one stops working).
  Locks live in the agent's memory: a PBX restart drops them.
* ``importConfig`` replaces the values of existing instances (any unknown instance name:
  ``INSTANCE_NOT_FOUND``, nothing written) and, with ``restoreInternalData``, the internal data
  blob; it does not change whether an instance is active (use ``setInstanceActive``).
* ``createInstance`` makes an inactive instance with the form's default values.
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
from modmanager.core.protocol import (
    AUTH_PARAMETER,
    DEFAULT_CHUNK_SIZE,
    DEFAULT_LOCK_TTL_SECONDS,
    MAX_CHUNK_SIZE,
    PROTOCOL_VERSION,
    XMLRPC_PATH,
    AnswerError,
    CommittedUpload,
    EntryPoint,
    FaultCode,
    InstalledModule,
    InstallResult,
    InstanceConfig,
    InstanceState,
    LockGrant,
    ModuleConfig,
    SystemInfo,
    UploadState,
    auth_token,
)
from modmanager.core.sfm import MAX_FILE_BYTES, ModuleFile, read_sfm
from modmanager.simulator.certs import ensure_certificate
from modmanager.simulator.faults import CorruptMode, FaultKind, FaultPlan, Firing
from modmanager.simulator.state import (
    PendingUpload,
    SimInstance,
    SimModule,
    SimPbx,
    UploadStore,
    has_saved_pbx,
    load_pbx,
    save_pbx,
    uses_internal_database,
)

log = logging.getLogger(__name__)

MINIMUM_STARFACE_MAJOR = 7
"""The agent module needs STARFACE 7.0 or newer."""

MAX_REQUEST_BYTES = 2 * MAX_CHUNK_SIZE
"""A request holds at most one chunk, base64-encoded (4/3) inside some XML."""

PORT_FILE = "port"
PBXS_DIR = "pbxs"

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class AgentFault(Exception):
    """A call the agent refuses: becomes an XML-RPC fault with a stable code."""

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
        self._port = port
        self._uploads = UploadStore(folder)
        self._mutex = threading.RLock()
        self._lock_grant: tuple[str, str, float] | None = None  # token, owner, expiry (monotonic-free epoch)
        self._server: _Server | None = None
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

    def start(self) -> None:
        """Listen and serve in a background thread; a PBX with ``reachable=False`` stays dark."""
        if self._server is not None:
            return
        if not self.state.reachable:
            _ = self.port  # reserve a stable URL that refuses connections
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
        """Stop listening, end open connections and wake hanging calls."""
        self._run_stopped.set()
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_connections()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def restart(self) -> None:
        """Stop, reload the state from disk (in-memory things are lost), start on the same port."""
        self.stop()
        self._reload()
        self.start()

    def _reload(self) -> None:
        with self._mutex:
            self.state = load_pbx(self.folder)
            self._lock_grant = None

    def save(self) -> None:
        """Write ``state`` to disk, e.g. after a test changed it directly while the PBX runs.

        Calls that change the PBX save by themselves; without this, direct changes to
        ``state`` are lost at the next restart (just like unsaved changes on a real PBX).
        """
        with self._mutex:
            self._persist()

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
            return _fault(FaultCode.AUTH_FAILED, "authentication failed")
        try:
            params, method = xmlrpc.client.loads(body, use_builtin_types=True)
        except Exception:  # malformed XML comes in many exception types
            return _fault(FaultCode.BAD_REQUEST, "the request is not a valid XML-RPC call")
        try:
            entry_point = self._entry_point(method or "")
            return self._serve(entry_point, params, stopped)
        except AgentFault as fault:
            return _fault(fault.code, fault.message)
        except _DropConnection:
            return None
        except Exception:  # a bug or a disk error: answer like an agent would, keep the trace in the log
            log.exception("%s: %s failed", self.state.name, method)
            return _fault(FaultCode.INTERNAL, "internal error in the simulated agent")

    def _entry_point(self, method: str) -> EntryPoint:
        instance, _, name = method.rpartition(".")
        if not self.state.agent_installed or instance != self.state.agent_instance:
            raise AgentFault(FaultCode.UNKNOWN_METHOD, f"no such method: {method}")
        try:
            return EntryPoint(name)
        except ValueError:
            raise AgentFault(FaultCode.UNKNOWN_METHOD, f"no such method: {method}") from None

    def _serve(self, entry_point: EntryPoint, params: tuple[Any, ...], stopped: threading.Event) -> bytes | None:
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
        if len(params) != 1 or not isinstance(params[0], Mapping):
            raise AgentFault(FaultCode.BAD_REQUEST, "expected exactly one struct parameter")
        request: Mapping[str, Any] = params[0]
        version = request.get("protocolVersion")
        if type(version) is not int or version != PROTOCOL_VERSION:
            raise AgentFault(
                FaultCode.PROTOCOL_UNSUPPORTED,
                f"protocol version {version!r} unsupported; the agent speaks {PROTOCOL_VERSION}",
            )
        starface = self.state.starface_version
        if entry_point is not EntryPoint.SYSTEM_INFO and _starface_major(starface) < MINIMUM_STARFACE_MAJOR:
            raise AgentFault(
                FaultCode.STARFACE_TOO_OLD,
                f"STARFACE {starface} is too old; the agent needs {MINIMUM_STARFACE_MAJOR}.0 or newer",
            )
        handler = self._handlers()[entry_point]
        with self._mutex:
            answer = handler(request)
        answer["protocolVersion"] = PROTOCOL_VERSION
        if timeout is not None:
            stopped.wait(timeout.seconds)
            return None
        corruption = faults.take(FaultKind.CORRUPT, entry_point)
        if corruption is not None:
            return _corrupted(answer, corruption)
        return xmlrpc.client.dumps((answer,), methodresponse=True, allow_none=False).encode("utf-8")

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
        return SystemInfo(
            protocol_version=PROTOCOL_VERSION,
            agent_version=pbx.agent_version,
            starface_version=pbx.starface_version,
            edition=pbx.edition,
            server_license_key=pbx.server_license_key,
            hardware_id=pbx.hardware_id,
            licenses=tuple(pbx.licenses),
            hostname=pbx.name,
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
        answer: dict[str, Any] = {"moduleId": module.id, "version": module.version, "descriptor": module.descriptor_xml}
        if _optional(request, "includeModuleFile", bool, False):
            answer["moduleFile"] = module.sfm
        return answer

    def _export_config(self, request: Mapping[str, Any]) -> dict[str, Any]:
        module = self._module(request)
        self._stop_unstable_instances(module)
        return ModuleConfig(
            module_id=module.id,
            version=module.version,
            instances=tuple(InstanceConfig(inst.name, inst.active, dict(inst.values)) for inst in module.instances),
            internal_data=module.internal_data,
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
        return _upload_state(self._upload(request))

    # --- locking -------------------------------------------------------------------------------

    def _acquire_lock(self, request: Mapping[str, Any]) -> dict[str, Any]:
        owner = _required(request, "owner", str).strip()
        if not owner:
            raise AgentFault(FaultCode.BAD_REQUEST, "owner must not be empty")
        ttl = _optional(request, "ttlSeconds", int, DEFAULT_LOCK_TTL_SECONDS)
        if ttl < 1:
            raise AgentFault(FaultCode.BAD_REQUEST, "ttlSeconds must be positive")
        now = time.time()
        if self._lock_grant is not None:
            _, holder, expires = self._lock_grant
            if holder != owner and expires > now:
                raise AgentFault(FaultCode.LOCKED, f"locked by {holder} until {_iso(expires)}")
        token = secrets.token_hex(16)
        expires = now + ttl
        self._lock_grant = (token, owner, expires)
        return LockGrant(token=token, owner=owner, expires=_iso(expires)).to_struct()

    def _release_lock(self, request: Mapping[str, Any]) -> dict[str, Any]:
        token = _required(request, "lockToken", str)
        released = self._lock_grant is not None and hmac.compare_digest(self._lock_grant[0], token)
        if released:
            self._lock_grant = None
        return {"released": released}

    def _require_lock(self, request: Mapping[str, Any]) -> None:
        token = request.get("lockToken")
        grant = self._lock_grant
        if (
            not isinstance(token, str)
            or grant is None
            or grant[2] <= time.time()
            or not hmac.compare_digest(grant[0], token)
        ):
            raise AgentFault(FaultCode.LOCK_REQUIRED, "this call needs a valid lock token; call acquireLock first")

    # --- uploads -------------------------------------------------------------------------------

    def _upload_begin(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        size = _required(request, "size", int)
        sha256 = _required(request, "sha256", str).lower()
        if not 0 < size <= MAX_FILE_BYTES:
            raise AgentFault(FaultCode.BAD_REQUEST, f"size must be between 1 and {MAX_FILE_BYTES} bytes")
        if not _SHA256_HEX.fullmatch(sha256):
            raise AgentFault(FaultCode.BAD_REQUEST, "sha256 must be 64 hex digits")
        for upload in self._uploads.all():
            if upload.sha256 == sha256 and upload.size == size:
                return _upload_state(upload)
        upload = PendingUpload(uuid.uuid4().hex, size, sha256, file_name=_optional(request, "fileName", str, ""))
        self._uploads.create(upload)
        return _upload_state(upload)

    def _upload_chunk(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        offset = _required(request, "offset", int)
        data = _required(request, "data", bytes)
        if len(data) > MAX_CHUNK_SIZE:
            raise AgentFault(FaultCode.BAD_REQUEST, f"a chunk may hold at most {MAX_CHUNK_SIZE} bytes")
        if offset < 0 or offset + len(data) > upload.size:
            raise AgentFault(FaultCode.BAD_REQUEST, f"the chunk does not fit into the {upload.size} bytes announced")
        if offset > upload.received:
            raise _offset_mismatch(upload)
        overlap = min(len(data), upload.received - offset)
        if overlap and self._uploads.read(upload.upload_id, offset, overlap) != data[:overlap]:
            raise _offset_mismatch(upload)
        tail = data[overlap:]
        if tail and upload.committed:
            raise AgentFault(FaultCode.BAD_REQUEST, "the upload is already committed")
        if tail and self.faults.take(FaultKind.DROP_MID_UPLOAD, EntryPoint.UPLOAD_CHUNK) is not None:
            self._uploads.append(upload.upload_id, tail[: max(1, len(tail) // 2)])
            raise _DropConnection
        self._uploads.append(upload.upload_id, tail)
        return _upload_state(replace(upload, received=upload.received + len(tail)))

    def _upload_commit(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        if upload.received < upload.size:
            raise AgentFault(
                FaultCode.UPLOAD_INCOMPLETE, f"only {upload.received} of {upload.size} bytes were received"
            )
        data = self._uploads.read(upload.upload_id)
        module_file = self._check_upload(upload, data)
        if not upload.committed:
            upload.committed = True
            self._uploads.save_meta(upload)
        return CommittedUpload(
            upload_id=upload.upload_id,
            module_id=module_file.descriptor.id,
            version=module_file.descriptor.version,
            sha256=upload.sha256,
        ).to_struct()

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

    # --- installing and instances --------------------------------------------------------------

    def _install_uploaded(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        upload = self._upload(request)
        if not upload.committed:
            raise AgentFault(FaultCode.UPLOAD_INCOMPLETE, "the upload has not been committed")
        data = self._uploads.read(upload.upload_id)
        new_file = self._check_upload(upload, data)
        module_id = new_file.descriptor.id
        previous = self.state.modules.get(module_id)
        if previous is None:
            self.state.modules[module_id] = SimModule(sfm=data)
            result = InstallResult(module_id, new_file.descriptor.version, None, (), settings_wiped=False)
        else:
            deactivated = tuple(inst.name for inst in previous.instances if inst.active)
            wiped = previous.has_internal_database or uses_internal_database(new_file)
            for inst in previous.instances:
                inst.active = False
                if wiped:
                    inst.values = {}
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

    def _import_config(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module = self._module(request)
        raw_instances = _required(request, "instances", list)
        try:
            configs = [InstanceConfig.from_struct({"active": False, **item}) for item in raw_instances]
        except (AnswerError, TypeError) as error:
            raise AgentFault(FaultCode.BAD_REQUEST, f"instances: {error}") from None
        targets = []
        for config in configs:
            instance = module.instance(config.name)
            if instance is None:
                raise AgentFault(FaultCode.INSTANCE_NOT_FOUND, f"module {module.id} has no instance {config.name!r}")
            targets.append((instance, config))
        restore = _optional(request, "restoreInternalData", bool, False)
        internal_data = _optional(request, "internalData", bytes, b"") if restore else b""
        for instance, config in targets:
            instance.values = dict(config.values)
        if restore:
            module.internal_data = internal_data
        self._persist()
        names = [config.name for config in configs]
        return {"moduleId": module.id, "instances": names, "internalDataRestored": restore}

    def _create_instance(self, request: Mapping[str, Any]) -> dict[str, Any]:
        self._require_lock(request)
        module = self._module(request)
        name = _required(request, "instanceName", str)
        if not name.strip():
            raise AgentFault(FaultCode.BAD_REQUEST, "instanceName must not be empty")
        if module.instance(name) is not None:
            raise AgentFault(FaultCode.INSTANCE_EXISTS, f"module {module.id} already has an instance {name!r}")
        defaults: dict[str, Any] = {
            item.variable_id: item.default
            for item in module.module_file.descriptor.schema.value_inputs
            if item.default is not None
        }
        instance = SimInstance(name=name, active=False, values=defaults, needs_cycle=True)
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
        """How to reach each PBX: name, url, login_id, password, fingerprint (and reachable)."""
        return [
            {
                "name": sim.state.name,
                "url": sim.url,
                "login_id": sim.state.login_id,
                "password": sim.state.password,
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
        if not 0 <= length <= MAX_REQUEST_BYTES:
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


def _fault(code: FaultCode, message: str) -> bytes:
    return xmlrpc.client.dumps(xmlrpc.client.Fault(int(code), message), methodresponse=True).encode("utf-8")


def _corrupted(answer: dict[str, Any], firing: Firing) -> bytes:
    if firing.mode is CorruptMode.WRONG_TYPES:
        return xmlrpc.client.dumps((_stringify(answer),), methodresponse=True).encode("utf-8")
    return b"<?xml version='1.0'?>\n<methodResponse><params><param><value><struct>\x00garbled"


def _stringify(value: Any) -> Any:
    """Numbers and flags become strings; binary becomes text: every field has the wrong type."""
    if isinstance(value, dict):
        return {key: _stringify(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stringify(item) for item in value]
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _upload_state(upload: PendingUpload) -> dict[str, Any]:
    return UploadState(
        upload_id=upload.upload_id,
        offset=upload.received,
        size=upload.size,
        sha256=upload.sha256,
        chunk_size=DEFAULT_CHUNK_SIZE,
    ).to_struct()


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
