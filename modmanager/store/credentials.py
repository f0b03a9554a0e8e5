"""Secrets (PBX passwords, agent secrets, backup keys) live only in the OS keyring or an encrypted file.

The OS keyring is used when one is available. On machines without one (headless Linux, CI)
secrets go to ``secrets.enc`` in the data folder, encrypted with AES-256-GCM under a key
derived by scrypt from a master password; there is no plaintext fallback.

No secret is ever put into an exception, a log line or a ``repr``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets as secrets_module
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.redact import register_secret
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.kdf import check_scrypt_cost
from modmanager.store.paths import secrets_path

SERVICE_NAME = "modmanager"
"""The service name under which secrets are kept in the OS keyring."""

MASTER_PASSWORD_ENV = "MODMANAGER_MASTER_PASSWORD"
SECRET_KEY_BYTES = 32

BackendChoice = Literal["auto", "keyring", "file"]


@dataclass(frozen=True)
class ScryptParams:
    """Cost of deriving the file key; tests pass cheap values, real files use the default."""

    log2_n: int = 15
    r: int = 8
    p: int = 1


class _SecretBackend(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def delete(self, key: str) -> None: ...


class CredentialStore:
    """Facade over the chosen backend: PBX passwords, agent secrets and named random keys."""

    def __init__(self, backend: _SecretBackend) -> None:
        self._backend: _SecretBackend = _Registering(backend)
        self._inner = backend
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:
        """``"keyring"`` or ``"file"``: where secrets are kept (for diagnostics)."""
        return "file" if isinstance(self._inner, EncryptedFileStore) else "keyring"

    def set_password(self, pbx_name: str, login_id: str, password: str) -> None:
        """Store the password of ``login_id`` on the PBX ``pbx_name``."""
        with self._lock:
            self._backend.set(_password_key(pbx_name, login_id), password)

    def get_password(self, pbx_name: str, login_id: str) -> str:
        """The stored password; StoreError if none is stored."""
        with self._lock:
            password = self._backend.get(_password_key(pbx_name, login_id))
        if password is None:
            raise StoreError(code="no_password", params={"pbx": pbx_name, "login": login_id})
        return password

    def delete_password(self, pbx_name: str, login_id: str) -> None:
        """Forget the password; nothing happens if none is stored."""
        with self._lock:
            self._backend.delete(_password_key(pbx_name, login_id))

    def set_agent_secret(self, pbx_name: str, secret: str) -> None:
        """Store the secret the modmanager agent on the PBX ``pbx_name`` is configured with."""
        with self._lock:
            self._backend.set(_agent_secret_key(pbx_name), secret)

    def get_agent_secret(self, pbx_name: str) -> str:
        """The stored agent secret; StoreError if none is stored."""
        with self._lock:
            secret = self._backend.get(_agent_secret_key(pbx_name))
        if secret is None:
            raise StoreError(code="no_agent_secret", params={"pbx": pbx_name})
        return secret

    def delete_agent_secret(self, pbx_name: str) -> None:
        """Forget the agent secret; nothing happens if none is stored."""
        with self._lock:
            self._backend.delete(_agent_secret_key(pbx_name))
    def set_secret(self, name: str, value: str) -> None:
        """Keep a named secret (e.g. ``smtp``, the SMTP password)."""
        with self._lock:
            self._backend.set(f"secret/{name}", value)

    def get_secret(self, name: str) -> str | None:
        """A named secret, or None when none is stored."""
        with self._lock:
            return self._backend.get(f"secret/{name}")

    def delete_secret(self, name: str) -> None:
        with self._lock:
            self._backend.delete(f"secret/{name}")

    def get_secret_key(self, name: str) -> bytes:
        """A random 32-byte key, created on first use and kept in the same store."""
        key = f"key/{name}"
        with self._lock:
            stored = self._backend.get(key)
            if stored is None:
                value = secrets_module.token_bytes(SECRET_KEY_BYTES)
                self._backend.set(key, base64.b64encode(value).decode("ascii"))
                return value
        try:
            value = base64.b64decode(stored, validate=True)
        except (binascii.Error, ValueError):
            value = b""
        if len(value) != SECRET_KEY_BYTES:
            raise StoreError(code="secret_key_damaged", params={"name": name})
        return value


class _Registering:
    """Every secret that passes the store is registered for masking in logs (core/redact.py)."""

    def __init__(self, inner: _SecretBackend) -> None:
        self._inner = inner

    def get(self, key: str) -> str | None:
        value = self._inner.get(key)
        register_secret(value)
        return value

    def set(self, key: str, value: str) -> None:
        register_secret(value)
        self._inner.set(key, value)

    def delete(self, key: str) -> None:
        self._inner.delete(key)


def _password_key(pbx_name: str, login_id: str) -> str:
    # PBX names cannot contain "/", so the first slash after the prefix separates the parts.
    return f"pbx/{pbx_name}/{login_id}"


def _agent_secret_key(pbx_name: str) -> str:
    return f"agent/{pbx_name}"


def keyring_is_usable(backend: KeyringBackend) -> bool:
    """False for keyring's placeholder backends that cannot store anything."""
    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return type(backend).__module__ != "keyring.backends.null"


