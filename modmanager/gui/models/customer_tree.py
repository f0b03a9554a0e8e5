"""Customers at the top, their PBXs below: the tree shape the PBX list and the fleet matrix share.

Index internal ids: 0 for a customer row, ``group row + 1`` for a PBX row. A subclass keeps its
customers in ``_groups`` (each with the ``names`` of its PBXs, in row order) and says how many
columns it has; the navigation (``index``, ``parent``, ``rowCount``) lives here once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class CustomerGroup(Protocol):
    @property
    def names(self) -> Sequence[str]: ...


class CustomerTreeModel(QAbstractItemModel):
    """The navigation of a customers -> PBXs tree over ``_groups``."""

    _groups: Sequence[CustomerGroup]

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if row < 0 or column < 0 or column >= self.columnCount():
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        group_row = parent.row()
        if parent.internalId() != 0 or group_row >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[group_row].names):
            return QModelIndex()
        return self.createIndex(row, column, group_row + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].names)
        return 0
