"""The fleet in the window, against a simulated fleet: the rollout dialog (plan the stages, run
them, watch PBXs succeed and fail), backing up every PBX, and restore targets that fit a backup.

The fleet is the one of ``tests/ops/test_rollout.py``: module A on a partner PBX (the canary),
on customers' PBXs with STARFACE 9 and 8, one already current, one PBX without the module and
one that cannot be reached.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.protocol import EntryPoint
from modmanager.gui.dialogs.rollout_dialog import RolloutDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskHandle, TaskRunner, TaskState
from modmanager.ops.backup import backup_module
from modmanager.ops.pbxs import retag_pbxs
from modmanager.ops.services import Services
from modmanager.simulator.server import SimulatorFleet
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_PASSWORD, running_fleet
from modmanager.store.inventory import PbxRecord
from tests.ops.test_rollout import fleet_pbxs, write_fleet_catalog
from tests.ops.world import MODULE_A, services_for

WAIT_MS = 30_000


@dataclass
class Window:
    main: MainWindow
    services: Services
    sims: SimulatorFleet
    questions: list[str]

    def version(self, pbx: str) -> int:
        return self.sims.get(pbx).state.modules[MODULE_A].version

    def running_module_a(self) -> set[str]:
        """The PBXs the window could read that run module A (what the dialog ticks first)."""
        return {sim.state.name for sim in self.sims.pbxs if sim.state.reachable and MODULE_A in sim.state.modules}

    def open_dialog(self, qtbot: QtBot, *, answer: bool = True) -> RolloutDialog:
        """The dialog as the menu opens it, with a confirmation that answers ``answer``."""
        assert self.main.fleet_view.select("kunde-alpha") and self.main.pbx_page.select_module(MODULE_A)
        assert self.main.window_actions.rollout.isEnabled()
        self.main.window_actions.rollout.trigger()
        dialog = self.main.fleet_flows.rollout_dialog
        assert dialog is not None

        def confirm(_parent: QWidget, _title: str, question: str) -> bool:
            self.questions.append(question)
            return answer

        dialog._confirm = confirm
        return dialog


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str) -> Iterator[Window]:
    catalog_dir, public_key = write_fleet_catalog(tmp_path / "vendor")
    with running_fleet(tmp_path, fleet_pbxs()) as sims:
        services = services_for(tmp_path, catalog_dir, public_key, timeout=3.0)
        for sim in sims.pbxs:
            services.inventory.add(PbxRecord(sim.state.name, sim.url, "0001", fingerprint=sim.fingerprint))
            services.credentials.set_password(sim.state.name, "0001", TEST_PASSWORD)
            services.credentials.set_agent_secret(sim.state.name, TEST_AGENT_SECRET)
        main = MainWindow(services, runner, save=lambda _settings: None)
        qtbot.addWidget(main)
        main.show()
        main.start()
        assert runner.wait_idle(WAIT_MS)
        try:
            yield Window(main, services, sims, [])
        finally:
            main.close()
            runner.shutdown()
            services.close()


def groups(dialog: RolloutDialog) -> dict[str, list[QTreeWidgetItem]]:
    """Group title -> its PBX rows, as the tree shows them."""
    tree = dialog.plan_view
    shown: dict[str, list[QTreeWidgetItem]] = {}
    for row in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(row)
        shown[group.text(0)] = [group.child(index) for index in range(group.childCount())]
    return shown


def column(items: list[QTreeWidgetItem], number: int) -> dict[str, str]:
    return {item.text(RolloutDialog.COLUMN_PBX): item.text(number) for item in items}


def plan_to_130(dialog: RolloutDialog, runner: TaskRunner, *, every_pbx: bool = False) -> None:
    dialog.release_combo.setCurrentIndex(dialog.release_combo.findData(130))
    dialog.canary_spin.setValue(1)
    dialog.batch_spin.setValue(2)
    if every_pbx:
        dialog.set_chosen_pbxs(dialog._controller.fleet.names())
    handle = dialog.make_plan()
    assert handle is not None and handle.key == dialog._controller.fleet_key
    assert runner.wait_idle(WAIT_MS)
    assert dialog.plan is not None, dialog.error_label.text()


def test_the_plan_shows_the_stages_canary_first_and_every_pbx_left_out_with_its_reason(
    qtbot: QtBot, window: Window, runner: TaskRunner
) -> None:
    before = {sim.state.name: dict(sim.state.modules) for sim in window.sims.pbxs}
    dialog = window.open_dialog(qtbot)
    assert set(dialog.chosen_pbxs()) == window.running_module_a(), "every PBX known to run the module is ticked"
    assert not dialog.start_button.isEnabled(), "nothing to start before a plan"

    plan_to_130(dialog, runner, every_pbx=True)

    plan = dialog.plan
    assert plan is not None
    shown = groups(dialog)
    stage_titles = [title for title in shown if title.startswith("Stage")]
    assert stage_titles[0] == "Stage 1 – canary" and len(stage_titles) == len(plan.stages)
    for title, stage in zip(stage_titles, plan.stages, strict=True):
        assert [item.text(RolloutDialog.COLUMN_PBX) for item in shown[title]] == [t.pbx_name for t in stage]
    assert column(shown[stage_titles[0]], RolloutDialog.COLUMN_PBX) == {"partner-lab": "partner-lab"}
    releases = column([item for title in stage_titles for item in shown[title]], RolloutDialog.COLUMN_RELEASE)
    assert releases["kunde-alpha"] == "v126 → v130"
    assert releases["kunde-older"] == "v120 → v126", "a PBX on STARFACE 8 gets the newest release it can run"

    reasons = column(shown["Left out"], RolloutDialog.COLUMN_NOTE)
    assert set(reasons) == {target.pbx_name for target in plan.skipped}
    assert {"kunde-current", "kunde-old", "kunde-phonebook", "kunde-dark"} <= set(reasons)
    assert reasons["kunde-current"] == "already on v130"
    assert reasons["kunde-phonebook"] == "the module is not installed"
    assert reasons["kunde-dark"].startswith("unreachable")
    assert "PBXs to update: 4" in dialog.summary_label.text()
    assert dialog.start_button.isEnabled()

    dialog.batch_spin.setValue(3)
    assert dialog.plan is None and not dialog.start_button.isEnabled(), "a changed choice needs a new plan"
    assert {sim.state.name: dict(sim.state.modules) for sim in window.sims.pbxs} == before, "planning changes nothing"


def test_a_rollout_updates_the_pbxs_and_reports_each_as_it_ends(
    qtbot: QtBot, window: Window, runner: TaskRunner
) -> None:
    dialog = window.open_dialog(qtbot)
    plan_to_130(dialog, runner)
    targets = {target.pbx_name: target for target in dialog.plan.targets} if dialog.plan else {}
    seen: list[str] = []
    runner.task_progress.connect(lambda handle, _done, _total, message: seen.append(message))

    handle = dialog.start()
    assert handle is not None and handle.cancellable
    assert window.questions and "PBXs: 4, stages: 3" in window.questions[0]
    assert not dialog.plan_button.isEnabled() and dialog.stop_button.isVisible()
    assert runner.wait_idle(WAIT_MS)

    assert handle.state is TaskState.SUCCEEDED
    assert {pbx: window.version(pbx) for pbx in targets} == {pbx: t.to_version for pbx, t in targets.items()}
    results = column([item for items in groups(dialog).values() for item in items], RolloutDialog.COLUMN_RESULT)
    assert all(results[pbx] == "Updated" for pbx in targets)
    assert any(message.startswith("partner-lab: updated to v130") for message in seen), "progress per PBX"
    assert dialog.summary_label.text().startswith("The rollout is complete: 4 updated, 0 failed, 0 not started")
    assert dialog.plan_button.isEnabled() and not dialog.start_button.isEnabled(), "a plan runs once"
    assert not dialog.stop_button.isVisible()
    entry = window.main.fleet_model.entry("kunde-alpha")
    assert entry is not None and entry.snapshot is not None
    assert {m.id: m.version for m in entry.snapshot.modules}[MODULE_A] == 130, "updated PBXs were read again"


def test_the_rollout_holds_its_pbxs_until_each_one_ends(qtbot: QtBot, window: Window, runner: TaskRunner) -> None:
    """A refresh of a PBX the rollout will update waits for it; no job of a held PBX runs alongside."""
    dialog = window.open_dialog(qtbot)
    plan_to_130(dialog, runner)
    plan = dialog.plan
    assert plan is not None
    rollout = dialog.start()
    assert rollout is not None and rollout.state is TaskState.RUNNING
    assert set(rollout.holds) == {target.pbx_name for target in plan.targets}
    started_while_held: list[str] = []

    def started(handle: TaskHandle) -> None:
        if handle is not rollout:
            started_while_held.extend(key for key in handle.keys if key in rollout.holds)

    runner.task_started.connect(started)
    refresh = window.main.controller.refresh("kunde-older")  # in the last stage
    assert refresh.state is TaskState.QUEUED, "held by the running rollout"
    assert runner.wait_idle(WAIT_MS)
    assert refresh.state is TaskState.SUCCEEDED and rollout.state is TaskState.SUCCEEDED
    assert started_while_held == []
    assert refresh.started_at is not None and rollout.finished_at is not None


def test_a_failing_pbx_shows_as_failed_and_stops_the_rollout(qtbot: QtBot, window: Window, runner: TaskRunner) -> None:
    dialog = window.open_dialog(qtbot)
    plan_to_130(dialog, runner)
    assert [[t.pbx_name for t in stage] for stage in dialog.plan.stages][1] == ["kunde-alpha", "kunde-bravo"]
    window.sims.get("kunde-alpha").faults.fail(EntryPoint.IMPORT_CONFIG, times=1)

    assert dialog.start() is not None
    assert runner.wait_idle(WAIT_MS)

    rows = [item for items in groups(dialog).values() for item in items]
    results = column(rows, RolloutDialog.COLUMN_RESULT)
    notes = column(rows, RolloutDialog.COLUMN_NOTE)
    assert results["kunde-alpha"] == "Failed" and "v126 was put back" in notes["kunde-alpha"]
    assert results["partner-lab"] == results["kunde-bravo"] == "Updated"
    assert results["kunde-older"] == "Not started", "the stage after a failure never starts"
    assert window.version("kunde-alpha") == 126 and window.version("kunde-older") == 120
    assert window.version("kunde-bravo") == 130
    outcome = dialog.outcome
    assert outcome is not None and len(outcome.failed) == 1 and len(outcome.not_started) == 1
    assert dialog.summary_label.text().startswith("The rollout stopped after failures: 2 updated, 1 failed")


def test_declining_the_question_starts_nothing_and_stop_keeps_later_pbxs_from_starting(
    qtbot: QtBot, window: Window, runner: TaskRunner
) -> None:
    declined = window.open_dialog(qtbot, answer=False)
    plan_to_130(declined, runner)
    assert declined.start() is None and declined.run_handle is None
    declined.close()

    dialog = window.open_dialog(qtbot)
    plan_to_130(dialog, runner)
    assert dialog.start() is not None
    dialog.stop()  # before the first PBX ended: the canary runs to its end, nothing after it starts
    assert runner.wait_idle(WAIT_MS)

    outcome = dialog.outcome
    assert outcome is not None and not outcome.failed
    assert {"kunde-alpha", "kunde-bravo", "kunde-older"} <= {t.pbx_name for t in outcome.not_started}
    assert window.version("kunde-alpha") == 126 and window.version("kunde-older") == 120


def test_a_closed_dialog_lets_the_rollout_finish(qtbot: QtBot, window: Window, runner: TaskRunner) -> None:
    dialog = window.open_dialog(qtbot)
    plan_to_130(dialog, runner)
    assert dialog.start() is not None
    dialog.close()
    assert runner.wait_idle(WAIT_MS)
    assert window.version("kunde-bravo") == 130 and window.main.fleet_flows.rollout_dialog is None
    assert window.main.notices.last_error is None


# --- the fleet's backups ---------------------------------------------------------------------------


def test_backing_up_all_pbxs_backs_up_every_module_of_every_reachable_pbx(
    qtbot: QtBot, window: Window, runner: TaskRunner
) -> None:
    keys: set[str] = set()
    runner.task_submitted.connect(lambda handle: keys.add(handle.key))
    assert window.main.window_actions.backup_fleet.isEnabled()
    window.main.window_actions.backup_fleet.trigger()
    assert keys == set(window.main.fleet_model.names()), "one task per PBX, on its own queue"
    assert runner.wait_idle(WAIT_MS)

    for sim in window.sims.pbxs:
        backups, _damaged = window.services.backups.list_backups(pbx_name=sim.state.name)
        expected = set(sim.state.user_modules()) if sim.state.reachable else set()  # not the agent itself
        assert {info.module_id for info in backups} == expected, sim.state.name
    summary = [box for box in window.main.findChildren(QMessageBox) if box.isVisible()][-1]
    unreachable = [sim.state.name for sim in window.sims.pbxs if not sim.state.reachable]
    total = len(window.sims.pbxs)
    assert summary.text() == f"PBXs backed up: {total - len(unreachable)} of {total}. These could not be backed up:"
    assert all(name in summary.informativeText() for name in unreachable)


def test_a_backup_is_offered_for_restore_only_on_pbxs_that_run_its_module(
    qtbot: QtBot, window: Window, runner: TaskRunner
) -> None:
    backup_module(window.services, "kunde-alpha", MODULE_A)
    dialog = window.main.backup_flows.open_backups(None, None, "")
    info = dialog.selected()
    assert info is not None and info.pbx_name == "kunde-alpha"
    combo = dialog.target_combo
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    offered = {combo.itemText(row): model.item(row) for row in range(combo.count())}
    assert set(offered) == set(window.main.fleet_model.names()), "every PBX is listed"
    assert {name for name, item in offered.items() if item.isEnabled()} == window.running_module_a()
    assert "not installed" in offered["kunde-phonebook"].toolTip()
    assert "has not read this PBX" in offered["kunde-dark"].toolTip()
    assert combo.currentText() == "kunde-alpha" and dialog.restore_button.isEnabled()

    combo.setCurrentText("kunde-phonebook")  # the user cannot pick it; code that does gets no restore
    assert not dialog.restore_button.isEnabled()
    asked: list[str] = []
    dialog._confirm = lambda _parent, _title, question: bool(asked.append(question)) or True
    dialog.restore_selected()
    assert asked == [] and runner.is_idle()

    combo.setCurrentText("kunde-bravo")
    assert dialog.restore_button.isEnabled()
    dialog.restore_selected()
    assert runner.wait_idle(WAIT_MS) and asked and window.main.notices.last_error is None
    dialog.close()


def test_a_customer_or_a_tag_ticks_exactly_its_pbxs(qtbot: QtBot, window: Window) -> None:
    retag_pbxs(window.services.inventory, ["kunde-alpha", "kunde-old"], add=["wartung"])
    window.main.controller.reload_records()
    dialog = window.open_dialog(qtbot)

    index = dialog.group_combo.findText("Tag wartung (2)")
    assert index > 0, [dialog.group_combo.itemText(row) for row in range(dialog.group_combo.count())]
    dialog.group_combo.setCurrentIndex(index)
    dialog.group_combo.activated.emit(index)

    assert sorted(dialog.chosen_pbxs()) == ["kunde-alpha", "kunde-old"]
    assert dialog.pbx_count_label.text().startswith("2 of ")
