"""What a PBX or a damaged file brings into the window: cleaned text, damaged backups marked,
and a changed certificate trusted again from the PBX header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from pytestqt.qtbot import QtBot

from modmanager.core.protocol import Edition, License, LicenseKind, SystemInfo
from modmanager.gui.dialogs.trust_dialog import trust_new_certificate
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.fleet import PbxEntry
from modmanager.gui.models.modules import sorted_filtered
from modmanager.gui.tasks import TaskRunner
from modmanager.gui.widgets.pbx_header import PbxHeader
from modmanager.ops.refresh import FleetStatus
from modmanager.pbx.tls import CertificateInfo
from modmanager.store.inventory import PbxRecord
from tests.gui.test_backups_dialog import WAIT_MS, Answers, make_dialog
from tests.ops.world import MODULE_A, PBX, World, world

UNSAFE = ("\u202e", "\u2066", "\n", "\r", "\x1b")


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str) -> Iterator[tuple[MainWindow, World]]:
    with world(tmp_path) as opened:
        main = MainWindow(opened.services, runner, save=lambda _settings: None)
        qtbot.addWidget(main)
        main.show()
        main.start()
        assert runner.wait_idle(WAIT_MS)
        assert main.fleet_view.select(PBX) and main.pbx_page.select_module(MODULE_A)
        yield main, opened
        main.close()
        runner.shutdown()


def _clean(text: str) -> bool:
    return not any(char in text for char in UNSAFE)


def test_every_table_shows_pbx_text_as_one_clean_bounded_line(qtbot: QtBot) -> None:
    source = QStandardItemModel()
    item = QStandardItem("Fax\nforged row\u202eexe.pdf" + "x" * 5000)
    item.setToolTip("Zentrale\u202e\nFiliale\x1b[31m")
    source.appendRow(item)
    proxy = sorted_filtered(source)
    shown = proxy.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert _clean(shown) and len(shown) <= 200 and shown.startswith("Fax forged row")
    tooltip = proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == ["Zentrale", "Filiale[31m"], "a tooltip keeps its lines, cleaned"


def test_the_pbx_header_shows_pbx_facts_as_plain_clean_text(qtbot: QtBot, english: str) -> None:
    header = PbxHeader()
    qtbot.addWidget(header)
    info = SystemInfo(
        agent_version="1.0",
        starface_version="9.0.1.3\n<b>forged</b>",
        edition=Edition.VM,
        server_license_key="SRV-\u202e1234",
        hardware_id=None,
        licenses=(License(LicenseKind.DEMO, expires="bald\u202e\n"),),
    )
    snapshot = SimpleNamespace(info=info, fetched_at=dt.datetime.now(dt.UTC))
    record = PbxRecord("kunde-a", "https://pbx.example", "0001")
    header.show_entry(
        PbxEntry(record, FleetStatus.CERTIFICATE_CHANGED, "Changed\u202e\nline", snapshot)  # type: ignore[arg-type]
    )
    for label in (header.starface_label, header.key_label, header.message_label):
        assert _clean(label.text()), label.text()
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert not header.trust_button.isHidden(), "a changed certificate offers Trust new certificate"
    header.show_entry(PbxEntry(record, FleetStatus.UP_TO_DATE))
    assert header.trust_button.isHidden()


def test_damaged_backups_are_marked_rows_that_can_be_deleted(
    qtbot: QtBot, window: tuple[MainWindow, World], tmp_path: Path
) -> None:
    main, opened = window
    main.window_actions.backup.trigger()
    main.window_actions.backup.trigger()
    assert main.runner.wait_idle(WAIT_MS)
    store = opened.services.backups
    infos, _ = store.list_backups()
    assert len(infos) == 2
    cut = store.folder / f"{infos[0].backup_id}.mmb"
    original = cut.read_bytes()
    cut.write_bytes(original[:-10])
    (store.folder / "20250101T000000Z-0badf00d.mmb").write_bytes(b"[" * 100_000)

    answers = Answers(tmp_path / "x.mmbackup")
    dialog = make_dialog(main, answers, scoped=False)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3 and len(dialog.model.damaged()) == 2
    assert not dialog.damaged_label.isHidden()
    for row in range(dialog.proxy.rowCount()):
        index = dialog.proxy.index(row, 0)
        dialog.view.selectRow(row)
        damaged = dialog.selected_damaged()
        if damaged is None:
            continue
        reason = dialog.proxy.index(row, dialog.model.COLUMN_REASON).data()
        assert reason.startswith("Damaged: ")
        assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
        assert not dialog.restore_button.isEnabled() and not dialog.export_button.isEnabled()
        assert dialog.delete_button.isEnabled()
        assert "cannot be restored" in dialog.contents.toPlainText()
    red = [
        row for row in range(dialog.proxy.rowCount()) if dialog.proxy.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    ]
    dialog.view.selectRow(red[0])
    doomed = dialog.selected_damaged()
    assert doomed is not None
    dialog.delete_selected()
    assert not doomed.path.exists()
    assert dialog.model.rowCount() == 2 and len(dialog.model.backups()) == 1


def test_a_changed_certificate_is_trusted_again_from_the_window(qtbot: QtBot, window: tuple[MainWindow, World]) -> None:
    main, opened = window
    inventory = opened.services.inventory
    inventory.set_fingerprint(PBX, "0" * 64)
    main.controller.refresh(PBX)
    assert main.runner.wait_idle(WAIT_MS)
    entry = main.fleet_model.entry(PBX)
    assert entry is not None and entry.status is FleetStatus.CERTIFICATE_CHANGED
    assert not main.pbx_page.header.trust_button.isHidden()

    asked: list[tuple[str, str | None]] = []

    def ask(_parent: object, certificate: CertificateInfo, _url: str, pinned: str | None) -> bool:
        asked.append((certificate.sha256, pinned))
        return True

    results: list[bool] = []
    trust_new_certificate(main, main.controller, PBX, ask=ask, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert main.runner.wait_idle(WAIT_MS)
    assert results == [True]
    assert asked == [(opened.sim.fingerprint, "0" * 64)], "both fingerprints were shown"
    assert inventory.get(PBX).fingerprint == opened.sim.fingerprint
    entry = main.fleet_model.entry(PBX)
    assert entry is not None and entry.status is not FleetStatus.CERTIFICATE_CHANGED
    assert main.pbx_page.header.trust_button.isHidden()


def _never_asked(*_args: object) -> bool:
    raise AssertionError("asked to trust although the pinned certificate is presented")


def test_trusting_when_nothing_changed_says_so(qtbot: QtBot, window: tuple[MainWindow, World]) -> None:
    main, _opened = window
    told: list[str] = []
    results: list[bool] = []
    trust_new_certificate(
        main,
        main.controller,
        PBX,
        ask=_never_asked,
        inform=lambda _parent, _title, text: told.append(text),
        on_done=results.append,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert results == [False] and "nothing to do" in told[0]
