"""Roll one module out to many PBXs in stages: choose, plan, look, start, watch.

The user picks the release (by default the newest free one each PBX can run), the PBXs
(by default every PBX that runs the module; a customer's or a tag's with one choice), how
many canaries go first, the batch size and after how many failed PBXs the rollout stops.
*Plan* reads the PBXs and shows the stages - stage 1 holds the canaries - and every PBX left
out with the reason; it changes nothing.
*Start* asks once more and runs exactly the plan shown: each PBX is its own update
transaction (backed up first, rolled back on failure), results appear per PBX as they come
in. *Stop* keeps further PBXs from starting; updates already running finish.

The dialog may be closed while the rollout runs: the rollout goes on in the task runner (the
operations panel shows it) and the dialog simply stops listening.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.catalog import CatalogModule, Channel
from modmanager.core.errors import ModManagerError
from modmanager.core.planner import is_paid_release
from modmanager.gui.controller import Controller
from modmanager.gui.errors import describe, describe_text
from modmanager.gui.fleet_work import RolloutOptions
from modmanager.gui.models.modules import release_label
from modmanager.gui.resources import icon
from modmanager.gui.tasks import TaskHandle, TaskState
from modmanager.gui.widgets.confirm import Confirm, ask_yes_no
from modmanager.gui.widgets.pbx_groups import pbx_groups
from modmanager.ops.rollout import RolloutEvent, RolloutOutcome, RolloutPlan, RolloutTarget

"""``confirm(parent, title, question)``: True to go ahead (tests answer it)."""

_ERROR_STYLE = "color: #c92a2a;"
_MAX_CANARIES = 20
_MAX_BATCH = 100
_PBX_ROLE = Qt.ItemDataRole.UserRole + 1


class RolloutDialog(QDialog):
    """Plan and run the staged rollout of one module.

    Args:
        parent: the main window.
        controller: plans and runs the rollout through the task runner.
        module_id: the module to roll out.
        module_name: its name in the interface language.
        catalog: the module's merged catalog entry (lists the releases to choose from).
        confirm: asks before the rollout starts.

    Attributes:
        plan: the plan shown (None before *Plan*, and after a choice changed).
        outcome: the result of the last run.
    """

    COLUMN_PBX, COLUMN_RELEASE, COLUMN_RESULT, COLUMN_NOTE = range(4)

    def __init__(
        self,
        parent: QWidget | None,
        controller: Controller,
        module_id: str,
        module_name: str,
        catalog: CatalogModule | None,
        *,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roll out {module}").format(module=module_name))
        self._controller = controller
        self._module_id = module_id
        self._module_name = module_name
        self._catalog = catalog
        self._confirm = confirm
        self._detached = False
        self._planned_canaries = 0
        self._items: dict[str, QTreeWidgetItem] = {}
        self._stage_ended: dict[int, int] = {}
        self._waiting: set[str] = set()
        self.plan: RolloutPlan | None = None
        self.outcome: RolloutOutcome | None = None
        self.run_handle: TaskHandle | None = None
        self.finished.connect(self._detach)

        intro = QLabel(
            self.tr(
                "Update {module} on several PBXs, a few at a time: the canaries first, then the others "
                "in batches. Each PBX is backed up first and put back if its update fails."
            ).format(module=module_name)
        )
        intro.setWordWrap(True)

        self.release_combo = QComboBox()
        self.include_paid_check = QCheckBox(self.tr("Include paid releases"))
        self.include_paid_check.setToolTip(
            self.tr("A PBX that gets a paid release needs a new module license key for it.")
        )
        self.canary_spin = QSpinBox()
        self.canary_spin.setRange(0, _MAX_CANARIES)
        self.canary_spin.setValue(1)
        self.canary_spin.setToolTip(
            self.tr("PBXs updated first, on their own; partner PBXs and PBXs without active instances come first.")
        )
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, _MAX_BATCH)
        self.batch_spin.setValue(5)
        self.batch_spin.setToolTip(self.tr("PBXs updated at the same time after the canaries."))
        self.failures_spin = QSpinBox()
        self.failures_spin.setRange(1, _MAX_BATCH)
        self.failures_spin.setValue(1)
        self.failures_spin.setToolTip(self.tr("No further stage starts once this many PBXs failed."))
        self._fill_releases()
        for spin in (self.canary_spin, self.batch_spin, self.failures_spin):
            spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0000") * 3)
        options = QFormLayout()
        options.addRow(self.tr("Release:"), self.release_combo)
        options.addRow("", self.include_paid_check)
        options.addRow(self.tr("Canary PBXs:"), self.canary_spin)
        options.addRow(self.tr("PBXs per batch:"), self.batch_spin)
        options.addRow(self.tr("Stop after failed PBXs:"), self.failures_spin)
        options_box = QGroupBox(self.tr("Release and stages"))
        options_box.setLayout(options)

        self.pbx_list = QListWidget()
        self.pbx_list.setUniformItemSizes(True)
        self.pbx_list.setMaximumHeight(self.pbx_list.fontMetrics().height() * 9)  # the plan below gets the room
        self._fill_pbxs()
        self.pbx_count_label = QLabel()
        all_button = QPushButton(self.tr("All"))
        all_button.clicked.connect(lambda: self._check_all(True))
        none_button = QPushButton(self.tr("None"))
        none_button.clicked.connect(lambda: self._check_all(False))
        self.group_combo = QComboBox()
        self.group_combo.setToolTip(self.tr("Tick exactly the PBXs of one customer or tag"))
        self.group_combo.addItem(self.tr("Customer or tag…"), None)
        for group in pbx_groups(entry.record for entry in controller.fleet.entries()):
            self.group_combo.addItem(group.label, list(group.names))
        self.group_combo.activated.connect(self._group_chosen)
        pbx_buttons = QHBoxLayout()
        pbx_buttons.addWidget(self.pbx_count_label, 1)
        pbx_buttons.addWidget(self.group_combo)
        pbx_buttons.addWidget(all_button)
        pbx_buttons.addWidget(none_button)
        pbx_column = QVBoxLayout()
        pbx_column.addWidget(self.pbx_list, 1)
        pbx_column.addLayout(pbx_buttons)
        pbx_box = QGroupBox(self.tr("PBXs"))
        pbx_box.setLayout(pbx_column)

        top = QHBoxLayout()
        top.addWidget(options_box, 1)
        top.addWidget(pbx_box, 1)

        self.plan_view = QTreeWidget()
        self.plan_view.setColumnCount(4)
        self.plan_view.setHeaderLabels([self.tr("PBX"), self.tr("Release"), self.tr("Result"), self.tr("Note")])
        self.plan_view.setRootIsDecorated(False)
        self.plan_view.setUniformRowHeights(True)
        self.plan_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.plan_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plan_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.plan_view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.hide()

        self.buttons = QDialogButtonBox()
        self.plan_button: QPushButton = self.buttons.addButton(self.tr("Plan"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button: QPushButton = self.buttons.addButton(
            self.tr("Start rollout…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.start_button.setIcon(icon("update"))
        self.stop_button: QPushButton = self.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.stop_button.setToolTip(self.tr("No further PBX starts; updates already running finish."))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setToolTip(self.tr("A running rollout goes on; the operations panel shows it."))
        self.plan_button.clicked.connect(self.make_plan)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for signal in (
            self.release_combo.currentIndexChanged,
            self.canary_spin.valueChanged,
            self.batch_spin.valueChanged,
        ):
            signal.connect(self._invalidate)
        self.include_paid_check.toggled.connect(self._paid_toggled)
        self.pbx_list.itemChanged.connect(self._pbxs_changed)
        self._pbxs_changed()
        self._set_running(False)
        self.summary_label.setText(self.tr("Choose the release and the PBXs, then plan the rollout."))
        self.resize(860, 640)

    # -- choices ---------------------------------------------------------------------------

    def _fill_releases(self) -> None:
        self.release_combo.clear()
        self.release_combo.addItem(self._newest_text(), None)
        if self._catalog is None:
            return
        markers = self._controller.paid_markers
        for release in sorted(self._catalog.releases, key=lambda item: item.version, reverse=True):
            label = release_label(release)
            if release.version and label != f"v{release.version}":
                label = f"{label} (v{release.version})"
            extras = []
            if is_paid_release(release, markers):
                extras.append(self.tr("paid"))
            if release.channel is Channel.PRERELEASE:
                extras.append(self.tr("pre-release"))
            if extras:
                label = f"{label} – {', '.join(extras)}"
            self.release_combo.addItem(label, release.version)

    def _newest_text(self) -> str:
        if self.include_paid_check.isChecked():
            return self.tr("Newest release per PBX")
        return self.tr("Newest free release per PBX")

    def _paid_toggled(self, _checked: bool) -> None:
        self.release_combo.setItemText(0, self._newest_text())
        self._invalidate()

    def _fill_pbxs(self) -> None:
        """Every PBX of the list; those whose last reading shows the module are ticked."""
        module = self._module_id.lower()
        self.pbx_list.blockSignals(True)
        for entry in sorted(self._controller.fleet.entries(), key=lambda item: item.name.casefold()):
            installed = None
            if entry.snapshot is not None:
                installed = next((m for m in entry.snapshot.modules if m.id.lower() == module), None)
            item = QListWidgetItem(entry.name)
            item.setData(_PBX_ROLE, entry.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if installed is not None else Qt.CheckState.Unchecked)
            if installed is not None:
                item.setText(self.tr("{pbx} (v{version})").format(pbx=entry.name, version=installed.version))
            elif entry.snapshot is not None:
                item.setToolTip(self.tr("The module is not installed on this PBX."))
            else:
                item.setToolTip(self.tr("modmanager has not been able to read this PBX yet."))
            self.pbx_list.addItem(item)
        self.pbx_list.blockSignals(False)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.pbx_list.blockSignals(True)
        for row in range(self.pbx_list.count()):
            self.pbx_list.item(row).setCheckState(state)
        self.pbx_list.blockSignals(False)
        self._pbxs_changed()

    def _group_chosen(self, index: int) -> None:
        names = self.group_combo.itemData(index)
        if isinstance(names, list):
            self.set_chosen_pbxs([str(name) for name in names])

    def chosen_pbxs(self) -> list[str]:
        """The ticked PBXs, in list order."""
        return [
            str(item.data(_PBX_ROLE))
            for item in (self.pbx_list.item(row) for row in range(self.pbx_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_chosen_pbxs(self, names: list[str]) -> None:
        """Tick exactly these PBXs."""
        self.pbx_list.blockSignals(True)
        for row in range(self.pbx_list.count()):
            item = self.pbx_list.item(row)
            checked = item.data(_PBX_ROLE) in names
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.pbx_list.blockSignals(False)
        self._pbxs_changed()

    def options(self) -> RolloutOptions:
        """What the user chose."""
        version = self.release_combo.currentData()
        return RolloutOptions(
            pbx_names=tuple(self.chosen_pbxs()),
            to_version=int(version) if version is not None else None,
            canary=self.canary_spin.value(),
            batch_size=self.batch_spin.value(),
            include_paid=self.include_paid_check.isChecked(),
        )

    def _pbxs_changed(self, *_args: object) -> None:
        self.pbx_count_label.setText(
            self.tr("{chosen} of {total} chosen").format(chosen=len(self.chosen_pbxs()), total=self.pbx_list.count())
        )
        self._invalidate()

    def _invalidate(self, *_args: object) -> None:
        """A choice changed: the plan shown is no longer the one that would run."""
        if self.plan is None or self.run_handle is not None:
            self._update_buttons()
            return
        self.plan = None
        self.summary_label.setText(self.tr("The choices changed; plan the rollout again."))
        self._update_buttons()

    # -- planning --------------------------------------------------------------------------

    def make_plan(self) -> TaskHandle | None:
        """Read the chosen PBXs and show the stages (changes nothing on any PBX)."""
        options = self.options()
        if not options.pbx_names or self.run_handle is not None:
            return None
        self.plan = None
        self.outcome = None
        self._show_error(None)
        self.plan_view.clear()
        self._items.clear()
        self.summary_label.setText(self.tr("Reading {count} PBXs…").format(count=len(options.pbx_names)))
        self.plan_button.setEnabled(False)
        self.start_button.setEnabled(False)
        canaries = options.canary

        def planned(plan: RolloutPlan) -> None:
            if self._detached:
                return
            self._planned_canaries = canaries
            self.show_plan(plan)

        def failed(error: ModManagerError) -> None:
            if self._detached:
                return
            self.summary_label.clear()
            self._show_error(error)
            self._update_buttons()

        return self._controller.fleetwide.plan_rollout(self._module_id, self._module_name, options, planned, failed)

    def show_plan(self, plan: RolloutPlan) -> None:
        """Fill the tree: one group per stage (stage 1 marked as canary), then the PBXs left out."""
        self.plan = plan
        self.plan_view.clear()
        self._items.clear()
        self._stage_ended = {}
        for number, stage in enumerate(plan.stages, start=1):
            if number == 1 and self._planned_canaries:
                title = self.tr("Stage 1 – canary")
            else:
                title = self.tr("Stage {number}").format(number=number)
            group = self._group(title)
            for target in stage:
                self._items[target.pbx_name] = self._target_item(group, target)
        if plan.skipped:
            group = self._group(self.tr("Left out"))
            for target in plan.skipped:
                item = QTreeWidgetItem(group)
                item.setText(self.COLUMN_PBX, target.pbx_name)
                item.setText(self.COLUMN_RELEASE, f"v{target.from_version}" if target.from_version is not None else "")
                reason = describe(target.reason_skipped)[0] if target.reason_skipped is not None else ""
                item.setText(self.COLUMN_NOTE, reason)
                item.setToolTip(self.COLUMN_NOTE, reason)
        self.plan_view.expandAll()
        for column in (self.COLUMN_PBX, self.COLUMN_RELEASE, self.COLUMN_RESULT):
            self.plan_view.resizeColumnToContents(column)
        targets = plan.targets
        if targets:
            self.summary_label.setText(
                self.tr("PBXs to update: {count} · stages: {stages} · left out: {skipped}").format(
                    count=len(targets), stages=len(plan.stages), skipped=len(plan.skipped)
                )
            )
        else:
            self.summary_label.setText(self.tr("No chosen PBX gets an update of this module; the list says why."))
        self._update_buttons()

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.plan_view)
        group.setText(self.COLUMN_PBX, title)
        font = group.font(self.COLUMN_PBX)
        font.setBold(True)
        group.setFont(self.COLUMN_PBX, font)
        group.setFirstColumnSpanned(True)
        return group

    def _target_item(self, group: QTreeWidgetItem, target: RolloutTarget) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group)
        item.setText(self.COLUMN_PBX, target.pbx_name)
        change = self.tr("v{old} → v{new}").format(old=target.from_version, new=target.to_version)
        if target.paid:
            change = self.tr("{change} (paid)").format(change=change)
            item.setIcon(self.COLUMN_RELEASE, icon("paid"))
        item.setText(self.COLUMN_RELEASE, change)
        item.setText(self.COLUMN_RESULT, self.tr("Planned"))
        note = describe(target.note)[0] if target.note is not None else ""
        item.setText(self.COLUMN_NOTE, note)
        item.setToolTip(self.COLUMN_NOTE, note)
        return item

    # -- running ---------------------------------------------------------------------------

    def start(self) -> TaskHandle | None:
        """Ask, then run the plan shown; results arrive per PBX."""
        plan = self.plan
        if plan is None or not plan.targets or self.run_handle is not None:
            return None
        targets = plan.targets
        question = self.tr(
            "Start the rollout of {module}? PBXs: {count}, stages: {stages}. "
            "No further stage starts once this many PBXs failed: {failures}."
        ).format(
            module=self._module_name, count=len(targets), stages=len(plan.stages), failures=self.failures_spin.value()
        )
        paid = [target for target in targets if target.paid]
        if paid:
            question += "\n\n" + self.tr(
                "PBXs that get a paid release and each need a new module license key: {pbxs}."
            ).format(pbxs=", ".join(target.pbx_name for target in paid))
        if not self._confirm(self, self.tr("Start rollout"), question):
            return None
        self._show_error(None)
        self.outcome = None
        self._stage_ended = {}
        self._waiting = set()
        for number, stage in enumerate(plan.stages):
            for target in stage:
                if number == 0:
                    self._set_result(target.pbx_name, self.tr("Updating…"), icon("update"))
                else:
                    self._set_result(target.pbx_name, self.tr("Waiting"))
                    self._waiting.add(target.pbx_name)
        self.summary_label.setText(self.tr("The rollout is running…"))
        self.run_handle = self._controller.fleetwide.run_rollout(
            plan,
            module_name=self._module_name,
            max_failures=self.failures_spin.value(),
            on_event=self._event,
            on_done=self._finished,
            on_failure=self._failed,
        )
        self._set_running(True)
        return self.run_handle

    def stop(self) -> None:
        """Keep further PBXs from starting; the ones being updated finish their transaction."""
        if self.run_handle is None:
            return
        handle = self.run_handle
        self._controller.runner.cancel(handle)
        if handle.state is TaskState.CANCELLED:  # it had not begun: no PBX was touched
            self.run_handle = None
            for target in self.plan.targets if self.plan is not None else ():
                self._set_result(target.pbx_name, self.tr("Not started"))
            self.summary_label.setText(self.tr("The rollout was stopped before it began."))
            self._set_running(False)
            return
        self.stop_button.setEnabled(False)
        self.summary_label.setText(self.tr("Stopping: the PBXs being updated now finish their update."))

    def _event(self, pbx: str, stage: int, outcome: RolloutEvent) -> None:
        if self._detached:
            return
        item = self._items.get(pbx)
        if item is None:
            return
        self._waiting.discard(pbx)
        if isinstance(outcome, ModManagerError):
            message, hint = describe(outcome)
            self._set_result(pbx, self.tr("Failed"), icon("incompatible"))
            item.setText(self.COLUMN_NOTE, message)
            item.setToolTip(self.COLUMN_NOTE, f"{message}\n{hint}" if hint else message)
        elif isinstance(outcome, str):
            self._set_result(pbx, self.tr("Not started"))
        else:
            self._set_result(pbx, self.tr("Updated"), icon("ok"))
        self._stage_ended[stage] = self._stage_ended.get(stage, 0) + 1
        plan = self.plan
        if plan is not None and stage + 1 < len(plan.stages) and self._stage_ended[stage] == len(plan.stages[stage]):
            # The next stage starts now, unless the rollout stops; then its PBXs report "not started".
            for target in plan.stages[stage + 1]:
                if target.pbx_name in self._waiting:
                    self._set_result(target.pbx_name, self.tr("Updating…"), icon("update"))

    def _set_result(self, pbx: str, text: str, symbol: QIcon | None = None) -> None:
        item = self._items.get(pbx)
        if item is not None:
            item.setText(self.COLUMN_RESULT, text)
            item.setIcon(self.COLUMN_RESULT, symbol or QIcon())
            self.plan_view.resizeColumnToContents(self.COLUMN_RESULT)

    def _finished(self, outcome: RolloutOutcome) -> None:
        if self._detached:
            return
        self.outcome = outcome
        self.run_handle = None
        self.plan = None  # run once; planning again reads the PBXs as they are now
        for target in outcome.not_started:
            self._set_result(target.pbx_name, self.tr("Not started"))
        summary = self.tr("{succeeded} updated, {failed} failed, {not_started} not started.").format(
            succeeded=len(outcome.succeeded), failed=len(outcome.failed), not_started=len(outcome.not_started)
        )
        if outcome.complete:
            self.summary_label.setText(self.tr("The rollout is complete: {summary}").format(summary=summary))
        elif outcome.failed and outcome.not_started:
            self.summary_label.setText(self.tr("The rollout stopped after failures: {summary}").format(summary=summary))
        else:
            self.summary_label.setText(self.tr("The rollout ended: {summary}").format(summary=summary))
        self._set_running(False)

    def _failed(self, error: ModManagerError) -> None:
        if self._detached:
            return
        self.run_handle = None
        self.plan = None
        self.summary_label.setText(self.tr("The rollout did not run to its end."))
        self._show_error(error)
        self._set_running(False)

    # -- state -----------------------------------------------------------------------------

    def _show_error(self, error: ModManagerError | None) -> None:
        self.error_label.setText(describe_text(error) if error is not None else "")
        self.error_label.setVisible(error is not None)

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.release_combo,
            self.include_paid_check,
            self.canary_spin,
            self.batch_spin,
            self.failures_spin,
            self.pbx_list,
        ):
            widget.setEnabled(not running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.run_handle is not None
        self.plan_button.setEnabled(not running and bool(self.chosen_pbxs()))
        self.start_button.setEnabled(not running and self.plan is not None and bool(self.plan.targets))

    def _detach(self, _result: int) -> None:
        """The dialog closed: a running rollout goes on without it."""
        self._detached = True
