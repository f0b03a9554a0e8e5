"""The Unattended menu: holds with a badge, schedules and windows, running due jobs with a
notification, history with the integrity check, and the customer report - in English and German."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.planner import ModuleStatus
from modmanager.core.windows import parse_window
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.badges import Badge, installed_badges
from modmanager.gui.report_pdf import render_page
from modmanager.gui.tasks import TaskRunner
from modmanager.gui.unattended import SCHEDULE_KEY, Unattended
from modmanager.store.schedules import JobKind, JobState
from modmanager.store.settings import Settings
from tests.ops.world import MODULE_A, MODULE_B, PBX, World, world

WAIT_MS = 20_000
Shot = Callable[[QWidget, str], None]


@pytest.fixture
def test_world(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as opened:
        opened.services.inventory.update(
            opened.services.inventory.get(PBX).__class__(
                **{**opened.services.inventory.get(PBX).__dict__, "customer": "Kunde A GmbH"}
            )
        )
        yield opened


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, test_world: World, language: str) -> MainWindow:
    saved: list[Settings] = []
    main = MainWindow(test_world.services, runner, save=saved.append)
    qtbot.addWidget(main)
    main.show()
    main.start()
    assert runner.wait_idle(WAIT_MS)
    assert main.fleet_view.select(PBX)
    return main


def unattended(window: MainWindow) -> Unattended:
    found = window.unattended  # type: ignore[attr-defined]
    assert isinstance(found, Unattended)
    return found


def test_the_menu_is_there_in_both_languages(window: MainWindow, language: str) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert ("&Wartung" if language == "de" else "&Unattended") in titles
    menu = unattended(window).menu
    texts = [action.text() for action in menu.actions() if action.text()]
    assert len(texts) == 5


def test_a_hold_shows_a_badge_and_reason_and_is_planned_at_once(
    qtbot: QtBot, window: MainWindow, test_world: World, language: str, screenshot: Shot
) -> None:
    assert window.pbx_page.select_module(MODULE_A)
    dialog = unattended(window).show_hold()
    assert dialog is not None
    dialog.reason_edit.setText("Kunde testet erst")
    dialog.add_button.click()
    assert dialog.current.count() == 1
    expected = "Auf dieser Telefonanlage festgehalten" if language == "de" else "Held on this PBX"
    assert dialog.current.item(0).text() == f"{expected}: Kunde testet erst"
    screenshot(dialog, f"hold-dialog-{language}")
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and entry.snapshot is not None
    plan = next(item for item in entry.snapshot.plan.modules if item.module_id == MODULE_A)
    assert plan.status is ModuleStatus.HELD
    module = next(item for item in entry.snapshot.modules if item.id == MODULE_A)
    assert Badge.HELD in installed_badges(module, plan)
    assert Badge.HELD.text == ("Festgehalten" if language == "de" else "Held")
    dialog.current.setCurrentRow(0)
    dialog.remove_button.click()
    assert test_world.services.holds.all() == []


def test_schedule_a_job_run_it_and_get_a_notification(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World, language: str, screenshot: Shot
) -> None:
    helper = unattended(window)
    dialog = helper.show_schedules()
    dialog.set_checked([PBX])
    dialog.schedule_button.click()
    assert "kunde-a" in dialog.schedule_status.text()  # no window yet: the error names the PBX
    assert test_world.services.schedules.list() == []

    dialog.tabs.setCurrentIndex(1)
    dialog.windows_view.selectRow(0)
    dialog.window_edit.setText("daily 00:00-00:00 UTC")
    dialog.set_pbx_button.click()
    assert test_world.services.windows.pbx_window(PBX) == parse_window("daily 00:00-00:00 UTC")
    screenshot(dialog, f"schedule-windows-{language}")

    dialog.tabs.setCurrentIndex(0)
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(JobKind.UPDATE_ALL))
    dialog.schedule_button.click()
    (job,) = test_world.services.schedules.list()
    assert job.state is JobState.PENDING and dialog.jobs_model.rowCount() == 1
    screenshot(dialog, f"schedule-jobs-{language}")

    dialog.run_button.click()
    qtbot.waitUntil(lambda: bool(helper.notifications), timeout=WAIT_MS)
    assert runner.wait_idle(WAIT_MS)
    title, text = helper.notifications[-1]
    assert title == ("Geplante Aufträge" if language == "de" else "Scheduled jobs")
    assert text == ("Erledigte Aufträge: 1." if language == "de" else "1 job(s) done.")
    assert test_world.services.schedules.get(job.job_id).state is JobState.SUCCEEDED
    assert test_world.module(MODULE_B).version == 4
    assert dialog.jobs_model.data(dialog.jobs_model.index(0, 3)) == ("erledigt" if language == "de" else "done")
    # Offscreen there is no tray: the status bar says it.
    assert helper.tray is None and title in window.statusBar().currentMessage()


def test_a_failed_scheduled_job_is_named_in_the_notification(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World, language: str
) -> None:
    helper = unattended(window)
    test_world.services.windows.set_pbx(PBX, parse_window("daily 00:00-00:00 UTC"))
    test_world.sim.faults.unstable_instances(MODULE_A, version=130)
    from modmanager.ops.schedule import schedule_jobs

    schedule_jobs(test_world.services, JobKind.UPDATE_ALL, [PBX])
    helper.run_due_now()
    qtbot.waitUntil(lambda: bool(helper.notifications), timeout=WAIT_MS)
    assert runner.wait_idle(WAIT_MS)
    _, text = helper.notifications[-1]
    assert "kunde-a" in text and ("fehlgeschlagen" if language == "de" else "failed") in text


def test_history_filters_details_and_integrity(
    qtbot: QtBot, window: MainWindow, test_world: World, language: str, screenshot: Shot
) -> None:
    from modmanager.ops.update import prepare_update, run_update

    run_update(test_world.services, prepare_update(test_world.services, PBX, MODULE_A, to_version=130))
    dialog = unattended(window).show_history()
    rows = dialog.model.rowCount()
    assert rows >= 2  # PBX added, the update
    first = dialog.model.index(0, 1).data()
    assert first == ("Aktualisierung" if language == "de" else "Update")
    dialog.table.selectRow(0)
    details = dialog.details.toPlainText()
    assert "Weiterleitung Zentrale" in details and ("entfallen" if language == "de" else "dropped") in details
    dialog.search_edit.setText("nothing-matches-this")
    assert dialog.model.rowCount() == 0
    dialog.search_edit.setText("")
    dialog.verify_button.click()
    assert dialog.integrity_label.text().startswith("Unversehrt" if language == "de" else "Intact")
    screenshot(dialog, f"history-{language}")


def test_the_report_dialog_writes_pdf_and_html(
    qtbot: QtBot, window: MainWindow, test_world: World, language: str, tmp_path: Path, screenshot: Shot
) -> None:
    from modmanager.ops.update import prepare_update, run_update

    run_update(test_world.services, prepare_update(test_world.services, PBX, MODULE_A, to_version=130))
    dialog = unattended(window).show_report()
    assert dialog.customer_box.currentText() == "Kunde A GmbH"
    assert dialog.language_box.currentData() == language
    screenshot(dialog, f"report-dialog-{language}")
    pdf = tmp_path / "bericht.pdf"
    assert dialog.write(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    html_file = tmp_path / "bericht.html"
    assert dialog.write(html_file)
    html = html_file.read_text(encoding="utf-8")
    assert "Kunde A GmbH" in html and "v126" in html and "v130" in html
    page = render_page(html)
    assert page.width() == 1240 and not page.isNull()


def test_the_pbx_dialog_edits_the_maintenance_window(
    qtbot: QtBot, window: MainWindow, test_world: World, language: str, screenshot: Shot
) -> None:
    test_world.services.windows.set_customer("Kunde A GmbH", parse_window("Mon-Fri 22:00-02:00 Europe/Berlin"))
    dialog = window.setup_flows.edit_pbx()
    assert dialog is not None
    assert "Mon-Fri 22:00-02:00 Europe/Berlin" in dialog.window_edit.placeholderText()
    dialog.window_edit.setText("Sa 06:00-08:00")
    screenshot(dialog, f"pbx-dialog-window-{language}")
    dialog.save()
    assert test_world.services.windows.pbx_window(PBX) == parse_window("Sat 06:00-08:00 Europe/Berlin")
    window.controller.reload_records()
    entry = window.fleet_model.entry(PBX)
    assert entry is not None and entry.window == "Sat 06:00-08:00 Europe/Berlin"
    tooltip = window.fleet_model.data(window.fleet_model.index_of(PBX), Qt.ItemDataRole.ToolTipRole)
    assert "Sat 06:00-08:00 Europe/Berlin" in tooltip


def test_long_tasks_notify_when_they_end(window: MainWindow, runner: TaskRunner, qtbot: QtBot) -> None:
    helper = unattended(window)
    handle = runner.submit("x", "Long work", lambda ctx: 1)
    assert runner.wait_idle(WAIT_MS)
    assert helper.notifications == []  # short: no notification
    handle.started_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    helper._task_finished(handle)
    assert helper.notifications[-1][0] == "Long work"


def test_the_timer_runs_only_when_a_job_is_due(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World
) -> None:
    helper = unattended(window)
    submitted: list[object] = []
    runner.task_submitted.connect(lambda handle: submitted.append(handle) if handle.key == SCHEDULE_KEY else None)
    helper._tick()
    assert submitted == []  # nothing scheduled: no task, nothing in the operations panel
    test_world.services.windows.set_pbx(PBX, parse_window("daily 00:00-00:00 UTC"))
    from modmanager.ops.schedule import schedule_jobs

    schedule_jobs(test_world.services, JobKind.BACKUP, [PBX])
    helper._tick()
    assert len(submitted) == 1
    qtbot.waitUntil(lambda: bool(helper.notifications), timeout=WAIT_MS)
    assert runner.wait_idle(WAIT_MS)
    window.close()
    schedule_jobs(test_world.services, JobKind.UPDATE_ALL, [PBX])
    helper._tick()
    assert len(submitted) == 1  # a closed window runs nothing
