"""Setting modmanager up: add, edit, remove and re-read PBXs, tag many at once; the settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from modmanager.core.errors import ModManagerError
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.pbx_dialog import PbxDialog
from modmanager.gui.dialogs.settings_dialog import SettingsDialog
from modmanager.gui.dialogs.tags_dialog import TagsDialog
from modmanager.gui.flows import open_dialog
from modmanager.gui.models.fleet import PbxEntry
from modmanager.gui.notices import Notices
from modmanager.gui.views.fleet import FleetView
from modmanager.ops.pbxs import retag_pbxs
from modmanager.store.inventory import PbxRecord
from modmanager.store.paths import data_dir
from modmanager.store.settings import Settings


class SetupFlows(QObject):
    """The PBX dialog (add, edit), tags of many PBXs, removing a PBX, reading one again, the settings dialog.

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

    def edit_tags(self) -> TagsDialog | None:
        """Add or remove tags on the PBXs selected in the list (or the one shown)."""
        names = self._fleet_view.selected_names() or ([self._fleet_view.current] if self._fleet_view.current else [])
        fleet = self._controller.fleet
        records = [entry.record for entry in (fleet.entry(name) for name in names) if entry is not None]
        if not records:
            self._notices.say(self.tr("Select the PBXs whose tags you want to edit in the PBX list."))
            return None
        known = sorted({tag for entry in fleet.entries() for tag in entry.record.tags}, key=str.casefold)
        dialog = TagsDialog(self._window, records, known)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.retag(dialog.names(), dialog.added(), dialog.removed())

        return open_dialog(dialog, finished)

    def retag(self, names: Sequence[str], added: Sequence[str], removed: Sequence[str]) -> None:
        """Write the tags in the task runner; the PBX list is read again afterwards."""
        inventory = self._controller.services.inventory

        def done(changed: list[PbxRecord]) -> None:
            self._controller.reload_records()
            self._notices.say(self.tr("Tags changed on {count} PBXs.").format(count=len(changed)))

        def failed(error: ModManagerError) -> None:
            self._controller.reload_records()  # the PBXs before the failing one have their new tags
            self._notices.show_error(self.tr("Edit tags"), error)

        self._controller.submit(
            self._controller.inventory_key,
            self.tr("Edit tags of {count} PBXs").format(count=len(names)),
            lambda _ctx: retag_pbxs(inventory, names, add=added, remove=removed),
            on_done=done,
            on_failure=failed,
        )

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
