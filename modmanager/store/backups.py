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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from modmanager.core.errors import StoreError
from modmanager.core.protocol import AnswerError, ModuleConfig
from modmanager.core.redact import register_secret
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.credentials import CredentialStore
from modmanager.store.paths import backups_dir

BACKUP_KEY_NAME = "backups"
_MAGIC = b"MMBACKUP1\n"
_EXPORT_MAGIC = b"MMEXPORT1\n"
_NONCE_BYTES = 12
_HEADER_LIMIT = 64 * 1024
_FILE_LIMIT = 256 * 1024 * 1024
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
        if not isinstance(data, dict):
            raise ValueError("header is not an object")
        instances = data["instances"]
        if not isinstance(instances, list):
            raise ValueError("instances is not a list")
        info = cls(
            backup_id=str(data["backupId"]),
            pbx_name=str(data["pbxName"]),
            pbx_identity=str(data["pbxIdentity"]),
            module_id=str(data["moduleId"]),
            module_name=str(data["moduleName"]),
            module_version=int(data["moduleVersion"]),
            created_at=str(data["createdAt"]),
            reason=str(data["reason"]),
            instances=tuple((str(item["name"]), bool(item["active"])) for item in instances),
        )
        if not _ID_PATTERN.match(info.backup_id):
            raise ValueError("backup id is malformed")
        return info


@dataclass(frozen=True)
class Backup:
    info: BackupInfo
    descriptor_xml: bytes
    """Descriptor of the version the backup was taken from (its settings schema)."""
    config: ModuleConfig


@dataclass(frozen=True)
class DamagedBackup:
    """A file in the backup folder that cannot be read: listed so the user sees it, never restored."""

    path: Path
    problem: str


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
    document = json.loads(data)
    return _unb64(document["descriptor"]), ModuleConfig.from_struct(document["config"])


def _pack(magic: bytes, header: dict[str, Any]) -> bytes:
    """The clear prefix of a file (magic + length + header JSON); also the AES-GCM associated data."""
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    return magic + struct.pack(">I", len(header_bytes)) + header_bytes


