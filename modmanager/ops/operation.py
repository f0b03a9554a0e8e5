"""What runs now: one operation with a short id, the PBX it works on, and the PBXs it holds.

Every use case runs inside an :func:`operation`. A front end may open one first to say how it
wants to be treated - the CLI refuses at once when a PBX is busy unless ``--wait`` was given,
a GUI task waits and shows for whom - otherwise the use case opens one itself. Operations nest:
an inner :func:`operation` joins the outer one, so ``update --all`` is one operation with one id
however many modules it updates. The current operation lives in a context variable: it follows
the code on its thread, and :func:`submit` carries it into worker threads.

The id appears in every log line (see :mod:`modmanager.ops.logs`), in the owner the agent is
told (``modmanager:user@host/op-<id>``, unique per operation, so two operations of one
workstation never share an agent lock) and in the workstation lock's record, so a second
operation can name the first.

:func:`pbx_exclusive` is the one way to change a PBX: it takes the workstation-wide lock of the
PBX (:mod:`modmanager.store.pbxlock`) for the current operation, waiting or refusing as the
operation says. It is re-entrant per operation, so a use case that calls another (``update
--all`` runs many updates, a rollout runs one per PBX) holds each PBX once.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from modmanager.core.errors import ModManagerError
from modmanager.store.pbxlock import DEFAULT_WAIT_SECONDS, Holder

if TYPE_CHECKING:
    from modmanager.ops.services import Services

log = logging.getLogger("modmanager.operation")

P = ParamSpec("P")
T = TypeVar("T")

WaitCallback = Callable[[str, Holder | None], None]
"""``(pbx, holder)``: the operation starts to wait for ``holder`` (None: not known who)."""


def _never() -> bool:
    return False


class Cancelled(Exception):
    """Raised to stop an operation the user cancelled; logged as cancelled, not as a failure."""


@dataclass(eq=False)
class Operation:
    """One operation: what it is, how it treats a busy PBX, which PBX locks it holds."""

    kind: str
    op_id: str
    title: str = ""
    pbx: str = ""
    wait_seconds: float = DEFAULT_WAIT_SECONDS
    """How long to wait for a PBX another operation holds; 0 refuses at once."""
    on_wait: WaitCallback | None = None
    cancelled: Callable[[], bool] = _never
    started: float = field(default_factory=time.monotonic)
    _held: dict[str, int] = field(default_factory=dict)
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def owner(self, workstation: str) -> str:
        """The agent lock owner of this operation: unique per operation, same across its retries."""
        return f"{workstation}/op-{self.op_id}"

    def holds(self, pbx: str) -> bool:
        with self._mutex:
            return self._held.get(pbx.casefold(), 0) > 0

    def _enter(self, pbx: str) -> None:
        with self._mutex:
            self._held[pbx.casefold()] = self._held.get(pbx.casefold(), 0) + 1

    def _leave(self, pbx: str) -> None:
        with self._mutex:
            left = self._held.get(pbx.casefold(), 0) - 1
            if left > 0:
                self._held[pbx.casefold()] = left
            else:
                self._held.pop(pbx.casefold(), None)


_CURRENT: contextvars.ContextVar[Operation | None] = contextvars.ContextVar("modmanager_operation", default=None)
_PBX: contextvars.ContextVar[str] = contextvars.ContextVar("modmanager_pbx", default="")


def new_op_id() -> str:
    """A short id, unique enough to tell the operations of one workstation apart in a log."""
    return secrets.token_hex(4)


def current_operation() -> Operation | None:
    return _CURRENT.get()


def current_pbx() -> str:
    """The PBX the code on this thread works on now ("" when none)."""
    return _PBX.get() or (op.pbx if (op := _CURRENT.get()) is not None else "")


@contextlib.contextmanager
def operation(
    kind: str,
    *,
    title: str = "",
    pbx: str = "",
    wait: float | None = None,
    on_wait: WaitCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    op_id: str = "",
) -> Iterator[Operation]:
    """Run the block as an operation (or as part of the one already running on this thread).

    The outermost operation logs its start and its outcome; an error leaving it is logged with
    its code (a ModManagerError) or its traceback (anything else, a bug) and raised on.
    ``op_id``: carry on an operation another process started (a helper working for the window).
    """
    outer = _CURRENT.get()
    if outer is not None:
        with _pbx_scope(pbx):
            yield outer
        return
    op = Operation(
        kind=kind,
        op_id=op_id or new_op_id(),
        title=title,
        pbx=pbx,
        wait_seconds=DEFAULT_WAIT_SECONDS if wait is None else max(0.0, wait),
        on_wait=on_wait,
        cancelled=cancelled or _never,
    )
    token = _CURRENT.set(op)
    try:
        with _pbx_scope(pbx):
            log.info("start %s%s%s", kind, f" on {pbx}" if pbx else "", f": {title}" if title else "")
            try:
                yield op
            except ModManagerError as error:
                code = f" [{error.code}]" if error.code else ""
                where = f" on {pbx}" if pbx else ""
                log.warning("failed %s%s after %.1f s%s: %s", kind, where, _elapsed(op), code, error.message)
                raise
            except GeneratorExit:
                raise
            except Cancelled:
                log.info("cancelled %s after %.1f s", kind, _elapsed(op))
                raise
            except Exception:
                log.exception("failed %s after %.1f s with an unexpected error", kind, _elapsed(op))
                raise
            except BaseException as error:  # KeyboardInterrupt, a task cancelled by raising, ...
                log.warning("stopped %s after %.1f s (%s)", kind, _elapsed(op), type(error).__name__)
                raise
            log.info("done %s%s after %.1f s", kind, f" on {pbx}" if pbx else "", _elapsed(op))
    finally:
        _CURRENT.reset(token)


def _elapsed(op: Operation) -> float:
    return time.monotonic() - op.started


@contextlib.contextmanager
def _pbx_scope(pbx: str) -> Iterator[None]:
    if not pbx:
        yield
        return
    token = _PBX.set(pbx)
    try:
        yield
    finally:
        _PBX.reset(token)


@contextlib.contextmanager
def pbx_exclusive(services: Services, pbx: str, kind: str) -> Iterator[Operation]:
    """Hold the workstation-wide lock of ``pbx`` for the current operation (one of ``kind`` if none runs).

    Raises:
        PbxBusy: another operation holds the PBX and the operation does not wait (or waited too long).
    """
    with operation(kind, pbx=pbx) as op:
        if op.holds(pbx):
            op._enter(pbx)
            try:
                yield op
            finally:
                op._leave(pbx)
            return

        def waiting(holder: Holder | None) -> None:
            what = holder.describe() if holder is not None else "another operation"
            log.info("waiting for %s, which holds %s", what, pbx)
            if op.on_wait is not None:
                op.on_wait(pbx, holder)

        with services.pbx_locks.hold(
            pbx,
            kind=kind,
            op_id=op.op_id,
            title=op.title,
            wait=op.wait_seconds,
            on_wait=waiting,
            cancelled=op.cancelled,
        ):
            log.info("holds the workstation lock of %s", pbx)
            op._enter(pbx)
            try:
                yield op
            finally:
                op._leave(pbx)
                log.debug("released the workstation lock of %s", pbx)


def submit(pool: Executor, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
    """``pool.submit(fn, ...)`` with the current operation (and log context) carried along."""
    context = contextvars.copy_context()

    def run() -> T:
        return context.run(fn, *args, **kwargs)

    return pool.submit(run)


def logged_progress(progress: Callable[[str, int, int], None], what: str) -> Callable[[str, int, int], None]:
    """``progress``, also writing each new step of ``what`` to the log (INFO) as it starts."""
    last: list[str] = []

    def report(stage: str, done: int, total: int) -> None:
        if not last or last[0] != stage:
            last[:] = [stage]
            log.info("%s: %s", what, stage)
        progress(stage, done, total)

    return report
