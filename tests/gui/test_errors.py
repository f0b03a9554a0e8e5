"""Errors and outcomes in the interface language: every code a user can meet reads German.

The errors are made by the code that makes them in real use - a client against a closed port,
the simulator refusing a password, a paid update refused, an update whose rollback fails - so a
producer that changes its params breaks a test here instead of silently falling back to English.
"""

from __future__ import annotations

import dataclasses
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from modmanager.core.errors import ModManagerError, OperationError, PbxError
from modmanager.core.protocol import EntryPoint, FaultCode
from modmanager.gui import i18n
from modmanager.gui.errors import describe, describe_outcome, describe_stored, describe_text, known_codes
from modmanager.ops.backup import backup_module, restore_backup
from modmanager.ops.converge import InstanceTarget, ModuleTarget, verify
from modmanager.ops.pbxs import add_pbx
from modmanager.ops.recovery import RecoveryAction, recover_outcome
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.update import prepare_update, run_update
from modmanager.pbx import tls
from modmanager.pbx.client import AgentClient, bad_answer_error, cancelled_error, fault_error, request_too_large_error
from modmanager.simulator.testing import TEST_PASSWORD
from modmanager.store.atomic import read_bytes_limited
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import CredentialStore, EncryptedFileStore, ScryptParams, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.journal import Journal
from modmanager.store.settings import load_settings
from tests.hostile.crafted import crafted_export
from tests.ops.world import MODULE_A, MODULE_B, MODULE_C, PBX, World, world
from tests.pbx.pbx_helpers import xmlrpc_fault_answer as fault_answer_body

ENGLISH_WORDS = re.compile(r"\b(the|is|was|were|cannot|could|and|with|has|not|of|to|no)\b", re.IGNORECASE)
FAST_KDF = ScryptParams(log2_n=4, r=8, p=1)

SYNTHETIC: dict[str, ModManagerError] = {
    # Codes whose producers need a situation too costly to stage here (an expired pinned
    # certificate, a catalog that lies, a full disk); the params are the ones the producer sets.
    "tls_failed": PbxError("x", code="tls_failed", params={"url": "https://pbx.example:443"}),
    "certificate_invalid": PbxError(
        "x", code="certificate_invalid", params={"url": "https://pbx.example:443", "expires": "2024-01-01T00:00:00"}
    ),
    "update_incompatible": OperationError(
        "x", code="update_incompatible", params={"module": "Fax", "version": "v3", "starface": "8.1.0.4"}
    ),
    "update_no_file": OperationError("x", code="update_no_file", params={"module": "Fax", "version": "v3"}),
    "update_no_nfr_file": OperationError("x", code="update_no_nfr_file", params={"module": "Fax", "version": "v3"}),
    "update_wrong_file": OperationError("x", code="update_wrong_file", params={"found": "a-1", "expected": "b-2"}),
    "update_no_compatible_release": OperationError("x", code="update_no_compatible_release", params={"module": "Fax"}),
    "update_module_file_missing": OperationError("x", code="update_module_file_missing", params={"label": "v4"}),
    "converge_wrong_upload": OperationError(
        "x",
        code="converge_wrong_upload",
        params={"found_module": "a-1", "found_version": "2", "module": "b-2", "version": "3"},
    ),
    "backup_not_verified": ModManagerError(
        "x", code="backup_not_verified", params={"module": "Fax", "folder": "/daten/backups"}
    ),
    "export_unreadable": ModManagerError("x", code="export_unreadable", params={"file": "fax.mmbackup"}),
    "keyring_failed": ModManagerError(
        "x", code="keyring_failed", params={"action": "read from", "error_type": "KeyringLocked"}
    ),
    "no_keyring": ModManagerError("x", code="no_keyring"),
    "cache_failed": ModManagerError("x", code="cache_failed"),
    "unexpected": ModManagerError("an unexpected error occurred", code="unexpected"),
    "instance_exists": fault_error(FaultCode.INSTANCE_EXISTS, "Telefonbuch"),
    # Damage that needs a broken disk or a PBX answering absurdly to stage.
    "file_unreadable": ModManagerError(
        "x", code="file_unreadable", params={"what": "file", "path": "/daten/a.json", "reason": "Input/output error"}
    ),
    "journal_too_large": ModManagerError("x", code="journal_too_large", params={"module": "Fax"}),
    "sfm_cache_damaged": ModManagerError(
        "x", code="sfm_cache_damaged", params={"path": "/daten/installed.json", "why": "x", "why_key": "too_deep"}
    ),
    "snapshot_too_large": ModManagerError("x", code="snapshot_too_large", params={"pbx": "kunde-a"}),
    "trust_fingerprint_mismatch": PbxError(
        "x",
        code="trust_fingerprint_mismatch",
        params={"pbx": "kunde-a", "expected": "AB:CD", "presented": "EF:01"},
    ),
}


