"""``modmanager backup ...`` end to end against simulated PBXs over HTTPS."""

from __future__ import annotations

import getpass
import io
import json
import sys
from typing import Any

import keyring
import keyring.backends.fail
import pytest

from modmanager.cli.services import MASK
from modmanager.core.sfmbuild import example_spec
from tests.cli.conftest import B_SITE_VALUES, PBX_A, PBX_B, Cli, CliWorld
from tests.ops.world import A_VALUES, B_INTERNAL, MODULE_A, MODULE_B

EXPORT_PASSWORD = "export-pw-Straße-42"


class TerminalInput(io.StringIO):
    """stdin as a person at a terminal would type it."""

    def isatty(self) -> bool:
        return True


def backups(cli: Cli, *filters: str) -> list[dict[str, Any]]:
    outcome = cli("backup", "list", "--json", *filters)
    assert outcome.code == 0, outcome.err
    listed: list[dict[str, Any]] = json.loads(outcome.out)["backups"]
    return listed


def test_create_by_name_then_list_and_show_with_the_password_masked(cli_world: CliWorld, cli: Cli) -> None:
    created = cli("backup", "create", "--pbx", PBX_A, "--module", "anrufweiterleitung")
    assert created.code == 0, created.err
    assert "Anrufweiterleitung" in created.out and "v126" in created.out

    (listed,) = backups(cli)
    assert (listed["pbxName"], listed["moduleId"], listed["moduleVersion"]) == (PBX_A, MODULE_A, 126)
    table = cli("backup", "list")
    assert table.code == 0
    header, row = table.out.strip().splitlines()
    assert header.split() == ["ID", "DATE", "PBX", "MODULE", "VERSION", "REASON", "INSTANCES"]
    assert row.split()[0] == listed["backupId"] and "1 (1 active)" in row

    shown = cli("backup", "show", listed["backupId"])
    assert shown.code == 0
    assert 'Instance "Weiterleitung Zentrale" (active)' in shown.out
    assert str(A_VALUES["targetNumber"]) in shown.out
    password_line = next(line for line in shown.out.splitlines() if "[apiPassword]" in line)
    assert password_line.split()[-1] == MASK

    as_json = json.loads(cli("backup", "show", listed["backupId"], "--json").out)
    (instance,) = as_json["instances"]
    assert instance["active"] is True
    assert instance["values"] == {**A_VALUES, "apiPassword": MASK}


def test_create_all_and_filters(cli_world: CliWorld, cli: Cli) -> None:
    created = cli("backup", "create", "--pbx", PBX_A, "--all", "--json")
    assert created.code == 0, created.err
    assert {item["moduleId"] for item in json.loads(created.out)["backups"]} == {MODULE_A, MODULE_B}
    assert cli("backup", "create", "--pbx", PBX_B, "--module", MODULE_A).code == 0

    assert len(backups(cli)) == 3
    assert {item["pbxName"] for item in backups(cli, "--pbx", PBX_B)} == {PBX_B}
    assert {item["moduleId"] for item in backups(cli, "--module", "Telefonbuch-Sync")} == {MODULE_B}
    assert len(backups(cli, "--module", MODULE_A)) == 2


def test_fleet_backup_covers_every_pbx_and_reports_one_that_fails(cli_world: CliWorld, cli: Cli) -> None:
    created = cli("backup", "create", "--fleet", "--json")
    assert created.code == 0, created.err
    made = json.loads(created.out)["backups"]
    assert {(item["pbxName"], item["moduleId"]) for item in made} == {
        (PBX_A, MODULE_A),
        (PBX_A, MODULE_B),
        (PBX_B, MODULE_A),
    }
    cli_world.fleet.get(PBX_B).stop()
    partial = cli("backup", "create", "--fleet")
    assert partial.code == 1
    assert f"{PBX_B}: not backed up" in partial.out
    assert len(backups(cli)) == 5


