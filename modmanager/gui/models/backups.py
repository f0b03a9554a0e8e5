"""Backups as a table: when, which PBX and module, which version, why, which instances.

Over :class:`~modmanager.store.backups.BackupInfo` (the clear header of a backup); the values
are read only when the user opens one. A file that cannot be restored - truncated, changed, not
a backup at all - is a row too (:class:`~modmanager.store.backups.DamagedBackup`), marked
damaged with the reason, so it is never mistaken for a normal backup and never hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from modmanager.core.text import clean_text
from modmanager.gui.errors import why_text
from modmanager.gui.models.modules import ROW_ROLE, SORT_ROLE
from modmanager.gui.models.table import RowsTableModel
from modmanager.store.backups import BackupInfo, DamagedBackup

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def reason_text(reason: str) -> str:
    """Why a backup was made, as people say it."""
    texts = {
        "manual": QCoreApplication.translate("Backups", "Manual"),
        "pre-update": QCoreApplication.translate("Backups", "Before update"),
        "pre-restore": QCoreApplication.translate("Backups", "Before restore"),
        "import": QCoreApplication.translate("Backups", "Imported"),
    }
    return texts.get(reason, reason)


def format_timestamp(iso: str) -> str:
    """An ISO time in the user's locale (short date and time), or the text if unreadable."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def instances_text(info: BackupInfo) -> str:
    """``Zentrale, Filiale (inactive)``: the instances a backup holds."""
    parts = [
        name if active else QCoreApplication.translate("Backups", "{name} (inactive)").format(name=name)
        for name, active in info.instances
    ]
    return ", ".join(parts) or QCoreApplication.translate("Backups", "no instances")




_DAMAGED_COLOR = QColor("#c92a2a")


def damage_text(item: DamagedBackup) -> str:
    """Why a damaged backup cannot be restored, in the interface language."""
    return why_text(item.key) or clean_text(item.problem)


class BackupsModel(RowsTableModel):
    """Backups, newest first as given, then the damaged files."""

    COLUMN_CREATED, COLUMN_PBX, COLUMN_MODULE, COLUMN_VERSION, COLUMN_REASON, COLUMN_INSTANCES = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo | DamagedBackup] = []

    def set_backups(self, backups: Sequence[BackupInfo], damaged: Sequence[DamagedBackup] = ()) -> None:
        self.beginResetModel()
        self._rows = [*backups, *damaged]
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo | DamagedBackup:
        return self._rows[row]

    def backups(self) -> list[BackupInfo]:
        return [row for row in self._rows if isinstance(row, BackupInfo)]

    def damaged(self) -> list[DamagedBackup]:
        return [row for row in self._rows if isinstance(row, DamagedBackup)]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Created"),
            self.tr("PBX"),
            self.tr("Module"),
            self.tr("Version"),
            self.tr("Reason"),
            self.tr("Instances"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if isinstance(row, DamagedBackup):
            return self._damaged_data(row, column, role)
        info = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return clean_text(
                (
                    format_timestamp(info.created_at),
                    info.pbx_name,
                    info.module_name,
                    f"v{info.module_version}",
                    reason_text(info.reason),
                    instances_text(info),
                )[column]
            )
        if role == SORT_ROLE:
            if column == self.COLUMN_CREATED:
                return info.created_at
            if column == self.COLUMN_VERSION:
                return info.module_version
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        return None

    def _damaged_data(self, item: DamagedBackup, column: int, role: int) -> Any:
        info = item.info
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                format_timestamp(info.created_at) if info else clean_text(item.path.name),
                clean_text(info.pbx_name) if info else "–",
                clean_text(info.module_name) if info else "–",
                f"v{info.module_version}" if info else "–",
                self.tr("Damaged: {why}").format(why=damage_text(item)),
                "",
            )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{file} cannot be restored: {why}.").format(
                file=clean_text(item.path.name), why=damage_text(item)
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return _DAMAGED_COLOR
        if role == SORT_ROLE:
            if column == self.COLUMN_CREATED:
                return info.created_at if info else ""
            if column == self.COLUMN_VERSION:
                return info.module_version if info else -1
            return str(self._damaged_data(item, column, Qt.ItemDataRole.DisplayRole)).casefold()
        return None
