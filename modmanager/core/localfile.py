"""Reading one file the user or a folder named: regular files only, bounded, never blocking.

A path can name something that is not a file: a named pipe (reading waits for a writer that
never comes), a directory, a device (``/dev/zero`` never ends, ``/dev/tty`` waits for the
keyboard), a socket. :func:`read_regular_file` refuses all of these with one sentence before
reading a byte: it looks at the path first (``stat``), opens without blocking (``O_NONBLOCK``,
so even a pipe swapped in between returns at once) and checks the opened file again
(``fstat``) - then reads at most ``limit`` bytes.

This is explicit I/O on a path the caller passes, the same as :func:`modmanager.core.sfm.read_sfm_path`;
``store.atomic.read_bytes_limited`` builds on it for the data folder.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable

from modmanager.core.errors import ModManagerError

ErrorKind = Callable[..., ModManagerError]
"""A :class:`ModManagerError` subclass (``StoreError``, ``InvalidModuleFile`` ...) to raise."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


KIND_WORDS = {
    "directory": "a directory",
    "fifo": "a named pipe (FIFO)",
    "device": "a device",
    "socket": "a socket",
    "other": "not a regular file",
}
"""The ``kind`` param of a ``file_not_regular`` error and the English words for it."""


def file_kind(mode: int) -> str:
    """What a non-regular file is: a key of :data:`KIND_WORDS`."""
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def read_regular_file(
    path: str | os.PathLike[str],
    limit: int,
    *,
    what: str = "file",
    error: ErrorKind = ModManagerError,
    shown: str | None = None,
    prefix: bool = False,
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    With ``prefix`` a larger file is not refused: its first ``limit`` bytes are returned.

    Raises:
        FileNotFoundError: the path does not exist (callers often treat that as "none yet").
        ModManagerError (of kind ``error``): the path is not a regular file (code ``file_not_regular``),
            is larger than ``limit`` bytes (``file_too_large``) or cannot be read (``file_unreadable``).
            ``what`` names the file in the sentence ("settings file", a key of ``FILE_WHAT`` in
            core/messages/files.py); ``shown`` replaces the path.
    """
    name = os.fspath(path)
    label = shown if shown is not None else name
    try:
        before = os.stat(name)
        if not stat.S_ISREG(before.st_mode):
            raise _not_regular(error, what, label, before.st_mode)
        if before.st_size > limit and not prefix:
            raise _too_large(error, what, label, limit)
        descriptor = os.open(name, _OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _unreadable(error, what, label, exc) from None
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(error, what, label, opened.st_mode)
        chunks: list[bytes] = []
        total = 0
        wanted = limit if prefix else limit + 1
        while total < wanted:
            chunk = os.read(descriptor, min(1024 * 1024, wanted - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise _unreadable(error, what, label, exc) from None
    finally:
        os.close(descriptor)
    if total > limit:
        raise _too_large(error, what, label, limit)
    return b"".join(chunks)


def _not_regular(error: ErrorKind, what: str, label: str, mode: int) -> ModManagerError:
    return error(code="file_not_regular", params={"what": what, "path": label, "kind": file_kind(mode)})


def _too_large(error: ErrorKind, what: str, label: str, limit: int) -> ModManagerError:
    return error(code="file_too_large", params={"what": what, "path": label, "limit": str(limit)})


def _unreadable(error: ErrorKind, what: str, label: str, exc: OSError) -> ModManagerError:
    return error(
        code="file_unreadable",
        params={"what": what, "path": label, "reason": os_reason(exc), "errno": errno_name(exc)},
    )


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in its words (English): the ``reason`` param."""
    return exc.strerror or type(exc).__name__


def errno_name(exc: OSError) -> str:
    """The symbolic name of the refusal (``ENOENT``; "" when none), which core/messages/files.py
    says in every language: the ``errno`` param."""
    return errno.errorcode.get(exc.errno or 0, "")


def read_problem(error: ModManagerError) -> tuple[str, str]:
    """A refusal of :func:`read_regular_file` as ``(key, phrase)`` for a sentence about a damaged file.

    ``key`` is ``not_regular``, ``too_large`` or ``unreadable``; ``phrase`` reads "it is a
    directory, not a file". Other errors give ``("unreadable", their message)``.
    """
    params = error.params
    if error.code == "file_not_regular":
        return "not_regular", f"it is {KIND_WORDS.get(params.get('kind', ''), 'not a regular file')}, not a file"
    if error.code == "file_too_large":
        return "too_large", f"it is larger than {params.get('limit', '?')} bytes"
    if error.code == "file_unreadable":
        return "unreadable", f"it cannot be read ({params.get('reason', '')})"
    return "unreadable", error.message.rstrip(".")
