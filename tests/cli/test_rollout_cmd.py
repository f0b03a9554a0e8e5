"""``modmanager rollout`` end to end over HTTPS.

The CLI fleet (``kunde-a``: module A v126 and B v3; ``kunde-b``: A v130) gets three more PBXs:
``kunde-c`` (A v126), ``kunde-d`` (only B) and ``kunde-dark`` (unreachable).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from modmanager.core.protocol import EntryPoint
from modmanager.core.sfmbuild import build_sfm
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import make_pbx
from tests.cli.conftest import PBX_A, PBX_B, Cli, CliWorld
from tests.ops.world import A_VALUES, B_VALUES, MODULE_A, spec_a, spec_b

PBX_C = "kunde-c"
PBX_D = "kunde-d"
PBX_DARK = "kunde-dark"


@pytest.fixture
def world(cli_world: CliWorld) -> Iterator[CliWorld]:
    extra = [
        make_pbx(PBX_C, modules=[(build_sfm(spec_a(126)), [SimInstance("Weiterleitung C", True, dict(A_VALUES))])]),
        make_pbx(PBX_D, modules=[(build_sfm(spec_b(3)), [SimInstance("Telefonbuch", True, dict(B_VALUES))])]),
        make_pbx(PBX_DARK, reachable=False),
    ]
    for pbx in extra:
        sim = cli_world.fleet.add(pbx)
        cli_world.add_record(pbx.name, sim.url, sim.fingerprint)
    yield cli_world


def versions(world: CliWorld) -> dict[str, int]:
    return {name: world.module(name, MODULE_A).version for name in (PBX_A, PBX_B, PBX_C)}


def test_dry_run_shows_stages_and_skip_reasons_and_changes_nothing(world: CliWorld, cli: Cli) -> None:
    before = versions(world)

    result = cli("rollout", "--module", "Anrufweiterleitung", "--to", "130", "--dry-run")

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Rollout of Anrufweiterleitung (") and "2 PBXs in 2 stages, 3 skipped" in lines[0]
    assert any(line.split() == ["1", "(canary)", PBX_A, "v126", "v130", "-"] for line in lines)
    assert any(line.split() == ["2", PBX_C, "v126", "v130", "-"] for line in lines)
    skipped = result.out.split("Skipped:")[1]
    assert f"{PBX_B}" in skipped and "already on v130" in skipped
    assert PBX_D in skipped and "the module is not installed" in skipped
    assert PBX_DARK in skipped and "unreachable" in skipped
    assert lines[-1] == "Dry run: nothing was changed."
    assert versions(world) == before


def test_default_release_is_the_newest_free_one_and_paid_pbxs_are_left_out(world: CliWorld, cli: Cli) -> None:
    result = cli("rollout", "--module", MODULE_A, "--pbx", PBX_A, "--pbx", PBX_B, "--dry-run", "--json")

    assert result.code == 0, result.err
    plan = json.loads(result.out)["plan"]
    (stage,) = plan["stages"]
    assert [(item["pbx"], item["toVersion"], item["paid"]) for item in stage] == [(PBX_A, 130, False)]
    assert "v140 is a paid upgrade" in stage[0]["note"]
    assert [(item["pbx"], item["reasonSkipped"]) for item in plan["skipped"]] == [
        (PBX_B, "paid upgrade: v140 needs a new module license key")
    ]


def test_rollout_runs_every_stage_and_prints_one_line_per_pbx(world: CliWorld, cli: Cli) -> None:
    result = cli("rollout", "--module", MODULE_A, "--to", "130", "--canary", "0", "--batch", "2", "--yes")

    assert result.code == 0, result.err
    ok_lines = [line for line in result.out.splitlines() if "stage 1  ok" in line]
    assert len(ok_lines) == 2
    assert any(f"Anrufweiterleitung on {PBX_C} now runs v130 (was v126)" in line for line in ok_lines)
    assert result.out.splitlines()[-1] == "Summary: 2 updated, 0 failed, 0 not started."
    assert versions(world) == {PBX_A: 130, PBX_B: 130, PBX_C: 130}


def test_a_failed_canary_stops_the_rollout_and_exits_1(world: CliWorld, cli: Cli) -> None:
    world.sim(PBX_A).faults.fail(EntryPoint.IMPORT_CONFIG, times=1)

    result = cli("rollout", "--module", MODULE_A, "--to", "130", "--yes", "--json")

    assert result.code == 1
    document = json.loads(result.out)
    assert document["succeeded"] == []
    assert [(item["pbx"], "v126 was put back" in item["error"]) for item in document["failed"]] == [(PBX_A, True)]
    assert [item["pbx"] for item in document["notStarted"]] == [PBX_C]
    assert "The rollout of Anrufweiterleitung stopped: 1 of 2 PBXs failed, 1 not started." in result.err
    assert versions(world) == {PBX_A: 126, PBX_B: 130, PBX_C: 126}
    (instance,) = world.module(PBX_A, MODULE_A).instances
    assert instance.values == A_VALUES and instance.active


def test_failure_lines_in_text_mode(world: CliWorld, cli: Cli) -> None:
    world.sim(PBX_A).faults.fail(EntryPoint.IMPORT_CONFIG, times=1)

    result = cli("rollout", "--module", MODULE_A, "--to", "130", "--yes")

    assert result.code == 1
    assert f"stage 1  FAILED   {PBX_A}: The update of Anrufweiterleitung on {PBX_A} failed" in result.out
    assert f"stage 2  skipped  {PBX_C}: not started" in result.out
    assert "Summary: 0 updated, 1 failed, 1 not started." in result.out


def test_without_a_terminal_it_asks_for_yes_and_changes_nothing(world: CliWorld, cli: Cli) -> None:
    result = cli("rollout", "--module", MODULE_A, "--to", "130")

    assert result.code == 1
    assert "--yes" in result.err
    assert versions(world) == {PBX_A: 126, PBX_B: 130, PBX_C: 126}


@pytest.mark.parametrize("flags", [("--batch", "0"), ("--canary", "-1"), ("--max-failures", "0"), ("--to", "x")])
def test_bad_numbers_are_usage_errors(cli: Cli, flags: tuple[str, str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("rollout", "--module", MODULE_A, *flags)
    assert exited.value.code == 2
