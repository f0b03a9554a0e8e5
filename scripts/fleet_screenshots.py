#!/usr/bin/env python3
"""Render the fleet view over the demo fleet and over a generated fleet of 200 PBXs, as PNG files.

The fleet view's pictures in ``docs/screenshots`` are made by this script::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fleet_screenshots.py
        # docs/screenshots: fleet-{de,en}.png (the demo), fleet-200-{de,en}.png (200 PBXs) and
        # fleet-200-question-{de,en}.png ("which PBXs run Queue Announcements below v122?")

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fleet_screenshots.py --out /tmp/fleet --count 500
        # any size of fleet, to look at how it scales

The PBXs are simulated in this process (the demo's, plus :func:`modmanager.simulator.fleetgen.generate_fleet`
for the large fleet) in a temporary folder: neither the user's data nor their demo folder is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from modmanager.core.matrix import VersionFilter, VersionTest
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui import i18n, theme
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskRunner
from modmanager.simulator.demo_data import MODULES
from modmanager.simulator.fleetgen import generate_fleet, register_fleet

DOCS_FOLDER = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DEFAULT_SIZE = (1280, 800)
LANGUAGES = ("de", "en")
GENERATED = 200
QUESTION_MODULE = "queue"
"""The demo module asked about (Queue Announcements, by its key in the demo tables)."""
QUESTION_BELOW = 122
_WAIT_MS = 120_000


@dataclass(frozen=True)
class Shot:
    path: Path
    size: tuple[int, int]


def capture(
    out: Path,
    languages: Sequence[str] = LANGUAGES,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    count: int = GENERATED,
) -> list[Shot]:
    """Write ``fleet-<lang>.png`` (demo), ``fleet-<count>-<lang>.png`` and ``fleet-<count>-question-<lang>.png``."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["modmanager-fleet-screenshots"])
    theme.apply(app)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory(prefix="modmanager-fleet-shots-") as folder, _demo(Path(folder)) as session:
        for language in languages:
            i18n.install_translator(app, language)
            shots.append(_fleet_view(session, out / f"fleet-{language}.png", size))
        _add_generated(session, count)
        for language in languages:
            i18n.install_translator(app, language)
            shots.extend(_large_fleet(session, out, language, size, count))
    i18n.install_translator(app, "en")
    return shots


@contextmanager
def _demo(folder: Path) -> Iterator[DemoSession]:
    """The demo in ``folder``; stopping it also points MODMANAGER_HOME back."""
    session = start_demo(folder / "demo")
    try:
        yield session
    finally:
        session.stop()


def _add_generated(session: DemoSession, count: int) -> None:
    """``count`` made-up PBXs instead of the demo's, served by the same simulated fleet."""
    for name in session.pbx_names:
        session.services.inventory.remove(name)
    generated = generate_fleet(session.world, count)
    for item in generated:
        session.fleet.add(item.pbx)
    register_fleet(session.fleet, generated, session.services.inventory, session.services.credentials)


@contextmanager
def _window(session: DemoSession, size: tuple[int, int]) -> Iterator[MainWindow]:
    runner = TaskRunner(max_concurrency=4, progress_interval_s=0.0)
    window = MainWindow(session.services, runner, demo=True, save=lambda _settings: None)
    window.resize(*size)
    window.show()
    window.start()
    for _round in range(3):
        runner.wait_idle(_WAIT_MS)
        QApplication.processEvents()
    window.show_view("fleet")
    window.operations_dock.hide()  # the matrix gets the room
    try:
        yield window
    finally:
        window.close()
        runner.shutdown()
        window.deleteLater()
        QApplication.processEvents()


def _take(window: MainWindow, path: Path) -> Shot:
    window.fleet_matrix.update_now()
    _wait(150)
    pixmap = window.grab()
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"The screenshot could not be written to {path}.")
    return Shot(path, (pixmap.width(), pixmap.height()))


def _fleet_view(session: DemoSession, path: Path, size: tuple[int, int]) -> Shot:
    with _window(session, size) as window:
        return _take(window, path)


def _large_fleet(session: DemoSession, out: Path, language: str, size: tuple[int, int], count: int) -> list[Shot]:
    with _window(session, size) as window:
        shots = [_take(window, out / f"fleet-{count}-{language}.png")]
        view = window.fleet_matrix
        wanted = next(module.module_id for module in MODULES if module.key == QUESTION_MODULE).lower()
        if view.model.module_column(wanted) is None:
            print(f"fleet_screenshots: no PBX runs the module {QUESTION_MODULE!r}", file=sys.stderr)
            return shots
        view.set_filters(module=wanted, version=VersionFilter(VersionTest.BELOW, QUESTION_BELOW))
        shots.append(_take(window, out / f"fleet-{count}-question-{language}.png"))
        view.reset_filters()
        return shots


def _wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DOCS_FOLDER, help="folder for the PNG files (docs/screenshots)")
    parser.add_argument("--lang", action="append", choices=LANGUAGES, help="only this language (repeatable)")
    parser.add_argument("--count", type=int, default=GENERATED, help="PBXs in the generated fleet (200)")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT (1280x800)")
    args = parser.parse_args(argv)
    width, _, height = args.size.partition("x")
    shots = capture(args.out, tuple(args.lang or LANGUAGES), size=(int(width), int(height)), count=args.count)
    for shot in shots:
        print(f"{shot.path} ({shot.size[0]}x{shot.size[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
