"""The fleet matrix: customers and their PBXs as rows, modules as columns, a cell per module and PBX.

:class:`FleetMatrixModel` is a two-level tree (customer -> PBX) over the PBX list's entries
(:class:`~modmanager.gui.models.fleet.FleetModel`): it draws from the snapshots the list
already holds and never asks a PBX. A PBX's cells (:mod:`modmanager.core.matrix`) are computed
when its snapshot changes - collected for a moment, so a refresh of hundreds of PBXs recomputes
each once and redraws in a few batches - never per paint. A customer's row sums up its PBXs per
module: how many run it, and the most urgent state among them.

:class:`FleetMatrixProxy` filters by customer, tag, module (with "below / exactly / at least
version Y" or "not installed"), state and name; with a module chosen the view shows only its column.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from modmanager.core.catalog import CatalogModule
from modmanager.core.fleet_status import FleetStatus
from modmanager.core.matrix import NOT_INSTALLED, Cell, CellState, VersionFilter, cells_of
from modmanager.gui.models.cell_states import state_color as state_color  # re-exported: views and tests use them
from modmanager.gui.models.cell_states import state_icon as state_icon
from modmanager.gui.models.cell_states import state_text as state_text
from modmanager.gui.models.customer_tree import CustomerTreeModel
from modmanager.gui.models.fleet import FleetModel, PbxEntry, status_icon, status_text
from modmanager.gui.slices import SLICE_S

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_UPDATE_DELAY_MS = 100
"""Changed PBXs are collected this long before their rows are recomputed and redrawn."""
_GROUPS_PER_SLICE = 8
"""Customers summed up per slice of work (each sums its PBXs over every module)."""

CatalogLookup = Callable[[str], "CatalogModule | None"]

_NO_COUNTS: Counter[CellState] = Counter()
"""Shared by every customer cell of a module none of its PBXs runs (never changed)."""


def _rank(state: CellState) -> int:
    return state.rank


@dataclass(frozen=True)
class ModuleColumn:
    """A module column: its id (lower case) and name in the interface language."""

    module_id: str
    name: str
    vendor: str = ""


@dataclass(frozen=True)
class GroupCell:
    """A customer's row in one module column: how many of its PBXs run the module, and their states."""

    installed: int
    total: int
    worst: CellState | None
    counts: Counter[CellState] = field(default_factory=Counter)


@dataclass
class _Group:
    customer: str
    names: list[str]
    cells: dict[str, GroupCell] = field(default_factory=dict)


