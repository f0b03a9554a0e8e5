"""The add/edit PBX dialog: validation, saving with the credential store, trust on first use."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.errors import PbxError, StoreError
from modmanager.gui.changes import Changes
from modmanager.gui.dialogs.pbx_dialog import CertificateTrustDialog, PbxDialog, normalize_address
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskRunner
from modmanager.pbx.tls import CertificateInfo
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import CredentialStore, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from tests.ops.world import PBX, world

SELF_SIGNED = CertificateInfo(
    sha256=hashlib.sha256(b"self-signed certificate").hexdigest(),
    pem="",
    subject="CN=pbx.mueller.example",
    not_after="2031-05-01T12:00:00+00:00",
    ca_verified=False,
)
RENEWED = CertificateInfo(
    sha256=hashlib.sha256(b"renewed certificate").hexdigest(),
    pem="",
    subject="CN=pbx.mueller.example",
    not_after="2033-05-01T12:00:00+00:00",
    ca_verified=False,
)


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        yield opened


@pytest.fixture
def credentials() -> CredentialStore:
    return open_credentials(backend="keyring")  # the in-memory keyring of tests/conftest.py


class FakePbx:
    """Stands in for the network: a certificate to present and a login to check."""

    def __init__(
        self, certificate: CertificateInfo, password: str = "s3cret", agent_secret: str = "agent-s3cret"
    ) -> None:
        self.certificate = certificate
        self.password = password
        self.agent_secret = agent_secret
        self.agent_installed = True
        self.logins: list[tuple[PbxRecord, str]] = []
        self.secrets: list[str] = []
        self.trust_questions: list[tuple[str, str | None]] = []
        self.trust_answer = True

    def fetch_certificate(self, url: str) -> CertificateInfo:
        return self.certificate

    def test_connection(self, record: PbxRecord, password: str, agent_secret: str) -> str:
        self.logins.append((record, password))
        self.secrets.append(agent_secret)
        if password != self.password:
            raise PbxError("The PBX refused the login.", "Check the login ID and password.", code="auth_failed")
        if not self.agent_installed:
            raise PbxError("The modmanager agent does not answer on this PBX.", code="agent_missing")
        if agent_secret != self.agent_secret:
            raise PbxError("x", code="secret_invalid", params={"pbx": record.url, "detail": ""})
        return "STARFACE 9.0.1.3, agent 200"

    def ask_trust(self, parent: QWidget, certificate: CertificateInfo, url: str, previous: str | None) -> bool:
        self.trust_questions.append((certificate.sha256, previous))
        return self.trust_answer


@pytest.fixture
def make_dialog(
    qtbot: QtBot, runner: TaskRunner, inventory: Inventory, credentials: CredentialStore, english: str
) -> Callable[..., PbxDialog]:
    def make(pbx: FakePbx | None = None, record: PbxRecord | None = None) -> PbxDialog:
        pbx = pbx or FakePbx(SELF_SIGNED)
        dialog = PbxDialog(
            None, runner, inventory=inventory, credentials=credentials, record=record,
            fetch_certificate=pbx.fetch_certificate, test_connection=pbx.test_connection, ask_trust=pbx.ask_trust,
        )
        qtbot.addWidget(dialog)
        return dialog

    return make


def fill(dialog: PbxDialog, *, name: str = "mueller-hq", address: str = "pbx.mueller.example:8443",
         login: str = "0001", password: str = "s3cret", agent_secret: str = "agent-s3cret") -> None:
    dialog.name_edit.setText(name)
    dialog.customer_edit.setText("Müller GmbH")
    dialog.address_edit.setText(address)
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    dialog.agent_secret_edit.setText(agent_secret)
    dialog.tags_edit.setText("berlin, partner, berlin")


def visible_errors(dialog: PbxDialog) -> list[str]:
    return [label.text() for label in dialog._errors.values() if label.text()]


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("pbx.example", "https://pbx.example:443"),
        ("PBX.example:8443", "https://pbx.example:8443"),
        ("https://pbx.example", "https://pbx.example:443"),
        (" 192.0.2.7:444 ", "https://192.0.2.7:444"),
    ],
)
def test_addresses_are_normalized(typed: str, normalized: str) -> None:
    assert normalize_address(typed) == normalized


@pytest.mark.parametrize("typed", ["", "http://pbx.example", "https://pbx.example/admin", "pbx.example:port"])
def test_bad_addresses_are_refused(typed: str) -> None:
    with pytest.raises(StoreError):
        normalize_address(typed)


def test_adding_saves_the_pbx_and_keeps_the_password_in_the_credential_store(
    make_dialog: Callable[..., PbxDialog], inventory: Inventory, credentials: CredentialStore
) -> None:
    dialog = make_dialog()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert dialog.agent_secret_edit.echoMode() == dialog.agent_secret_edit.EchoMode.Password
    assert dialog.agent_edit.text() == "modmanager"
    fill(dialog)

    dialog.save()

    saved = inventory.get("mueller-hq")
    assert saved == dialog.saved_record
    assert saved.url == "https://pbx.mueller.example:8443"
    assert saved.customer == "Müller GmbH"
    assert saved.tags == ("berlin", "partner")
    assert saved.fingerprint is None
    assert credentials.get_password("mueller-hq", "0001") == "s3cret"
    assert credentials.get_agent_secret("mueller-hq") == "agent-s3cret"
    assert dialog.result() == dialog.DialogCode.Accepted


def test_missing_fields_are_named_inline_and_nothing_is_saved(
    make_dialog: Callable[..., PbxDialog], inventory: Inventory
) -> None:
    dialog = make_dialog()
    dialog.save()

    assert visible_errors(dialog) == [
        "Enter a name for this PBX.",
        "Enter the address of the PBX.",
        "Enter the STARFACE login ID.",
        "Enter the password of this login.",
        "Enter the agent secret set in the agent's module configuration on the PBX.",
    ]
    assert inventory.list() == []
    assert dialog.saved_record is None


def test_plain_http_and_taken_names_are_refused(make_dialog: Callable[..., PbxDialog], inventory: Inventory) -> None:
    inventory.add(PbxRecord("mueller-hq", "https://other.example", "0001"))
    dialog = make_dialog()
    fill(dialog, address="http://pbx.mueller.example")
    dialog.save()

    assert visible_errors(dialog) == [
        "A PBX with this name exists already.",
        "modmanager connects only over https; use https:// or no prefix.",
    ]
    assert [pbx.url for pbx in inventory.list()] == ["https://other.example:443"]


def test_editing_keeps_the_stored_password_when_left_empty_and_moves_it_on_rename(
    make_dialog: Callable[..., PbxDialog], inventory: Inventory, credentials: CredentialStore
) -> None:
    original = PbxRecord("mueller-hq", "https://pbx.mueller.example", "0001", fingerprint=SELF_SIGNED.sha256)
    inventory.add(original)
    credentials.set_password("mueller-hq", "0001", "s3cret")
    credentials.set_agent_secret("mueller-hq", "agent-s3cret")
    dialog = make_dialog(record=original)
    assert dialog.password_edit.text() == ""
    assert dialog.password_edit.placeholderText() == "Leave empty to keep the stored password"
    assert dialog.agent_secret_edit.text() == ""
    assert dialog.agent_secret_edit.placeholderText() == "Leave empty to keep the stored secret"

    dialog.name_edit.setText("mueller-berlin")
    dialog.save()

    assert [pbx.name for pbx in inventory.list()] == ["mueller-berlin"]
    assert inventory.get("mueller-berlin").fingerprint == SELF_SIGNED.sha256
    assert inventory.get("mueller-berlin").added_at == original.added_at
    assert credentials.get_password("mueller-berlin", "0001") == "s3cret"
    assert credentials.get_agent_secret("mueller-berlin") == "agent-s3cret"
    with pytest.raises(StoreError):
        credentials.get_password("mueller-hq", "0001")
    with pytest.raises(StoreError):
        credentials.get_agent_secret("mueller-hq")


def test_an_untrusted_certificate_is_pinned_after_the_user_accepts_it(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner, inventory: Inventory, qtbot: QtBot
) -> None:
    pbx = FakePbx(SELF_SIGNED)
    dialog = make_dialog(pbx)
    fill(dialog)

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    assert pbx.trust_questions == [(SELF_SIGNED.sha256, None)]
    assert [(record.fingerprint, password) for record, password in pbx.logins] == [(SELF_SIGNED.sha256, "s3cret")]
    assert dialog.status_label.text() == "Connected: STARFACE 9.0.1.3, agent 200"
    assert pbx.secrets == ["agent-s3cret"]
    assert dialog.test_button.isEnabled()
    dialog.save()
    assert inventory.get("mueller-hq").fingerprint == SELF_SIGNED.sha256


def test_a_declined_certificate_sends_no_login(make_dialog: Callable[..., PbxDialog], runner: TaskRunner) -> None:
    pbx = FakePbx(SELF_SIGNED)
    pbx.trust_answer = False
    dialog = make_dialog(pbx)
    fill(dialog)

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    assert pbx.logins == []
    assert dialog.pinned_fingerprint is None
    assert dialog.status_label.text() == "The certificate was not trusted; nothing was sent."


def test_a_certificate_the_system_trusts_needs_no_question(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner
) -> None:
    pbx = FakePbx(CertificateInfo(SELF_SIGNED.sha256, "", "CN=pbx", "2031-01-01T00:00:00+00:00", ca_verified=True))
    dialog = make_dialog(pbx)
    fill(dialog)

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    assert pbx.trust_questions == []
    assert [record.fingerprint for record, _ in pbx.logins] == [None]


def test_a_changed_certificate_is_asked_about_with_the_old_fingerprint(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner, inventory: Inventory, credentials: CredentialStore
) -> None:
    original = PbxRecord("mueller-hq", "https://pbx.mueller.example", "0001", fingerprint=SELF_SIGNED.sha256)
    inventory.add(original)
    credentials.set_password("mueller-hq", "0001", "s3cret")
    credentials.set_agent_secret("mueller-hq", "agent-s3cret")
    pbx = FakePbx(RENEWED)
    dialog = make_dialog(pbx, record=original)

    dialog.start_connection_test()  # empty password and secret fields: the stored ones are used
    assert runner.wait_idle(10_000)

    assert pbx.trust_questions == [(RENEWED.sha256, SELF_SIGNED.sha256)]
    assert [(record.fingerprint, password) for record, password in pbx.logins] == [(RENEWED.sha256, "s3cret")]
    assert pbx.secrets == ["agent-s3cret"]


def test_a_changed_address_drops_the_pin(make_dialog: Callable[..., PbxDialog], inventory: Inventory) -> None:
    original = PbxRecord("mueller-hq", "https://pbx.mueller.example", "0001", fingerprint=SELF_SIGNED.sha256)
    inventory.add(original)
    dialog = make_dialog(record=original)

    dialog.address_edit.textEdited.emit("pbx2.mueller.example")
    assert dialog.pinned_fingerprint is None
    dialog.address_edit.textEdited.emit("pbx.mueller.example:443")
    assert dialog.pinned_fingerprint == SELF_SIGNED.sha256


def test_a_failed_login_shows_message_and_hint(make_dialog: Callable[..., PbxDialog], runner: TaskRunner) -> None:
    dialog = make_dialog(FakePbx(SELF_SIGNED, password="other"))
    fill(dialog)

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    # A known code is shown as the catalogue (core/messages/) words it, in the interface language.
    assert dialog.status_label.text() == (
        "The PBX refused the login ID or password. Check the login ID and store the right password: "
        "under Edit PBX, or with 'modmanager pbx edit <name> --password-stdin'."
    )


def test_a_wrong_agent_secret_says_where_to_find_the_right_one(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner
) -> None:
    dialog = make_dialog(FakePbx(SELF_SIGNED))
    fill(dialog, agent_secret="not-the-secret")

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    text = dialog.status_label.text()
    assert "refused the agent secret" in text and "Modul-Konfiguration" in text
    assert "not-the-secret" not in text
    assert dialog.install_guide_label.isHidden()


def test_a_pbx_without_the_agent_links_the_installation_guide(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    pbx = FakePbx(SELF_SIGNED)
    pbx.agent_installed = False
    dialog = make_dialog(pbx)
    fill(dialog)

    dialog.start_connection_test()
    assert runner.wait_idle(10_000)

    assert "does not answer" in dialog.status_label.text()
    assert not dialog.install_guide_label.isHidden()
    opened: list[str] = []
    monkeypatch.setattr(
        "modmanager.gui.agent_export.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    dialog.install_guide_label.linkActivated.emit("guide")
    assert [Path(path).name for path in opened] == ["agent-install.en.md"]


def test_trust_dialog_shows_fingerprint_subject_and_expiry(qtbot: QtBot, english: str) -> None:
    dialog = CertificateTrustDialog(None, RENEWED, "https://pbx.mueller.example:443", SELF_SIGNED.sha256)
    qtbot.addWidget(dialog)

    fingerprint = dialog.fingerprint_label.text()
    assert fingerprint.count(":") == 31 and fingerprint.replace(":", "").replace("\n", "").lower() == RENEWED.sha256
    assert dialog.windowTitle() == "Certificate changed"
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.fingerprint_label)))
    assert "CN=pbx.mueller.example" in texts
    assert "2033" in texts
    assert SELF_SIGNED.sha256[:2].upper() + ":" in texts
    assert not dialog.trust_button.isDefault()


def test_screenshots(
    make_dialog: Callable[..., PbxDialog], runner: TaskRunner, language: str, qtbot: QtBot,
    screenshot: Callable[[QWidget, str], None],
) -> None:
    connected = make_dialog()
    fill(connected)
    connected.start_connection_test()
    assert runner.wait_idle(10_000)
    screenshot(connected, f"pbx-dialog-connected-{language}")
    dialog = make_dialog()
    fill(dialog, address="http://pbx.mueller.example")
    dialog.login_edit.clear()
    dialog.save()
    screenshot(dialog, f"pbx-dialog-errors-{language}")
    trust = CertificateTrustDialog(None, RENEWED, "https://pbx.mueller.example:443", SELF_SIGNED.sha256)
    qtbot.addWidget(trust)
    screenshot(trust, f"certificate-changed-{language}")
    first = CertificateTrustDialog(None, SELF_SIGNED, "https://pbx.mueller.example:443", None)
    qtbot.addWidget(first)
    screenshot(first, f"certificate-trust-{language}")


def test_the_real_certificate_check_and_login_against_a_simulated_pbx(
    qtbot: QtBot, runner: TaskRunner, inventory: Inventory, credentials: CredentialStore, tmp_path: Path, english: str
) -> None:
    questions: list[str] = []

    def accept(parent: QWidget, certificate: CertificateInfo, url: str, previous: str | None) -> bool:
        questions.append(certificate.sha256)
        return True

    with running_fleet(tmp_path / "sim", [make_pbx("pbx1")]) as fleet:
        sim = fleet.pbxs[0]
        dialog = PbxDialog(None, runner, inventory=inventory, credentials=credentials, ask_trust=accept)
        qtbot.addWidget(dialog)
        fill(dialog, address=sim.url, login=TEST_LOGIN, password=TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET)

        dialog.start_connection_test()
        assert runner.wait_idle(30_000)

        assert questions == [sim.fingerprint]  # the simulator's certificate is self-signed
        assert dialog.pinned_fingerprint == sim.fingerprint
        assert dialog.status_label.text().startswith(f"Connected: STARFACE {sim.state.starface_version}, agent ")


def test_tags_edited_in_the_dialog_are_kept(
    make_dialog: Callable[..., PbxDialog], inventory: Inventory, credentials: CredentialStore
) -> None:
    original = PbxRecord("mueller-hq", "https://pbx.mueller.example", "0001", tags=("berlin", "alt"))
    inventory.add(original)
    credentials.set_password("mueller-hq", "0001", "s3cret")
    credentials.set_agent_secret("mueller-hq", "agent-s3cret")
    dialog = make_dialog(record=original)
    assert dialog.tags_edit.text() == "berlin, alt"

    dialog.tags_edit.setText(" berlin,, wartung ,")
    dialog.save()

    assert inventory.get("mueller-hq").tags == ("berlin", "wartung")
    assert make_dialog(record=inventory.get("mueller-hq")).tags_edit.text() == "berlin, wartung"
    assert credentials.get_password("mueller-hq", "0001") == "s3cret"  # the secrets stay where they were


def test_tags_of_several_pbxs_are_edited_at_once_from_the_pbx_list(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str
) -> None:
    with world(tmp_path) as test_world:
        inventory = test_world.services.inventory
        first = inventory.get(PBX)
        inventory.update(dataclasses.replace(first, tags=("alt", "berlin")))
        for name, tags in (("kunde-b", ("alt",)), ("kunde-c", ("vip",))):
            inventory.add(dataclasses.replace(first, name=name, tags=tags))
        window = MainWindow(test_world.services, runner, save=lambda _settings: None)
        qtbot.addWidget(window)
        window.controller.reload_records()
        announced: list[Changes] = []
        window.controller.changed.connect(announced.append)
        for name in (PBX, "kunde-b"):  # two of the three, as a user ctrl-clicks them
            index = window.fleet_view.proxy.mapFromSource(window.fleet_model.index_of(name))
            window.fleet_view.view.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
        assert window.fleet_view.selected_names() == [PBX, "kunde-b"]
        assert window.window_actions.edit_tags.isEnabled()

        dialog = window.setup_flows.edit_tags()
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert sorted(dialog.remove_checks) == ["alt", "berlin"]  # what the chosen PBXs carry
        assert not dialog.apply_button.isEnabled()
        dialog.add_combo.setEditText("wartung, Berlin")
        dialog.remove_checks["alt"].setChecked(True)
        dialog.apply_button.click()
        assert runner.wait_idle(10_000)

        assert inventory.get(PBX).tags == ("berlin", "wartung")
        assert inventory.get("kunde-b").tags == ("wartung", "Berlin")
        assert inventory.get("kunde-c").tags == ("vip",)
        assert window.fleet_model.entry("kunde-b").record.tags == ("wartung", "Berlin")  # the list follows
        assert any(changes.pbx_list for changes in announced)
        assert window.statusBar().currentMessage() == "Tags changed on 2 PBXs."
        assert test_world.services.credentials.get_password(PBX, "0001")  # no secret was touched
