"""The fleet view: every PBX and module on one screen, as a matrix that answers fleet questions.

Rows are customers and their PBXs, columns the modules running anywhere in the fleet; a cell
shows the installed version, coloured and marked by what it needs (up to date, free update,
paid update only, incompatible, untested). Filters narrow it to customers, a tag, a module
(with "below / exactly / at least version Y" or "not installed") and a state, so "which PBXs
still run Queue Announcements below v122?" is two choices away; the counts and the bar above
the matrix follow the filters.

Opening a cell (double click, Enter) shows that PBX and module on the PBX page. The fleet
actions work on the PBXs shown (or the row chosen): refresh, STARFACE upgrade check, backup,
rollout of the chosen module, and the matrix as CSV. Everything is drawn from the snapshots the
application holds; no PBX is asked to draw it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QIntValidator, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.core.matrix import CellState, MatrixRow, VersionFilter, VersionTest, matrix_csv
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.readiness_dialog import ReadinessDialog
from modmanager.gui.dialogs.rollout_dialog import RolloutDialog
from modmanager.gui.errors import describe_text
from modmanager.gui.models.matrix import (
    FleetMatrixModel,
    FleetMatrixProxy,
    ModuleColumn,
    state_icon,
    state_text,
)
from modmanager.gui.widgets.matrix_parts import CELL_WIDTH, FleetChart, MatrixDelegate, RotatedHeader
from modmanager.store.atomic import write_atomic

_E = TypeVar("_E", VersionTest, CellState)
_COUNT_DELAY_MS = 150
"""Counts and chart follow the matrix at most this often while PBXs are being read."""
_CELL_MIN = 48
_NAME_MAX = 300
_BUTTON_TEXT_MAX = 220
_ALL = "\x00all"

SavePath = Callable[[QWidget, str], "Path | None"]


def _ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FleetMatrixView", "Export the fleet matrix"),
        suggested,
        QCoreApplication.translate("FleetMatrixView", "CSV files (*.csv)"),
    )
    return Path(name) if name else None


def version_test_text(test: VersionTest) -> str:
    texts = {
        VersionTest.ANY: QCoreApplication.translate("FleetMatrixView", "installed"),
        VersionTest.BELOW: QCoreApplication.translate("FleetMatrixView", "below version"),
        VersionTest.EXACTLY: QCoreApplication.translate("FleetMatrixView", "exactly version"),
        VersionTest.AT_LEAST: QCoreApplication.translate("FleetMatrixView", "at least version"),
        VersionTest.NOT_INSTALLED: QCoreApplication.translate("FleetMatrixView", "not installed"),
    }
    return texts[test]


def _enum(kind: type[_E], value: object) -> _E | None:
    """A combo box's item data as the enum it was stored as (Qt hands a string enum back as text)."""
    if not isinstance(value, str):
        return None
    try:
        return kind(value)
    except ValueError:
        return None


