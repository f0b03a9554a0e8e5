"""The fleet at a glance: one cell per module and PBX - the installed version and what it needs.

The fleet view draws a module x PBX matrix from the PBXs' last snapshots; everything it
decides lives here, pure: the state of a cell (:func:`cell_of`, from the planner's decision),
which rows a filter keeps (:class:`VersionFilter`, :func:`state_counts`) and the CSV export
(:func:`matrix_csv`). No PBX is asked: a cell says what the last reading said.
"""

from __future__ import annotations

import csv
import enum
import io
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from modmanager.core.catalog import CatalogModule, Release
from modmanager.core.planner import ModulePlan, ModuleStatus
from modmanager.core.protocol import InstalledModule
from modmanager.core.versions import Verdict


class CellState(enum.StrEnum):
    """What a module on a PBX needs, most urgent first (the order of counts and colours)."""

    INCOMPATIBLE = "incompatible"
    """The installed release is stated incompatible and nothing newer is compatible."""
    PAID_UPDATE = "paid-update-only"
    """Newer releases exist, but each needs a new module license key."""
    FREE_UPDATE = "free-update"
    """A newer compatible release needs no new license key."""
    UNTESTED = "untested"
    """Nothing states that the installed or any newer release works on this STARFACE."""
    UP_TO_DATE = "up-to-date"
    NOT_IN_CATALOG = "not-in-catalog"
    """Installed, but no catalog lists the module (a customer's own module)."""
    NOT_INSTALLED = "not-installed"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @property
    def installed(self) -> bool:
        return self is not CellState.NOT_INSTALLED


_RANKS = {state: rank for rank, state in enumerate(CellState)}

_FROM_PLAN = {
    ModuleStatus.INCOMPATIBLE: CellState.INCOMPATIBLE,
    ModuleStatus.PAID_UPDATE_ONLY: CellState.PAID_UPDATE,
    ModuleStatus.UPDATE_AVAILABLE: CellState.FREE_UPDATE,
    ModuleStatus.UNTESTED_ONLY: CellState.UNTESTED,
    # The installed release is unknown to the catalog and nothing newer is compatible: nothing
    # states that it works here.
    ModuleStatus.NO_COMPATIBLE_RELEASE: CellState.UNTESTED,
    ModuleStatus.UP_TO_DATE: CellState.UP_TO_DATE,
    ModuleStatus.NOT_IN_CATALOG: CellState.NOT_IN_CATALOG,
}


@dataclass(frozen=True)
class Cell:
    """One module on one PBX as the matrix shows it."""

    state: CellState
    version: int | None = None
    """The installed version (None: not installed)."""
    label: str = ""
    """The installed version as the vendor names it (``v113``, ``2024-06-11``)."""
    target: str = ""
    """The release to update to (the free one when the newest is paid), as the vendor names it."""
    installed_incompatible: bool = False
    """The installed release is stated incompatible (an update may already fix it)."""


NOT_INSTALLED = Cell(CellState.NOT_INSTALLED)


def release_label(release: Release) -> str:
    """How a release is named: the vendor's display version, else ``v<version>``."""
    return release.display_version or f"v{release.version}"


def version_label(version: int, catalog: CatalogModule | None) -> str:
    """A version as the catalog names it, else ``v<version>``."""
    release = catalog.release(version) if catalog is not None else None
    return release_label(release) if release is not None else f"v{version}"


def cell_of(installed: InstalledModule, plan: ModulePlan, catalog: CatalogModule | None = None) -> Cell:
    """The cell of an installed module, from the planner's decision for it."""
    state = _FROM_PLAN[plan.status]
    target = ""
    if state is CellState.FREE_UPDATE:
        chosen = plan.free_target if plan.target_is_paid and plan.free_target is not None else plan.target
        target = release_label(chosen) if chosen is not None else ""
    elif state is CellState.PAID_UPDATE and plan.target is not None:
        target = release_label(plan.target)
    return Cell(
        state=state,
        version=installed.version,
        label=version_label(installed.version, catalog),
        target=target,
        installed_incompatible=plan.installed_verdict is Verdict.INCOMPATIBLE,
    )


def cells_of(
    modules: Sequence[InstalledModule],
    plans: Sequence[ModulePlan],
    catalog: Mapping[str, CatalogModule] | None = None,
) -> dict[str, Cell]:
    """Every installed module's cell, by lower-case module id (module ids compare without case)."""
    catalog = catalog or {}
    return {
        module.id.lower(): cell_of(module, plan, catalog.get(module.id.lower()))
        for module, plan in zip(modules, plans, strict=True)
    }


class VersionTest(enum.StrEnum):
    """How a module filter compares the installed version."""

    ANY = "any"
    """Installed, in any version."""
    BELOW = "below"
    EXACTLY = "exactly"
    AT_LEAST = "at-least"
    NOT_INSTALLED = "not-installed"


@dataclass(frozen=True)
class VersionFilter:
    """``module X below version Y`` and its kin; ``version`` is ignored by ANY and NOT_INSTALLED."""

    test: VersionTest = VersionTest.ANY
    version: int | None = None

    def matches(self, cell: Cell) -> bool:
        if self.test is VersionTest.NOT_INSTALLED:
            return not cell.state.installed
        if cell.version is None:
            return False
        if self.test is VersionTest.ANY or self.version is None:
            return True
        if self.test is VersionTest.BELOW:
            return cell.version < self.version
        if self.test is VersionTest.EXACTLY:
            return cell.version == self.version
        return cell.version >= self.version


def state_counts(cells: Iterable[Cell], *, with_not_installed: bool = False) -> Counter[CellState]:
    """How many cells are in each state (not installed ones only when asked)."""
    counts: Counter[CellState] = Counter()
    for cell in cells:
        if with_not_installed or cell.state.installed:
            counts[cell.state] += 1
    return counts


def worst(cells: Iterable[Cell]) -> CellState | None:
    """The most urgent state among installed cells; None if none is installed."""
    installed = [cell.state for cell in cells if cell.state.installed]
    return min(installed, key=lambda state: state.rank) if installed else None


@dataclass(frozen=True)
class MatrixRow:
    """One PBX of an exported matrix."""

    customer: str
    pbx: str
    starface: str
    tags: tuple[str, ...]
    cells: Mapping[str, Cell]
    """By lower-case module id; a missing module is not installed."""


def matrix_csv(
    rows: Iterable[MatrixRow],
    modules: Sequence[tuple[str, str]],
    *,
    delimiter: str = ",",
    state_names: Mapping[CellState, str] | None = None,
    headings: Sequence[str] = ("Customer", "PBX", "STARFACE", "Tags"),
    state_heading: str = "{module} (state)",
) -> str:
    """The matrix as CSV text: one line per PBX, two columns per module (version and state).

    ``modules`` are ``(module id, column title)`` in column order. States are written with
    ``state_names`` (the interface's words) or their stable values; ``headings`` name the
    first four columns and ``state_heading`` each state column, in the interface's language.
    """
    names = dict(state_names or {})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    header = list(headings)
    for _module_id, title in modules:
        header += [title, state_heading.format(module=title)]
    writer.writerow(header)
    for row in rows:
        line = [row.customer, row.pbx, row.starface, " ".join(row.tags)]
        for module_id, _title in modules:
            cell = row.cells.get(module_id.lower(), NOT_INSTALLED)
            line += [cell.label, names.get(cell.state, cell.state.value)]
        writer.writerow(line)
    return out.getvalue()
