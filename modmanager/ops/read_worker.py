"""Refreshing many PBXs in a helper process, so the window's interpreter is not shared with the readers.

Reading 200 PBXs means 200 threads that each wake for a few milliseconds of Python when an
answer arrives (TLS, HTTP, JSON, checking every field), and planning and storing every PBX. In
the window's process all of that takes turns with the GUI thread for Python's interpreter lock,
and the window stalls for hundreds of milliseconds however the work is sliced. :class:`ReadWorker`
runs :func:`~modmanager.ops.refresh.refresh_fleet` in a helper process instead (started once,
kept warm, on the same data folder): it asks, plans and stores each PBX and sends back what the
PBX said and the status it stored. The window only shows that (planning it again from its warm
plan cache, a fraction of a millisecond per PBX, on the GUI thread between events).

The helper never opens the keyring or the secrets file: each request carries the passwords and
agent secrets of its PBXs, looked up here; they travel only through the pipe between the two
processes. It keeps each PBX's connection open between reads. It writes the same log file
(several processes may, see :mod:`modmanager.ops.logs`), under the id of the window's operation.

Frames, both directions: a 4-byte big-endian length and a pickle. Only these two processes of
one user read them; what a PBX said was checked into typed values before it is pickled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from modmanager.core.errors import ModManagerError, OperationError, error_from_json, error_to_json
from modmanager.core.protocol import InstalledModule, SystemInfo
from modmanager.ops.operation import current_operation, operation
from modmanager.store.credentials import CredentialStore
from modmanager.store.inventory import PbxRecord

if TYPE_CHECKING:
    from modmanager.ops.refresh import FleetStatus, PbxSnapshot
    from modmanager.ops.services import Services

log = logging.getLogger(__name__)

FROZEN_FLAG = "--read-worker"
"""The argument that makes a frozen (PyInstaller) modmanager run as the helper."""
MAX_FRAME_BYTES = 256 * 1024 * 1024
_HEADER = struct.Struct(">I")
_PBXS_PER_FRAME = 8
"""PBXs packed together at most (see :class:`Ended`): a few milliseconds to unpack."""
_POLL_S = 0.1

Read = tuple[SystemInfo, list[InstalledModule], dt.datetime] | ModManagerError
"""What the helper read of one PBX: its facts, modules and when they were read, or why it could not."""


@dataclass(frozen=True)
class Ended:
    """PBXs the helper finished together, still packed.

    Unpacking holds Python's interpreter lock throughout (a few milliseconds for a handful of
    PBXs with their modules), so the window unpacks on the GUI thread, between events, instead
    of making the GUI thread wait for the lock while another thread unpacks.
    """

    names: tuple[str, ...]
    packed: bytes

    @classmethod
    def pack(cls, items: Sequence[tuple[str, str, Any, str]]) -> Ended:
        """``(pbx, "ok" | "error", payload, stored status or "")`` of each PBX."""
        return cls(tuple(item[0] for item in items), pickle.dumps(list(items), protocol=pickle.HIGHEST_PROTOCOL))

    def unpack(self) -> list[tuple[str, Read, FleetStatus | None]]:
        """Each PBX's read and stored status (None: not read, the refresh was cancelled)."""
        from modmanager.ops.refresh import FleetStatus

        items = pickle.loads(self.packed)  # our own helper process, on a private pipe
        return [(name, _read_of(name, kind, payload), FleetStatus(status) if status else None)
                for name, kind, payload, status in items]


def helper_command() -> list[str]:
    """How to start the helper with the interpreter (or frozen program) running now."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_FLAG]
    return [sys.executable, "-m", "modmanager.ops.read_worker"]


def _write_frame(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_frame(stream: IO[bytes]) -> Any:
    """The next message, or None at the end of the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_FRAME_BYTES:
        raise OSError(f"a frame of {size} bytes is larger than {MAX_FRAME_BYTES}")
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)  # our own helper process, on a private pipe


# --- this side: the window's process -----------------------------------------------------------


