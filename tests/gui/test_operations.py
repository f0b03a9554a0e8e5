"""The operations panel: active tasks with progress and Cancel, the log of finished ones."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.errors import OperationError
from modmanager.gui.tasks import TaskContext, TaskHandle, TaskRunner, TaskState
from modmanager.gui.views.operations import ActiveTasksModel, OperationLogModel, OperationsPanel, format_time

WAIT_MS = 10_000


@pytest.fixture
def panel(qtbot: QtBot, runner: TaskRunner, english: str) -> OperationsPanel:
    widget = OperationsPanel(runner)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    return widget


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds blocked tasks until the test opens it (always opened at the end)."""
    event = threading.Event()
    yield event
    event.set()


def blocked_until(gate: threading.Event, started: threading.Event | None = None) -> Callable[[TaskContext], None]:
    def fn(ctx: TaskContext) -> None:
        ctx.progress(1, 4, "Backing up settings")
        if started is not None:
            started.set()
        while not gate.wait(0.005):
            ctx.raise_if_cancelled()

    return fn


def cell(model: ActiveTasksModel | OperationLogModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_active_tasks_show_operation_pbx_progress_and_state(
    panel: OperationsPanel, runner: TaskRunner, gate: threading.Event, qtbot: QtBot
) -> None:
    model = panel.active_model
    running = runner.submit("mueller-hq", "Update Callcenter", blocked_until(gate), cancellable=True)
    runner.submit("mueller-hq", "Refresh", lambda ctx: None)
    qtbot.waitUntil(lambda: running.message == "Backing up settings", timeout=WAIT_MS)

    assert model.rowCount() == 2
    assert [cell(model, 0, column) for column in range(4)] == [
        "Update Callcenter", "mueller-hq", "Backing up settings", "Running",
    ]
    assert cell(model, 0, ActiveTasksModel.COLUMN_PROGRESS, ActiveTasksModel.PROGRESS_ROLE) == (1, 4)
    assert cell(model, 1, ActiveTasksModel.COLUMN_STATE) == "Waiting"
    assert panel.idle_label.isHidden() and not panel.active_view.isHidden()

    gate.set()
    assert runner.wait_idle(WAIT_MS)
    assert model.rowCount() == 0
    assert not panel.idle_label.isHidden()


def click_cancel(panel: OperationsPanel, row: int) -> None:
    view = panel.active_view
    rect = view.visualRect(panel.active_model.index(row, ActiveTasksModel.COLUMN_CANCEL))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_cancel_buttons_work_where_cancelling_is_possible(
    panel: OperationsPanel, runner: TaskRunner, gate: threading.Event, qtbot: QtBot
) -> None:
    panel.show()
    started = threading.Event()
    cancellable = runner.submit("a", "Refresh", blocked_until(gate, started), cancellable=True)
    fixed = runner.submit("b", "Upload", blocked_until(gate))
    queued = runner.submit("b", "Refresh", lambda ctx: None)
    qtbot.waitUntil(lambda: fixed.state is TaskState.RUNNING and started.is_set(), timeout=WAIT_MS)
    assert [panel.active_model.handle(row).can_cancel for row in range(3)] == [True, False, True]

    click_cancel(panel, 1)  # the upload cannot be stopped halfway: no button, no effect
    assert not fixed.cancel_requested
    click_cancel(panel, 2)
    assert queued.state is TaskState.CANCELLED
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_MS):
        click_cancel(panel, 0)
    assert cancellable.state is TaskState.CANCELLED
    assert [handle.title for handle in runner.tasks()] == ["Upload"]


def test_cancel_selected_is_the_keyboard_way(
    panel: OperationsPanel, runner: TaskRunner, gate: threading.Event, qtbot: QtBot
) -> None:
    running = runner.submit("a", "Refresh", blocked_until(gate), cancellable=True)
    fixed = runner.submit("b", "Upload", blocked_until(gate))
    qtbot.waitUntil(lambda: running.state is TaskState.RUNNING and fixed.state is TaskState.RUNNING, timeout=WAIT_MS)

    panel.active_view.selectRow(1)
    assert not panel.cancel_selected_button.isEnabled()
    panel.active_view.selectRow(0)
    assert panel.cancel_selected_button.isEnabled()
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_MS):
        panel.cancel_selected_button.click()
    assert running.state is TaskState.CANCELLED


