"""Report…: write a customer's change report as PDF or HTML, in German or English.

The content comes from :func:`modmanager.ops.report.build_report` (the audit trail, backups),
the HTML from :mod:`modmanager.ops.report_html`, the PDF from :mod:`modmanager.gui.report_pdf`.
All of it is local, so it runs on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.gui.errors import describe_text
from modmanager.gui.report_pdf import write_pdf
from modmanager.ops.report import build_report
from modmanager.ops.report_html import Language, render_html
from modmanager.ops.services import Services
from modmanager.store.atomic import write_atomic

DEFAULT_DAYS = 30


class ReportDialog(QDialog):
    """Choose customer, period, language and format; Save… writes the file."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, customer: str = "") -> None:
        super().__init__(parent)
        self.services = services
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Customer report"))
        self.customer_box = QComboBox()
        customers = {record.customer for record in services.inventory.list() if record.customer}
        customers |= set(services.audit.customers())
        for name in sorted(customers, key=str.casefold):
            self.customer_box.addItem(name)
        if customer:
            self.customer_box.setCurrentText(customer)
        self.since_edit = QDateEdit(QDate.currentDate().addDays(-DEFAULT_DAYS))
        self.since_edit.setCalendarPopup(True)
        self.language_box = QComboBox()
        self.language_box.addItem("Deutsch", "de")
        self.language_box.addItem("English", "en")
        german = QLocale().language() == QLocale.Language.German
        self.language_box.setCurrentIndex(0 if german else 1)
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("PDF document"), "pdf")
        self.format_box.addItem(self.tr("Web page (HTML)"), "html")
        intro = QLabel(
            self.tr(
                "Per PBX: what changed, which settings were carried over, dropped or set to a new default, "
                "which backups exist, and what failed and how it was resolved."
            )
        )
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Customer:"), self.customer_box)
        form.addRow(self.tr("Changes since:"), self.since_edit)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Format:"), self.format_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.choose_file)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(self.customer_box.count() > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def choose_file(self) -> None:
        suffix = str(self.format_box.currentData())
        customer = self.customer_box.currentText()
        suggested = f"{customer or 'report'}-{dt.date.today():%Y-%m-%d}.{suffix}".replace("/", "-")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), suggested, f"{suffix.upper()} (*.{suffix})"
        )
        if name:
            self.write(Path(name))

    def write(self, path: Path) -> bool:
        """Build the report and write it to ``path`` (PDF or HTML after the chosen format)."""
        since_date = self.since_edit.date().toPython()
        assert isinstance(since_date, dt.date)
        since = dt.datetime.combine(since_date, dt.time()).astimezone()
        language: Language = "en" if self.language_box.currentData() == "en" else "de"
        try:
            report = build_report(self.services, self.customer_box.currentText(), since)
            html = render_html(report, language)
            if self.format_box.currentData() == "pdf":
                write_pdf(html, path, title=report.customer)
            else:
                write_atomic(path, html.encode("utf-8"))
        except ModManagerError as error:
            self.status.setStyleSheet("color: #c92a2a;")
            self.status.setText(describe_text(error))
            return False
        except OSError as error:
            self.status.setStyleSheet("color: #c92a2a;")
            self.status.setText(self.tr("{path} cannot be written ({reason}).").format(path=path, reason=error))
            return False
        self.written = path
        self.status.setStyleSheet("color: #2b8a3e;")
        self.status.setText(
            self.tr("Saved: {path} ({pbxs} PBX(s), {changes} change(s)).").format(
                path=path, pbxs=len(report.pbxs), changes=report.change_count
            )
        )
        return True