class ReadWorker:
    """The helper process, started on the first :meth:`refresh` (or by :meth:`start`); thread-safe.

    Started again if it died. Close it when done.

    Args:
        credentials: where each PBX's password and agent secret are looked up for a request.
        client_options: the clients' timeouts and retries (``Services.client_options``).
    """

    def __init__(self, credentials: CredentialStore, client_options: dict[str, float | int] | None = None) -> None:
        self._credentials = credentials
        self._options = dict(client_options or {})
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._pending: dict[int, queue.SimpleQueue[tuple[Any, ...]]] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self._receiver: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        """The helper's process id while it runs (for diagnostics and the bench)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> None:
        """Start the helper unless it runs; OperationError if it cannot be started."""
        with self._lock:
            self._running()

    def _running(self) -> subprocess.Popen[bytes]:
        if self._closed:
            raise OperationError(code="read_worker_closed")
        process = self._process
        if process is not None and process.poll() is None:
            return process
        package_root = str(Path(__file__).resolve().parent.parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (package_root, env.get("PYTHONPATH"))))
        try:
            process = subprocess.Popen(helper_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        except OSError as error:
            raise OperationError(code="read_worker_start", params={"reason": str(error)}) from error
        log.info("read helper started (process %d)", process.pid)
        self._process = process
        self._receiver = threading.Thread(
            target=self._receive, args=(process,), name="modmanager-read-helper", daemon=True
        )
        self._receiver.start()
        return process

    def _send(self, message: tuple[Any, ...]) -> None:
        with self._lock:
            process = self._running()
            assert process.stdin is not None
            with contextlib.suppress(OSError, ValueError):  # it died: the receiving thread tells the waiting
                _write_frame(process.stdin, message)

    def _receive(self, process: subprocess.Popen[bytes]) -> None:
        """Receiving thread: hand each message to the request it belongs to."""
        assert process.stdout is not None
        try:
            while (message := _read_frame(process.stdout)) is not None:
                with self._lock:
                    waiting = self._pending.get(message[1])
                if waiting is not None:
                    waiting.put(message)
        except Exception as error:  # whatever it was, the waiting requests must hear of it
            log.warning("read helper: unreadable message (%s); it is stopped", error)
            process.kill()
        code = process.wait()
        process.stdout.close()
        with self._lock, contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()  # the helper is gone: nothing more can be written to it
        if not self._closed:
            log.warning("read helper ended (exit code %s)", code)
        with self._lock:
            if self._process is process:
                self._process = None
            lost = list(self._pending.values())
        for waiting in lost:
            waiting.put(("lost",))

    def refresh(
        self,
        records: Sequence[PbxRecord],
        *,
        on_ended: Callable[[Ended], None],
        workers: int,
        cancelled: Callable[[], bool] | None = None,
        reload_catalogs: bool = False,
    ) -> None:
        """Refresh the PBXs of these records in the helper (``workers`` at once).

        Like :func:`~modmanager.ops.refresh.refresh_fleet` (which the helper runs): every PBX
        ends once, with its snapshot and status stored. ``on_ended`` gets the PBXs that ended
        together, on this thread. ``reload_catalogs``: the helper reads the catalogs again
        first (this process just did).
        """
        from modmanager.ops.refresh import FleetStatus

        # Looked up here: the helper never opens the keyring or the secrets file. A secret that is
        # missing goes as None: the helper then fails that PBX and stores why, as a refresh here would.
        secrets = {record.name: _secrets_of(self._credentials, record) for record in records}
        asked = list(secrets)
        if not asked:
            return
        rid = next(self._ids)
        answers: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        with self._lock:
            self._pending[rid] = answers
        left = set(asked)
        cancel_sent = False
        op = current_operation()
        debug = logging.getLogger().getEffectiveLevel() <= logging.DEBUG
        try:
            self._send(("refresh", rid, asked, secrets, workers, self._options, op.op_id if op else "", debug,
                        reload_catalogs))
            while left:
                if cancelled is not None and not cancel_sent and cancelled():  # also while answers pour in
                    self._send(("cancel", rid))
                    cancel_sent = True
                try:
                    message = answers.get(timeout=_POLL_S)
                except queue.Empty:
                    continue
                if message[0] == "ended":
                    ended: Ended = message[2]
                    left.difference_update(ended.names)
                    on_ended(ended)
                else:  # "lost": the helper died; these PBXs were not read
                    on_ended(Ended.pack([
                        (name, "error", error_to_json(_lost(name)), FleetStatus.ACCESS_PROBLEM.value)
                        for name in sorted(left)
                    ]))
                    left.clear()
        finally:
            with self._lock:
                self._pending.pop(rid, None)
            if left and not cancel_sent:  # the caller stopped early: the helper need not go on
                self._send(("cancel", rid))

    def close(self) -> None:
        """End the helper (it closes its connections and the data folder) and wait for it briefly."""
        with self._lock:
            self._closed = True
            process, self._process = self._process, None
        if process is None:
            return
        try:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        if self._receiver is not None:
            self._receiver.join(timeout=5)  # it closes the pipe the answers came through


def _secrets_of(credentials: CredentialStore, record: PbxRecord) -> tuple[str | None, str | None]:
    """The PBX's password and agent secret; None for one the credential store has not (or cannot say)."""
    try:
        password: str | None = credentials.get_password(record.name, record.login_id)
    except ModManagerError:
        password = None
    try:
        agent_secret: str | None = credentials.get_agent_secret(record.name)
    except ModManagerError:
        agent_secret = None
    return password, agent_secret


