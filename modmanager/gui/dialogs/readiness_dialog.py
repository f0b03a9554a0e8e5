"""Can these PBXs move to STARFACE X? Every installed module needs a release compatible with X.

The user names the STARFACE release (typed, or one the catalogs mention) and the PBXs: the
selected one, all, one customer's or those with one tag. Each PBX is read and checked on its own task-runner
queue, so many are checked at once and a slow PBX holds up no other. The table answers per
PBX - ready or not - and lists the modules that need attention: an update first (to which
release, and whether it costs a new license key), untested, no compatible release, or unknown
to every catalog. A summary line counts the PBXs that can move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import InvalidVersion, ModManagerError
from modmanager.core.planner import ModuleReadiness, Readiness, ReadinessState, short_version, starface_suggestions
from modmanager.core.text import clean_text
from modmanager.core.versions import StarfaceVersion
from modmanager.gui.controller import Controller
from modmanager.gui.errors import describe_text
from modmanager.gui.models.modules import release_label
from modmanager.gui.resources import icon
from modmanager.gui.widgets.pbx_groups import pbx_groups

_ERROR_STYLE = "color: #c92a2a;"
_MAX_SUGGESTIONS = 12


class ReadinessDialog(QDialog):
    """Check PBXs for a STARFACE upgrade and show what blocks it.

    Args:
        parent: the main window.
        controller: runs one readiness check per PBX.
        pbx: the PBX selected in the main window (offered first), if any.

    Attributes:
        results: per PBX the answer (or the error) of the last check.
    """

    COLUMN_NAME, COLUMN_RESULT, COLUMN_DETAILS = range(3)

    def __init__(self, parent: QWidget | None, controller: Controller, *, pbx: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check STARFACE upgrade"))
        self._controller = controller
        self._detached = False
        self._target: StarfaceVersion | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._pending: set[str] = set()
        self.results: dict[str, Readiness | ModManagerError] = {}
        self.finished.connect(self._detach)

        intro = QLabel(
            self.tr(
                "Before a PBX moves to a new STARFACE release, every installed module needs a release "
                "that is stated compatible with it. modmanager reads each PBX and checks its modules."
            )
        )
        intro.setWordWrap(True)

        self.version_combo = QComboBox()
        self.version_combo.setEditable(True)
        self.version_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.version_combo.lineEdit()
        if editor is not None:  # always, for an editable combo box
            editor.setPlaceholderText(self.tr("e.g. 10.0 or 9.1.0.2"))
        for version in starface_suggestions(controller.services.catalogs.modules(), _MAX_SUGGESTIONS):
            self.version_combo.addItem(short_version(version))
        self.version_combo.setMinimumContentsLength(12)
        self.version_error = QLabel()
        self.version_error.setWordWrap(True)
        self.version_error.setStyleSheet(_ERROR_STYLE)
        self.version_error.hide()

        self.scope_combo = QComboBox()
        self._fill_scopes(pbx)

        form = QFormLayout()
        form.addRow(self.tr("Target STARFACE:"), self.version_combo)
        form.addRow("", self.version_error)
        form.addRow(self.tr("PBXs:"), self.scope_combo)

        self.view = QTreeWidget()
        self.view.setColumnCount(3)
        self.view.setHeaderLabels([self.tr("PBX / module"), self.tr("Result"), self.tr("Details")])
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.header().setStretchLastSection(True)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.buttons = QDialogButtonBox()
        self.check_button: QPushButton = self.buttons.addButton(
            self.tr("Check"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.check_button.clicked.connect(self.check)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.buttons)

        self.version_combo.editTextChanged.connect(self._version_changed)
        self._version_changed(self.version_combo.currentText())
        self.summary_label.setText(self.tr("Choose the STARFACE release and the PBXs, then check."))
        self.resize(900, 640)

    # -- choices ---------------------------------------------------------------------------

    def _fill_scopes(self, pbx: str | None) -> None:
        entries = self._controller.fleet.entries()
        names = sorted((entry.name for entry in entries), key=str.casefold)
        if pbx is not None and pbx in names:
            self.scope_combo.addItem(self.tr("Selected PBX: {pbx}").format(pbx=pbx), [pbx])
        self.scope_combo.addItem(self.tr("All PBXs ({count})").format(count=len(names)), names)
        for group in pbx_groups(entry.record for entry in entries):
            self.scope_combo.addItem(group.label, list(group.names))

    def set_target(self, text: str) -> None:
        """Type a STARFACE version into the field."""
        self.version_combo.setEditText(text)

    def target(self) -> StarfaceVersion | None:
        """The STARFACE release typed or chosen; None if the text is not a version."""
        try:
            return StarfaceVersion.parse(self.version_combo.currentText())
        except InvalidVersion:
            return None

    def chosen_pbxs(self) -> list[str]:
        """The PBXs of the chosen scope (selected PBX, all, one customer's or one tag's)."""
        names = self.scope_combo.currentData()
        return [str(name) for name in names] if isinstance(names, list) else []

    def _version_changed(self, text: str) -> None:
        target = self.target()
        if not text.strip():
            self.version_error.hide()
        elif target is None:
            self.version_error.setText(self.tr("Write a STARFACE release like 10.0 or 9.1.0.2."))
            self.version_error.show()
        elif not target.is_release:
            self.version_error.setText(
                self.tr("{version} is a pre-release: modules state compatibility only for releases.").format(
                    version=str(target)
                )
            )
            self.version_error.show()
        else:
            self.version_error.hide()
        self.check_button.setEnabled(target is not None and not self._pending)

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        """Check every chosen PBX at once (each on its own queue); answers fill in as they come."""
        target = self.target()
        names = self.chosen_pbxs()
        if target is None or not names or self._pending:
            return
        self._target = target
        self.results = {}
        self._items = {}
        self.view.clear()
        for name in names:
            item = QTreeWidgetItem(self.view)
            item.setText(self.COLUMN_NAME, name)
            item.setText(self.COLUMN_RESULT, self.tr("Checking…"))
            self._items[name] = item
        self._pending = set(names)
        self.check_button.setEnabled(False)
        self._summarize()
        for name in names:
            self._controller.fleetwide.check_readiness(name, target, self._answered)

    def _answered(self, pbx: str, answer: Readiness | ModManagerError) -> None:
        if self._detached:
            return
        self._pending.discard(pbx)
        self.results[pbx] = answer
        item = self._items.get(pbx)
        if item is not None:
            if isinstance(answer, ModManagerError):
                self._show_error(item, answer)
            else:
                self._show_answer(item, pbx, answer)
        for column in (self.COLUMN_NAME, self.COLUMN_RESULT):
            self.view.resizeColumnToContents(column)
        self._summarize()
        if not self._pending:
            self.check_button.setEnabled(self.target() is not None)

    def _show_error(self, item: QTreeWidgetItem, error: ModManagerError) -> None:
        item.setIcon(self.COLUMN_RESULT, icon("unreachable"))
        item.setText(self.COLUMN_RESULT, self.tr("Not checked"))
        text = describe_text(error)
        item.setText(self.COLUMN_DETAILS, text)
        item.setToolTip(self.COLUMN_DETAILS, text)

    def _show_answer(self, item: QTreeWidgetItem, pbx: str, answer: Readiness) -> None:
        attention = [module for module in answer.modules if module.state is not ReadinessState.COMPATIBLE_NOW]
        if answer.ready:
            item.setIcon(self.COLUMN_RESULT, icon("ok"))
            item.setText(self.COLUMN_RESULT, self.tr("Ready"))
        else:
            item.setIcon(self.COLUMN_RESULT, icon("incompatible"))
            item.setText(self.COLUMN_RESULT, self.tr("Not ready"))
        details = [self._pbx_details(pbx, answer)]
        updates = [module for module in attention if module.state is ReadinessState.UPDATE_REQUIRED]
        if answer.blocking:
            details.append(self.tr("blocked by {modules}").format(modules=self._names(answer.blocking)))
        if updates:
            details.append(self.tr("updates needed first: {count}").format(count=len(updates)))
        if not attention:
            details.append(self.tr("every installed module is compatible"))
        item.setText(self.COLUMN_DETAILS, " · ".join(part for part in details if part))
        for module in sorted(attention, key=lambda m: (m.ready, self._module_name(m).casefold())):
            child = QTreeWidgetItem(item)
            child.setText(self.COLUMN_NAME, f"{self._module_name(module)} (v{module.installed_version})")
            state, detail = self._module_texts(module)
            child.setText(self.COLUMN_RESULT, state)
            child.setText(self.COLUMN_DETAILS, detail)
            child.setToolTip(self.COLUMN_DETAILS, detail)
            if module.is_paid:
                child.setIcon(self.COLUMN_RESULT, icon("paid"))
            elif module.state is ReadinessState.UPDATE_REQUIRED:
                child.setIcon(self.COLUMN_RESULT, icon("update"))
            elif module.state is ReadinessState.UNTESTED:
                child.setIcon(self.COLUMN_RESULT, icon("untested"))
            else:
                child.setIcon(self.COLUMN_RESULT, icon("incompatible"))
        item.setExpanded(bool(attention))

    def _pbx_details(self, pbx: str, answer: Readiness) -> str:
        entry = self._controller.fleet.entry(pbx)
        snapshot = entry.snapshot if entry is not None else None
        if snapshot is None:
            return ""
        current = snapshot.plan.facts.starface
        if answer.target_starface <= current:
            return self.tr("already runs STARFACE {version}").format(version=str(current))
        return self.tr("runs STARFACE {version}").format(version=str(current))

    def _names(self, modules: Sequence[ModuleReadiness]) -> str:
        return ", ".join(sorted((self._module_name(module) for module in modules), key=str.casefold))

    def _module_name(self, module: ModuleReadiness) -> str:
        catalog = self._controller.catalog_module(module.module_id)
        return clean_text(catalog.display_name(self.locale().name()) if catalog is not None else module.name)

    def _module_texts(self, module: ModuleReadiness) -> tuple[str, str]:
        """(state, what it means) for a module that needs attention."""
        target = short_version(self._target) if self._target is not None else ""
        if module.state is ReadinessState.UPDATE_REQUIRED and module.release is not None:
            detail = self.tr("Update to {release} first.").format(release=release_label(module.release))
            if module.is_paid:
                detail += " " + self.tr("Paid: needs a new module license key.")
            return self.tr("Update required"), detail
        if module.state is ReadinessState.UNTESTED:
            releases = ", ".join(release_label(release) for release in module.untested)
            return self.tr("Untested"), self.tr(
                "No release is stated compatible with STARFACE {version}; untested: {releases}."
            ).format(version=target, releases=releases)
        if module.state is ReadinessState.NOT_IN_CATALOG:
            return self.tr("Not in a catalog"), self.tr(
                "No catalog lists this module, so nothing says it works on STARFACE {version}."
            ).format(version=target)
        return self.tr("No release"), self.tr("No release is compatible with STARFACE {version}.").format(
            version=target
        )

    def _summarize(self) -> None:
        if self._target is None:
            return
        total = len(self._items)
        ready = sum(1 for answer in self.results.values() if isinstance(answer, Readiness) and answer.ready)
        failed = sum(1 for answer in self.results.values() if isinstance(answer, ModManagerError))
        version = short_version(self._target)
        if self._pending:
            self.summary_label.setText(
                self.tr("Checking {pending} of {total} PBXs for STARFACE {version}…").format(
                    pending=len(self._pending), total=total, version=version
                )
            )
            return
        text = self.tr("{ready} of {total} PBXs can be updated to STARFACE {version}.").format(
            ready=ready, total=total, version=version
        )
        if failed:
            text += " " + self.tr("{count} could not be checked.").format(count=failed)
        self.summary_label.setText(text)

    def _detach(self, _result: int) -> None:
        """Closed: answers still arriving are dropped."""
        self._detached = True
