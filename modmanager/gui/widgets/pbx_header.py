"""The header above the module tables: which PBX this is and what it is licensed for.

Shows the STARFACE version, edition, the licenses (NFR licenses stand out: they decide which
builds are installed; demo licenses with their expiry), the server license key or, on a Free
Edition, the hardware ID with a copy button (vendors ask for it when issuing module keys),
and when the facts were read.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QSize, Qt
from PySide6.QtGui import QAction, QFont, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.fleet_status import FleetStatus
from modmanager.core.protocol import Edition, License, LicenseKind, SystemInfo
from modmanager.core.text import clean_text
from modmanager.gui import theme
from modmanager.gui.models.fleet import PbxEntry, status_icon, status_text
from modmanager.gui.resources import icon

_WARNING_STYLE = "color: #c92a2a;"
_NFR_KINDS = (LicenseKind.NFR_SERVER, LicenseKind.NFR_USER)


def edition_text(edition: Edition) -> str:
    texts = {
        Edition.APPLIANCE: QCoreApplication.translate("PbxHeader", "Appliance"),
        Edition.VM: QCoreApplication.translate("PbxHeader", "Virtual machine"),
        Edition.CLOUD: QCoreApplication.translate("PbxHeader", "STARFACE Cloud"),
        Edition.FREE: QCoreApplication.translate("PbxHeader", "Free Edition"),
        Edition.UNKNOWN: QCoreApplication.translate("PbxHeader", "Edition unknown"),
    }
    return texts[edition]


def license_text(license_: License, *, cloud: bool = False) -> str:
    """One license as a partner names it, with its count and (for demo licenses) its expiry."""
    count = QLocale().toString(license_.count)
    texts = {
        LicenseKind.SERVER: QCoreApplication.translate("PbxHeader", "Server license"),
        LicenseKind.USER: QCoreApplication.translate("PbxHeader", "{count} user licenses").format(count=count),
        LicenseKind.NFR_SERVER: QCoreApplication.translate("PbxHeader", "NFR server license"),
        LicenseKind.NFR_USER: QCoreApplication.translate("PbxHeader", "{count} NFR user licenses").format(count=count),
        LicenseKind.SUBSCRIPTION: QCoreApplication.translate("PbxHeader", "Subscription"),
        LicenseKind.DEMO: QCoreApplication.translate("PbxHeader", "Demo license"),
        LicenseKind.REDUNDANCY: QCoreApplication.translate("PbxHeader", "Redundancy system"),
    }
    text = texts[license_.kind]
    if license_.expires:
        date = QDate.fromString(license_.expires[:10], Qt.DateFormat.ISODate)
        shown = (
            QLocale().toString(date, QLocale.FormatType.ShortFormat) if date.isValid() else clean_text(license_.expires)
        )
        if date.isValid() and date < QDate.currentDate():
            text = QCoreApplication.translate("PbxHeader", "{license}, expired on {date}")
        else:
            text = QCoreApplication.translate("PbxHeader", "{license}, expires on {date}")
        text = text.format(license=texts[license_.kind], date=shown)
    if cloud and license_.kind in _NFR_KINDS:
        text = QCoreApplication.translate("PbxHeader", "{license} (not valid on STARFACE Cloud)").format(license=text)
    return text


def format_moment(moment: dt.datetime) -> str:
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class ElidedLabel(QLabel):
    """A one-line label that gives way in a narrow window: it shortens its text with "…".

    The whole text stays in the tooltip. Used for what is nice to see but must not decide the
    window's minimum width (the customer, when the PBX was read).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 0))
        super().setText(shown)


