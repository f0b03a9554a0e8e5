"""Crash-safe file writes and bounded reads.

Settings, backups and the update journal must never be left half-written: a crash or a
power cut leaves either the old or the new content. The write goes to a temporary file in
the same folder, is flushed to disk, renamed over the target and the folder entry is synced.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from modmanager.core.errors import StoreError


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never a mix."""
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    tmp_path = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp_path, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_path, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise _write_error(path, exc) from exc
    _fsync_dir(folder)


def read_bytes_limited(path: Path, limit: int) -> bytes:
    """Read ``path`` whole, refusing files larger than ``limit`` bytes.

    Local files can be damaged or replaced; a bound keeps a bad file from exhausting memory.
    A missing file raises ``FileNotFoundError`` so callers can treat "absent" as a normal case.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise StoreError(
            f"The file {path} cannot be read ({exc.strerror or exc}).",
            "Check that it exists and that you may read it.",
        ) from exc
    if len(data) > limit:
        raise StoreError(
            f"The file {path} is larger than the {limit} bytes expected; it may be damaged.",
            "Fix or delete it.",
        )
    return data


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself; not possible (and not needed) on Windows."""
    if os.name == "nt":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _write_error(path: Path, exc: OSError) -> StoreError:
    return StoreError(
        f"The file {path} cannot be written ({exc.strerror or exc}).",
        "Check free disk space and the permissions of its folder.",
    )