def test_finished_operations_are_logged_in_plain_sentences(
    panel: OperationsPanel, runner: TaskRunner, qtbot: QtBot
) -> None:
    def fails(ctx: TaskContext) -> None:
        raise OperationError(
            "The update of Callcenter on mueller-hq was rolled back.", "The PBX runs the previous version again."
        )

    def crashes(ctx: TaskContext) -> None:
        raise ZeroDivisionError("secret internals")

    failures: list[TaskHandle] = []
    panel.failure_logged.connect(failures.append)
    runner.submit("mueller-hq", "Refresh", lambda ctx: None)
    failed = runner.submit("mueller-hq", "Update Callcenter", fails)
    runner.submit("schmidt", "Back up settings", crashes)
    assert runner.wait_idle(WAIT_MS)

    log = panel.log_model
    rows = {cell(log, row, OperationLogModel.COLUMN_OPERATION): row for row in range(log.rowCount())}
    assert set(rows) == {"Refresh", "Update Callcenter", "Back up settings"}
    assert cell(log, rows["Refresh"], OperationLogModel.COLUMN_OUTCOME) == "Completed."
    assert cell(log, rows["Update Callcenter"], OperationLogModel.COLUMN_OUTCOME) == (
        "The update of Callcenter on mueller-hq was rolled back. The PBX runs the previous version again."
    )
    unexpected = cell(log, rows["Back up settings"], OperationLogModel.COLUMN_OUTCOME)
    assert "unexpected error" in unexpected and "secret internals" not in unexpected
    assert "Traceback" not in unexpected
    assert cell(log, rows["Update Callcenter"], OperationLogModel.COLUMN_TIME) == format_time(failed.finished_at)
    assert cell(log, rows["Update Callcenter"], OperationLogModel.COLUMN_PBX) == "mueller-hq"
    assert sorted(handle.title for handle in failures) == ["Back up settings", "Update Callcenter"]

    panel.clear_button.click()
    assert log.rowCount() == 0


def test_the_log_lists_the_newest_first(panel: OperationsPanel, runner: TaskRunner) -> None:
    for title in ("first", "second", "third"):
        runner.submit("pbx", title, lambda ctx: None)
    assert runner.wait_idle(WAIT_MS)
    log = panel.log_model
    assert [cell(log, row, OperationLogModel.COLUMN_OPERATION) for row in range(3)] == ["third", "second", "first"]


def test_a_panel_created_late_shows_tasks_already_running(
    qtbot: QtBot, runner: TaskRunner, gate: threading.Event, english: str
) -> None:
    handle = runner.submit("pbx", "Refresh", blocked_until(gate), cancellable=True)
    qtbot.waitUntil(lambda: handle.state is TaskState.RUNNING, timeout=WAIT_MS)
    late = OperationsPanel(runner)
    qtbot.addWidget(late)
    assert late.active_model.rowCount() == 1
    assert late.active_model.handle(0) is handle


def test_screenshots(
    qtbot: QtBot, runner: TaskRunner, gate: threading.Event, language: str,
    screenshot: Callable[[QWidget, str], None],
) -> None:
    panel = OperationsPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(960, 460)

    def fails(ctx: TaskContext) -> None:
        raise OperationError("The PBX mueller-hq did not answer in time.", "Check that it is running, then retry.")

    runner.submit("mueller-hq", "Refresh", lambda ctx: None)
    runner.submit("mueller-hq", "Update Callcenter 126", fails)
    cancelled = runner.submit("schmidt-ag", "Back up settings", blocked_until(gate), cancellable=True)
    qtbot.waitUntil(lambda: cancelled.state is TaskState.RUNNING, timeout=WAIT_MS)
    runner.cancel(cancelled)
    assert runner.wait_idle(WAIT_MS)
    running = runner.submit("mueller-hq", "Update Queue Manager 82", blocked_until(gate), cancellable=True)
    runner.submit("mueller-hq", "Refresh", lambda ctx: None)
    qtbot.waitUntil(lambda: running.message != "", timeout=WAIT_MS)
    screenshot(panel, f"operations-{language}")
    gate.set()
    assert runner.wait_idle(WAIT_MS)
