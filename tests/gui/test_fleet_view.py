"""The fleet view: a module x PBX matrix over the PBXs' snapshots, its filters, counts and actions.

The fleet is the demo's eight PBXs plus made-up ones (:mod:`modmanager.simulator.fleetgen`),
all simulated over real TLS, read once through the main window as a user would.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from modmanager.core.matrix import NOT_INSTALLED, CellState, VersionFilter, VersionTest, cells_of
from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.matrix import FleetMatrixModel, GroupCell, state_text
from modmanager.gui.tasks import TaskRunner, TaskState
from modmanager.gui.views.fleet_matrix import FleetMatrixView
from modmanager.ops.refresh import PbxSnapshot
from modmanager.simulator.fleetgen import generate_fleet, register_fleet

WAIT_MS = 60_000
GENERATED = 40
QUEUE = "Queue Announcements"


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSession]:
    """The demo plus GENERATED made-up PBXs, running for every test of this module."""
    session = start_demo(tmp_path_factory.mktemp("fleet") / "demo")
    try:
        generated = generate_fleet(session.world, GENERATED, seed=3)
        for item in generated:
            session.fleet.add(item.pbx)
        register_fleet(session.fleet, generated, session.services.inventory, session.services.credentials)
        yield session
    finally:
        session.stop()


@pytest.fixture
def window(qtbot: QtBot, runner: TaskRunner, fleet: DemoSession, english: str) -> MainWindow:
    opened = MainWindow(fleet.services, runner, demo=True, save=lambda _settings: None)
    qtbot.addWidget(opened)
    opened.resize(1280, 800)
    opened.show()
    opened.start()
    assert runner.wait_idle(WAIT_MS)
    opened.show_view("fleet")
    opened.fleet_matrix.update_now()
    return opened


def snapshots(window: MainWindow) -> dict[str, PbxSnapshot]:
    return {entry.name: entry.snapshot for entry in window.fleet_model.entries() if entry.snapshot is not None}


def module_id(view: FleetMatrixView, name: str) -> str:
    return next(module.module_id for module in view.model.modules if module.name == name)


def installed_version(snapshot: PbxSnapshot, wanted: str) -> int | None:
    return next((module.version for module in snapshot.modules if module.id.lower() == wanted), None)


def test_a_row_per_pbx_under_its_customer_and_a_column_per_module_in_use(window: MainWindow) -> None:
    view = window.fleet_matrix
    model = view.model
    entries = window.fleet_model.entries()
    assert len(entries) == 8 + GENERATED
    assert sorted(model.names()) == sorted(entry.name for entry in entries)
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        customers = {model.entry_at(model.index(row, 0, group)).record.customer for row in range(model.rowCount(group))}  # type: ignore[union-attr]
        assert len(customers) == 1, "every PBX sits under its own customer"
    in_use = {module.id.lower() for snapshot in snapshots(window).values() for module in snapshot.modules}
    assert {module.module_id for module in model.modules} == in_use
    assert model.columnCount() == 1 + len(in_use)
    for name, snapshot in snapshots(window).items():
        expected = cells_of(snapshot.modules, snapshot.plan.modules)
        for module in model.modules:
            cell = model.index_of(name, model.module_column(module.module_id) or 0).data(FleetMatrixModel.CELL_ROLE)
            wanted = expected.get(module.module_id, NOT_INSTALLED)
            assert (cell.state, cell.version) == (wanted.state, wanted.version), (name, module.name)


def test_a_pbx_that_was_never_read_shows_no_cells_but_stays_listed(window: MainWindow, fleet: DemoSession) -> None:
    model = window.fleet_matrix.model
    dark = next(entry.name for entry in window.fleet_model.entries() if entry.snapshot is None)
    assert model.cells(dark) is None
    index = model.index_of(dark, 1)
    assert index.data(FleetMatrixModel.CELL_ROLE) is None
    assert "not read yet" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_which_pbxs_run_a_module_below_a_version(window: MainWindow) -> None:
    view = window.fleet_matrix
    queue = module_id(view, QUEUE)
    view.set_filters(module=queue, version=VersionFilter(VersionTest.BELOW, 122))
    expected = sorted(
        name
        for name, snapshot in snapshots(window).items()
        if (version := installed_version(snapshot, queue)) is not None and version < 122
    )
    assert expected, "the made-up fleet runs old Queue Announcements somewhere"
    assert sorted(view.shown_pbxs()) == expected
    assert [module.name for module in view.shown_modules()] == [QUEUE]  # the other columns step aside
    visible = [column for column in range(view.proxy.columnCount()) if not view.view.isColumnHidden(column)]
    assert visible == [0, view.model.module_column(queue)]
    assert view.rollout_button.isEnabled() and QUEUE in view.rollout_button.text()

    view.set_filters(module=queue, version=VersionFilter(VersionTest.EXACTLY, 113))
    assert all(installed_version(snapshots(window)[name], queue) == 113 for name in view.shown_pbxs())
    view.set_filters(module=queue, version=VersionFilter(VersionTest.NOT_INSTALLED))
    missing = sorted(name for name, snapshot in snapshots(window).items() if installed_version(snapshot, queue) is None)
    assert sorted(view.shown_pbxs()) == missing
    view.reset_filters()
    assert len(view.shown_pbxs()) == len(window.fleet_model.entries())


def test_filters_by_customer_tag_state_and_name(window: MainWindow) -> None:
    view = window.fleet_matrix
    entries = {entry.name: entry for entry in window.fleet_model.entries()}
    customer = max(view.model.customers(), key=lambda c: sum(e.record.customer == c for e in entries.values()))
    view.set_filters(customer=customer)
    assert sorted(view.shown_pbxs()) == sorted(n for n, e in entries.items() if e.record.customer == customer)
    assert view.proxy.rowCount() == 1  # one customer row

    tag = view.model.tags()[0]
    view.set_filters(tag=tag)
    assert sorted(view.shown_pbxs()) == sorted(n for n, e in entries.items() if tag in e.record.tags)

    view.set_filters(state=CellState.PAID_UPDATE)
    paid = view.shown_pbxs()
    assert paid and all(
        any(cell.state is CellState.PAID_UPDATE for cell in (view.model.cells(name) or {}).values()) for name in paid
    )
    assert view.counts()[CellState.PAID_UPDATE] >= len(paid)

    some = next(iter(entries))
    view.set_filters(text=some[:-1].upper())
    assert some in view.shown_pbxs()


def test_counts_chart_and_customer_rows_add_up(window: MainWindow) -> None:
    view = window.fleet_matrix
    expected: Counter[CellState] = Counter()
    for snapshot in snapshots(window).values():
        for cell in cells_of(snapshot.modules, snapshot.plan.modules).values():
            expected[cell.state] += 1
    assert view.counts() == expected
    view.update_now()
    assert view.chart.counts == expected
    assert view.chart.legend()[0].startswith(state_text(min(expected, key=lambda state: state.rank)))
    model = view.model
    for group_row in range(model.rowCount()):
        group = model.index(group_row, 0)
        for column in range(1, model.columnCount()):
            summed = model.index(group_row, column).data(FleetMatrixModel.CELL_ROLE)
            assert isinstance(summed, GroupCell)
            cells = [
                model.index(row, column, group).data(FleetMatrixModel.CELL_ROLE) for row in range(model.rowCount(group))
            ]
            assert summed.installed == sum(1 for cell in cells if cell is not None and cell.state.installed)
            assert summed.total == model.rowCount(group)


def test_a_changed_snapshot_redraws_its_row_once_the_changes_are_applied(
    window: MainWindow, fleet: DemoSession
) -> None:
    view = window.fleet_matrix
    model = view.model
    name, snapshot = next((n, s) for n, s in snapshots(window).items() if s.modules)
    fewer = PbxSnapshot(
        snapshot.name, snapshot.info, snapshot.modules[1:], _plan_without_first(snapshot), snapshot.fetched_at
    )
    gone = snapshot.modules[0].id.lower()
    changed: list[QModelIndex] = []
    model.dataChanged.connect(lambda top_left, _bottom_right, _roles=(): changed.append(top_left))
    window.fleet_model.update_entry(name, snapshot=fewer)
    assert model.cell(name, gone).state.installed  # type: ignore[union-attr]  # not yet: changes are collected
    model.apply_changes()
    if model.module_column(gone) is not None:
        assert model.cell(name, gone) == NOT_INSTALLED
        assert changed, "the row and its customer's row were redrawn"
    window.fleet_model.update_entry(name, snapshot=snapshot)
    model.apply_changes()
    assert model.cell(name, gone).state.installed  # type: ignore[union-attr]


def test_a_hidden_fleet_view_collects_changes_and_shows_them_when_it_is_shown(
    window: MainWindow, qtbot: QtBot
) -> None:
    model = window.fleet_matrix.model
    name, snapshot = next((n, s) for n, s in snapshots(window).items() if len(s.modules) > 1)
    fewer = PbxSnapshot(
        snapshot.name, snapshot.info, snapshot.modules[1:], _plan_without_first(snapshot), snapshot.fetched_at
    )
    before = model.cells(name)
    window.show_view("pbx")  # a refresh of hundreds of PBXs costs the hidden matrix nothing
    window.fleet_model.update_entry(name, snapshot=fewer)
    qtbot.wait(300)  # three times the delay after which a shown matrix applies changes
    assert model.cells(name) is before, "nothing recomputed while hidden"
    window.show_view("fleet")
    qtbot.waitUntil(lambda: model.cells(name) is not before, timeout=WAIT_MS)
    assert set(model.cells(name) or {}) == {module.id.lower() for module in fewer.modules}
    window.fleet_model.update_entry(name, snapshot=snapshot)
    window.fleet_matrix.update_now()


def _plan_without_first(snapshot: PbxSnapshot):  # -> PbxPlan
    import dataclasses

    return dataclasses.replace(snapshot.plan, modules=snapshot.plan.modules[1:])


def test_opening_a_cell_shows_that_pbx_and_module(window: MainWindow) -> None:
    view = window.fleet_matrix
    name, snapshot = next((n, s) for n, s in snapshots(window).items() if s.modules)
    wanted = snapshot.modules[0].id.lower()
    source = view.model.index_of(name, view.model.module_column(wanted) or 0)
    view.view.activated.emit(view.proxy.mapFromSource(source))
    assert window.pages.currentIndex() == 0
    assert window.pbx_page.current == name
    row = window.pbx_page.selected_installed()
    assert row is not None and row.module.id.lower() == wanted


def test_the_matrix_exports_as_csv_as_shown(window: MainWindow, tmp_path: Path) -> None:
    view = FleetMatrixView(window.controller, ask_save_path=lambda _parent, _suggested: tmp_path / "flotte")
    view.set_filters(module=module_id(view, QUEUE))
    written = view.export_csv()
    assert written == tmp_path / "flotte.csv"
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a spreadsheet knows it is UTF-8
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == ["Customer", "PBX", "STARFACE", "Tags", QUEUE, f"{QUEUE} (state)"]
    assert [line[1] for line in lines[1:]] == view.shown_pbxs()
    first = lines[1]
    cell = view.model.cell(first[1], module_id(view, QUEUE))
    assert cell is not None and first[4:] == [cell.label, state_text(cell.state)]
    view.deleteLater()


def test_fleet_actions_work_on_the_pbxs_shown(window: MainWindow, runner: TaskRunner, fleet: DemoSession) -> None:
    view = window.fleet_matrix
    queue = module_id(view, QUEUE)
    view.set_filters(module=queue, version=VersionFilter(VersionTest.BELOW, 122))
    shown = view.shown_pbxs()
    titles: list[str] = []
    runner.task_submitted.connect(lambda handle: titles.append(handle.title))

    view.refresh_button.click()
    assert titles[-1] == f"Refresh {len(shown)} PBXs"
    assert runner.wait_idle(WAIT_MS)

    dialog = view.check_readiness()
    assert dialog.chosen_pbxs() == shown
    dialog.close()

    rollout = view.roll_out()
    assert rollout is not None and sorted(rollout.chosen_pbxs()) == sorted(shown)
    rollout.close()

    before = {info.pbx_name for info in fleet.services.backups.list_backups()[0]}
    view.backup_button.click()
    assert runner.wait_idle(WAIT_MS)
    backed_up = {info.pbx_name for info in fleet.services.backups.list_backups()[0]} - before
    assert backed_up and backed_up <= set(shown)
    assert all(handle.state is not TaskState.FAILED for handle in runner.tasks())


def test_the_matrix_is_drawn_without_asking_any_pbx(window: MainWindow, fleet: DemoSession) -> None:
    view = window.fleet_matrix
    fleet.fleet.stop()  # every PBX goes dark
    try:
        view.model.rebuild()
        view.update_now()
        assert len(view.shown_pbxs()) == len(window.fleet_model.entries())
        assert not view.grab().isNull()
        QApplication.processEvents()
    finally:
        fleet.fleet.start()


def test_state_names_read_german(qapp: QApplication, language: str) -> None:
    german = {
        CellState.FREE_UPDATE: "Kostenloses Update",
        CellState.PAID_UPDATE: "Nur kostenpflichtiges Update",
        CellState.NOT_INSTALLED: "Nicht installiert",
    }
    for state, text in german.items():
        assert state_text(state) == (text if language == "de" else state_text(state))
