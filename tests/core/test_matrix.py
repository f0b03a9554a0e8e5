"""The fleet matrix's cells: state from the planner, version filters, counts and the CSV export."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from modmanager.core.matrix import (
    NOT_INSTALLED,
    Cell,
    CellState,
    MatrixRow,
    VersionFilter,
    VersionTest,
    cell_of,
    cells_of,
    matrix_csv,
    state_counts,
    worst,
)
from modmanager.core.planner import plan_module
from modmanager.core.protocol import LicenseKind
from tests.core.test_planner import inst, mod, pbx, rel

NEWER = "9.0"
"""Releases compatible with the PBX's STARFACE 9.0.1.3."""


@pytest.mark.parametrize(
    ("releases", "installed", "state", "target"),
    [
        ((rel(126, NEWER),), 126, CellState.UP_TO_DATE, ""),
        ((rel(126, NEWER), rel(130, NEWER)), 126, CellState.FREE_UPDATE, "v130"),
        # The newest is paid, a free step below it: the cell offers the free one.
        ((rel(126, NEWER), rel(130, NEWER), rel(140, NEWER, paid=True)), 126, CellState.FREE_UPDATE, "v130"),
        ((rel(126, NEWER), rel(140, NEWER, paid=True)), 126, CellState.PAID_UPDATE, "v140"),
        ((rel(126, "8.X", incompatible="9.X"),), 126, CellState.INCOMPATIBLE, ""),
        ((rel(126), rel(130)), 126, CellState.UNTESTED, ""),
    ],
)
def test_a_cell_says_what_the_planner_decided(releases: tuple, installed: int, state: CellState, target: str) -> None:
    module = mod(*releases)
    plan = plan_module(pbx(), inst(installed), module)
    cell = cell_of(inst(installed), plan, module)
    assert (cell.state, cell.version, cell.label, cell.target) == (state, installed, f"v{installed}", target)


def test_an_incompatible_release_with_a_free_fix_is_a_free_update_marked_incompatible() -> None:
    module = mod(rel(126, "8.X", incompatible="9.X"), rel(130, NEWER))
    cell = cell_of(inst(126), plan_module(pbx(), inst(126), module), module)
    assert cell.state is CellState.FREE_UPDATE and cell.installed_incompatible


def test_a_module_no_catalog_lists_and_the_vendors_version_names() -> None:
    cell = cell_of(inst(7), plan_module(pbx(), inst(7), None))
    assert (cell.state, cell.label) == (CellState.NOT_IN_CATALOG, "v7")
    dated = mod(dataclasses.replace(rel(20240611, NEWER), display_version="2024-06-11"))
    cells = cells_of([inst(20240611)], [plan_module(pbx(), inst(20240611), dated)], {dated.id.lower(): dated})
    assert cells[dated.id.lower()].label == "2024-06-11"


def test_the_nfr_build_of_a_paid_release_costs_nothing_so_it_is_a_free_update() -> None:
    module = mod(rel(126, NEWER), rel(140, NEWER, paid=True, nfr=True))
    facts = pbx("9.0.1.3", LicenseKind.NFR_SERVER)
    assert cell_of(inst(126), plan_module(facts, inst(126), module), module).state is CellState.FREE_UPDATE


@pytest.mark.parametrize(
    ("test", "version", "matching"),
    [
        (VersionTest.ANY, None, {113, 122, 130}),
        (VersionTest.BELOW, 122, {113}),
        (VersionTest.EXACTLY, 122, {122}),
        (VersionTest.AT_LEAST, 122, {122, 130}),
        (VersionTest.BELOW, None, {113, 122, 130}),
    ],
)
def test_which_pbxs_run_a_module_below_a_version(test: VersionTest, version: int | None, matching: set[int]) -> None:
    cells = [Cell(CellState.UP_TO_DATE, v, f"v{v}") for v in (113, 122, 130)] + [NOT_INSTALLED]
    chosen = VersionFilter(test, version)
    assert {cell.version for cell in cells if chosen.matches(cell)} == matching
    assert [cell for cell in cells if VersionFilter(VersionTest.NOT_INSTALLED).matches(cell)] == [NOT_INSTALLED]


def test_counts_and_the_most_urgent_state() -> None:
    cells = [
        Cell(CellState.UP_TO_DATE, 1),
        Cell(CellState.UP_TO_DATE, 1),
        Cell(CellState.PAID_UPDATE, 1),
        NOT_INSTALLED,
    ]
    assert state_counts(cells) == {CellState.UP_TO_DATE: 2, CellState.PAID_UPDATE: 1}
    assert state_counts(cells, with_not_installed=True)[CellState.NOT_INSTALLED] == 1
    assert worst(cells) is CellState.PAID_UPDATE
    assert worst([NOT_INSTALLED]) is None
    assert next(iter(CellState)) is CellState.INCOMPATIBLE  # most urgent first


def test_the_csv_has_a_line_per_pbx_and_version_and_state_per_module() -> None:
    rows = [
        MatrixRow(
            "Müller GmbH", "mueller-hq", "9.1.0.2", ("wartung",), {"aaa": Cell(CellState.FREE_UPDATE, 113, "v113")}
        ),
        MatrixRow("Müller GmbH", "mueller, filiale", "9.1.0.2", (), {}),
    ]
    text = matrix_csv(
        rows,
        [("AAA", "Queue Announcements"), ("bbb", "Caller ID")],
        delimiter=";",
        state_names={CellState.FREE_UPDATE: "Kostenloses Update", CellState.NOT_INSTALLED: "nicht installiert"},
        headings=("Kunde", "Telefonanlage", "STARFACE", "Tags"),
        state_heading="{module} (Zustand)",
    )
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0] == [
        "Kunde",
        "Telefonanlage",
        "STARFACE",
        "Tags",
        "Queue Announcements",
        "Queue Announcements (Zustand)",
        "Caller ID",
        "Caller ID (Zustand)",
    ]
    assert lines[1] == [
        "Müller GmbH",
        "mueller-hq",
        "9.1.0.2",
        "wartung",
        "v113",
        "Kostenloses Update",
        "",
        "nicht installiert",
    ]
    assert lines[2][1] == "mueller, filiale"  # quoted, not split
    assert text.endswith("\r\n")
