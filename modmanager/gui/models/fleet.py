"""The PBX list: customers with their PBXs, each with the status the fleet refresh found.

:class:`FleetModel` is a two-level tree (customer -> PBX) over :class:`PbxEntry` values. The
controller changes entries through :meth:`FleetModel.update_entry` as tasks finish, so the
tree never has to be rebuilt while the user works in it. :class:`FleetFilterProxy` filters by
name, customer, tags, address and status text and keeps customers whose PBXs match.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from modmanager.core.fleet_status import FleetStatus
from modmanager.gui.models.customer_tree import CustomerTreeModel
from modmanager.gui.models.table import CleanTextProxy
from modmanager.gui.resources import icon
from modmanager.store.inventory import PbxRecord

if TYPE_CHECKING:  # the list is painted from the inventory before ops (and its planner) is loaded
    from modmanager.ops.refresh import PbxSnapshot

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

_STATUS_ICONS: dict[FleetStatus, str] = {
    FleetStatus.INTERRUPTED: "interrupted",
    FleetStatus.CERTIFICATE_CHANGED: "certificate-changed",
    FleetStatus.UNREACHABLE: "unreachable",
    FleetStatus.ACCESS_PROBLEM: "unreachable",
    FleetStatus.INCOMPATIBLE_MODULE: "incompatible",
    FleetStatus.CATALOG_UNAVAILABLE: "catalog-unavailable",
    FleetStatus.UPDATES_AVAILABLE: "update",
    FleetStatus.PAID_UPDATES_ONLY: "paid",
    FleetStatus.UP_TO_DATE: "ok",
    FleetStatus.UNKNOWN: "untested",
}


def status_text(status: FleetStatus) -> str:
    """A PBX status as the list shows it."""
    texts = {
        FleetStatus.INTERRUPTED: QCoreApplication.translate("FleetStatus", "Update interrupted"),
        FleetStatus.CERTIFICATE_CHANGED: QCoreApplication.translate("FleetStatus", "Certificate changed"),
        FleetStatus.UNREACHABLE: QCoreApplication.translate("FleetStatus", "Unreachable"),
        FleetStatus.ACCESS_PROBLEM: QCoreApplication.translate("FleetStatus", "Access problem"),
        FleetStatus.INCOMPATIBLE_MODULE: QCoreApplication.translate("FleetStatus", "Incompatible module"),
        FleetStatus.CATALOG_UNAVAILABLE: QCoreApplication.translate("FleetStatus", "Catalog unavailable"),
        FleetStatus.UPDATES_AVAILABLE: QCoreApplication.translate("FleetStatus", "Updates available"),
        FleetStatus.PAID_UPDATES_ONLY: QCoreApplication.translate("FleetStatus", "Paid updates only"),
        FleetStatus.UP_TO_DATE: QCoreApplication.translate("FleetStatus", "Up to date"),
        FleetStatus.UNKNOWN: QCoreApplication.translate("FleetStatus", "Not checked yet"),
    }
    return texts[status]


def status_icon(status: FleetStatus) -> QIcon:
    """The icon of a PBX status."""
    return icon(_STATUS_ICONS[status])


_SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
)
_RANKS: dict[FleetStatus, int] = {status: rank for rank, status in enumerate(FleetStatus)}


def status_rank(status: FleetStatus) -> int:
    """0 for the most urgent status; FleetStatus is declared worst first."""
    return _RANKS[status]


@dataclass(frozen=True)
class PbxEntry:
    """What the list knows about one PBX."""

    record: PbxRecord
    status: FleetStatus = FleetStatus.UNKNOWN
    message: str = ""
    """The last error, as a sentence with the next step; empty after a good refresh."""
    snapshot: PbxSnapshot | None = None
    """The last known facts and modules (may be older than the status)."""
    busy: bool = False
    """A refresh of this PBX is running."""
    window: str = ""
    """The maintenance window that applies (its own or its customer's), as text; empty: none."""
    stored_version: str = ""
    """The STARFACE version of the stored snapshot, known before that snapshot is planned."""

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def starface_version(self) -> str:
        """The STARFACE version last seen ("" while none is known)."""
        return self.snapshot.info.starface_version if self.snapshot is not None else self.stored_version


@dataclass
class _Group:
    customer: str
    names: list[str]
    worst: FleetStatus = FleetStatus.UNKNOWN
    """The most urgent status of its PBXs: computed when one of them changes, not per paint."""


class FleetModel(CustomerTreeModel):
    """Customers (top level) and their PBXs; two columns: name and status.

    Index internal ids: 0 for a customer row, ``group row + 1`` for a PBX row.
    """

    COLUMN_NAME, COLUMN_STATUS = range(2)
    ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
    """The :class:`PbxEntry` of a PBX row (None for customer rows)."""
    SORT_ROLE = Qt.ItemDataRole.UserRole + 2
    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[str, PbxEntry] = {}
        self._groups: list[_Group] = []
        self._rows: dict[str, tuple[int, int]] = {}
        """PBX name -> (group row, row in the group)."""

    # -- changing the data ------------------------------------------------------------------

    def set_records(
        self,
        records: Iterable[PbxRecord],
        statuses: Mapping[str, tuple[FleetStatus, str]] | None = None,
        versions: Mapping[str, str] | None = None,
    ) -> None:
        """Show exactly these PBXs; entries already known keep their snapshot and status.

        New entries take their stored status and the STARFACE version of their stored snapshot.
        """
        statuses = statuses or {}
        versions = versions or {}
        self.beginResetModel()
        entries: dict[str, PbxEntry] = {}
        for record in records:
            old = self._entries.get(record.name)
            if old is not None:
                entries[record.name] = dataclasses.replace(old, record=record)
            else:
                status, message = statuses.get(record.name, (FleetStatus.UNKNOWN, ""))
                entries[record.name] = PbxEntry(record, status, message, stored_version=versions.get(record.name, ""))
        self._entries = entries
        groups: dict[str, list[str]] = {}
        for entry in entries.values():
            groups.setdefault(entry.record.customer.strip(), []).append(entry.name)
        self._groups = [
            _Group(customer, sorted(names, key=str.casefold))
            for customer, names in sorted(groups.items(), key=lambda item: (not item[0], item[0].casefold()))
        ]
        self._rows = {
            name: (group_row, row)
            for group_row, group in enumerate(self._groups)
            for row, name in enumerate(group.names)
        }
        for group in self._groups:
            self._rank_group(group)
        self.endResetModel()

    def _rank_group(self, group: _Group) -> bool:
        """Recompute the group's most urgent status; True if it changed."""
        worst = min((self._entries[name].status for name in group.names), key=status_rank)
        changed = worst is not group.worst
        group.worst = worst
        return changed

    def update_entry(self, name: str, **changes: Any) -> None:
        """Change fields of one PBX's entry (status, message, snapshot, busy).

        Only what changed is announced, with its roles: the filter proxy re-sorts and re-filters
        only when the status changed, so a refresh of hundreds of PBXs stays cheap to show.
        """
        self.update_entries([name], **changes)

    def update_entries(self, names: Iterable[str], **changes: Any) -> None:
        """Change the same fields of many PBXs: one notice per customer's run of changed rows
        (marking hundreds of PBXs "checking" at once redraws the list once, not hundreds of times)."""
        rows: dict[int, list[int]] = {}
        ranked: set[int] = set()
        status_changed = False
        for name in names:
            old = self._entries.get(name)
            if old is None or all(_same(getattr(old, key), value) for key, value in changes.items()):
                continue  # unknown, or nothing to redraw
            new = dataclasses.replace(old, **changes)
            self._entries[name] = new
            group_row, row = self._rows[name]
            rows.setdefault(group_row, []).append(row)
            if new.status is not old.status:
                status_changed = True
                ranked.add(group_row)
        roles = [*_SHOWN_ROLES, self.ENTRY_ROLE]
        if status_changed:
            roles += [self.SORT_ROLE, self.SEARCH_ROLE]
        for group_row, numbers in rows.items():
            first, last = min(numbers), max(numbers)
            top_left = self.createIndex(first, self.COLUMN_NAME, group_row + 1)
            self.dataChanged.emit(top_left, self.createIndex(last, self.COLUMN_STATUS, group_row + 1), roles)
        for group_row in sorted(ranked):
            if self._rank_group(self._groups[group_row]):
                parent = self.createIndex(group_row, self.COLUMN_STATUS, 0)
                self.dataChanged.emit(parent, parent, [*_SHOWN_ROLES, self.SORT_ROLE])

    # -- reading ----------------------------------------------------------------------------

    def entry(self, name: str) -> PbxEntry | None:
        return self._entries.get(name)

    def entries(self) -> list[PbxEntry]:
        """Every PBX, in list order."""
        return [self._entries[name] for group in self._groups for name in group.names]

    def names(self) -> list[str]:
        return [name for group in self._groups for name in group.names]

    def index_of(self, name: str, column: int = 0) -> QModelIndex:
        """The index of a PBX row, or an invalid index."""
        position = self._rows.get(name)
        if position is None:
            return QModelIndex()
        group_row, row = position
        return self.createIndex(row, column, group_row + 1)

    def entry_at(self, index: _Index) -> PbxEntry | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1]
        return self._entries[group.names[index.row()]]

    # -- QAbstractItemModel -----------------------------------------------------------------

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("PBX"), self.tr("Status"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        entry = self.entry_at(index)
        assert entry is not None
        return self._entry_data(entry, index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        worst = group.worst
        customer = group.customer or self.tr("Without customer")
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{customer} ({len(group.names)})" if column == self.COLUMN_NAME else None
        if role == Qt.ItemDataRole.FontRole and column == self.COLUMN_NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return status_icon(worst) if worst is not FleetStatus.UP_TO_DATE else None
        if role == self.SORT_ROLE:
            return customer.casefold() if column == self.COLUMN_NAME else status_rank(worst)
        if role == self.SEARCH_ROLE:
            return customer
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_STATUS:
            return status_text(worst)
        return None

    def _entry_data(self, entry: PbxEntry, column: int, role: int) -> Any:
        if role == self.ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN_NAME:
                return entry.name
            text = status_text(entry.status)
            return self.tr("{status} (checking…)").format(status=text) if entry.busy else text
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return status_icon(entry.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [entry.name, entry.record.url, status_text(entry.status)]
            if entry.starface_version:
                lines.insert(2, self.tr("STARFACE {version}").format(version=entry.starface_version))
            if entry.message:
                lines.append(entry.message)
            if entry.record.tags:
                lines.append(self.tr("Tags: {tags}").format(tags=", ".join(entry.record.tags)))
            if entry.record.notes:
                lines.append(entry.record.notes)
            if entry.window:
                lines.append(self.tr("Maintenance window: {window}").format(window=entry.window))
            return "\n".join(lines)
        if role == self.SORT_ROLE:
            return entry.name.casefold() if column == self.COLUMN_NAME else status_rank(entry.status)
        if role == self.SEARCH_ROLE:
            record = entry.record
            return " ".join((record.name, record.customer, record.url, *record.tags, status_text(entry.status)))
        return None


def _same(old: object, new: object) -> bool:
    """Unchanged: the same object, or an equal plain value (snapshots are compared by identity)."""
    return old is new or (isinstance(old, str | bool | FleetStatus) and old == new)


class FleetFilterProxy(CleanTextProxy):
    """Sorts by name or urgency and filters on everything a partner might type.

    A customer row stays when one of its PBXs matches; all PBXs of a matching customer stay.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setFilterRole(FleetModel.SEARCH_ROLE)
        self.setSortRole(FleetModel.SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterKeyColumn(FleetModel.COLUMN_NAME)
