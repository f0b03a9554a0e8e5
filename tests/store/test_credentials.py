"""Credentials: keyring backend, encrypted-file fallback, and no secret ever leaking."""

from __future__ import annotations

import stat
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backends import fail, null

from modmanager.core.errors import StoreError
from modmanager.store.credentials import (
    MASTER_PASSWORD_ENV,
    SERVICE_NAME,
    CredentialStore,
    EncryptedFileStore,
    ScryptParams,
    keyring_is_usable,
    open_credentials,
)
from modmanager.store.paths import secrets_path

PASSWORD = "Pw-8d1f-Überraschung"
MASTER = "correct horse battery staple"
CHEAP_KDF = ScryptParams(log2_n=4, r=8, p=1)


@pytest.fixture
def file_store(monkeypatch: pytest.MonkeyPatch) -> CredentialStore:
    monkeypatch.setenv(MASTER_PASSWORD_ENV, MASTER)
    return open_credentials(backend="file", kdf=CHEAP_KDF)


def _assert_no_secret(*texts: object) -> None:
    for text in texts:
        assert PASSWORD not in str(text)
        assert PASSWORD not in repr(text)
        assert MASTER not in str(text)
        assert MASTER not in repr(text)


def _new_keyring(backend_class: type[keyring.backend.KeyringBackend]) -> keyring.backend.KeyringBackend:
    """Instantiate through the base type: keyring's own constructors are untyped."""
    return backend_class()


