"""The page of the selected PBX: its header, and its modules in the tabs *Installed* and *Available*.

The page owns the two module tables (sortable, and filtered by one field in the tab bar's
corner, so a module searched for stays found when switching tabs). It shows the PBX the fleet
pane selected, redraws itself when the controller announces that this PBX, the PBX list, the
catalogs or the settings changed, and keeps the selected module selected across a redraw.
What is selected goes out as one :class:`Selection`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.planner import AvailableModule
from modmanager.core.versions import StarfaceVersion
from modmanager.gui.changes import Changes
from modmanager.gui.controller import Controller
from modmanager.gui.models.badges import BadgeDelegate
from modmanager.gui.models.fleet import PbxEntry
from modmanager.gui.models.modules import (
    ROW_ROLE,
    AvailableModulesModel,
    InstalledModulesModel,
    InstalledRow,
    sorted_filtered,
)
from modmanager.gui.widgets.pbx_header import PbxHeader

_VENDOR_COLUMN_MAX = 190
_VENDOR_COLUMN_MIN = 100
_NAME_COLUMN_MIN = 170
"""In a narrow window the vendor column gives way down to this, before the table has to scroll."""
_REFIT_DELAY_MS = 60
"""After a resize, the columns are fitted again once the size stopped changing for this long."""


@dataclass(frozen=True)
class Selection:
    """What the user has selected: a PBX (with its entry in the list) and one of its modules, if any."""

    pbx: str | None = None
    entry: PbxEntry | None = None
    installed: InstalledRow | None = None
    available: AvailableModule | None = None

    @property
    def starface(self) -> StarfaceVersion | None:
        """The selected PBX's STARFACE, when it has been read."""
        snapshot = self.entry.snapshot if self.entry is not None else None
        return snapshot.plan.facts.starface if snapshot is not None else None


