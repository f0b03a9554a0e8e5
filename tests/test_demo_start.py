"""The built-in demo starts a believable fleet that exercises every PBX status, in a data folder of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError
from modmanager.demo_start import start_demo
from modmanager.ops.refresh import FleetStatus, refresh_fleet, status_for_error
from modmanager.store.paths import data_dir


def test_demo_fleet_shows_every_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODMANAGER_HOME", str(tmp_path / "real-home"))
    session = start_demo(tmp_path / "demo")
    try:
        names = session.pbx_names
        assert 6 <= len(names) <= 8
        results = refresh_fleet(session.services, names)
        statuses = set()
        for result in results.values():
            if isinstance(result, ModManagerError):
                statuses.add(status_for_error(result))
            else:
                statuses.add(FleetStatus(session.services.inventory.load_status(result.name).status))
        assert {
            FleetStatus.UP_TO_DATE,
            FleetStatus.UPDATES_AVAILABLE,
            FleetStatus.INCOMPATIBLE_MODULE,
            FleetStatus.UNREACHABLE,
        } <= statuses
        # The demo never writes into the user's real data folder.
        assert not (tmp_path / "real-home" / "inventory.sqlite3").exists()
        # modmanager's own files hold no password in plain text (the simulator's state is the
        # simulated PBX's side and lives under sim/).
        home = tmp_path / "demo"
        ours = [p for p in home.rglob("*") if p.is_file() and p.relative_to(home).parts[0] not in ("sim", "world")]
        assert any(p.name == "inventory.sqlite3" for p in ours)
        for pbx in session.world.pbxs:
            assert not any(pbx.password.encode() in p.read_bytes() for p in ours)
    finally:
        session.stop()


def test_the_demo_points_the_data_folder_at_itself_until_it_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODMANAGER_HOME", str(tmp_path / "real-home"))
    session = start_demo(tmp_path / "demo")
    try:
        assert data_dir() == (tmp_path / "demo").absolute()
    finally:
        session.stop()
    assert os.environ["MODMANAGER_HOME"] == str(tmp_path / "real-home")