class LockedKeyring(keyring.backend.KeyringBackend):
    """A keyring that refuses every operation, like a locked desktop keyring."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked(f"locked while reading {username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked(f"locked, could not store {password}")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


# -- keyring backend ----------------------------------------------------------------------


def test_keyring_is_chosen_when_usable() -> None:
    assert open_credentials().backend_name == "keyring"


def test_keyring_round_trip_under_the_service_name() -> None:
    store = open_credentials()

    store.set_password("mueller-hq", "0001", PASSWORD)

    assert store.get_password("mueller-hq", "0001") == PASSWORD
    assert keyring.get_password(SERVICE_NAME, "pbx/mueller-hq/0001") == PASSWORD


def test_passwords_are_kept_apart_per_pbx_and_login() -> None:
    store = open_credentials()
    store.set_password("a", "0001", "first")
    store.set_password("a", "0002", "second")
    store.set_password("b", "0001", "third")

    assert [store.get_password(*key) for key in (("a", "0001"), ("a", "0002"), ("b", "0001"))] == [
        "first",
        "second",
        "third",
    ]


def test_missing_password_names_the_pbx_and_the_next_step() -> None:
    with pytest.raises(StoreError) as caught:
        open_credentials().get_password("mueller-hq", "0001")

    assert caught.value.message.startswith("No password is stored for the PBX mueller-hq")
    assert "mueller-hq" in caught.value.hint


@pytest.mark.parametrize("backend_name", ["keyring", "file"])
def test_delete_forgets_and_is_idempotent(
    backend_name: str, file_store: CredentialStore
) -> None:
    store = file_store if backend_name == "file" else open_credentials()
    store.set_password("a", "0001", PASSWORD)

    store.delete_password("a", "0001")
    store.delete_password("a", "0001")

    with pytest.raises(StoreError):
        store.get_password("a", "0001")


@pytest.mark.parametrize("backend_name", ["keyring", "file"])
def test_secret_key_is_random_32_bytes_created_once(
    backend_name: str, file_store: CredentialStore
) -> None:
    store = file_store if backend_name == "file" else open_credentials()

    first = store.get_secret_key("backups")

    assert len(first) == 32
    assert store.get_secret_key("backups") == first
    assert store.get_secret_key("other") != first


def test_damaged_secret_key_is_reported() -> None:
    keyring.set_password(SERVICE_NAME, "key/backups", "c2hvcnQ=")

    with pytest.raises(StoreError, match="damaged"):
        open_credentials().get_secret_key("backups")


def test_locked_keyring_errors_do_not_leak_the_password() -> None:
    keyring.set_keyring(_new_keyring(LockedKeyring))
    store = open_credentials()

    with pytest.raises(StoreError) as caught:
        store.set_password("a", "0001", PASSWORD)

    assert "keyring" in caught.value.message
    _assert_no_secret(caught.value, caught.value.hint, caught.value.__cause__, caught.value.__context__)


def test_forcing_the_keyring_without_one_is_an_error() -> None:
    keyring.set_keyring(_new_keyring(fail.Keyring))

    with pytest.raises(StoreError, match="No keyring"):
        open_credentials(backend="keyring")


def test_placeholder_keyrings_are_not_usable() -> None:
    assert not keyring_is_usable(_new_keyring(fail.Keyring))
    assert not keyring_is_usable(_new_keyring(null.Keyring))
    assert keyring_is_usable(keyring.get_keyring())


# -- choosing the fallback ------------------------------------------------------------------


@pytest.mark.parametrize("placeholder", [fail.Keyring, null.Keyring])
def test_without_keyring_the_encrypted_file_is_used(
    placeholder: type[keyring.backend.KeyringBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(_new_keyring(placeholder))
    monkeypatch.setenv(MASTER_PASSWORD_ENV, MASTER)

    store = open_credentials(kdf=CHEAP_KDF)
    store.set_password("a", "0001", PASSWORD)

    assert store.backend_name == "file"
    assert secrets_path().exists()


def test_without_keyring_or_master_password_the_error_says_what_to_do() -> None:
    keyring.set_keyring(_new_keyring(fail.Keyring))

    with pytest.raises(StoreError) as caught:
        open_credentials()

    assert caught.value.message == (
        "No keyring is available on this machine and no master password was given."
    )
    assert MASTER_PASSWORD_ENV in caught.value.hint


def test_prompt_supplies_the_master_password_when_the_variable_is_unset() -> None:
    asked: list[bool] = []

    def prompt() -> str:
        asked.append(True)
        return MASTER

    store = open_credentials(backend="file", prompt=prompt, kdf=CHEAP_KDF)
    store.set_password("a", "0001", PASSWORD)

    assert asked == [True]
    assert open_credentials(backend="file", prompt=lambda: MASTER).get_password("a", "0001") == PASSWORD


def test_environment_variable_wins_over_the_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MASTER_PASSWORD_ENV, MASTER)

    def prompt() -> str:
        raise AssertionError("the prompt must not be called")

    open_credentials(backend="file", prompt=prompt, kdf=CHEAP_KDF)


# -- the encrypted file ---------------------------------------------------------------------


def test_file_round_trip_across_reopening(file_store: CredentialStore) -> None:
    file_store.set_password("mueller-hq", "0001", PASSWORD)
    key = file_store.get_secret_key("backups")

    reopened = open_credentials(backend="file")

    assert reopened.get_password("mueller-hq", "0001") == PASSWORD
    assert reopened.get_secret_key("backups") == key


def test_file_is_private_and_holds_no_plaintext(file_store: CredentialStore) -> None:
    file_store.set_password("mueller-hq", "0001", PASSWORD)

    path = secrets_path()
    content = path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert PASSWORD.encode("utf-8") not in content
    assert b"mueller-hq" not in content
    assert MASTER.encode("utf-8") not in content


def test_wrong_master_password_is_recognised(file_store: CredentialStore) -> None:
    file_store.set_password("a", "0001", PASSWORD)

    with pytest.raises(StoreError) as caught:
        EncryptedFileStore(secrets_path(), "wrong password")

    assert caught.value.message == "The master password is wrong."
    _assert_no_secret(caught.value)


@pytest.mark.parametrize("offset_from_end", [1, 20])
def test_tampered_content_is_rejected(file_store: CredentialStore, offset_from_end: int) -> None:
    file_store.set_password("a", "0001", PASSWORD)
    path = secrets_path()
    data = bytearray(path.read_bytes())
    data[-offset_from_end] ^= 0x01
    path.write_bytes(bytes(data))

    with pytest.raises(StoreError) as caught:
        open_credentials(backend="file").get_password("a", "0001")

    assert "modified or is damaged" in caught.value.message
    assert str(path) in caught.value.message


@pytest.mark.parametrize("content", [b"", b"MMSECRT1", b"not a secrets file at all" * 4])
def test_truncated_or_foreign_file_is_rejected(content: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MASTER_PASSWORD_ENV, MASTER)
    secrets_path().write_bytes(content)

    with pytest.raises(StoreError, match="modified or is damaged"):
        open_credentials(backend="file")


def test_empty_master_password_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="empty"):
        EncryptedFileStore(tmp_path / "secrets.enc", "")


def test_default_kdf_cost_is_used_for_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "secrets.enc"
    store = CredentialStore(EncryptedFileStore(path, MASTER))
    store.set_password("a", "0001", PASSWORD)

    log2_n = path.read_bytes()[8]
    assert log2_n == ScryptParams().log2_n


def test_objects_and_errors_never_show_secrets(file_store: CredentialStore) -> None:
    file_store.set_password("a", "0001", PASSWORD)
    keyring_store = open_credentials()
    keyring_store.set_password("a", "0001", PASSWORD)
    errors: list[StoreError] = []
    for attempt in (
        lambda: file_store.get_password("a", "other"),
        lambda: EncryptedFileStore(secrets_path(), MASTER + "x"),
    ):
        with pytest.raises(StoreError) as caught:
            attempt()
        errors.append(caught.value)

    _assert_no_secret(file_store, keyring_store, file_store._backend, keyring_store._backend, *errors)


# -- agent secrets ------------------------------------------------------------------------------

AGENT_SECRET = "Agent-5ecret-Ä7"


def test_agent_secrets_are_kept_per_pbx_beside_the_password() -> None:
    store = open_credentials(backend="keyring")
    store.set_password("mueller-hq", "0001", PASSWORD)
    store.set_agent_secret("mueller-hq", AGENT_SECRET)
    store.set_agent_secret("schmidt", "other")
    assert store.get_agent_secret("mueller-hq") == AGENT_SECRET
    assert store.get_password("mueller-hq", "0001") == PASSWORD  # a different entry
    store.delete_agent_secret("mueller-hq")
    store.delete_agent_secret("mueller-hq")  # harmless twice
    with pytest.raises(StoreError) as caught:
        store.get_agent_secret("mueller-hq")
    assert caught.value.code == "no_agent_secret" and caught.value.params == {"pbx": "mueller-hq"}
    assert "--agent-secret-stdin" in caught.value.hint
    assert store.get_agent_secret("schmidt") == "other"


def test_agent_secret_in_the_encrypted_file_is_never_plaintext(file_store: CredentialStore) -> None:
    file_store.set_agent_secret("mueller-hq", AGENT_SECRET)
    assert AGENT_SECRET.encode() not in secrets_path().read_bytes()
    assert open_credentials(backend="file").get_agent_secret("mueller-hq") == AGENT_SECRET
    assert AGENT_SECRET not in repr(file_store) + repr(file_store._backend)
