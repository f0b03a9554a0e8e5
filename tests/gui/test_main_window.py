"""The main window against simulated PBXs: the fleet fills, modules show with badges, the
window keeps working while PBXs are read, and interrupted updates are offered for recovery."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from modmanager.core.errors import OperationError
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui.changes import Changes
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.badges import Badge, installed_badges
from modmanager.gui.tasks import TaskRunner, TaskState
from modmanager.ops.backup import backup_module
from modmanager.ops.recovery import RecoveryAction
from modmanager.ops.refresh import FleetStatus
from modmanager.ops.update import prepare_update, run_update
from modmanager.store.settings import Settings
from tests.ops.world import B_VALUES, MODULE_A, MODULE_B, MODULE_C, PBX, World, world

WAIT_MS = 20_000


@pytest.fixture
def test_world(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as opened:
        yield opened


def open_window(
    qtbot: QtBot,
    services_world_or_demo: World | DemoSession,
    runner: TaskRunner,
    saved: list[Settings] | None = None,
    *,
    demo: bool = False,
) -> MainWindow:
    window = MainWindow(
        services_world_or_demo.services, runner, demo=demo, save=(saved if saved is not None else []).append
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_demo_fleet_fills_the_list_with_every_status(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str
) -> None:
    session = start_demo(tmp_path / "demo")
    try:
        window = open_window(qtbot, session, runner, demo=True)
        assert window.demo_banner is not None and window.demo_banner.isVisible()
        assert "nothing here touches a real PBX" in window.demo_banner.label.text()
        window.start()
        assert set(window.fleet_model.names()) == set(session.pbx_names), "the list is there before any PBX answered"
        assert runner.wait_idle(WAIT_MS)

        statuses = {entry.name: entry.status for entry in window.fleet_model.entries()}
        assert {
            FleetStatus.UP_TO_DATE,
            FleetStatus.UPDATES_AVAILABLE,
            FleetStatus.PAID_UPDATES_ONLY,
            FleetStatus.INCOMPATIBLE_MODULE,
            FleetStatus.UNREACHABLE,
        } <= set(statuses.values())
        unreachable = next(name for name, status in statuses.items() if status is FleetStatus.UNREACHABLE)
        entry = window.fleet_model.entry(unreachable)
        assert entry is not None and "cannot be reached" in entry.message and not entry.busy
        # Grouped by customer: every PBX row sits under a customer row.
        model = window.fleet_model
        assert model.rowCount() >= 1 and all(model.index_of(name).parent().isValid() for name in statuses)

        # The header shows an NFR license clearly on the partner's own PBX.
        nfr_pbx = next(e.name for e in model.entries() if e.snapshot and e.snapshot.plan.facts.nfr_server)
        assert window.fleet_view.select(nfr_pbx)
        header = window.pbx_page.header
        texts = [label.text() for label in header.licenses_box.findChildren(type(header.title))]
        assert "NFR server license" in texts
    finally:
        window.close()
        runner.shutdown()
        session.stop()


def test_selecting_a_pbx_shows_its_modules_with_badges(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    window = open_window(qtbot, test_world, runner)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    assert window.fleet_view.select(PBX)
    assert window.pbx_page.header.title.text() == PBX
    assert window.pbx_page.header.key_text, "the server license key (or hardware ID) is shown for copying"
    window.pbx_page.header.copy_key()
    assert QApplication.clipboard().text() == window.pbx_page.header.key_text

    rows = {row.module.id: row for row in window.pbx_page.installed_model.rows()}
    assert set(rows) == {MODULE_A, MODULE_B}
    assert installed_badges(rows[MODULE_A].module, rows[MODULE_A].plan) == (Badge.UPDATE, Badge.PAID)
    assert installed_badges(rows[MODULE_B].module, rows[MODULE_B].plan) == (Badge.UPDATE,)
    assert [item.module.id for item in window.pbx_page.available_model.rows()] == [MODULE_C]
    assert window.pbx_page.module_tabs.tabText(0) == "Installed (2)"

    assert window.pbx_page.select_module(MODULE_A)
    assert window.window_actions.update.isEnabled() and window.window_actions.backup.isEnabled()
    assert not window.window_actions.install.isEnabled()
    html = window.details.changelog.toHtml()
    assert "Paid: needs a new module license key" in html and "update target" in html
    assert window.pbx_page.select_module(MODULE_C)
    assert window.window_actions.install.isEnabled() and not window.window_actions.update.isEnabled()

    window.pbx_page.module_filter.setText(rows[MODULE_B].display_name)
    assert window.pbx_page.installed_proxy.rowCount() == 1
    assert window.pbx_page.installed_proxy.index(0, 0).data() == rows[MODULE_B].display_name


def test_the_window_keeps_working_while_pbxs_are_read(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    """A refresh that cannot finish yet must not block the event loop: a timer still fires."""
    window = open_window(qtbot, test_world, runner)
    window.controller.reload_records()
    release = threading.Event()
    connect = test_world.services.connect

    def slow_connect(record):  # type: ignore[no-untyped-def]
        release.wait(WAIT_MS / 1000)
        return connect(record)

    test_world.services.connect = slow_connect
    handle = window.controller.refresh(PBX)
    qtbot.waitUntil(lambda: handle.state is TaskState.RUNNING, timeout=WAIT_MS)
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and entry.busy
    fired: list[TaskState] = []
    QTimer.singleShot(0, lambda: fired.append(handle.state))
    qtbot.waitUntil(lambda: bool(fired), timeout=WAIT_MS)
    assert fired == [TaskState.RUNNING], "the timer ran while the PBX was still being read"
    window.fleet_view.search_edit.setText("kunde")  # the UI reacts meanwhile
    assert window.fleet_view.proxy.rowCount() == 1
    release.set()
    assert runner.wait_idle(WAIT_MS)
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and not entry.busy and entry.status is FleetStatus.UPDATES_AVAILABLE


def test_an_open_journal_is_offered_for_recovery_and_resumed(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    preview = prepare_update(test_world.services, PBX, MODULE_B)
    test_world.sim.faults.fail("importConfig", times=None)
    with pytest.raises(OperationError):
        run_update(test_world.services, preview)
    test_world.sim.faults.clear()
    assert test_world.services.journal.unfinished()

    window = open_window(qtbot, test_world, runner)
    window.start()
    qtbot.waitUntil(lambda: window.update_flows.recovery_dialog is not None, timeout=WAIT_MS)
    dialog = window.update_flows.recovery_dialog
    assert dialog is not None
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and entry.status is FleetStatus.INTERRUPTED
    ((assessment, action),) = dialog.choices()
    assert assessment.entry.module_id == MODULE_B and assessment.reachable
    assert action is assessment.recommended, "the recommendation is preselected"
    dialog.option_buttons[0][RecoveryAction.RESUME.value].setChecked(True)
    dialog.accept()
    assert runner.wait_idle(WAIT_MS)

    assert test_world.services.journal.unfinished() == []
    module = test_world.module(MODULE_B)
    assert module.version == 4
    assert {i.name: i.values for i in module.instances}["Telefonbuch"] == {**B_VALUES, "fullSync": True}
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and entry.status is FleetStatus.UPDATES_AVAILABLE, "module A still has its update"


def test_the_window_remembers_its_geometry(qtbot: QtBot, runner: TaskRunner, test_world: World, english: str) -> None:
    saved: list[Settings] = []
    window = open_window(qtbot, test_world, runner, saved)
    assert (window.width(), window.height()) == (1280, 800)
    window.resize(780, 560)  # inside the offscreen screen (800x600): restoring clamps to the screen
    size = (window.width(), window.height())
    assert size != (1280, 800)
    window.close()
    assert saved and saved[-1].window_geometry
    test_world.services.settings = saved[-1]
    again = open_window(qtbot, test_world, runner)
    assert (again.width(), again.height()) == size
    again.close()


def test_shortcuts_are_in_place(qtbot: QtBot, runner: TaskRunner, test_world: World, english: str) -> None:
    window = open_window(qtbot, test_world, runner)
    assert window.window_actions.refresh.shortcut().toString() == "F5"
    assert window.window_actions.update.shortcut().toString() == "Ctrl+U"
    assert window.window_actions.search.shortcut().toString() == "Ctrl+F"
    assert window.window_actions.update_all.shortcut().toString() == "Ctrl+Shift+U"


def test_the_module_table_has_room_at_1280x800_and_the_window_fits_1024x700(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, language: str
) -> None:
    """The operations dock stays low; eight modules show; no demo PBX makes the window wider than 1024."""
    session = start_demo(tmp_path / "demo")
    try:
        window = open_window(qtbot, session, runner, demo=True)
        window.start()
        assert runner.wait_idle(WAIT_MS)
        qtbot.wait(200)  # the dock gets its height once shown, the columns after the resize settled
        view = window.pbx_page.installed_view
        rows_shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
        assert rows_shown >= 8, f"only {rows_shown} module rows fit at 1280x800"
        assert window.operations_dock.height() <= 160
        assert window.details.changelog.height() >= 80, "the changelog stays readable"
        for name in session.pbx_names:
            assert window.fleet_view.select(name)
            QApplication.processEvents()
            assert window.minimumSizeHint().width() <= 1024, f"{name} makes the window wider than 1024 px"
    finally:
        window.close()
        runner.shutdown()
        session.stop()


def test_an_update_fills_the_progress_bar_to_its_end(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    """The GUI's stages are the ones ops reports: the last report is the full bar, not 6 of 7."""
    window = open_window(qtbot, test_world, runner)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    preview = prepare_update(test_world.services, PBX, MODULE_B)
    reports: list[tuple[int, int, str]] = []
    runner.task_progress.connect(lambda _handle, done, total, message: reports.append((done, total, message)))
    handle = window.controller.run_update(preview, confirm_paid=False)
    assert runner.wait_idle(WAIT_MS)
    assert handle.state is TaskState.SUCCEEDED
    done, total, message = reports[-1]
    assert done == total > 0, f"the bar ended at {done} of {total} ({message})"
    assert [done for done, _total, _message in reports] == sorted(done for done, _total, _message in reports)


