"""Refreshing many PBXs in the window: one operation that counts "n of N" and can be cancelled,
each PBX still read on its own queue; the read throttle that keeps the GUI thread's turn."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from modmanager.demo_start import DemoSession
from modmanager.gui.slices import MIN_READS, ReadThrottle
from modmanager.gui.tasks import TaskRunner, TaskState
from tests.gui.test_main_window import open_window

WAIT_MS = 30_000


def test_refresh_all_is_one_operation_counting_every_pbx(
    qtbot: QtBot, runner: TaskRunner, demo: DemoSession, english: str
) -> None:
    window = open_window(qtbot, demo, runner, demo=True)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    log = window.operations.log_model
    logged_before = log.rowCount()
    titles: list[str] = []
    runner.task_submitted.connect(lambda handle: titles.append(handle.title))

    window.controller.refresh_all()
    assert runner.wait_idle(WAIT_MS)

    # not one row per PBX (the list of backups is read again too: another modmanager may have changed it)
    shown = [title for title in titles if title != "Read the list of backups"]
    assert shown == ["Load module catalogs", "Refresh all PBXs"]
    entries = [log.entry(row) for row in range(log.rowCount() - logged_before)]  # newest first
    umbrella = next(entry for entry in entries if entry.title == "Refresh all PBXs")
    assert umbrella.state is TaskState.SUCCEEDED
    total = len(demo.pbx_names)
    assert all(not entry.busy for entry in window.fleet_model.entries())
    unreachable = sum(1 for entry in window.fleet_model.entries() if entry.message)
    assert unreachable >= 1  # the demo has a PBX that cannot be reached
    assert window.statusBar().currentMessage() == (
        f"Refresh all PBXs: {total - unreachable} of {total} PBXs read, {unreachable} could not be read."
    )


def test_a_cancelled_refresh_reads_no_further_pbx(
    qtbot: QtBot, runner: TaskRunner, demo: DemoSession, english: str
) -> None:
    window = open_window(qtbot, demo, runner, demo=True)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    for sim in demo.fleet.pbxs:
        sim.faults.latency_ms = 300
    runner.set_max_reads(1)
    names = window.fleet_model.names()
    before = {name: window.fleet_model.entry(name) for name in names}
    first_done: list[str] = []
    handle = window.controller.refresh_many(names, title="Refresh these")
    assert handle is not None
    window.controller.changed.connect(
        lambda changes: first_done.extend(
            name for name in changes.pbxs if not window.fleet_model.entry(name).busy  # type: ignore[union-attr]
        )
    )
    qtbot.waitUntil(lambda: bool(first_done), timeout=WAIT_MS)
    runner.cancel(handle)
    assert runner.wait_idle(WAIT_MS)

    assert handle.state is TaskState.CANCELLED
    assert all(not entry.busy for entry in window.fleet_model.entries())
    unchanged = [name for name in names if window.fleet_model.entry(name).snapshot is before[name].snapshot]  # type: ignore[union-attr]
    assert len(unchanged) >= len(names) - 3  # at most the PBXs already under way were read


def test_the_throttle_halves_when_the_gui_waits_and_grows_with_answers() -> None:
    throttle = ReadThrottle(maximum=128, start=32)
    throttle.restart(0.0)
    throttle.observe(0.010)  # on time
    throttle.ended()
    assert throttle.limit == 33
    throttle.observe(0.100)  # 80 ms late: the GUI thread waited for its turn
    assert throttle.limit == 16
    throttle.ended()
    assert throttle.limit == 16  # no growth until the GUI keeps up again
    for late in range(1, 6):
        throttle.observe(0.1 + 0.2 * late)  # very late, again and again
    assert throttle.limit == MIN_READS
    throttle.observe(1.11)
    for _ in range(500):
        throttle.ended()
    assert throttle.limit == 128
