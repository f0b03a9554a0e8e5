"""Fleet commands narrowed by ``--customer`` and ``--tag``, with ``n of N`` progress on stderr.

The CLI fleet gets a third PBX, and customers and tags: ``kunde-a`` (Müller GmbH; wartung),
``kunde-b`` (Schmidt AG; wartung, cloud), ``kunde-c`` (Schmidt AG; no tags).
"""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Iterator

import pytest

from modmanager.cli.selection import FleetProgress
from modmanager.core.sfmbuild import build_sfm
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import make_pbx
from modmanager.store.inventory import Inventory
from tests.cli.conftest import PBX_A, PBX_B, Cli, CliWorld
from tests.ops.world import A_VALUES, MODULE_A, spec_a

PBX_C = "kunde-c"
GROUPS = {PBX_A: ("Müller GmbH", ("wartung",)), PBX_B: ("Schmidt AG", ("wartung", "cloud")), PBX_C: ("Schmidt AG", ())}


@pytest.fixture
def world(cli_world: CliWorld) -> Iterator[CliWorld]:
    extra = make_pbx(PBX_C, modules=[(build_sfm(spec_a(126)), [SimInstance("Weiterleitung C", True, dict(A_VALUES))])])
    sim = cli_world.fleet.add(extra)
    cli_world.add_record(PBX_C, sim.url, sim.fingerprint)
    with Inventory() as inventory:
        for name, (customer, tags) in GROUPS.items():
            inventory.update(dataclasses.replace(inventory.get(name), customer=customer, tags=tags))
    yield cli_world


def names_in(outcome_out: str) -> list[str]:
    return [item["name"] for item in json.loads(outcome_out)["pbxs"]]


def test_refresh_by_customer_and_tag(world: CliWorld, cli: Cli) -> None:
    schmidt = cli("refresh", "--customer", "schmidt ag", "--json")
    assert schmidt.code == 0, schmidt.err
    assert names_in(schmidt.out) == [PBX_B, PBX_C]
    maintained = cli("refresh", "--tag", "wartung", "--json")
    assert names_in(maintained.out) == [PBX_A, PBX_B]
    both = cli("refresh", "--customer", "Schmidt AG", "--tag", "wartung", "--json")
    assert names_in(both.out) == [PBX_B]
    customers = ("--customer", "Müller GmbH", "--customer", "Schmidt AG")
    either = cli("refresh", *customers, "--tag", "cloud", "--tag", "wartung")
    assert [line.split()[0] for line in either.out.splitlines()[1:]] == [PBX_A, PBX_B]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_the_pbxs_on_a_terminal_only() -> None:
    terminal = Terminal()
    progress = FleetProgress("Refreshed", 3, terminal)
    progress()
    progress(failed=True)
    progress()
    progress.finish()
    lines = terminal.getvalue().split("\r")
    assert lines[1:] == [
        "Refreshed 1 of 3 PBXs",
        "Refreshed 2 of 3 PBXs (1 failed)",
        "Refreshed 3 of 3 PBXs (1 failed)\n",
    ]
    single = Terminal()
    FleetProgress("Refreshed", 1, single)()
    assert single.getvalue() == ""
    log = io.StringIO()
    FleetProgress("Refreshed", 3, log)()
    assert log.getvalue() == ""  # off a terminal stderr keeps to the one line of an error


def test_a_partly_failed_refresh_keeps_to_one_line_on_stderr(world: CliWorld, cli: Cli) -> None:
    world.fleet.get(PBX_C).stop()
    failing = cli("refresh", "--customer", "Schmidt AG")
    assert failing.code == 1
    assert failing.err == (
        "modmanager: 1 of 2 PBXs could not be refreshed: kunde-c. "
        "The table says why; check the connection or the PBX and try again.\n"
    )


def test_an_unknown_customer_or_tag_is_one_sentence_naming_the_known_ones(world: CliWorld, cli: Cli) -> None:
    typo = cli("refresh", "--customer", "Schmitt AG")
    assert typo.code == 1 and typo.out == ""
    assert typo.err == "modmanager: No PBX belongs to the customer 'Schmitt AG'. Customers: Müller GmbH, Schmidt AG.\n"
    tag = cli("refresh", "--tag", "vip")
    assert tag.code == 1 and "No PBX has the tag 'vip'. Tags: cloud, wartung." in tag.err
    nothing = cli("refresh", "--customer", "Müller GmbH", "--tag", "cloud")
    assert nothing.code == 1 and "No PBX has the customer 'Müller GmbH' and the tag 'cloud'." in nothing.err


def test_readiness_backup_and_rollout_take_the_same_selection(world: CliWorld, cli: Cli) -> None:
    ready = cli("readiness", "--all", "--target-starface", "9.1.0.0", "--tag", "cloud", "--json")
    assert ready.code == 0, ready.err
    assert [item["pbx"] for item in json.loads(ready.out)["pbxs"]] == [PBX_B]

    backup = cli("backup", "create", "--fleet", "--customer", "Schmidt AG", "--json")
    assert backup.code == 0, backup.err
    assert {info["pbxName"] for info in json.loads(backup.out)["backups"]} == {PBX_B, PBX_C}

    plan = cli("rollout", "--module", MODULE_A, "--to", "130", "--customer", "Schmidt AG", "--dry-run", "--json")
    assert plan.code == 0, plan.err
    document = json.loads(plan.out)["plan"]
    planned = {target["pbx"] for stage in document["stages"] for target in stage}
    skipped = {target["pbx"] for target in document["skipped"]}
    assert planned | skipped == {PBX_B, PBX_C}
    assert world.module(PBX_C, MODULE_A).version == 126  # a dry run changes nothing


@pytest.mark.parametrize(
    "argv",
    [
        ("readiness", "--pbx", PBX_A, "--target-starface", "10.0", "--tag", "cloud"),
        ("backup", "create", "--pbx", PBX_A, "--all", "--customer", "Schmidt AG"),
    ],
)
def test_a_selection_with_a_single_pbx_is_a_usage_error(world: CliWorld, cli: Cli, argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(*argv)
    assert exited.value.code == 2
