"""Per instance: which settings an update carries over, drops, or adds with a default.

Over the :class:`~modmanager.ops.update.InstancePreview` list of an update preview, so the
update dialog shows exactly what ``run_update`` will write. Values are never shown: they may
hold passwords; the labels of the form are enough to decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from modmanager.core.migration import SettingMigration
from modmanager.core.text import clean_text
from modmanager.gui.models.table import RowsTableModel
from modmanager.gui.resources import icon
from modmanager.ops.update import InstancePreview

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _labels(items: Sequence[SettingMigration]) -> str:
    return clean_text(", ".join(item.label or item.variable_id for item in items), 2000)




class MigrationModel(RowsTableModel):
    """One row per module instance: name, active, carried, dropped, new."""

    COLUMN_INSTANCE, COLUMN_ACTIVE, COLUMN_CARRIED, COLUMN_DROPPED, COLUMN_ADDED = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InstancePreview] = []

    def set_instances(self, instances: Sequence[InstancePreview]) -> None:
        self.beginResetModel()
        self._rows = list(instances)
        self.endResetModel()

    def instance(self, row: int) -> InstancePreview:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Instance"),
            self.tr("Active"),
            self.tr("Settings carried over"),
            self.tr("Dropped"),
            self.tr("New (with default)"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        migration = row.migration
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN_INSTANCE:
                return clean_text(row.name)  # named on the PBX
            if column == self.COLUMN_ACTIVE:
                return self.tr("active") if row.active else self.tr("inactive")
            if column == self.COLUMN_CARRIED:
                return (
                    self.tr("all {count}").format(count=len(migration.carried))
                    if not migration.dropped
                    else str(len(migration.carried))
                )
            if column == self.COLUMN_DROPPED:
                return _labels(migration.dropped) or "–"
            return _labels(migration.added) or "–"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMN_CARRIED:
            return _labels(migration.carried) or None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.COLUMN_DROPPED and migration.dropped:
                return icon("incompatible")
            if column == self.COLUMN_CARRIED and not migration.dropped:
                return icon("ok")
        return None
