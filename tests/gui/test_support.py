"""Help > Open log folder and Save support bundle; errors nobody caught reach the log and a
dialog naming it; a busy PBX reads German; a catalog that cannot be used shows as such."""

from __future__ import annotations

import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, qInfo
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from modmanager.core.errors import OperationError
from modmanager.gui.controller import Controller
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.fleet import FleetModel, status_icon, status_text
from modmanager.gui.support import install_error_hooks, save_support_bundle
from modmanager.gui.tasks import TaskRunner
from modmanager.ops.logs import log_path, setup_logging, shutdown_logging
from modmanager.ops.refresh import FleetStatus
from modmanager.store.pbxlock import PbxBusy, PbxLocks
from modmanager.store.settings import Settings
from tests.gui.test_errors import assert_german
from tests.gui.test_errors import german as german  # the fixture
from tests.ops.world import PBX, World, world

WAIT_MS = 20_000


@pytest.fixture
def test_world(tmp_path: Path) -> Iterator[World]:
    with world(tmp_path) as opened:
        yield opened


@pytest.fixture
def logging_on() -> Iterator[Path]:
    path = setup_logging()
    assert path is not None
    try:
        yield path
    finally:
        shutdown_logging()


def test_the_help_menu_opens_the_log_folder_and_saves_a_support_bundle(
    qtbot: QtBot,
    runner: TaskRunner,
    test_world: World,
    english: str,
    logging_on: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(test_world.services, runner, save=[].append)
    qtbot.addWidget(window)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    entries = {action.objectName(): action for action in window.help_menu.actions()}
    assert [action.text() for action in window.help_menu.actions()] == ["Open log folder", "Save support bundle…"]
    entries["openLogFolderAction"].trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [logging_on.parent]
    assert logging_on.parent == test_world.services.pbx_locks.folder.parent / "logs"

    saved = save_support_bundle(window, test_world.services, tmp_path / "support.zip")
    assert saved == tmp_path / "support.zip"
    with zipfile.ZipFile(saved) as archive:
        assert "inventory.json" in archive.namelist() and "logs/modmanager.log" in archive.namelist()
    box = window.findChild(QMessageBox)
    assert box is not None and str(saved) in box.text()


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_uncaught_error_goes_to_the_log_and_to_a_dialog_naming_the_log_file(
    qtbot: QtBot, english: str, logging_on: Path
) -> None:
    remove = install_error_hooks()
    reporter = remove.reporter  # type: ignore[attr-defined]
    try:
        try:
            raise ValueError("a slot broke: password=hunter2-secret")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what PySide6 does with an exception in a slot
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible(), timeout=WAIT_MS)
        assert "ValueError" in reporter.box.text() and "hunter2-secret" not in reporter.box.text()
        assert str(log_path()) in reporter.box.informativeText()
        reporter.box.close()

        def broken() -> None:
            raise RuntimeError("a worker thread broke")

        thread = threading.Thread(target=broken, name="worker-7")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: reporter.shown == 2 and reporter.box is not None, timeout=WAIT_MS)
        assert "RuntimeError" in reporter.box.text()
        reporter.box.close()
        qInfo("a message from Qt itself")
    finally:
        remove()
    log = logging_on.read_text(encoding="utf-8")
    assert "uncaught exception" in log and "ValueError: a slot broke" in log
    assert "RuntimeError: a worker thread broke" in log
    assert "modmanager.qt: a message from Qt itself" in log
    assert "hunter2-secret" not in log


def test_a_busy_pbx_reads_german(tmp_path: Path, german: str) -> None:
    locks = PbxLocks(tmp_path / "locks")
    with locks.hold("kunde-a", kind="update", op_id="1a2b3c4d", title="Update Fax auf kunde-a"):
        with pytest.raises(PbxBusy) as refused, locks.hold("kunde-a", kind="restore", op_id="22222222"):
            pass
        assert_german(refused.value, "kunde-a", "1a2b3c4d")
        with pytest.raises(PbxBusy) as waited, locks.hold("kunde-a", kind="restore", op_id="33333333", wait=0.2):
            pass
        assert_german(waited.value, "kunde-a", "1a2b3c4d")
        with (
            pytest.raises(OperationError) as cancelled,
            locks.hold("kunde-a", kind="restore", op_id="44444444", wait=30, cancelled=lambda: True),
        ):
            pass
        assert_german(cancelled.value, "kunde-a")


def test_a_catalog_that_cannot_be_used_shows_as_catalog_unavailable_not_up_to_date(
    qtbot: QtBot, runner: TaskRunner, test_world: World, language: str
) -> None:
    source = Path(test_world.services.settings.catalog_sources[0].location)
    signature = source / "catalog.json.sig"
    signature.write_bytes(bytes(byte ^ 0x01 for byte in signature.read_bytes()))  # tampered
    fleet = FleetModel()
    controller = Controller(test_world.services, runner, fleet)
    controller.start(lambda _found: None)
    assert runner.wait_idle(WAIT_MS)
    entry = fleet.entry(PBX)
    assert entry is not None and entry.status is FleetStatus.CATALOG_UNAVAILABLE
    assert entry.snapshot is not None and entry.snapshot.plan.missing_catalogs == ("Test",)
    assert "Test" in entry.message
    expected = {"en": "Catalog unavailable", "de": "Katalog nicht verfügbar"}[language]
    assert status_text(entry.status) == expected
    assert not status_icon(entry.status).isNull()
    shown = fleet.data(fleet.index_of(PBX).siblingAtColumn(fleet.COLUMN_STATUS))
    assert shown == expected


def test_the_settings_have_the_debug_switch() -> None:
    assert Settings().debug_logging is False
    assert Settings().with_changes(debug_logging=True).debug_logging is True
