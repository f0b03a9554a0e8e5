"""The import dialog: a CSV of simulated PBXs (real TLS) previewed, checked, imported once, summarized.

The PBXs in the file are simulated and serve their self-signed certificates over real TLS; the
dialog runs in the main window over real services (SQLite inventory, the tests' in-memory
keyring), as a user would open it from the PBX menu.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.core.errors import StoreError
from modmanager.gui.changes import Changes
from modmanager.gui.dialogs.import_dialog import ImportDialog
from modmanager.gui.flows.import_flow import ImportFlows
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.import_rows import ImportPreviewModel, RowState
from modmanager.gui.tasks import TaskRunner, TaskState
from modmanager.ops import fleet_import
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx
from modmanager.store.inventory import Inventory
from tests.ops.world import World, world

WAIT_MS = 30_000
IMPORTED = ("imp-1", "imp-2", "imp-3")


@dataclass
class Scene:
    world: World
    window: MainWindow
    sims: dict[str, SimulatedPbx]
    csv_path: Path
    questions: list[str] = field(default_factory=list)
    answer: bool = True

    def confirm(self, _parent: QWidget, _title: str, question: str) -> bool:
        self.questions.append(question)
        return self.answer

    def dialog(self, qtbot: QtBot) -> ImportDialog:
        dialog = ImportDialog(self.window, self.window.controller, choose_file=lambda _p: None, confirm=self.confirm)
        qtbot.addWidget(dialog)
        return dialog


def write_csv(path: Path, sims: dict[str, SimulatedPbx]) -> Path:
    """An Excel-style file (BOM, ';', German headers) with one broken row (plain http) and one
    PBX without secrets."""
    lines = [
        ["Name", "Kunde", "Schlagworte", "Adresse", "Login", "Passwort", "Agent-Geheimnis"],
        ["imp-1", "Müller GmbH", "wartung, berlin", sims["imp-1"].url, TEST_LOGIN, TEST_PASSWORD, TEST_AGENT_SECRET],
        ["imp-2", "Müller GmbH", "wartung", sims["imp-2"].url, TEST_LOGIN, "", ""],
        ["kaputt", "Schmidt AG", "", "http://pbx.schmidt.example", TEST_LOGIN, TEST_PASSWORD, TEST_AGENT_SECRET],
        ["imp-3", "Schmidt AG", "vip", sims["imp-3"].url, TEST_LOGIN, TEST_PASSWORD, TEST_AGENT_SECRET],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(lines)
    return path


@pytest.fixture
def scene(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> Iterator[Scene]:
    with world(tmp_path) as test_world:
        sims = {name: test_world.fleet.add(make_pbx(name)) for name in IMPORTED}
        window = MainWindow(test_world.services, runner, save=lambda _settings: None)
        qtbot.addWidget(window)
        window.controller.reload_records()
        yield Scene(test_world, window, sims, write_csv(tmp_path / "anlagen.csv", sims))
        assert runner.wait_idle(WAIT_MS)


def opened(scene: Scene, qtbot: QtBot, runner: TaskRunner) -> ImportDialog:
    dialog = scene.dialog(qtbot)
    dialog.open_file(scene.csv_path)
    assert runner.wait_idle(WAIT_MS)
    return dialog


def states(dialog: ImportDialog) -> dict[str, RowState]:
    return {row.name or f"line {row.line}": row.state for row in dialog.model.rows()}


def test_the_preview_shows_every_row_and_a_broken_one_blocks_until_skipped(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, english: str
) -> None:
    dialog = opened(scene, qtbot, runner)

    model = dialog.model
    assert [row.line for row in model.rows()] == [2, 3, 4, 5]
    assert states(dialog) == {
        "imp-1": RowState.READY,
        "imp-2": RowState.READY,
        "kaputt": RowState.PROBLEM,
        "imp-3": RowState.READY,
    }
    first = model.index(0, ImportPreviewModel.COLUMN_TAGS)
    assert first.data() == "wartung, berlin"
    assert model.index(0, ImportPreviewModel.COLUMN_CUSTOMER).data() == "Müller GmbH"
    broken = model.index(2, ImportPreviewModel.COLUMN_STATUS)
    assert "does not use https" in broken.data()
    assert broken.data(Qt.ItemDataRole.ForegroundRole) is not None  # marked red
    assert first.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "holds passwords" in dialog.notes_label.text()
    assert not dialog.import_button.isEnabled()
    assert "Skip rows with problems" in dialog.counts_label.text()

    dialog.skip_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.counts_label.text().startswith("4 rows: 3 can be added, 1 with problems.")


def test_certificates_are_read_and_their_fingerprints_fill_in(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, english: str
) -> None:
    dialog = opened(scene, qtbot, runner)
    progress: list[tuple[int, int, str]] = []
    runner.task_progress.connect(lambda handle, done, total, text: progress.append((done, total, text)))

    dialog.check_certificates()
    assert dialog.progress_widget.isVisibleTo(dialog) and dialog.cancel_button.isEnabled()
    assert runner.wait_idle(WAIT_MS)

    for name in IMPORTED:
        row = next(row for row in dialog.model.rows() if row.name == name)
        assert row.state is RowState.TO_CONFIRM  # self-signed: pinned on import, after the one question
        assert row.fingerprint == scene.sims[name].fingerprint
    shown = dialog.model.index(0, ImportPreviewModel.COLUMN_CERTIFICATE)
    assert shown.data().startswith(scene.sims["imp-1"].fingerprint[:2].upper() + ":")
    assert progress[-1] == (3, 3, "3 of 3 certificates read")
    assert not dialog.progress_widget.isVisibleTo(dialog)
    assert scene.world.services.inventory.list()[0].name == "kunde-a"  # nothing added yet
    assert len(scene.world.services.inventory.list()) == 1


def test_one_confirmation_adds_the_rows_with_tags_and_pins_and_keeps_secrets_in_the_credential_store(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str
) -> None:
    dialog = opened(scene, qtbot, runner)
    announced: list[Changes] = []
    scene.window.controller.changed.connect(announced.append)
    dialog.skip_check.setChecked(True)

    dialog.start_import()  # certificates not checked yet: checked first, then the one question
    assert runner.wait_idle(WAIT_MS)

    assert scene.questions == [
        "Add 3 PBXs and pin 3 certificates? Compare the fingerprints in the table with those the PBXs show "
        "before you confirm.\n\nRows not added: 1 (see the table)."
    ]
    inventory = scene.world.services.inventory
    records = {record.name: record for record in inventory.list()}
    assert sorted(records) == ["imp-1", "imp-2", "imp-3", "kunde-a"]
    assert records["imp-1"].tags == ("wartung", "berlin")
    assert records["imp-1"].customer == "Müller GmbH"
    assert records["imp-3"].tags == ("vip",)
    assert {name: records[name].fingerprint for name in IMPORTED} == {
        name: sim.fingerprint for name, sim in scene.sims.items()
    }
    credentials = scene.world.services.credentials
    assert credentials.get_password("imp-1", TEST_LOGIN) == TEST_PASSWORD
    assert credentials.get_agent_secret("imp-3") == TEST_AGENT_SECRET
    with pytest.raises(StoreError):
        credentials.get_password("imp-2", TEST_LOGIN)
    for stored in tmp_path.glob("inventory.sqlite3*"):
        data = stored.read_bytes()
        assert TEST_PASSWORD.encode() not in data and TEST_AGENT_SECRET.encode() not in data

    summary = dialog.summary
    assert dialog.pages.currentWidget() is summary
    assert summary.headline.text() == "PBXs added: 3. Rows not added: 1."
    assert summary.skipped_view.topLevelItemCount() == 1
    assert summary.skipped_view.topLevelItem(0).text(summary.COLUMN_NAME) == "kaputt"
    assert "does not use https" in summary.skipped_view.topLevelItem(0).text(summary.COLUMN_WHY)
    assert summary.secrets_label.text().startswith("Without password or agent secret in the file: imp-2.")
    assert "delete the file" in summary.delete_label.text() and summary.delete_label.isVisibleTo(dialog)
    assert not dialog.import_button.isVisibleTo(dialog)

    # The PBX list follows, and the new PBXs are read: imp-1 answers, imp-2 has no password yet.
    assert any(changes.pbx_list for changes in announced)
    fleet = scene.window.fleet_model
    assert {"imp-1", "imp-2", "imp-3"} <= set(fleet.names())
    assert fleet.entry("imp-1").snapshot is not None
    assert fleet.entry("imp-2").snapshot is None


def test_declining_the_question_adds_nothing(scene: Scene, qtbot: QtBot, runner: TaskRunner, english: str) -> None:
    dialog = opened(scene, qtbot, runner)
    dialog.skip_check.setChecked(True)
    scene.answer = False

    dialog.start_import()
    assert runner.wait_idle(WAIT_MS)

    assert len(scene.questions) == 1
    assert [record.name for record in scene.world.services.inventory.list()] == ["kunde-a"]
    assert dialog.pages.currentWidget() is not dialog.summary
    assert dialog.import_button.isEnabled()  # the user may look again and import


def test_the_rows_can_be_limited_to_a_customer_or_a_tag(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, english: str
) -> None:
    dialog = opened(scene, qtbot, runner)
    customers = [dialog.customer_combo.itemText(i) for i in range(dialog.customer_combo.count())]
    tags = [dialog.tag_combo.itemText(i) for i in range(dialog.tag_combo.count())]
    assert customers == ["All customers", "Müller GmbH", "Schmidt AG"]
    assert tags == ["All tags", "berlin", "vip", "wartung"]

    dialog.tag_combo.setCurrentIndex(tags.index("vip"))
    assert runner.wait_idle(WAIT_MS)
    assert [row.name for row in dialog.model.rows()] == ["imp-3"]
    assert "3 rows of other customers or tags are left out." in dialog.notes_label.text()
    assert dialog.import_button.isEnabled()  # the broken row is of another customer

    dialog.start_import()
    assert runner.wait_idle(WAIT_MS)
    assert sorted(record.name for record in scene.world.services.inventory.list()) == ["imp-3", "kunde-a"]

    dialog.close()


def test_a_queued_check_can_be_cancelled_and_the_dialog_stays_usable(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, english: str
) -> None:
    dialog = opened(scene, qtbot, runner)
    release = threading.Event()
    blocker = runner.submit(scene.window.controller.inventory_key, "hold the PBX list", lambda _ctx: release.wait(10))

    handle = dialog.check_certificates()
    assert handle is not None and handle.state is TaskState.QUEUED
    assert not dialog.check_button.isEnabled()
    dialog.cancel()
    release.set()
    assert runner.wait_idle(WAIT_MS)

    assert handle.state is TaskState.CANCELLED and blocker.state is TaskState.SUCCEEDED
    assert dialog.checks is None
    assert dialog.check_button.isEnabled() and not dialog.progress_widget.isVisibleTo(dialog)


def test_problems_read_in_german(language: str, scene: Scene, qtbot: QtBot, runner: TaskRunner) -> None:
    dialog = opened(scene, qtbot, runner)
    text = dialog.model.index(2, ImportPreviewModel.COLUMN_STATUS).data()
    if language == "de":
        assert "verwendet kein https" in text
        assert dialog.import_button.text() == "Importieren und Zertifikate hinterlegen …"
    else:
        assert "does not use https" in text


def test_the_pbx_list_is_exported_without_secrets_and_reads_back(
    scene: Scene, qtbot: QtBot, runner: TaskRunner, tmp_path: Path, english: str
) -> None:
    target = tmp_path / "export.csv"
    flows = ImportFlows(
        scene.window, scene.window.controller, scene.window.notices, choose_export=lambda _p: (target, "csv")
    )
    flows.export_pbxs()
    assert runner.wait_idle(WAIT_MS)

    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and TEST_PASSWORD.encode() not in data
    assert scene.window.statusBar().currentMessage().startswith("1 PBXs exported to ")
    with Inventory(tmp_path / "other.sqlite3") as elsewhere:
        plan = fleet_import.read_import_file(target, elsewhere)
    assert [row.name for row in plan.rows] == ["kunde-a"]
