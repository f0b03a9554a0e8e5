"""Setting modmanager up: add, edit, remove and re-read PBXs; the settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.pbx_dialog import PbxDialog
from modmanager.gui.dialogs.settings_dialog import SettingsDialog
from modmanager.gui.flows import open_dialog
from modmanager.gui.models.fleet import PbxEntry
from modmanager.gui.notices import Notices
from modmanager.gui.views.fleet import FleetView
from modmanager.store.paths import data_dir
from modmanager.store.settings import Settings


class SetupFlows(QObject):
    """The PBX dialog (add, edit), removing a PBX, reading one again, and the settings dialog.

    Args:
        save: writes the settings (tests pass their own).
    """

    def __init__(
        self,
        window: QWidget,
        controller: Controller,
        fleet_view: FleetView,
        notices: Notices,
        save: Callable[[Settings], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._fleet_view = fleet_view
        self._notices = notices
        self._save = save

    def refresh_selected_pbx(self) -> None:
        if self._fleet_view.current is not None:
            self._controller.refresh(self._fleet_view.current)

    def add_pbx(self) -> PbxDialog:
        return self._open_pbx_dialog(None)

    def edit_pbx(self) -> PbxDialog | None:
        entry = self._fleet_view.current_entry()
        return self._open_pbx_dialog(entry) if entry is not None else None

    def _open_pbx_dialog(self, entry: PbxEntry | None) -> PbxDialog:
        services = self._controller.services
        dialog = PbxDialog(
            self._window,
            self._controller.runner,
            inventory=services.inventory,
            credentials=services.credentials,
            record=entry.record if entry else None,
        )

        def finished(result: int) -> None:
            record = dialog.saved_record
            if result != QDialog.DialogCode.Accepted or record is None:
                return
            self._controller.reload_records()
            self._fleet_view.select(record.name)
            self._controller.refresh(record.name)

        return open_dialog(dialog, finished)

    def remove_pbx(self) -> QMessageBox | None:
        entry = self._fleet_view.current_entry()
        if entry is None:
            return None
        name = entry.name
        return self._notices.ask(
            self.tr("Remove PBX"),
            self.tr("Remove {pbx} from modmanager? Nothing on the PBX changes; its backups are kept.").format(pbx=name),
            lambda: self._controller.remove_pbx(name),
        )

    def open_settings(self) -> SettingsDialog:
        settings = self._controller.services.settings
        dialog = SettingsDialog(self._window, settings, data_folder=data_dir(), save=self._save)
        return open_dialog(dialog, lambda result: self._settings_saved(dialog) if result else None)

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        saved = dialog.saved_settings
        if saved is None:
            return
        if dialog.language_changed:
            self._notices.say(self.tr("The new language applies at the next start."))
        self._controller.apply_settings(saved)
