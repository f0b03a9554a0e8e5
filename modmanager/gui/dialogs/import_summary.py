"""The last page of the import dialog: what was added, what was skipped and why, what is left to do.

Left to do after an import: PBXs whose row held no password or agent secret are in the list but
cannot be read until those are entered (Edit PBX); a file that held passwords should be deleted,
since the secrets now live in the credential store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.text import clean_text
from modmanager.gui.models.import_rows import problem_text
from modmanager.gui.resources import icon
from modmanager.ops.fleet_import import ImportResult, RowProblem

_ERROR_STYLE = "color: #c92a2a;"
_NAMES_SHOWN = 8


def store_words(backend: str) -> str:
    """Where the secrets went, as it fits into "kept only {store}" (see ``CredentialStore.backend_name``)."""
    if backend == "file":
        return QCoreApplication.translate("ImportSummary", "in the encrypted secrets file")
    return QCoreApplication.translate("ImportSummary", "in the system keyring")


def listing(names: Sequence[str], more: Callable[[str, int], str]) -> str:
    """``a, b, c`` - at most a few names, then ``more(shown, rest)``."""
    shown = ", ".join(clean_text(name) for name in names[:_NAMES_SHOWN])
    return more(shown, len(names) - _NAMES_SHOWN) if len(names) > _NAMES_SHOWN else shown


class ImportSummary(QWidget):
    """Added, skipped (with why), PBXs without password or agent secret, and the file to delete."""

    COLUMN_LINE, COLUMN_NAME, COLUMN_WHY = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.pinned_label = QLabel()
        self.pinned_label.setWordWrap(True)
        self.skipped_title = QLabel(self.tr("Not added:"))
        self.skipped_view = QTreeWidget()
        self.skipped_view.setColumnCount(3)
        self.skipped_view.setHeaderLabels([self.tr("Row"), self.tr("Name"), self.tr("Why")])
        self.skipped_view.setRootIsDecorated(False)
        self.skipped_view.setUniformRowHeights(True)
        self.skipped_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.skipped_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skipped_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.skipped_view.header().setStretchLastSection(True)
        self.skipped_view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.secrets_label = QLabel()
        self.secrets_label.setWordWrap(True)
        self.delete_label = QLabel()
        self.delete_label.setWordWrap(True)
        self.delete_label.setStyleSheet(_ERROR_STYLE)
        self.delete_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.pinned_label)
        layout.addWidget(self.skipped_title)
        layout.addWidget(self.skipped_view, 1)
        layout.addWidget(self.secrets_label)
        layout.addWidget(self.delete_label)
        layout.addStretch(0)

    def show_result(
        self, result: ImportResult, invalid: Sequence[RowProblem], path: Path, holds_secrets: bool, store: str
    ) -> None:
        """``invalid``: rows of the file skipped before the import (problems, no certificate);
        ``store``: where the secrets are kept now (:func:`store_words`)."""
        skipped = sorted([*invalid, *result.skipped], key=lambda problem: problem.line)
        self.headline.setText(
            self.tr("PBXs added: {added}. Rows not added: {skipped}.").format(
                added=len(result.added), skipped=len(skipped)
            )
        )
        self.pinned_label.setText(
            self.tr(
                "{pinned} certificates were pinned; modmanager now reads the new PBXs. "
                "A changed certificate will be refused."
            ).format(pinned=len(result.pinned))
            if result.added
            else ""
        )
        self.pinned_label.setVisible(bool(result.added))
        self.skipped_view.clear()
        for problem in skipped:
            item = QTreeWidgetItem(self.skipped_view)
            item.setText(self.COLUMN_LINE, str(problem.line))
            item.setTextAlignment(self.COLUMN_LINE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setText(self.COLUMN_NAME, clean_text(problem.name))
            why = problem_text(problem.error)
            item.setText(self.COLUMN_WHY, why)
            item.setToolTip(self.COLUMN_WHY, why)
            item.setIcon(self.COLUMN_WHY, icon("incompatible"))
        for column in (self.COLUMN_LINE, self.COLUMN_NAME):
            self.skipped_view.resizeColumnToContents(column)
        self.skipped_title.setVisible(bool(skipped))
        self.skipped_view.setVisible(bool(skipped))
        self.secrets_label.setText(self._secrets_text(result))
        self.secrets_label.setVisible(bool(self.secrets_label.text()))
        self.delete_label.setText(
            self.tr(
                "The file {file} holds passwords or agent secrets. They are now kept only {store}: delete the "
                "file (or remove those columns)."
            ).format(file=clean_text(str(path)), store=store)
            if holds_secrets
            else ""
        )
        self.delete_label.setVisible(holds_secrets)

    def _secrets_text(self, result: ImportResult) -> str:
        missing = list(dict.fromkeys([*result.without_password, *result.without_agent_secret]))
        if not missing:
            return ""

        def more(shown: str, rest: int) -> str:
            return self.tr("{names} and {count} more").format(names=shown, count=rest)

        return self.tr(
            "Without password or agent secret in the file: {names}. Enter them with Edit PBX; until then "
            "modmanager cannot read these PBXs ({count})."
        ).format(names=listing(missing, more), count=len(missing))
