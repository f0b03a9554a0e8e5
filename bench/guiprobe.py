"""A GUI process that watches itself: first paint, the fleet appearing, event-loop gaps, memory.

``python -m bench.guiprobe --out FILE --mode bare|firstpaint|memory|refresh``

- ``bare``: a bare PySide6 main window of the application's default size (the baseline).
- the other modes start the real application (``modmanager`` without a command, i.e. the CLI
  entry, the data folder of ``MODMANAGER_HOME``, its services and main window) and watch it
  from outside through the main window's first ``paintEvent`` and a 5 ms timer:

  - ``firstpaint``: when the main window is first painted, how many PBXs show what the data
    folder stored at that moment (their stored status and STARFACE version, or a snapshot) and
    how many their planned snapshot, and when every PBX shows a planned snapshot;
  - ``memory``: the resident set size once the cached fleet is shown (and a second later);
  - ``refresh``: after the start-up refresh settled, the event loop idle for a second (the
    baseline gap), one PBX refreshed (three times), then every PBX (``refresh_all``, the
    toolbar's action), timing each and the largest gap between two 5 ms timer ticks.

Times are seconds since the bench spawned this process (``BENCH_T0``). Between phases the
probe syncs with the bench (``sync LABEL`` on stdout) so it can read the simulator's counters;
the gap clock is restarted after each sync.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from bench.common import process_cpu, rss_mib, since_spawn, sync  # noqa: E402

TICK_MS = 5
SAFETY_S = 600.0
SINGLE_REPEATS = 3


# --- what the probe needs of the main window -------------------------------------------------
# The fleet model, the task runner and the controller are attributes of the main window today;
# a refactor may move them into panes. Each is looked up on the window first, then on a pane.

_PANES = ("fleet_view", "fleet_pane", "fleet_panel", "fleet")


def _find(window: QMainWindow, name: str, *, required: bool = True) -> Any:
    value = getattr(window, name, None)
    for pane_name in _PANES:
        if value is not None:
            break
        value = getattr(getattr(window, pane_name, None), name, None)
    if value is None and required:
        raise RuntimeError(f"the main window has no {name!r} (nor any of its panes); update bench/guiprobe.py")
    return value


def fleet_model(window: QMainWindow) -> Any:
    """The fleet's model (``entries()``), or None while the window has none yet."""
    model = _find(window, "fleet_model", required=False)
    if model is None:
        model = _find(window, "model", required=False)
    return model if model is not None and hasattr(model, "entries") else None


def controller(window: QMainWindow) -> Any:
    return _find(window, "controller")


def runner(window: QMainWindow) -> Any:
    """The task runner (``is_idle()``): the window's, a pane's or the controller's."""
    return _find(window, "runner", required=False) or controller(window).runner


def refresh_all(window: QMainWindow) -> None:
    """What the toolbar's refresh does."""
    (getattr(controller(window), "refresh_all", None) or _find(window, "refresh_all"))()


def refresh(window: QMainWindow, name: str) -> None:
    """One PBX read the way the toolbar's refresh reads each (one counted operation), or plainly."""
    many = getattr(controller(window), "refresh_many", None)
    if many is not None:
        many([name])
    else:
        (getattr(controller(window), "refresh", None) or _find(window, "refresh"))(name)


def snapshot(entry: Any) -> Any:
    return getattr(entry, "snapshot", None)


def shows_stored(entry: Any) -> bool:
    """The entry shows what the data folder stored: a snapshot, or the stored status and version."""
    stored = str(getattr(entry, "status", "unknown")) != "unknown" and bool(getattr(entry, "stored_version", ""))
    return snapshot(entry) is not None or stored


def entry_name(entry: Any) -> str:
    return str(entry.name)


