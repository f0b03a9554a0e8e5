"""Fixtures for the PBX client tests (helpers in pbx_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.pbx.client import AgentClient
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from tests.pbx.pbx_helpers import ScriptedServer, SelfSignedCert, make_self_signed


@pytest.fixture(scope="session")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> SelfSignedCert:
    return make_self_signed(tmp_path_factory.mktemp("cert"))


@pytest.fixture
def scripted_server(self_signed: SelfSignedCert) -> Iterator[ScriptedServer]:
    """A loopback HTTPS server with a self-signed certificate; the test sets ``respond``."""
    server = ScriptedServer(self_signed)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPbx]:
    """One running simulated PBX with the sample module and one active instance."""
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
        yield fleet.pbxs[0]


@pytest.fixture
def client(sim: SimulatedPbx) -> Iterator[AgentClient]:
    """A pinned client with short timeouts, so fault tests stay fast."""
    with AgentClient(
        sim.url,
        TEST_LOGIN,
        TEST_PASSWORD,
        agent_secret=TEST_AGENT_SECRET,
        fingerprint=sim.fingerprint,
        timeout=1.0,
        retries=2,
    ) as c:
        yield c
