"""The log file: written for every command, DEBUG with --verbose, and never a secret in it.

A whole session against the simulated PBXs - refresh, update, backup, export, import, restore -
runs at DEBUG (where every HTTP request to a PBX is logged, by its path: the XML-RPC login in
its query string never), then the log is searched for every secret the session handled: PBX
password, the XML-RPC auth token and its SHA-512 part, the module's password setting, the
export password.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from pathlib import Path

import pytest

from modmanager.core.protocol import auth_token
from modmanager.ops.logs import LOG_FILE_NAME
from modmanager.simulator.testing import TEST_PASSWORD
from modmanager.store.settings import load_settings
from tests.cli.conftest import PBX_A, PBX_B, SECRETS, Cli, CliWorld
from tests.ops.world import MODULE_A, MODULE_B

EXPORT_PASSWORD = "Export-Kennwort-42"


def log_text(home: Path) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted((home / "logs").glob(LOG_FILE_NAME + "*"))
    )


def test_a_session_at_debug_names_operations_and_pbxs_and_leaks_no_secret(
    cli_world: CliWorld, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("--verbose", "refresh").code == 0
    updated = cli("update", "--pbx", PBX_A, "--module", MODULE_A, "--to", "130", "--yes", "--verbose")
    assert updated.code == 0, updated.err
    assert cli("backup", "create", "--pbx", PBX_A, "--module", MODULE_B, "-v").code == 0
    backup = json.loads(cli("backup", "list", "--json", "--pbx", PBX_A, "--module", MODULE_B).out)["backups"][0]
    exported = tmp_path / "export.mmbackup"
    monkeypatch.setattr(sys, "stdin", io.StringIO(EXPORT_PASSWORD + "\n"))
    assert cli("backup", "export", backup["backupId"], "--out", str(exported), "--password-stdin", "-v").code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(EXPORT_PASSWORD + "\n"))
    assert cli("backup", "import", str(exported), "--password-stdin", "-v").code == 0
    restored = cli("backup", "restore", backup["backupId"], "--pbx", PBX_A, "--yes", "-v")
    assert restored.code == 0, restored.err
    # The same backup cannot go to kunde-b (module B is not installed there): a failure is logged too.
    assert cli("backup", "restore", backup["backupId"], "--pbx", PBX_B, "--yes", "-v").code == 1

    log = log_text(cli_world.home)
    token = auth_token("0001", TEST_PASSWORD)
    for secret in (*SECRETS, EXPORT_PASSWORD, token, token.split(":", 1)[1]):
        assert secret not in log, f"a secret reached the log: {secret[:3]}..."
    # DEBUG really ran: each request to a PBX was logged, by its path alone (not even the login masked).
    assert '"POST /xml-rpc HTTP/1.1" 200' in log
    assert "de.vertico.starface.auth" not in log
    assert re.search(r"DEBUG\s+\[pid \d+ op [0-9a-f]{8} ", log)
    # Each operation: start, steps and outcome, with its id and the PBX.
    update_start = re.search(rf"op ([0-9a-f]{{8}}) {PBX_A}\] modmanager\.operation: start update", log)
    assert update_start is not None, log[-3000:]
    op = update_start.group(1)
    steps = ("holds the workstation lock of kunde-a", ": backup", ": upload", ": install", "done update on kunde-a")
    for step in steps:
        assert re.search(rf"op {op} [^\]]*\] [\w.]+: .*{re.escape(step)}", log), step
    assert re.search(rf"op [0-9a-f]{{8}} {PBX_B}\] modmanager\.operation: failed backup restore on {PBX_B} ", log)


def test_the_log_is_info_by_default_and_debug_with_the_setting(cli_world: CliWorld, cli: Cli) -> None:
    assert cli("pbx", "list").code == 0
    assert " DEBUG " not in log_text(cli_world.home)
    assert cli("settings", "set", "debug_logging", "yes").code == 0
    assert load_settings().debug_logging is True
    assert cli("refresh").code == 0
    log = log_text(cli_world.home)
    assert " DEBUG " in log and '"POST /xml-rpc HTTP/1.1" 200' in log
    assert TEST_PASSWORD not in log


def test_the_log_follows_the_data_folder_and_is_private(cli_world: CliWorld, cli: Cli) -> None:
    assert cli("settings", "show").code == 0  # (`pbx list` writes none: see cli.main.LOCAL_LISTINGS)
    path = cli_world.home / "logs" / LOG_FILE_NAME
    assert path.is_file()
    assert path.stat().st_mode & 0o077 == 0
    assert "modmanager.operation: start settings show" in path.read_text(encoding="utf-8")
    assert not any(
        isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path
        for handler in logging.getLogger().handlers
    ), "the command left its log file open"
