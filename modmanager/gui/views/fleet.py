"""The fleet pane: a searchable list of the PBXs, grouped by customer, with their status.

It shows the controller's :class:`~modmanager.gui.models.fleet.FleetModel` through a filter
proxy of its own and says which PBX is current (the one the PBX page shows); several PBXs (or
whole customers) can be selected for actions on many, such as editing their tags. A changed PBX
list (``Changes.pbx_list``) regroups it, and the current PBX is kept where it still exists.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from modmanager.gui.changes import Changes
from modmanager.gui.controller import Controller
from modmanager.gui.models.fleet import FleetFilterProxy, FleetModel, PbxEntry

MIN_WIDTH = 240
_REFIT_DELAY_MS = 60
"""After a resize, the columns are fitted again once the size stopped changing for this long."""


class FleetView(QWidget):
    """The PBX list with its search field.

    Args:
        controller: owns the fleet model; its ``changed`` signal tells when the list changed.

    Signals:
        current_changed(object): the selected PBX's name, or None.
        context_menu_requested(QPoint): a right click, in global coordinates.
    """

    current_changed = Signal(object)
    context_menu_requested = Signal(QPoint)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.model: FleetModel = controller.fleet
        self.current: str | None = None
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search PBXs, customers, tags (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.proxy = FleetFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit.textChanged.connect(self._search_changed)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(FleetModel.COLUMN_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda position: self.context_menu_requested.emit(self.view.viewport().mapToGlobal(position))
        )
        # The PBX name is what people look for; the status gives way (its icon stays, the text elides).
        header = self.view.header()
        header.setSectionResizeMode(FleetModel.COLUMN_NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(MIN_WIDTH)
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(_REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self.fit_columns)
        controller.changed.connect(self.apply)

    def apply(self, changes: Changes) -> None:
        """Regroup after the PBX list changed; keep the selected PBX selected if it still exists."""
        if not changes.pbx_list:
            return
        self._span_customer_rows()
        self.view.expandAll()
        self.fit_columns()
        if self.current is not None and self.model.entry(self.current) is None:
            self._set_current(None)
        elif self.current is not None:
            self.select(self.current)

    # -- selection ---------------------------------------------------------------------------

    def select(self, name: str) -> bool:
        """Select a PBX in the list (clearing a search that hides it); False if unknown."""
        source = self.model.index_of(name)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search_edit.clear()
            index = self.proxy.mapFromSource(source)
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def current_entry(self) -> PbxEntry | None:
        return self.model.entry(self.current) if self.current else None

    def selected_names(self) -> list[str]:
        """The selected PBXs in list order; a selected customer row stands for all its PBXs shown."""
        names: list[str] = []
        for index in sorted(self.view.selectionModel().selectedRows(), key=self._position):
            entry = index.data(FleetModel.ENTRY_ROLE)
            if isinstance(entry, PbxEntry):
                names.append(entry.name)
                continue
            for row in range(self.proxy.rowCount(index)):
                child = self.proxy.index(row, FleetModel.COLUMN_NAME, index).data(FleetModel.ENTRY_ROLE)
                if isinstance(child, PbxEntry):
                    names.append(child.name)
        return list(dict.fromkeys(names))

    def _position(self, index: QModelIndex) -> tuple[int, int]:
        parent = index.parent()
        return (parent.row(), index.row()) if parent.isValid() else (index.row(), -1)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def scroll_to_selection(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._set_current(self._chosen())

    def _current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        # With several rows selected the current row moves without changing the selection.
        chosen = self._chosen()
        if chosen != self.current:
            self._set_current(chosen)

    def _chosen(self) -> str | None:
        """The PBX to show: the current row if it is selected, else the first selected PBX."""
        selection = self.view.selectionModel()
        current = self.view.currentIndex()
        if current.isValid() and selection.isRowSelected(current.row(), current.parent()):
            entry = current.data(FleetModel.ENTRY_ROLE)
            if isinstance(entry, PbxEntry):
                return entry.name
        for index in selection.selectedRows():
            entry = index.data(FleetModel.ENTRY_ROLE)
            if isinstance(entry, PbxEntry):
                return entry.name
        return None

    def _set_current(self, name: str | None) -> None:
        self.current = name
        self.current_changed.emit(name)

    # -- layout ------------------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._span_customer_rows()
        self.view.expandAll()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The name column follows the pane's width (window resized, splitter moved, a wider PBX header)."""
        super().resizeEvent(event)
        self._refit_timer.start()

    def fit_columns(self) -> None:
        """The name column as wide as the longest PBX name (within reason); the status takes the rest."""
        metrics = self.view.fontMetrics()
        names = [metrics.horizontalAdvance(name) for name in self.model.names()]
        wanted = max(names, default=0) + 2 * self.view.indentation() + 16
        available = self.view.viewport().width()
        self.view.setColumnWidth(FleetModel.COLUMN_NAME, max(80, min(wanted, round(available * 0.55))))

    def _span_customer_rows(self) -> None:
        """Customer names use the whole width; their PBXs below carry the status."""
        for row in range(self.proxy.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
