"""A catalog that cannot be used is never silent: the source and the reason on stderr and in
--json, no PBX called "up to date", and exit code 3 for refresh and update --all."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from modmanager.cli.main import EXIT_INCOMPLETE, build_parser
from modmanager.store.settings import CatalogSource, load_settings, save_settings
from tests.cli.conftest import PBX_A, PBX_B, Cli, CliWorld


def flip_signature(world: CliWorld) -> None:
    signature = world.tmp_path / "vendor" / "catalog.json.sig"
    signature.write_bytes(bytes(byte ^ 0x01 for byte in signature.read_bytes()))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def point_at_an_unreachable_source() -> None:
    settings = load_settings()
    key = settings.catalog_sources[0].public_key
    url = f"https://127.0.0.1:{closed_port()}/catalog.json"
    save_settings(settings.with_changes(catalog_sources=(CatalogSource("Fernkatalog", url, key),)))


def test_a_tampered_catalog_makes_refresh_exit_3_naming_the_source(cli_world: CliWorld, cli: Cli) -> None:
    flip_signature(cli_world)
    outcome = cli("refresh")
    assert outcome.code == EXIT_INCOMPLETE == 3
    (line,) = outcome.err.strip().splitlines()
    assert line.startswith("modmanager: The refresh is incomplete: 1 catalog could not be used (Test: ")
    assert "not signed by a trusted key" in line
    assert "up-to-date" not in outcome.out
    assert "catalog-unavailable" in outcome.out

    as_json = cli("refresh", "--json")
    assert as_json.code == 3
    document = json.loads(as_json.out)
    (problem,) = document["catalogProblems"]
    assert problem["source"] == "Test" and "not signed by a trusted key" in problem["reason"]
    assert {pbx["name"]: (pbx["status"], pbx["incomplete"]) for pbx in document["pbxs"]} == {
        PBX_A: ("catalog-unavailable", True),
        PBX_B: ("catalog-unavailable", True),
    }


def test_an_unreachable_catalog_makes_refresh_exit_3_naming_the_source(cli_world: CliWorld, cli: Cli) -> None:
    point_at_an_unreachable_source()
    outcome = cli("refresh", "--pbx", PBX_A)
    assert outcome.code == 3
    (line,) = outcome.err.strip().splitlines()
    assert "Fernkatalog" in line and "cannot be fetched" in line
    assert "up-to-date" not in outcome.out


def test_update_all_with_a_tampered_catalog_does_not_say_up_to_date_and_exits_3(cli_world: CliWorld, cli: Cli) -> None:
    flip_signature(cli_world)
    outcome = cli("update", "--pbx", PBX_A, "--all", "--yes")
    assert outcome.code == 3
    assert "up to date" not in outcome.out
    assert "a catalog could not be used" in outcome.out
    (line,) = outcome.err.strip().splitlines()
    assert "The list of updates for kunde-a is incomplete" in line and "Test" in line
    assert cli_world.module(PBX_A, "3f2c9a1e-5b7d-4e08-9c61-0a4b8d2e7f15").version == 126  # nothing changed

    as_json = json.loads(cli("update", "--pbx", PBX_A, "--all", "--json", "--dry-run").out)
    assert [problem["source"] for problem in as_json["catalogProblems"]] == ["Test"]


def test_update_all_with_an_unreachable_catalog_exits_3(cli_world: CliWorld, cli: Cli) -> None:
    point_at_an_unreachable_source()
    outcome = cli("update", "--pbx", PBX_A, "--all", "--yes")
    assert outcome.code == 3
    assert "Fernkatalog" in outcome.err and "up to date" not in outcome.out


def test_other_commands_warn_with_the_source_and_the_reason(cli_world: CliWorld, cli: Cli) -> None:
    flip_signature(cli_world)
    outcome = cli("update", "--pbx", PBX_A, "--module", "Anrufweiterleitung", "--dry-run")
    assert outcome.code == 1
    warning, error = outcome.err.strip().splitlines()
    assert warning.startswith("modmanager: warning: the catalog Test cannot be used (") and "incomplete" in warning
    assert error.startswith("modmanager: ")


def test_a_saved_copy_stands_in_with_a_note_and_the_answer_stays_complete(cli_world: CliWorld, cli: Cli) -> None:
    assert cli("refresh").code == 0  # saves a good copy
    settings = load_settings()
    source = settings.catalog_sources[0]
    moved = cli_world.tmp_path / "moved-away"
    Path(source.location).rename(moved)
    outcome = cli("refresh")
    assert outcome.code == 0, outcome.err
    assert "modmanager: note: The catalog Test cannot be fetched" in outcome.err
    assert "updates-available" in outcome.out


def test_the_exit_codes_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    text = build_parser().format_help()
    assert "3  incomplete: a configured catalog could not be fetched or failed its signature" in text
