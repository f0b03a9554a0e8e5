"""Backups as a table: when, which PBX and module, which version, why, which instances.

Over :class:`~modmanager.store.backups.BackupInfo` (the clear header of a backup), so listing
never decrypts anything; the values are read only when the user opens one.
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

from modmanager.gui.models.modules import ROW_ROLE, SORT_ROLE
from modmanager.gui.models.table import RowsTableModel
from modmanager.store.backups import BackupInfo

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




class BackupsModel(RowsTableModel):
    """Backups, newest first as given."""

    COLUMN_CREATED, COLUMN_PBX, COLUMN_MODULE, COLUMN_VERSION, COLUMN_REASON, COLUMN_INSTANCES = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._rows[row]

    def backups(self) -> list[BackupInfo]:
        return list(self._rows)

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
        info = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                format_timestamp(info.created_at),
                info.pbx_name,
                info.module_name,
                f"v{info.module_version}",
                reason_text(info.reason),
                instances_text(info),
            )[column]
        if role == SORT_ROLE:
            if column == self.COLUMN_CREATED:
                return info.created_at
            if column == self.COLUMN_VERSION:
                return info.module_version
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        return None
