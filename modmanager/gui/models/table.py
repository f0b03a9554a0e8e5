"""The part every flat table model here shares: rows in a list, one header per column.

Also the proxy every view sits on (:class:`CleanTextProxy`): what a PBX sent - module, vendor
and instance names, versions, messages - reaches the screen only through
:func:`~modmanager.core.text.clean_text`, so a line break or a bidi override in a name cannot
forge or reorder what a row shows, and a 200 MB name is cut.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from modmanager.core.text import clean_lines, clean_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class RowsTableModel(QAbstractTableModel):
    """Subclasses keep their rows in ``self._rows`` and name their columns in :meth:`headers`
    (translated with their own ``self.tr`` so each keeps its translation context)."""

    _rows: list[Any]

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]


_MAX_TOOLTIP = 2000


class CleanTextProxy(QSortFilterProxyModel):
    """A sort/filter proxy whose displayed texts and tooltips are cleaned (one line for a cell)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if isinstance(value, str):
            if role == Qt.ItemDataRole.DisplayRole:
                return clean_text(value)
            if role == Qt.ItemDataRole.ToolTipRole:
                return clean_lines(value, _MAX_TOOLTIP)
        return value
