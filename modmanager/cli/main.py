"""Argument parsing and dispatch for ``modmanager``.

Without a subcommand the desktop application starts. Every command group lives in its own
module under ``modmanager.cli`` and exposes ``register(subparsers)``; a command's handler
takes the parsed arguments and returns the exit code. Expected errors
(:class:`~modmanager.core.errors.ModManagerError`) become one clear line on stderr, in the
language ``--lang`` or the locale names (see :mod:`modmanager.cli.language`).

Start-up costs what the chosen command needs: ``COMMAND_MODULES`` names each group's commands
and their help, so the parser lists and chooses commands without importing the groups, and only
the chosen command's module is imported (Qt only for the desktop application).
"""

from __future__ import annotations

import argparse
import importlib
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence

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
        "pbx": "add, edit, list, test, remove, import and export PBXs",
        "info": "show a PBX's STARFACE version, edition and licenses",
        "modules": "show the modules installed on a PBX",
    }),
    ("agent_cmd", {"agent": "the modmanager agent module for the PBX"}),
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
    ("hold_cmd", {
        "hold": "keep a module at its installed version (no updates offered)",
        "unhold": "remove a hold",
        "skip": "never offer one release of a module (newer ones are offered)",
        "unskip": "offer a skipped release again",
        "holds": "list holds and skips",
    }),
    ("schedule_cmd", {
        "window": "maintenance windows of customers and PBXs",
        "schedule": "jobs that run in the PBXs' maintenance windows",
        "run-due": "run the jobs whose maintenance window is open now, then exit (for cron / Task Scheduler)",
    }),
    ("audit_cmd", {"audit": "show the audit trail of changes to PBXs (or check it: 'audit verify')"}),
    ("report_cmd", {"report": "write a customer's change report (PDF or HTML)"}),
    ("notify_cmd", {"notify": "e-mail summary after scheduled runs (SMTP)"}),
    ("settings_cmd", {"settings": "show and change settings and catalog sources"}),
)

_DEFAULT_WAIT_SECONDS = 30 * 60
"""As store.pbxlock.DEFAULT_WAIT_SECONDS (checked by a test), without importing it for --help."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
"""The answer is incomplete because a configured catalog could not be used (see CatalogsUnavailable)."""

CHANGING_COMMANDS = (("update",), ("rollout",), ("recover",), ("backup", "restore"))
"""Commands that change a PBX, and so take its workstation lock; they accept ``--wait``."""

LOCAL_LISTINGS = ("pbx list",)
"""Commands that only list what the data folder holds: they run without the log file and
without an operation (unless ``--verbose``), which would cost them more than the listing."""

EPILOG = f"""\
exit codes:
  {EXIT_OK}  success
  {EXIT_FAILED}  something failed or was refused (one line on stderr says what), also when another
     operation of this workstation is changing the PBX (add --wait to queue behind it)
  {EXIT_USAGE}  the command line is wrong
  {EXIT_INCOMPLETE}  incomplete: a configured catalog could not be fetched or failed its signature
     check; the answer was computed without it (stderr names the source and why)

