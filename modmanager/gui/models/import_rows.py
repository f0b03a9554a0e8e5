"""The rows of an import file as the import dialog previews them: one table row per file row.

The use case's plan and certificate checks (:mod:`modmanager.ops.fleet_import`) become
:class:`PreviewRow` values (:func:`preview_rows`, :func:`check_changes`): what the file says,
plus the row's state - a problem in the file, the certificate the PBX presents, what happened
on import - shown by :class:`ImportPreviewModel`. Rows are found by their line in the file, so
a certificate check or an import result changes just that row.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QIcon

from modmanager.core.errors import ModManagerError
from modmanager.core.text import clean_text
from modmanager.gui import theme
from modmanager.gui.errors import describe_text
from modmanager.gui.models.table import Index, RowsTableModel
from modmanager.gui.resources import icon
from modmanager.ops.fleet_import import CertificateCheck, ImportPlan
from modmanager.pbx import tls

_PROBLEM_COLOR = QColor("#c92a2a")


class RowState(enum.Enum):
    """Where one row of the file is: each state has its text and icon."""

    READY = "ready"
    """Valid; its certificate was not checked yet."""
    PROBLEM = "problem"
    """The file's row is wrong (the note says how); it cannot be added."""
    TRUSTED = "trusted"
    """The certificate is trusted by the system or matches the fingerprint in the file."""
    TO_CONFIRM = "to-confirm"
    """The PBX presents a certificate to pin on import (self-signed): the user confirms it."""
    UNREACHABLE = "unreachable"
    """The certificate could not be read, or differs from the file's fingerprint."""
    ADDED = "added"
    SKIPPED = "skipped"

    @property
    def is_bad(self) -> bool:
        return self in (RowState.PROBLEM, RowState.UNREACHABLE, RowState.SKIPPED)


def state_text(state: RowState) -> str:
    texts = {
        RowState.READY: QCoreApplication.translate("ImportRows", "Ready"),
        RowState.PROBLEM: QCoreApplication.translate("ImportRows", "Problem"),
        RowState.TRUSTED: QCoreApplication.translate("ImportRows", "Certificate trusted"),
        RowState.TO_CONFIRM: QCoreApplication.translate("ImportRows", "Certificate to pin"),
        RowState.UNREACHABLE: QCoreApplication.translate("ImportRows", "Certificate not usable"),
        RowState.ADDED: QCoreApplication.translate("ImportRows", "Added"),
        RowState.SKIPPED: QCoreApplication.translate("ImportRows", "Skipped"),
    }
    return texts[state]


def state_icon(state: RowState) -> QIcon:
    names = {
        RowState.READY: "untested",
        RowState.PROBLEM: "incompatible",
        RowState.TRUSTED: "ok",
        RowState.TO_CONFIRM: "certificate-changed",
        RowState.UNREACHABLE: "unreachable",
        RowState.ADDED: "ok",
        RowState.SKIPPED: "incompatible",
    }
    return icon(names[state])


@dataclass(frozen=True)
class PreviewRow:
    """One row of the import file, as the preview shows it."""

    line: int
    name: str
    customer: str = ""
    tags: tuple[str, ...] = ()
    url: str = ""
    state: RowState = RowState.READY
    note: str = ""
    """Why the row has a problem or was skipped, or what its certificate is; empty for plain rows."""
    fingerprint: str = ""
    """The SHA-256 fingerprint the PBX presents (64 hex digits) once checked."""


def problem_text(error: ModManagerError) -> str:
    """An import error in the interface language (message and hint)."""
    return describe_text(error)


def preview_rows(plan: ImportPlan) -> list[PreviewRow]:
    """Every row the plan considered: the valid ones ready, the others with their problem."""
    rows = [
        PreviewRow(row.line, row.name, row.customer, row.tags, row.url, fingerprint=row.fingerprint or "")
        for row in plan.rows
    ]
    rows += [
        PreviewRow(problem.line, problem.name, state=RowState.PROBLEM, note=problem_text(problem.error))
        for problem in plan.problems
    ]
    return rows