class FleetMatrixView(QWidget):
    """The fleet matrix with its filters, counts, chart and fleet actions.

    Args:
        controller: runs the fleet actions; its PBX list is what the matrix shows.

    Signals:
        open_requested(str, str): show this PBX and module (module id; "" for the PBX alone).
    """

    open_requested = Signal(str, str)

    def __init__(
        self, controller: Controller, parent: QWidget | None = None, *, ask_save_path: SavePath = _ask_save_path
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._ask_save_path = ask_save_path
        self.model = FleetMatrixModel(controller.fleet, controller.catalog_module, self)
        self.proxy = FleetMatrixProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("PBX name"))
        self.search_edit.setClearButtonEnabled(True)
        self.customer_combo = QComboBox()
        self.tag_combo = QComboBox()
        self.module_combo = QComboBox()
        for combo, letters in ((self.customer_combo, 14), (self.tag_combo, 11), (self.module_combo, 16)):
            combo.setMinimumContentsLength(letters)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version_combo = QComboBox()
        for test in VersionTest:
            self.version_combo.addItem(version_test_text(test), test)
        self.version_edit = QLineEdit()
        self.version_edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.version_edit.setPlaceholderText(self.tr("e.g. 122"))
        self.version_edit.setMaximumWidth(self.version_edit.fontMetrics().horizontalAdvance("20240611") + 24)
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("Any state"), _ALL)
        for state in CellState:
            self.state_combo.addItem(state_text(state), state)
            mark = state_icon(state)
            if mark is not None:
                self.state_combo.setItemIcon(self.state_combo.count() - 1, mark)
        self.state_combo.setMinimumContentsLength(12)
        self.state_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reset_button = QPushButton(self.tr("Show all"))

        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("Customer:"), self.customer_combo),
            (self.tr("Tag:"), self.tag_combo),
            (self.tr("State:"), self.state_combo),
        ):
            who.addWidget(QLabel(label))
            who.addWidget(widget)
        who.addStretch(1)
        who.addWidget(self.reset_button)
        what = QHBoxLayout()
        what.setContentsMargins(0, 0, 0, 0)
        what.addWidget(QLabel(self.tr("Module:")))
        what.addWidget(self.module_combo)
        what.addWidget(self.version_combo)
        what.addWidget(self.version_edit)
        what.addStretch(1)
        what.addWidget(self.search_edit)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().horizontalAdvance("PBX name") + 60)

        self.chart = FleetChart()
        self.summary_label = QLabel()
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.view = QTreeView()
        self.view.setHeader(RotatedHeader(self.view))
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(MatrixDelegate(self.view))
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(12)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FleetMatrixModel.COLUMN_PBX, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setDefaultSectionSize(CELL_WIDTH)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.view.activated.connect(self._open)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the PBXs shown again"))
        self.readiness_button = QPushButton(self.tr("Check STARFACE upgrade…"))
        self.readiness_button.setToolTip(self.tr("Can the PBXs shown move to a newer STARFACE?"))
        self.backup_button = QPushButton(self.tr("Back up"))
        self.backup_button.setToolTip(self.tr("Back up the settings of every module on the PBXs shown"))
        self.rollout_button = QPushButton(self.tr("Roll out…"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the matrix as shown, for a spreadsheet"))
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.summary_label, 1)
        for button in (
            self.refresh_button,
            self.readiness_button,
            self.backup_button,
            self.rollout_button,
            self.export_button,
        ):
            actions.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(who)
        layout.addLayout(what)
        layout.addWidget(self.chart)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(_COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)
        self._name_width = 120
        self._widths: dict[str, int] = {}
        self._remeasure = False
        self._label_widths: dict[str, int] = {}
        """Pixel width of each version label seen (labels repeat across hundreds of PBXs)."""
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(lambda *_args: self._count_timer.start())
        self.proxy.dataChanged.connect(lambda *_args: self._count_timer.start())
        self.model.dataChanged.connect(self._cells_changed)
        self.model.modelReset.connect(self._model_reset)
        for combo in (self.customer_combo, self.tag_combo, self.module_combo, self.version_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.version_edit.textChanged.connect(self._filters_changed)
        self.search_edit.textChanged.connect(self._filters_changed)
        self.reset_button.clicked.connect(lambda: self.reset_filters())
        self.refresh_button.clicked.connect(lambda: self.refresh_shown())
        self.readiness_button.clicked.connect(lambda: self.check_readiness())
        self.backup_button.clicked.connect(lambda: self.back_up_shown())
        self.rollout_button.clicked.connect(lambda: self.roll_out())
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_actions())
        self._model_reset()
        self.model.set_paused(True)  # until shown: a hidden matrix only collects what changed

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.set_paused(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.model.set_paused(True)

    # -- filters ----------------------------------------------------------------------------

    def set_filters(
        self,
        *,
        customer: str | None = None,
        tag: str | None = None,
        module: str | None = None,
        version: VersionFilter | None = None,
        state: CellState | None = None,
        text: str = "",
    ) -> None:
        """Choose filters as a person would (None: all)."""
        self._block_filters(True)
        self._choose(self.customer_combo, customer)
        self._choose(self.tag_combo, tag)
        self._choose(self.module_combo, module.lower() if module else None)
        version = version or VersionFilter()
        self._choose(self.version_combo, version.test)
        self.version_edit.setText("" if version.version is None else str(version.version))
        self._choose(self.state_combo, state)
        self.search_edit.setText(text)
        self._block_filters(False)
        self._filters_changed()

    def reset_filters(self) -> None:
        self.set_filters()

    def _choose(self, combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(_ALL if value is None else value)))

    def _block_filters(self, blocked: bool) -> None:
        for widget in (
            self.customer_combo,
            self.tag_combo,
            self.module_combo,
            self.version_combo,
            self.state_combo,
            self.version_edit,
            self.search_edit,
        ):
            widget.blockSignals(blocked)

    def _filters_changed(self, *_args: object) -> None:
        customer = self.customer_combo.currentData()
        tag = self.tag_combo.currentData()
        module = self.module_combo.currentData()
        module = None if module in (None, _ALL) else str(module)
        test = _enum(VersionTest, self.version_combo.currentData()) or VersionTest.ANY
        text = self.version_edit.text().strip()
        version = VersionFilter(test, int(text) if text.isdigit() else None)
        self.version_combo.setEnabled(module is not None)
        self.version_edit.setEnabled(module is not None and test not in (VersionTest.ANY, VersionTest.NOT_INSTALLED))
        state = _enum(CellState, self.state_combo.currentData())
        self.proxy.set_filters(
            customers=() if customer in (None, _ALL) else (str(customer),),
            tags=() if tag in (None, _ALL) else (str(tag),),
            module=module,
            version=version if module is not None else None,
            state=state,
            text=self.search_edit.text(),
        )
        self.view.expandAll()
        self._fit_columns()
        self._count_timer.start()
        self._update_actions()

    def _model_reset(self) -> None:
        """PBXs or modules changed: refill the filter choices, keeping what was chosen."""
        self._measure()
        self._block_filters(True)
        self._refill(self.customer_combo, self.tr("All customers"), [(c, c) for c in self.model.customers()])
        self._refill(self.tag_combo, self.tr("All tags"), [(t, t) for t in self.model.tags()])
        self._refill(self.module_combo, self.tr("All modules"), [(m.module_id, m.name) for m in self.model.modules])
        self._block_filters(False)
        self._filters_changed()

    def _refill(self, combo: QComboBox, everything: str, items: Sequence[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(everything, _ALL)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    # -- what is shown ----------------------------------------------------------------------

    def shown_pbxs(self) -> list[str]:
        return self.proxy.shown_names()

    def shown_modules(self) -> list[ModuleColumn]:
        return self.proxy.shown_modules()

    def chosen_module(self) -> ModuleColumn | None:
        """The module filtered for, else the module of the current cell's column."""
        module_id = self.module_combo.currentData()
        if module_id not in (None, _ALL):
            column = self.model.module_column(str(module_id))
            return self.model.module_at(column) if column is not None else None
        current = self.view.currentIndex()
        return self.model.module_at(self.proxy.mapToSource(current).column()) if current.isValid() else None

    def counts(self) -> Counter[CellState]:
        """The states of the cells shown (PBXs not read yet left out)."""
        module = self.proxy.module
        counts: Counter[CellState] = Counter()
        for name in self.proxy.matching_names():
            cells = self.model.cells(name)
            if cells is None:
                continue
            if module is None:
                counts.update(cell.state for cell in cells.values())
            elif module in cells:
                counts[cells[module].state] += 1
        return counts

    def _cells_changed(self, *_args: object) -> None:
        self._remeasure = True
        self._count_timer.start()

    def _count(self) -> None:
        if self._remeasure:
            self._remeasure = False
            self._measure()
            self._fit_columns()
        counts = self.counts()
        self.chart.set_counts(counts)
        shown, total = len(self.proxy.matching_names()), len(self.model.names())
        modules = len(self.shown_modules())
        self.summary_label.setText(
            self.tr("PBXs: {shown} of {total} · Modules: {modules}").format(shown=shown, total=total, modules=modules)
        )
        self._update_actions()

    def update_now(self) -> None:
        """Apply collected changes and count at once (for screenshots and tests)."""
        self.model.apply_changes()
        self._count_timer.stop()
        self._count()

    def _measure(self) -> None:
        """How wide each column wants to be: after the PBXs or their cells changed, not per filter."""
        metrics = self.view.fontMetrics()
        bold = QFont(self.view.font())
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        names = [metrics.horizontalAdvance(name) + 2 * self.view.indentation() + 20 for name in self.model.names()]
        groups = [
            bold_metrics.horizontalAdvance(self.model.index(row, 0).data() or "") + self.view.indentation() + 8
            for row in range(self.model.rowCount())
        ]
        self._name_width = min(max([120, *names, *groups]), _NAME_MAX)
        labels = self._label_widths
        widest: dict[str, int] = {}
        for name in self.model.names():
            for module_id, cell in (self.model.cells(name) or {}).items():
                width = labels.get(cell.label)
                if width is None:
                    width = labels[cell.label] = metrics.horizontalAdvance(cell.label)
                if width > widest.get(module_id, 0):
                    widest[module_id] = width
        self._widths = {module_id: max(_CELL_MIN, width + MatrixDelegate.EXTRA) for module_id, width in widest.items()}

    def _fit_columns(self) -> None:
        """Names as wide as the longest (within reason); each module column as wide as its versions;
        with a module chosen, the other module columns hidden."""
        self.view.setColumnWidth(FleetMatrixModel.COLUMN_PBX, self._name_width)
        for column, module in enumerate(self.model.modules, start=1):
            hidden = self.proxy.module is not None and module.module_id != self.proxy.module
            self.view.setColumnHidden(column, hidden)
            if not hidden:
                self.view.setColumnWidth(column, self._widths.get(module.module_id, CELL_WIDTH))

    def _update_actions(self) -> None:
        shown = any(self.proxy.pbx_matches(name) for name in self.model.names())
        for button in (self.refresh_button, self.readiness_button, self.backup_button, self.export_button):
            button.setEnabled(shown)
        module = self.chosen_module()
        self.rollout_button.setEnabled(shown and module is not None)
        text = self.tr("Roll out {module}…").format(module=module.name) if module is not None else self.tr("Roll out…")
        metrics = self.rollout_button.fontMetrics()
        self.rollout_button.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, _BUTTON_TEXT_MAX))
        self.rollout_button.setToolTip(text)

    # -- acting -----------------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        entry = self.model.entry_at(source)
        if entry is None:
            return
        module = self.model.module_at(source.column())
        self.open_requested.emit(entry.name, module.module_id if module is not None else "")

    def refresh_shown(self, names: Sequence[str] | None = None) -> None:
        names = list(names) if names is not None else self.shown_pbxs()
        self._controller.refresh_many(names, title=self.tr("Refresh {count} PBXs").format(count=len(names)))

    def check_readiness(self, names: Sequence[str] | None = None) -> ReadinessDialog:
        names = list(names) if names is not None else self.shown_pbxs()
        dialog = ReadinessDialog(self, self._controller)
        dialog.scope_combo.insertItem(
            0, self.tr("PBXs shown in the fleet view ({count})").format(count=len(names)), names
        )
        dialog.scope_combo.setCurrentIndex(0)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def back_up_shown(self, names: Sequence[str] | None = None) -> None:
        names = list(names) if names is not None else self.shown_pbxs()
        self._controller.fleetwide.backup_fleet(names)

    def roll_out(self, module: ModuleColumn | None = None) -> RolloutDialog | None:
        module = module or self.chosen_module()
        if module is None:
            return None
        catalog = self._controller.catalog_module(module.module_id)
        dialog = RolloutDialog(self, self._controller, module.module_id, module.name, catalog)
        running = [
            name
            for name in self.shown_pbxs()
            if (cell := self.model.cell(name, module.module_id)) is not None and cell.state.installed
        ]
        dialog.set_chosen_pbxs(running)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def matrix_csv(self) -> str:
        """The matrix as shown (filters applied), as CSV text in the interface's language."""
        modules = self.shown_modules()
        rows = []
        for name in self.shown_pbxs():
            entry = self.model.entry(name)
            if entry is None:
                continue
            snapshot = entry.snapshot
            rows.append(
                MatrixRow(
                    customer=entry.record.customer,
                    pbx=name,
                    starface=snapshot.info.starface_version if snapshot is not None else "",
                    tags=entry.record.tags,
                    cells=self.model.cells(name) or {},
                )
            )
        delimiter = ";" if QLocale().decimalPoint() == "," else ","
        return matrix_csv(
            rows,
            [(module.module_id, module.name) for module in modules],
            delimiter=delimiter,
            state_names={state: state_text(state) for state in CellState},
            headings=(self.tr("Customer"), self.tr("PBX"), "STARFACE", self.tr("Tags")),
            state_heading=self.tr("{module} (state)"),
        )

    def export_csv(self) -> Path | None:
        path = self._ask_save_path(self, self.tr("fleet.csv"))
        if path is None:
            return None
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        try:
            write_atomic(path, self.matrix_csv().encode("utf-8-sig"), mode=0o644)
        except ModManagerError as error:
            QMessageBox.warning(self, self.tr("Export the fleet matrix"), describe_text(error))
            return None
        return path

    # -- menus ------------------------------------------------------------------------------

    def _row_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        source = self.proxy.mapToSource(index)
        names = self.model.group_names(source.siblingAtColumn(0))
        entry = self.model.entry_at(source)
        menu = QMenu(self)
        if entry is not None:
            module = self.model.module_at(source.column())
            menu.addAction(self.tr("Open {pbx}").format(pbx=entry.name), lambda: self._open(index))
            if module is not None and (cell := self.model.cell(entry.name, module.module_id)) and cell.state.installed:
                menu.addAction(self.tr("Roll out {module}…").format(module=module.name), lambda: self.roll_out(module))
            menu.addSeparator()
        menu.addAction(self.tr("Refresh ({count} PBXs)").format(count=len(names)), lambda: self.refresh_shown(names))
        menu.addAction(self.tr("Check STARFACE upgrade…"), lambda: self.check_readiness(names))
        menu.addAction(self.tr("Back up ({count} PBXs)").format(count=len(names)), lambda: self.back_up_shown(names))
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _column_menu(self, position: QPoint) -> None:
        section = self.view.header().logicalIndexAt(position)
        module = self.proxy.headerData(section, Qt.Orientation.Horizontal, FleetMatrixModel.MODULE_ROLE)
        if not isinstance(module, ModuleColumn):
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Roll out {module}…").format(module=module.name), lambda: self.roll_out(module))
        menu.addAction(self.tr("Only {module}").format(module=module.name), lambda: self._only(module))
        menu.popup(self.view.header().mapToGlobal(position))

    def _only(self, module: ModuleColumn) -> None:
        self._choose(self.module_combo, module.module_id)