class PbxHeader(QFrame):
    """Facts about the selected PBX; :meth:`show_entry` fills it, :meth:`clear` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_icon = QLabel()
        self.status_label = QLabel()
        self.customer_label = ElidedLabel()
        self.customer_label.setEnabled(False)

        self.starface_label = QLabel()
        self.edition_label = QLabel()
        self.licenses_box = QWidget()
        self._licenses_layout = QHBoxLayout(self.licenses_box)
        self._licenses_layout.setContentsMargins(0, 0, 0, 0)
        self._licenses_layout.setSpacing(12)
        self.key_caption = QLabel()
        self.key_label = QLabel()
        self.key_label.setFont(theme.monospace_font())
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # What a PBX sent is never rich text: "<img src=...>" in a key or a message stays text.
        for label in (self.title, self.starface_label, self.key_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy to the clipboard (vendors need it to issue module license keys)"))
        self.copy_button.clicked.connect(self.copy_key)
        self.checked_label = ElidedLabel()
        self.checked_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.checked_label.setEnabled(False)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(_WARNING_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.trust_button = QToolButton()  # "Trust new certificate…" (set_trust_action), for a changed certificate
        self.trust_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.trust_button.hide()

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.status_icon)
        title_row.addWidget(self.status_label)
        title_row.addSpacing(12)
        title_row.addWidget(self.customer_label, 1)
        title_row.addSpacing(12)
        title_row.addWidget(self.checked_label, 1)

        key_row = QHBoxLayout()
        key_row.setContentsMargins(24, 0, 0, 0)
        key_row.setSpacing(8)
        key_row.addWidget(self.key_caption)
        key_row.addWidget(self.key_label)
        key_row.addWidget(self.copy_button)
        key_row.addStretch(1)

        # Two lines of facts: version, edition and key; then the licenses.
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self._captions = [QLabel(self.tr("STARFACE:")), QLabel(self.tr("Edition:")), QLabel(self.tr("Licenses:"))]
        grid.addWidget(self._captions[0], 0, 0)
        grid.addWidget(self.starface_label, 0, 1)
        grid.addWidget(self._captions[1], 0, 2)
        grid.addWidget(self.edition_label, 0, 3)
        grid.addLayout(key_row, 0, 4)
        grid.addWidget(self._captions[2], 1, 0)
        grid.addWidget(self.licenses_box, 1, 1, 1, 4)
        grid.setColumnStretch(4, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(title_row)
        self.facts = QWidget()
        self.facts.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.facts)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_label, 1)
        message_row.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.clear()

    def set_trust_action(self, action: QAction) -> None:
        """The action the "Trust new certificate…" button runs (shown only for a changed certificate)."""
        self.trust_button.setDefaultAction(action)

    @property
    def key_text(self) -> str:
        """The server license key or hardware ID shown (what Copy copies)."""
        return self.key_label.text()

    def clear(self) -> None:
        """Nothing selected."""
        self.title.setText(self.tr("No PBX selected"))
        for label in (
            self.status_label,
            self.customer_label,
            self.starface_label,
            self.edition_label,
            self.key_label,
            self.checked_label,
            self.message_label,
            self.key_caption,
        ):
            label.clear()
        self.status_icon.clear()
        self._set_licenses([])
        self.copy_button.hide()
        self.message_label.hide()
        self.trust_button.hide()
        for caption in self._captions:
            caption.hide()
        self.facts.hide()

    def show_entry(self, entry: PbxEntry) -> None:
        """Show a PBX from the list: its status now and its last known facts."""
        self.title.setText(clean_text(entry.name))
        self.status_icon.setPixmap(status_icon(entry.status).pixmap(16, 16))
        self.status_label.setText(status_text(entry.status))
        self.customer_label.setText(entry.record.customer if entry.record.customer != entry.name else "")
        self.message_label.setText(clean_text(entry.message, 2000))
        self.message_label.setVisible(bool(entry.message))
        self.trust_button.setVisible(entry.status is FleetStatus.CERTIFICATE_CHANGED)
        snapshot = entry.snapshot
        for caption in self._captions:
            caption.setVisible(snapshot is not None)
        self.facts.setVisible(snapshot is not None)
        if snapshot is None:
            for label in (self.starface_label, self.edition_label, self.key_label, self.key_caption):
                label.clear()
            self._set_licenses([])
            self.copy_button.hide()
            self.checked_label.setText(self.tr("No facts known yet: the PBX has not answered so far."))
            return
        self._show_info(snapshot.info)
        self.checked_label.setText(self.tr("Read on {time}").format(time=format_moment(snapshot.fetched_at)))

    def _show_info(self, info: SystemInfo) -> None:
        self.starface_label.setText(clean_text(info.starface_version))
        self.edition_label.setText(edition_text(info.edition))
        cloud = info.edition is Edition.CLOUD
        self._set_licenses([(lic, license_text(lic, cloud=cloud)) for lic in info.licenses], show_none=True)
        if info.edition is Edition.FREE or not info.server_license_key:
            self.key_caption.setText(self.tr("Hardware ID:"))
            key = info.hardware_id or ""
        else:
            self.key_caption.setText(self.tr("Server license key:"))
            key = info.server_license_key or ""
        self.key_label.setText(clean_text(key) if key else self.tr("(not reported)"))
        self.copy_button.setVisible(bool(key))

    def _set_licenses(self, licenses: list[tuple[License, str]], *, show_none: bool = False) -> None:
        while self._licenses_layout.count():
            item = self._licenses_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater alone left the old licenses painted under the new ones
                widget.deleteLater()
        if not licenses and show_none:
            none = QLabel(self.tr("none reported"))
            none.setEnabled(False)
            self._licenses_layout.addWidget(none)
        for license_, text in licenses:
            label = QLabel(text)
            if license_.kind in _NFR_KINDS:
                chip = QWidget()
                row = QHBoxLayout(chip)
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(4)
                symbol = QLabel()
                symbol.setPixmap(icon("nfr").pixmap(16, 16))
                bold = QFont(label.font())
                bold.setBold(True)
                label.setFont(bold)
                label.setToolTip(self.tr("Partner license: NFR module builds are installed where the module has one."))
                row.addWidget(symbol)
                row.addWidget(label)
                self._licenses_layout.addWidget(chip)
            else:
                if license_.kind is LicenseKind.DEMO and license_.expires:
                    expiry = QDate.fromString(license_.expires[:10], Qt.DateFormat.ISODate)
                    if expiry.isValid() and expiry.addDays(-30) < QDate.currentDate():
                        label.setStyleSheet(_WARNING_STYLE)
                self._licenses_layout.addWidget(label)
        self._licenses_layout.addStretch(1)

    def copy_key(self) -> None:
        """Put the server license key or hardware ID on the clipboard."""
        QGuiApplication.clipboard().setText(self.key_text)