class FleetMatrixModel(CustomerTreeModel):
    """Customers (top level) and their PBXs; column 0 names them, one column per module.

    Index internal ids: 0 for a customer row, ``group row + 1`` for a PBX row.

    Args:
        fleet: the PBX list; its entries' snapshots are what the matrix shows.
        catalog: looks a module up in the catalogs (names, version labels); None while unloaded.
    """

    COLUMN_PBX = 0
    CELL_ROLE = Qt.ItemDataRole.UserRole + 21
    """A PBX row's :class:`~modmanager.core.matrix.Cell` (None before its first reading), or a
    customer row's :class:`GroupCell`."""
    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 22
    """The :class:`PbxEntry` of a PBX row."""
    SORT_ROLE = Qt.ItemDataRole.UserRole + 23
    MODULE_ROLE = Qt.ItemDataRole.UserRole + 24
    """Header data: the column's :class:`ModuleColumn`."""

    def __init__(self, fleet: FleetModel, catalog: CatalogLookup | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fleet = fleet
        self._catalog: CatalogLookup = catalog or (lambda _module_id: None)
        self._groups: list[_Group] = []
        self._rows: dict[str, tuple[int, int]] = {}
        self._entries: dict[str, PbxEntry] = {}
        self._cells: dict[str, dict[str, Cell] | None] = {}
        self._modules: list[ModuleColumn] = []
        self._columns: dict[str, int] = {}
        self._changed: set[str] = set()
        self._paused = False
        self._stale = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_UPDATE_DELAY_MS)
        self._timer.timeout.connect(self._apply_slice)
        fleet.modelReset.connect(self.rebuild)
        fleet.rowsInserted.connect(self.rebuild)
        fleet.rowsRemoved.connect(self.rebuild)
        fleet.dataChanged.connect(self._fleet_changed)
        self.rebuild()

    # -- reading ----------------------------------------------------------------------------

    @property
    def modules(self) -> list[ModuleColumn]:
        """The module columns, in column order (column ``i + 1``)."""
        return list(self._modules)

    def module_column(self, module_id: str) -> int | None:
        """The column of a module, or None."""
        return self._columns.get(module_id.lower())

    def names(self) -> list[str]:
        """Every PBX, in row order."""
        return [name for group in self._groups for name in group.names]

    def customers(self) -> list[str]:
        return [group.customer for group in self._groups if group.customer]

    def tags(self) -> list[str]:
        found = {tag for entry in self._entries.values() for tag in entry.record.tags}
        return sorted(found, key=str.casefold)

    def entry(self, name: str) -> PbxEntry | None:
        return self._entries.get(name)

    def cells(self, name: str) -> dict[str, Cell] | None:
        """A PBX's cells by lower-case module id (missing: not installed); None before its first reading."""
        return self._cells.get(name)

    def cell(self, name: str, module_id: str) -> Cell | None:
        cells = self._cells.get(name)
        return None if cells is None else cells.get(module_id.lower(), NOT_INSTALLED)

    def index_of(self, name: str, column: int = 0) -> QModelIndex:
        position = self._rows.get(name)
        if position is None:
            return QModelIndex()
        group_row, row = position
        return self.createIndex(row, column, group_row + 1)

    def entry_at(self, index: _Index) -> PbxEntry | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._entries[self._groups[index.internalId() - 1].names[index.row()]]

    def group_names(self, index: _Index) -> list[str]:
        """The PBXs of a customer row (or the one PBX of a PBX row)."""
        if not index.isValid():
            return []
        if index.internalId() == 0:
            return list(self._groups[index.row()].names)
        entry = self.entry_at(index)
        return [entry.name] if entry is not None else []

    def module_at(self, column: int) -> ModuleColumn | None:
        return self._modules[column - 1] if 1 <= column <= len(self._modules) else None

    # -- following the PBX list -------------------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        """While the fleet view is hidden, changes are only collected; shown again, they are
        applied (a refresh of hundreds of PBXs costs a hidden matrix nothing)."""
        self._paused = paused
        if paused:
            self._timer.stop()
        elif self._stale:
            self.rebuild()
        elif self._changed:
            self._timer.start()

    def rebuild(self, *_args: object) -> None:
        """Read every entry of the PBX list again (PBXs added, removed, regrouped); later if hidden."""
        self._timer.stop()
        self._stale = self._paused
        if not self._paused:
            self._rebuild_now()

    def _rebuild_now(self) -> None:
        self._stale = False
        self._changed.clear()
        self.beginResetModel()
        entries = self._fleet.entries()
        self._entries = {entry.name: entry for entry in entries}
        self._cells = {entry.name: self._cells_of(entry) for entry in entries}
        groups: dict[str, list[str]] = {}
        for entry in entries:
            groups.setdefault(entry.record.customer.strip(), []).append(entry.name)
        self._groups = [_Group(customer, names) for customer, names in groups.items()]
        self._rows = {
            name: (group_row, row)
            for group_row, group in enumerate(self._groups)
            for row, name in enumerate(group.names)
        }
        self._modules = self._module_columns()
        self._columns = {module.module_id: column for column, module in enumerate(self._modules, start=1)}
        for group in self._groups:
            self._sum_up(group)
        self.endResetModel()

    def _fleet_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, _roles: object = None) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            entry = self._fleet.entry_at(top_left.siblingAtRow(row))
            if entry is not None:
                self._changed.add(entry.name)
        if self._changed and not self._paused and not self._timer.isActive():
            self._timer.start()

    def apply_changes(self, *, budget_s: float | None = None) -> None:
        """Recompute the changed PBXs' cells; redraw their rows and their customers' rows.

        Runs on its own a moment after the PBX list changed, a few milliseconds at a time
        (``budget_s``), so hundreds of changed PBXs never hold up the window; call it to see
        every change at once. A PBX whose snapshot is unchanged (only "busy" changed) keeps its
        cells.
        """
        self._timer.stop()
        if self._stale:  # the PBX list changed while the matrix was hidden
            self._rebuild_now()
            return
        deadline = None if budget_s is None else time.monotonic() + budget_s
        done: list[str] = []
        groups: set[int] = set()
        recomputed: list[str] = []
        while self._changed:
            name = self._changed.pop()
            entry = self._fleet.entry(name)
            if entry is None or name not in self._rows:
                continue
            previous = self._entries.get(name)
            self._entries[name] = entry
            done.append(name)
            if previous is None or previous.snapshot is not entry.snapshot:
                self._cells[name] = self._cells_of(entry)
                groups.add(self._rows[name][0])
                recomputed.append(name)
            if deadline is not None and (time.monotonic() >= deadline or len(groups) >= _GROUPS_PER_SLICE):
                break
        if self._changed and not self._paused:
            QTimer.singleShot(0, self, self._apply_slice)
        if self._new_module(recomputed):  # a module nobody ran before: a new column
            self.rebuild()
            return
        last = len(self._modules)
        for group_row in sorted(groups):
            self._sum_up(self._groups[group_row])
            self.dataChanged.emit(self.createIndex(group_row, 0, 0), self.createIndex(group_row, last, 0))
        rows: dict[int, list[int]] = {}
        for name in done:
            group_row, row = self._rows[name]
            rows.setdefault(group_row, []).append(row)
        for group_row, numbers in rows.items():
            self.dataChanged.emit(
                self.createIndex(min(numbers), 0, group_row + 1), self.createIndex(max(numbers), last, group_row + 1)
            )

    def _new_module(self, names: list[str]) -> bool:
        """Whether one of these PBXs runs a module that has no column yet.

        (A module nobody runs any more keeps its empty column until the next rebuild.)
        """
        return any(module_id not in self._columns for name in names for module_id in self._cells.get(name) or {})

    def _apply_slice(self) -> None:
        self.apply_changes(budget_s=SLICE_S)

    def _cells_of(self, entry: PbxEntry) -> dict[str, Cell] | None:
        snapshot = entry.snapshot
        if snapshot is None:
            return None
        catalog = {}
        for module in snapshot.modules:
            found = self._catalog(module.id)
            if found is not None:
                catalog[module.id.lower()] = found
        return cells_of(snapshot.modules, snapshot.plan.modules, catalog)

    def _module_columns(self) -> list[ModuleColumn]:
        """Every module installed on at least one PBX, by name."""
        seen: dict[str, ModuleColumn] = {}
        locale = QLocale().name()
        for entry in self._entries.values():
            if entry.snapshot is None:
                continue
            for module in entry.snapshot.modules:
                key = module.id.lower()
                if key in seen:
                    continue
                found = self._catalog(module.id)
                name = found.display_name(locale) if found is not None else module.name
                seen[key] = ModuleColumn(key, name, found.vendor if found is not None else module.vendor)
        return sorted(seen.values(), key=lambda column: (column.name.casefold(), column.module_id))

    def _sum_up(self, group: _Group) -> None:
        counts: dict[str, Counter[CellState]] = {}
        for name in group.names:
            for module_id, cell in (self._cells.get(name) or {}).items():
                found = counts.get(module_id)
                if found is None:
                    found = counts[module_id] = Counter()
                found[cell.state] += 1
        total = len(group.names)
        nobody = GroupCell(0, total, None, _NO_COUNTS)
        group.cells = {}
        for module_id, found in counts.items():
            worst = min(found, key=_rank)
            group.cells[module_id] = GroupCell(sum(found.values()), total, worst, found)
        for module in self._modules:
            group.cells.setdefault(module.module_id, nobody)

    # -- QAbstractItemModel -----------------------------------------------------------------

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1 + len(self._modules)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        module = self.module_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("PBX") if module is None else module.name
        if role == Qt.ItemDataRole.ToolTipRole and module is not None:
            return f"{module.name}\n{module.vendor}" if module.vendor else module.name
        if role == self.MODULE_ROLE:
            return module
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId() - 1]
        return self._pbx_data(group.names[index.row()], index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        customer = group.customer or self.tr("Without customer")
        module = self.module_at(column)
        if module is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{customer} ({len(group.names)})"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == self.SORT_ROLE:
                return customer.casefold()
            return None
        summed = group.cells.get(module.module_id)
        if summed is None:
            return None
        if role == self.CELL_ROLE:
            return summed
        if role == Qt.ItemDataRole.DisplayRole:
            return str(summed.installed) if summed.installed else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [
                f"{state_text(state)}: {count}"
                for state, count in sorted(summed.counts.items(), key=lambda item: item[0].rank)
            ]
            heading = self.tr("{customer}: {module} runs on {count} of {total} PBXs").format(
                customer=customer, module=module.name, count=summed.installed, total=summed.total
            )
            return "\n".join([heading, *parts])
        if role == self.SORT_ROLE:
            return (summed.worst.rank if summed.worst is not None else len(CellState), -summed.installed)
        return None

    def _pbx_data(self, name: str, column: int, role: int) -> Any:
        entry = self._entries[name]
        module = self.module_at(column)
        if module is None:
            return self._name_data(entry, role)
        cells = self._cells.get(name)
        cell = None if cells is None else cells.get(module.module_id, NOT_INSTALLED)
        if role == self.CELL_ROLE:
            return cell
        if role == self.ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.label if cell is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(entry, module, cell)
        if role == self.SORT_ROLE:
            if cell is None:
                return (len(CellState) + 1, 0)
            return (cell.state.rank, cell.version or 0)
        return None

    def _name_data(self, entry: PbxEntry, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name
        if role == self.ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DecorationRole and entry.status is not FleetStatus.UP_TO_DATE:
            return status_icon(entry.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.name, status_text(entry.status)]
            if entry.snapshot is not None:
                lines.append(f"STARFACE {entry.snapshot.info.starface_version}")
            if entry.record.tags:
                lines.append(", ".join(entry.record.tags))
            if entry.message:
                lines.append(entry.message)
            return "\n".join(lines)
        if role == self.SORT_ROLE:
            return entry.name.casefold()
        return None

    def _cell_tooltip(self, entry: PbxEntry, module: ModuleColumn, cell: Cell | None) -> str:
        if cell is None:
            return self.tr("{pbx}: not read yet").format(pbx=entry.name)
        if not cell.state.installed:
            return self.tr("{module} is not installed on {pbx}").format(module=module.name, pbx=entry.name)
        lines = [
            self.tr("{module} {version} on {pbx}").format(module=module.name, version=cell.label, pbx=entry.name),
            state_text(cell.state),
        ]
        if cell.target:
            lines.append(self.tr("Update to {release}").format(release=cell.target))
        if cell.installed_incompatible and cell.state is not CellState.INCOMPATIBLE:
            lines.append(self.tr("The installed release is stated incompatible with this STARFACE."))
        return "\n".join(lines)


class FleetMatrixProxy(QSortFilterProxyModel):
    """Filters the matrix's rows: customers, tag, module (and its version), state, name.

    A customer row stays while one of its PBXs matches. With a module chosen, the version
    filter tests its cell and the state filter that cell's state (the view then hides the other
    module columns: hiding is cheaper than re-mapping 40 columns of 500 rows); without one, the
    state filter keeps PBXs with any cell in that state.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(FleetMatrixModel.SORT_ROLE)
        self.customers: frozenset[str] = frozenset()
        self.tags: frozenset[str] = frozenset()
        self.module: str | None = None
        self.version = VersionFilter()
        self.state: CellState | None = None
        self.text = ""

    def set_filters(
        self,
        *,
        customers: Iterable[str] = (),
        tags: Iterable[str] = (),
        module: str | None = None,
        version: VersionFilter | None = None,
        state: CellState | None = None,
        text: str = "",
    ) -> None:
        """Replace every filter at once (one re-filtering)."""
        self.beginFilterChange()
        self.customers = frozenset(customer.casefold() for customer in customers)
        self.tags = frozenset(tag.casefold() for tag in tags)
        self.module = module.lower() if module else None
        self.version = version or VersionFilter()
        self.state = state
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def matrix(self) -> FleetMatrixModel:
        source = self.sourceModel()
        assert isinstance(source, FleetMatrixModel)
        return source

    def shown_names(self) -> list[str]:
        """The PBXs the filters keep, in the order shown."""
        names: list[str] = []
        for group_row in range(self.rowCount()):
            group = self.index(group_row, 0)
            for row in range(self.rowCount(group)):
                entry = self.index(row, 0, group).data(FleetMatrixModel.ENTRY_ROLE)
                if isinstance(entry, PbxEntry):
                    names.append(entry.name)
        return names

    def matching_names(self) -> list[str]:
        """The PBXs the filters keep, in the matrix's own order (cheaper than walking the proxy)."""
        return [name for name in self.matrix().names() if self.pbx_matches(name)]

    def shown_modules(self) -> list[ModuleColumn]:
        """The module columns the module filter keeps (all without one), in column order."""
        return [
            module for module in self.matrix().modules if self.module is None or module.module_id == self.module
        ]

    def lessThan(self, source_left: _Index, source_right: _Index) -> bool:
        left = source_left.data(FleetMatrixModel.SORT_ROLE)
        right = source_right.data(FleetMatrixModel.SORT_ROLE)
        try:
            return bool(left < right)
        except TypeError:  # a customer row against a PBX row never happens; keep the order
            return False

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        matrix = self.matrix()
        if not source_parent.isValid():  # a customer row stays while one of its PBXs does
            return any(self.pbx_matches(name) for name in matrix.group_names(matrix.index(source_row, 0)))
        entry = matrix.entry_at(matrix.index(source_row, 0, source_parent))
        return entry is not None and self.pbx_matches(entry.name)

    def pbx_matches(self, name: str) -> bool:
        matrix = self.matrix()
        entry = matrix.entry(name)
        if entry is None:
            return False
        record = entry.record
        if self.customers and record.customer.strip().casefold() not in self.customers:
            return False
        if self.tags and not any(tag.casefold() in self.tags for tag in record.tags):
            return False
        if self.text and self.text not in name.casefold():
            return False
        return self._cells_match(matrix.cells(name))

    def _cells_match(self, cells: dict[str, Cell] | None) -> bool:
        if self.module is None and self.state is None:
            return True
        if cells is None:
            return False  # not read yet: nothing is known about its modules
        if self.module is not None:
            cell = cells.get(self.module, NOT_INSTALLED)
            return self.version.matches(cell) and (self.state is None or cell.state is self.state)
        if self.state is CellState.NOT_INSTALLED:
            return len(cells) < len(self.matrix().modules)
        return any(cell.state is self.state for cell in cells.values())
