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
from modmanager.core.localfile import read_regular_file


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


def read_bytes_limited(path: Path, limit: int, *, what: str = "file", prefix: bool = False) -> bytes:
    """Read ``path`` whole, refusing files larger than ``limit`` bytes and anything not a file.

    Local files can be damaged or replaced; a bound keeps a bad file from exhausting memory,
    and a named pipe, directory or device put where a file belongs is refused without
    blocking (see :func:`modmanager.core.localfile.read_regular_file`). ``what`` names the
    file in the error ("settings file"); with ``prefix`` only the first ``limit`` bytes of a
    larger file are returned. A missing file raises ``FileNotFoundError`` so
    callers can treat "absent" as a normal case.
    """
    return read_regular_file(path, limit, what=what, error=StoreError, prefix=prefix)


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
    return StoreError(code="file_write_failed", params={"path": str(path), "detail": exc.strerror or str(exc)})