def _read_of(name: str, kind: str, payload: Any) -> Read:
    if kind == "ok":
        info, modules, fetched_at = payload
        return info, list(modules), fetched_at
    return error_from_json(payload) or _lost(name)


def _lost(name: str) -> OperationError:
    return OperationError(code="read_worker_lost", params={"pbx": name})


def start_read_worker(services: Services) -> None:
    """Let the window refresh many PBXs in a warm helper process; without one they are read here."""
    worker = ReadWorker(services.credentials, services.client_options)
    try:
        worker.start()
    except OperationError as error:
        log.warning("%s The PBXs are read in this process.", error.message)
        return
    services.fleet_reader = worker


def snapshot_of(services: Services, name: str, read: PbxSnapshot | Read, status: FleetStatus | None) -> tuple[
    PbxSnapshot | ModManagerError, FleetStatus | None
]:
    """What the helper read of ``name``, planned here (the window shows this process's plan and status).

    The helper stored the status it planned; the window's own plan decides what it shows, so a
    catalog loaded a moment apart cannot make the two disagree on screen. An interrupted update
    (from the journal) stays interrupted. A snapshot (read in this process) is taken as it is.
    """
    from modmanager.ops.refresh import FleetStatus, PbxSnapshot, make_snapshot, status_of

    if isinstance(read, PbxSnapshot | ModManagerError):
        return read, status
    info, modules, fetched_at = read
    try:
        snapshot = make_snapshot(services, name, info, modules, fetched_at)
    except ModManagerError as error:
        return error, status
    return snapshot, status if status is FleetStatus.INTERRUPTED else status_of(snapshot)


# --- the helper process ------------------------------------------------------------------------

