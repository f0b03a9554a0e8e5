"""A fleet for command-line tests: two simulated PBXs over real HTTPS and a signed catalog.

The CLI opens its services from ``MODMANAGER_HOME`` (the isolated folder the project-wide
autouse fixture provides), so the fixture writes the settings, the inventory and the PBX
passwords there, exactly as ``modmanager pbx add`` and the settings dialog would.

``kunde-a`` is the ops test world (module A v126 with a password input, module B v3 with an
internal database). ``kunde-b`` runs module A v130 only, so a backup from ``kunde-a`` restored
there has to drop ``ringSeconds`` - the "reuse a configuration on another PBX" case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.sfm import SettingValue
from modmanager.core.sfmbuild import build_sfm
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.state import SimInstance, SimModule
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_B, signed_catalog, spec_a, spec_b

PBX_A = "kunde-a"
PBX_B = "kunde-b"
B_SITE_VALUES: dict[str, SettingValue] = {
    "targetNumber": "+49 40 5550100",
    "logCalls": False,
    "voicemailBox": True,
    "apiPassword": "b-geheim",
}
SECRETS = (TEST_PASSWORD, str(A_VALUES["apiPassword"]), str(B_SITE_VALUES["apiPassword"]))
"""Passwords that must never appear in any command output."""


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


Cli = Callable[..., Outcome]
"""``cli("backup", "list")``: run modmanager in process and return its exit code and output."""


@dataclass
class CliWorld:
    fleet: SimulatorFleet
    home: Path
    tmp_path: Path

    def sim(self, name: str) -> SimulatedPbx:
        return self.fleet.get(name)

    def module(self, pbx: str, module_id: str) -> SimModule:
        return self.sim(pbx).state.modules[module_id]

    def add_record(self, name: str, url: str, fingerprint: str | None = None) -> None:
        with Inventory() as inventory:
            inventory.add(PbxRecord(name, url, "0001", fingerprint=fingerprint))
        open_credentials().set_password(name, "0001", TEST_PASSWORD)
        open_credentials().set_agent_secret(name, TEST_AGENT_SECRET)


@pytest.fixture
def cli_world(tmp_path: Path, isolated_state: Path) -> Iterator[CliWorld]:
    catalog_dir, public_key = signed_catalog(tmp_path)
    pbx_a = make_pbx(
        PBX_A,
        modules=[
            (build_sfm(spec_a(126)), [SimInstance("Weiterleitung Zentrale", True, dict(A_VALUES))]),
            (
                build_sfm(spec_b(3)),
                [
                    SimInstance("Telefonbuch", True, dict(B_VALUES)),
                    SimInstance("Telefonbuch Filiale", False, {"serverUrl": "https://crm-filiale.kunde-a.de"}),
                ],
            ),
        ],
    )
    pbx_a.modules[MODULE_B].internal_data = B_INTERNAL
    pbx_b = make_pbx(
        PBX_B, modules=[(build_sfm(spec_a(130)), [SimInstance("Weiterleitung Filiale", True, dict(B_SITE_VALUES))])]
    )
    save_settings(Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),), backup_retention=5))
    with running_fleet(tmp_path, [pbx_a, pbx_b]) as fleet:
        world = CliWorld(fleet, isolated_state, tmp_path)
        for sim in fleet.pbxs:
            world.add_record(sim.state.name, sim.url, sim.fingerprint)
        yield world


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """Run ``modmanager ARGS`` in process; every call also checks that no password leaked."""

    def invoke(*argv: str) -> Outcome:
        code = run(list(argv))
        captured = capsys.readouterr()
        for secret in SECRETS:
            assert secret not in captured.out and secret not in captured.err, f"a password leaked: {argv}"
        return Outcome(code, captured.out, captured.err)

    return invoke
