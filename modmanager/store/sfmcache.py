"""Local cache of `.sfm` files: downloads, and the file last installed per PBX and module.

A rollback needs the previous version's file even when the catalog no longer lists it or
the network is gone, so every file modmanager installs is kept here, content-addressed by
SHA-256 (a file is checked against its name on every read), and an index remembers which
file is installed on which PBX.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from pathlib import Path

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.localfile import read_problem
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import sfm_cache_dir

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_FILE_LIMIT = 64 * 1024 * 1024
_INDEX_LIMIT = 16 * 1024 * 1024
_INDEX = "installed.json"


class SfmCache:
    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or sfm_cache_dir()
        self._folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def _path(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise StoreError(code="checksum_invalid", params={"value": sha256[:80]})
        return self._folder / f"{sha256}.sfm"

    def put(self, data: bytes) -> str:
        """Store a file and return its SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        path = self._path(digest)
        if not path.exists():
            write_atomic(path, data, mode=0o600)
        return digest

    def get(self, sha256: str) -> bytes | None:
        """The cached file, or None if absent or damaged (a damaged copy is removed).

        Something that is not a regular file under the name (a pipe, a folder) is left alone
        and treated as absent: the caller fetches the file elsewhere.
        """
        path = self._path(sha256)
        try:
            data = read_bytes_limited(path, _FILE_LIMIT, what="cached module file")
        except FileNotFoundError:
            return None
        except StoreError:
            return None
        if hashlib.sha256(data).hexdigest() != sha256:
            path.unlink(missing_ok=True)
            return None
        return data

    def remember_installed(self, pbx_name: str, module_id: str, sha256: str) -> None:
        """Record that the file ``sha256`` is what is installed now (the next rollback source).

        A damaged index does not fail the update that just succeeded: it is set aside as
        ``installed.json.damaged`` (kept for a look) and a new index is started.
        """
        with self._lock:
            try:
                index = self._read_index()
            except StoreError:
                index = {}
                self._set_aside()
            index.setdefault(pbx_name, {})[module_id] = sha256
            write_atomic(self._folder / _INDEX, json.dumps(index, indent=2, sort_keys=True).encode("utf-8"))

    def installed(self, pbx_name: str, module_id: str) -> str | None:
        """SHA-256 of the file last installed by modmanager, if any (None also when the index is damaged)."""
        with self._lock:
            try:
                sha256 = self._read_index().get(pbx_name, {}).get(module_id)
            except StoreError:
                return None
        return sha256 if sha256 is not None and _SHA256.match(sha256) else None

    def _set_aside(self) -> None:
        path = self._folder / _INDEX
        try:
            os.replace(path, self._folder / (_INDEX + ".damaged"))
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StoreError(
                code="sfm_cache_damaged",
                params={
                    "path": str(path),
                    "why": f"it cannot be moved aside ({error.strerror})",
                    "why_key": "not_moved",
                },
            ) from None

    def _read_index(self) -> dict[str, dict[str, str]]:
        path = self._folder / _INDEX
        try:
            raw = safejson.loads(
                read_bytes_limited(path, _INDEX_LIMIT, what=".sfm cache index"), max_bytes=_INDEX_LIMIT, expect=dict
            )
        except FileNotFoundError:
            return {}
        except StoreError as error:
            raise _damaged(path, *read_problem(error)) from None
        except safejson.JsonProblem as problem:
            raise _damaged(path, problem.key, problem.reason) from None
        return {
            pbx: {mod: sha for mod, sha in modules.items() if isinstance(sha, str)}
            for pbx, modules in raw.items()
            if isinstance(modules, dict)
        }


def _damaged(path: Path, key: str, problem: str) -> StoreError:
    return StoreError(code="sfm_cache_damaged", params={"path": str(path), "why": problem, "why_key": key})
