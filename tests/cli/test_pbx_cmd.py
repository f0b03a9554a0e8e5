"""``modmanager pbx add/list/test/remove``, ``info`` and ``modules`` against a simulated PBX."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.pbx.tls import format_fingerprint
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import SAMPLE_MODULE_ID, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPbx]:
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
        yield fleet.pbxs[0]


def _run(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run(list(argv))


def _add(monkeypatch: pytest.MonkeyPatch, sim: SimulatedPbx, *extra: str, password: str = TEST_PASSWORD) -> int:
    args = ("pbx", "add", "hq", sim.url, "--login", TEST_LOGIN, "--password-stdin", *extra)
    return _run(monkeypatch, *args, stdin=password + "\n")


def test_add_pins_stores_the_password_and_lists(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx, isolated_state: Path
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", format_fingerprint(sim.fingerprint), "--customer", "Müller") == 0
    assert "STARFACE 9.0.1.3" in capsys.readouterr().out
    with Inventory() as inventory:
        record = inventory.get("hq")
    assert record.fingerprint == sim.fingerprint and record.customer == "Müller"
    assert open_credentials().get_password("hq", TEST_LOGIN) == TEST_PASSWORD
    assert not any(TEST_PASSWORD.encode() in path.read_bytes() for path in isolated_state.rglob("*") if path.is_file())

    assert _run(monkeypatch, "pbx", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(row["name"], row["fingerprint"]) for row in listed] == [("hq", sim.fingerprint)]


def test_add_of_a_self_signed_pbx_without_fingerprint_shows_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim) == 1
    err = capsys.readouterr().err
    assert f"--fingerprint {sim.fingerprint}" in err
    assert format_fingerprint(sim.fingerprint) in err
    with Inventory() as inventory:
        assert inventory.list() == []


def test_add_with_a_wrong_password_saves_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint, password="wrong-one") == 1
    err = capsys.readouterr().err
    assert "refused the login" in err and "wrong-one" not in err
    with Inventory() as inventory:
        assert inventory.list() == []


def test_add_without_password_on_stdin_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint, password="") == 1
    assert "No password" in capsys.readouterr().err


def test_test_info_and_modules(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    capsys.readouterr()

    assert _run(monkeypatch, "pbx", "test", "hq") == 0
    out = capsys.readouterr().out
    assert "STARFACE 9.0.1.3" in out and f"agent {sim.state.agent_version}" in out

    assert _run(monkeypatch, "info", "--pbx", "hq", "--json") == 0
    info = json.loads(capsys.readouterr().out)
    assert info["server_license_key"] == sim.state.server_license_key
    assert [lic["kind"] for lic in info["licenses"]] == [lic.kind.value for lic in sim.state.licenses]

    assert _run(monkeypatch, "info", "--pbx", "hq") == 0
    assert sim.state.server_license_key in capsys.readouterr().out

    assert _run(monkeypatch, "modules", "--pbx", "hq", "--json") == 0
    modules = json.loads(capsys.readouterr().out)
    sample = next(module for module in modules if module["id"] == SAMPLE_MODULE_ID)
    assert sample["instances"] == [{"name": "Weiterleitung Zentrale", "active": True}]

    assert _run(monkeypatch, "modules", "--pbx", "hq") == 0
    assert "Weiterleitung Zentrale (active)" in capsys.readouterr().out


def test_remove_forgets_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    assert _run(monkeypatch, "pbx", "remove", "hq") == 0
    with Inventory() as inventory:
        assert inventory.list() == []
    assert _run(monkeypatch, "pbx", "test", "hq") == 1
    assert "no PBX named 'hq'" in capsys.readouterr().err
    with pytest.raises(Exception, match="No password"):
        open_credentials().get_password("hq", TEST_LOGIN)


def test_unreachable_pbx_is_one_line_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    sim.stop()
    capsys.readouterr()
    assert _run(monkeypatch, "modules", "--pbx", "hq") == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and err.count("\n") == 1
