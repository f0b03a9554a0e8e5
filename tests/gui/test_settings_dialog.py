"""The settings dialog: edits every option, validates with the settings schema, saves."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.errors import StoreError
from modmanager.gui.dialogs.settings_dialog import CatalogSourceDialog, SettingsDialog
from modmanager.store.settings import CatalogSource, Settings, load_settings, save_settings

VENDOR_KEY = base64.b64encode(bytes(range(32))).decode("ascii")
CURRENT = Settings(
    language="",
    concurrency=4,
    backup_retention=10,
    catalog_sources=(
        CatalogSource("Vendor", "https://modules.vendor.example/catalog.json", VENDOR_KEY),
        CatalogSource("Own builds", "/srv/modules", trusted_unsigned=True),
    ),
)


class Recorder:
    """Stands in for saving and for the file manager."""

    def __init__(self) -> None:
        self.saved: list[Settings] = []
        self.opened: list[Path] = []

    def save(self, settings: Settings) -> None:
        self.saved.append(settings)

    def open_folder(self, path: Path) -> None:
        self.opened.append(path)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_dialog(qtbot: QtBot, recorder: Recorder, tmp_path: Path, english: str) -> Callable[..., SettingsDialog]:
    def make(settings: Settings = CURRENT) -> SettingsDialog:
        dialog = SettingsDialog(
            None, settings, data_folder=tmp_path, save=recorder.save, open_folder=recorder.open_folder
        )
        qtbot.addWidget(dialog)
        return dialog

    return make


def table_texts(dialog: SettingsDialog) -> list[list[str]]:
    table = dialog.sources_table
    columns = range(table.columnCount())
    return [[table.item(row, column).text() for column in columns] for row in range(table.rowCount())]


def test_shows_the_current_settings(make_dialog: Callable[..., SettingsDialog], tmp_path: Path) -> None:
    dialog = make_dialog()
    assert table_texts(dialog) == [
        ["Vendor", "https://modules.vendor.example/catalog.json", f"{VENDOR_KEY[:8]}…{VENDOR_KEY[-6:]}", ""],
        ["Own builds", "/srv/modules", "(none)", "trusted"],
    ]
    assert dialog.concurrency_spin.value() == 4
    assert dialog.read_concurrency_spin.value() == 256
    assert not dialog.debug_check.isChecked()
    assert dialog.retention_spin.value() == 10
    assert dialog.language_combo.currentData() == ""
    assert not dialog.prerelease_check.isChecked()
    assert dialog.data_folder_edit.text() == str(tmp_path)
    assert dialog.data_folder_edit.isReadOnly()
    assert dialog.language_note.isHidden()


def test_ok_saves_every_edited_option(make_dialog: Callable[..., SettingsDialog], recorder: Recorder) -> None:
    dialog = make_dialog()
    dialog.prerelease_check.setChecked(True)
    dialog.concurrency_spin.setValue(8)
    dialog.read_concurrency_spin.setValue(64)
    dialog.debug_check.setChecked(True)
    dialog.retention_spin.setValue(3)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    assert not dialog.language_note.isHidden()  # the restart note appears
    dialog.sources_table.selectRow(1)
    dialog.remove_source()

    dialog.save()

    expected = CURRENT.with_changes(
        prerelease_channel=True, concurrency=8, read_concurrency=64, debug_logging=True, backup_retention=3,
        language="de",
        catalog_sources=CURRENT.catalog_sources[:1],
    )
    assert recorder.saved == [expected]
    assert dialog.saved_settings == expected
    assert dialog.language_changed


def test_saving_writes_a_settings_file_the_store_reads_back(qtbot: QtBot, tmp_path: Path, english: str) -> None:
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(None, CURRENT, data_folder=tmp_path, save=lambda s: save_settings(s, path))
    qtbot.addWidget(dialog)
    dialog.concurrency_spin.setValue(2)
    dialog.save()
    assert load_settings(path) == CURRENT.with_changes(concurrency=2)


def test_a_failing_save_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, tmp_path: Path, english: str
) -> None:
    def refuse(settings: Settings) -> None:
        raise StoreError("The settings file cannot be written.", "Check the permissions of the data folder.")

    dialog = SettingsDialog(None, CURRENT, data_folder=tmp_path, save=refuse)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.saved_settings is None
    assert dialog.error_label.text() == "The settings file cannot be written. Check the permissions of the data folder."


def test_open_shows_the_data_folder(
    make_dialog: Callable[..., SettingsDialog], recorder: Recorder, tmp_path: Path
) -> None:
    dialog = make_dialog()
    open_button = next(button for button in dialog.findChildren(type(dialog.add_source_button))
                       if button.text() == "Open")
    open_button.click()
    assert recorder.opened == [tmp_path]


def test_catalog_source_dialog_validates_with_the_settings_schema(qtbot: QtBot, english: str) -> None:
    dialog = CatalogSourceDialog(None)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Vendor")
    dialog.location_edit.setText("https://modules.vendor.example/catalog.json")
    assert not dialog.trusted_check.isEnabled()  # unsigned trust is for local folders only
    dialog.key_edit.setText("not a key")

    dialog._accept_if_valid()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "public_key is not a base64 Ed25519 public key" in dialog.error_label.text()

    dialog.key_edit.setText(VENDOR_KEY)
    dialog._accept_if_valid()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.source == CatalogSource("Vendor", "https://modules.vendor.example/catalog.json", VENDOR_KEY)


def test_catalog_source_dialog_allows_unsigned_trust_for_a_folder(qtbot: QtBot, english: str) -> None:
    dialog = CatalogSourceDialog(None)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Own builds")
    dialog.location_edit.setText("/srv/modules")
    assert dialog.trusted_check.isEnabled()
    dialog.trusted_check.setChecked(True)
    dialog._accept_if_valid()
    assert dialog.source == CatalogSource("Own builds", "/srv/modules", trusted_unsigned=True)


def test_screenshots(
    qtbot: QtBot, tmp_path: Path, language: str, screenshot: Callable[[QWidget, str], None]
) -> None:
    dialog = SettingsDialog(None, CURRENT, data_folder=tmp_path / "modmanager-daten", save=lambda s: None)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("de"))
    screenshot(dialog, f"settings-{language}")
    source = CatalogSourceDialog(None, CURRENT.catalog_sources[1])
    qtbot.addWidget(source)
    screenshot(source, f"catalog-source-{language}")
