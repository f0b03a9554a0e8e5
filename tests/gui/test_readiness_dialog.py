"""The STARFACE upgrade check over the demo fleet: ready and not-ready PBXs with what blocks them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from modmanager.core.errors import ModManagerError
from modmanager.core.planner import Readiness, ReadinessState
from modmanager.core.versions import StarfaceVersion
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui.dialogs.readiness_dialog import ReadinessDialog
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskRunner
from modmanager.ops.fleet import readiness
from modmanager.ops.pbxs import retag_pbxs

WAIT_MS = 30_000
TARGET = "10.0"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSession]:
    """One demo fleet for the module: the checks only read the PBXs."""
    session = start_demo(tmp_path_factory.mktemp("readiness") / "demo")
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture(scope="module")
def expected(demo: DemoSession) -> dict[str, Readiness | ModManagerError]:
    """What ops says for every demo PBX, to compare the dialog with."""
    answers: dict[str, Readiness | ModManagerError] = {}
    for name in demo.pbx_names:
        try:
            answers[name] = readiness(demo.services, name, StarfaceVersion.parse(TARGET))
        except ModManagerError as error:
            answers[name] = error
    return answers


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, demo: DemoSession) -> Iterator[MainWindow]:
    main = MainWindow(demo.services, runner, demo=True, save=lambda _settings: None)
    qtbot.addWidget(main)
    main.show()
    main.start()
    assert runner.wait_idle(WAIT_MS)
    yield main
    main.close()
    runner.shutdown()


def rows(dialog: ReadinessDialog) -> dict[str, QTreeWidgetItem]:
    tree = dialog.view
    return {tree.topLevelItem(row).text(0): tree.topLevelItem(row) for row in range(tree.topLevelItemCount())}


def children(item: QTreeWidgetItem) -> list[tuple[str, str, str]]:
    return [(item.child(n).text(0), item.child(n).text(1), item.child(n).text(2)) for n in range(item.childCount())]


def open_for_all(window: MainWindow) -> ReadinessDialog:
    assert window.window_actions.readiness.isEnabled()
    window.window_actions.readiness.trigger()
    dialog = window.fleet_flows.readiness_dialog
    assert dialog is not None
    dialog.set_target(TARGET)
    everyone = sorted(window.fleet_model.names(), key=str.casefold)
    index = next(row for row in range(dialog.scope_combo.count()) if dialog.scope_combo.itemData(row) == everyone)
    dialog.scope_combo.setCurrentIndex(index)
    return dialog


def test_the_demo_fleet_shows_ready_and_blocked_pbxs_with_the_modules_that_block(
    qtbot: QtBot, window: MainWindow, runner: TaskRunner, english: str, expected: dict[str, Readiness | ModManagerError]
) -> None:
    dialog = open_for_all(window)
    seen_keys: set[str] = set()
    runner.task_submitted.connect(lambda handle: seen_keys.add(handle.key))
    dialog.check()
    assert seen_keys == set(expected), "one task per PBX, on that PBX's own queue"
    assert runner.wait_idle(WAIT_MS)

    shown = rows(dialog)
    assert set(shown) == set(expected)
    for name, answer in expected.items():
        item = shown[name]
        if isinstance(answer, ModManagerError):
            assert item.text(1) == "Not checked" and "cannot be reached" in item.text(2)
            continue
        assert item.text(1) == ("Ready" if answer.ready else "Not ready"), name
        attention = [m for m in answer.modules if m.state is not ReadinessState.COMPATIBLE_NOW]
        assert len(children(item)) == len(attention), name
        states = sorted(state for _, state, _ in children(item))
        wanted = {
            ReadinessState.UPDATE_REQUIRED: "Update required",
            ReadinessState.UNTESTED: "Untested",
            ReadinessState.NO_RELEASE: "No release",
            ReadinessState.NOT_IN_CATALOG: "Not in a catalog",
        }
        assert states == sorted(wanted[m.state] for m in attention), name
        if not answer.ready:
            assert "blocked by" in item.text(2)

    ready = [name for name, answer in expected.items() if isinstance(answer, Readiness) and answer.ready]
    failed = [name for name, answer in expected.items() if isinstance(answer, ModManagerError)]
    assert ready and len(ready) < len(expected), "the demo has both"
    assert dialog.summary_label.text() == (
        f"{len(ready)} of {len(expected)} PBXs can be updated to STARFACE 10.0. {len(failed)} could not be checked."
    )

    # The demo's story: the hotel's door intercom has no release for 10; the utility's own module
    # is in no catalog; the law firm may move, but its updates are paid.
    hotel = children(shown["Hotel Seeblick"])
    assert [(state, detail) for _, state, detail in hotel] == [
        ("No release", "No release is compatible with STARFACE 10.0.")
    ]
    assert any(state == "Not in a catalog" for _, state, _ in children(shown["Stadtwerke Talheim"]))
    law_firm = children(shown["Kanzlei Weber & Partner"])
    assert shown["Kanzlei Weber & Partner"].text(1) == "Ready"
    assert law_firm and all("needs a new module license key" in detail for _, _, detail in law_firm)
    assert all(detail.startswith("Update to v") for _, _, detail in law_firm), "names the release to install"


def test_the_target_must_be_a_starface_release_and_the_scope_follows_the_selection(
    qtbot: QtBot, window: MainWindow, english: str
) -> None:
    assert window.fleet_view.select("Hotel Seeblick")
    window.window_actions.readiness.trigger()
    dialog = window.fleet_flows.readiness_dialog
    assert dialog is not None
    assert dialog.version_combo.count() >= 2 and dialog.version_combo.itemText(0) == "10.0", "newest first"
    assert dialog.chosen_pbxs() == ["Hotel Seeblick"], "the selected PBX is offered first"
    customers = [dialog.scope_combo.itemText(row) for row in range(dialog.scope_combo.count())]
    assert any(text.startswith("Customer Hotel Seeblick GmbH & Co. KG") for text in customers)

    dialog.set_target("zehn")
    assert dialog.target() is None and not dialog.check_button.isEnabled()
    assert dialog.version_error.isVisibleTo(dialog) and "10.0 or 9.1.0.2" in dialog.version_error.text()
    dialog.set_target("10.0.0.0-beta2")
    assert dialog.check_button.isEnabled() and "pre-release" in dialog.version_error.text()
    dialog.set_target("STARFACE 10.0.0.4")
    assert dialog.check_button.isEnabled() and not dialog.version_error.isVisibleTo(dialog)


def test_the_summary_reads_in_the_interface_language(
    language: str,
    qtbot: QtBot,
    window: MainWindow,
    runner: TaskRunner,
    expected: dict[str, Readiness | ModManagerError],
) -> None:
    dialog = open_for_all(window)
    dialog.check()
    assert runner.wait_idle(WAIT_MS)
    ready = sum(1 for answer in expected.values() if isinstance(answer, Readiness) and answer.ready)
    sentence = {
        "en": f"{ready} of {len(expected)} PBXs can be updated to STARFACE 10.0.",
        "de": f"{ready} von {len(expected)} Anlagen können auf STARFACE 10.0 aktualisiert werden.",
    }[language]
    assert dialog.summary_label.text().startswith(sentence)


def test_the_pbxs_of_a_tag_can_be_checked(qtbot: QtBot, window: MainWindow, demo: DemoSession, english: str) -> None:
    tagged = sorted(demo.pbx_names, key=str.casefold)[:2]
    retag_pbxs(demo.services.inventory, tagged, add=["vip"])
    try:
        window.controller.reload_records()
        window.window_actions.readiness.trigger()
        dialog = window.fleet_flows.readiness_dialog
        assert dialog is not None
        index = dialog.scope_combo.findText("Tag vip (2)")
        assert index > 0
        dialog.scope_combo.setCurrentIndex(index)
        assert dialog.chosen_pbxs() == tagged
    finally:
        retag_pbxs(demo.services.inventory, tagged, remove=["vip"])
