"""The scheduler's lock: at most one runner of due jobs per data folder at a time.

``modmanager run-due`` (started by cron, a systemd timer or the Windows Task Scheduler) and
the desktop application both run due jobs. Whoever holds ``run-due.lock`` in the data folder
runs; a second runner does not wait but reports that another one is busy. The lock is an OS
file lock (``filelock``), so it is released when its process ends, however it ends - which is
also why a runner that holds it may treat jobs left "running" as interrupted.

Separate from the per-PBX operation lock: this one only orders scheduled runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from modmanager.core.errors import OperationError

RUN_LOCK_NAME = "run-due.lock"


class RunnerBusy(OperationError):
    """Another runner holds the lock."""


def run_lock_path(data_folder: Path) -> Path:
    return data_folder / RUN_LOCK_NAME


@contextmanager
def runner_lock(data_folder: Path) -> Iterator[None]:
    """Hold the runner lock of ``data_folder`` for the block; RunnerBusy at once when it is taken."""
    lock = FileLock(str(run_lock_path(data_folder)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise RunnerBusy(code="schedule_runner_busy") from None
    try:
        yield
    finally:
        lock.release()