The log is written to logs/modmanager.log in the data folder (--verbose: with details, also on stderr).
"""
_MAX_ERROR_CHARS = 2000


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
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"modmanager {__version__}")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="detailed (DEBUG) log, also written to stderr"
    )
    parser.add_argument(
        "--wait",
        action="store_true",
        help="when another operation of this workstation is changing the PBX, wait for it "
        f"(at most {int(_DEFAULT_WAIT_SECONDS // 60)} minutes) instead of stopping",
    )
    parser.add_argument("--demo", action="store_true", help="start the application on the built-in demo fleet")
    parser.add_argument(
        "--screenshot", metavar="FILE", help="render the main window to FILE (PNG) once loaded, then exit"
    )
    parser.add_argument(
        "--lang",
        choices=("de", "en"),
        help="language of the desktop application and of error messages (default: the locale, e.g. LANG)",
    )
    parser.add_argument(
        "--view", choices=("pbx", "fleet"), default="pbx", help="start on the PBX page or the fleet view (pbx)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    placeholders: set[str] = set()
    for name, commands in command_groups():
        if commands is None or command in commands:
            module = importlib.import_module(f"modmanager.cli.{name}")
            module.register(subparsers)
            continue
        for placeholder_name, help_text in commands.items():
            placeholder = subparsers.add_parser(placeholder_name, help=help_text, add_help=False)
            placeholder.add_argument("arguments", nargs=argparse.REMAINDER)
            placeholders.add(placeholder_name)
    for path, sub in _commands(parser):
        if path[0] in placeholders:
            continue
        sub.add_argument(
            "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="detailed (DEBUG) log on stderr"
        )
        if path in CHANGING_COMMANDS:
            sub.add_argument(
                "--wait",
                action="store_true",
                default=argparse.SUPPRESS,
                help="if another operation of this workstation is changing the PBX, wait for it "
                f"(at most {int(_DEFAULT_WAIT_SECONDS // 60)} minutes) instead of stopping with exit code 1",
            )
    return parser


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every (sub)command parser below ``parser`` with its path of names, e.g. ``("backup", "restore")``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield (*path, name), child
                yield from _commands(child, (*path, name))


def run(argv: Sequence[str]) -> int:
    arguments = list(argv)
    # First the light parser finds the command (and answers --version, --help and unknown
    # commands itself); then the command's own group parses everything.
    light = build_parser()
    chosen, _ = light.parse_known_args(arguments)
    from modmanager.cli.language import choose, error_text

    choose(chosen.lang)  # errors (also argparse type errors) speak --lang or the locale
    parser = build_parser(chosen.command) if chosen.command is not None else light  # the desktop: no group needed
    args = parser.parse_args(arguments)
    # After parsing: --version and --help need none of this.
    from modmanager.cli.output import safe_stdout
    from modmanager.core.errors import CatalogsUnavailable, ModManagerError
    from modmanager.core.text import clean_text

    kind = _command_kind(parser, argv) if args.command is not None else ""
    logged = kind not in LOCAL_LISTINGS or args.verbose
    if logged:
        _start_logging(args.verbose)
    try:
        if args.command is None:
            from modmanager.gui.app import run_gui

            return run_gui(demo=args.demo, screenshot=args.screenshot, lang=args.lang, view=args.view)
        handler: Callable[[argparse.Namespace], int] = args.handler
        if not logged:
            with safe_stdout():
                return handler(args)
        from modmanager.ops.operation import operation

        title = "modmanager " + shlex.join(argv)
        pbx = args.pbx if isinstance(getattr(args, "pbx", None), str) else ""
        with operation(
            kind,
            title=title[:300],
            pbx=pbx,
            wait=_DEFAULT_WAIT_SECONDS if args.wait else 0.0,
        ), safe_stdout():
            return handler(args)
    except CatalogsUnavailable as error:
        print(f"modmanager: {clean_text(error_text(error), _MAX_ERROR_CHARS)}", file=sys.stderr)
        return EXIT_INCOMPLETE
    except ModManagerError as error:
        # One line in the chosen language, whatever a PBX or a file put into it (line breaks, escapes, bidi).
        print(f"modmanager: {clean_text(error_text(error), _MAX_ERROR_CHARS)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("modmanager: interrupted", file=sys.stderr)
        return 130
    finally:
        if logged:
            from modmanager.ops.logs import shutdown_logging

            shutdown_logging()


def _command_kind(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str:
    """The command as the log and a waiting operation name it: ``update``, ``backup restore``, ..."""
    words = [word for word in argv if not word.startswith("-")]
    known = {path for path, _ in _commands(parser)}
    longest = max((path for path in known if tuple(words[: len(path)]) == path), key=len, default=())
    return " ".join(longest) or "command"


def _start_logging(verbose: bool) -> None:
    """The log file of the data folder; DEBUG with --verbose (also on stderr) or the debug_logging setting."""
    from modmanager.core.errors import ModManagerError
    from modmanager.ops.logs import setup_logging
    from modmanager.store.settings import load_settings

    try:
        debug = verbose or load_settings().debug_logging
    except ModManagerError:
        debug = verbose  # a broken settings file is reported by the command that reads it
    setup_logging(debug=debug, console=sys.stderr if verbose else None)