class KeyringStore:
    """Secrets in the OS keyring under the service :data:`SERVICE_NAME`."""

    def __init__(self, backend: KeyringBackend) -> None:
        self._keyring = backend

    # Errors are raised outside the except blocks so that the backend's exception (whose
    # text may quote the secret) is not even attached as __context__.

    def get(self, key: str) -> str | None:
        try:
            value: str | None = self._keyring.get_password(SERVICE_NAME, key)
        except keyring.errors.KeyringError as exc:
            failure = _keyring_error("read from", exc)
        else:
            return value
        raise failure

    def set(self, key: str, value: str) -> None:
        try:
            self._keyring.set_password(SERVICE_NAME, key, value)
        except keyring.errors.KeyringError as exc:
            failure = _keyring_error("write to", exc)
        else:
            return
        raise failure

    def delete(self, key: str) -> None:
        try:
            self._keyring.delete_password(SERVICE_NAME, key)
        except keyring.errors.PasswordDeleteError:
            return
        except keyring.errors.KeyringError as exc:
            failure = _keyring_error("delete from", exc)
        else:
            return
        raise failure


def _keyring_error(action: str, exc: keyring.errors.KeyringError) -> StoreError:
    # Only the error type is named: backend messages are not ours to vouch for.
    return StoreError(code="keyring_failed", params={"action": action, "error_type": type(exc).__name__})


# -- encrypted file ---------------------------------------------------------------------

_MAGIC = b"MMSECRT1"
_SALT_BYTES = 16
_NONCE_BYTES = 12
_HEADER = struct.Struct(f">{len(_MAGIC)}sBII{_SALT_BYTES}s32s")
"""magic, log2(n), r, p, salt, password verifier; followed by nonce and ciphertext."""
_VERIFIER_LABEL = b"modmanager secrets: master password check"
_MAX_FILE_BYTES = 16 * 1024 * 1024


