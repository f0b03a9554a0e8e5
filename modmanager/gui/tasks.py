"""The one way the GUI runs work off the GUI thread.

Work on a PBX must never overlap with other work on the same PBX (an update and a refresh
racing on one agent would corrupt the picture or the PBX), while many PBXs should be worked
on at once. :class:`TaskRunner` therefore keeps one serial queue per *key* (a PBX name) and
runs different keys in parallel, at most ``max_concurrency`` at a time. Tasks that only read
(``read_only=True``: refreshing a PBX) count against ``max_reads`` instead, which is much
higher: reading 200 PBXs at once changes nothing, while changes stay few. A read still waits
for every earlier task of its key, and they for it.

Callers say what to do with the outcome, as with Anki's ``QueryOp``::

    runner.submit(
        pbx.name, self.tr("Refresh"), lambda ctx: refresh(pbx, progress=ctx.progress),
        on_success=self._show_snapshot, on_failure=self._show_error,
    )

Work that touches several PBXs at once (a rollout) names them in ``holds``: it starts only when
none of them is busy, and no other task of those PBXs runs alongside it; :meth:`TaskRunner.release`
frees a PBX the task is done with before the task ends. Such a task still takes one slot.

The GUI thread stays free while hundreds of tasks come and go: worker threads start on a
launcher thread, and outcomes are taken in a few milliseconds at a time, between events.

``fn`` runs on a worker thread and receives a :class:`TaskContext` for progress and
cooperative cancellation. ``on_success`` / ``on_failure`` and every signal run on the GUI
thread. The next task of the same key starts only after the previous task's callbacks ran,
so a callback sees the state its own task left behind.

Every task runs as one operation (:mod:`modmanager.ops.operation`): it has an id in the log, and
when it has to change a PBX that another operation of this workstation holds - a command in a
terminal, a rollout beside the PBX's queue - it waits, and its progress message names that
operation.

Errors: ``on_failure`` always receives a :class:`~modmanager.core.errors.ModManagerError`.
A ``ModManagerError`` raised by ``fn`` is passed on unchanged; anything else is logged with
its traceback and replaced by :class:`UnexpectedError`, whose message a user can read.
"""

from __future__ import annotations

import collections
import enum
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from modmanager.core.errors import ModManagerError
from modmanager.gui.slices import LAG_PROBE_MS, SLICE_S, ReadThrottle, Switching
from modmanager.ops.operation import Cancelled, operation
from modmanager.store.pbxlock import DEFAULT_WAIT_SECONDS, Holder

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_MAX_CONCURRENCY = 4
DEFAULT_MAX_READS = 256
_WORKER_THREADS = 32
"""Upper bound of worker threads; the scheduler keeps to ``max_concurrency`` below it."""
_READ_THREADS = 256
"""Upper bound of threads for reads; the scheduler keeps to ``max_reads`` below it."""
_PROGRESS_INTERVAL_S = 0.1


class TaskState(enum.Enum):
    """Where a task is in its life; the last three are final."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        """True once the task will not change any more."""
        return self in (TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED)


class TaskCancelled(Cancelled):
    """Raised inside ``fn`` (see :meth:`TaskContext.raise_if_cancelled`) to stop after a cancel."""


class UnexpectedError(ModManagerError):
    """An exception that was not a ModManagerError: a bug. Details are only in the log."""


@dataclass(eq=False)
class TaskHandle:
    """What the GUI knows about one submitted task. Changed only on the GUI thread.

    Attributes:
        task_id: unique and growing in submission order.
        key: the serial queue (a PBX name).
        holds: further queues the task occupies while it runs (the PBXs a rollout touches);
            shrinks as :meth:`TaskRunner.release` frees them.
        title: what the task does, for people ("Update module X").
        cancellable: whether a running task may be asked to stop.
        read_only: the task only reads (counts against ``max_reads``).
        quiet: part of a larger operation that reports for it (one PBX of "refresh all"): no
            signals, and not in :meth:`TaskRunner.tasks`.
        watcher: waits for quiet tasks and reports on them (and may read): takes no slot of either bound.
        state: see :class:`TaskState`.
        done, total, message: the last progress report (``total`` 0 means unknown).
        error: the error delivered to ``on_failure`` when ``state`` is FAILED.
        submitted_at, started_at, finished_at: aware UTC times.
    """

    task_id: int
    key: str
    title: str
    cancellable: bool
    state: TaskState = TaskState.QUEUED
    done: int = 0
    total: int = 0
    message: str = ""
    error: ModManagerError | None = None
    submitted_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    started_at: datetime | None = None
    finished_at: datetime | None = None
    cancel_requested: bool = False
    read_only: bool = False
    quiet: bool = False
    watcher: bool = False
    holds: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Every queue the task occupies: its own key first, then what it holds."""
        return tuple(dict.fromkeys((self.key, *self.holds))) if self.holds else (self.key,)

    @property
    def can_cancel(self) -> bool:
        """True while a cancel request would have an effect (queued, or running and cancellable)."""
        if self.state is TaskState.QUEUED:
            return True
        return self.state is TaskState.RUNNING and self.cancellable and not self.cancel_requested


