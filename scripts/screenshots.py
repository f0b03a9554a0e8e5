#!/usr/bin/env python3
"""Render every screen of the desktop application over the built-in demo, as PNG files.

The screenshots in ``docs/screenshots`` are made by this script, so they can be made again
after any change to the GUI and always show what the code really draws::

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py
        # docs/screenshots: main window, update preview, backups, PBX, certificate,
        # settings, recovery, rollout and STARFACE upgrade dialogs, in German and English

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --review --out /tmp/review --size 1024x700
        # every screen and state for a visual review: each demo PBX, the Available tab, the
        # details tabs, update previews (free, paid, NFR, install, downgrade), "update all",
        # backups restored to another PBX, PBX dialogs with validation errors, password prompt,
        # a rollout's results as they come in

The demo runs in a temporary folder: neither the user's data nor their demo folder is touched.
The dialogs are rendered at their natural size; the main window at ``--size``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from modmanager.core.errors import OperationError, PbxError
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui import i18n, theme
from modmanager.gui.app import pick_showcase
from modmanager.gui.changes import Changes
from modmanager.gui.controller import UpdateChoice
from modmanager.gui.dialogs.password_prompt import PasswordPrompt
from modmanager.gui.dialogs.pbx_dialog import CertificateTrustDialog
from modmanager.gui.dialogs.recovery_dialog import RecoveryDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.badges import Badge, installed_badges
from modmanager.gui.tasks import TaskRunner
from modmanager.gui.views.details import ModuleDetails
from modmanager.ops.backup import backup_module
from modmanager.ops.fleet import UpdateAllOutcome, free_updates
from modmanager.ops.recovery import Assessment, RecoveryAction
from modmanager.ops.refresh import FleetStatus, PbxSnapshot
from modmanager.ops.rollout import SKIPPED, RolloutOutcome
from modmanager.ops.update import UpdatePreview, UpdateResult, prepare_update
from modmanager.pbx.tls import CertificateInfo
from modmanager.store.journal import JournalEntry

DOCS_FOLDER = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DEFAULT_SIZE = (1280, 800)
LANGUAGES = ("de", "en")
DOC_SCREENS = (
    "main-window",
    "update-preview",
    "backups",
    "pbx-dialog",
    "certificate",
    "settings",
    "recovery",
    "rollout",
    "readiness",
)
"""The screens in docs/screenshots, each as ``<screen>-<language>.png``."""
_WAIT_MS = 30_000
_LAYOUT_MS = 100
"""Long enough for the window's delayed work (columns fitted after a resize) to run."""


@dataclass(frozen=True)
class Shot:
    """One PNG written, and the size in pixels the widget had when it was rendered."""

    path: Path
    size: tuple[int, int]