@pytest.fixture
def german(qapp: QApplication) -> Iterator[str]:
    chosen = i18n.install_translator(qapp, "de")
    try:
        yield chosen
    finally:
        i18n.install_translator(qapp, "en")


def _values(error: ModManagerError) -> list[str]:
    """Every param value in the error and the errors it quotes: names, URLs, agent details."""
    values = [value for value in error.params.values() if value]
    for inner in ([error.cause] if error.cause else []) + list(error.parts):
        values.extend(_values(inner))
    return values


def assert_german(error: ModManagerError, *expected: str) -> str:
    """The error reads German: translated, formatted, no English sentence left; returns the text."""
    assert error.code in known_codes(), f"{error.code!r} has no translation: {error}"
    message, hint = describe(error)
    text = f"{message} {hint}".strip()
    assert message != error.message
    assert "{" not in text and "}" not in text, text
    for word in expected:
        assert word in text, text
    rest = text
    for value in sorted(_values(error), key=len, reverse=True):
        rest = rest.replace(value, "")
    assert not ENGLISH_WORDS.search(rest), f"English left in: {text}"
    return text


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def raised(call: object, *args: object, **kwargs: object) -> ModManagerError:
    assert callable(call)
    with pytest.raises(ModManagerError) as caught:
        call(*args, **kwargs)
    return caught.value


# -- the PBX ---------------------------------------------------------------------------------------


def test_unreachable_pbx_reads_german(german: str) -> None:
    client = AgentClient(f"https://127.0.0.1:{closed_port()}", "0001", "pw", agent_secret="s", timeout=2.0, retries=0)
    try:
        reading = raised(client.system_info)
        changing = raised(client.acquire_lock, "someone")
    finally:
        client.close()
    assert reading.code == changing.code == "unreachable"
    text = assert_german(reading, "ist nicht erreichbar", "Verbindung abgelehnt", "Firewall")
    assert "127.0.0.1" in text
    assert_german(changing, "ist nicht erreichbar", "ob acquireLock noch ausgeführt wurde", "neu ein")


def test_every_agent_fault_reads_german(german: str) -> None:
    for fault in FaultCode:
        assert_german(fault_error(fault, "detail-7"))
    assert_german(fault_error(FaultCode.LOCKED, ""), "keine Angaben")
    assert_german(fault_error(987, "strange"), "unbekannten Fehler 987")
    assert_german(bad_answer_error(), "nicht lesen")
    assert_german(cancelled_error(), "abgebrochen")
    assert_german(raised(tls.normalize_fingerprint, "xyz"), "Fingerabdruck")
    assert_german(raised(tls.host_and_port, "http://pbx.example"), "https-Adresse")
    client = AgentClient("https://127.0.0.1:1", "0001", "pw", agent_secret="s")
    try:
        assert_german(raised(client._decode, EntryPoint.SYSTEM_INFO, 500, b""), "HTTP-Status 500")
        xmlrpc_fault = fault_answer_body(500, "java.lang.NullPointerException")
        assert_german(raised(client._decode, EntryPoint.SYSTEM_INFO, 200, xmlrpc_fault), "XML-RPC-Fehler 500")
    finally:
        client.close()
    assert_german(fault_error(FaultCode.SECRET_INVALID, "", pbx="https://pbx:443"), "Agent-Geheimnis", "https://pbx:443")
    assert_german(request_too_large_error(2 * 1024 * 1024), "2048")


