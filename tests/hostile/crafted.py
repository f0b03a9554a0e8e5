"""Crafted files: what a damaged disk or an attacker with access to a folder could leave behind.

Built in code, byte for byte in the formats modmanager writes, so each case is exactly one
thing wrong: a header that nests 100,000 levels, a number that overflows, a field of the wrong
type, a cut-off file, an export asking scrypt for gigabytes.
"""

from __future__ import annotations

import base64
import json
import os
import struct
from typing import Any

BACKUP_MAGIC = b"MMBACKUP1\n"
EXPORT_MAGIC = b"MMEXPORT1\n"
BACKUP_ID = "20250101T000000Z-0badf00d"

DEEP = 100_000
"""Nesting levels of the deepest crafted JSON (far beyond Python's recursion limit)."""

JSON_BOMBS: dict[str, bytes] = {
    "deep nesting": b"[" * DEEP + b"]" * DEEP,
    "deep object": b'{"a":' * DEEP + b"1" + b"}" * DEEP,
    "1e999": b'{"x": 1e999}',
    "NaN": b'{"x": NaN}',
    "-Infinity": b'{"x": -Infinity}',
    "huge int": b'{"x": ' + b"9" * 5000 + b"}",
    "wrong top-level type": b'["a", "list"]',
    "truncated": b'{"x": [1, 2, {"y": "z',
    "binary garbage": bytes(range(256)) * 4,
    "empty": b"",
    "unterminated strings": b'"\\"' * 50_000,
}
"""JSON that must be refused with one sentence, in bounded time."""


def header_json(**changes: Any) -> dict[str, Any]:
    """A backup header as modmanager writes it, with ``changes`` applied."""
    header: dict[str, Any] = {
        "backupId": BACKUP_ID,
        "pbxName": "kunde-a",
        "pbxIdentity": "SLK-1234",
        "moduleId": "m1",
        "moduleName": "Anrufbeantworter",
        "moduleVersion": 3,
        "createdAt": "2025-01-01T00:00:00+00:00",
        "reason": "manual",
        "instances": [{"name": "Zentrale", "active": True}],
    }
    header.update(changes)
    return header


def framed(magic: bytes, header: bytes, body: bytes = b"\x00" * 64) -> bytes:
    """magic + length + header + (nonce and ciphertext): the frame of backups and exports."""
    return magic + struct.pack(">I", len(header)) + header + body


def crafted_backup(header: bytes | dict[str, Any] | None = None, body: bytes = b"\x00" * 64) -> bytes:
    """A backup file whose clear header is ``header`` (raw bytes or a dict) and whose ciphertext is junk."""
    raw = json.dumps(header_json() if header is None else header).encode() if not isinstance(header, bytes) else header
    return framed(BACKUP_MAGIC, raw, body)


def crafted_export(log2_n: Any = 15, r: Any = 8, p: Any = 1, *, backup: Any = None, salt: Any = None) -> bytes:
    """An exported backup whose header records this scrypt cost (and a junk ciphertext)."""
    header = {
        "backup": header_json() if backup is None else backup,
        "kdf": {
            "salt": base64.b64encode(os.urandom(16)).decode() if salt is None else salt,
            "log2n": log2_n,
            "r": r,
            "p": p,
        },
    }
    return framed(EXPORT_MAGIC, json.dumps(header).encode())
