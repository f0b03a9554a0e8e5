"""One operation per PBX across the whole workstation: a file lock per PBX in the data folder.

The agent on a PBX guards against *other workstations* (its lock belongs to an owner). On one
workstation several processes and threads work at once - the GUI's per-PBX queues, a rollout
beside them, a command in a terminal, a scheduled job - and before this lock they all sent the
agent the same owner, so the second was handed the first one's lock and both failed half-way.

Every operation that changes a PBX therefore first takes this lock: an OS file lock
(``filelock``: ``flock`` on Unix, ``LockFileEx`` on Windows) on ``locks/<pbx>.lock``, which the
operating system releases when the process dies - a crash never leaves a PBX locked. Next to
it, ``locks/<pbx>.json`` records who holds it (operation kind, id, pid, start time, title), so
the one that has to wait can say for whom. That record is written after the lock was taken and
removed before it is released; a record left by a crashed process is simply overwritten.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from modmanager.core.errors import OperationError, StoreError
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import data_dir

DEFAULT_WAIT_SECONDS = 30 * 60.0
"""How long a waiting operation waits at most: far longer than one update takes."""
POLL_SECONDS = 0.2
"""How often a waiting operation looks again (and checks whether it was cancelled)."""

_HOLDER_LIMIT = 16 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Holder:
    """Which operation holds a PBX's workstation lock."""

    pbx: str
    kind: str
    """What the operation does: ``update``, ``restore``, ``recover``, ... (stable words)."""
    op_id: str
    pid: int
    started_at: str
    """ISO 8601 UTC, when the lock was taken."""
    title: str = ""
    """What the person who started it called it (a GUI task title), if anything."""
    user: str = ""
    host: str = ""

    def describe(self) -> str:
        """``update "Update X on Y" (op 1a2b3c4d, pid 4242, since 10:31:07)``."""
        title = f' "{self.title}"' if self.title else ""
        return f"{self.kind}{title} (op {self.op_id}, pid {self.pid}, since {self.since})"

    @property
    def since(self) -> str:
        """The local time of day the lock was taken (or the stored text if it cannot be read)."""
        try:
            return datetime.fromisoformat(self.started_at).astimezone().strftime("%H:%M:%S")
        except ValueError:
            return self.started_at[:40]

    @classmethod
    def from_json(cls, data: Any) -> Holder:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return cls(
            pbx=str(data["pbx"]),
            kind=str(data["kind"]),
            op_id=str(data["op_id"]),
            pid=int(data["pid"]),
            started_at=str(data["started_at"]),
            title=str(data.get("title", "")),
            user=str(data.get("user", "")),
            host=str(data.get("host", "")),
        )


UNKNOWN_HOLDER_KIND = "operation"
"""The kind shown when the holder's record cannot be read (it is being written, or damaged)."""


class PbxBusy(OperationError):
    """Another operation of this workstation is changing the PBX (params: pbx, holder, kind, op, pid, since)."""


def _busy(pbx: str, holder: Holder | None, *, waited: float | None = None) -> PbxBusy:
    what = holder.describe() if holder is not None else "another modmanager operation"
    params = {
        "pbx": pbx,
        "holder": what,
        "kind": holder.kind if holder else UNKNOWN_HOLDER_KIND,
        "op": holder.op_id if holder else "",
        "pid": str(holder.pid) if holder else "",
        "since": holder.since if holder else "",
    }
    if waited is None:
        return PbxBusy(code="pbx_busy", params=params)
    minutes = max(1, round(waited / 60))
    return PbxBusy(code="pbx_busy_timeout", params={**params, "minutes": str(minutes)})


def _cancelled(pbx: str) -> OperationError:
    return OperationError(code="pbx_wait_cancelled", params={"pbx": pbx})


_NOTHING = object()
"""Nothing announced to ``on_wait`` yet."""


def _never() -> bool:
    return False