def test_login_certificates_and_locks_read_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path, timeout=2.0) as w:
        url, pin = w.sim.url, w.sim.fingerprint
        wrong_password = AgentClient(url, "0001", "falsch", agent_secret="s", fingerprint=pin, retries=0)
        unpinned = AgentClient(url, "0001", "pw", agent_secret="s", retries=0)
        wrong_pin = AgentClient(url, "0001", "pw", agent_secret="s", fingerprint="ab" * 32, retries=0)
        wrong_secret = AgentClient(url, "0001", TEST_PASSWORD, agent_secret="falsch", fingerprint=pin, retries=0)
        other = w.services.client(PBX)
        try:
            assert_german(raised(wrong_password.system_info), "Login-ID", "Passwort")
            assert_german(raised(wrong_secret.system_info), "Agent-Geheimnis", "Modul-Konfiguration")
            gone = raised(wrong_secret.wait_for_agent, 999, wait_seconds=0.2, poll_seconds=0.1)
            assert gone.code == "secret_invalid"
            untrusted = raised(unpinned.system_info)
            assert untrusted.code == "certificate_untrusted"
            assert_german(untrusted, "nicht vertrauenswürdig", "Fingerabdruck")
            changed = raised(wrong_pin.system_info)
            assert changed.code == "certificate_changed"
            assert_german(changed, "hat sich geändert", "AB:AB:AB")
            mine = w.services.client(PBX)
            other.acquire_lock("modmanager:kollege@pc-2")
            assert_german(raised(mine.acquire_lock, "modmanager:ich@pc-1"), "gesperrt", "modmanager:kollege@pc-2")
            mine.close()
        finally:
            for client in (wrong_password, unpinned, wrong_pin, wrong_secret, other):
                client.close()


# -- updates ---------------------------------------------------------------------------------------


def test_update_refusals_read_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        paid = prepare_update(w.services, PBX, MODULE_A)
        assert_german(raised(run_update, w.services, paid), "kostenpflichtiges Upgrade", "Modullizenzschlüssel", "v130")
        assert_german(raised(prepare_update, w.services, PBX, "0000-unbekannt"), "Kein Katalog")
        assert_german(raised(prepare_update, w.services, PBX, MODULE_B, to_version=99), "keine Version 99")
        preview = prepare_update(w.services, PBX, MODULE_B)
        uncached = dataclasses.replace(preview, target_sha256="0" * 64)
        assert_german(raised(run_update, w.services, uncached), "Zwischenspeicher")
        assert_german(raised(run_update, w.services, preview, cancelled=lambda: True), "Es wurde nichts geändert.")
        run_update(w.services, preview)
        assert_german(raised(run_update, w.services, preview), "seit der Vorschau geändert")
        assert_german(raised(prepare_update, w.services, PBX, MODULE_B), "auf dem neuesten Stand")


def test_update_outcomes_read_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        holder = w.services.client(PBX)
        try:
            lock = holder.acquire_lock("modmanager:kollege@pc-2")
            not_started = raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_B))
            holder.release_lock(lock)
        finally:
            holder.close()
        assert not_started.cause is not None and not_started.cause.code == "locked"
        assert_german(not_started, "konnte nicht beginnen", "gesperrt", "wurde nichts geändert", "Warten Sie")

        w.sim.faults.fail("uploadBegin", times=None)
        assert_german(raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_B)), "beim Hochladen")
        w.sim.faults.clear()

        w.sim.faults.fail("importConfig", times=1)
        rolled_back = raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_B))
        assert_german(rolled_back, "vorherige Version v3", "Es ging nichts verloren")

        no_copy = dataclasses.replace(prepare_update(w.services, PBX, MODULE_B), previous_sha256=None)
        w.sim.faults.fail("importConfig", times=1)
        assert_german(raised(run_update, w.services, no_copy), "v4 installiert", "in sie übernommen")


def test_failed_rollback_and_recovery_read_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        w.sim.faults.fail("importConfig", times=None)
        stuck = raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_B))
        assert stuck.code == "update_not_rolled_back" and stuck.parts
        assert_german(stuck, "konnte noch nicht zurückgesetzt werden", "Sicherung", "Unterbrochene Updates")
        (entry,) = w.services.journal.unfinished()
        w.sim.faults.clear()
        _unreachable_while(w, lambda: recover_outcome(w.services, entry.op_id), "bleibt offen")
        outcome = recover_outcome(w.services, entry.op_id, RecoveryAction.ROLLBACK)
        assert outcome.code == "recovered_rollback"
        expected = f"{entry.module_name} auf {PBX} läuft wieder mit v3 und allen Einstellungen."
        assert describe_outcome(outcome) == expected

        w.sim.faults.fail("importConfig", times=None)
        fresh = raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_C))
        assert_german(fresh, "konnte noch nicht abgeschlossen werden")
        (entry,) = w.services.journal.unfinished()
        w.sim.faults.clear()
        no_way_back = raised(recover_outcome, w.services, entry.op_id, RecoveryAction.ROLLBACK)
        assert_german(no_way_back, "lässt sich nicht zurücksetzen")
        finished = recover_outcome(w.services, entry.op_id, RecoveryAction.RESUME)
        assert "läuft jetzt mit v7" in describe_outcome(finished)