class EncryptedFileStore:
    """Secrets in one AES-GCM encrypted JSON map, for machines without a keyring.

    The scrypt output is split into the encryption key and a verifier key. The header keeps
    an HMAC made with the verifier key, so a wrong master password is told apart from a
    file whose content was changed or damaged. The header is authenticated as associated
    data. The whole file is rewritten atomically with a fresh nonce on every change.
    """

    def __init__(self, path: Path, master_password: str, *, kdf: ScryptParams | None = None) -> None:
        if not master_password:
            raise StoreError(code="master_password_empty")
        register_secret(master_password)
        self.path = path
        self._lock = threading.Lock()
        self._decrypted: tuple[bytes, dict[str, str]] = (b"", {})
        """The file's bytes last decrypted, and what they held (a fleet read asks for hundreds of secrets)."""
        header = self._read_header()
        if header is None:
            params = kdf or ScryptParams()
            try:
                check_scrypt_cost(params.log2_n, params.r, params.p)
            except ValueError as error:
                raise ValueError(f"The secrets file cannot be created with this scrypt cost: {error}.") from None
            salt = secrets_module.token_bytes(_SALT_BYTES)
            self._key, verifier_key = _derive(master_password, salt, params)
            verifier = hmac.new(verifier_key, _VERIFIER_LABEL, hashlib.sha256).digest()
        else:
            params, salt, verifier = header
            self._key, verifier_key = _derive(master_password, salt, params)
            expected = hmac.new(verifier_key, _VERIFIER_LABEL, hashlib.sha256).digest()
            if not hmac.compare_digest(expected, verifier):
                raise StoreError(code="master_password_wrong", params={"path": str(path)})
        self._header = _HEADER.pack(_MAGIC, params.log2_n, params.r, params.p, salt, verifier)

    def __repr__(self) -> str:
        return f"EncryptedFileStore({str(self.path)!r})"

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._load().get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            entries = self._load()
            entries[key] = value
            self._save(entries)

    def delete(self, key: str) -> None:
        with self._lock:
            entries = self._load()
            if entries.pop(key, None) is not None:
                self._save(entries)

    def _read_header(self) -> tuple[ScryptParams, bytes, bytes] | None:
        data = self._read_file()
        if data is None:
            return None
        magic, log2_n, r, p, salt, verifier = _HEADER.unpack_from(data)
        if magic != _MAGIC:
            raise self._damaged()
        try:
            check_scrypt_cost(log2_n, r, p)  # before the master password is used: the file is not trusted yet
        except ValueError:
            raise StoreError(code="secrets_kdf_refused", params={"path": str(self.path)}) from None
        return ScryptParams(log2_n, r, p), salt, verifier

    def _read_file(self) -> bytes | None:
        try:
            data = read_bytes_limited(self.path, _MAX_FILE_BYTES, what="secrets file")
        except FileNotFoundError:
            return None
        if len(data) < _HEADER.size + _NONCE_BYTES or not data.startswith(_MAGIC):
            raise self._damaged()
        return data

    def _load(self) -> dict[str, str]:
        """The secrets as the file holds them now (read every time: another process may have changed it)."""
        data = self._read_file()
        if data is None:
            return {}
        if data == self._decrypted[0]:  # unchanged since the last look: no need to decrypt and parse again
            return dict(self._decrypted[1])
        entries = self._decrypt(data)
        self._decrypted = (data, entries)
        return dict(entries)

    def _decrypt(self, data: bytes) -> dict[str, str]:
        header = data[: _HEADER.size]
        if header != self._header:
            # Another process re-created the file with a different password or salt.
            raise StoreError(code="secrets_recreated", params={"path": str(self.path)})
        nonce = data[_HEADER.size : _HEADER.size + _NONCE_BYTES]
        try:
            plain = AESGCM(self._key).decrypt(nonce, data[_HEADER.size + _NONCE_BYTES :], header)
            entries = safejson.loads(plain, max_bytes=_MAX_FILE_BYTES, max_depth=4, expect=dict)
        except (InvalidTag, safejson.JsonProblem):
            raise self._damaged() from None
        if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
            raise self._damaged()
        return entries

    def _save(self, entries: dict[str, str]) -> None:
        nonce = secrets_module.token_bytes(_NONCE_BYTES)
        plain = json.dumps(entries, sort_keys=True).encode("utf-8")
        cipher = AESGCM(self._key).encrypt(nonce, plain, self._header)
        write_atomic(self.path, self._header + nonce + cipher, mode=0o600)

    def _damaged(self) -> StoreError:
        return StoreError(code="secrets_damaged", params={"path": str(self.path)})


def _derive(master_password: str, salt: bytes, params: ScryptParams) -> tuple[bytes, bytes]:
    """Derive the encryption key and the verifier key from the master password."""
    material = Scrypt(salt=salt, length=64, n=2**params.log2_n, r=params.r, p=params.p).derive(
        master_password.encode("utf-8")
    )
    return material[:32], material[32:]


# -- choosing the backend ---------------------------------------------------------------


def open_credentials(
    *,
    backend: BackendChoice = "auto",
    prompt: Callable[[], str] | None = None,
    path: Path | None = None,
    kdf: ScryptParams | None = None,
) -> CredentialStore:
    """Open the credential store: the OS keyring if usable, else the encrypted file.

    Args:
        backend: ``"auto"`` picks; ``"keyring"`` or ``"file"`` force one.
        prompt: asks the user for the master password (only called for the file backend
            when ``MODMANAGER_MASTER_PASSWORD`` is not set).
        path: the encrypted file; defaults to ``secrets.enc`` in the data folder.
        kdf: scrypt cost for a newly created file (an existing file keeps its own).
    """
    if backend != "file":
        current = keyring.get_keyring()
        if keyring_is_usable(current):
            return CredentialStore(KeyringStore(current))
        if backend == "keyring":
            raise StoreError(code="no_keyring")
    master_password = os.environ.get(MASTER_PASSWORD_ENV) or (prompt() if prompt else "")
    if not master_password:
        raise StoreError(code="no_master_password", params={"variable": MASTER_PASSWORD_ENV})
    return CredentialStore(EncryptedFileStore(path or secrets_path(), master_password, kdf=kdf))
