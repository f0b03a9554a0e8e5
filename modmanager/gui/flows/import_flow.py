"""Many PBXs at once from and to a file: the import dialog, and exporting the PBX list as CSV or JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.import_dialog import ImportDialog
from modmanager.gui.flows import open_dialog
from modmanager.gui.notices import Notices
from modmanager.gui.tasks import TaskHandle
from modmanager.ops import fleet_import

ChooseExport = Callable[[QWidget], "tuple[Path, fleet_import.ImportFormat] | None"]
"""``choose(parent)``: where to write the PBX list and in which format, or None."""


def _choose_export(parent: QWidget) -> tuple[Path, fleet_import.ImportFormat] | None:
    csv_filter = QCoreApplication.translate("ImportFlows", "CSV files (*.csv)")
    json_filter = QCoreApplication.translate("ImportFlows", "JSON files (*.json)")
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportFlows", "Export PBXs"),
        "pbxs.csv",
        f"{csv_filter};;{json_filter}",
    )
    if not name:
        return None
    path = Path(name)
    kind: fleet_import.ImportFormat = "json" if chosen == json_filter or path.suffix.lower() == ".json" else "csv"
    return path, kind


class ImportFlows(QObject):
    """*Import PBXs…* (the import dialog) and *Export PBXs…* (a file, without any secret).

    Attributes:
        import_dialog: the import dialog open now, if any.
    """

    def __init__(
        self,
        window: QWidget,
        controller: Controller,
        notices: Notices,
        *,
        choose_export: ChooseExport = _choose_export,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._notices = notices
        self._choose_export = choose_export
        self.import_dialog: ImportDialog | None = None

    def import_pbxs(self) -> ImportDialog:
        if self.import_dialog is not None:
            self.import_dialog.raise_()
            return self.import_dialog
        dialog = ImportDialog(self._window, self._controller)
        self.import_dialog = dialog

        def closed(_result: int) -> None:
            self.import_dialog = None

        return open_dialog(dialog, closed)

    def export_pbxs(self) -> TaskHandle | None:
        """Write every PBX (name, customer, tags, address, login, window, pinned fingerprint) to a file."""
        chosen = self._choose_export(self._window)
        if chosen is None:
            return None
        path, kind = chosen
        inventory = self._controller.services.inventory
        # Excel splits a CSV at ';' where the locale writes decimal commas (German), else at ','.
        delimiter = ";" if QLocale().decimalPoint() == "," else ","

        def said(count: int) -> str:
            return self.tr("{count} PBXs exported to {file} (without passwords).").format(count=count, file=path)

        return self._controller.submit(
            self._controller.inventory_key,
            self.tr("Export PBXs to {file}").format(file=path.name),
            lambda _ctx: fleet_import.export_fleet(inventory, path, format=kind, delimiter=delimiter),
            said=said,
        )