def test_second_attempt_of_a_fresh_install_reads_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        w.sim.faults.fail("importConfig", times=1)
        assert_german(raised(run_update, w.services, prepare_update(w.services, PBX, MODULE_C)), "zweiter Versuch")


def _unreachable_while(w: World, call: object, *expected: str) -> None:
    """Point the PBX record at a closed port for one call."""
    record = w.services.inventory.get(PBX)
    w.services.inventory.update(dataclasses.replace(record, url=f"https://127.0.0.1:{closed_port()}"))
    try:
        assert_german(raised(call), *expected)
    finally:
        w.services.inventory.update(record)


def test_verify_lists_every_difference_in_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        client = w.services.client(PBX)
        try:
            installed = w.module(MODULE_B)
            wrong = ModuleTarget(
                module_id=MODULE_B,
                version=installed.version,
                sfm=b"",
                instances=(
                    InstanceTarget("Telefonbuch", {"syncMinutes": 5}, active=False),
                    InstanceTarget("Telefonbuch Filiale", {}, active=True),
                    InstanceTarget("Fehlt", {}, active=True),
                ),
                internal_data=b"other",
            )
            differs = raised(verify, client, wrong)
            assert_german(
                differs,
                "die Instanz „Fehlt“ fehlt",
                "andere Werte für syncMinutes",
                "„Telefonbuch“ ist nicht inaktiv",
                "„Telefonbuch Filiale“ ist nicht aktiv",
                "internen Daten",
            )
            assert_german(raised(verify, client, dataclasses.replace(wrong, version=99)), "v3 statt v99")
            gone = dataclasses.replace(wrong, module_id=MODULE_C)
            assert_german(raised(verify, client, gone), "nicht installiert")
        finally:
            client.close()


# -- backups, passwords, stored statuses -----------------------------------------------------------


def test_backup_and_restore_problems_read_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        assert_german(raised(backup_module, w.services, PBX, MODULE_C), "nicht installiert")
        info = backup_module(w.services, PBX, MODULE_B)
        backups = w.services.backups
        loaded = backups.load(info.backup_id)
        assert_german(raised(restore_backup, w.services, loaded, PBX, instance_names=["X"]), "keine der gewählten")
        elsewhere = dataclasses.replace(loaded, info=dataclasses.replace(loaded.info, module_id=MODULE_C))
        assert_german(raised(restore_backup, w.services, elsewhere, PBX), "zuerst")
        export = tmp_path / "export.mmbackup"
        assert_german(raised(backups.export, info.backup_id, export, ""), "braucht ein Passwort")
        backups.export(info.backup_id, export, "richtig")
        assert_german(raised(backups.read_export, export, "falsch"), "Passwort", "falsch")
        garbage = tmp_path / "garbage.mmbackup"
        garbage.write_bytes(b"not a backup at all")
        assert_german(raised(backups.read_export, garbage, "x"), "kein Sicherungsexport")
        assert_german(raised(backups.read_export, tmp_path / "missing.mmbackup", "x"), "gibt es nicht")
        assert_german(raised(backups.load, "kein id"), "keine Kennung")
        assert_german(raised(backups.prune, 0), "Mindestens eine Sicherung")
        path = backups.folder / f"{info.backup_id}.mmb"
        data = bytearray(path.read_bytes())
        data[-1] ^= 0xFF
        path.write_bytes(bytes(data))
        assert_german(raised(backups.load, info.backup_id), "beschädigt", "Prüfsumme")
        assert_german(raised(backups.load, "20990101T000000Z-ffffffff"), "gibt es nicht")


