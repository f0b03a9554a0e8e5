"""``modmanager pbx trust NAME``: re-pin a changed certificate after showing both fingerprints."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.pbx.tls import format_fingerprint
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord

OLD_PIN = "ab" * 32


@pytest.fixture
def changed(tmp_path: Path) -> Iterator[SimulatedPbx]:
    """A PBX whose pinned fingerprint is no longer the certificate it presents."""
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet:
        sim = fleet.pbxs[0]
        with Inventory() as inventory:
            inventory.add(PbxRecord("hq", sim.url, TEST_LOGIN, fingerprint=OLD_PIN))
        credentials = open_credentials()
        credentials.set_password("hq", TEST_LOGIN, TEST_PASSWORD)
        credentials.set_agent_secret("hq", TEST_AGENT_SECRET)
        yield sim


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _pin() -> str | None:
    with Inventory() as inventory:
        return inventory.get("hq").fingerprint


def test_a_changed_certificate_is_refused_until_trusted(
    changed: SimulatedPbx, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(monkeypatch, capsys, "pbx", "test", "hq")
    assert code == 1 and "has changed" in err and "pbx trust" in err

    code, out, err = _run(
        monkeypatch, capsys, "pbx", "trust", "hq", "--fingerprint", format_fingerprint(changed.fingerprint)
    )
    assert code == 0, err
    assert format_fingerprint(changed.fingerprint) in out and "Pinned" in out
    assert _pin() == changed.fingerprint

    code, out, err = _run(monkeypatch, capsys, "pbx", "test", "hq")
    assert code == 0, err


def test_without_a_terminal_both_fingerprints_are_shown_and_nothing_is_pinned(
    changed: SimulatedPbx, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(monkeypatch, capsys, "pbx", "trust", "hq")
    assert code == 1
    assert format_fingerprint(OLD_PIN) in err and format_fingerprint(changed.fingerprint) in err
    assert err.strip().splitlines()[-1].startswith("modmanager: ") and "--yes" in err
    assert "Traceback" not in err
    assert _pin() == OLD_PIN


def test_a_fingerprint_the_pbx_does_not_present_is_never_pinned(
    changed: SimulatedPbx, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(monkeypatch, capsys, "pbx", "trust", "hq", "--fingerprint", "cd" * 32)
    assert code == 1 and err.count("\n") == 1 and "nothing was pinned" in err
    assert _pin() == OLD_PIN
    code, _, err = _run(monkeypatch, capsys, "pbx", "trust", "hq", "--fingerprint", "not-hex")
    assert code == 1 and "64 hex digits" in err
    assert _pin() == OLD_PIN


def test_yes_pins_what_is_presented_and_json_says_so(
    changed: SimulatedPbx, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(monkeypatch, capsys, "pbx", "trust", "hq", "--yes", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["pinned"] == changed.fingerprint and data["changed"] is False
    code, out, _ = _run(monkeypatch, capsys, "pbx", "trust", "hq", "--json")
    assert code == 0 and json.loads(out)["changed"] is False, "nothing to do once it is pinned"


def test_an_unknown_pbx_is_one_sentence(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(monkeypatch, capsys, "pbx", "trust", "nirgends")
    assert code == 1 and err.count("\n") == 1 and "nirgends" in err
