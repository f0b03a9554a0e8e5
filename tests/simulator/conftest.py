"""Fixtures for simulator tests: one running PBX."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.testing import make_pbx, running_fleet


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[SimulatorFleet]:
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as running:
        yield running


@pytest.fixture
def sim(fleet: SimulatorFleet) -> SimulatedPbx:
    return fleet.pbxs[0]