@pytest.mark.parametrize(
    "argv",
    [("--fleet", "--all"), ("--pbx", PBX_A), ("--fleet", "--module", "x")],
)
def test_create_needs_a_clear_choice(cli_world: CliWorld, cli: Cli, argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as usage:
        cli("backup", "create", *argv)
    assert usage.value.code == 2


def test_unknown_module_name_is_one_clear_line(cli_world: CliWorld, cli: Cli) -> None:
    outcome = cli("backup", "create", "--pbx", PBX_A, "--module", "Gibt es nicht")
    assert outcome.code == 1
    assert outcome.err.count("\n") == 1 and "no module named 'Gibt es nicht'" in outcome.err
    assert backups(cli) == []


def test_usage_errors_exit_2(cli_world: CliWorld, cli: Cli) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("backup", "create", "--pbx", PBX_A)
    assert exited.value.code == 2


def test_restore_onto_another_pbx_shows_the_plan_then_writes_what_fits(cli_world: CliWorld, cli: Cli) -> None:
    cli("backup", "create", "--pbx", PBX_A, "--module", MODULE_A)
    (backup,) = backups(cli)
    before = [(inst.name, dict(inst.values)) for inst in cli_world.module(PBX_B, MODULE_A).instances]

    refused = cli("backup", "restore", backup["backupId"], "--pbx", PBX_B)
    assert refused.code == 1
    assert "Add --yes" in refused.err and refused.err.count("\n") == 1
    assert "dropped: Klingeldauer (Sekunden) [ringSeconds] (v130 has no such setting)" in refused.out
    assert 'Instance "Weiterleitung Zentrale" (active) - creates this instance' in refused.out
    assert "Mailbox bei Nichterreichen [voicemailBox] = false" in refused.out
    assert [(inst.name, dict(inst.values)) for inst in cli_world.module(PBX_B, MODULE_A).instances] == before

    restored = cli("backup", "restore", backup["backupId"], "--pbx", PBX_B, "--yes")
    assert restored.code == 0, restored.err
    assert "created Weiterleitung Zentrale" in restored.out
    instances = {inst.name: inst for inst in cli_world.module(PBX_B, MODULE_A).instances}
    assert instances["Weiterleitung Filiale"].values == B_SITE_VALUES, "other instances are left alone"
    copied = instances["Weiterleitung Zentrale"]
    assert copied.active
    assert copied.values["targetNumber"] == A_VALUES["targetNumber"]
    assert copied.values["apiPassword"] == A_VALUES["apiPassword"]
    assert "ringSeconds" not in copied.values
    safety = [item for item in backups(cli, "--pbx", PBX_B) if item["reason"] == "pre-restore"]
    assert len(safety) == 1 and safety[0]["backupId"] in restored.out


def test_restore_asks_on_a_terminal_and_no_changes_nothing(
    cli_world: CliWorld, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("backup", "create", "--pbx", PBX_A, "--module", MODULE_B)
    (backup,) = backups(cli)
    sim_module = cli_world.module(PBX_A, MODULE_B)
    sim_module.instances[0].values["syncMinutes"] = 99

    monkeypatch.setattr(sys, "stdin", TerminalInput("n\n"))
    declined = cli("backup", "restore", backup["backupId"], "--pbx", PBX_A, "--instance", "Telefonbuch")
    assert declined.code == 1 and "Cancelled" in declined.err
    assert "[y/N]" in declined.err
    assert sim_module.instances[0].values["syncMinutes"] == 99

    monkeypatch.setattr(sys, "stdin", TerminalInput("ja\n"))
    accepted = cli("backup", "restore", backup["backupId"], "--pbx", PBX_A, "--instance", "Telefonbuch")
    assert accepted.code == 0, accepted.err
    assert "Internal module data (1.0 KiB) is written back." in accepted.out
    module = cli_world.module(PBX_A, MODULE_B)
    assert module.instances[0].values["syncMinutes"] == 30
    assert module.internal_data == B_INTERNAL


def test_restore_of_an_unknown_instance_or_missing_module_is_refused(cli_world: CliWorld, cli: Cli) -> None:
    cli("backup", "create", "--pbx", PBX_A, "--module", MODULE_B)
    (backup,) = backups(cli)
    unknown = cli("backup", "restore", backup["backupId"], "--pbx", PBX_A, "--instance", "Nope", "--yes")
    assert unknown.code == 1 and "no instance named 'Nope'" in unknown.err
    missing = cli("backup", "restore", backup["backupId"], "--pbx", PBX_B, "--yes")
    assert missing.code == 1 and "not installed on kunde-b" in missing.err


def test_export_import_and_restore_on_the_second_pbx(
    cli_world: CliWorld, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("backup", "create", "--pbx", PBX_A, "--module", MODULE_A)
    (backup,) = backups(cli)
    exported = cli_world.tmp_path / "weiterleitung.mmx"

    monkeypatch.setattr(sys, "stdin", io.StringIO(EXPORT_PASSWORD + "\n"))
    outcome = cli("backup", "export", backup["backupId"], "--out", str(exported), "--password-stdin")
    assert outcome.code == 0, outcome.err
    assert exported.is_file() and EXPORT_PASSWORD not in outcome.out
    assert EXPORT_PASSWORD.encode() not in exported.read_bytes()
    assert str(A_VALUES["apiPassword"]).encode() not in exported.read_bytes()

    again = cli("backup", "export", backup["backupId"], "--out", str(exported), "--password-stdin")
    assert again.code == 1 and "already exists" in again.err

    no_terminal = cli("backup", "import", str(exported))
    assert no_terminal.code == 1 and "--password-stdin" in no_terminal.err

    monkeypatch.setattr(sys, "stdin", io.StringIO("falsch\n"))
    wrong = cli("backup", "import", str(exported), "--password-stdin")
    assert wrong.code == 1 and "password" in wrong.err and "wrong" in wrong.err

    monkeypatch.setattr(sys, "stdin", io.StringIO(EXPORT_PASSWORD + "\n"))
    imported = cli("backup", "import", str(exported), "--password-stdin", "--json")
    assert imported.code == 0, imported.err
    info = json.loads(imported.out)
    assert info["reason"] == "import" and info["backupId"] != backup["backupId"]
    assert EXPORT_PASSWORD not in imported.out + imported.err

    only = ("--instance", "Weiterleitung Zentrale")
    restored = cli("backup", "restore", info["backupId"], "--pbx", PBX_B, *only, "--yes")
    assert restored.code == 0, restored.err
    names = {inst.name for inst in cli_world.module(PBX_B, MODULE_A).instances}
    assert names == {"Weiterleitung Filiale", "Weiterleitung Zentrale"}


def test_tampered_and_damaged_backups_are_refused_and_listed(cli_world: CliWorld, cli: Cli) -> None:
    cli("backup", "create", "--pbx", PBX_A, "--all")
    first, second = backups(cli)
    folder = cli_world.home / "backups"
    path = folder / f"{first['backupId']}.mmb"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))

    show = ("backup", "show", first["backupId"])
    restore = ("backup", "restore", first["backupId"], "--pbx", PBX_A, "--yes")
    for argv in (show, restore):
        refused = cli(*argv)
        assert refused.code == 1
        assert "damaged or was changed" in refused.err and "will not be restored" in refused.err
        assert refused.err.count("\n") == 1

    (folder / "20250101T000000Z-0badf00d.mmb").write_bytes(b"not a backup at all")
    listing = cli("backup", "list")
    assert "2 damaged files" in listing.out and "20250101T000000Z-0badf00d.mmb" in listing.out
    assert "do not match its checksum" in listing.out, "the changed backup is listed as damaged, not as normal"
    damaged = json.loads(cli("backup", "list", "--json").out)["damaged"]
    assert sorted(item["file"].rsplit("/", 1)[-1] for item in damaged) == sorted(
        ["20250101T000000Z-0badf00d.mmb", f"{first['backupId']}.mmb"]
    )
    assert [item["backupId"] for item in backups(cli)] == [second["backupId"]]

    assert cli("backup", "delete", "20250101T000000Z-0badf00d", "--yes").code == 0
    assert cli("backup", "delete", second["backupId"]).code == 1, "no terminal and no --yes"
    assert cli("backup", "delete", second["backupId"], "--yes").code == 0
    assert backups(cli) == []
    damaged = json.loads(cli("backup", "list", "--json").out)["damaged"]
    assert [item["backupId"] for item in damaged] == [first["backupId"]]


def test_a_module_without_instances_shows_so(cli_world: CliWorld, cli: Cli) -> None:
    cli_world.module(PBX_B, MODULE_A).instances.clear()
    cli("backup", "create", "--pbx", PBX_B, "--module", example_spec().name)
    (backup,) = backups(cli)
    shown = cli("backup", "show", backup["backupId"])
    assert shown.code == 0 and "No instances." in shown.out


def test_master_password_is_asked_only_on_a_terminal(
    cli_world: CliWorld, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a usable keyring the secrets file needs the master password: env, prompt, or a clear refusal."""
    keyring.set_keyring(keyring.backends.fail.Keyring())
    refused = cli("backup", "list")
    assert refused.code == 1 and refused.err.count("\n") == 1
    assert "no terminal" in refused.err and "MODMANAGER_MASTER_PASSWORD" in refused.err

    asked: list[str] = []

    def fake_getpass(prompt: str, stream: object = None) -> str:
        asked.append(prompt)
        return "Master-Passwort-1"

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", TerminalInput(""))
    assert cli("backup", "list").code == 0
    assert asked == ["modmanager master password: "]

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setenv("MODMANAGER_MASTER_PASSWORD", "Master-Passwort-1")
    assert cli("backup", "list").out.strip() == "No backups."
    assert len(asked) == 1, "the variable answers the question; nobody is asked"
