"""The task runner: serial per key, parallel across keys, outcomes on the GUI thread."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from modmanager.core.errors import ModManagerError, PbxError
from modmanager.gui.slices import FEW_SWITCH_S, Switching
from modmanager.gui.tasks import TaskCancelled, TaskContext, TaskRunner, TaskState, UnexpectedError

WAIT_S = 10.0
"""Upper bound for a worker waiting on an event; reaching it means the test failed."""


def wait_for(event: threading.Event) -> None:
    if not event.wait(WAIT_S):
        raise AssertionError("an event the test waits for was never set")


def test_tasks_of_one_key_run_one_at_a_time_in_submission_order(runner: TaskRunner, qtbot: QtBot) -> None:
    lock = threading.Lock()
    events: list[str] = []
    active = 0
    max_active = 0
    first_may_finish = threading.Event()

    def work(number: int) -> object:
        def fn(ctx: TaskContext) -> int:
            nonlocal active, max_active
            with lock:
                active += 1
                max_active = max(max_active, active)
                events.append(f"start {number}")
            if number == 1:
                wait_for(first_may_finish)
            with lock:
                active -= 1
                events.append(f"end {number}")
            return number

        return fn

    handles = [runner.submit("pbx-a", f"task {n}", work(n)) for n in (1, 2, 3)]
    qtbot.waitUntil(lambda: handles[0].state is TaskState.RUNNING)
    assert [h.state for h in handles[1:]] == [TaskState.QUEUED, TaskState.QUEUED]
    first_may_finish.set()

    assert runner.wait_idle(int(WAIT_S * 1000))
    assert events == ["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]
    assert max_active == 1
    assert all(h.state is TaskState.SUCCEEDED for h in handles)


def test_tasks_of_different_keys_overlap(runner: TaskRunner) -> None:
    a_started, b_started = threading.Event(), threading.Event()

    def task_a(ctx: TaskContext) -> str:
        a_started.set()
        wait_for(b_started)  # only returns if B runs while A is still running
        return "a"

    def task_b(ctx: TaskContext) -> str:
        b_started.set()
        wait_for(a_started)
        return "b"

    results: list[str] = []
    runner.submit("pbx-a", "A", task_a, on_success=results.append)
    runner.submit("pbx-b", "B", task_b, on_success=results.append)

    assert runner.wait_idle(int(WAIT_S * 1000) * 2)
    assert sorted(results) == ["a", "b"]


def test_max_concurrency_bounds_parallel_keys(qapp: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_concurrency=1, progress_interval_s=0.0)
    release = threading.Event()
    try:
        first = runner.submit("pbx-a", "A", lambda ctx: wait_for(release))
        second = runner.submit("pbx-b", "B", lambda ctx: None)
        qtbot.waitUntil(lambda: first.state is TaskState.RUNNING)
        assert second.state is TaskState.QUEUED

        runner.set_max_concurrency(2)
        qtbot.waitUntil(lambda: second.state is TaskState.SUCCEEDED)
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
    finally:
        release.set()
        runner.shutdown()


def test_reads_run_beside_changes_at_a_bound_of_their_own(qapp: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_concurrency=1, max_reads=2, progress_interval_s=0.0)
    release = threading.Event()
    try:
        change = runner.submit("pbx-a", "Update", lambda ctx: wait_for(release))
        reads = [
            runner.submit(f"pbx-{name}", f"Refresh {name}", lambda ctx: wait_for(release), read_only=True)
            for name in "bcd"
        ]
        other_change = runner.submit("pbx-e", "Update", lambda ctx: None)
        qtbot.waitUntil(lambda: reads[1].state is TaskState.RUNNING)
        assert change.state is TaskState.RUNNING and reads[0].state is TaskState.RUNNING
        assert reads[2].state is TaskState.QUEUED  # two reads at most
        assert other_change.state is TaskState.QUEUED  # one change at most

        runner.set_max_reads(3)
        qtbot.waitUntil(lambda: reads[2].state is TaskState.RUNNING)
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
        assert other_change.state is TaskState.SUCCEEDED
    finally:
        release.set()
        runner.shutdown()


def test_with_the_read_lane_full_a_change_queued_behind_many_reads_still_starts(
    qapp: QApplication, qtbot: QtBot
) -> None:
    runner = TaskRunner(max_concurrency=2, max_reads=2, progress_interval_s=0.0)
    release = threading.Event()
    try:
        reads = [
            runner.submit(f"pbx-{number}", "Refresh", lambda ctx: wait_for(release), read_only=True)
            for number in range(50)
        ]
        change = runner.submit("pbx-x", "Update", lambda ctx: wait_for(release))
        behind_its_read = runner.submit("pbx-7", "Update", lambda ctx: None)
        watcher = runner.submit("(refresh)", "Refresh all", lambda ctx: wait_for(release), watcher=True)
        qtbot.waitUntil(lambda: change.state is TaskState.RUNNING and watcher.state is TaskState.RUNNING)
        assert [read.state for read in reads].count(TaskState.RUNNING) == 2
        assert behind_its_read.state is TaskState.QUEUED  # its PBX's read is still queued before it
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
        assert all(task.state is TaskState.SUCCEEDED for task in (*reads, change, behind_its_read, watcher))
    finally:
        release.set()
        runner.shutdown()


def test_a_read_waits_for_the_change_of_its_pbx_and_keeps_its_place(qapp: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_concurrency=4, max_reads=4, progress_interval_s=0.0)
    release = threading.Event()
    order: list[str] = []
    try:
        update = runner.submit("pbx-a", "Update", lambda ctx: (wait_for(release), order.append("update")))
        refresh = runner.submit("pbx-a", "Refresh", lambda ctx: order.append("refresh"), read_only=True)
        after = runner.submit("pbx-a", "Back up", lambda ctx: order.append("backup"))
        qtbot.waitUntil(lambda: update.state is TaskState.RUNNING)
        assert (refresh.state, after.state) == (TaskState.QUEUED, TaskState.QUEUED)
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
        assert order == ["update", "refresh", "backup"]
    finally:
        release.set()
        runner.shutdown()


def test_quiet_tasks_send_no_signals_and_a_watcher_takes_no_slot(qapp: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner(max_concurrency=1, max_reads=1, progress_interval_s=0.0)
    release = threading.Event()
    seen: list[str] = []
    for signal in (runner.task_submitted, runner.task_started, runner.task_finished):
        signal.connect(lambda handle: seen.append(handle.title))
    try:
        change = runner.submit("pbx-a", "Update", lambda ctx: wait_for(release))
        read = runner.submit("pbx-b", "Refresh b", lambda ctx: wait_for(release), read_only=True, quiet=True)
        watcher = runner.submit("(refresh)", "Refresh all", lambda ctx: wait_for(release), watcher=True)
        qtbot.waitUntil(lambda: watcher.state is TaskState.RUNNING)  # both bounds are taken, it runs anyway
        assert change.state is TaskState.RUNNING and read.state is TaskState.RUNNING
        assert runner.tasks() == [change, watcher]
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
        assert read.state is TaskState.SUCCEEDED
        assert "Refresh b" not in seen and seen.count("Refresh all") == 3
    finally:
        release.set()
        runner.shutdown()


def test_callbacks_run_on_the_gui_thread_and_work_does_not(runner: TaskRunner, qapp: QApplication) -> None:
    seen: dict[str, bool] = {}

    def fn(ctx: TaskContext) -> int:
        seen["fn on gui thread"] = QThread.currentThread() is qapp.thread()
        return 42

    def on_success(result: int) -> None:
        seen["result"] = result == 42
        seen["callback on gui thread"] = QThread.currentThread() is qapp.thread()

    runner.submit("pbx-a", "answer", fn, on_success=on_success)
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert seen == {"fn on gui thread": False, "result": True, "callback on gui thread": True}


def test_a_modmanager_error_reaches_on_failure_unchanged(runner: TaskRunner, qapp: QApplication) -> None:
    error = PbxError("The PBX mueller-hq does not answer.", "Check that it is switched on.", code="unreachable")
    failures: list[ModManagerError] = []
    failure_threads: list[bool] = []

    def on_failure(exc: ModManagerError) -> None:
        failures.append(exc)
        failure_threads.append(QThread.currentThread() is qapp.thread())

    def fn(ctx: TaskContext) -> None:
        raise error

    handle = runner.submit(
        "pbx-a", "refresh", fn, on_success=lambda _: pytest.fail("no success"), on_failure=on_failure
    )
    assert runner.wait_idle(int(WAIT_S * 1000))

    assert failures == [error]
    assert failure_threads == [True]
    assert handle.state is TaskState.FAILED
    assert handle.error is error


def test_any_other_exception_becomes_a_readable_error_and_the_queue_goes_on(
    runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    failures: list[ModManagerError] = []
    results: list[str] = []

    def broken(ctx: TaskContext) -> None:
        raise KeyError("internal detail")

    with caplog.at_level(logging.ERROR, logger="modmanager.gui.tasks"):
        runner.submit("pbx-a", "Refresh mueller-hq", broken, on_failure=failures.append)
        runner.submit("pbx-a", "next", lambda ctx: "ran", on_success=results.append)
        assert runner.wait_idle(int(WAIT_S * 1000))

    assert len(failures) == 1
    error = failures[0]
    assert isinstance(error, UnexpectedError)
    assert "Refresh mueller-hq" in error.message
    assert "internal detail" not in str(error) and "Traceback" not in str(error)
    assert error.hint
    assert results == ["ran"]
    logged = [record for record in caplog.records if record.exc_info]
    assert logged and "internal detail" in str(logged[0].exc_info[1])


def test_cancel_asks_a_running_cancellable_task_to_stop(runner: TaskRunner, qtbot: QtBot) -> None:
    started = threading.Event()
    called: list[str] = []

    def fn(ctx: TaskContext) -> None:
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.005)
        ctx.raise_if_cancelled()

    handle = runner.submit(
        "pbx-a", "long", fn, cancellable=True,
        on_success=lambda _: called.append("success"), on_failure=lambda _: called.append("failure"),
    )
    wait_for(started)
    qtbot.waitUntil(lambda: handle.state is TaskState.RUNNING)
    assert handle.can_cancel
    with qtbot.waitSignal(runner.task_finished, timeout=int(WAIT_S * 1000)) as finished:
        runner.cancel(handle)
    assert finished.args == [handle]
    assert handle.state is TaskState.CANCELLED
    assert called == []


def test_cancel_drops_a_queued_task_without_running_it(runner: TaskRunner, qtbot: QtBot) -> None:
    release = threading.Event()
    ran: list[str] = []
    blocker = runner.submit("pbx-a", "blocker", lambda ctx: wait_for(release))
    queued = runner.submit("pbx-a", "queued", lambda ctx: ran.append("queued"))
    qtbot.waitUntil(lambda: blocker.state is TaskState.RUNNING)

    runner.cancel(queued)
    assert queued.state is TaskState.CANCELLED
    assert runner.tasks() == [blocker]
    release.set()
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert ran == []


def test_a_running_task_that_is_not_cancellable_runs_to_its_end(runner: TaskRunner, qtbot: QtBot) -> None:
    release = threading.Event()
    handle = runner.submit("pbx-a", "upload", lambda ctx: (wait_for(release), ctx.cancelled())[1])
    qtbot.waitUntil(lambda: handle.state is TaskState.RUNNING)
    assert not handle.can_cancel

    results: list[bool] = []
    runner.task_finished.connect(lambda h: results.append(h.state is TaskState.SUCCEEDED))
    runner.cancel(handle)
    release.set()
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert results == [True]


def test_progress_reaches_the_gui_as_signals(runner: TaskRunner) -> None:
    reports: list[tuple[int, int, str]] = []
    runner.task_progress.connect(lambda handle, done, total, message: reports.append((done, total, message)))

    def fn(ctx: TaskContext) -> None:
        for step in range(1, 4):
            ctx.progress(step, 3, f"module {step}")

    handle = runner.submit("pbx-a", "update", fn)
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert reports == [(1, 3, "module 1"), (2, 3, "module 2"), (3, 3, "module 3")]
    assert (handle.done, handle.total, handle.message) == (3, 3, "module 3")


def test_progress_is_throttled_but_the_last_step_always_arrives(qapp: QApplication) -> None:
    runner = TaskRunner(progress_interval_s=3600.0)
    reports: list[int] = []
    runner.task_progress.connect(lambda handle, done, total, message: reports.append(done))
    try:
        runner.submit("pbx-a", "many steps", lambda ctx: [ctx.progress(step, 10) for step in range(11)])
        assert runner.wait_idle(int(WAIT_S * 1000))
    finally:
        runner.shutdown()
    assert reports == [0, 10]


def test_signals_follow_the_life_of_a_task(runner: TaskRunner) -> None:
    seen: list[tuple[str, TaskState]] = []
    runner.task_submitted.connect(lambda h: seen.append(("submitted", h.state)))
    runner.task_started.connect(lambda h: seen.append(("started", h.state)))
    runner.task_finished.connect(lambda h: seen.append(("finished", h.state)))

    handle = runner.submit("pbx-a", "one", lambda ctx: None)
    assert runner.wait_idle(int(WAIT_S * 1000))

    assert seen == [
        ("submitted", TaskState.QUEUED), ("started", TaskState.RUNNING), ("finished", TaskState.SUCCEEDED),
    ]
    assert handle.started_at is not None and handle.finished_at is not None
    assert handle.submitted_at <= handle.started_at <= handle.finished_at


def test_wait_idle_reports_false_while_a_task_still_runs(runner: TaskRunner) -> None:
    release = threading.Event()
    runner.submit("pbx-a", "blocked", lambda ctx: wait_for(release))
    assert runner.wait_idle(20) is False
    release.set()
    assert runner.wait_idle(int(WAIT_S * 1000)) is True


def test_shutdown_cancels_running_work_and_waits_for_it(qapp: QApplication, qtbot: QtBot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    finished_cleanly = threading.Event()
    callbacks: list[str] = []

    def fn(ctx: TaskContext) -> None:
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.005)
        finished_cleanly.set()
        raise TaskCancelled

    running = runner.submit("pbx-a", "long", fn, cancellable=True, on_failure=lambda e: callbacks.append("f"))
    queued = runner.submit("pbx-a", "never", lambda ctx: callbacks.append("ran"))
    wait_for(started)

    runner.shutdown()

    assert finished_cleanly.is_set()  # shutdown returned only after the worker did
    assert queued.state is TaskState.CANCELLED
    qtbot.wait(10)  # deliver the worker's queued report: it must not call back any more
    assert running.state is TaskState.CANCELLED
    assert callbacks == []
    with pytest.raises(RuntimeError):
        runner.submit("pbx-a", "late", lambda ctx: None)


def test_a_task_holding_several_keys_waits_for_them_and_keeps_them_free_of_other_work(
    runner: TaskRunner, qtbot: QtBot
) -> None:
    """A rollout holds its PBXs: a refresh of one of them waits, and the rollout waits for a running one."""
    events: list[str] = []
    lock = threading.Lock()
    a_may_finish, fleet_may_finish = threading.Event(), threading.Event()

    def step(name: str, gate: threading.Event | None = None) -> object:
        def fn(ctx: TaskContext) -> str:
            with lock:
                events.append(f"start {name}")
            if gate is not None:
                wait_for(gate)
            with lock:
                events.append(f"end {name}")
            return name

        return fn

    busy_a = runner.submit("pbx-a", "update A", step("update A", a_may_finish))
    qtbot.waitUntil(lambda: busy_a.state is TaskState.RUNNING)
    rollout = runner.submit("(fleet)", "rollout", step("rollout", fleet_may_finish), holds=("pbx-a", "pbx-b"))
    refresh_b = runner.submit("pbx-b", "refresh B", step("refresh B"))
    other = runner.submit("pbx-c", "refresh C", step("refresh C"))
    assert rollout.keys == ("(fleet)", "pbx-a", "pbx-b")
    qtbot.waitUntil(lambda: other.state is TaskState.SUCCEEDED)
    assert rollout.state is TaskState.QUEUED, "pbx-a is busy"
    assert refresh_b.state is TaskState.QUEUED, "the rollout asked for pbx-b first"

    a_may_finish.set()
    qtbot.waitUntil(lambda: rollout.state is TaskState.RUNNING)
    assert refresh_b.state is TaskState.QUEUED, "pbx-b is held by the running rollout"
    assert [handle.title for handle in runner.tasks()] == ["rollout", "refresh B"]
    fleet_may_finish.set()
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert events.index("end rollout") < events.index("start refresh B")
    assert events.index("end update A") < events.index("start rollout")


def test_release_frees_a_held_key_before_the_task_ends(runner: TaskRunner, qtbot: QtBot) -> None:
    may_finish = threading.Event()
    rollout = runner.submit(
        "(fleet)", "rollout", lambda ctx: wait_for(may_finish), holds=("pbx-a", "pbx-b"), cancellable=True
    )
    qtbot.waitUntil(lambda: rollout.state is TaskState.RUNNING)
    refresh_a = runner.submit("pbx-a", "refresh A", lambda ctx: "a")
    refresh_b = runner.submit("pbx-b", "refresh B", lambda ctx: "b")
    runner.release(rollout, "(fleet)")  # its own key is kept until it ends
    runner.release(rollout, "pbx-x")  # not held: nothing happens
    runner.release(rollout, "pbx-a")
    qtbot.waitUntil(lambda: refresh_a.state is TaskState.SUCCEEDED)
    assert rollout.holds == ("pbx-b",) and rollout.state is TaskState.RUNNING
    assert refresh_b.state is TaskState.QUEUED
    may_finish.set()
    assert runner.wait_idle(int(WAIT_S * 1000))
    assert refresh_b.state is TaskState.SUCCEEDED


def test_a_task_holding_several_keys_takes_one_slot_and_reads_of_held_keys_wait(
    qapp: QApplication, qtbot: QtBot
) -> None:
    runner = TaskRunner(max_concurrency=2, max_reads=4, progress_interval_s=0.0)
    release = threading.Event()
    try:
        rollout = runner.submit("(fleet)", "rollout", lambda ctx: wait_for(release), holds=("pbx-a", "pbx-b"))
        held_read = runner.submit("pbx-a", "Refresh a", lambda ctx: None, read_only=True)
        free_read = runner.submit("pbx-c", "Refresh c", lambda ctx: None, read_only=True)
        change = runner.submit("pbx-d", "Update d", lambda ctx: wait_for(release))
        qtbot.waitUntil(lambda: free_read.state is TaskState.SUCCEEDED)
        qtbot.waitUntil(lambda: change.state is TaskState.RUNNING)  # the rollout took one slot, not three
        assert rollout.state is TaskState.RUNNING
        assert held_read.state is TaskState.QUEUED, "pbx-a is held by the rollout"
        runner.release(rollout, "pbx-a")
        qtbot.waitUntil(lambda: held_read.state is TaskState.SUCCEEDED)
        release.set()
        assert runner.wait_idle(int(WAIT_S * 1000))
        assert runner.is_idle() and runner.tasks() == []
    finally:
        release.set()
        runner.shutdown()


def test_a_busy_worker_or_two_hand_the_interpreter_back_sooner_many_keep_the_default(
    qapp: QApplication, qtbot: QtBot
) -> None:
    default = sys.getswitchinterval()
    switching = Switching()
    switching.follow(1)
    assert sys.getswitchinterval() == FEW_SWITCH_S
    switching.follow(40)  # a fleet read: switching among dozens costs more than it gains
    assert sys.getswitchinterval() == default
    switching.follow(0)
    assert sys.getswitchinterval() == default

    runner = TaskRunner(progress_interval_s=0.0)
    release = threading.Event()
    try:
        task = runner.submit("pbx-a", "Update", lambda ctx: wait_for(release))
        qtbot.waitUntil(lambda: task.state is TaskState.RUNNING)
        assert sys.getswitchinterval() == FEW_SWITCH_S
    finally:
        release.set()
        runner.shutdown()
    assert sys.getswitchinterval() == default