def check_changes(checks: Sequence[CertificateCheck]) -> list[tuple[int, dict[str, Any]]]:
    """What the certificate checks change in the rows (for :meth:`ImportPreviewModel.update_rows`).

    A row whose check was stopped (``import_cancelled``) stays ready: it was not looked at.
    """
    changes: list[tuple[int, dict[str, Any]]] = []
    for check in checks:
        line = check.row.line
        fingerprint = check.certificate.sha256 if check.certificate is not None else ""
        if check.error is not None and check.error.code == "import_cancelled":
            changes.append((line, {"state": RowState.READY, "note": ""}))
        elif check.error is not None:
            changes.append(
                (line, {"state": RowState.UNREACHABLE, "note": problem_text(check.error), "fingerprint": fingerprint})
            )
        elif check.needs_trust:
            changes.append((line, {"state": RowState.TO_CONFIRM, "fingerprint": fingerprint}))
        else:
            changes.append((line, {"state": RowState.TRUSTED, "fingerprint": fingerprint}))
    return changes


def short_fingerprint(fingerprint: str) -> str:
    """``AB:CD:EF:…:12:34:56``: enough to compare by eye; the tooltip shows it whole."""
    if not fingerprint:
        return ""
    full = tls.format_fingerprint(fingerprint)
    return f"{full[:8]}…{full[-8:]}"


class ImportPreviewModel(RowsTableModel):
    """The file's rows with their state; problem rows are marked red with the reason."""

    COLUMN_LINE, COLUMN_NAME, COLUMN_CUSTOMER, COLUMN_TAGS, COLUMN_URL, COLUMN_CERTIFICATE, COLUMN_STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._by_line: dict[int, int] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Row"),
            self.tr("Name"),
            self.tr("Customer"),
            self.tr("Tags"),
            self.tr("Address"),
            self.tr("Certificate (SHA-256)"),
            self.tr("Status"),
        )

    def set_rows(self, rows: Iterable[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda row: row.line)
        self._by_line = {row.line: number for number, row in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[PreviewRow]:
        return list(self._rows)

    def row(self, line: int) -> PreviewRow | None:
        number = self._by_line.get(line)
        return self._rows[number] if number is not None else None

    def update_rows(self, changes: Sequence[tuple[int, dict[str, Any]]]) -> None:
        """Change fields of the rows at these lines (``(line, {"state": ..., ...})``); one signal."""
        touched: list[int] = []
        for line, fields in changes:
            number = self._by_line.get(line)
            if number is not None:
                self._rows[number] = dataclasses.replace(self._rows[number], **fields)
                touched.append(number)
        if touched:
            right = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(touched), 0), self.index(max(touched), right))

    def count(self, *states: RowState) -> int:
        return sum(1 for row in self._rows if row.state in states)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COLUMN_CERTIFICATE and row.fingerprint:
                full = tls.format_fingerprint(row.fingerprint)
                return full[:48] + "\n" + full[48:]
            if column == self.COLUMN_STATUS:
                return row.note or state_text(row.state)
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return state_icon(row.state)
        if role == Qt.ItemDataRole.ForegroundRole and row.state.is_bad and column == self.COLUMN_STATUS:
            return _PROBLEM_COLOR
        if role == Qt.ItemDataRole.FontRole and column == self.COLUMN_CERTIFICATE:
            return theme.monospace_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COLUMN_LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: PreviewRow, column: int) -> str:
        if column == self.COLUMN_LINE:
            return str(row.line)
        if column == self.COLUMN_NAME:
            return clean_text(row.name)
        if column == self.COLUMN_CUSTOMER:
            return clean_text(row.customer)
        if column == self.COLUMN_TAGS:
            return clean_text(", ".join(row.tags))
        if column == self.COLUMN_URL:
            return clean_text(row.url)
        if column == self.COLUMN_CERTIFICATE:
            return short_fingerprint(row.fingerprint)
        if row.note and row.state in (RowState.PROBLEM, RowState.UNREACHABLE, RowState.SKIPPED):
            return clean_text(row.note)
        return state_text(row.state)
