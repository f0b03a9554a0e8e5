"""History: the audit trail of every change to a PBX, with filters and an integrity check.

Reads the inventory's audit table (local, fast) on the GUI thread. The details pane says per
instance which settings were carried over, dropped or new, the error and the failed health
checks; "Check integrity" recomputes the hash chain and names every altered row.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from modmanager.gui.dialogs.schedule_dialog import local_time
from modmanager.gui.models.table import Index, RowsTableModel
from modmanager.ops.services import Services
from modmanager.store.audit import AuditRecord, InstanceChange

DEFAULT_DAYS = 30
_ALL = ""


def action_text(action: str) -> str:
    """An audit action in the interface language."""
    texts = {
        "install": QCoreApplication.translate("History", "Install"),
        "update": QCoreApplication.translate("History", "Update"),
        "rollback": QCoreApplication.translate("History", "Rollback"),
        "recovery": QCoreApplication.translate("History", "Recovery"),
        "restore": QCoreApplication.translate("History", "Restore"),
        "instance-state": QCoreApplication.translate("History", "Instance on/off"),
        "agent-secret": QCoreApplication.translate("History", "Agent secret"),
        "pbx-added": QCoreApplication.translate("History", "PBX added"),
        "pbx-removed": QCoreApplication.translate("History", "PBX removed"),
        "pbx-renamed": QCoreApplication.translate("History", "PBX renamed"),
        "hold": QCoreApplication.translate("History", "Hold"),
        "unhold": QCoreApplication.translate("History", "Hold released"),
        "skip": QCoreApplication.translate("History", "Release skipped"),
        "unskip": QCoreApplication.translate("History", "Skip released"),
    }
    return texts.get(action, action)


def outcome_text(outcome: str) -> str:
    texts = {
        "ok": QCoreApplication.translate("History", "succeeded"),
        "failed": QCoreApplication.translate("History", "failed"),
        "rolled-back": QCoreApplication.translate("History", "failed, rolled back"),
        "kept-new": QCoreApplication.translate("History", "failed, new version kept"),
        "not-finished": QCoreApplication.translate("History", "failed, recovery needed"),
    }
    return texts.get(outcome, outcome)


def _versions(row: AuditRecord) -> str:
    if row.from_version is None and row.to_version is None:
        return ""
    start = "–" if row.from_version is None else f"v{row.from_version}"
    end = "–" if row.to_version is None else f"v{row.to_version}"
    return f"{start} → {end}"


class AuditModel(RowsTableModel):
    """Audit rows, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Change"),
            self.tr("PBX"),
            self.tr("Customer"),
            self.tr("Module"),
            self.tr("Versions"),
            self.tr("Result"),
            self.tr("By"),
        )

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self.endResetModel()

    def row_at(self, row: int) -> AuditRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 6 and row.outcome != "ok":
            return QColor("#c92a2a")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            local_time(row.at, weekday=False),
            action_text(row.action),
            row.pbx,
            row.customer,
            row.module_name or row.module_id,
            _versions(row),
            outcome_text(row.outcome),
            f"{row.os_user}@{row.workstation}",
        )
        return values[index.column()]


