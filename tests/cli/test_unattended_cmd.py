"""The unattended commands one by one: holds and skips, windows, schedules, audit, notify."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import PBX_A, PBX_B, Cli, CliWorld
from tests.ops.world import MODULE_A


def test_hold_and_skip_change_what_refresh_offers(cli_world: CliWorld, cli: Cli) -> None:
    before = json.loads(cli("refresh", "--json").out)
    offered = {doc["name"]: [item["moduleId"] for item in doc["updates"]] for doc in before["pbxs"]}
    assert MODULE_A in offered[PBX_A]

    held = cli("hold", "Anrufweiterleitung", "--pbx", PBX_A, "--reason", "Kunde testet erst")
    assert held.code == 0, held.err
    assert held.out.startswith("Held ")
    after = json.loads(cli("refresh", "--json").out)
    doc = next(item for item in after["pbxs"] if item["name"] == PBX_A)
    assert MODULE_A not in [item["moduleId"] for item in doc["updates"]]
    assert doc["held"] == [{"moduleId": MODULE_A, "name": "Anrufweiterleitung", "reason": "Kunde testet erst"}]
    assert "held on this PBX: Kunde testet erst" in cli("refresh").out

    listing = json.loads(cli("holds", "--json").out)
    assert [(item["kind"], item["scope"], item["target"], item["version"]) for item in listing] == [
        ("hold", "pbx", PBX_A, 126)
    ]
    assert cli("unhold", MODULE_A, "--pbx", PBX_A).code == 0
    missing = cli("unhold", MODULE_A, "--pbx", PBX_A)
    assert missing.code == 1 and missing.err.count("\n") == 1 and "no hold" in missing.err

    # Skipping v130 fleet-wide: kunde-a is offered only the paid v140 now.
    assert cli("skip", MODULE_A, "--version", "130", "--fleet", "--reason", "Fehler in der Rufumleitung").code == 0
    again = json.loads(cli("refresh", "--json").out)
    doc = next(item for item in again["pbxs"] if item["name"] == PBX_A)
    update = next(item for item in doc["updates"] if item["moduleId"] == MODULE_A)
    assert (update["target"], update["targetIsPaid"], update["freeTarget"]) == (140, True, None)
    assert cli("unskip", MODULE_A, "--version", "130", "--fleet").code == 0
    rows = json.loads(cli("audit", "--json").out)
    assert [row["action"] for row in rows if row["action"] in ("hold", "unhold", "skip", "unskip")] == [
        "hold",
        "unhold",
        "skip",
        "unskip",
    ]


def test_windows_set_list_import_and_errors(cli_world: CliWorld, cli: Cli, tmp_path: Path) -> None:
    bad = cli("window", "set", "--pbx", PBX_A, "Mon-Fri 25:00-02:00")
    assert bad.code == 1 and bad.err.count("\n") == 1 and "not HH:MM" in bad.err
    assert cli("window", "set", "--pbx", PBX_A, "Mo-Fr 22:00-02:00").out == (
        f"The maintenance window of {PBX_A} is now Mon-Fri 22:00-02:00 Europe/Berlin.\n"
    )
    csv_file = tmp_path / "windows.csv"
    csv_file.write_text(f"scope,name,window\npbx,{PBX_B},Sat 06:00-08:00 UTC\n", encoding="utf-8")
    assert cli("window", "import", str(csv_file)).code == 0
    listed = {item["pbx"]: item for item in json.loads(cli("window", "list", "--json").out)}
    assert listed[PBX_A]["window"] == "Mon-Fri 22:00-02:00 Europe/Berlin"
    assert listed[PBX_B]["window"] == "Sat 06:00-08:00 UTC" and listed[PBX_B]["source"] == "pbx"
    assert cli("window", "export").out.splitlines()[1:] == [
        f"pbx,{PBX_A},Mon-Fri 22:00-02:00 Europe/Berlin",
        f"pbx,{PBX_B},Sat 06:00-08:00 UTC",
    ]
    csv_file.write_text("pbx,nobody,daily 01:00-02:00\n", encoding="utf-8")
    refused = cli("window", "import", str(csv_file))
    assert refused.code == 1 and "Line 1 of the window list names the PBX 'nobody'" in refused.err
    assert cli("window", "clear", "--pbx", PBX_B).code == 0


def test_schedule_add_list_remove_and_run_due(cli_world: CliWorld, cli: Cli) -> None:
    none = cli("schedule", "add", "--backup", "--pbx", PBX_A)
    assert none.code == 1 and "No maintenance window is set for kunde-a" in none.err
    cli("window", "set", "--pbx", PBX_A, "daily 00:00-00:00 UTC")
    cli("window", "set", "--pbx", PBX_B, "daily 00:00-00:00 UTC")
    added = json.loads(cli("schedule", "add", "--backup", "--all", "--json").out)
    assert sorted(job["pbx"] for job in added) == [PBX_A, PBX_B]
    rollout = cli("schedule", "add", "--rollout", "Anrufweiterleitung", "--version", "130", "--pbx", PBX_A, "--json")
    assert rollout.code == 0, rollout.err
    (job,) = json.loads(rollout.out)
    assert cli("schedule", "remove", job["id"]).code == 0
    listed = cli("schedule", "list")
    assert "back up" in listed.out and job["id"] not in listed.out

    ran = cli("run-due")
    assert ran.code == 0, ran.err
    assert ran.out.startswith("2 of 2 job(s) succeeded.")
    quiet = cli("run-due", "--quiet")
    assert (quiet.code, quiet.out) == (0, "")
    finished = json.loads(cli("schedule", "list", "--all", "--json").out)
    assert [job["state"] for job in finished] == ["succeeded", "succeeded"]


def test_notify_setup_password_and_a_failing_test(cli_world: CliWorld, cli: Cli, capsys: object) -> None:
    setup = cli(
        "notify", "setup", "--host", "127.0.0.1", "--port", "9", "--user", "partner",
        "--sender", "modmanager@partner.example", "--to", "technik@partner.example",
    )  # fmt: skip
    assert setup.code == 0 and "E-mail summary on: via 127.0.0.1:9 (starttls) as partner" in setup.out
    shown = json.loads(cli("settings", "show", "--json").out)
    assert "smtp-pw" not in json.dumps(shown)
    import io
    import sys

    sys.stdin = io.StringIO("smtp-pw\n")
    try:
        assert cli("notify", "set-password", "--password-stdin").code == 0
    finally:
        sys.stdin = sys.__stdin__
    failed = cli("notify", "test")
    assert failed.code == 1 and "could not be sent via 127.0.0.1:9" in failed.err and "smtp-pw" not in failed.err
    bad = cli("notify", "setup", "--host", "h", "--sender", "a@b.example", "--to", "not-an-address")
    assert bad.code == 1 and "not an e-mail address" in bad.err
