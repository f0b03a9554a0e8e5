"""``modmanager update``, ``recover``, ``refresh`` and ``readiness`` end to end over HTTPS."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from modmanager.cli.services import ProgressPrinter
from modmanager.store.journal import Journal
from tests.cli.conftest import B_SITE_VALUES, PBX_A, PBX_B, Cli, CliWorld
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_A, MODULE_B, MODULE_C


class TerminalInput(io.StringIO):
    def isatty(self) -> bool:
        return True


class TerminalOutput(io.StringIO):
    def isatty(self) -> bool:
        return True


def state(world: CliWorld, pbx: str = PBX_A) -> dict[str, Any]:
    """Everything an update could change on a PBX, for before/after comparisons."""
    return {
        module_id: (
            module.version,
            [(i.name, i.active, dict(i.values)) for i in module.instances],
            module.internal_data,
        )
        for module_id, module in world.sim(pbx).state.modules.items()
    }


def json_out(outcome: Any) -> Any:
    assert outcome.code == 0, outcome.err
    return json.loads(outcome.out)


# --- update one module ------------------------------------------------------------------------------


def test_dry_run_prints_the_preview_and_changes_nothing(cli_world: CliWorld, cli: Cli) -> None:
    before = state(cli_world)
    outcome = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "130", "--dry-run")
    assert outcome.code == 0, outcome.err
    lines = outcome.out.splitlines()
    assert lines[0].startswith("Update ") and "on kunde-a (STARFACE 9.0.1.3)" in lines[0]
    assert any(line.split() == ["From:", "v126"] for line in lines)
    assert any(line.split() == ["To:", "v130", "(standard", "build)"] for line in lines)
    assert any(line.split() == ["Cost:", "free"] for line in lines)
    assert any(line.split()[:2] == ["Compatibility:", "compatible"] for line in lines)
    assert "DROPPED: Klingeldauer (Sekunden) [ringSeconds]" in outcome.out
    assert "new:     Mailbox bei Nichterreichen [voicemailBox] = false" in outcome.out
    assert "available (v126 can be put back" in outcome.out
    assert lines[-1] == "Dry run: nothing was changed."

    newest = json_out(cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--dry-run", "--json"))
    preview = newest["preview"]
    assert newest["dryRun"] is True
    assert (preview["fromVersion"], preview["toVersion"], preview["paid"]) == (126, 140, True)
    assert preview["freeAlternative"] == 130 and preview["rollbackAvailable"] is True
    (instance,) = preview["instances"]
    assert instance["dropped"] == ["ringSeconds"] and instance["new"][0]["variableId"] == "voicemailBox"
    assert "apiPassword" in instance["carried"]

    assert state(cli_world) == before
    assert json_out(cli("backup", "list", "--json"))["backups"] == []
    assert Journal(cli_world.home / "journal").unfinished() == []


def test_update_of_the_internal_database_module_keeps_every_setting(cli_world: CliWorld, cli: Cli) -> None:
    outcome = cli("update", "--pbx", PBX_A, "--module", "telefonbuch-sync", "--yes")
    assert outcome.code == 0, outcome.err
    final = outcome.out.strip().splitlines()[-1]
    assert "now runs v4 (was v3): 2 instances restored, 1 re-activated" in final
    module = cli_world.module(PBX_A, MODULE_B)
    assert module.version == 4
    instances = {inst.name: inst for inst in module.instances}
    assert instances["Telefonbuch"].values == {**B_VALUES, "fullSync": True}
    assert instances["Telefonbuch"].active and not instances["Telefonbuch Filiale"].active
    assert instances["Telefonbuch Filiale"].values["serverUrl"] == "https://crm-filiale.kunde-a.de"
    assert module.internal_data == B_INTERNAL
    progress = outcome.err.splitlines()
    assert "Telefonbuch-Sync: upload    100%" in progress and "Telefonbuch-Sync: restore   100%" in progress
    assert all(line.startswith("Telefonbuch-Sync: ") for line in progress), "plain progress lines, nothing else"


def test_paid_upgrade_is_refused_without_accept_paid(cli_world: CliWorld, cli: Cli) -> None:
    before = state(cli_world)
    refused = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "140", "--yes")
    assert refused.code == 1
    assert refused.err.count("\n") == 1
    assert "paid upgrade" in refused.err and "new module license key" in refused.err
    assert "nothing was changed" in refused.err and "--to 130" in refused.err
    assert "PAID - v140 needs a new module license key; free alternative: v130 (--to 130)" in refused.out
    assert state(cli_world) == before

    accepted = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "140", "--yes", "--accept-paid", "--json")
    document = json_out(accepted)
    assert document["preview"]["paid"] is True and document["preview"]["freeAlternative"] == 130
    assert document["result"]["toVersion"] == 140
    assert cli_world.module(PBX_A, MODULE_A).version == 140


def test_update_needs_a_confirmation(cli_world: CliWorld, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(cli_world)
    no_terminal = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "130")
    assert no_terminal.code == 1 and "Add --yes" in no_terminal.err and no_terminal.err.count("\n") == 1
    assert state(cli_world) == before

    monkeypatch.setattr(sys, "stdin", TerminalInput("\n"))
    declined = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "130")
    assert declined.code == 1 and "from v126 to v130? [y/N]" in declined.err
    assert state(cli_world) == before

    monkeypatch.setattr(sys, "stdin", TerminalInput("y\n"))
    accepted = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "130")
    assert accepted.code == 0, accepted.err
    module = cli_world.module(PBX_A, MODULE_A)
    assert module.version == 130
    (instance,) = module.instances
    assert instance.active
    expected = {key: value for key, value in A_VALUES.items() if key != "ringSeconds"}
    assert instance.values == {**expected, "voicemailBox": False}


def test_fresh_install_and_module_names(cli_world: CliWorld, cli: Cli) -> None:
    installed = cli("update", "--pbx", PBX_A, "--module", "Emergency Redirect", "--yes")
    assert installed.code == 0, installed.err
    assert installed.out.startswith("Install Notfallumleitung on kunde-a")
    assert "v7 was installed on kunde-a" in installed.out
    assert cli_world.module(PBX_A, MODULE_C).version == 7

    unknown = cli("update", "--pbx", PBX_A, "--module", "Faxweiche", "--dry-run")
    assert unknown.code == 1 and "no module named 'Faxweiche'" in unknown.err

    up_to_date = cli("update", "--pbx", PBX_A, "--module", MODULE_C, "--dry-run")
    assert up_to_date.code == 1 and "is up to date" in up_to_date.err


@pytest.mark.parametrize(
    "argv",
    [
        ("--all", "--to", "130"),
        ("--all", "--accept-paid"),
        ("--module", MODULE_A, "--continue-on-failure"),
        ("--module", MODULE_A, "--nfr", "--standard"),
        ("--module", MODULE_A, "--all"),
    ],
)
def test_contradicting_flags_are_usage_errors(cli_world: CliWorld, cli: Cli, argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("update", "--pbx", PBX_A, *argv)
    assert exited.value.code == 2


# --- update --all ------------------------------------------------------------------------------------


def test_update_all_applies_every_free_update(cli_world: CliWorld, cli: Cli) -> None:
    before = state(cli_world)
    dry = cli("update", "--pbx", PBX_A, "--all", "--dry-run")
    assert dry.code == 0, dry.err
    assert "Anrufweiterleitung  v126  v130" in dry.out and "Telefonbuch-Sync    v3    v4" in dry.out
    assert state(cli_world) == before

    done = cli("update", "--pbx", PBX_A, "--all", "--yes")
    assert done.code == 0, done.err
    assert done.out.strip().splitlines()[-1] == "Summary for kunde-a: 2 updated, 0 failed, 0 skipped."
    assert cli_world.module(PBX_A, MODULE_A).version == 130, "v140 is paid and never part of --all"
    assert cli_world.module(PBX_A, MODULE_B).version == 4

    nothing = cli("update", "--pbx", PBX_A, "--all", "--yes", "--json")
    assert json_out(nothing)["planned"] == []


def test_update_all_stops_or_continues_after_a_failure(cli_world: CliWorld, cli: Cli) -> None:
    cli_world.sim(PBX_A).faults.fail("uploadBegin", times=1)
    stopped = cli("update", "--pbx", PBX_A, "--all", "--yes", "--json")
    assert stopped.code == 1
    (error_line,) = [line for line in stopped.err.splitlines() if line.startswith("modmanager: ")]
    assert "1 of 2 updates on kunde-a failed; 1 not attempted" in error_line
    assert stopped.err.splitlines()[-1] == error_line
    document = json.loads(stopped.out)
    assert len(document["failed"]) == 1 and len(document["skipped"]) == 1 and document["succeeded"] == []
    assert "Nothing was changed" in document["failed"][0]["error"]
    assert {cli_world.module(PBX_A, m).version for m in (MODULE_A, MODULE_B)} == {126, 3}

    cli_world.sim(PBX_A).faults.fail("uploadBegin", times=1)
    continued = cli("update", "--pbx", PBX_A, "--all", "--yes", "--continue-on-failure")
    assert continued.code == 1
    assert "FAILED" in continued.out and "1 updated, 1 failed, 0 skipped" in continued.out
    assert sorted(cli_world.module(PBX_A, m).version for m in (MODULE_A, MODULE_B)) in ([4, 126], [3, 130])


# --- recover -------------------------------------------------------------------------------------------


def test_recover_lists_and_finishes_an_interrupted_update(
    cli_world: CliWorld, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli_world.sim(PBX_A).faults.fail("importConfig", times=None)
    failed = cli("update", "--pbx", PBX_A, "--module", MODULE_B, "--yes")
    assert failed.code == 1
    assert "could not be rolled back yet" in failed.err and "modmanager recover" in failed.err
    assert failed.err.strip().splitlines()[-1].startswith("modmanager: "), "progress, then one error line"
    cli_world.sim(PBX_A).faults.clear()

    listing = cli("recover")
    assert listing.code == 0, listing.err
    (entry,) = json_out(cli("recover", "--list", "--json"))["unfinished"]
    assert (entry["pbx"], entry["fromVersion"], entry["toVersion"]) == (PBX_A, 3, 4)
    assert entry["recommended"] == "rollback" and entry["reachable"] is True and entry["backupId"]
    row = next(line for line in listing.out.splitlines() if entry["opId"] in line)
    expected = [entry["opId"], PBX_A, *entry["moduleName"].split(), "v3", "->", "v4", entry["step"], entry["backupId"]]
    assert row.split() == [*expected, "v3", "rollback"], "the failed rollback left v3 without its settings"

    refused = cli("recover", "--op", entry["opId"])
    assert refused.code == 1 and "Add --yes" in refused.err
    assert cli("refresh", "--pbx", PBX_A, "--json").out.count("update-interrupted") == 1

    monkeypatch.setattr(sys, "stdin", TerminalInput("y\n"))
    finished = cli("recover", "--op", entry["opId"])
    assert finished.code == 0, finished.err
    assert "Telefonbuch-Sync on kunde-a is back on v3 with all its settings." in finished.out
    module = cli_world.module(PBX_A, MODULE_B)
    assert module.version == 3
    assert {i.name: i.values for i in module.instances}["Telefonbuch"] == B_VALUES
    assert module.internal_data == B_INTERNAL
    assert cli("recover").out.strip() == "No interrupted updates."


def test_recover_all_with_yes_resumes_when_asked(cli_world: CliWorld, cli: Cli) -> None:
    cli_world.sim(PBX_A).faults.fail("importConfig", times=None)
    assert cli("update", "--pbx", PBX_A, "--module", MODULE_B, "--yes").code == 1
    cli_world.sim(PBX_A).faults.clear()
    done = json_out(cli("recover", "--yes", "--action", "resume", "--json"))
    (outcome,) = done["recovered"]
    assert outcome["ok"] and "now runs v4" in outcome["message"]
    assert cli_world.module(PBX_A, MODULE_B).version == 4
    assert json_out(cli("recover", "--json"))["unfinished"] == []


# --- refresh and readiness ----------------------------------------------------------------------------


def test_refresh_shows_status_version_and_updates_per_pbx(cli_world: CliWorld, cli: Cli) -> None:
    outcome = cli("refresh")
    assert outcome.code == 0, outcome.err
    rows = {line.split()[0]: line for line in outcome.out.splitlines()[1:]}
    assert outcome.out.splitlines()[0].split() == ["PBX", "STATUS", "STARFACE", "UPDATES"]
    assert "updates-available" in rows[PBX_A] and "9.0.1.3" in rows[PBX_A]
    assert "Anrufweiterleitung v126 -> v130 (free; v140 paid)" in rows[PBX_A]
    assert "Telefonbuch-Sync v3 -> v4" in rows[PBX_A]
    assert "paid-updates-only" in rows[PBX_B] and "Anrufweiterleitung v130 -> v140 (paid)" in rows[PBX_B]

    documents = {item["name"]: item for item in json_out(cli("refresh", "--pbx", PBX_B, "--json"))["pbxs"]}
    assert list(documents) == [PBX_B]
    (update,) = documents[PBX_B]["updates"]
    assert (update["moduleId"], update["target"], update["targetIsPaid"]) == (MODULE_A, 140, True)


def test_refresh_names_an_unreachable_pbx_and_exits_1(cli_world: CliWorld, cli: Cli) -> None:
    cli_world.add_record("kunde-weg", "https://127.0.0.1:9")
    outcome = cli("refresh")
    assert outcome.code == 1
    assert outcome.err.count("\n") == 1 and "1 of 3 PBXs could not be refreshed: kunde-weg" in outcome.err
    row = next(line for line in outcome.out.splitlines() if line.startswith("kunde-weg"))
    assert row.split()[1] == "unreachable"
    unknown = cli("refresh", "--pbx", "nirgendwo")
    assert unknown.code == 1 and "nirgendwo" in unknown.err


def test_readiness_for_one_pbx_and_for_the_fleet(cli_world: CliWorld, cli: Cli) -> None:
    blocked = cli("readiness", "--pbx", PBX_A, "--target-starface", "10.0.0.4")
    assert blocked.code == 0, blocked.err
    assert blocked.out.startswith("kunde-a is NOT ready for STARFACE 10.0.0.4: 2 modules block the upgrade.")
    assert "Anrufweiterleitung" in blocked.out and "Telefonbuch-Sync" in blocked.out

    ready = json_out(cli("readiness", "--pbx", PBX_A, "--target-starface", "9.1.0.0", "--json"))
    assert ready["ready"] is True and ready["blocking"] == []
    assert {module["moduleId"] for module in ready["modules"]} == {MODULE_A, MODULE_B}

    fleet = cli("readiness", "--all", "--target-starface", "10.0.0.4")
    assert fleet.code == 0, fleet.err
    rows = {line.split()[0]: line for line in fleet.out.splitlines()[2:]}
    assert set(rows) == {PBX_A, PBX_B}
    assert "NOT READY" in rows[PBX_A] and "Telefonbuch-Sync (untested)" in rows[PBX_A]
    assert "NOT READY" in rows[PBX_B] and "Telefonbuch" not in rows[PBX_B]
    documents = json_out(cli("readiness", "--all", "--target-starface", "9.1.0.0", "--json"))["pbxs"]
    assert [(item["pbx"], item["ready"]) for item in documents] == [(PBX_A, True), (PBX_B, True)]

    with pytest.raises(SystemExit) as exited:
        cli("readiness", "--all", "--target-starface", "zehn")
    assert exited.value.code == 2


# --- progress ---------------------------------------------------------------------------------------


def test_progress_on_a_terminal_is_one_updating_line() -> None:
    stream = TerminalOutput()
    printer = ProgressPrinter("Telefonbuch", stream)
    for stage, done, total in (("upload", 0, 4), ("upload", 2, 4), ("upload", 4, 4), ("install", 1, 1)):
        printer(stage, done, total)
    printer.finish()
    text = stream.getvalue()
    assert text.count("\n") == 1 and text.endswith("\n")
    assert [part.rstrip() for part in text.split("\r")][1:] == [
        "Telefonbuch: upload      0%",
        "Telefonbuch: upload     50%",
        "Telefonbuch: upload    100%",
        "Telefonbuch: install   100%",
    ]


def test_progress_without_a_terminal_writes_stage_changes_and_completions() -> None:
    stream = io.StringIO()
    printer = ProgressPrinter("", stream)
    for stage, done, total in (
        ("upload", 0, 4),
        ("upload", 1, 4),
        ("upload", 4, 4),
        ("upload", 4, 4),
        ("verify", 0, 0),
    ):
        printer(stage, done, total)
    assert stream.getvalue().splitlines() == ["upload      0%", "upload    100%", "verify    100%"]


def test_site_values_of_the_second_pbx_stay_secret(cli_world: CliWorld, cli: Cli) -> None:
    """kunde-b's password input appears in previews and backups of that PBX, never in output."""
    assert cli("backup", "create", "--pbx", PBX_B, "--all").code == 0
    assert cli("update", "--pbx", PBX_B, "--module", MODULE_A, "--dry-run", "--json").code == 0
    backup_id = json_out(cli("backup", "list", "--json"))["backups"][0]["backupId"]
    shown = json_out(cli("backup", "show", backup_id, "--json"))
    assert shown["instances"][0]["values"]["apiPassword"] == "********"
    assert shown["instances"][0]["values"]["targetNumber"] == B_SITE_VALUES["targetNumber"]
