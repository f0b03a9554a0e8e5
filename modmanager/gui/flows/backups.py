"""Backups from the window: back up the selected module now, open the backups, back up every PBX."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.backups_dialog import BackupsDialog
from modmanager.gui.errors import describe_text
from modmanager.gui.fleet_work import FleetBackupOutcome
from modmanager.gui.flows import open_dialog
from modmanager.gui.notices import Notices
from modmanager.gui.tasks import TaskHandle
from modmanager.gui.views.pbx_page import PbxPage
from modmanager.store.backups import BackupInfo


class BackupFlows(QObject):
    """Back up now, the backups dialog (all, or one module's), and a backup of the whole fleet.

    Attributes:
        backups_dialog: the backups dialog open now, if any.
    """

    def __init__(self, window: QWidget, controller: Controller, page: PbxPage, notices: Notices) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._page = page
        self._notices = notices
        self.backups_dialog: BackupsDialog | None = None

    def backup_selected(self) -> TaskHandle | None:
        row = self._page.selected_installed()
        pbx = self._page.current
        if row is None or pbx is None:
            return None
        return self._controller.backup_now(pbx, row.module.id, row.display_name)

    def restore_selected(self) -> BackupsDialog | None:
        row = self._page.selected_installed()
        if row is None or self._page.current is None:
            return None
        return self.open_backups(self._page.current, row.module.id, row.display_name)

    def show_backups_for(self, info: BackupInfo) -> BackupsDialog:
        """From the details pane: the backups of this module, with ``info`` selected."""
        dialog = self.open_backups(info.pbx_name, info.module_id, info.module_name)
        dialog.select(info.backup_id)
        return dialog

    def show_backups(self) -> BackupsDialog:
        return self.open_backups(None, None, "")

    def open_backups(self, pbx: str | None, module_id: str | None, module_name: str) -> BackupsDialog:
        """The backups dialog, narrowed to one module on one PBX when they are given."""
        dialog = BackupsDialog(self._window, self._controller, pbx=pbx, module_id=module_id, module_name=module_name)
        self.backups_dialog = dialog

        def closed(_result: int) -> None:
            self.backups_dialog = None

        return open_dialog(dialog, closed)

    def backup_fleet(self) -> None:
        """Back up every module of every PBX, one task per PBX; a summary when all are done."""
        names = self._controller.fleet.names()
        if not names:
            return
        self._notices.say(self.tr("Backing up every module on every PBX…"))
        self._controller.fleetwide.backup_fleet(names, on_done=self.fleet_backed_up)

    def fleet_backed_up(self, outcome: FleetBackupOutcome) -> QMessageBox:
        modules = sum(len(infos) for infos in outcome.backed_up.values())
        total = len(outcome.backed_up) + len(outcome.failed)
        if outcome.failed:
            summary = self.tr("PBXs backed up: {done} of {total}. These could not be backed up:").format(
                done=len(outcome.backed_up), total=total
            )
        else:
            summary = self.tr("Every PBX was backed up: {total} PBXs, {modules} modules.").format(
                total=total, modules=modules
            )
        details = "\n".join(
            "• " + self.tr("{pbx}: {problem}").format(pbx=name, problem=describe_text(error))
            for name, error in sorted(outcome.failed.items(), key=lambda item: item[0].casefold())
        )
        return self._notices.inform(self.tr("Back up all PBXs"), summary, details)
