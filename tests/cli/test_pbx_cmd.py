"""``modmanager pbx add/edit/list/test/remove``, ``info`` and ``modules`` against a simulated PBX."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.protocol import AGENT_MODULE_ID
from modmanager.pbx.tls import format_fingerprint
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import (
    SAMPLE_MODULE_ID,
    TEST_AGENT_SECRET,
    TEST_LOGIN,
    TEST_PASSWORD,
    make_pbx,
    running_fleet,
)
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatedPbx]:
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
        yield fleet.pbxs[0]


def _run(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return run(list(argv))


def _add(
    monkeypatch: pytest.MonkeyPatch,
    sim: SimulatedPbx,
    *extra: str,
    password: str = TEST_PASSWORD,
    secret: str | None = TEST_AGENT_SECRET,
) -> int:
    """``pbx add hq``: password and (unless None) agent secret as two lines on stdin."""
    flags = ("--password-stdin",) if secret is None else ("--password-stdin", "--agent-secret-stdin")
    args = ("pbx", "add", "hq", sim.url, "--login", TEST_LOGIN, *flags, *extra)
    return _run(monkeypatch, *args, stdin=password + "\n" + ("" if secret is None else secret + "\n"))


def test_add_pins_stores_the_password_and_lists(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx, isolated_state: Path
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", format_fingerprint(sim.fingerprint), "--customer", "Müller") == 0
    assert "STARFACE 9.0.1.3" in capsys.readouterr().out
    with Inventory() as inventory:
        record = inventory.get("hq")
    assert record.fingerprint == sim.fingerprint and record.customer == "Müller"
    assert open_credentials().get_password("hq", TEST_LOGIN) == TEST_PASSWORD
    assert open_credentials().get_agent_secret("hq") == TEST_AGENT_SECRET
    for path in isolated_state.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert TEST_PASSWORD.encode() not in content and TEST_AGENT_SECRET.encode() not in content

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


def test_add_takes_the_agent_secret_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    monkeypatch.setenv("MODMANAGER_AGENT_SECRET", TEST_AGENT_SECRET)
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint, secret=None) == 0
    assert open_credentials().get_agent_secret("hq") == TEST_AGENT_SECRET
    assert TEST_AGENT_SECRET not in capsys.readouterr().out


def test_add_without_an_agent_secret_and_no_terminal_says_how_to_give_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    monkeypatch.delenv("MODMANAGER_AGENT_SECRET", raising=False)
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint, secret=None) == 1
    err = capsys.readouterr().err
    assert "--agent-secret-stdin" in err and "MODMANAGER_AGENT_SECRET" in err
    with Inventory() as inventory:
        assert inventory.list() == []


def test_add_with_a_wrong_agent_secret_says_where_the_right_one_is(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint, secret="not-the-secret") == 1
    err = capsys.readouterr().err
    assert f"The agent on {sim.url} refused the agent secret." in err
    assert "STARFACE admin > Module > Modul-Konfiguration" in err
    assert "not-the-secret" not in err
    with Inventory() as inventory:
        assert inventory.list() == []
    with pytest.raises(Exception, match="No agent secret"):
        open_credentials().get_agent_secret("hq")


def test_add_of_a_pbx_without_the_agent_points_to_the_install_steps(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with running_fleet(tmp_path / "bare", [make_pbx("bare", agent_installed=False)]) as fleet:
        assert _add(monkeypatch, fleet.pbxs[0], "--fingerprint", fleet.pbxs[0].fingerprint) == 1
    err = capsys.readouterr().err
    assert "does not answer" in err and "modmanager agent export" in err and "docs/agent-install" in err


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
    assert "protocol 2" in out and "deleteInstance" in out

    assert _run(monkeypatch, "pbx", "test", "hq", "--json") == 0
    tested = json.loads(capsys.readouterr().out)
    assert tested["capabilities"] == sorted(sim.state.capabilities)
    assert tested["max_chunk_size"] == 256 * 1024

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


def test_test_with_a_changed_agent_secret_says_how_to_store_the_new_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    sim.state.modules[AGENT_MODULE_ID].instances[0].values["agentSecret"] = "rotated-secret"
    capsys.readouterr()
    assert _run(monkeypatch, "pbx", "test", "hq") == 1
    err = capsys.readouterr().err
    assert "refused the agent secret" in err and "modmanager pbx edit hq --agent-secret-stdin" in err
    assert "rotated-secret" not in err and TEST_AGENT_SECRET not in err

    assert _run(monkeypatch, "pbx", "edit", "hq", "--agent-secret-stdin", stdin="rotated-secret\n") == 0
    assert open_credentials().get_agent_secret("hq") == "rotated-secret"
    assert _run(monkeypatch, "pbx", "test", "hq") == 0


def test_edit_renames_and_moves_both_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    assert _run(monkeypatch, "pbx", "edit", "hq", "--rename", "zentrale", "--customer", "Müller") == 0
    with Inventory() as inventory:
        assert [(record.name, record.customer) for record in inventory.list()] == [("zentrale", "Müller")]
    credentials = open_credentials()
    assert credentials.get_password("zentrale", TEST_LOGIN) == TEST_PASSWORD
    assert credentials.get_agent_secret("zentrale") == TEST_AGENT_SECRET
    with pytest.raises(Exception, match="No agent secret"):
        credentials.get_agent_secret("hq")


def test_edit_with_a_wrong_secret_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    assert _run(monkeypatch, "pbx", "edit", "hq", "--agent-secret-stdin", stdin="wrong\n") == 1
    assert "refused the agent secret" in capsys.readouterr().err
    assert open_credentials().get_agent_secret("hq") == TEST_AGENT_SECRET


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
    with pytest.raises(Exception, match="No agent secret"):
        open_credentials().get_agent_secret("hq")


def test_unreachable_pbx_is_one_line_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sim: SimulatedPbx
) -> None:
    assert _add(monkeypatch, sim, "--fingerprint", sim.fingerprint) == 0
    sim.stop()
    capsys.readouterr()
    assert _run(monkeypatch, "modules", "--pbx", "hq") == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and err.count("\n") == 1


def test_a_bad_address_is_refused_before_any_secret_is_asked_for(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], isolated_state: Path
) -> None:
    monkeypatch.delenv("MODMANAGER_AGENT_SECRET", raising=False)
    stdin = io.StringIO("")
    monkeypatch.setattr("sys.stdin", stdin)
    assert run(["pbx", "add", "hq", "http://pbx.example", "--login", "0001", "--password-stdin"]) == 1
    error = capsys.readouterr().err
    assert "https" in error and "secret" not in error and "password" not in error
    with Inventory() as inventory:
        assert inventory.list() == []