def capture(
    out: Path,
    languages: Sequence[str] = LANGUAGES,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    review: bool = False,
) -> list[Shot]:
    """Start the demo in a temporary folder and write the screenshots into ``out``.

    Args:
        out: the folder for the PNG files (created if missing).
        languages: interface languages, each rendered in full.
        size: the main window's size in pixels.
        review: every screen and state (file names carry the window size), not only the docs' set.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(["modmanager-screenshots"])
    theme.apply(app)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Shot] = []
    with tempfile.TemporaryDirectory(prefix="modmanager-shots-") as folder, _demo(Path(folder)) as session:
        for language in languages:
            i18n.install_translator(app, language)
            suffix = f"-{size[0]}x{size[1]}-{language}" if review else f"-{language}"
            camera = _Camera(session, out, suffix, size)
            try:
                _make_backups(camera)
                camera.main_window()
                camera.update_previews(review)
                camera.backups(review)
                camera.pbx_dialogs(review)
                camera.settings()
                camera.recovery()
                camera.rollout(review)
                camera.readiness()
                if review:
                    camera.every_pbx()
                    camera.update_all()
                    camera.password_prompts()
            finally:
                camera.close()
            shots.extend(camera.shots)
    i18n.install_translator(app, "en")
    return shots


@contextmanager
def _demo(folder: Path) -> Iterator[DemoSession]:
    """The demo in ``folder``; stopping it points MODMANAGER_HOME back (start_demo changes it)."""
    session = start_demo(folder / "demo")
    try:
        yield session
    finally:
        session.stop()


def _make_backups(camera: _Camera) -> None:
    """A few backups, so the backups dialog and the details' Backups tab have something to show.

    Made behind the window's back (through ops, not its controller), so the window is told.
    """
    services = camera.session.services
    if not services.backups.list_backups()[0]:
        for entry in camera.window.fleet_model.entries():
            if entry.snapshot is None or entry.status is FleetStatus.UNREACHABLE:
                continue
            for module in [module for module in entry.snapshot.modules if module.instances][:2]:
                backup_module(services, entry.name, module.id)
    camera.window.controller.announce(Changes(backups=True))
    camera.settle()


class _Camera:
    """One language: a main window over the demo, and the dialogs opened from it."""

    def __init__(self, session: DemoSession, out: Path, suffix: str, size: tuple[int, int]) -> None:
        self.session = session
        self.out = out
        self.suffix = suffix
        self.shots: list[Shot] = []
        self.runner = TaskRunner(max_concurrency=4, progress_interval_s=0.0)
        self.window = MainWindow(session.services, self.runner, demo=True, save=lambda _settings: None)
        self.window.resize(*size)
        self.window.show()
        self.window.start()
        self.settle()
        self.window.fleet_view.view.resizeColumnToContents(1)

    def close(self) -> None:
        self.window.close()
        self.runner.shutdown()
        self.window.deleteLater()
        QApplication.processEvents()

    # -- taking pictures -------------------------------------------------------------------

    def settle(self) -> None:
        for _round in range(3):
            self.runner.wait_idle(_WAIT_MS)
            QApplication.processEvents()
        _wait(_LAYOUT_MS)

    def take(self, widget: QWidget, name: str) -> Shot:
        """Render ``widget`` (a dialog at its natural size) into ``<name><suffix>.png``."""
        if widget is not self.window:
            if not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
                widget.adjustSize()  # dialogs that choose no size of their own: their natural size
            widget.show()
        _wait(_LAYOUT_MS)
        self.window.scroll_to_selection()
        QApplication.processEvents()
        pixmap = widget.grab()
        path = self.out / f"{name}{self.suffix}.png"
        if not pixmap.save(str(path), "PNG"):
            raise OSError(f"The screenshot could not be written to {path}.")
        shot = Shot(path, (pixmap.width(), pixmap.height()))
        self.shots.append(shot)
        return shot

    def _dialog(self, widget: QWidget, name: str) -> None:
        """Render a dialog at its natural size, then close it."""
        self.take(widget, name)
        widget.close()
        widget.deleteLater()
        QApplication.processEvents()

    # -- the fleet -------------------------------------------------------------------------

    def snapshot(self, name: str) -> PbxSnapshot | None:
        entry = self.window.fleet_model.entry(name)
        return entry.snapshot if entry is not None else None

    def pbx_with(self, test: Callable[[PbxSnapshot, FleetStatus], bool]) -> str | None:
        for entry in self.window.fleet_model.entries():
            if entry.snapshot is not None and test(entry.snapshot, entry.status):
                return entry.name
        return None

    def main_window(self) -> None:
        """The docs' picture: a PBX with updates, a paid module selected, its changelog."""
        showcase = pick_showcase(self.window)
        if showcase is not None:
            self.window.fleet_view.select(showcase[0])
            if showcase[1] is not None:
                self.window.pbx_page.select_module(showcase[1])
        self.take(self.window, "main-window")

    def every_pbx(self) -> None:
        """Each demo PBX selected, with its most telling module; the Available tab; the details tabs."""
        window = self.window
        for entry in window.fleet_model.entries():
            window.fleet_view.select(entry.name)
            QApplication.processEvents()
            if entry.snapshot is not None:
                pairs = list(zip(entry.snapshot.modules, entry.snapshot.plan.modules, strict=True))
                ranked = sorted(pairs, key=lambda pair: min((b.rank for b in installed_badges(*pair)), default=99))
                if ranked:
                    window.pbx_page.select_module(ranked[0][0].id)
            self.take(window, "pbx-" + _slug(entry.name))
        showcase = pick_showcase(window)
        if showcase is None:
            return
        window.fleet_view.select(showcase[0])
        if showcase[1] is not None:
            window.pbx_page.select_module(showcase[1])
        for tab, name in (
            (ModuleDetails.TAB_COMPATIBILITY, "details-compatibility"),
            (ModuleDetails.TAB_BACKUPS, "details-backups"),
        ):
            window.details.tabs.setCurrentIndex(tab)
            self.take(window, name)
        window.details.tabs.setCurrentIndex(ModuleDetails.TAB_CHANGELOG)
        window.pbx_page.module_tabs.setCurrentIndex(1)
        if window.pbx_page.available_proxy.rowCount():
            window.pbx_page.available_view.selectRow(0)
        self.take(window, "available")
        window.pbx_page.module_tabs.setCurrentIndex(0)

    # -- update previews -------------------------------------------------------------------

    def _preview(self, pbx: str, module_id: str, to_version: int | None = None) -> UpdateChoice:
        services = self.session.services
        preview = prepare_update(services, pbx, module_id, to_version=to_version)
        free: UpdatePreview | None = None
        if preview.paid and preview.free_alternative is not None:
            free = prepare_update(services, pbx, module_id, to_version=preview.free_alternative.version)
        return UpdateChoice(preview, free, self._display_name(pbx, module_id))

    def _display_name(self, pbx: str, module_id: str) -> str:
        self.window.fleet_view.select(pbx)
        for row in self.window.pbx_page.installed_model.rows():
            if row.module.id == module_id:
                return row.display_name
        for item in self.window.pbx_page.available_model.rows():
            if item.module.id == module_id:
                return item.module.display_name(self.window.locale().name())
        return ""

    def _show_preview(self, choice: UpdateChoice, name: str) -> None:
        dialog = self.window.update_flows.show_update_dialog(choice)
        self._dialog(dialog, name)

    def _module_with(self, snapshot: PbxSnapshot, test: Callable[[set[Badge]], bool]) -> str | None:
        for module, plan in zip(snapshot.modules, snapshot.plan.modules, strict=True):
            if test(set(installed_badges(module, plan))):
                return module.id
        return None

    def update_previews(self, review: bool) -> None:
        """The docs show a paid update with its free way out; the review every kind of preview."""
        showcase = pick_showcase(self.window)
        if showcase is not None and showcase[1] is not None:
            self._show_preview(self._preview(showcase[0], showcase[1]), "update-preview")
        if not review:
            return
        kinds: list[tuple[str, Callable[[PbxSnapshot, FleetStatus], bool], Callable[[set[Badge]], bool]]] = [
            ("update-free", lambda s, _st: True, lambda b: Badge.UPDATE in b and Badge.PAID not in b),
            ("update-paid-only", lambda s, st: st is FleetStatus.PAID_UPDATES_ONLY, lambda b: Badge.PAID in b),
            ("update-nfr", lambda s, _st: s.plan.facts.nfr_server, lambda b: Badge.UPDATE in b and Badge.NFR in b),
        ]
        for name, pbx_test, module_test in kinds:

            def fits(
                snapshot: PbxSnapshot,
                status: FleetStatus,
                pbx_test: Callable[[PbxSnapshot, FleetStatus], bool] = pbx_test,
                module_test: Callable[[set[Badge]], bool] = module_test,
            ) -> bool:
                return pbx_test(snapshot, status) and self._module_with(snapshot, module_test) is not None

            pbx = self.pbx_with(fits)
            if pbx is None:
                print(f"screenshots: no demo PBX for {name}", file=sys.stderr)
                continue
            snapshot = self.snapshot(pbx)
            assert snapshot is not None
            module_id = self._module_with(snapshot, module_test)
            assert module_id is not None
            self._show_preview(self._preview(pbx, module_id), name)
        install = self.pbx_with(lambda s, _st: bool(s.plan.available))
        if install is not None:
            snapshot = self.snapshot(install)
            assert snapshot is not None
            self._show_preview(self._preview(install, snapshot.plan.available[0].module.id), "update-install")
        self._downgrade_preview()

    def _downgrade_preview(self) -> None:
        window = self.window
        for entry in window.fleet_model.entries():
            if entry.snapshot is None:
                continue
            window.fleet_view.select(entry.name)
            for row in window.pbx_page.installed_model.rows():
                earlier = [release.version for release in row.earlier_releases(window.pbx_page.selection().starface)]
                if earlier:
                    self._show_preview(self._preview(entry.name, row.module.id, earlier[0]), "update-downgrade")
                    return

    # -- backups ---------------------------------------------------------------------------

    def backups(self, review: bool) -> None:
        """All backups; for the review also one module's, set to restore onto another PBX."""
        dialog = self.window.backup_flows.open_backups(None, None, "")
        if not review:
            self._dialog(dialog, "backups")
            return
        self.take(dialog, "backups")
        info = dialog.selected()
        others = [name for name in self.window.fleet_model.names() if info is not None and name != info.pbx_name]
        if info is not None and others:
            dialog.target_combo.setCurrentText(others[0])
            self.take(dialog, "backups-restore-elsewhere")
            asked: list[QMessageBox] = []

            def confirm(parent: QWidget, title: str, question: str) -> bool:
                box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No, parent)
                asked.append(box)
                self.take(box, "backups-restore-confirm")
                box.close()
                return False

            dialog._confirm = confirm
            dialog.restore_selected()
        dialog.close()
        dialog.deleteLater()
        QApplication.processEvents()

    # -- PBXs, certificates, settings, recovery --------------------------------------------

    def pbx_dialogs(self, review: bool) -> None:
        """Editing a PBX, and the certificate trust question (first contact; for the review: changed)."""
        entry = next(iter(self.window.fleet_model.entries()), None)
        if entry is not None:
            self.window.fleet_view.select(entry.name)
            dialog = self.window.setup_flows.edit_pbx()
            assert dialog is not None
            self._dialog(dialog, "pbx-dialog")
        url = entry.record.url if entry is not None else "https://pbx.example:443"
        certificate = CertificateInfo(
            sha256="3f" * 4 + "a7c1" * 14,
            pem="",
            subject="CN=starface.autohaus-sommer.local, O=Autohaus Sommer GmbH",
            not_after=(datetime.now(UTC) + timedelta(days=700)).isoformat(),
            ca_verified=False,
        )
        self._dialog(CertificateTrustDialog(self.window, certificate, url, None), "certificate")
        if not review:
            return
        changed = CertificateTrustDialog(self.window, certificate, url, "9b" * 32)
        self._dialog(changed, "certificate-changed")
        empty = self.window.setup_flows.add_pbx()
        self.take(empty, "pbx-add")
        empty.address_edit.setText("http://10.0.0.5")
        empty.save()
        self.take(empty, "pbx-add-errors")
        empty.close()
        empty.deleteLater()

    def settings(self) -> None:
        self._dialog(self.window.setup_flows.open_settings(), "settings")

    def recovery(self) -> None:
        """Two interrupted updates: one PBX answers (finish recommended), one does not."""
        names = self.window.fleet_model.names()
        started = datetime.now(UTC) - timedelta(minutes=42)
        url = self.window.fleet_model.entry(names[-1]).record.url  # type: ignore[union-attr]
        unreachable = PbxError(
            f"The PBX at {url} cannot be reached (no answer in time).",
            "Check the address, that the PBX is running and that a firewall lets you through to its HTTPS port.",
            code="unreachable",
            params={"url": url, "reason": "timeout"},
        )
        assessments = []
        for number, (pbx, reachable) in enumerate(((names[0], True), (names[-1], False))):
            entry = JournalEntry(
                op_id=f"demo-{number}",
                pbx_name=pbx,
                module_id="00000000-0000-4000-8000-00000000000" + str(number),
                module_name=("Warteschleifen-Ansagen", "CRM-Connector")[number],
                from_version=(117, 41)[number],
                to_version=(122, 44)[number],
                backup_id="backup",
                target_sha256="0" * 64,
                previous_sha256="1" * 64,
                step=("restore", "upload")[number],
                started_at=(started + timedelta(minutes=number)).isoformat(),
                updated_at=(started + timedelta(minutes=number + 1)).isoformat(),
            )
            assessments.append(
                Assessment(
                    entry=entry,
                    installed_version=122 if reachable else None,
                    reachable=reachable,
                    recommended=RecoveryAction.RESUME if reachable else RecoveryAction.ROLLBACK,
                    can_roll_back=True,
                    problem="" if reachable else unreachable.message,
                    error=None if reachable else unreachable,
                )
            )
        self._dialog(RecoveryDialog(self.window, assessments), "recovery")

    # -- the fleet -------------------------------------------------------------------------

    def _most_installed_module(self) -> tuple[str, str] | None:
        """(PBX, module id) of the module most PBXs run, selected on one of them."""
        counts: dict[str, list[str]] = {}
        for entry in self.window.fleet_model.entries():
            for module in entry.snapshot.modules if entry.snapshot is not None else ():
                counts.setdefault(module.id, []).append(entry.name)
        if not counts:
            return None
        module_id = max(counts, key=lambda key: len(counts[key]))
        return counts[module_id][0], module_id

    def rollout(self, review: bool) -> None:
        """The module most PBXs run, planned: stages (canary first) and the PBXs left out.

        Planning changes nothing. For the review, the results of a run are drawn from a made-up
        outcome (one PBX failed, the next stage not started), so the demo PBXs stay as they are
        for the next language.
        """
        found = self._most_installed_module()
        if found is None:
            return
        pbx, module_id = found
        self.window.fleet_view.select(pbx)
        self.window.pbx_page.select_module(module_id)
        dialog = self.window.fleet_flows.rollout_selected()
        if dialog is None:
            return
        dialog.make_plan()
        self.settle()
        if not review or dialog.plan is None or not dialog.plan.targets:
            self._dialog(dialog, "rollout")
            return
        self.take(dialog, "rollout")
        plan = dialog.plan
        results = []
        failed = []
        not_started = []
        for index, stage in enumerate(plan.stages):
            for number, target in enumerate(stage):
                if index == 0 or (index == 1 and number > 0):
                    versions = (target.from_version or 0, target.to_version or 0)
                    result = UpdateResult(target.pbx_name, plan.module_id, plan.module_name, *versions, None, (), ())
                    results.append(result)
                    dialog._event(target.pbx_name, index, result)
                elif index == 1:
                    error = OperationError(
                        "The PBX did not confirm the upload; the previous version was put back.",
                        "Check the PBX's free disk space and try again.",
                    )
                    failed.append((target, error))
                    dialog._event(target.pbx_name, index, error)
                else:
                    not_started.append(target)
                    dialog._event(target.pbx_name, index, SKIPPED)
        dialog._finished(RolloutOutcome(tuple(results), tuple(failed), tuple(not_started)))
        self._dialog(dialog, "rollout-result")

    def readiness(self) -> None:
        """Every demo PBX checked for the newest STARFACE the catalogs name."""
        dialog = self.window.fleet_flows.check_readiness()
        if dialog.version_combo.count():
            dialog.version_combo.setCurrentIndex(0)
        everyone = [dialog.scope_combo.itemData(row) for row in range(dialog.scope_combo.count())]
        widest = max(range(len(everyone)), key=lambda row: len(everyone[row] or []))
        dialog.scope_combo.setCurrentIndex(widest)
        dialog.check()
        self.settle()
        self._dialog(dialog, "readiness")

    # -- review only -----------------------------------------------------------------------

    def update_all(self) -> None:
        """The confirmation of "update all" and a summary where one update failed."""
        window = self.window
        pbx = self.pbx_with(lambda s, _st: len(free_updates(s)) >= 2)
        if pbx is None:
            return
        snapshot = self.snapshot(pbx)
        assert snapshot is not None
        planned = free_updates(snapshot)
        window.fleet_view.select(pbx)
        window.update_flows.update_all()
        box = _newest_message_box(window)
        if box is not None:
            self.take(box, "update-all-confirm")
            box.close()
        first, second, *rest = planned
        outcome = UpdateAllOutcome(
            succeeded=(
                UpdateResult(
                    pbx, first.module_id, first.module_name, first.from_version, first.to_version, None, (), ()
                ),
            ),
            failed=(
                (
                    second,
                    OperationError(
                        "The PBX did not confirm the upload; the previous version was put back.",
                        "Check the PBX's free disk space and try again.",
                    ),
                ),
            ),
            skipped=tuple(rest),
        )
        window.update_flows.updated_all(pbx, outcome)
        box = _newest_message_box(window)
        if box is not None:
            self.take(box, "update-all-summary")
            box.close()

    def password_prompts(self) -> None:
        new = PasswordPrompt(
            self.window,
            QApplication.translate("PasswordPrompt", "modmanager – master password"),
            QApplication.translate(
                "PasswordPrompt",
                "This computer has no keyring, so modmanager keeps the PBX passwords in a file encrypted "
                "with a master password. Choose the master password; you will need it at every start.",
            ),
            new=True,
        )
        self._dialog(new, "password-new")
        again = PasswordPrompt(
            self.window,
            QApplication.translate("PasswordPrompt", "modmanager – master password"),
            QApplication.translate(
                "PasswordPrompt", "Enter the master password that protects the stored PBX passwords."
            ),
            error="The master password is wrong.",
        )
        self._dialog(again, "password")


def _wait(milliseconds: int) -> None:
    """Run the event loop for a while, so timers that fit the layout fire before the picture."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def _newest_message_box(window: QWidget) -> QMessageBox | None:
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    return boxes[-1] if boxes else None


def _slug(name: str) -> str:
    kept = "".join(char.lower() if char.isalnum() else "-" for char in name)
    return "-".join(part for part in kept.split("-") if part)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    try:
        return int(width), int(height)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1280x800, not {text!r}") from error


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--out", type=Path, default=DOCS_FOLDER, help="folder for the PNG files (default: docs/screenshots)"
    )
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES), help="interface languages")
    parser.add_argument("--size", type=_size, default=DEFAULT_SIZE, help="main window size, e.g. 1024x700")
    parser.add_argument("--review", action="store_true", help="every screen and state, not only the docs' set")
    args = parser.parse_args(argv)
    shots = capture(args.out, args.lang, size=args.size, review=args.review)
    for shot in shots:
        print(f"{shot.path}  {shot.size[0]}x{shot.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
