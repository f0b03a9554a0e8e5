"""How the command line opens :class:`~modmanager.ops.services.Services`, and talks to the person at the terminal.

Everything a command may have to ask interactively lives here, so every command asks the same
way: the master password (only when no keyring is usable and ``MODMANAGER_MASTER_PASSWORD`` is
unset), confirmations, passwords for exported backups. Questions go to stderr, so ``--json``
output on stdout stays parseable. Without a terminal nothing is asked: the command refuses
with one line naming the flag or variable that answers the question instead, because a
script waiting on a prompt nobody sees is worse than a clear failure.

It also holds the small shared pieces of text output: one progress printer
(a single updating line on a terminal, plain lines otherwise), and resolving a module the user
named by id or by name.
"""

from __future__ import annotations

import getpass
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO

from modmanager.cli.language import error_message
from modmanager.core.errors import CatalogError, ModManagerError, OperationError
from modmanager.core.sfm import ConfigSchema
from modmanager.ops.services import Services, open_services
from modmanager.store.credentials import MASTER_PASSWORD_ENV

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_YES = frozenset({"y", "yes", "j", "ja"})

MASK = "********"
"""What is shown instead of the value of a password input."""


class NeedsTerminal(ModManagerError):
    """A question must be answered but there is no terminal to ask it on."""


def has_terminal() -> bool:
    """True when a person can answer questions (stdin is a terminal)."""
    return sys.stdin is not None and sys.stdin.isatty()


def ask_master_password() -> str:
    """The master password of the encrypted secrets file, read without echo."""
    if not has_terminal():
        raise NeedsTerminal(code="master_password_needs_terminal", params={"variable": MASTER_PASSWORD_ENV})
    return getpass.getpass("modmanager master password: ", stream=sys.stderr)


def open_cli_services() -> Services:
    """Open the services on the data folder, asking for the master password if one is needed."""
    return open_services(prompt=ask_master_password)


@contextmanager
def cli_services(*, catalog_warnings: bool = True) -> Iterator[Services]:
    """The services for one command; on the way out, catalog trouble is said on stderr.

    A catalog that could not be used is named with its reason (one line each), unless the
    command reports it itself (``catalog_warnings=False``: ``refresh`` and ``update --all`` end
    with exit code 3 instead); a catalog answered from its saved copy gets a note.
    """
    services = open_cli_services()
    try:
        yield services
    finally:
        try:
            if services.catalogs.loaded:
                warn_about_catalogs(services, unavailable=catalog_warnings)
        finally:
            services.close()


def warn_about_catalogs(services: Services, *, unavailable: bool = True) -> None:
    """One line on stderr per catalog that could not be used, and per saved copy used instead."""
    if unavailable:
        for problem in services.catalogs.unavailable():
            warning = CatalogError(
                code="catalog_results_incomplete", params={"source": problem.source}, cause=problem.as_error().cause
            )
            print(f"modmanager: {error_message(warning)}", file=sys.stderr)
    for note in services.catalogs.notes():
        print(f"modmanager: note: {error_message(note)}", file=sys.stderr)


def confirm(question: str, *, assume_yes: bool) -> None:
    """Ask ``question`` (yes/no, default no); raise when the answer is not yes.

    ``assume_yes`` is the command's ``--yes``. Without a terminal and without ``--yes`` this
    refuses instead of guessing.
    """
    if assume_yes:
        return
    if not has_terminal():
        raise NeedsTerminal(code="confirm_needs_terminal", params={"question": question.rstrip("?")})
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().casefold()
    if answer not in _YES:
        raise OperationError(code="confirm_cancelled")


def read_secret(prompt: str, *, from_stdin: bool, repeat: bool = False) -> str:
    """A password for an exported backup: one line from stdin, or asked twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        secret = line[:-1] if line.endswith("\n") else line
        secret = secret.rstrip("\r")
    elif has_terminal():
        secret = getpass.getpass(f"{prompt}: ", stream=sys.stderr)
        if repeat and getpass.getpass(f"{prompt} (again): ", stream=sys.stderr) != secret:
            raise OperationError(code="passwords_differ")
    else:
        raise NeedsTerminal(code="password_needs_terminal")
    if not secret:
        raise OperationError(
            code="export_password_empty"
        )
    return secret


# --- resolving what the user typed ---------------------------------------------------------------


def looks_like_module_id(text: str) -> bool:
    return bool(_UUID.match(text.strip()))


def resolve_module(
    text: str, candidates: Iterable[tuple[str, Iterable[str]]], *, where: str, pbx: str = ""
) -> str:
    """The module id for ``text``: an id, or an exact (case-insensitive) name of one candidate.

    ``where`` says where the candidates come from, for the error: ``installed`` (on ``pbx``),
    ``catalogs``, ``pbx_or_catalogs`` (``pbx``) or ``pbxs_or_catalogs``.

    ``candidates`` are ``(module id, names)`` pairs, e.g. the installed modules and the catalog's
    modules in every language. An id that no candidate has is returned as given, so the use case
    can say precisely what is missing.
    """
    wanted = text.strip()
    pairs = [(module_id, tuple(names)) for module_id, names in candidates]
    for module_id, _ in pairs:
        if module_id.casefold() == wanted.casefold():
            return module_id
    if looks_like_module_id(wanted):
        return wanted
    matches = sorted(
        {module_id.lower() for module_id, names in pairs if any(name.casefold() == wanted.casefold() for name in names)}
    )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise OperationError(
            code="module_name_ambiguous",
            params={"name": wanted, "where": where, "pbx": pbx, "matches": ", ".join(matches)},
        )
    raise OperationError(code="module_name_unknown", params={"name": wanted, "where": where, "pbx": pbx})


def is_secret_input(schema: ConfigSchema, variable_id: str) -> bool:
    """Whether the form declares ``variable_id`` as a password input (any kind containing "password")."""
    item = schema.get(variable_id)
    return item is not None and item.is_secret


# --- text output ---------------------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class ProgressPrinter:
    """Stage and percent on stderr: one line rewritten in place on a terminal, plain lines otherwise.

    Plain lines are written when the stage changes and when it completes, so a log file gets a
    readable trail instead of one line per uploaded chunk.
    """

    def __init__(self, label: str = "", stream: TextIO | None = None) -> None:
        self._label = f"{label}: " if label else ""
        self._stream = stream or sys.stderr
        self._live = self._stream.isatty()
        self._last: tuple[str, int] | None = None
        self._width = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        percent = 100 if total <= 0 else max(0, min(100, done * 100 // total))
        text = f"{self._label}{stage:<9} {percent:3d}%"
        if self._live:
            self._stream.write("\r" + text.ljust(self._width))
            self._width = max(self._width, len(text))
        else:
            last_stage = None if self._last is None else self._last[0]
            if stage == last_stage and (percent != 100 or self._last == (stage, 100)):
                return
            self._stream.write(text + "\n")
        self._last = (stage, percent)
        self._stream.flush()

    def finish(self) -> None:
        """End the updating line so the next output starts on a fresh line."""
        if self._live and self._last is not None:
            self._stream.write("\n")
            self._stream.flush()
        self._last = None
        self._width = 0
