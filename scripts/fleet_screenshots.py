#!/usr/bin/env python3
"""Render the fleet view over the demo fleet and over a generated fleet of 200 PBXs, and the import
dialog importing those 200 PBXs from a CSV file, as PNG files.

The fleet view's and the import dialog's pictures in ``docs/screenshots`` are made by this script::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fleet_screenshots.py
        # docs/screenshots: fleet-{de,en}.png (the demo), fleet-200-{de,en}.png (200 PBXs),
        # fleet-200-question-{de,en}.png ("which PBXs run Queue Announcements below v122?"),
        # import-200-{de,en}.png (the preview with the fingerprints read) and
        # import-200-summary-{de,en}.png (what the import added and what not)

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/fleet_screenshots.py --out /tmp/fleet --count 500
        # any size of fleet, to look at how it scales

The PBXs are simulated in this process (the demo's, plus :func:`modmanager.simulator.fleetgen.generate_fleet`
for the large fleet) in a temporary folder: neither the user's data nor their demo folder is touched.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from modmanager.core.matrix import VersionFilter, VersionTest
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui import i18n, theme
from modmanager.gui.dialogs.import_dialog import ImportDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskRunner
from modmanager.ops.pbxs import remove_pbx
from modmanager.simulator.demo_data import MODULES
from modmanager.simulator.fleetgen import GeneratedPbx, generate_fleet, import_rows, register_fleet

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
    """Write ``fleet-<lang>.png`` (demo), ``fleet-<count>-<lang>.png``, ``fleet-<count>-question-<lang>.png``,
    ``import-<count>-<lang>.png`` and ``import-<count>-summary-<lang>.png``."""
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
        generated = generate_fleet(session.world, count)
        for item in generated:
            session.fleet.add(item.pbx)
        import_file = _write_import_file(Path(folder) / "anlagen.csv", session, generated)
        for language in languages:
            i18n.install_translator(app, language)
            shots.extend(_import_dialog(session, import_file, out, language, count))
        _register_generated(session, generated)
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


def _register_generated(session: DemoSession, generated: list[GeneratedPbx]) -> None:
    """The made-up PBXs instead of the demo's, served by the same simulated fleet."""
    for name in session.pbx_names:
        session.services.inventory.remove(name)
    register_fleet(session.fleet, generated, session.services.inventory, session.services.credentials)


_HEADERS = {"name": "Name", "customer": "Kunde", "tags": "Schlagworte", "url": "Adresse", "login": "Login",
            "password": "Passwort", "agent_secret": "Agent-Geheimnis"}  # fmt: skip
"""As a German partner's spreadsheet names the columns."""


def _write_import_file(path: Path, session: DemoSession, generated: list[GeneratedPbx]) -> Path:
    """The generated PBXs as a German Excel CSV (BOM, ``;``), with the mistakes real lists have:
    a plain-http address, a name twice, a PBX that exists already, a missing login, and a few
    rows without secrets."""
    rows = import_rows(session.fleet, generated)
    for number, row in enumerate(rows):
        if number % 40 == 7:
            row["password"] = row["agent_secret"] = ""
    if len(rows) > 12:
        rows.insert(2, {**rows[5], "url": rows[5]["url"].replace("https://", "http://")})
        rows[2]["name"] += "-alt"
        rows.insert(6, dict(rows[9]))
        rows.insert(11, {**rows[12], "name": session.pbx_names[0]})
        rows.insert(13, {**rows[14], "name": rows[14]["name"] + "-2", "login": ""})
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(_HEADERS), delimiter=";")
        out.write(";".join(_HEADERS.values()) + "\r\n")
        writer.writerows(rows)
    return path


def _import_dialog(session: DemoSession, import_file: Path, out: Path, language: str, count: int) -> list[Shot]:
    """The import dialog over the demo: the preview with the certificates read, then the summary.

    The imported PBXs are removed again afterwards, so the next language imports them anew.
    """
    runner = TaskRunner(max_concurrency=4, progress_interval_s=0.0)
    window = MainWindow(session.services, runner, demo=True, save=lambda _settings: None)
    window.controller.reload_records()
    dialog = ImportDialog(window, window.controller, confirm=lambda _parent, _title, _question: True)
    try:
        dialog.show()
        dialog.open_file(import_file)
        runner.wait_idle(_WAIT_MS)
        dialog.skip_check.setChecked(True)
        dialog.check_certificates()
        runner.wait_idle(_WAIT_MS)
        shots = [_grab(dialog, out / f"import-{count}-{language}.png")]
        dialog.start_import()
        for _round in range(3):
            runner.wait_idle(_WAIT_MS)
            QApplication.processEvents()
        shots.append(_grab(dialog, out / f"import-{count}-summary-{language}.png"))
        added = dialog.import_result.added if dialog.import_result is not None else ()
        for name in added:
            remove_pbx(session.services.inventory, session.services.credentials, name)
        return shots
    finally:
        dialog.close()
        window.close()
        runner.shutdown()
        dialog.deleteLater()
        window.deleteLater()
        QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> Shot:
    _wait(150)
    pixmap = widget.grab()
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"The screenshot could not be written to {path}.")
    return Shot(path, (pixmap.width(), pixmap.height()))


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