class TaskContext:
    """Handed to ``fn`` on its worker thread: report progress, notice a cancel request."""

    def __init__(self, report: Callable[[int, int, str], None], interval_s: float) -> None:
        self._report = report
        self._interval_s = interval_s
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._last_report = float("-inf")

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress; thread-safe and throttled (the final step is always reported)."""
        now = time.monotonic()
        with self._lock:
            if now - self._last_report < self._interval_s and not (total and done >= total):
                return
            self._last_report = now
        self._report(done, total, message)

    def cancelled(self) -> bool:
        """True once the user asked to cancel; ``fn`` checks it where stopping is safe."""
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`TaskCancelled` if a cancel was requested."""
        if self._cancel.is_set():
            raise TaskCancelled

    def _request_cancel(self) -> None:
        self._cancel.set()


@dataclass(eq=False)
class _Task(Generic[T]):
    handle: TaskHandle
    fn: Callable[[TaskContext], T]
    on_success: Callable[[T], None] | None
    on_failure: Callable[[ModManagerError], None] | None
    context: TaskContext


class TaskRunner(QObject):
    """Serial queue per key, parallel across keys; outcomes delivered on the GUI thread.

    Create it on the GUI thread. Call :meth:`shutdown` before the application quits.

    Signals:
        task_submitted(TaskHandle): a task was queued.
        task_started(TaskHandle): a task began running on a worker thread.
        task_progress(TaskHandle, int, int, str): done, total, message.
        task_finished(TaskHandle): the task reached a final state (after its callback ran).
        idle(): no task is queued or running any more.
    """

    task_submitted = Signal(object)
    task_started = Signal(object)
    task_progress = Signal(object, int, int, str)
    task_finished = Signal(object)
    idle = Signal()

    # Worker threads emit these; Qt queues them to this object's (the GUI) thread.
    _outcomes_waiting = Signal()  # outcomes are in self._outcomes (emitted once until they are taken in)
    _worker_progress = Signal(object, int, int, str)  # task, done, total, message

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        max_reads: int = DEFAULT_MAX_READS,
        progress_interval_s: float = _PROGRESS_INTERVAL_S,
    ) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=_WORKER_THREADS, thread_name_prefix="modmanager-task")
        self._read_executor = ThreadPoolExecutor(max_workers=_READ_THREADS, thread_name_prefix="modmanager-read")
        self._max_concurrency = _clamp(max_concurrency, _WORKER_THREADS)
        self._max_reads = _clamp(max_reads, _READ_THREADS)
        self._running_reads = 0
        self._running_watchers = 0
        self._throttle = ReadThrottle(self._max_reads)
        self._switching = Switching()
        self._lag_probe = QTimer(self)
        self._lag_probe.setInterval(LAG_PROBE_MS)
        self._lag_probe.timeout.connect(self._probe_lag)
        self._progress_interval_s = progress_interval_s
        self._ids = itertools.count(1)
        self._pending: list[_Task[Any]] = []
        self._waiting_others = 0  # queued changes and watchers: with none, a full read lane ends a dispatch pass
        self._running: dict[str, _Task[Any]] = {}
        """Each occupied queue and the task occupying it (a task holding several appears several times)."""
        self._active: dict[int, _Task[Any]] = {}
        """The running tasks by task id, each once."""
        self._closed = False
        self._outcomes: collections.deque[tuple[_Task[Any], Any, BaseException | None]] = collections.deque()
        self._outcomes_lock = threading.Lock()
        self._outcomes_signalled = False
        self._launches: queue.SimpleQueue[_Task[Any] | None] = queue.SimpleQueue()
        self._launcher = threading.Thread(target=self._launch, name="modmanager-launcher", daemon=True)
        self._launcher.start()
        self._outcomes_waiting.connect(self._take_outcomes)
        self._worker_progress.connect(self._on_worker_progress)

    # -- public API ---------------------------------------------------------------------

    @property
    def max_concurrency(self) -> int:
        """How many keys run at once."""
        return self._max_concurrency

    def set_max_concurrency(self, value: int) -> None:
        """Change the parallelism (e.g. after the settings changed); takes effect at once."""
        self._max_concurrency = _clamp(value, _WORKER_THREADS)
        self._dispatch()

    @property
    def max_reads(self) -> int:
        """How many read-only tasks run at once (besides the others)."""
        return self._max_reads

    def set_max_reads(self, value: int) -> None:
        """Change how many reads run at once; takes effect at once."""
        self._max_reads = _clamp(value, _READ_THREADS)
        self._throttle.maximum = self._max_reads
        self._dispatch()

    def _probe_lag(self) -> None:
        """While reads run: how late is this timer? Late means the GUI thread waits; read fewer at once."""
        self._throttle.observe(time.monotonic())

    def submit(
        self,
        key: str,
        title: str,
        fn: Callable[[TaskContext], T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[ModManagerError], None] | None = None,
        cancellable: bool = False,
        read_only: bool = False,
        quiet: bool = False,
        watcher: bool = False,
        holds: Sequence[str] = (),
    ) -> TaskHandle:
        """Queue ``fn`` behind the earlier tasks of ``key`` (and of ``holds``); returns at once.

        Args:
            key: serial queue name; tasks with the same key never overlap.
            holds: further queues occupied while ``fn`` runs; tasks of those wait, and the
                task waits for them.
            title: shown to people in the operations panel and log.
            fn: the work, run on a worker thread with a :class:`TaskContext`.
            on_success: called on the GUI thread with ``fn``'s result.
            on_failure: called on the GUI thread with a ModManagerError.
            cancellable: whether ``fn`` honours :meth:`TaskContext.cancelled`.
            read_only: ``fn`` changes nothing anywhere (a refresh): it runs at ``max_reads``.
            quiet: one step of an operation that reports for all of them (a task of its own
                shows the progress): the task sends no signals and :meth:`tasks` leaves it out.
            watcher: ``fn`` waits for quiet tasks (and may read) and reports their progress: it
                takes no slot, so it can never keep the tasks it waits for from starting.
        """
        if self._closed:
            raise RuntimeError("The task runner was shut down.")
        handle = TaskHandle(
            next(self._ids),
            key,
            title,
            cancellable,
            read_only=read_only,
            quiet=quiet,
            watcher=watcher,
            holds=tuple(dict.fromkeys(holds)),
        )
        context = TaskContext(lambda done, total, message: None, self._progress_interval_s)
        task: _Task[T] = _Task(handle, fn, on_success, on_failure, context)
        context._report = lambda done, total, message: self._worker_progress.emit(task, done, total, message)
        self._pending.append(task)
        self._waiting_others += not read_only or watcher
        if not quiet:
            self.task_submitted.emit(handle)
        self._dispatch()
        return handle

    def cancel(self, handle: TaskHandle) -> None:
        """Ask a task to stop: a queued task is dropped, a running cancellable one is told.

        A running task that is not cancellable runs to its end. Callbacks are not called for
        a cancelled task; ``task_finished`` reports it with state CANCELLED.
        """
        for task in self._pending:
            if task.handle is handle:
                self._pending.remove(task)
                self._waiting_others -= not handle.read_only or handle.watcher
                handle.cancel_requested = True
                self._finish_without_callback(task, TaskState.CANCELLED)
                self._emit_idle_if_idle()
                return
        running = self._running.get(handle.key)
        if running is not None and running.handle is handle and handle.can_cancel:
            handle.cancel_requested = True
            running.context._request_cancel()

    def release(self, handle: TaskHandle, key: str) -> None:
        """A running task is done with ``key``, one of its ``holds``: tasks waiting for it may start.

        Call on the GUI thread. The task's own key stays occupied until it ends.
        """
        if key == handle.key or key not in handle.holds:
            return
        task = self._running.get(key)
        if task is None or task.handle is not handle:
            return
        del self._running[key]
        handle.holds = tuple(held for held in handle.holds if held != key)
        self._dispatch()

    def tasks(self) -> list[TaskHandle]:
        """The running and queued tasks, running first, each group in submission order."""
        running = [self._active[task_id].handle for task_id in sorted(self._active)]  # ids grow with submission
        running = [handle for handle in running if not handle.quiet]
        return running + [task.handle for task in self._pending if not task.handle.quiet]

    def is_free(self, key: str) -> bool:
        """True when no task of ``key`` runs or waits (a task submitted for it would start at once)."""
        return key not in self._running and not any(key in task.handle.keys for task in self._pending)

    def is_idle(self) -> bool:
        """True when nothing is queued or running."""
        return not self._pending and not self._active

    def wait_idle(self, timeout_ms: int) -> bool:
        """Run the event loop until no task is left or ``timeout_ms`` passed; True if idle."""
        if self.is_idle():
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(max(0, timeout_ms))
        try:
            loop.exec()
        finally:
            self.idle.disconnect(loop.quit)
            timer.stop()
        return self.is_idle()

    def shutdown(self) -> None:
        """Stop accepting work, drop queued tasks, ask running ones to cancel, wait for them.

        Blocks until every worker has returned. Outcomes of tasks that were still running are
        logged but their callbacks are not called: the windows they would update are closing.
        """
        if self._closed:
            return
        self._closed = True
        for task in list(self._pending):
            self._pending.remove(task)
            self._finish_without_callback(task, TaskState.CANCELLED)
        self._waiting_others = 0
        for task in self._active.values():
            if task.handle.cancellable:
                task.handle.cancel_requested = True
                task.context._request_cancel()
        self._switching.follow(0)
        self._launches.put(None)  # after every task already started: the launcher hands them all on
        self._launcher.join()
        self._executor.shutdown(wait=True)
        self._read_executor.shutdown(wait=True)

    # -- scheduling (GUI thread) ------------------------------------------------------------

    def _dispatch(self) -> None:
        """Start what may start: in submission order per key, within each lane's bound.

        One pass over the queue: a key seen once is skipped for the rest of the pass, so a later
        task never overtakes an earlier one; a task starts only when none of its keys is taken.
        """
        if self._closed:
            return
        seen: set[str] = set()
        started: list[_Task[Any]] = []
        reads_full = self._lane_full(True)
        for task in self._pending:
            if reads_full and not self._waiting_others:
                break  # only reads wait, and none may start
            handle = task.handle
            keys = handle.keys
            if reads_full and handle.read_only and not handle.watcher:
                seen.update(keys)
                continue
            blocked = any(key in seen or key in self._running for key in keys)
            seen.update(keys)
            if blocked:
                continue  # an earlier task of one of these keys runs or waits; keep submission order
            if not handle.watcher and self._lane_full(handle.read_only):
                continue
            for key in keys:
                self._running[key] = task
            self._active[handle.task_id] = task
            self._running_reads += handle.read_only
            self._running_watchers += handle.watcher
            self._waiting_others -= not handle.read_only or handle.watcher
            started.append(task)
            reads_full = self._lane_full(True)
        if self._running_reads and not self._lag_probe.isActive():
            self._throttle.restart(time.monotonic())
            self._lag_probe.start()
        self._switching.follow(len(self._active) - self._running_watchers)
        if not started:
            return
        chosen = {id(task) for task in started}
        self._pending = [task for task in self._pending if id(task) not in chosen]
        for task in started:
            task.handle.state = TaskState.RUNNING
            task.handle.started_at = datetime.now(UTC)
            if not task.handle.quiet:
                self.task_started.emit(task.handle)
            self._launches.put(task)

    def _lane_full(self, read_only: bool) -> bool:
        if read_only:
            return self._running_reads >= min(self._max_reads, self._throttle.limit)
        changes = len(self._active) - self._running_reads - self._running_watchers
        return changes >= self._max_concurrency

    def _launch(self) -> None:
        """Launcher thread: hand started tasks to the executors (which may start a thread each)."""
        while (task := self._launches.get()) is not None:
            executor = self._read_executor if task.handle.read_only else self._executor
            executor.submit(self._run_in_worker, task)

    def _run_in_worker(self, task: _Task[Any]) -> None:
        try:
            result = _as_operation(task)
        except BaseException as exc:  # the worker must always report back, whatever fn did
            self._report(task, None, exc)
        else:
            self._report(task, result, None)

    def _report(self, task: _Task[Any], result: Any, exc: BaseException | None) -> None:
        """Worker thread: queue the outcome; the GUI thread is woken once for however many wait."""
        with self._outcomes_lock:
            self._outcomes.append((task, result, exc))
            if self._outcomes_signalled:
                return
            self._outcomes_signalled = True
        self._outcomes_waiting.emit()

    def _take_outcomes(self) -> None:
        """GUI thread: deliver waiting outcomes for a slice of time, then let the event loop run."""
        deadline = time.monotonic() + SLICE_S
        while True:
            with self._outcomes_lock:
                if not self._outcomes:
                    self._outcomes_signalled = False
                    return
                task, result, exc = self._outcomes.popleft()
            self._on_worker_done(task, result, exc)
            if time.monotonic() >= deadline:
                QTimer.singleShot(0, self, self._take_outcomes)
                return

    def _on_worker_progress(self, task: _Task[Any], done: int, total: int, message: str) -> None:
        handle = task.handle
        if handle.state is not TaskState.RUNNING:
            return
        handle.done, handle.total, handle.message = done, total, message
        if not handle.quiet:
            self.task_progress.emit(handle, done, total, message)

    def _on_worker_done(self, task: _Task[Any], result: Any, exc: BaseException | None) -> None:
        handle = task.handle
        for key in handle.keys:  # the queues it still occupies (release() let go of the others)
            if self._running.get(key) is task:
                del self._running[key]
        handle.holds = ()  # an ended task holds nothing, whether or not each PBX was let go first
        if self._active.pop(handle.task_id, None) is not None:
            self._running_watchers -= handle.watcher
            if handle.read_only:
                self._running_reads -= 1
                self._throttle.ended()
                if not self._running_reads:
                    self._lag_probe.stop()
        if exc is None:
            state = TaskState.SUCCEEDED
        elif isinstance(exc, TaskCancelled):
            state = TaskState.CANCELLED
        else:
            state = TaskState.FAILED
            handle.error = _as_user_error(exc, handle.title)
        handle.state = state
        handle.finished_at = datetime.now(UTC)
        try:
            if self._closed:
                log.info("Task %r ended %s during shutdown", handle.title, state.value)
            elif state is TaskState.SUCCEEDED and task.on_success is not None:
                task.on_success(result)
            elif state is TaskState.FAILED and task.on_failure is not None and handle.error is not None:
                task.on_failure(handle.error)
        finally:
            if not handle.quiet:
                self.task_finished.emit(handle)
            self._dispatch()
            self._emit_idle_if_idle()

    def _finish_without_callback(self, task: _Task[Any], state: TaskState) -> None:
        task.handle.state = state
        task.handle.finished_at = datetime.now(UTC)
        if not task.handle.quiet:
            self.task_finished.emit(task.handle)

    def _emit_idle_if_idle(self) -> None:
        if self.is_idle():
            self.idle.emit()


