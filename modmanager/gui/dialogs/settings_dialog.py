"""Application settings: catalog sources, pre-releases, language, concurrency, backups.

Values are validated by :class:`modmanager.store.settings.Settings` itself (the one schema),
so the dialog cannot save anything the CLI would reject. It saves on OK and then holds the
new settings in :attr:`SettingsDialog.saved_settings`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.gui.errors import describe, describe_text
from modmanager.store.settings import MAX_CONCURRENCY, MAX_READ_CONCURRENCY, CatalogSource, Settings, save_settings

_ERROR_STYLE = "color: #c92a2a;"


def open_folder(path: Path) -> None:
    """Show a folder in the system's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CatalogSourceDialog(QDialog):
    """Add or edit one catalog source; validated like the settings file."""

    def __init__(self, parent: QWidget | None, source: CatalogSource | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit catalog source") if source else self.tr("Add catalog source"))
        self.source: CatalogSource | None = source
        self.name_edit = QLineEdit(source.name if source else "")
        self.location_edit = QLineEdit(source.location if source else "")
        self.location_edit.setPlaceholderText(self.tr("https://… or a folder"))
        self.location_edit.textChanged.connect(self._location_changed)
        browse = QPushButton(self.tr("Folder…"))
        browse.clicked.connect(self._browse)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location_edit, 1)
        location_row.addWidget(browse)
        self.key_edit = QLineEdit(source.public_key if source else "")
        self.key_edit.setPlaceholderText(self.tr("Publisher's Ed25519 public key (base64)"))
        self.trusted_check = QCheckBox(self.tr("Trust this folder without a signature"))
        self.trusted_check.setChecked(bool(source and source.trusted_unsigned))
        self.trusted_check.setToolTip(self.tr("Only for local folders you maintain yourself."))
        self.error_label = QLabel()
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("URL or folder:"), location_row)
        form.addRow(self.tr("Public key:"), self.key_edit)
        form.addRow("", self.trusted_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._location_changed(self.location_edit.text())

    def _location_changed(self, text: str) -> None:
        is_url = text.strip().lower().startswith(("http://", "https://"))
        self.trusted_check.setEnabled(not is_url)
        if is_url:
            self.trusted_check.setChecked(False)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the catalog folder"), self.location_edit.text())
        if folder:
            self.location_edit.setText(folder)

    def _accept_if_valid(self) -> None:
        candidate = CatalogSource(
            self.name_edit.text().strip(),
            self.location_edit.text().strip(),
            self.key_edit.text().strip(),
            self.trusted_check.isChecked(),
        )
        if not candidate.name:
            self._fail(self.tr("Enter a name for this catalog source."))
        elif not candidate.location:
            self._fail(self.tr("Enter the URL or the folder of the catalog."))
        else:
            try:
                Settings(catalog_sources=(candidate,))
            except ModManagerError as error:
                self._fail(self.tr("This catalog source cannot be used: {problem}").format(problem=describe(error)[0]))
                return
            self.source = candidate
            self.accept()

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class SettingsDialog(QDialog):
    """Edit the application settings; saves on OK.

    Args:
        parent: the owning window.
        settings: the current settings.
        data_folder: shown read-only, with a button to open it.
        save: writes the settings (default :func:`modmanager.store.settings.save_settings`).
        open_folder: shows a folder to the user (default: the system file manager).
    """

    def __init__(
        self,
        parent: QWidget | None,
        settings: Settings,
        *,
        data_folder: Path,
        save: Callable[[Settings], None] = save_settings,
        open_folder: Callable[[Path], None] = open_folder,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._save = save
        self._open_folder = open_folder
        self._data_folder = data_folder
        self._sources = list(settings.catalog_sources)
        self.saved_settings: Settings | None = None

        # Catalog sources
        self.sources_table = QTableWidget(0, 4)
        self.sources_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("URL or folder"), self.tr("Public key"), self.tr("Without signature")]
        )
        self.sources_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sources_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sources_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sources_table.verticalHeader().hide()
        self.sources_table.setWordWrap(False)
        header = self.sources_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.sources_table.setColumnWidth(2, 140)
        self.sources_table.doubleClicked.connect(lambda _index: self.edit_source())
        self.sources_table.itemSelectionChanged.connect(self._update_source_buttons)
        self.add_source_button = QPushButton(self.tr("Add…"))
        self.add_source_button.clicked.connect(self.add_source)
        self.edit_source_button = QPushButton(self.tr("Edit…"))
        self.edit_source_button.clicked.connect(self.edit_source)
        self.remove_source_button = QPushButton(self.tr("Remove"))
        self.remove_source_button.clicked.connect(self.remove_source)
        source_buttons = QVBoxLayout()
        for button in (self.add_source_button, self.edit_source_button, self.remove_source_button):
            source_buttons.addWidget(button)
        source_buttons.addStretch(1)
        sources_row = QHBoxLayout()
        sources_row.addWidget(self.sources_table, 1)
        sources_row.addLayout(source_buttons)
        sources_box = QGroupBox(self.tr("Catalog sources"))
        sources_box.setLayout(sources_row)
        self._fill_sources()

        # Updates and work
        self.prerelease_check = QCheckBox(self.tr("Offer pre-release module builds as updates"))
        self.prerelease_check.setChecked(settings.prerelease_channel)
        self.concurrency_spin = QSpinBox()
        self.concurrency_spin.setRange(1, MAX_CONCURRENCY)
        self.concurrency_spin.setValue(settings.concurrency)
        self.concurrency_spin.setSuffix(self.tr(" PBXs"))
        self.concurrency_spin.setToolTip(self.tr("How many PBXs updates, restores and rollouts change at once."))
        self.read_concurrency_spin = QSpinBox()
        self.read_concurrency_spin.setRange(1, MAX_READ_CONCURRENCY)
        self.read_concurrency_spin.setValue(settings.read_concurrency)
        self.read_concurrency_spin.setSuffix(self.tr(" PBXs"))
        self.read_concurrency_spin.setToolTip(
            self.tr("How many PBXs a refresh reads at once; reading changes nothing on a PBX.")
        )
        self.debug_check = QCheckBox(self.tr("Write a detailed log (applies from the next start)"))
        self.debug_check.setChecked(settings.debug_logging)
        self.retention_spin = QSpinBox()
        self.retention_spin.setRange(1, 999)
        self.retention_spin.setValue(settings.backup_retention)
        self.retention_spin.setSuffix(self.tr(" per module instance"))

        # Language
        self.language_combo = QComboBox()
        for code, label in (("", self.tr("System language")), ("de", "Deutsch"), ("en", "English")):
            self.language_combo.addItem(label, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.language_note = QLabel(self.tr("A new language applies when modmanager starts the next time."))
        self.language_note.setWordWrap(True)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self._language_changed()

        # Data folder
        self.data_folder_edit = QLineEdit(str(data_folder))
        self.data_folder_edit.setReadOnly(True)
        open_button = QPushButton(self.tr("Open"))
        open_button.clicked.connect(lambda: self._open_folder(self._data_folder))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder_edit, 1)
        folder_row.addWidget(open_button)

        general = QFormLayout()
        general.addRow("", self.prerelease_check)
        general.addRow(self.tr("Change at the same time:"), self.concurrency_spin)
        general.addRow(self.tr("Read at the same time:"), self.read_concurrency_spin)
        general.addRow(self.tr("Keep backups:"), self.retention_spin)
        general.addRow(self.tr("Language:"), self.language_combo)
        general.addRow("", self.language_note)
        general.addRow(self.tr("Data folder:"), folder_row)
        general.addRow("", self.debug_check)
        general_box = QGroupBox(self.tr("General"))
        general_box.setLayout(general)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(sources_box, 1)
        layout.addWidget(general_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumSize(680, 480)
        self.resize(760, 540)

    # -- catalog sources -----------------------------------------------------------------

    @property
    def sources(self) -> tuple[CatalogSource, ...]:
        """The catalog sources as currently edited."""
        return tuple(self._sources)

    def _fill_sources(self) -> None:
        self.sources_table.setRowCount(len(self._sources))
        for row, source in enumerate(self._sources):
            key = source.public_key
            key_text = f"{key[:8]}…{key[-6:]}" if len(key) > 16 else key or self.tr("(none)")
            unsigned = self.tr("trusted") if source.trusted_unsigned else ""
            for column, text in enumerate((source.name, source.location, key_text, unsigned)):
                item = QTableWidgetItem(text)
                item.setToolTip(source.public_key if column == 2 else text)
                self.sources_table.setItem(row, column, item)
        self._update_source_buttons()

    def _selected_row(self) -> int | None:
        rows = {index.row() for index in self.sources_table.selectionModel().selectedRows()}
        return next(iter(rows)) if rows else None

    def _update_source_buttons(self) -> None:
        selected = self._selected_row() is not None
        self.edit_source_button.setEnabled(selected)
        self.remove_source_button.setEnabled(selected)

    def add_source(self) -> None:
        """Ask for a new catalog source and append it."""
        dialog = CatalogSourceDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.source is not None:
            self._sources.append(dialog.source)
            self._fill_sources()
            self.sources_table.selectRow(len(self._sources) - 1)

    def edit_source(self) -> None:
        """Edit the selected catalog source."""
        row = self._selected_row()
        if row is None:
            return
        dialog = CatalogSourceDialog(self, self._sources[row])
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.source is not None:
            self._sources[row] = dialog.source
            self._fill_sources()
            self.sources_table.selectRow(row)

    def remove_source(self) -> None:
        """Remove the selected catalog source."""
        row = self._selected_row()
        if row is not None:
            del self._sources[row]
            self._fill_sources()

    # -- the rest ------------------------------------------------------------------------

    def _language_changed(self) -> None:
        changed = self.language_combo.currentData() != self._original.language
        self.language_note.setVisible(changed)

    def edited_settings(self) -> Settings:
        """The settings as edited; raises ModManagerError when a value is not valid."""
        return dataclasses.replace(
            self._original,
            catalog_sources=tuple(self._sources),
            prerelease_channel=self.prerelease_check.isChecked(),
            concurrency=self.concurrency_spin.value(),
            read_concurrency=self.read_concurrency_spin.value(),
            debug_logging=self.debug_check.isChecked(),
            backup_retention=self.retention_spin.value(),
            language=str(self.language_combo.currentData()),
        )

    def save(self) -> None:
        """Validate and save; on an error the dialog stays open and says what is wrong."""
        try:
            settings = self.edited_settings()
            self._save(settings)
        except ModManagerError as error:
            self.error_label.setText(describe_text(error))
            self.error_label.show()
            return
        self.saved_settings = settings
        self.accept()

    @property
    def language_changed(self) -> bool:
        """True after saving a different language (the caller may offer a restart)."""
        return self.saved_settings is not None and self.saved_settings.language != self._original.language