class Gaps:
    """The largest pause between two timer ticks in a phase (and how many exceeded 50 ms)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.largest = 0.0
        self.largest_ended = 0.0
        self.over_50ms = 0
        self.ticks = 0

    def add(self, gap: float) -> None:
        if gap > self.largest:
            self.largest = gap
            self.largest_ended = time.perf_counter() - self.started
        self.over_50ms += gap > 0.050
        self.ticks += 1

    def record(self) -> dict[str, float]:
        """The largest pause, when it ended (seconds into the phase), how many pauses over 50 ms."""
        return {"max_ms": self.largest * 1000, "max_ended_s": self.largest_ended, "over_50ms": self.over_50ms,
                "ticks": self.ticks}


class Probe(QObject):
    def __init__(self, app: QApplication, mode: str) -> None:
        super().__init__()
        self.app = app
        self.mode = mode
        self.result: dict[str, Any] = {"mode": mode, "gaps": {}}
        self.state = "paint"
        self.phase = Gaps()
        self.last_tick = time.perf_counter()
        self.window: QMainWindow | None = None
        self.until = 0.0
        self.single: list[float] = []
        self.reads_started = 0.0
        self.started = 0.0
        self.cpu_mark = time.process_time()
        self.gui_cpu_mark = time.thread_time()
        self.helper_cpu_mark = 0.0
        self._watch_first_paint()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        QTimer.singleShot(int(SAFETY_S * 1000), self.give_up)

    # -- events ------------------------------------------------------------------------------

    def _watch_first_paint(self) -> None:
        """Be told when a main window (the bare one, the application's) is painted the first time.

        The top-level window is painted before its children. A Python ``paintEvent`` on
        ``QMainWindow`` for that one paint, not an application-wide event filter: such a filter
        sees every event of every object and so gives each object of the window a Python wrapper
        while it is built - a cost (about 20 ms for the application's window here) that the
        application without the probe does not have.
        """
        original = QMainWindow.paintEvent
        probe = self

        def restore() -> None:
            QMainWindow.paintEvent = original  # type: ignore[method-assign]

        def first_paint(window: QMainWindow, event: QPaintEvent) -> None:
            original(window, event)
            if probe.state == "paint":
                probe.window = window
                probe.painted()
                QTimer.singleShot(0, restore)  # not while Qt is still inside this call

        self._first_paint = first_paint  # Qt holds it only borrowed from the class
        QMainWindow.paintEvent = first_paint  # type: ignore[method-assign]

    def tick(self) -> None:
        now = time.perf_counter()
        self.phase.add(now - self.last_tick)
        self.last_tick = now
        self.step()

    def give_up(self) -> None:
        self.result["error"] = f"gave up in state {self.state} after {SAFETY_S:.0f} s"
        self.app.quit()

    # -- helpers -----------------------------------------------------------------------------

    def new_phase(self, name: str | None = None) -> None:
        """Close the current gap phase (under ``name``) and start a fresh one."""
        if name is not None:
            self.result["gaps"][name] = self.phase.record()
        self.phase = Gaps()
        self.last_tick = time.perf_counter()

    def sync(self, label: str) -> None:
        sync(label)
        self.last_tick = time.perf_counter()

    def entries(self) -> list[Any]:
        model = fleet_model(self.window) if self.window is not None else None
        return list(model.entries()) if model is not None else []

    def idle(self) -> bool:
        assert self.window is not None
        return bool(runner(self.window).is_idle())

    def cpu(self, name: str) -> None:
        """CPU seconds of the process, of the GUI thread alone, and of the read helper, since the last call."""
        now, gui_now, helper_now = time.process_time(), time.thread_time(), self.helper_cpu()
        self.result.setdefault("cpu", {})[name] = now - self.cpu_mark
        self.result.setdefault("gui_cpu", {})[name] = gui_now - self.gui_cpu_mark
        self.result.setdefault("helper_cpu", {})[name] = helper_now - self.helper_cpu_mark
        self.cpu_mark, self.gui_cpu_mark, self.helper_cpu_mark = now, gui_now, helper_now

    def helper_cpu(self) -> float:
        """CPU seconds the window's read helper process used so far (0 without one)."""
        owner = _find(self.window, "controller", required=False) if self.window is not None else None
        services = getattr(owner, "services", None)  # none on the bare window, none before start-up
        pid = getattr(getattr(services, "fleet_reader", None), "pid", None)
        return process_cpu(pid) if pid is not None else 0.0

    def finish(self) -> None:
        self.state = "done"
        self.timer.stop()
        self.app.quit()

    # -- the phases --------------------------------------------------------------------------

    def painted(self) -> None:
        self.result["first_paint"] = since_spawn()
        entries = self.entries()
        self.result["entries_at_paint"] = len(entries)
        self.result["cached_at_paint"] = sum(1 for entry in entries if shows_stored(entry))
        self.result["planned_at_paint"] = sum(1 for entry in entries if snapshot(entry) is not None)
        rss, _peak = rss_mib()
        self.result["rss_at_paint_mib"] = rss
        self.cpu("to_first_paint")
        self.new_phase()
        if self.mode == "bare":
            self.state = "bare-idle"
            self.until = time.perf_counter() + 1.0
        else:
            self.state = "cached"

    def step(self) -> None:
        if self.state == "bare-idle" and time.perf_counter() >= self.until:
            self.new_phase("idle")
            self.result["rss_mib"], self.result["peak_rss_mib"] = rss_mib()
            self.finish()
        elif self.state == "cached":
            entries = self.entries()
            if entries and all(snapshot(entry) is not None for entry in entries):
                self.result["cached_visible"] = since_spawn()
                self.result["entries"] = len(entries)
                self.result["rss_cached_mib"], _ = rss_mib()
                self.cpu("to_cached_visible")
                if self.mode == "firstpaint":
                    self.new_phase("paint_to_cached")
                    self.finish()
                elif self.mode == "memory":
                    self.state = "settle"
                    self.until = time.perf_counter() + 1.0
                else:
                    self.state = "startup-idle"
        elif self.state == "settle" and time.perf_counter() >= self.until:
            self.result["rss_mib"], self.result["peak_rss_mib"] = rss_mib()
            self.finish()
        elif self.state == "startup-idle" and self.idle():
            self.result["startup_idle"] = since_spawn()
            self.cpu("startup_refresh")
            self.new_phase("startup")
            self.sync("idle")
            self.state = "idle"
            self.until = time.perf_counter() + 1.0
        elif self.state == "idle" and time.perf_counter() >= self.until:
            self.new_phase("idle")
            self.start_single()
        elif self.state == "single" and self.idle():
            self.single.append(time.perf_counter() - self.started)
            self.new_phase("single")
            if len(self.single) < SINGLE_REPEATS:
                self.start_single()
            else:
                self.result["single_s"] = self.single
                self.cpu("single")
                self.sync("all")
                self.state = "all"
                self.new_phase()
                self.started = time.perf_counter()
                self.reads_started = 0.0
                assert self.window is not None
                runner(self.window).task_started.connect(self.watcher_started)
                refresh_all(self.window)
        elif self.state == "all" and self.idle():
            self.result["all_s"] = time.perf_counter() - self.started
            if self.reads_started:  # the catalogs were loaded before the PBXs were read
                self.result["all_catalogs_s"] = self.reads_started - self.started
            self.cpu("all")
            self.new_phase("all")
            self.sync("end")
            self.result["entries"] = len(self.entries())
            self.finish()

    def watcher_started(self, handle: Any) -> None:
        """The task that reads the PBXs (after the one that loads the catalogs) started."""
        assert self.window is not None
        if handle.key == getattr(controller(self.window), "refresh_key", None) and not self.reads_started:
            self.reads_started = time.perf_counter()

    def start_single(self) -> None:
        self.sync("single")
        self.state = "single"
        self.new_phase()
        self.started = time.perf_counter()
        assert self.window is not None
        refresh(self.window, entry_name(self.entries()[0]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mode", choices=("bare", "firstpaint", "memory", "refresh"), required=True)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    probe = Probe(app, args.mode)
    if args.mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        window.show()
        app.exec()
        code = 0
    else:
        from modmanager.cli.main import run

        code = run([])
    probe.result["exit_code"] = code
    args.out.write_text(json.dumps(probe.result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