def _split(data: bytes, magic: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """Return (header, associated data, nonce, ciphertext); ValueError if the frame is broken."""
    if not data.startswith(magic):
        raise ValueError("not a modmanager backup file")
    offset = len(magic)
    if len(data) < offset + 4:
        raise ValueError("file is truncated")
    (length,) = struct.unpack(">I", data[offset : offset + 4])
    if length > _HEADER_LIMIT:
        raise ValueError("header is too large")
    header_end = offset + 4 + length
    if len(data) < header_end + _NONCE_BYTES + 16:
        raise ValueError("file is truncated")
    header = json.loads(data[offset + 4 : header_end])
    if not isinstance(header, dict):
        raise ValueError("header is not an object")
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

    @property
    def folder(self) -> Path:
        return self._folder

    def _cipher(self) -> AESGCM:
        if self._key is None:
            self._key = self._credentials.get_secret_key(BACKUP_KEY_NAME)
        return AESGCM(self._key)

    def _path(self, backup_id: str) -> Path:
        if not _ID_PATTERN.match(backup_id):
            raise StoreError(
                f"{backup_id!r} is not a backup id.",
                "Run 'modmanager backup list' to see the ids.",
                code="backup_invalid_id",
                params={"backup": backup_id},
            )
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
            raise StoreError(
                f"The backup of {module_name} could not be verified after writing.",
                f"Check the disk holding {self._folder}.",
                code="backup_not_verified",
                params={"module": module_name, "folder": str(self._folder)},
            )
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
            data = read_bytes_limited(path, _FILE_LIMIT)
        except FileNotFoundError as error:
            raise _no_backup(backup_id) from error
        try:
            header, aad, nonce, ciphertext = _split(data, _MAGIC)
            info = BackupInfo.from_json(header)
            if info.backup_id != backup_id:
                raise ValueError("file name and header disagree")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
            raise _damaged(backup_id, str(error)) from error
        try:
            plaintext = self._cipher().decrypt(nonce, ciphertext, aad)
        except InvalidTag as error:
            raise _damaged(backup_id, "its contents do not match its checksum") from error
        try:
            descriptor_xml, config = _parse_payload(plaintext)
        except (ValueError, KeyError, TypeError, AnswerError, binascii.Error) as error:
            raise _damaged(backup_id, "its contents cannot be read") from error
        return Backup(info=info, descriptor_xml=descriptor_xml, config=config)

    def list_backups(
        self, *, pbx_name: str | None = None, module_id: str | None = None
    ) -> tuple[list[BackupInfo], list[DamagedBackup]]:
        """Backups (newest first) and the files that could not be read, filtered by PBX/module."""
        found: list[BackupInfo] = []
        damaged: list[DamagedBackup] = []
        for path in self._folder.glob(f"*{_SUFFIX}"):
            try:
                with open(path, "rb") as handle:
                    head = handle.read(len(_MAGIC) + 4 + _HEADER_LIMIT + _NONCE_BYTES + 16)
                header, _, _, _ = _split(head, _MAGIC)
                info = BackupInfo.from_json(header)
            except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
                damaged.append(DamagedBackup(path=path, problem=str(error)))
                continue
            if pbx_name is not None and info.pbx_name != pbx_name:
                continue
            if module_id is not None and info.module_id != module_id:
                continue
            found.append(info)
        found.sort(key=lambda info: (info.created_at, info.backup_id), reverse=True)
        return found, damaged

    def delete(self, backup_id: str) -> None:
        try:
            self._path(backup_id).unlink()
        except FileNotFoundError as error:
            raise _no_backup(backup_id) from error

    def prune(self, keep: int, *, protected: set[str] | frozenset[str] = frozenset()) -> list[str]:
        """Keep the newest ``keep`` backups per PBX and module; never delete ``protected`` ones.

        ``protected`` are the backups that open update journals need: deleting one would take
        away the only way back for an interrupted update.
        """
        if keep < 1:
            raise StoreError(
                "At least one backup per module must be kept.", "Set the retention to 1 or more.", code="retention_zero"
            )
        infos, _ = self.list_backups()
        groups: dict[tuple[str, str], list[BackupInfo]] = {}
        for info in infos:
            groups.setdefault((info.pbx_name, info.module_id), []).append(info)
        deleted = []
        for group in groups.values():
            for info in group[keep:]:
                if info.backup_id in protected:
                    continue
                try:
                    self._path(info.backup_id).unlink()
                except FileNotFoundError:
                    continue  # pruned at the same moment by another backup finishing
                deleted.append(info.backup_id)
        return deleted

    def export(self, backup_id: str, destination: Path, password: str, *, kdf: ExportKdf | None = None) -> None:
        """Write a portable copy protected by ``password`` (the local key stays on this machine)."""
        register_secret(password)
        if not password:
            raise StoreError(
                "An exported backup needs a password.",
                "Choose a password and keep it safe.",
                code="export_password_empty",
            )
        backup = self.load(backup_id)
        kdf = kdf or ExportKdf()
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
        """Decrypt an exported file without storing it (to show what it contains)."""
        register_secret(password)
        try:
            data = read_bytes_limited(source, _FILE_LIMIT)
        except FileNotFoundError as error:
            raise StoreError(
                f"The file {source} does not exist.",
                "Check the path.",
                code="file_not_found",
                params={"path": str(source)},
            ) from error
        try:
            header, aad, nonce, ciphertext = _split(data, _EXPORT_MAGIC)
            info = BackupInfo.from_json(header["backup"])
            kdf_form = header["kdf"]
            kdf = ExportKdf(log2_n=int(kdf_form["log2n"]), r=int(kdf_form["r"]), p=int(kdf_form["p"]))
            if not (10 <= kdf.log2_n <= 22 and 1 <= kdf.r <= 32 and 1 <= kdf.p <= 16):
                raise ValueError("key derivation parameters are out of range")
            salt = _unb64(kdf_form["salt"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as error:
            raise StoreError(
                f"The file {source.name} is not a modmanager backup export or is damaged ({error}).",
                "Export the backup again.",
                code="export_damaged",
                params={"file": source.name, "why": str(error)},
            ) from error
        try:
            plaintext = AESGCM(_derive(password, salt, kdf)).decrypt(nonce, ciphertext, aad)
        except InvalidTag as error:
            raise StoreError(
                f"The password for {source.name} is wrong, or the file was changed.",
                "Check the password; if it is right, export the backup again.",
                code="export_password_wrong",
                params={"file": source.name},
            ) from error
        try:
            descriptor_xml, config = _parse_payload(plaintext)
        except (ValueError, KeyError, TypeError, AnswerError, binascii.Error) as error:
            raise StoreError(
                f"The contents of {source.name} cannot be read.",
                "Export the backup again.",
                code="export_unreadable",
                params={"file": source.name},
            ) from error
        return Backup(info=info, descriptor_xml=descriptor_xml, config=config)

    def import_file(self, source: Path, password: str) -> BackupInfo:
        """Store an exported backup locally (under a new id, encrypted with the local key)."""
        backup = self.read_export(source, password)
        info = replace(backup.info, backup_id=_new_backup_id(), reason="import")
        self._write(info, backup.descriptor_xml, backup.config)
        self.load(info.backup_id)
        return info


def _derive(password: str, salt: bytes, kdf: ExportKdf) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**kdf.log2_n, r=kdf.r, p=kdf.p).derive(password.encode("utf-8"))


def _damaged(backup_id: str, why: str) -> StoreError:
    return StoreError(
        f"The backup {backup_id} is damaged or was changed ({why}); it will not be restored.",
        "Use another backup, or delete this one.",
        code="backup_damaged",
        params={"backup": backup_id, "why": why},
    )


def _no_backup(backup_id: str) -> StoreError:
    return StoreError(
        f"There is no backup {backup_id}.",
        "Run 'modmanager backup list' to see them.",
        code="backup_not_found",
        params={"backup": backup_id},
    )