def test_an_update_announces_what_it_changed_and_the_views_follow(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    """No callback redraws a view: the update says backups and journal changed, the re-read says the PBX did."""
    window = open_window(qtbot, test_world, runner)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    assert window.fleet_view.select(PBX) and window.pbx_page.select_module(MODULE_B)
    notices: list[Changes] = []
    window.controller.changed.connect(notices.append)
    preview = prepare_update(test_world.services, PBX, MODULE_B)
    window.controller.run_update(preview, confirm_paid=False)
    assert runner.wait_idle(WAIT_MS)

    assert Changes(backups=True, journal=True) in notices, "the update itself"
    assert any(PBX in notice.pbxs for notice in notices[notices.index(Changes(backups=True, journal=True)) :])
    row = window.pbx_page.installed_model.row(window.pbx_page.installed_model.row_of(MODULE_B) or 0)
    assert row.module.version == 4, "the page redrew itself from the notice"
    assert window.details.backups_model.rowCount() == 1, "the details read the backups again"


def test_selecting_modules_reads_no_file_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    """The details' Backups tab comes from a list read in the task runner, not from the disk per click."""
    reads: list[bool] = []
    backups = test_world.services.backups
    list_backups = backups.list_backups

    def counting(**filters: str | None):  # type: ignore[no-untyped-def]
        reads.append(threading.current_thread() is threading.main_thread())
        return list_backups(**filters)

    backup_module(test_world.services, PBX, MODULE_A)
    backups.list_backups = counting  # type: ignore[method-assign]
    window = open_window(qtbot, test_world, runner)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    assert window.fleet_view.select(PBX)
    for _round in range(3):
        for module_id in (MODULE_A, MODULE_B, MODULE_C):
            assert window.pbx_page.select_module(module_id)
    assert window.pbx_page.select_module(MODULE_A)
    assert window.details.backups_model.rowCount() == 1
    assert reads and not any(reads), "read once, off the GUI thread"


def test_refresh_also_reads_the_backups_another_process_made(
    qtbot: QtBot, runner: TaskRunner, test_world: World, english: str
) -> None:
    window = open_window(qtbot, test_world, runner)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    assert window.fleet_view.select(PBX) and window.pbx_page.select_module(MODULE_A)
    assert window.details.backups_model.rowCount() == 0
    backup_module(test_world.services, PBX, MODULE_A)  # as 'modmanager backup create' would, beside the window
    assert window.details.backups_model.rowCount() == 0, "the window keeps the list it read"
    window.window_actions.refresh.trigger()
    assert runner.wait_idle(WAIT_MS)
    assert window.details.backups_model.rowCount() == 1
