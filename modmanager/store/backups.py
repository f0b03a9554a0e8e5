"""Encrypted backups of module settings.

A backup holds everything needed to put one module's settings back on a PBX: every
instance with its active flag and values by variableId, the module-internal data blob, and the
descriptor of the installed version (its settings schema, so a restore onto another version
can migrate). Settings can hold passwords and customer data, so the payload is encrypted at
rest with AES-GCM under a key kept in the credential store; the clear header (who, what,
when - never values) is authenticated as associated data, so any change to a file is detected
and such a backup is refused, never restored. Files are written atomically.

An exported backup is the same structure encrypted under a key derived from a password the
user chooses (scrypt), so it can travel to another workstation or be restored onto another PBX.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import secrets
import struct
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.localfile import read_problem
from modmanager.core.protocol import AnswerError, ModuleConfig
from modmanager.core.redact import register_secret
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.credentials import CredentialStore
from modmanager.store.kdf import check_scrypt_cost
from modmanager.store.paths import backups_dir

BACKUP_KEY_NAME = "backups"
_MAGIC = b"MMBACKUP1\n"
_EXPORT_MAGIC = b"MMEXPORT1\n"
_NONCE_BYTES = 12
_HEADER_LIMIT = 64 * 1024
_FILE_LIMIT = 256 * 1024 * 1024
_HEAD_BYTES = len(_MAGIC) + 4 + _HEADER_LIMIT + _NONCE_BYTES + 16
_MAX_HEADER_TEXT = 4096
_MAX_INSTANCES = 10_000
_ID_PATTERN = re.compile(r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$")
_SUFFIX = ".mmb"


@dataclass(frozen=True)
class ExportKdf:
    """scrypt cost for exported files; tests lower it, files record what they used."""

    log2_n: int = 15
    r: int = 8
    p: int = 1


@dataclass(frozen=True)
class BackupInfo:
    """The clear, authenticated header of a backup: enough to list and choose, no values."""

    backup_id: str
    pbx_name: str
    pbx_identity: str
    """Server license key or hardware ID of the PBX the backup was taken from."""
    module_id: str
    module_name: str
    module_version: int
    created_at: str
    reason: str
    """``manual``, ``pre-update``, ``import`` ..."""
    instances: tuple[tuple[str, bool], ...]
    """Instance names with their active flag."""

    def to_json(self) -> dict[str, Any]:
        return {
            "backupId": self.backup_id,
            "pbxName": self.pbx_name,
            "pbxIdentity": self.pbx_identity,
            "moduleId": self.module_id,
            "moduleName": self.module_name,
            "moduleVersion": self.module_version,
            "createdAt": self.created_at,
            "reason": self.reason,
            "instances": [{"name": name, "active": active} for name, active in self.instances],
        }

    @classmethod
    def from_json(cls, data: Any) -> BackupInfo:
        """The header a file holds; ``ValueError`` naming the first field missing or of the wrong type."""
        if not isinstance(data, dict):
            raise ValueError("header is not an object")
        instances = data.get("instances")
        if not isinstance(instances, list) or len(instances) > _MAX_INSTANCES:
            raise ValueError("header field 'instances' is not a list of instances")
        pairs = []
        for item in instances:
            if not isinstance(item, dict) or not isinstance(item.get("active"), bool):
                raise ValueError("header field 'instances' is not a list of instances")
            pairs.append((_header_text(item, "name"), bool(item["active"])))
        version = data.get("moduleVersion")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("header field 'moduleVersion' is not a whole number")
        info = cls(
            backup_id=_header_text(data, "backupId"),
            pbx_name=_header_text(data, "pbxName"),
            pbx_identity=_header_text(data, "pbxIdentity"),
            module_id=_header_text(data, "moduleId"),
            module_name=_header_text(data, "moduleName"),
            module_version=version,
            created_at=_header_text(data, "createdAt"),
            reason=_header_text(data, "reason"),
            instances=tuple(pairs),
        )
        if not _ID_PATTERN.match(info.backup_id):
            raise ValueError("backup id is malformed")
        return info


def _header_text(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or len(value) > _MAX_HEADER_TEXT:
        raise ValueError(f"header field {name!r} is missing or not a text")
    return value


@dataclass(frozen=True)
class Backup:
    info: BackupInfo
    descriptor_xml: bytes
    """Descriptor of the version the backup was taken from (its settings schema)."""
    config: ModuleConfig


@dataclass(frozen=True)
class DamagedBackup:
    """A file in the backup folder that cannot be read: listed so the user sees it, never restored.

    ``problem`` says why in English; ``key`` names the kind of damage for front ends that say
    it in another language (see :data:`DAMAGE_KEYS`); ``info`` is the clear header when it
    could still be read (the damage is in the encrypted part), so the list can say whose it was.
    """

    path: Path
    problem: str
    key: str = "unreadable"
    info: BackupInfo | None = None

    @property
    def backup_id(self) -> str:
        """The id in the file name (what ``backup delete`` takes); "" when the name is not an id."""
        stem = self.path.name.removesuffix(_SUFFIX)
        return stem if _ID_PATTERN.match(stem) else ""


DAMAGE_KEYS = (
    "not_backup", "truncated", "header", "name_mismatch", "checksum", "contents",
    "not_regular", "too_large", "unreadable",
)  # fmt: skip
"""Every ``DamagedBackup.key``."""


class _Damage(ValueError):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__(reason)
        self.key = key


# --- payload (de)serialisation -----------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _payload(descriptor_xml: bytes, config: ModuleConfig) -> bytes:
    # The agent protocol's JSON form of the configuration (values with their types, internal
    # data as base64), so every value shape the PBX knows round-trips.
    document = {"descriptor": _b64(descriptor_xml), "config": config.to_struct()}
    return json.dumps(document, sort_keys=True).encode("utf-8")


def _parse_payload(data: bytes) -> tuple[bytes, ModuleConfig]:
    document = safejson.loads(data, max_bytes=_FILE_LIMIT, expect=dict)
    if not isinstance(document.get("config"), dict):
        raise ValueError("config is not an object")
    return _unb64(document["descriptor"]), ModuleConfig.from_struct(document["config"])


def _pack(magic: bytes, header: dict[str, Any]) -> bytes:
    """The clear prefix of a file (magic + length + header JSON); also the AES-GCM associated data."""
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    return magic + struct.pack(">I", len(header_bytes)) + header_bytes


def _split(data: bytes, magic: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """Return (header, associated data, nonce, ciphertext); ``_Damage`` (a ValueError) if the frame is broken."""
    if not data.startswith(magic):
        if magic.startswith(data):
            raise _Damage("truncated", "file is truncated")
        raise _Damage("not_backup", "not a modmanager backup file")
    offset = len(magic)
    if len(data) < offset + 4:
        raise _Damage("truncated", "file is truncated")
    (length,) = struct.unpack(">I", data[offset : offset + 4])
    if length > _HEADER_LIMIT:
        raise _Damage("header", "header is too large")
    header_end = offset + 4 + length
    if len(data) < header_end + _NONCE_BYTES + 16:
        raise _Damage("truncated", "file is truncated")
    try:
        header = safejson.loads(data[offset + 4 : header_end], max_bytes=_HEADER_LIMIT, max_depth=8, expect=dict)
    except safejson.JsonProblem as problem:
        raise _Damage("header", f"header cannot be read: {problem.reason}") from None
    nonce = data[header_end : header_end + _NONCE_BYTES]
    return header, data[:header_end], nonce, data[header_end + _NONCE_BYTES :]


def _new_backup_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(4)


# --- the store ---------------------------------------------------------------------------------


class BackupStore:
    """Backups on disk, one encrypted file each, keyed by backup id."""

    def __init__(self, credentials: CredentialStore, folder: Path | None = None) -> None:
        self._credentials = credentials
        self._folder = folder or backups_dir()
        self._folder.mkdir(parents=True, exist_ok=True)
        self._key: bytes | None = None
        self._verified_lock = threading.Lock()
        self._verified_files: dict[str, tuple[tuple[int, int, int], _Damage | None]] = {}

    @property
    def folder(self) -> Path:
        return self._folder

    def _cipher(self) -> AESGCM:
        if self._key is None:
            self._key = self._credentials.get_secret_key(BACKUP_KEY_NAME)
        return AESGCM(self._key)

    def _path(self, backup_id: str) -> Path:
        if not _ID_PATTERN.match(backup_id):
            raise StoreError(code="backup_invalid_id", params={"backup": backup_id})
        return self._folder / f"{backup_id}{_SUFFIX}"

    def create(
        self,
        *,
        pbx_name: str,
        pbx_identity: str,
        module_name: str,
        descriptor_xml: bytes,
        config: ModuleConfig,
        reason: str = "manual",
    ) -> BackupInfo:
        """Encrypt and write a backup, then read it back to prove it can be restored."""
        info = BackupInfo(
            backup_id=_new_backup_id(),
            pbx_name=pbx_name,
            pbx_identity=pbx_identity,
            module_id=config.module_id,
            module_name=module_name,
            module_version=config.version,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            reason=reason,
            instances=tuple((inst.name, inst.active) for inst in config.instances),
        )
        self._write(info, descriptor_xml, config)
        restored = self.load(info.backup_id)
        if restored.config != config or restored.descriptor_xml != descriptor_xml:
            raise StoreError(code="backup_not_verified", params={"module": module_name, "folder": str(self._folder)})
        return info

    def _write(self, info: BackupInfo, descriptor_xml: bytes, config: ModuleConfig) -> None:
        prefix = _pack(_MAGIC, info.to_json())
        nonce = os.urandom(_NONCE_BYTES)
        ciphertext = self._cipher().encrypt(nonce, _payload(descriptor_xml, config), prefix)
        write_atomic(self._path(info.backup_id), prefix + nonce + ciphertext)

    def load(self, backup_id: str) -> Backup:
        """Decrypt and check a backup; a changed, truncated or foreign file is refused."""
        path = self._path(backup_id)
        try:
            data = read_bytes_limited(path, _FILE_LIMIT, what="backup")
        except FileNotFoundError as error:
            raise _no_backup(backup_id) from error
        except StoreError as error:
            key, why = read_problem(error)
            raise _damaged(backup_id, why, key) from None
        try:
            header, aad, nonce, ciphertext = _split(data, _MAGIC)
            info = BackupInfo.from_json(header)
            if info.backup_id != backup_id:
                raise _Damage("name_mismatch", "file name and header disagree")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise _damaged(backup_id, str(error), error.key if isinstance(error, _Damage) else "header") from error
        try:
            plaintext = self._cipher().decrypt(nonce, ciphertext, aad)
        except InvalidTag as error:
            raise _damaged(backup_id, "its contents do not match its checksum", "checksum") from error
        try:
            descriptor_xml, config = _parse_payload(plaintext)
        except (ValueError, KeyError, TypeError, AnswerError, binascii.Error) as error:
            raise _damaged(backup_id, "its contents cannot be read", "contents") from error
        return Backup(info=info, descriptor_xml=descriptor_xml, config=config)

    def list_backups(
        self, *, pbx_name: str | None = None, module_id: str | None = None, check_contents: bool = True
    ) -> tuple[list[BackupInfo], list[DamagedBackup]]:
        """Backups (newest first) and the files that cannot be restored, filtered by PBX/module.

        With ``check_contents`` each listed backup is also decrypted and checked (once per file and
        process: the result is remembered by size and modification time), so a truncated or
        changed backup is listed as damaged, never as a normal one. Without the key (a locked
        keyring) only the headers are checked. A damaged file whose header cannot be read is
        listed whatever the filter, since whose it is cannot be told.
        """
        found: list[BackupInfo] = []
        damaged: list[DamagedBackup] = []
        can_check = check_contents
        for path in sorted(self._folder.glob(f"*{_SUFFIX}")):
            try:
                info = self._header(path)
            except FileNotFoundError:
                continue  # deleted by a concurrent prune between listing and reading
            except _Damage as damage:
                damaged.append(DamagedBackup(path=path, problem=str(damage), key=damage.key))
                continue
            if pbx_name is not None and info.pbx_name != pbx_name:
                continue
            if module_id is not None and info.module_id != module_id:
                continue
            if can_check:
                try:
                    problem = self._verified(path)
                except StoreError:
                    can_check = False  # no key: the headers are all that can be checked
                    problem = None
                if problem is not None:
                    damaged.append(DamagedBackup(path=path, problem=str(problem), key=problem.key, info=info))
                    continue
            found.append(info)
        found.sort(key=lambda info: (info.created_at, info.backup_id), reverse=True)
        return found, damaged

    def _header(self, path: Path) -> BackupInfo:
        """The clear header of the file at ``path``; ``_Damage`` when it cannot be read."""
        try:
            head = read_bytes_limited(path, _HEAD_BYTES, what="backup", prefix=True)
        except StoreError as error:
            raise _Damage(*read_problem(error)) from None
        header, _, _, _ = _split(head, _MAGIC)
        try:
            info = BackupInfo.from_json(header)
        except ValueError as error:
            raise _Damage("header", str(error)) from None
        if path.name != f"{info.backup_id}{_SUFFIX}":
            raise _Damage("name_mismatch", "file name and header disagree")
        return info

    def _verified(self, path: Path) -> _Damage | None:
        """None when the backup at ``path`` decrypts and reads back; else its damage. Remembered per file."""
        try:
            stat = path.stat()
        except OSError:
            return _Damage("unreadable", "it cannot be read")
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        with self._verified_lock:
            known = self._verified_files.get(path.name)
        if known is not None and known[0] == stamp:
            return known[1]
        cipher = self._cipher()  # StoreError without a key: the caller stops verifying
        problem: _Damage | None = None
        try:
            data = read_bytes_limited(path, _FILE_LIMIT, what="backup")
            _, aad, nonce, ciphertext = _split(data, _MAGIC)
            _parse_payload(cipher.decrypt(nonce, ciphertext, aad))
        except FileNotFoundError:
            problem = _Damage("unreadable", "it was deleted meanwhile")
        except StoreError as error:
            problem = _Damage(*read_problem(error))
        except _Damage as damage:
            problem = damage
        except InvalidTag:
            problem = _Damage("checksum", "its contents do not match its checksum")
        except (ValueError, KeyError, TypeError, AnswerError, binascii.Error):
            problem = _Damage("contents", "its contents cannot be read")
        with self._verified_lock:
            self._verified_files[path.name] = (stamp, problem)
        return problem

    def delete(self, backup_id: str) -> None:
        try:
            self._path(backup_id).unlink()
        except FileNotFoundError as error:
            raise _no_backup(backup_id) from error

    def prune(self, keep: int, *, protected: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """Keep the newest ``keep`` intact backups per PBX and module; never delete ``protected`` ones.

        ``protected`` are the backups that open update journals need: deleting one would take
        away the only way back for an interrupted update. A damaged backup never counts as one
        of the ``keep`` (it could not be restored) and is not deleted here either: it stays
        listed as damaged until the user deletes it.
        """
        if keep < 1:
            raise StoreError(code="retention_zero")
        infos, _ = self.list_backups(check_contents=False)
        groups: dict[tuple[str, str], list[BackupInfo]] = {}
        for info in infos:
            groups.setdefault((info.pbx_name, info.module_id), []).append(info)
        deleted: list[str] = []
        for group in groups.values():
            intact = 0
            for info in group:
                path = self._path(info.backup_id)
                if intact < keep:
                    try:
                        if self._verified(path) is None:
                            intact += 1
                    except StoreError:
                        return deleted  # no key to tell intact from damaged: delete nothing more
                    continue
                if info.backup_id in protected:
                    continue
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue  # pruned at the same moment by another backup finishing
                deleted.append(info.backup_id)
        return deleted

    def export(self, backup_id: str, destination: Path, password: str, *, kdf: ExportKdf | None = None) -> None:
        """Write a portable copy protected by ``password`` (the local key stays on this machine)."""
        register_secret(password)
        if not password:
            raise StoreError(code="export_password_empty")
        backup = self.load(backup_id)
        kdf = kdf or ExportKdf()
        check_scrypt_cost(kdf.log2_n, kdf.r, kdf.p)
        salt = os.urandom(16)
        header = {
            "backup": backup.info.to_json(),
            "kdf": {"salt": _b64(salt), "log2n": kdf.log2_n, "r": kdf.r, "p": kdf.p},
        }
        prefix = _pack(_EXPORT_MAGIC, header)
        nonce = os.urandom(_NONCE_BYTES)
        key = _derive(password, salt, kdf)
        ciphertext = AESGCM(key).encrypt(nonce, _payload(backup.descriptor_xml, backup.config), prefix)
        write_atomic(destination, prefix + nonce + ciphertext)

    def read_export(self, source: Path, password: str) -> Backup:
        """Decrypt an exported file without storing it (to show what it contains).

        The key derivation cost the file records is checked against fixed bounds before the
        password is used (:mod:`modmanager.store.kdf`): a file cannot make modmanager allocate
        gigabytes or compute for minutes.
        """
        register_secret(password)
        try:
            data = read_bytes_limited(source, _FILE_LIMIT, what="backup export")
        except FileNotFoundError as error:
            raise StoreError(code="file_not_found", params={"path": str(source)}) from error
        try:
            header, aad, nonce, ciphertext = _split(data, _EXPORT_MAGIC)
            info = BackupInfo.from_json(header.get("backup"))
            kdf_form = header.get("kdf")
            if not isinstance(kdf_form, dict):
                raise ValueError("the key derivation parameters are missing")
            log2_n, r, p = (_whole(kdf_form.get(name)) for name in ("log2n", "r", "p"))
            salt = _unb64(kdf_form.get("salt"))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as error:
            raise StoreError(code="export_damaged", params={"file": source.name, "why": str(error)}) from error
        try:
            check_scrypt_cost(log2_n, r, p)
        except ValueError:
            raise StoreError(code="export_kdf_refused", params={"file": source.name}) from None
        kdf = ExportKdf(log2_n=log2_n, r=r, p=p)
        try:
            plaintext = AESGCM(_derive(password, salt, kdf)).decrypt(nonce, ciphertext, aad)
        except InvalidTag as error:
            raise StoreError(code="export_password_wrong", params={"file": source.name}) from error
        try:
            descriptor_xml, config = _parse_payload(plaintext)
        except (ValueError, KeyError, TypeError, AnswerError, binascii.Error) as error:
            raise StoreError(code="export_unreadable", params={"file": source.name}) from error
        return Backup(info=info, descriptor_xml=descriptor_xml, config=config)

    def import_file(self, source: Path, password: str) -> BackupInfo:
        """Store an exported backup locally (under a new id, encrypted with the local key)."""
        backup = self.read_export(source, password)
        info = replace(backup.info, backup_id=_new_backup_id(), reason="import")
        self._write(info, backup.descriptor_xml, backup.config)
        self.load(info.backup_id)
        return info


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("the key derivation parameters are not whole numbers")
    return value


def _derive(password: str, salt: bytes, kdf: ExportKdf) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**kdf.log2_n, r=kdf.r, p=kdf.p).derive(password.encode("utf-8"))


def _damaged(backup_id: str, why: str, key: str) -> StoreError:
    """Params: ``backup``, ``why`` (English words), ``why_key`` (a key of :data:`DAMAGE_KEYS`)."""
    return StoreError(code="backup_damaged", params={"backup": backup_id, "why": why, "why_key": key})


def _no_backup(backup_id: str) -> StoreError:
    return StoreError(code="backup_not_found", params={"backup": backup_id})
