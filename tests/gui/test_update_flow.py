"""An update from the click to the end, against the simulated PBX of tests/ops/world.py.

Module B (v3 -> v4, free) loses its settings on upload on a real PBX; the window's update must
bring them back. Module A (v126) has a free v130 and a paid v140: the dialog must ask before
anything paid happens, and declining it must change nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from modmanager.gui.dialogs.update_dialog import UpdateDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.migration import MigrationModel
from modmanager.gui.tasks import TaskHandle, TaskRunner, TaskState
from modmanager.store.settings import Settings
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_A, MODULE_B, PBX, World, world

WAIT_MS = 20_000


@pytest.fixture
def test_world(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, test_world: World, english: str) -> MainWindow:
    saved: list[Settings] = []
    main = MainWindow(test_world.services, runner, save=saved.append)
    qtbot.addWidget(main)
    main.show()
    main.start()
    assert runner.wait_idle(WAIT_MS)
    assert main.fleet_view.select(PBX)
    return main


def open_update_dialog(qtbot: QtBot, window: MainWindow, module_id: str) -> UpdateDialog:
    assert window.pbx_page.select_module(module_id)
    assert window.window_actions.update.isEnabled()
    window.window_actions.update.trigger()
    qtbot.waitUntil(lambda: window.update_flows.update_dialog is not None, timeout=WAIT_MS)
    dialog = window.update_flows.update_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_free_update_runs_to_the_end_with_progress_and_keeps_every_setting(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World
) -> None:
    dialog = open_update_dialog(qtbot, window, MODULE_B)
    assert dialog.chosen.release.version == 4
    assert not dialog.chosen.paid and not dialog.paid_box.isVisible()
    assert dialog.start_button.isEnabled()
    new_settings = dialog.migration_model.index(0, MigrationModel.COLUMN_ADDED).data()
    assert new_settings == "Vollabgleich"

    progress: list[tuple[str, int, int, str]] = []
    finished: list[TaskHandle] = []
    runner.task_progress.connect(
        lambda handle, done, total, message: progress.append((handle.title, done, total, message))
    )
    runner.task_finished.connect(finished.append)
    dialog.accept()
    assert runner.wait_idle(WAIT_MS)

    update = next(handle for handle in finished if handle.title.startswith("Update "))
    assert update.state is TaskState.SUCCEEDED, update.error
    messages = {message for title, _done, _total, message in progress if title == update.title}
    assert {"Backing up settings", "Uploading the module", "Restoring settings", "Activating instances"} <= messages
    steps = [done for title, done, _total, _message in progress if title == update.title]
    assert steps == sorted(steps), "one progress bar across all steps, never going back"

    module = test_world.module(MODULE_B)
    assert module.version == 4
    instances = {instance.name: instance for instance in module.instances}
    assert instances["Telefonbuch"].values == {**B_VALUES, "fullSync": True}
    assert instances["Telefonbuch"].active and not instances["Telefonbuch Filiale"].active
    assert module.internal_data == B_INTERNAL
    # The window shows the new state: refreshed after the update, B no longer offers an update.
    row = window.pbx_page.installed_model.row(window.pbx_page.installed_model.row_of(MODULE_B) or 0)
    assert row.module.version == 4 and row.plan.target is None
    assert window.details.backups_model.rowCount() == 1, "the pre-update backup is listed in the details"


def test_a_paid_update_asks_first_and_declining_changes_nothing(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World
) -> None:
    submitted: list[TaskHandle] = []
    runner.task_submitted.connect(submitted.append)
    dialog = open_update_dialog(qtbot, window, MODULE_A)
    assert dialog.paid_box.isVisible()
    assert "new module license key" in dialog.paid_text.text()
    assert dialog.free_option.isChecked(), "the free release is preselected"
    assert dialog.chosen.release.version == 130 and not dialog.chosen.paid

    dialog.paid_option.setChecked(True)
    assert dialog.chosen.release.version == 140 and dialog.chosen.paid
    assert not dialog.start_button.isEnabled(), "a paid upgrade needs the explicit confirmation"
    dialog.confirm_check.setChecked(True)
    assert dialog.start_button.isEnabled() and dialog.confirm_paid

    dialog.reject()
    assert runner.wait_idle(WAIT_MS)
    assert not [handle for handle in submitted if handle.title.startswith("Update ")]
    module = test_world.module(MODULE_A)
    assert module.version == 126
    assert module.instances[0].values == A_VALUES


def test_staying_on_the_free_release_updates_below_the_paid_one(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, test_world: World
) -> None:
    dialog = open_update_dialog(qtbot, window, MODULE_A)
    model = dialog.migration_model
    assert model.index(0, MigrationModel.COLUMN_DROPPED).data() != "–", "v130 has no place for ringSeconds"
    dialog.accept()
    assert runner.wait_idle(WAIT_MS)
    module = test_world.module(MODULE_A)
    assert module.version == 130
    kept = {key: value for key, value in A_VALUES.items() if key != "ringSeconds"}
    assert kept.items() <= module.instances[0].values.items()
    assert window.notices.last_error is None