class PbxPage(QWidget):
    """Header and module tables of one PBX.

    Args:
        controller: looks up catalog entries; its ``changed`` signal tells when to redraw.

    Signals:
        selection_changed(Selection): another PBX or module is selected, or what is shown of it changed.
        installed_menu_requested(QPoint), available_menu_requested(QPoint): a right click on a
            table, in global coordinates.
        installed_activated(), available_activated(): a double click on a module.
    """

    selection_changed = Signal(object)
    installed_menu_requested = Signal(QPoint)
    available_menu_requested = Signal(QPoint)
    installed_activated = Signal()
    available_activated = Signal()

    TAB_INSTALLED, TAB_AVAILABLE = range(2)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.current: str | None = None
        self.header = PbxHeader()
        self.installed_model = InstalledModulesModel(self)
        self.available_model = AvailableModulesModel(self)
        self.installed_view, self.installed_proxy = self._module_table(
            self.installed_model, InstalledModulesModel.COLUMN_STATUS
        )
        self.available_view, self.available_proxy = self._module_table(
            self.available_model, AvailableModulesModel.COLUMN_STATUS
        )
        self.module_filter = QLineEdit()
        self.module_filter.setPlaceholderText(self.tr("Filter modules"))
        self.module_filter.setClearButtonEnabled(True)
        self.module_filter.setFixedWidth(240)
        self.module_filter.textChanged.connect(self.installed_proxy.setFilterFixedString)
        self.module_filter.textChanged.connect(self.available_proxy.setFilterFixedString)
        for view, menu, activated in (
            (self.installed_view, self.installed_menu_requested, self.installed_activated),
            (self.available_view, self.available_menu_requested, self.available_activated),
        ):
            view.selectionModel().selectionChanged.connect(self._emit_selection)
            view.customContextMenuRequested.connect(
                lambda position, view=view, menu=menu: menu.emit(view.viewport().mapToGlobal(position))
            )
            view.doubleClicked.connect(lambda _index, activated=activated: activated.emit())

        self.module_tabs = QTabWidget()
        self.module_tabs.addTab(self.installed_view, "")
        self.module_tabs.addTab(self.available_view, "")
        corner = QWidget()
        corner_layout = QVBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 6, 2)
        corner_layout.addWidget(self.module_filter)
        self.module_tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.module_tabs.currentChanged.connect(lambda _tab: self._emit_selection())

        self.modules_splitter = QSplitter(Qt.Orientation.Vertical)
        self.modules_splitter.addWidget(self.module_tabs)
        self.modules_splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.modules_splitter, 1)
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(_REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self.fit_columns)
        controller.changed.connect(self.apply)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` (the module details) under the tables, sharing the height with them."""
        self.modules_splitter.addWidget(widget)
        self.modules_splitter.setStretchFactor(0, 1)
        self.modules_splitter.setStretchFactor(1, 1)
        self.modules_splitter.setSizes([320, 240])

    def _module_table(
        self, model: InstalledModulesModel | AvailableModulesModel, badge_column: int
    ) -> tuple[QTableView, QSortFilterProxyModel]:
        proxy = sorted_filtered(model, self)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)  # badges are 16 px icons
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        view.setItemDelegateForColumn(badge_column, BadgeDelegate(view))
        return view, proxy

    # -- showing a PBX -----------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Redraw when what is shown of the selected PBX may read differently now."""
        if changes.touches(self.current):
            self.show_pbx(self.current)

    def show_pbx(self, name: str | None) -> None:
        """Fill header and tables for a PBX, keeping the selected module if it is still there."""
        previous_module = self._selected_module_id() if name == self.current else None
        self.current = name
        entry = self.current_entry()
        snapshot = entry.snapshot if entry is not None else None
        if entry is None:
            self.header.clear()
        else:
            self.header.show_entry(entry)
        self.installed_model.set_snapshot(snapshot, self._controller.catalog_module)
        self.available_model.set_snapshot(snapshot)
        self.fit_columns()
        self.module_tabs.setTabText(
            self.TAB_INSTALLED, self.tr("Installed ({count})").format(count=self.installed_model.rowCount())
        )
        self.module_tabs.setTabText(
            self.TAB_AVAILABLE, self.tr("Available ({count})").format(count=self.available_model.rowCount())
        )
        if previous_module is None or not self.select_module(previous_module):
            self._emit_selection()

    def current_entry(self) -> PbxEntry | None:
        return self._controller.fleet.entry(self.current) if self.current else None

    # -- selecting modules -------------------------------------------------------------------

    def select_module(self, module_id: str) -> bool:
        """Select an installed module (or, if not installed, an available one) of the current PBX."""
        row = self.installed_model.row_of(module_id)
        if row is not None:
            self.module_tabs.setCurrentIndex(self.TAB_INSTALLED)
            index = self.installed_proxy.mapFromSource(self.installed_model.index(row, 0))
            self.installed_view.setCurrentIndex(index)
            self.installed_view.scrollTo(index)
            return True
        for number, item in enumerate(self.available_model.rows()):
            if item.module.id.lower() == module_id.lower():
                self.module_tabs.setCurrentIndex(self.TAB_AVAILABLE)
                index = self.available_proxy.mapFromSource(self.available_model.index(number, 0))
                self.available_view.setCurrentIndex(index)
                return True
        return False

    def selected_installed(self) -> InstalledRow | None:
        if self.module_tabs.currentIndex() != self.TAB_INSTALLED:
            return None
        rows = self.installed_view.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        return row if isinstance(row, InstalledRow) else None

    def selected_available(self) -> AvailableModule | None:
        if self.module_tabs.currentIndex() != self.TAB_AVAILABLE:
            return None
        rows = self.available_view.selectionModel().selectedRows()
        item = rows[0].data(ROW_ROLE) if rows else None
        return item if isinstance(item, AvailableModule) else None

    def selection(self) -> Selection:
        return Selection(self.current, self.current_entry(), self.selected_installed(), self.selected_available())

    def module_name(self, module_id: str, fallback: str) -> str:
        """A module of the selected PBX as the tables name it (in the interface language)."""
        row = self.installed_model.row_of(module_id)
        return self.installed_model.row(row).display_name if row is not None else fallback

    def scroll_to_selection(self) -> None:
        """Bring the selected module into view (after the layout settled)."""
        for view in (self.installed_view, self.available_view):
            current = view.currentIndex()
            if current.isValid():
                view.scrollTo(current)

    def _selected_module_id(self) -> str | None:
        installed = self.selected_installed()
        if installed is not None:
            return installed.module.id
        available = self.selected_available()
        return available.module.id if available is not None else None

    def _emit_selection(self, *_args: object) -> None:
        self.selection_changed.emit(self.selection())

    # -- columns -----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Columns follow the page: names stay readable, vendor and status texts give way."""
        super().resizeEvent(event)
        self._refit_timer.start()

    def fit_columns(self) -> None:
        for view in (self.installed_view, self.available_view):
            _fit_module_columns(view)


def _fit_module_columns(view: QTableView) -> None:
    """Columns fit their contents; long vendor names ("... GmbH & Co. KG") give way first.

    The module name stretches over what is left; in a narrow window the vendor column shrinks
    (the tooltip has the whole name), and at last hides, before the module name is cut.
    """
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    view.setColumnHidden(1, False)
    view.resizeColumnsToContents()
    vendor = min(view.columnWidth(1), _VENDOR_COLUMN_MAX)
    name = min(view.columnWidth(0), _NAME_COLUMN_MIN)
    others = sum(view.columnWidth(column) for column in range(2, header.count()))
    room = view.viewport().width() - others - name
    if room >= _VENDOR_COLUMN_MIN:
        view.setColumnWidth(1, min(vendor, room))
    else:
        view.setColumnHidden(1, True)  # the details pane names the vendor of the selected module
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
