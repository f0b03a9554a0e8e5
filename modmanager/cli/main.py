"""Argument parsing and dispatch for ``modmanager``.

Without a subcommand the desktop application starts. Every command group lives in its own
module under ``modmanager.cli`` and exposes ``register(subparsers)``; a command's handler
takes the parsed arguments and returns the exit code. Expected errors
(:class:`~modmanager.core.errors.ModManagerError`) become one clear line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from modmanager import __version__
from modmanager.core.errors import ModManagerError

# Command-group modules, in the order their commands appear in --help.
COMMAND_MODULES = (
    "sfm_cmd",
    "catalog_cmd",
    "plan_cmd",
    "sim_cmd",
    "pbx_cmd",
    "backup_cmd",
    "update_cmd",
    "fleet_cmd",
    "rollout_cmd",
    "settings_cmd",
)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--view", choices=("pbx", "fleet"), default="pbx", help="start on the PBX page or the fleet view (pbx)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"modmanager.cli.{name}")
        module.register(subparsers)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    try:
        if args.command is None:
            from modmanager.gui.app import run_gui

            return run_gui(demo=args.demo, screenshot=args.screenshot, lang=args.lang, view=args.view)
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except ModManagerError as error:
        print(f"modmanager: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("modmanager: interrupted", file=sys.stderr)
        return 130