def _as_operation(task: _Task[T]) -> T:
    """Run ``task.fn`` as one operation (an id in the log, an agent owner of its own). When the PBX
    is busy with another operation of this workstation, the task waits, and says for whom."""
    context = task.context

    def waiting(pbx: str, holder: Holder | None) -> None:
        who = holder.describe() if holder is not None else QCoreApplication.translate("TaskRunner", "another task")
        text = QCoreApplication.translate("TaskRunner", "Waiting: {pbx} is busy with {operation}")
        context._report(0, 0, text.format(pbx=pbx, operation=who))  # unthrottled: it must show

    key = task.handle.key
    pbx = "" if key.startswith("(") else key  # "(catalogs)", "(fleet)", ...: the controller's own queues
    with operation(
        "task",
        title=task.handle.title,
        pbx=pbx,
        wait=DEFAULT_WAIT_SECONDS,
        on_wait=waiting,
        cancelled=context.cancelled,
    ):
        return task.fn(context)


def _clamp(value: int, upper: int) -> int:
    return max(1, min(int(value), upper))


def _as_user_error(exc: BaseException, title: str) -> ModManagerError:
    """Keep a ModManagerError; turn anything else into a readable message, traceback to the log."""
    if isinstance(exc, ModManagerError):
        return exc
    log.error("Unexpected error in task %r", title, exc_info=exc)
    error = UnexpectedError(code="task_unexpected", params={"title": title})
    error.__cause__ = exc
    return error