def test_password_store_problems_read_german(tmp_path: Path, german: str, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.enc"
    store = CredentialStore(EncryptedFileStore(secrets, "richtig", kdf=FAST_KDF))
    assert_german(raised(store.get_password, "kunde-a", "0001"), "kein Passwort hinterlegt", "kunde-a")
    assert_german(raised(store.get_agent_secret, "kunde-a"), "kein Agent-Geheimnis hinterlegt", "kunde-a")
    store.set_password("kunde-a", "0001", "geheim")
    assert_german(raised(EncryptedFileStore, secrets, "falsch"), "Master-Passwort ist falsch")
    assert_german(raised(EncryptedFileStore, secrets, ""), "Master-Passwort ist leer")
    opened = EncryptedFileStore(secrets, "richtig")
    secrets.unlink()
    EncryptedFileStore(secrets, "anders", kdf=FAST_KDF).set("x", "y")
    assert_german(raised(opened.get, "x"), "Master-Passwort ist falsch")
    secrets.write_bytes(secrets.read_bytes()[:-3] + b"xyz")
    assert_german(raised(EncryptedFileStore(secrets, "anders").get, "x"), "beschädigt")
    keys = EncryptedFileStore(tmp_path / "keys.enc", "pw", kdf=FAST_KDF)
    keys.set("key/backups", "kaputt")
    assert_german(raised(CredentialStore(keys).get_secret_key, "backups"), "geheime Schlüssel")
    monkeypatch.delenv("MODMANAGER_MASTER_PASSWORD", raising=False)
    assert_german(raised(open_credentials, backend="file", path=tmp_path / "none.enc"), "kein Master-Passwort")


def test_adding_a_pbx_reads_german(tmp_path: Path, german: str) -> None:
    record = PbxRecord("kunde-a", "https://pbx.example", "0001")
    with Inventory(tmp_path / "inventory.sqlite3") as inventory:
        credentials = open_credentials(backend="keyring")
        assert_german(raised(add_pbx, inventory, credentials, record, password="", agent_secret="x"), "Passwort")
        assert_german(raised(add_pbx, inventory, credentials, record, password="x", agent_secret=""), "Agent-Geheimnis")
        add_pbx(inventory, credentials, record, password="x", agent_secret="y")
        taken = raised(add_pbx, inventory, credentials, record, password="x", agent_secret="y")
        assert_german(taken, "gibt es schon", "kunde-a")


def test_the_agent_waited_for_in_vain_reads_german(tmp_path: Path, german: str) -> None:
    with world(tmp_path, timeout=2.0) as w:
        client = w.services.client(PBX)
        try:
            assert_german(raised(client.wait_for_agent, 999, wait_seconds=0.2, poll_seconds=0.1), "Version 999")
        finally:
            client.close()
def test_damaged_and_crafted_local_files_read_german(tmp_path: Path, german: str) -> None:
    folder = tmp_path / "ordner.json"
    folder.mkdir()
    assert_german(raised(read_bytes_limited, folder, 100, what="settings file"), "Ordner", "keine Datei")
    big = tmp_path / "gross.json"
    big.write_bytes(b"x" * 200)
    assert_german(raised(read_bytes_limited, big, 100), "größer")
    settings_file = tmp_path / "settings.json"
    settings_file.write_bytes(b'{"concurrency": 1e999}')
    assert_german(raised(load_settings, settings_file), "Einstellungsdatei", "außerhalb")
    journal_folder = tmp_path / "journal"
    journal_folder.mkdir()
    (journal_folder / ("a" * 32 + ".json")).write_bytes(b"[" * 100_000)
    assert_german(raised(Journal(journal_folder).unfinished), "Journal", "zu tief verschachtelt")
    export = tmp_path / "teuer.mmbackup"
    export.write_bytes(crafted_export(log2_n=22, r=32))
    store = BackupStore(CredentialStore(EncryptedFileStore(tmp_path / "k.enc", "pw", kdf=FAST_KDF)), tmp_path / "b")
    assert_german(raised(store.read_export, export, "pw"), "Schlüsselableitung")
    secrets = tmp_path / "secrets.enc"
    EncryptedFileStore(secrets, "richtig", kdf=FAST_KDF).set("x", "y")
    data = bytearray(secrets.read_bytes())
    data[8] = 22  # log2(n) in the clear header
    secrets.write_bytes(bytes(data))
    assert_german(raised(EncryptedFileStore, secrets, "richtig"), "Schlüsselableitung")
    stored = store.folder / "20250101T000000Z-0badf00d.mmb"
    stored.write_bytes(b"MMBACKUP1\n\x00")
    assert_german(raised(store.load, "20250101T000000Z-0badf00d"), "abgeschnitten")


def test_a_stored_status_is_shown_in_german_later(tmp_path: Path, german: str) -> None:
    with world(tmp_path) as w:
        _unreachable_while(w, lambda: refresh_pbx(w.services, PBX), "ist nicht erreichbar")
        stored = w.services.inventory.load_status(PBX)
        assert stored is not None and "cannot be reached" in stored.message
        assert "ist nicht erreichbar" in describe_stored(stored.detail, stored.message)
        assert describe_stored({}, "as stored") == "as stored"
        assert describe_stored({"v": 99, "message": "future"}, "as stored") == "as stored"


@pytest.mark.parametrize("code", sorted(SYNTHETIC))
def test_codes_without_a_staged_producer_read_german(code: str, german: str) -> None:
    assert SYNTHETIC[code].code == code
    assert_german(SYNTHETIC[code])


def test_the_codes_staged_here_are_in_the_catalogue() -> None:
    staged = {
        "unreachable", "auth_failed", "agent_missing", "bad_request", "protocol_unsupported", "starface_too_old",
        "module_not_found", "instance_not_found", "upload_not_found", "checksum_mismatch", "offset_mismatch",
        "invalid_module", "upload_incomplete", "locked", "lock_required", "agent_internal", "agent_error",
        "bad_answer", "cancelled", "http_error", "invalid_fingerprint", "invalid_url", "certificate_untrusted",
        "certificate_changed", "update_paid_refused", "update_no_catalog", "update_no_release",
        "update_file_not_cached", "update_cancelled", "update_changed_since_preview", "update_up_to_date",
        "update_not_started", "update_upload_failed", "update_rolled_back", "update_kept_new_version",
        "update_not_rolled_back", "recovery_unreachable", "recovered_rollback", "update_not_finished",
        "recovery_no_rollback", "recovered_resume", "update_installed_second_attempt", "verify_settings_differ",
        "verify_instance_missing", "verify_values_differ", "verify_instance_not_active",
        "verify_instance_not_inactive", "verify_internal_data_differs", "verify_wrong_version",
        "verify_not_installed", "backup_module_not_installed", "restore_no_instances", "export_password_empty",
        "export_password_wrong", "export_damaged", "file_not_found", "backup_invalid_id", "retention_zero",
        "backup_damaged", "backup_not_found", "no_password", "master_password_wrong", "master_password_empty",
        "secrets_recreated", "secrets_damaged", "secret_key_damaged", "no_master_password",
        "secret_invalid", "not_supported", "upload_too_large", "request_too_large", "agent_update_timeout",
        "no_agent_secret", "password_empty", "agent_secret_empty", "pbx_name_taken",
        "file_not_regular", "file_too_large", "settings_damaged", "journal_damaged", "export_kdf_refused",
        "secrets_kdf_refused",
    }  # fmt: skip
    staged.add("restore_module_not_installed")
    staged |= {"pbx_busy", "pbx_busy_timeout", "pbx_wait_cancelled"}  # tests/gui/test_support.py
    from tests.gui.test_unattended_errors import UNATTENDED_CODES

    # Every code of the catalogue reads German (tests/core/test_messages.py checks each raise against
    # it); these are the ones staged here by their real producers.
    assert staged | set(SYNTHETIC) | UNATTENDED_CODES <= known_codes()


def test_unknown_codes_and_missing_params_fall_back_to_english(german: str) -> None:
    unknown = ModManagerError("Something new happened.", "Do the new thing.", code="brand_new")
    assert describe(unknown) == ("Something new happened.", "Do the new thing.")
    uncoded = OperationError("Plain English.", "Hint.")
    assert describe_text(uncoded) == "Plain English. Hint."
    lacking = OperationError("The English sentence.", "Its hint.", code="update_no_catalog", params={})
    assert describe(lacking) == ("The English sentence.", "Its hint.")


def test_english_interface_says_what_the_cli_says(qapp: QApplication) -> None:
    i18n.install_translator(qapp, "en")
    error = tls.unreachable_error(f"https://127.0.0.1:{closed_port()}", ConnectionRefusedError())
    assert describe(error)[0] == error.message
