"""Fleet refresh: reads at a concurrency of their own, over kept connections, with progress and cancel."""

from __future__ import annotations

import dataclasses
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.errors import ModManagerError
from modmanager.ops.refresh import FleetStatus, PbxSnapshot, fleet_status, refresh_fleet, refresh_pbx
from modmanager.ops.services import Services
from modmanager.simulator import server as sim_server
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.testing import TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.inventory import PbxRecord
from tests.ops.world import services_for, signed_catalog


@dataclasses.dataclass
class Fleet:
    services: Services
    sims: SimulatorFleet

    @property
    def names(self) -> list[str]:
        return [sim.state.name for sim in self.sims.pbxs]


@contextmanager
def fleet_of(tmp_path: Path, count: int, **settings: int) -> Iterator[Fleet]:
    catalog_dir, public_key = signed_catalog(tmp_path)
    pbxs = [make_pbx(f"pbx{number:02d}") for number in range(count)]
    with running_fleet(tmp_path, pbxs) as sims:
        services = services_for(tmp_path, catalog_dir, public_key)
        services.settings = services.settings.with_changes(**settings)
        for sim in sims.pbxs:
            services.inventory.add(PbxRecord(sim.state.name, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
            services.credentials.set_password(sim.state.name, TEST_LOGIN, TEST_PASSWORD)
            services.credentials.set_agent_secret(sim.state.name, sim.state.agent_secret)
        try:
            yield Fleet(services, sims)
        finally:
            services.close()


@pytest.fixture
def handshakes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the TLS handshakes this process makes (client and simulator side alike)."""
    made: list[int] = []
    original = ssl.SSLSocket.do_handshake

    def counted(self: ssl.SSLSocket, *args: object, **kwargs: object) -> None:
        if not self.server_side:
            made.append(1)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl.SSLSocket, "do_handshake", counted)
    return made


def test_reads_run_at_the_read_concurrency_not_the_change_concurrency(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every PBX holds its answer until all four were asked: read fewer at a time, they would
    # wait for each other in vain and fail (a retried call of the same PBX does not count).
    asked: set[str] = set()
    everyone = threading.Condition()
    original = SimulatedPbx.handle_request

    def wait_for_the_others(
        self: SimulatedPbx, auth: str | None, body: bytes, stopped: threading.Event
    ) -> bytes | None:
        if b"listModules" in body:
            with everyone:
                asked.add(self.state.name)
                everyone.notify_all()
                if not everyone.wait_for(lambda: len(asked) == 4, timeout=20):
                    return None  # drops the connection: the read fails
        return original(self, auth, body, stopped)

    monkeypatch.setattr(SimulatedPbx, "handle_request", wait_for_the_others)
    with fleet_of(tmp_path, 4, concurrency=1, read_concurrency=4) as fleet:
        results = refresh_fleet(fleet.services, fleet.names)
    assert list(results) == fleet.names
    assert all(isinstance(result, PbxSnapshot) for result in results.values())


def test_progress_counts_every_pbx_as_it_ends(tmp_path: Path) -> None:
    with fleet_of(tmp_path, 5) as fleet:
        fleet.sims.pbxs[2].stop()
        ended: list[str] = []
        statuses: dict[str, FleetStatus | None] = {}

        def done(name: str, _result: object, status: FleetStatus | None) -> None:
            ended.append(name)
            statuses[name] = status

        results = refresh_fleet(fleet.services, fleet.names, on_done=done)
    assert sorted(ended) == fleet.names
    assert statuses["pbx02"] is FleetStatus.UNREACHABLE
    assert all(statuses[name] is not None for name in fleet.names)
    assert list(results) == fleet.names
    assert isinstance(results["pbx02"], ModManagerError) and results["pbx02"].code == "unreachable"
    assert sum(isinstance(result, PbxSnapshot) for result in results.values()) == 4


def test_a_cancelled_refresh_starts_no_further_pbx(tmp_path: Path) -> None:
    with fleet_of(tmp_path, 6) as fleet:
        for sim in fleet.sims.pbxs:
            sim.faults.latency_ms = 50  # asking takes longer than storing, however busy the machine
        stop = threading.Event()
        results = refresh_fleet(
            fleet.services,
            fleet.names,
            workers=1,
            on_done=lambda _name, _result, _status: stop.set(),
            cancelled=stop.is_set,
        )
        # A PBX that was not read keeps its earlier status: nothing was stored for it.
        assert fleet.services.inventory.load_status(fleet.names[-1]) is None
    assert list(results) == fleet.names
    read = [name for name, result in results.items() if isinstance(result, PbxSnapshot)]
    skipped = [result for result in results.values() if isinstance(result, ModManagerError)]
    assert read[0] == "pbx00" and len(read) <= 2  # the one worker may have started the next already
    assert len(skipped) >= 4
    assert {error.code for error in skipped} == {"refresh_cancelled"}
    assert "Refresh again" in skipped[0].hint


def test_reading_a_pbx_again_reuses_its_connection(tmp_path: Path, handshakes: list[int]) -> None:
    with fleet_of(tmp_path, 1) as fleet:
        refresh_pbx(fleet.services, "pbx00")
        first = len(handshakes)
        refresh_pbx(fleet.services, "pbx00")
        refresh_fleet(fleet.services, ["pbx00"])
        assert len(handshakes) == first  # the kept connection answered
        assert first >= 1

        fleet.sims.pbxs[0].restart()  # the PBX closed every connection
        handshakes.clear()
        refresh_pbx(fleet.services, "pbx00")
        assert len(handshakes) == 1  # a new connection, the pinned certificate already known


def test_a_changed_password_replaces_the_kept_client(tmp_path: Path) -> None:
    with fleet_of(tmp_path, 1) as fleet:
        refresh_pbx(fleet.services, "pbx00")
        sim = fleet.sims.pbxs[0]
        sim.state.password = "a-new-password"
        fleet.services.credentials.set_password("pbx00", TEST_LOGIN, "a-new-password")
        snapshot = refresh_pbx(fleet.services, "pbx00")
        assert snapshot.name == "pbx00"


def test_a_failed_read_keeps_no_client(tmp_path: Path) -> None:
    with fleet_of(tmp_path, 1) as fleet:
        fleet.sims.pbxs[0].stop()
        results = refresh_fleet(fleet.services, ["pbx00"])
        assert isinstance(results["pbx00"], ModManagerError)
        assert len(fleet.services.readers) == 0
        fleet.sims.pbxs[0].start()
        assert isinstance(refresh_pbx(fleet.services, "pbx00"), PbxSnapshot)
        assert len(fleet.services.readers) == 1


@pytest.fixture
def accepted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The TLS connections the simulated PBXs accept, by PBX name (counted at the simulator)."""
    seen: list[str] = []
    original = sim_server._Server.finish_request

    def counted(self: sim_server._Server, request: Any, client_address: Any) -> None:
        seen.append(self.pbx.state.name)
        original(self, request, client_address)

    monkeypatch.setattr(sim_server._Server, "finish_request", counted)
    return seen


def test_a_first_contact_refresh_costs_one_tls_connection_per_pbx(tmp_path: Path, accepted: list[str]) -> None:
    with fleet_of(tmp_path, 3) as fleet:
        results = refresh_fleet(fleet.services, fleet.names)
        assert all(isinstance(result, PbxSnapshot) for result in results.values())
        assert sorted(accepted) == fleet.names  # the pin is checked on the connection that asks
        accepted.clear()
        refresh_fleet(fleet.services, fleet.names)
        assert accepted == []  # the kept connections answered


def test_a_fleet_refresh_stores_every_pbx_and_its_status(tmp_path: Path) -> None:
    with fleet_of(tmp_path, 4) as fleet:
        fleet.sims.pbxs[1].stop()
        results = refresh_fleet(fleet.services, fleet.names)
        inventory = fleet.services.inventory
        for name, result in results.items():
            stored = inventory.load_status(name)
            assert stored is not None
            if isinstance(result, PbxSnapshot):
                snapshot = inventory.load_snapshot(name)
                assert snapshot is not None and snapshot[1] == result.fetched_at
                assert stored.status == fleet_status(fleet.services, result).value
            else:
                assert (stored.status, stored.detail["code"]) == ("unreachable", "unreachable")
        assert not isinstance(results["pbx01"], PbxSnapshot)
