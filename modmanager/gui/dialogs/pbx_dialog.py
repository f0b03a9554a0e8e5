"""Add or edit a PBX: its address, login, agent instance and secret, and trust in its certificate.

The dialog saves the PBX to the inventory and the password and agent secret to the credential
store when the user presses Save, through the use case :mod:`modmanager.ops.pbxs` that the
command line uses too. Network work (reading the certificate, testing the login) runs in the
:class:`~modmanager.gui.tasks.TaskRunner`; the functions doing it are passed in, so tests
hand in plain functions and the dialog never talks to a PBX itself. When the PBX answers that
the agent is missing, the dialog links the installation guide.

Certificates are trusted on first use: a PBX whose certificate the system does not trust
(usually self-signed) shows its SHA-256 fingerprint, subject and expiry, and the user pins
it or cancels. A pinned certificate that changed is shown as a warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.tags import split_tags
from modmanager.core.windows import MaintenanceWindow, parse_window
from modmanager.gui import theme
from modmanager.gui.agent_export import install_guide, open_install_guide
from modmanager.gui.errors import describe_text
from modmanager.gui.resources import icon
from modmanager.gui.tasks import TaskRunner
from modmanager.ops import pbxs
from modmanager.pbx import tls
from modmanager.pbx.tls import CertificateInfo
from modmanager.store.credentials import CredentialStore
from modmanager.store.inventory import DEFAULT_AGENT_INSTANCE, Inventory, PbxRecord, normalize_pbx_url
from modmanager.store.windows import WindowStore

FetchCertificate = Callable[[str], CertificateInfo]
"""``fetch_certificate(url)``: the certificate the PBX at ``url`` presents (worker thread)."""
TestConnection = Callable[[PbxRecord, str, str], str]
"""``test_connection(record, password, agent_secret)``: log in, return a one-line summary (worker thread)."""
AskTrust = Callable[[QWidget, CertificateInfo, str, "str | None"], bool]
"""``ask_trust(parent, certificate, url, previous_fingerprint)``: True if the user pins it."""

_CONNECT_TIMEOUT_S = 10.0
_ERROR_STYLE = "color: #c92a2a;"


def normalize_address(text: str) -> str:
    """``host``, ``host:port`` or ``https://host[:port]`` as ``https://host:port``.

    Raises:
        StoreError: for an empty or invalid address, or one that is not https.
    """
    cleaned = text.strip()
    if cleaned and "://" not in cleaned:
        cleaned = "https://" + cleaned
    return normalize_pbx_url(cleaned)


def fetch_certificate(url: str) -> CertificateInfo:
    """The default :data:`FetchCertificate`: read the certificate without trusting it."""
    return pbxs.fetch_certificate(url, _CONNECT_TIMEOUT_S)


def test_connection(record: PbxRecord, password: str, agent_secret: str) -> str:
    """The default :data:`TestConnection`: ask the agent for its system information."""
    info = pbxs.check_connection(record, password, agent_secret, timeout=_CONNECT_TIMEOUT_S).info
    return QCoreApplication.translate("PbxDialog", "STARFACE {starface}, agent {agent}").format(
        starface=info.starface_version, agent=info.agent_version
    )


class CertificateTrustDialog(QDialog):
    """Shows a certificate the system does not trust and asks whether to pin it."""

    def __init__(
        self, parent: QWidget | None, certificate: CertificateInfo, url: str, previous_fingerprint: str | None
    ) -> None:
        super().__init__(parent)
        changed = previous_fingerprint is not None and previous_fingerprint != certificate.sha256
        self.setWindowTitle(self.tr("Certificate changed") if changed else self.tr("Trust this certificate?"))
        symbol = QLabel()
        symbol.setPixmap(icon("certificate-changed" if changed else "untested").pixmap(40, 40))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)

        if changed:
            intro = self.tr(
                "The PBX at {url} presents a different certificate than the one you trusted before. "
                "If nobody renewed the certificate, someone may be intercepting the connection."
            ).format(url=url)
        else:
            intro = self.tr(
                "The PBX at {url} presents a certificate that this computer does not trust, "
                "usually because it is self-signed."
            ).format(url=url)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)

        details = QFormLayout()
        self.fingerprint_label = QLabel(_two_lines(tls.format_fingerprint(certificate.sha256)))
        self.fingerprint_label.setFont(theme.monospace_font())
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.addRow(self.tr("SHA-256 fingerprint:"), self.fingerprint_label)
        if changed and previous_fingerprint is not None:
            previous = QLabel(_two_lines(tls.format_fingerprint(previous_fingerprint)))
            previous.setFont(theme.monospace_font())
            details.addRow(self.tr("Trusted before:"), previous)
        subject = QLabel(certificate.subject or self.tr("(none)"))
        subject.setWordWrap(True)
        details.addRow(self.tr("Subject:"), subject)
        details.addRow(self.tr("Valid until:"), QLabel(_format_expiry(certificate.not_after)))

        advice = QLabel(
            self.tr(
                "Compare the fingerprint with the one shown on the PBX (or by its administrator). "
                "Trust it only if they are the same."
            )
        )
        advice.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(self.tr("Trust certificate"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter must not pin a certificate by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        text = QVBoxLayout()
        text.addWidget(intro_label)
        text.addLayout(details)
        text.addWidget(advice)
        row = QHBoxLayout()
        row.addWidget(symbol)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(660)


def _two_lines(fingerprint: str) -> str:
    """AA:BB:... split after 16 bytes: the whole fingerprint stays readable without scrolling."""
    return fingerprint[:48] + "\n" + fingerprint[48:]


def ask_to_trust_certificate(
    parent: QWidget, certificate: CertificateInfo, url: str, previous_fingerprint: str | None
) -> bool:
    """The default :data:`AskTrust`: a modal :class:`CertificateTrustDialog`."""
    dialog = CertificateTrustDialog(parent, certificate, url, previous_fingerprint)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _format_expiry(iso_time: str) -> str:
    try:
        moment = datetime.fromisoformat(iso_time)
    except ValueError:
        return iso_time
    shown = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), QLocale.FormatType.ShortFormat)
    if moment.timestamp() < QDateTime.currentSecsSinceEpoch():
        return QCoreApplication.translate("PbxDialog", "{date} (expired)").format(date=shown)
    return shown


class PbxDialog(QDialog):
    """Add a PBX (``record=None``) or edit one; saves on Save and then holds :attr:`saved_record`.

    Args:
        parent: the owning window.
        runner: runs the certificate check and the connection test (key: the PBX name).
        inventory: where the PBX is saved.
        credentials: where the password and the agent secret are saved (never shown again).
        record: the PBX to edit, or None to add one.
        fetch_certificate, test_connection: network functions, see the type aliases.
        ask_trust: asks the user to pin an untrusted certificate.
    """

    def __init__(
        self,
        parent: QWidget | None,
        runner: TaskRunner,
        *,
        inventory: Inventory,
        credentials: CredentialStore,
        record: PbxRecord | None = None,
        fetch_certificate: FetchCertificate = fetch_certificate,
        test_connection: TestConnection = test_connection,
        ask_trust: AskTrust = ask_to_trust_certificate,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._inventory = inventory
        self._credentials = credentials
        self._original = record
        self._fetch_certificate = fetch_certificate
        self._test_connection = test_connection
        self._ask_trust = ask_trust
        self._fingerprint = record.fingerprint if record else None
        self.saved_record: PbxRecord | None = None
        self.setWindowTitle(self.tr("Edit PBX") if record else self.tr("Add PBX"))

        self.name_edit = QLineEdit(record.name if record else "")
        self.name_edit.setPlaceholderText(self.tr("e.g. mueller-hq"))
        self.customer_edit = QLineEdit(record.customer if record else "")
        self.address_edit = QLineEdit(record.url if record else "")
        self.address_edit.setPlaceholderText(self.tr("host, host:port or https://host:port"))
        self.address_edit.textEdited.connect(self._address_edited)
        self.login_edit = QLineEdit(record.login_id if record else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if record:
            self.password_edit.setPlaceholderText(self.tr("Leave empty to keep the stored password"))
        self.agent_edit = QLineEdit(record.agent_instance if record else DEFAULT_AGENT_INSTANCE)
        self.agent_edit.setToolTip(self.tr("Name of the modmanager agent's module instance on the PBX."))
        self.agent_secret_edit = QLineEdit()
        self.agent_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.agent_secret_edit.setToolTip(
            self.tr(
                "The secret set in the agent's module configuration "
                "(STARFACE admin > Module > Modul-Konfiguration)."
            )
        )
        if record:
            self.agent_secret_edit.setPlaceholderText(self.tr("Leave empty to keep the stored secret"))
        self.tags_edit = QLineEdit(", ".join(record.tags) if record else "")
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. partner, berlin"))
        windows = WindowStore(inventory)
        own = windows.pbx_window(record.name) if record else None
        self.window_edit = QLineEdit(own.spec() if own else "")
        shared = windows.customer_window(record.customer) if record and record.customer else None
        if shared is not None:
            self.window_edit.setPlaceholderText(self.tr("The customer's: {window}").format(window=shared.spec()))
        else:
            self.window_edit.setPlaceholderText(self.tr("e.g. Mon-Fri 22:00-02:00 Europe/Berlin"))
        self.window_edit.setToolTip(
            self.tr(
                "When scheduled jobs may change this PBX: weekdays, a time range (it may run past midnight) and a "
                "time zone. Empty: the customer's window applies."
            )
        )

        self._errors: dict[QLineEdit, QLabel] = {}
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, edit in (
            (self.tr("Name:"), self.name_edit),
            (self.tr("Customer:"), self.customer_edit),
            (self.tr("Address:"), self.address_edit),
            (self.tr("Login ID:"), self.login_edit),
            (self.tr("Password:"), self.password_edit),
            (self.tr("Agent instance:"), self.agent_edit),
            (self.tr("Agent secret:"), self.agent_secret_edit),
            (self.tr("Tags:"), self.tags_edit),
            (self.tr("Maintenance window:"), self.window_edit),
        ):
            self._form.addRow(label, edit)
            error = QLabel()
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._form.addRow("", error)
            self._form.setRowVisible(error, False)
            self._errors[edit] = error

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.start_connection_test)
        self.status_icon = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.install_guide_label = QLabel(
            '<a href="guide">{}</a>'.format(self.tr("How to install the modmanager agent on the PBX"))
        )
        self.install_guide_label.setTextFormat(Qt.TextFormat.RichText)
        self.install_guide_label.linkActivated.connect(lambda _link: open_install_guide())
        self.install_guide_label.hide()
        self.certificate_label = QLabel()
        self.certificate_label.setWordWrap(True)
        self._show_pin_state()
        status_row = QHBoxLayout()
        status_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_label, 1)

        self.save_error = QLabel()
        self.save_error.setStyleSheet(_ERROR_STYLE)
        self.save_error.setWordWrap(True)
        self.save_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.certificate_label)
        layout.addLayout(status_row)
        layout.addWidget(self.install_guide_label)
        layout.addWidget(self.save_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    # -- validation ----------------------------------------------------------------------

    def _show_error(self, edit: QLineEdit, message: str) -> None:
        label = self._errors[edit]
        label.setText(message)
        self._form.setRowVisible(label, bool(message))
        # Grow (never shrink what the user chose) so a wrapped message gets the height of its lines.
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _validated_record(self, *, need_password: bool) -> tuple[PbxRecord, str, str] | None:
        """The PBX as entered, the password and the agent secret to use (entered, or with
        ``need_password`` the stored ones), or None after showing what is wrong."""
        for edit in self._errors:
            self._show_error(edit, "")
        name = self.name_edit.text().strip()
        problems: dict[QLineEdit, str] = {}
        if not name:
            problems[self.name_edit] = self.tr("Enter a name for this PBX.")
        elif len(name) > 64 or any(char in "/\\" or not char.isprintable() for char in name):
            problems[self.name_edit] = self.tr("Use at most 64 letters, digits, spaces, dots, dashes or underscores.")
        elif (self._original is None or name != self._original.name) and name in self._existing_names():
            problems[self.name_edit] = self.tr("A PBX with this name exists already.")
        url = ""
        address = self.address_edit.text().strip()
        if not address:
            problems[self.address_edit] = self.tr("Enter the address of the PBX.")
        elif address.lower().startswith("http://"):
            problems[self.address_edit] = self.tr("modmanager connects only over https; use https:// or no prefix.")
        else:
            try:
                url = normalize_address(address)
            except StoreError:
                problems[self.address_edit] = self.tr("Enter the address as host, host:port or https://host:port.")
        login = self.login_edit.text().strip()
        if not login:
            problems[self.login_edit] = self.tr("Enter the STARFACE login ID.")
        password = self.password_edit.text()
        if not password and need_password:
            password = self._stored_password() or ""
            if not password:
                problems[self.password_edit] = self.tr("Enter the password of this login.")
        if not self.agent_edit.text().strip():
            problems[self.agent_edit] = self.tr("Enter the agent instance name (usually “modmanager”).")
        agent_secret = self.agent_secret_edit.text()
        if not agent_secret and need_password:
            agent_secret = self._stored_agent_secret() or ""
            if not agent_secret:
                problems[self.agent_secret_edit] = self.tr(
                    "Enter the agent secret set in the agent's module configuration on the PBX."
                )
        if self.window_edit.text().strip() and self.maintenance_window() is None:
            problems[self.window_edit] = self.tr(
                "Write the window like “Mon-Fri 22:00-02:00 Europe/Berlin” (weekdays, time range, time zone)."
            )
        for edit, message in problems.items():
            self._show_error(edit, message)
        if problems:
            next(iter(problems)).setFocus()
            return None
        original = self._original
        record = PbxRecord(
            name=name,
            url=url,
            login_id=login,
            customer=self.customer_edit.text().strip(),
            tags=split_tags(self.tags_edit.text()),
            agent_instance=self.agent_edit.text().strip(),
            fingerprint=self._fingerprint,
            notes=original.notes if original else "",
            **({"added_at": original.added_at} if original else {}),
        )
        return record, password, agent_secret

    def maintenance_window(self) -> MaintenanceWindow | None:
        """The PBX's own window as entered (None when empty or unreadable)."""
        text = self.window_edit.text().strip()
        if not text:
            return None
        try:
            return parse_window(text)
        except ModManagerError:
            return None

    def _existing_names(self) -> set[str]:
        return {pbx.name for pbx in self._inventory.list()}

    def _stored_password(self) -> str | None:
        if self._original is None:
            return None
        try:
            return self._credentials.get_password(self._original.name, self._original.login_id)
        except StoreError:
            return None

    def _stored_agent_secret(self) -> str | None:
        if self._original is None:
            return None
        try:
            return self._credentials.get_agent_secret(self._original.name)
        except StoreError:
            return None

    def _address_edited(self, text: str) -> None:
        # A pin belongs to one address; a new address has to be trusted on its own.
        original_url = self._original.url if self._original else None
        try:
            same = normalize_address(text) == original_url
        except StoreError:
            same = False
        self._fingerprint = self._original.fingerprint if same and self._original else None
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        if self._fingerprint:
            full = tls.format_fingerprint(self._fingerprint)
            short = f"{full[:11]}…{full[-11:]}"  # enough to recognise; the tooltip has it all
            self.certificate_label.setText(self.tr("Trusted certificate: {fingerprint}").format(fingerprint=short))
            self.certificate_label.setToolTip(_two_lines(full))
        else:
            self.certificate_label.setText(self.tr("No certificate pinned yet; “Test connection” checks it."))
            self.certificate_label.setToolTip("")

    # -- connection test -----------------------------------------------------------------

    @property
    def pinned_fingerprint(self) -> str | None:
        """The fingerprint that will be saved (None: the certificate must verify by CA)."""
        return self._fingerprint

    def start_connection_test(self) -> None:
        """Read the certificate, ask to trust it if needed, then log in; the result shows inline."""
        validated = self._validated_record(need_password=True)
        if validated is None:
            return
        record, password, agent_secret = validated
        self._set_status("", self.tr("Reading the certificate of {url} …").format(url=record.url))
        self.test_button.setEnabled(False)
        self._runner.submit(
            record.name,
            self.tr("Check certificate of {name}").format(name=record.name),
            lambda _ctx: self._fetch_certificate(record.url),
            on_success=lambda certificate: self._certificate_received(record, password, agent_secret, certificate),
            on_failure=self._test_failed,
        )

    def _certificate_received(
        self, record: PbxRecord, password: str, agent_secret: str, certificate: CertificateInfo
    ) -> None:
        pinned = self._fingerprint
        if pbxs.needs_trust(certificate, pinned):
            if not self._ask_trust(self, certificate, record.url, pinned):
                self.test_button.setEnabled(True)
                self._set_status("certificate-changed", self.tr("The certificate was not trusted; nothing was sent."))
                return
            self._fingerprint = certificate.sha256
            self._show_pin_state()
        record = dataclasses.replace(record, fingerprint=self._fingerprint)
        self._set_status("", self.tr("Logging in to {url} …").format(url=record.url))
        self._runner.submit(
            record.name,
            self.tr("Test connection to {name}").format(name=record.name),
            lambda _ctx: self._test_connection(record, password, agent_secret),
            on_success=self._test_succeeded,
            on_failure=self._test_failed,
        )

    def _test_succeeded(self, summary: str) -> None:
        self.test_button.setEnabled(True)
        self._set_status("ok", self.tr("Connected: {summary}").format(summary=summary))

    def _test_failed(self, error: ModManagerError) -> None:
        self.test_button.setEnabled(True)
        name = "certificate-changed" if getattr(error, "code", "").startswith("certificate") else "unreachable"
        self._set_status(name, describe_text(error))
        # No agent on the PBX (or another instance name): say how to install it.
        self.install_guide_label.setVisible(error.code == "agent_missing" and install_guide() is not None)

    def _set_status(self, icon_name: str, text: str) -> None:
        self.install_guide_label.hide()
        if icon_name:
            self.status_icon.setPixmap(icon(icon_name).pixmap(16, 16))
        else:
            self.status_icon.clear()
        self.status_label.setText(text)

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Validate, write the PBX and its secrets, and close; errors stay in the dialog."""
        validated = self._validated_record(need_password=self._original is None)
        if validated is None:
            return
        record, password, agent_secret = validated
        try:
            if self._original is None:
                pbxs.add_pbx(
                    self._inventory, self._credentials, record, password=password, agent_secret=agent_secret
                )
            else:
                pbxs.edit_pbx(
                    self._inventory,
                    self._credentials,
                    self._original,
                    record,
                    password=password or None,
                    agent_secret=agent_secret or None,
                )
            WindowStore(self._inventory).set_pbx(record.name, self.maintenance_window())
        except ModManagerError as error:
            self.save_error.setText(describe_text(error))
            self.save_error.show()
            return
        self.saved_record = record
        self.accept()
