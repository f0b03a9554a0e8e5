"""Backups from the window: back up now, see the contents (passwords masked), restore, export, import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from modmanager.gui.dialogs.backups_dialog import BackupsDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskRunner
from tests.ops.world import A_VALUES, MODULE_A, PBX, World, world

WAIT_MS = 20_000
EXPORT_PASSWORD = "export-passwort-1"


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


class Answers:
    """What the user answers to the dialog's questions."""

    def __init__(self, export_to: Path) -> None:
        self.export_to = export_to
        self.questions: list[str] = []

    def password(self, parent: QWidget, title: str, text: str, new: bool) -> str:
        return EXPORT_PASSWORD

    def path(self, parent: QWidget, suggested: str) -> Path:
        return self.export_to

    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        self.questions.append(question)
        return True


def make_dialog(window: MainWindow, answers: Answers, *, scoped: bool = True) -> BackupsDialog:
    return BackupsDialog(
        window,
        window.controller,
        pbx=PBX if scoped else None,
        module_id=MODULE_A if scoped else None,
        module_name="Anrufweiterleitung",
        ask_password=answers.password,
        ask_save_path=answers.path,
        ask_open_path=answers.path,
        confirm=answers.confirm,
    )


def test_back_up_now_lists_the_backup_and_shows_it_without_secrets(
    qtbot: QtBot, window: tuple[MainWindow, World], runner: TaskRunner, tmp_path: Path
) -> None:
    main, _world = window
    assert main.details.backups_model.rowCount() == 0
    main.window_actions.backup.trigger()
    assert runner.wait_idle(WAIT_MS)
    assert main.details.backups_model.rowCount() == 1, "the details pane lists the new backup"

    dialog = make_dialog(main, Answers(tmp_path / "a.mmbackup"))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.selected() is not None
    contents = dialog.contents.toPlainText()
    assert "Weiterleitung Zentrale" in contents and str(A_VALUES["targetNumber"]) in contents
    assert str(A_VALUES["apiPassword"]) not in contents, "password inputs are masked"


def test_restore_export_and_import_through_the_dialog(
    qtbot: QtBot, window: tuple[MainWindow, World], runner: TaskRunner, tmp_path: Path
) -> None:
    main, test_world = window
    main.window_actions.backup.trigger()
    assert runner.wait_idle(WAIT_MS)
    test_world.module(MODULE_A).instances[0].values["targetNumber"] = "+49 30 0000000"
    test_world.sim.save()

    answers = Answers(tmp_path / "export.mmbackup")
    dialog = make_dialog(main, answers)
    qtbot.addWidget(dialog)
    dialog.restore_selected()
    assert runner.wait_idle(WAIT_MS)
    assert answers.questions and "backed up first" in answers.questions[0]
    assert test_world.module(MODULE_A).instances[0].values["targetNumber"] == A_VALUES["targetNumber"]
    assert dialog.model.rowCount() == 2, "the restore took a safety backup first"

    dialog.export_selected()
    assert runner.wait_idle(WAIT_MS)
    assert answers.export_to.is_file() and main.notices.last_error is None
    assert str(A_VALUES["targetNumber"]).encode() not in answers.export_to.read_bytes()

    dialog.import_file()
    assert runner.wait_idle(WAIT_MS)
    assert dialog.model.rowCount() == 3
    assert "Imported" in [dialog.model.index(row, 4).data() for row in range(dialog.model.rowCount())]

    dialog.delete_selected()
    assert dialog.model.rowCount() == 2
