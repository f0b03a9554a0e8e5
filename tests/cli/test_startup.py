"""Start-up imports what the command needs: no Qt, no HTTP client, no cryptography for
``--version``, ``--help`` and ``pbx list`` (the structure, not the time - see bench/fig_cli.py).

Each command runs as ``python -m modmanager ...`` would, in a fresh interpreter that then
writes down every module loaded (``sys.modules``; ``-X importtime`` misses modules loaded by
``importlib.import_module``). The light command table in ``cli/main.py`` must say
exactly what the command modules register, or ``--help`` would list commands that do not exist.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from modmanager.cli import main
from modmanager.store.inventory import Inventory, PbxRecord

HEAVY = ("PySide6", "shiboken6", "requests", "urllib3", "cryptography", "keyring", "modmanager.gui")
NOT_FOR_LISTING = (
    "modmanager.core.protocol",  # the agent protocol: listing talks to no PBX
    "modmanager.pbx",
    "modmanager.ops",  # operations, the log file and its redactor: a listing changes nothing
    "logging.handlers",
    "ssl",
    "http.client",
    "urllib.request",
    "xml",
    "concurrent.futures",
)
"""What ``pbx list`` must not load either (each was loaded once, for nothing)."""


_RUN_AND_LIST = """
import json, runpy, sys
out, sys.argv = sys.argv[1], ["modmanager", *sys.argv[2:]]
try:
    runpy.run_module("modmanager", run_name="__main__", alter_sys=True)
except SystemExit as end:
    code = end.code
else:
    code = 0
with open(out, "w") as handle:
    json.dump({"code": code, "modules": sorted(sys.modules)}, handle)
"""


def imported_modules(*argv: str, home: Path) -> tuple[int, str, set[str]]:
    """(exit code, stdout, modules loaded) of ``python -m modmanager *argv`` in a fresh process."""
    listing = home / "modules.json"
    env = {**os.environ, "MODMANAGER_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", _RUN_AND_LIST, str(listing), *argv],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert listing.exists(), result.stderr[-2000:]
    document = json.loads(listing.read_text())
    code = document["code"] if isinstance(document["code"], int) else 1
    return code, result.stdout, set(document["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in HEAVY or name.startswith(HEAVY))


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("pbx", "list"), ("pbx", "list", "--json")])
def test_light_commands_load_no_qt_http_or_cryptography(argv: tuple[str, ...], isolated_state: Path) -> None:
    with Inventory() as inventory:
        inventory.add(PbxRecord("kunde-a", "https://192.0.2.10", "0001", fingerprint="ab" * 32))
    code, out, modules = imported_modules(*argv, home=isolated_state)
    assert code == 0
    assert "modmanager.cli.main" in modules  # the listing is real
    assert heavy(modules) == []
    if argv[0] == "pbx":
        assert "kunde-a" in out
    else:
        assert not any(name.startswith("modmanager.cli.") and name.endswith("_cmd") for name in modules)


@pytest.mark.parametrize("argv", [("pbx", "list"), ("pbx", "list", "--json")])
def test_listing_the_pbxs_loads_no_protocol_operation_or_log(argv: tuple[str, ...], isolated_state: Path) -> None:
    with Inventory() as inventory:
        inventory.add(PbxRecord("kunde-a", "https://192.0.2.10", "0001", fingerprint="ab" * 32))
    code, out, modules = imported_modules(*argv, home=isolated_state)
    assert code == 0 and "kunde-a" in out
    loaded = sorted(name for name in modules if name.startswith(NOT_FOR_LISTING))
    assert loaded == []
    assert not (isolated_state / "logs").exists()  # a listing writes no log


def test_listing_with_verbose_logs_as_every_command(isolated_state: Path) -> None:
    code, _out, modules = imported_modules("pbx", "list", "--verbose", home=isolated_state)
    assert code == 0
    assert "modmanager.ops.logs" in modules and "modmanager.ops.operation" in modules


def test_a_command_loads_only_its_own_group(isolated_state: Path) -> None:
    code, _out, modules = imported_modules("pbx", "list", home=isolated_state)
    assert code == 0
    groups = {name for name in modules if name.startswith("modmanager.cli.") and name.endswith("_cmd")}
    assert groups == {"modmanager.cli.pbx_cmd"}


def test_the_desktop_application_is_where_qt_comes_from(isolated_state: Path) -> None:
    # Parsing for the GUI path imports no Qt either: run_gui does, when it starts.
    code, out, modules = imported_modules("--lang", "en", "--help", home=isolated_state)
    assert code == 0
    assert "refresh" in out
    assert heavy(modules) == []


def _registered() -> dict[str, str | None]:
    """Every command the group modules register, with its help, by importing them all."""
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command")
    for name, _commands in main.command_groups():
        importlib.import_module(f"modmanager.cli.{name}").register(subparsers)
    return {action.dest: action.help for action in subparsers._choices_actions}


def test_the_light_table_names_every_command_with_its_help() -> None:
    table = {
        command: help_text
        for _name, commands in main.command_groups()
        if commands is not None
        for command, help_text in commands.items()
    }
    assert table == _registered()


def test_every_group_declares_its_commands() -> None:
    bare = [name for name, commands in main.command_groups() if commands is None]
    assert bare == [], f"list the commands of {bare} in COMMAND_MODULES so they load only when used"


def test_a_command_is_parsed_by_its_own_group_and_errors_stay_usage_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as unknown:
        main.run(["no-such-command"])
    assert unknown.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    with pytest.raises(SystemExit) as missing:
        main.run(["info"])
    assert missing.value.code == 2
    assert "--pbx" in capsys.readouterr().err
    assert main.run(["pbx", "list"]) == 0
    assert "No PBXs yet" in capsys.readouterr().out


def test_pbx_add_defaults_to_the_protocols_agent_instance() -> None:
    # pbx_cmd takes the default from the inventory so that `pbx list` need not load the protocol.
    from modmanager.core import protocol
    from modmanager.store import inventory

    assert inventory.DEFAULT_AGENT_INSTANCE == protocol.DEFAULT_AGENT_INSTANCE


def test_the_parser_offers_the_wait_the_lock_really_waits() -> None:
    """cli.main keeps its own copy of the wait (importing the lock module costs every start)."""
    from modmanager.cli import main
    from modmanager.store.pbxlock import DEFAULT_WAIT_SECONDS

    assert main._DEFAULT_WAIT_SECONDS == DEFAULT_WAIT_SECONDS
