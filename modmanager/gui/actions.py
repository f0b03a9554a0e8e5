"""Every action of the main window: its text, shortcut, icon and tip, and when it can be used.

The same ``QAction`` sits in the menu, the toolbar and the context menus. Which flow an action
starts is wired by the main window; whether it is enabled follows the selection and the fleet
(:meth:`WindowActions.follow`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QWidget

from modmanager.gui.resources import icon
from modmanager.gui.views.pbx_page import Selection
from modmanager.ops.fleet import free_updates


class WindowActions(QObject):
    """The window's actions, created on ``window`` (so their shortcuts work everywhere in it).

    Attributes (each a ``QAction``): refresh, search, update, update_all, install, reinstall,
    rollout, backup, restore, backups, add_pbx, edit_pbx, edit_tags, remove_pbx, import_pbxs,
    export_pbxs, refresh_pbx, readiness, backup_fleet, save_agent, settings, quit. (*Trust new certificate…* is
    :func:`~modmanager.gui.dialogs.trust_dialog.trust_action`, the *Help* and *Unattended* entries
    come with their menus.)
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        pixmap = QStyle.StandardPixmap
        self.refresh = self._action(
            self.tr("&Refresh"),
            shortcut="F5",
            standard=pixmap.SP_BrowserReload,
            tip=self.tr("Read every PBX and the module catalogs again"),
        )
        self.search = self._action(self.tr("&Search PBXs"), shortcut=QKeySequence.StandardKey.Find)
        self.update = self._action(
            self.tr("&Update…"),
            shortcut="Ctrl+U",
            icon_name="update",
            tip=self.tr("Update the selected module (shows what changes first)"),
        )
        self.update_all = self._action(
            self.tr("Update &all…"),
            shortcut="Ctrl+Shift+U",
            icon_name="update",
            tip=self.tr("Install every free update of this PBX"),
        )
        self.install = self._action(
            self.tr("&Install…"),
            shortcut="Ctrl+I",
            standard=pixmap.SP_DialogApplyButton,
            tip=self.tr("Install the selected available module"),
        )
        self.reinstall = self._action(
            self.tr("Reinstall an &earlier version…"),
            standard=pixmap.SP_ArrowBack,
            tip=self.tr("Go back to an earlier release of the selected module"),
        )
        self.rollout = self._action(
            self.tr("R&oll out to PBXs…"),
            icon_name="update",
            tip=self.tr("Update the selected module on many PBXs in stages, canaries first"),
        )
        self.backup = self._action(
            self.tr("&Back up now"),
            shortcut="Ctrl+B",
            standard=pixmap.SP_DialogSaveButton,
            tip=self.tr("Back up the settings of the selected module"),
        )
        self.restore = self._action(
            self.tr("&Restore from backup…"),
            standard=pixmap.SP_DialogResetButton,
            tip=self.tr("Restore settings of the selected module from a backup"),
        )
        self.backups = self._action(
            self.tr("Show &backups…"),
            standard=pixmap.SP_DirOpenIcon,
            tip=self.tr("All backups: contents, restore, export and import"),
        )
        self.backups.setIconText(self.tr("Backups", "toolbar"))
        self.add_pbx = self._action(
            self.tr("&Add PBX…"),
            shortcut="Ctrl+N",
            standard=pixmap.SP_FileDialogNewFolder,
            tip=self.tr("Add a PBX: address, login and its certificate"),
        )
        self.add_pbx.setIconText(self.tr("Add PBX", "toolbar"))
        self.edit_pbx = self._action(self.tr("&Edit PBX…"), standard=pixmap.SP_FileDialogDetailedView)
        self.edit_tags = self._action(
            self.tr("Edit &tags…"),
            tip=self.tr("Add or remove tags on the PBXs selected in the list"),
        )
        self.remove_pbx = self._action(self.tr("Re&move PBX…"), standard=pixmap.SP_TrashIcon)
        self.import_pbxs = self._action(
            self.tr("&Import PBXs…"),
            standard=pixmap.SP_DialogOpenButton,
            tip=self.tr("Add many PBXs from a CSV or JSON file: preview, certificates, one confirmation"),
        )
        self.import_pbxs.setIconText(self.tr("Import", "toolbar"))
        self.export_pbxs = self._action(
            self.tr("E&xport PBXs…"),
            tip=self.tr("Save the PBX list as a CSV or JSON file (without passwords)"),
        )
        self.refresh_pbx = self._action(
            self.tr("Refresh this PBX"),
            standard=pixmap.SP_BrowserReload,
            tip=self.tr("Read the selected PBX again"),
        )
        self.readiness = self._action(
            self.tr("Check STARFACE &upgrade…"),
            standard=pixmap.SP_MessageBoxQuestion,
            tip=self.tr("Can these PBXs move to a newer STARFACE? Lists the modules that block it"),
        )
        self.backup_fleet = self._action(
            self.tr("Back up all PBXs"),
            standard=pixmap.SP_DialogSaveButton,
            tip=self.tr("Back up the settings of every module on every PBX"),
        )
        self.save_agent = self._action(
            self.tr("Save agent &module…"),
            standard=pixmap.SP_DialogSaveButton,
            tip=self.tr("Save the modmanager agent module, to install it on a PBX in its web interface"),
        )
        self.settings = self._action(
            self.tr("&Settings…"),
            shortcut="Ctrl+,",
            standard=pixmap.SP_FileDialogInfoView,
            tip=self.tr("Catalog sources, pre-releases, language and how many backups to keep"),
        )
        self.quit = self._action(self.tr("&Quit"), shortcut=QKeySequence.StandardKey.Quit)

    def _action(
        self,
        text: str,
        *,
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
        standard: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self._window)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        elif standard is not None:
            action.setIcon(self._window.style().standardIcon(standard))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        self._window.addAction(action)
        return action

    def follow(self, selection: Selection, *, has_fleet: bool) -> None:
        """Enable what the selection and the fleet allow."""
        entry = selection.entry
        installed = selection.installed
        snapshot = entry.snapshot if entry is not None else None
        self.update.setEnabled(installed is not None and installed.updatable)
        self.update_all.setEnabled(snapshot is not None and bool(free_updates(snapshot)))
        self.install.setEnabled(selection.available is not None)
        self.reinstall.setEnabled(installed is not None and bool(installed.earlier_releases(selection.starface)))
        self.backup.setEnabled(installed is not None)
        self.restore.setEnabled(installed is not None)
        self.rollout.setEnabled(installed is not None and installed.catalog is not None)
        self.readiness.setEnabled(has_fleet)
        self.backup_fleet.setEnabled(has_fleet)
        self.edit_tags.setEnabled(has_fleet)
        self.export_pbxs.setEnabled(has_fleet)
        for action in (self.edit_pbx, self.remove_pbx, self.refresh_pbx):
            action.setEnabled(entry is not None)