class _Secrets:
    """The secrets the window's process sent, as a credential store backend (in memory only)."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, value: str) -> None:
        self.values[key] = value

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


class _Helper:
    """Serves requests from the window's process until its pipe closes."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._outgoing: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._credentials = CredentialStore(_Secrets())
        self._given: dict[str, tuple[str | None, str | None]] = {}
        """Each PBX's password and agent secret as last sent."""
        self._services: Services | None = None
        self._services_lock = threading.Lock()
        self._cancelled: dict[int, threading.Event] = {}
        self._requests: list[threading.Thread] = []
        self._debug: bool | None = None

    def serve(self, incoming: IO[bytes]) -> None:
        writer = threading.Thread(target=self._write, name="modmanager-read-writer")
        writer.start()
        try:
            while (message := _read_frame(incoming)) is not None:
                if message[0] == "refresh":
                    thread = threading.Thread(target=self._refresh, args=message[1:], name="modmanager-read-request")
                    self._requests = [request for request in self._requests if request.is_alive()] + [thread]
                    thread.start()
                elif message[0] == "cancel":
                    self._cancelled.setdefault(message[1], threading.Event()).set()
        finally:
            for event in self._cancelled.values():
                event.set()
            for request in self._requests:
                request.join()
            if self._services is not None:
                self._services.close()
            self._outgoing.put(None)
            writer.join()

    def _opened(self, options: dict[str, float | int], reload_catalogs: bool) -> Services:
        """The data folder's services, opened again when the settings or the client options changed."""
        from modmanager.ops.services import open_services
        from modmanager.store.settings import load_settings

        with self._services_lock:
            services = self._services
            if services is None or services.settings != load_settings() or services.client_options != options:
                if services is not None:
                    services.close()
                services = open_services(credentials=self._credentials, client_options=options)
                self._services = services
            elif reload_catalogs:
                services.catalogs.reload()
            return services

    def _refresh(
        self,
        rid: int,
        names: list[str],
        secrets: dict[str, tuple[str | None, str | None]],
        workers: int,
        options: dict[str, float | int],
        op_id: str,
        debug: bool,
        reload_catalogs: bool,
    ) -> None:
        from modmanager.ops.logs import setup_logging
        from modmanager.ops.refresh import PbxSnapshot, refresh_fleet

        with self._services_lock:
            if debug is not self._debug:
                setup_logging(debug=debug)
                self._debug = debug
        stop = self._cancelled.setdefault(rid, threading.Event())

        reported: set[str] = set()

        def done(name: str, result: PbxSnapshot | ModManagerError, status: FleetStatus | None) -> None:
            reported.add(name)
            if isinstance(result, PbxSnapshot):
                payload: Any = (result.info, list(result.modules), result.fetched_at)
                self._outgoing.put((rid, name, "ok", payload, status.value if status else ""))
            else:
                self._outgoing.put((rid, name, "error", error_to_json(result), status.value if status else ""))

        try:
            services = self._opened(options, reload_catalogs)
            records = {record.name: record for record in services.inventory.list()}
            for name, given in secrets.items():
                if name in records and self._given.get(name) != given:
                    services.readers.forget(name)  # a kept client still has the old secrets
                    password, agent_secret = given
                    login = records[name].login_id
                    if password is None:
                        services.credentials.delete_password(name, login)
                    else:
                        services.credentials.set_password(name, login, password)
                    if agent_secret is None:
                        services.credentials.delete_agent_secret(name)
                    else:
                        services.credentials.set_agent_secret(name, agent_secret)
                    self._given[name] = given
            with operation("refresh", title=f"{len(names)} PBXs in the read helper", op_id=op_id):
                refresh_fleet(services, names, workers=workers, on_done=done, cancelled=stop.is_set)
        except Exception as error:  # the window's process must still hear of every PBX
            log.error("refresh in the helper failed", exc_info=error)
            for name in names:
                if name in reported:
                    continue
                failure = OperationError(code="read_worker_error", params={"pbx": name, "reason": repr(error)})
                self._outgoing.put((rid, name, "error", error_to_json(failure), ""))
        finally:
            self._cancelled.pop(rid, None)

    def _write(self) -> None:
        """Writer thread: the PBXs that ended together go out as one frame per request."""
        while (first := self._outgoing.get()) is not None:
            items = [first]
            while True:
                try:
                    item = self._outgoing.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    self._outgoing.put(None)
                    break
                items.append(item)
            batches: dict[int, list[tuple[str, str, Any, str]]] = {}
            for item in items:
                rid, name, kind, payload, status = item
                batches.setdefault(rid, []).append((name, kind, payload, status))
            for rid, batch in batches.items():
                for start in range(0, len(batch), _PBXS_PER_FRAME):
                    _write_frame(self._out, ("ended", rid, Ended.pack(batch[start : start + _PBXS_PER_FRAME])))


def main() -> int:
    """The helper's entry: requests on stdin, answers on stdout; anything printed goes to stderr."""
    incoming = os.fdopen(os.dup(sys.stdin.fileno()), "rb")
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not corrupt a frame
    with contextlib.suppress(OSError):  # the window's process went away
        _Helper(out).serve(incoming)
    return 0


if __name__ == "__main__":
    # Run as the module (not as __main__), so what it pickles names classes the window can find.
    from modmanager.ops import read_worker

    sys.exit(read_worker.main())
