"""Keeping the GUI thread responsive while hundreds of PBXs are read and shown.

:class:`ReadThrottle` bounds how many reads run at once by how late the GUI thread's timers
fire; :class:`Switching` shortens the interpreter's switch interval while a worker or two run
Python; :func:`in_slices` does per-PBX work on the GUI thread a few milliseconds at a time.
They serve :class:`~modmanager.gui.tasks.TaskRunner` and the views.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")

SLICE_S = 0.008
"""How long the GUI thread works on a batch (outcomes, per-PBX updates) before the event loop runs."""
MIN_READS = 8
"""Reads allowed at once however slow the GUI gets (see :class:`ReadThrottle`)."""
LAG_PROBE_MS = 10
"""How often the task runner's timer measures the GUI thread's lag while reads run."""


class ReadThrottle:
    """How many reads may run at once, so that the GUI thread keeps its turn.

    Every read thread needs the Python interpreter for a few milliseconds when its answer
    arrives; a hundred answers arriving together keep the GUI thread waiting for its turn far
    longer than a person accepts. The runner's timer reports how late it fires: the limit
    halves when the GUI thread was kept waiting (:data:`LAG_HIGH_S`), and each read that ends
    while the GUI keeps up lets one more run, between :data:`MIN_READS` and ``maximum`` - like
    TCP's congestion window, clocked by the answers. Network latency is still hidden: a fast
    machine reads at ``maximum``, a slow one at what it can take.
    """

    LAG_HIGH_S = 0.025

    def __init__(self, maximum: int, start: int = 16) -> None:
        self.maximum = maximum
        self.limit = max(MIN_READS, min(maximum, start))
        self._last: float | None = None
        self._keeping_up = True

    def restart(self, now: float) -> None:
        """Reads start after a pause: the next observation measures from now."""
        self._last = now

    def observe(self, now: float, interval_s: float = LAG_PROBE_MS / 1000) -> None:
        """The probe timer fired at ``now``: halve the limit if it fired late."""
        lag = 0.0 if self._last is None else now - self._last - interval_s
        self._last = now
        self._keeping_up = lag <= self.LAG_HIGH_S
        if not self._keeping_up:
            self.limit = max(MIN_READS, self.limit // 2)

    def ended(self) -> None:
        """A read ended: while the GUI keeps up, one more may run."""
        if self._keeping_up:
            self.limit = min(self.maximum, self.limit + 1)


FEW_WORKERS = 2
"""With at most this many workers busy, :class:`Switching` hands the interpreter over sooner."""
FEW_SWITCH_S = 0.001


class Switching:
    """How soon a thread waiting for Python's interpreter lock gets it (``sys.setswitchinterval``).

    Every call from Qt into Python (a model's data for each cell painted, a slot, a timer) needs
    the lock. While a worker runs Python - importing, opening the data folder, planning the
    stored snapshots - the GUI thread waits up to one switch interval for each: 5 ms by default,
    hundreds of milliseconds for a window that paints. With a worker or two busy the interval is
    1 ms (pauses after the first paint fell from 250-600 ms to 100-160 ms); with many (a fleet
    read) it stays the default, since switching among dozens of threads cost more than it gained.
    """

    def __init__(self) -> None:
        self.default = sys.getswitchinterval()
        self._current = self.default

    def follow(self, busy: int) -> None:
        """``busy`` workers run now (tasks that only wait not counted)."""
        wanted = FEW_SWITCH_S if 0 < busy <= FEW_WORKERS else self.default
        if wanted != self._current:
            sys.setswitchinterval(wanted)
            self._current = wanted


def settle_heap() -> None:
    """Leave the objects alive now out of Python's full garbage collections from here on.

    The window keeps every PBX's snapshot and plan - hundreds of thousands of objects for a
    large fleet. A full collection walks all of them and stalls the GUI thread for tens of
    milliseconds (64 ms measured in a 200-PBX refresh). What is alive after the fleet was
    loaded or read lives long; it is still freed as soon as nothing refers to it - only a
    reference cycle among these objects would now be kept until the application ends.
    """
    gc.freeze()


def in_slices(items: Iterable[T], work: Callable[[T], object], *, context: QObject | None = None) -> None:
    """Call ``work`` for each item on the GUI thread, a few milliseconds at a time.

    Returns at once (after the first slice); between slices the event loop runs, so a window
    with hundreds of PBXs stays responsive. ``context`` (a QObject) stops the rest when it is
    deleted.
    """
    remaining = iter(items)

    def next_slice() -> None:
        deadline = time.monotonic() + SLICE_S
        for item in remaining:
            work(item)
            if time.monotonic() >= deadline:
                if context is None:
                    QTimer.singleShot(0, next_slice)
                else:
                    QTimer.singleShot(0, context, next_slice)
                return

    next_slice()