class HistoryDialog(QDialog):
    """The audit trail with filters (PBX, customer, since, text) and an integrity check."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, pbx: str | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("History of changes"))
        self.pbx_box = QComboBox()
        self.customer_box = QComboBox()
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-DEFAULT_DAYS))
        self.since_edit.setCalendarPopup(True)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Filter by module, change or person"))
        self._fill_filters(pbx)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("PBX:"), self.pbx_box),
            (self.tr("Customer:"), self.customer_box),
            (self.tr("Since:"), self.since_edit),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search_edit, 1)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([360, 140])

        self.count_label = QLabel()
        self.integrity_label = QLabel()
        self.integrity_label.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Check integrity"))
        self.verify_button.setToolTip(self.tr("Recompute the hash chain: a changed or deleted entry is found"))
        self.verify_button.clicked.connect(self.verify)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.integrity_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(bottom)
        self.resize(1040, 620)

        self.pbx_box.currentIndexChanged.connect(self.reload)
        self.customer_box.currentIndexChanged.connect(self.reload)
        self.since_edit.dateChanged.connect(self.reload)
        self.search_edit.textChanged.connect(self.reload)
        self.reload()

    def _fill_filters(self, pbx: str | None) -> None:
        names = sorted({record.name for record in self.services.inventory.list()}, key=str.casefold)
        self.pbx_box.addItem(self.tr("All PBXs"), _ALL)
        for name in names:
            self.pbx_box.addItem(name, name)
        customers = {record.customer for record in self.services.inventory.list() if record.customer}
        customers |= set(self.services.audit.customers())
        self.customer_box.addItem(self.tr("All customers"), _ALL)
        for customer in sorted(customers, key=str.casefold):
            self.customer_box.addItem(customer, customer)
        if pbx:
            index = self.pbx_box.findData(pbx)
            if index >= 0:
                self.pbx_box.setCurrentIndex(index)

    def reload(self) -> None:
        """Query the audit trail with the current filters."""
        since_date = self.since_edit.date().toPython()
        assert isinstance(since_date, dt.date)
        since = dt.datetime.combine(since_date, dt.time()).astimezone()
        rows = self.services.audit.query(
            pbx=self.pbx_box.currentData() or None,
            customer=self.customer_box.currentData() or None,
            since=since,
        )
        needle = self.search_edit.text().strip().casefold()
        if needle:
            rows = [row for row in rows if needle in _haystack(row)]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} entries").format(count=len(rows)))
        self.details.clear()

    def verify(self) -> None:
        check = self.services.audit.verify()
        if check.ok:
            self.integrity_label.setStyleSheet("color: #2b8a3e;")
            self.integrity_label.setText(
                self.tr("Intact: {rows} entries, the hash chain is unbroken.").format(rows=check.rows)
            )
        else:
            self.integrity_label.setStyleSheet("color: #c92a2a; font-weight: bold;")
            rows = ", ".join(str(problem.seq) for problem in check.problems)
            self.integrity_label.setText(
                self.tr("Altered! Entries {rows} were changed or removed after they were written.").format(rows=rows)
            )

    def _show_details(self, *_args: object) -> None:
        indexes = self.table.selectionModel().selectedRows()
        row = self.model.row_at(indexes[0].row()) if indexes else None
        self.details.setHtml("" if row is None else self._details_html(row))

    def _details_html(self, row: AuditRecord) -> str:
        parts = [f"<b>{escape(action_text(row.action))}</b> – {escape(outcome_text(row.outcome))}"]
        if row.detail.get("origin") == "schedule":
            parts.append(escape(self.tr("Scheduled job {job}").format(job=row.detail.get("job", ""))))
        for item in row.instances:
            parts.append(escape(_instance_text(item)))
        checks = row.detail.get("failedChecks")
        if isinstance(checks, list) and checks:
            failed = "; ".join(str(check.get("message", "")) for check in checks if isinstance(check, dict))
            parts.append(escape(self.tr("Failed health check: {checks}").format(checks=failed)))
        elif row.detail.get("message"):
            parts.append(escape(str(row.detail["message"])))
        if row.detail.get("reason"):
            parts.append(escape(self.tr("Reason: {reason}").format(reason=row.detail["reason"])))
        if row.error_code:
            parts.append(escape(self.tr("Error code: {code}").format(code=row.error_code)))
        parts.append(f"<span style='color:#868e96'>#{row.seq} · {escape(row.hash[:16])}…</span>")
        return "<br>".join(parts)


def _instance_text(item: InstanceChange) -> str:
    pieces = []
    if item.carried:
        pieces.append(
            QCoreApplication.translate("History", "carried over: {items}").format(
                items=", ".join(item.label(key) for key in item.carried)
            )
        )
    if item.dropped:
        pieces.append(
            QCoreApplication.translate("History", "dropped: {items}").format(
                items=", ".join(item.label(key) for key in item.dropped)
            )
        )
    if item.new:
        pieces.append(
            QCoreApplication.translate("History", "new: {items}").format(
                items=", ".join(f"{item.label(key)} = {value}" if value else item.label(key) for key, value in item.new)
            )
        )
    joined = "; ".join(pieces) or QCoreApplication.translate("History", "no settings")
    return QCoreApplication.translate("History", "Instance “{name}”: {changes}").format(name=item.name, changes=joined)


def _haystack(row: AuditRecord) -> str:
    return " ".join(
        (row.action, action_text(row.action), row.module_name, row.module_id, row.os_user, row.workstation, row.pbx)
    ).casefold()
