"""The log file: configured once at start, for the desktop application and the command line.

``<data folder>/logs/modmanager.log`` (so ``MODMANAGER_HOME`` moves it too), rotated at
:data:`MAX_BYTES` with :data:`BACKUP_COUNT` older files kept. INFO by default; DEBUG with the
CLI's ``--verbose`` or the ``debug_logging`` setting. Every line names the process, the
operation id and the PBX the code works on (see :mod:`modmanager.ops.operation`), so one
update can be followed through a log that several processes write.

Nothing secret reaches the file: every record's text (message with its arguments, traceback)
passes :func:`modmanager.core.redact.redact` - known secret values and secret-shaped patterns -
when the record is made, and the formatted line once more before it is written.

Uncaught exceptions (``sys.excepthook``, ``threading.excepthook``) are logged with their
traceback; the GUI adds its dialog and Qt's messages on top (:mod:`modmanager.gui.support`).
Several processes may write one log file; rotation is per process, so a line may land in the
file just rotated away - it is never lost, only in the next older file.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

from modmanager.core.errors import ModManagerError
from modmanager.core.redact import redact
from modmanager.ops.operation import current_operation, current_pbx
from modmanager.store.paths import logs_dir

LOG_FILE_NAME = "modmanager.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s [pid %(process)d op %(op)s %(pbx)s] %(name)s: %(message)s"

log = logging.getLogger("modmanager")


class ContextFilter(logging.Filter):
    """Adds ``op`` (operation id or ``-``) and ``pbx`` (the PBX worked on, or ``-``) to each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        op = current_operation()
        record.op = op.op_id if op is not None else "-"
        record.pbx = current_pbx() or "-"
        return True


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks every secret in the whole text (message and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        for name in ("op", "pbx"):
            if not hasattr(record, name):
                setattr(record, name, "-")
        return redact(super().format(record))


def _redacting_factory(base: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    """Records whose text is masked when they are made, so no handler (not even one a test or
    library added) sees a secret: the message with its arguments merged, and the traceback."""

    def make(*args: object, **kwargs: object) -> logging.LogRecord:
        record = base(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep it as logging would report it
            return record
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    make.__wrapped__ = base  # type: ignore[attr-defined]
    return make


@dataclass
class _Installed:
    path: Path | None
    handlers: list[logging.Handler]
    previous_level: int
    previous_urllib3_level: int
    previous_excepthook: Callable[[type[BaseException], BaseException, TracebackType | None], object]
    previous_threading_hook: Callable[[threading.ExceptHookArgs], object]
    previous_factory: Callable[..., logging.LogRecord]


_state: _Installed | None = None
_mutex = threading.Lock()


def log_path() -> Path:
    """Where the current log file is (``logs/modmanager.log`` in the data folder)."""
    if _state is not None and _state.path is not None:
        return _state.path
    return logs_dir() / LOG_FILE_NAME


def setup_logging(*, debug: bool = False, console: TextIO | None = None) -> Path | None:
    """Send the application's log to the log file (replacing an earlier setup); return its path.

    Args:
        debug: DEBUG instead of INFO (``--verbose`` or the ``debug_logging`` setting).
        console: also write the (redacted) log there, e.g. stderr for ``--verbose``.

    A data folder that cannot be written is not fatal: the log then goes to ``console`` (or
    nowhere) and None is returned.
    """
    global _state
    with _mutex:
        _remove_locked()
        root = logging.getLogger()
        level = logging.DEBUG if debug else logging.INFO
        formatter = RedactingFormatter(FORMAT)
        handlers: list[logging.Handler] = []
        path: Path | None = None
        try:
            path = logs_dir() / LOG_FILE_NAME
            file_handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
            )
            _private(path)
            handlers.append(file_handler)
        except (ModManagerError, OSError):
            path = None
        if console is not None:
            handlers.append(logging.StreamHandler(console))
        for handler in handlers:
            handler.setFormatter(formatter)
            handler.addFilter(ContextFilter())
            handler.setLevel(level)
            root.addHandler(handler)
        previous_level = root.level
        root.setLevel(min(level, previous_level) if previous_level != logging.NOTSET else level)
        urllib3 = logging.getLogger("urllib3")
        previous_urllib3 = urllib3.level
        # Third-party chatter (a line per HTTP connection) only when asked for DEBUG.
        urllib3.setLevel(logging.NOTSET if debug else logging.WARNING)
        previous_factory = logging.getLogRecordFactory()
        logging.setLogRecordFactory(_redacting_factory(previous_factory))
        _state = _Installed(
            path, handlers, previous_level, previous_urllib3, sys.excepthook, threading.excepthook, previous_factory
        )
        sys.excepthook = _log_uncaught
        threading.excepthook = _log_uncaught_in_thread
    from modmanager import __version__

    log.info("modmanager %s, Python %s, log level %s", __version__, sys.version.split()[0], logging.getLevelName(level))
    return path


def shutdown_logging() -> None:
    """Undo :func:`setup_logging`: close the log file, restore the hooks and the level."""
    global _state
    with _mutex:
        _remove_locked()
        _state = None


def _remove_locked() -> None:
    if _state is None:
        return
    root = logging.getLogger()
    for handler in _state.handlers:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(_state.previous_level)
    logging.setLogRecordFactory(_state.previous_factory)
    logging.getLogger("urllib3").setLevel(_state.previous_urllib3_level)
    if sys.excepthook is _log_uncaught:
        sys.excepthook = _state.previous_excepthook
    if threading.excepthook is _log_uncaught_in_thread:
        threading.excepthook = _state.previous_threading_hook


def _private(path: Path) -> None:
    """Owner-only, like everything in the data folder (the log names PBXs and customers)."""
    if os.name != "nt":
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def _log_uncaught(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        log.critical("uncaught exception", exc_info=(kind, value, trace))
    previous = _state.previous_excepthook if _state is not None else sys.__excepthook__
    if previous is sys.__excepthook__:
        _print_redacted("".join(traceback.format_exception(kind, value, trace)))
    else:
        previous(kind, value, trace)


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is not SystemExit and args.exc_value is not None:
        name = args.thread.name if args.thread is not None else "?"
        log.critical(
            "uncaught exception in thread %s", name, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )
    previous = _state.previous_threading_hook if _state is not None else threading.__excepthook__
    if previous is threading.__excepthook__:
        if args.exc_type is not SystemExit:
            text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
            _print_redacted(f"Exception in thread {args.thread.name if args.thread else '?'}:\n{text}")
    else:
        previous(args)


def _print_redacted(text: str) -> None:
    """What Python would print for an uncaught exception, without secrets (stderr may be absent)."""
    stream = sys.stderr
    if stream is None:
        return
    with contextlib.suppress(OSError, ValueError):
        stream.write(redact(text))
        stream.flush()


def logs_uncaught(hook: object) -> bool:
    """Whether ``hook`` is this module's ``sys.excepthook`` (which logs), so a front end does not log twice."""
    return hook is _log_uncaught


def logs_uncaught_in_thread(hook: object) -> bool:
    """Whether ``hook`` is this module's ``threading.excepthook`` (which logs)."""
    return hook is _log_uncaught_in_thread


def log_uncaught(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
    """Write an uncaught exception to the log (for front ends that install hooks of their own)."""
    log.critical("uncaught exception", exc_info=(kind, value, trace))
