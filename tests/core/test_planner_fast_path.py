"""The fast path for available modules gives exactly what a full fresh-install plan gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from modmanager.core.catalog import Channel, parse_catalog
from modmanager.core.planner import PbxFacts, _newest_installable, plan_module
from modmanager.core.protocol import Edition, LicenseKind
from modmanager.core.versions import StarfaceVersion
from modmanager.simulator.demo import build_demo_world

FACTS = [
    PbxFacts(StarfaceVersion.parse(version), edition, licenses)
    for version in ("7.3.0.5", "8.1.3.0", "9.0.1.3", "9.1.0.2", "10.0.0.4", "10.0.0.0-beta1")
    for edition in (Edition.APPLIANCE, Edition.CLOUD)
    for licenses in (frozenset(), frozenset({LicenseKind.NFR_SERVER}), frozenset({LicenseKind.NFR_USER}))
]


@pytest.mark.parametrize("channel", list(Channel))
def test_fast_path_matches_full_plan_on_the_demo_catalog(tmp_path: Path, channel: Channel) -> None:
    world = build_demo_world(tmp_path, today=dt.date(2026, 11, 23))
    catalog = parse_catalog(world.catalog_file.read_bytes())
    for facts in FACTS:
        for module in catalog.modules:
            full = plan_module(facts, None, module, channel=channel)
            assert _newest_installable(facts, module, channel) == full.target
