"""Unattended work in the desktop application: menus, the due-job timer and notifications.

:func:`add_unattended_menus` hooks everything into a main window without the window knowing
the details (one call at the end of its constructor):

- a menu *Unattended* with *Schedules and maintenance windows…*, *Run due jobs now*, *Hold or
  skip…* for the selected module, *History…* and *Customer report…*;
- a timer that runs the due scheduled jobs while the application is open (every minute; the
  data folder's runner lock keeps it from running a job that ``modmanager run-due`` runs);
- notifications: a tray message (or the status bar where there is no tray) when a scheduled
  run ends or a long task ends, with the failures named.

The window needs ``services``, ``runner``, ``controller``, ``menuBar()``, ``statusBar()`` and
``pbx_page`` (the selected PBX and module).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon

from modmanager.core.errors import ModManagerError
from modmanager.gui.changes import Changes
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.history_dialog import HistoryDialog
from modmanager.gui.dialogs.hold_dialog import HoldDialog
from modmanager.gui.dialogs.report_dialog import ReportDialog
from modmanager.gui.dialogs.schedule_dialog import ScheduleDialog, job_kind_text, job_state_text
from modmanager.gui.errors import describe_text
from modmanager.gui.models.modules import InstalledRow
from modmanager.gui.resources import icon
from modmanager.gui.tasks import TaskContext, TaskHandle, TaskRunner, TaskState
from modmanager.ops.refresh import cached_snapshot, fleet_status
from modmanager.ops.schedule import RunSummary, run_due
from modmanager.ops.services import Services
from modmanager.store.schedules import JobState

log = logging.getLogger(__name__)

DUE_CHECK_MS = 60_000
"""How often the open application looks for due jobs."""
LONG_TASK_SECONDS = 30.0
"""A task that ran at least this long gets a notification when it ends."""
SCHEDULE_KEY = "(schedule)"
_NOTIFY_MS = 10_000


class Unattended(QObject):
    """What :func:`add_unattended_menus` adds to one window; kept as ``window.unattended``."""

    def __init__(self, window: QMainWindow, *, check_interval_ms: int = DUE_CHECK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.services: Services = window.services  # type: ignore[attr-defined]
        self.runner: TaskRunner = window.runner  # type: ignore[attr-defined]
        self.controller: Controller = window.controller  # type: ignore[attr-defined]
        self.notifications: list[tuple[str, str]] = []
        """Every notification shown (title, text), newest last - for tests and the log."""
        self.schedule_dialog: ScheduleDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.hold_dialog: HoldDialog | None = None
        self._running: TaskHandle | None = None

        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setToolTip("modmanager")
            self.tray.show()

        self.menu = self._build_menu()
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.runner.task_finished.connect(self._task_finished)

    # -- menu -------------------------------------------------------------------------------

    def _action(self, text: str, slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def _build_menu(self) -> QMenu:
        menu = self.window.menuBar().addMenu(self.tr("&Unattended"))
        self.schedules_action = self._action(
            self.tr("&Schedules and maintenance windows…"),
            self.show_schedules,
            self.tr("Plan updates and backups for the PBXs' maintenance windows"),
        )
        self.run_due_action = self._action(
            self.tr("&Run due jobs now"), self.run_due_now, self.tr("Run the jobs whose maintenance window is open")
        )
        self.hold_action = self._action(
            self.tr("&Hold or skip this module…"),
            self.show_hold,
            self.tr("Keep the selected module at its version, or skip one release"),
        )
        self.history_action = self._action(
            self.tr("&History…"), self.show_history, self.tr("Every change to the PBXs, who made it and how it ended")
        )
        self.report_action = self._action(
            self.tr("Customer &report…"),
            self.show_report,
            self.tr("What changed on a customer's PBXs, as PDF or HTML"),
        )
        for action in (
            self.schedules_action,
            self.run_due_action,
            None,
            self.hold_action,
            None,
            self.history_action,
            self.report_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu

    # -- dialogs ----------------------------------------------------------------------------

    def show_schedules(self) -> ScheduleDialog:
        dialog = ScheduleDialog(
            self.services,
            self.window,
            run_due=self.run_due_now,
            pbx=self._current_pbx(),
        )
        self.schedule_dialog = dialog
        dialog.finished.connect(lambda _result: self.controller.reload_records())
        dialog.open()
        return dialog

    def show_history(self) -> HistoryDialog:
        dialog = HistoryDialog(self.services, self.window, pbx=self._current_pbx())
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def show_report(self) -> ReportDialog:
        customer = ""
        pbx = self._current_pbx()
        if pbx:
            try:
                customer = self.services.inventory.get(pbx).customer
            except ModManagerError:
                customer = ""
        dialog = ReportDialog(self.services, self.window, customer=customer)
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def show_hold(self) -> HoldDialog | None:
        selection = self.window.pbx_page.selection()  # type: ignore[attr-defined]
        pbx: str | None = selection.pbx
        row: InstalledRow | None = selection.installed
        if pbx is None or row is None:
            self.window.statusBar().showMessage(self.tr("Select an installed module first."), _NOTIFY_MS)
            return None
        installed = row.module.version
        newer = []
        if row.catalog is not None:
            newer = sorted(
                (release for release in row.catalog.releases if release.version > installed),
                key=lambda release: release.version,
                reverse=True,
            )
        dialog = HoldDialog(self.services, pbx, row.module.id, row.display_name, installed, newer, self.window)
        dialog.changed.connect(lambda: self.replan(pbx))
        self.hold_dialog = dialog
        dialog.open()
        return dialog

    def _current_pbx(self) -> str | None:
        """The PBX selected in the window, if any."""
        page = getattr(self.window, "pbx_page", None)
        current = getattr(page, "current", None)
        return current if isinstance(current, str) else None

    def replan(self, pbx: str) -> None:
        """Plan a PBX again from its last reading (holds changed; no need to ask the PBX)."""
        snapshot = cached_snapshot(self.services, pbx)
        if snapshot is None:
            return
        self.controller.fleet.update_entry(pbx, snapshot=snapshot, status=fleet_status(self.services, snapshot))
        self.controller.announce(Changes.of_pbxs([pbx]))

    # -- running due jobs -------------------------------------------------------------------

    def _tick(self) -> None:
        """The timer: an open window runs jobs when one is due (a local look; no task otherwise)."""
        if self.window.isVisible() and self._anything_due():
            self.run_due_now()

    def _anything_due(self) -> bool:
        now = dt.datetime.now(dt.UTC)
        try:
            pending = self.services.schedules.list(states=[JobState.PENDING])
        except ModManagerError:
            return False
        return any(job.window_start <= now for job in pending)

    def run_due_now(self) -> TaskHandle | None:
        """Run the due jobs in the background (nothing when a run of this window is still going)."""
        if self._running is not None and not self._running.state.is_final:
            return None
        services = self.services

        def work(ctx: TaskContext) -> RunSummary:
            return run_due(services)

        try:
            self._running = self.runner.submit(
                SCHEDULE_KEY,
                self.tr("Run due scheduled jobs"),
                work,
                on_success=self._run_finished,
                on_failure=lambda error: self.notify(self.tr("Scheduled jobs"), describe_text(error)),
            )
        except RuntimeError:  # the runner was shut down: the application is closing
            self.timer.stop()
            return None
        return self._running

    def _run_finished(self, summary: RunSummary) -> None:
        if self.schedule_dialog is not None:
            self.schedule_dialog.reload()
        if not summary.anything:
            return
        for pbx in sorted({job.pbx_name for job in summary.ran}):
            self.controller.refresh(pbx)
        self.notify(self.tr("Scheduled jobs"), self.summary_text(summary))

    def summary_text(self, summary: RunSummary) -> str:
        done = [job for job in summary.ran if job.state is JobState.SUCCEEDED]
        problems = [*summary.failed, *summary.missed, *summary.interrupted]
        if not problems:
            return self.tr("{count} job(s) done.").format(count=len(done))
        named = "; ".join(
            f"{job.pbx_name}: {job_kind_text(job)} – {job_state_text(job.state)}" for job in problems
        )
        return self.tr("{done} job(s) done, {bad} not: {jobs}").format(done=len(done), bad=len(problems), jobs=named)

    # -- notifications ----------------------------------------------------------------------

    def _task_finished(self, handle: TaskHandle) -> None:
        if handle.key == SCHEDULE_KEY or handle.started_at is None or handle.finished_at is None:
            return
        seconds = (handle.finished_at - handle.started_at) / dt.timedelta(seconds=1)
        if seconds < LONG_TASK_SECONDS:
            return
        if handle.state is TaskState.SUCCEEDED:
            self.notify(handle.title, self.tr("Finished."))
        elif handle.state is TaskState.FAILED and handle.error is not None:
            self.notify(handle.title, self.tr("Failed: {reason}").format(reason=describe_text(handle.error)))

    def notify(self, title: str, text: str) -> None:
        """A tray message where the desktop has a tray, else the status bar."""
        self.notifications.append((title, text))
        log.info("notification: %s: %s", title, text)
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, _NOTIFY_MS)
        else:
            self.window.statusBar().showMessage(f"{title}: {text}", _NOTIFY_MS)


def add_unattended_menus(window: QMainWindow, *, check_interval_ms: int = DUE_CHECK_MS) -> Unattended:
    """Add the *Unattended* menu, the due-job timer and notifications to ``window``."""
    unattended = Unattended(window, check_interval_ms=check_interval_ms)
    window.unattended = unattended  # type: ignore[attr-defined]
    return unattended
