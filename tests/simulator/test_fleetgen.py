"""The made-up fleet: the same for the same seed, spread over customers and tags, and servable."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from modmanager.core.catalog import parse_catalog
from modmanager.core.protocol import AGENT_MODULE_ID
from modmanager.ops.refresh import PbxSnapshot, refresh_fleet
from modmanager.simulator.demo import DemoWorld, build_demo_world
from modmanager.simulator.fleetgen import TAGS, generate_fleet, register_fleet
from modmanager.simulator.server import SimulatorFleet
from tests.ops.world import services_for


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> DemoWorld:
    return build_demo_world(tmp_path_factory.mktemp("world"))


def test_two_hundred_pbxs_over_many_customers_the_same_every_time(world: DemoWorld) -> None:
    fleet = generate_fleet(world, 200)
    again = generate_fleet(world, 200)
    assert [(item.pbx.name, item.tags, sorted(item.pbx.modules)) for item in fleet] == [
        (item.pbx.name, item.tags, sorted(item.pbx.modules)) for item in again
    ]
    assert len({item.pbx.name for item in fleet}) == 200
    customers = Counter(item.pbx.customer for item in fleet)
    assert len(customers) == 40
    assert all(set(item.tags) <= set(TAGS) for item in fleet)
    assert len({tag for item in fleet for tag in item.tags}) == len(TAGS)
    catalog_ids = {module.id for module in parse_catalog(world.catalog_file.read_bytes()).modules}
    installed = Counter(module_id for item in fleet for module_id in item.pbx.modules if module_id != AGENT_MODULE_ID)
    assert set(installed) == catalog_ids  # every catalog module runs somewhere
    assert len({item.pbx.starface_version for item in fleet}) >= 4


def test_one_customer_can_hold_the_whole_fleet(world: DemoWorld) -> None:
    fleet = generate_fleet(world, 30, customers=1)
    assert len({item.pbx.customer for item in fleet}) == 1


def test_a_generated_fleet_runs_and_reads_like_any_other(world: DemoWorld, tmp_path: Path) -> None:
    generated = generate_fleet(world, 6, seed=7)
    sims = SimulatorFleet(tmp_path / "sim")
    for item in generated:
        sims.add(item.pbx)
    with sims:
        services = services_for(tmp_path, world.catalog_dir, world.catalog_public_key)
        try:
            register_fleet(sims, generated, services.inventory, services.credentials)
            records = services.inventory.list()
            assert {record.name: record.tags for record in records} == {item.pbx.name: item.tags for item in generated}
            results = refresh_fleet(services, [record.name for record in records])
        finally:
            services.close()
    assert all(isinstance(result, PbxSnapshot) for result in results.values())
