"""``--customer`` and ``--tag`` for every fleet command, and the ``n of N`` line of fleet work.

The options narrow the PBXs a command works on (see :mod:`modmanager.ops.selection`): each
is repeatable, values of one option are alternatives, the options together must all hold.
:class:`FleetProgress` counts PBXs as they end on stderr - one line rewritten in place on a
terminal - and :func:`interruptible` turns the first Ctrl+C into "start no further PBX" (the
ones being worked on finish, and the command reports what it has); a second Ctrl+C stops at once.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from modmanager.ops.selection import PbxSelection, select
from modmanager.ops.services import Services


def add_selection_flags(parser: argparse.ArgumentParser, what: str = "PBXs") -> None:
    """``--customer NAME`` and ``--tag TAG``, both repeatable."""
    parser.add_argument(
        "--customer",
        dest="customers",
        action="append",
        metavar="NAME",
        help=f"only {what} of this customer (repeatable: any of them)",
    )
    parser.add_argument(
        "--tag",
        dest="tags",
        action="append",
        metavar="TAG",
        help=f"only {what} with this tag (repeatable: any of them)",
    )


def selection_of(args: argparse.Namespace) -> PbxSelection:
    return PbxSelection.of(getattr(args, "customers", None), getattr(args, "tags", None))


def selected_names(services: Services, args: argparse.Namespace, requested: Sequence[str] | None = None) -> list[str]:
    """The PBXs to work on: the ``requested`` ones (all if none), narrowed by ``--customer``/``--tag``.

    An unknown PBX name, customer or tag fails before any PBX is contacted.
    """
    if requested:
        records = [services.inventory.get(name) for name in dict.fromkeys(requested)]
    else:
        records = services.inventory.list()
    return [record.name for record in select(records, selection_of(args))]


class FleetProgress:
    """``Refreshed 37 of 200 PBXs`` as PBXs end: one line rewritten in place on a terminal.

    Off a terminal, and for a single PBX, it writes nothing: stderr then holds only the one line
    of an error, which scripts rely on.
    """

    def __init__(self, verb: str, total: int, stream: TextIO | None = None) -> None:
        self._verb = verb
        self._total = total
        self._stream = stream or sys.stderr
        self._live = self._stream.isatty()
        self._done = 0
        self._failed = 0
        self._width = 0
        self.enabled = total > 1 and self._live

    def __call__(self, failed: bool = False) -> None:
        self._done += 1
        self._failed += failed
        if not self.enabled:
            return
        text = f"{self._verb} {self._done} of {self._total} PBXs"
        if self._failed:
            text += f" ({self._failed} failed)"
        self._stream.write("\r" + text.ljust(self._width))
        self._width = max(self._width, len(text))
        self._stream.flush()

    def finish(self) -> None:
        if self._live and self._width:
            self._stream.write("\n")
            self._stream.flush()
            self._width = 0


@contextmanager
def interruptible(stream: TextIO | None = None) -> Iterator[threading.Event]:
    """An event set by the first Ctrl+C (which then says what happens); the second one interrupts.

    Outside the main thread (or where signals cannot be caught) the event is never set.
    """
    stop = threading.Event()
    out = stream or sys.stderr
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def first(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
        out.write("\nStopping: no further PBX starts; the ones under way finish. Ctrl+C again stops at once.\n")
        out.flush()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, first)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
