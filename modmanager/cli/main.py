"""Argument parsing and dispatch for ``modmanager``.

Without a subcommand the desktop application starts. Every command group lives in its own
module under ``modmanager.cli`` and exposes ``register(subparsers)``; a command's handler
takes the parsed arguments and returns the exit code. Expected errors
(:class:`~modmanager.core.errors.ModManagerError`) become one clear line on stderr.

Start-up costs what the chosen command needs: ``COMMAND_MODULES`` names each group's commands
and their help, so the parser lists and chooses commands without importing the groups, and only
the chosen command's module is imported (Qt only for the desktop application).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from modmanager import __version__

# Command groups, in the order their commands appear in --help: the module under
# modmanager.cli (exposing ``register(subparsers)``) and the commands it registers with their
# one-line help. A group's module is imported only when one of its commands runs, so
# ``modmanager --version``, ``--help`` and ``pbx list`` do not load Qt, requests or cryptography.
# Adding a group is one line. A bare module name works too, but is imported at every start;
# tests/cli/test_startup.py checks the table against what the modules register.
CommandGroup = str | tuple[str, dict[str, str]]
COMMAND_MODULES: tuple[CommandGroup, ...] = (
    ("sfm_cmd", {"sfm": "inspect and compare .sfm module files"}),
    ("catalog_cmd", {"catalog": "build, sign, verify and show module catalogs"}),
    ("plan_cmd", {"plan": "plan module updates for one PBX from catalog files (offline)"}),
    ("sim_cmd", {"sim": "run simulated STARFACE PBXs with the agent on this machine"}),
    ("pbx_cmd", {
        "pbx": "add, list, test and remove PBXs",
        "info": "show a PBX's STARFACE version, edition and licenses",
        "modules": "show the modules installed on a PBX",
    }),
    ("backup_cmd", {"backup": "back up, inspect and restore module settings"}),
    ("update_cmd", {
        "update": "update a module on a PBX safely (preview first), or every free update at once",
        "recover": "list and finish updates that were interrupted",
    }),
    ("fleet_cmd", {
        "refresh": "ask every PBX (or the named ones) for its modules and show what can be updated",
        "readiness": "can a PBX (or every PBX) move to a given STARFACE release?",
    }),
    ("rollout_cmd", {"rollout": "update one module on every PBX that runs it: canaries first, then batches"}),
    ("settings_cmd", {"settings": "show and change settings and catalog sources"}),
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def command_groups() -> list[tuple[str, dict[str, str] | None]]:
    """``COMMAND_MODULES`` as (module, commands with help); None where the table does not say."""
    return [(entry, None) if isinstance(entry, str) else entry for entry in COMMAND_MODULES]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with ``command``'s group registered in full and the others as placeholders.

    A placeholder has the command's name and help (for ``--help`` and for choosing the
    command) and takes any arguments; it is never what parses a command that runs.
    """
    parser = argparse.ArgumentParser(
        prog="modmanager",
        description="Module manager for STARFACE PBXs. Without a command, the desktop application starts.",
    )
    parser.add_argument("--version", action="version", version=f"modmanager {__version__}")
    parser.add_argument("--demo", action="store_true", help="start the application on the built-in demo fleet")
    parser.add_argument(
        "--screenshot", metavar="FILE", help="render the main window to FILE (PNG) once loaded, then exit"
    )
    parser.add_argument("--lang", choices=("de", "en"), help="interface language (default: system locale)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, commands in command_groups():
        if commands is None or command in commands:
            module = importlib.import_module(f"modmanager.cli.{name}")
            module.register(subparsers)
            continue
        for placeholder_name, help_text in commands.items():
            placeholder = subparsers.add_parser(placeholder_name, help=help_text, add_help=False)
            placeholder.add_argument("arguments", nargs=argparse.REMAINDER)
    return parser


def run(argv: Sequence[str]) -> int:
    arguments = list(argv)
    # First the light parser finds the command (and answers --version, --help and unknown
    # commands itself); then the command's own group parses everything.
    chosen, _ = build_parser().parse_known_args(arguments)
    parser = build_parser(chosen.command)
    args = parser.parse_args(arguments)
    from modmanager.core.errors import ModManagerError  # after parsing: --version and --help need none

    try:
        if args.command is None:
            from modmanager.gui.app import run_gui

            return run_gui(demo=args.demo, screenshot=args.screenshot, lang=args.lang)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except ModManagerError as error:
        print(f"modmanager: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("modmanager: interrupted", file=sys.stderr)
        return 130