class PbxLocks:
    """The workstation-wide per-PBX locks in ``<data folder>/locks``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "locks"

    def _paths(self, pbx: str) -> tuple[Path, Path]:
        # Readable and safe on every file system; one PBX whatever the case of its name, and the
        # hash keeps names apart that differ only in characters the slug replaces.
        slug = _SAFE.sub("_", pbx.strip().casefold())[:40] or "pbx"
        digest = hashlib.sha256(pbx.strip().casefold().encode("utf-8")).hexdigest()[:12]
        stem = f"{slug}-{digest}"
        return self.folder / f"{stem}.lock", self.folder / f"{stem}.json"

    def _ensure_folder(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                code="lock_folder_failed", params={"folder": str(self.folder), "detail": error.strerror or str(error)}
            ) from error

    def holder(self, pbx: str) -> Holder | None:
        """Who holds the lock of ``pbx`` as recorded; None when nobody does or the record is unreadable."""
        _, record = self._paths(pbx)
        try:
            return Holder.from_json(json.loads(read_bytes_limited(record, _HOLDER_LIMIT)))
        except (FileNotFoundError, StoreError, ValueError, KeyError, TypeError):
            return None

    def is_held(self, pbx: str) -> bool:
        """True while some operation (of any process) holds the lock of ``pbx``."""
        self._ensure_folder()
        path, _ = self._paths(pbx)
        import filelock  # here, not at start-up: it costs 'pbx list' a third of its time

        probe = filelock.FileLock(str(path), timeout=0)
        try:
            probe.acquire(timeout=0)
        except filelock.Timeout:
            return True
        probe.release()
        return False

    def holders(self) -> list[Holder]:
        """Every lock currently held, as recorded (for the support bundle)."""
        if not self.folder.is_dir():
            return []
        found = []
        for record in sorted(self.folder.glob("*.json")):
            try:
                holder = Holder.from_json(json.loads(read_bytes_limited(record, _HOLDER_LIMIT)))
            except (FileNotFoundError, StoreError, ValueError, KeyError, TypeError):
                continue
            if self.is_held(holder.pbx):
                found.append(holder)
        return found

    @contextlib.contextmanager
    def hold(
        self,
        pbx: str,
        *,
        kind: str,
        op_id: str,
        title: str = "",
        wait: float = 0.0,
        on_wait: Callable[[Holder | None], None] | None = None,
        cancelled: Callable[[], bool] = _never,
    ) -> Iterator[Holder]:
        """Hold the lock of ``pbx`` for the duration of the block.

        Args:
            wait: seconds to wait for another holder; 0 refuses at once with :class:`PbxBusy`.
            on_wait: called once (on this thread) with the holder when this operation starts to
                wait, and again when another operation took over in the meantime.
            cancelled: checked while waiting; True stops waiting (OperationError, nothing changed).

        Raises:
            PbxBusy: the lock is held by another operation and ``wait`` ran out (or was 0).
        """
        self._ensure_folder()
        path, record = self._paths(pbx)
        import filelock

        lock = filelock.FileLock(str(path), timeout=0)
        started = time.monotonic()
        announced: object = _NOTHING
        while True:
            try:
                lock.acquire(timeout=0)
                break
            except filelock.Timeout:
                pass
            except OSError as error:
                raise StoreError(
                    code="lock_file_failed", params={"path": str(path), "detail": error.strerror or str(error)}
                ) from error
            current = self.holder(pbx)
            waited = time.monotonic() - started
            if wait <= 0:
                raise _busy(pbx, current)
            if waited >= wait:
                raise _busy(pbx, current, waited=waited)
            if cancelled():
                raise _cancelled(pbx)
            key = None if current is None else (current.op_id, current.pid)
            if on_wait is not None and key != announced and (key is not None or announced is _NOTHING):
                announced = key
                on_wait(current)
            time.sleep(min(POLL_SECONDS, max(0.0, wait - waited)))
        holder = Holder(
            pbx=pbx,
            kind=kind,
            op_id=op_id,
            pid=os.getpid(),
            started_at=datetime.now(UTC).isoformat(timespec="seconds"),
            title=title,
            user=_user(),
            host=socket.gethostname(),
        )
        try:
            # Should the record fail, the lock still holds; only the name shown to a waiting operation is missing.
            with contextlib.suppress(StoreError):
                write_atomic(record, json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8"))
            yield holder
        finally:
            with contextlib.suppress(OSError):
                record.unlink()
            lock.release()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
