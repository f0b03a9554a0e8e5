"""``pbx import FILE`` and ``pbx export FILE``: many PBXs from one file (CSV or JSON), and back.

``pbx import`` checks every row first and adds nothing while any row has a problem (unless
``--skip-invalid``: then the valid rows are added and the others named with the reason). It
reads every PBX's certificate concurrently - no PBX is logged in to - and shows one table of the
certificates to trust, asked once (``--accept-fingerprints`` answers for scripts, and the
command prints what it pinned). Passwords and agent secrets from the file go into the keyring
(or the encrypted secrets file) only; when the file held any, the command says so and suggests
deleting it. ``pbx export`` writes the same format without secrets. The use case is
:mod:`modmanager.ops.fleet_import`.

This module is registered by :mod:`modmanager.cli.pbx_cmd` and imported with it (``pbx list``),
so it loads nothing heavy at import time.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.core.errors import OperationError
from modmanager.core.text import clean_text

if TYPE_CHECKING:
    from modmanager.core.errors import ModManagerError
    from modmanager.ops.fleet_import import CertificateCheck, ImportPlan, ImportResult, RowProblem
    from modmanager.ops.selection import PbxSelection


def register_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pbx import`` and ``pbx export`` to the ``pbx`` command."""
    imports = commands.add_parser(
        "import",
        help="add many PBXs from a CSV or JSON file (one confirmation for all certificates)",
        description="Add the PBXs of a CSV file (; or , separated, UTF-8 as Excel writes it, English or German "
        "headers) or a JSON list. Columns: name, url, login (required); customer, tags, agent_instance, window, "
        "fingerprint, notes, password, agent_secret. Secrets go to the keyring only.",
    )
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument(
        "--accept-fingerprints",
        action="store_true",
        help="trust and pin the certificates shown without asking (for scripts; the pins are printed)",
    )
    imports.add_argument(
        "--skip-invalid", action="store_true", help="add the valid rows and name the others (default: add nothing)"
    )
    imports.add_argument("--dry-run", action="store_true", help="check the file and read the certificates; add nothing")
    _selection_flags(imports, "rows")
    add_json_flag(imports)
    imports.set_defaults(handler=_import)

    export = commands.add_parser("export", help="write the PBXs to a CSV or JSON file (no secrets)")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=("csv", "json"), help="file format (default: from the file name, else csv)")
    export.add_argument(
        "--separator",
        choices=(";", ","),
        default=";",
        help="CSV separator: ; for a German Excel (default), , for an English one",
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    _selection_flags(export, "PBXs")
    add_json_flag(export)
    export.set_defaults(handler=_export)


def _selection_flags(parser: argparse.ArgumentParser, what: str) -> None:
    """``--customer``/``--tag`` as every fleet command has them (``cli.selection`` is not light to import)."""
    parser.add_argument(
        "--customer",
        dest="customers",
        action="append",
        metavar="NAME",
        help=f"only {what} of this customer (repeatable)",
    )
    parser.add_argument(
        "--tag", dest="tags", action="append", metavar="TAG", help=f"only {what} with this tag (repeatable)"
    )


def _selection(args: argparse.Namespace) -> PbxSelection:
    from modmanager.ops.selection import PbxSelection

    return PbxSelection.of(args.customers, args.tags)


# --- pbx import ----------------------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    from modmanager.cli.selection import interruptible
    from modmanager.cli.services import ask_master_password, confirm, has_terminal
    from modmanager.ops import fleet_import
    from modmanager.store.credentials import open_credentials
    from modmanager.store.inventory import Inventory

    path: Path = args.file
    with Inventory() as inventory:
        plan = fleet_import.read_import_file(path, inventory, _selection(args))
        _note_plan(plan, args)
        problems = list(plan.problems)
        if problems and not args.skip_invalid:
            _report(args, plan, problems, [], None)
            raise OperationError(
                code="import_invalid_rows", params={"count": str(len(problems)), "total": str(plan.total)}
            )
        if not plan.rows:
            _report(args, plan, problems, [], None)
            raise OperationError(code="import_nothing_valid")
        with interruptible() as stop:
            counter = _Counter("Read the certificates of", len(plan.rows))
            try:
                checks = fleet_import.fetch_certificates(plan.rows, progress=counter, cancelled=stop.is_set)
            finally:
                counter.finish()
        failed = [check for check in checks if check.error is not None]
        problems += [_problem_of(check) for check in failed]
        if failed and not args.skip_invalid:
            _report(args, plan, problems, checks, None)
            raise OperationError(
                code="import_invalid_rows", params={"count": str(len(problems)), "total": str(plan.total)}
            )
        usable = [check for check in checks if check.error is None]
        if not usable:
            _report(args, plan, problems, checks, None)
            raise OperationError(code="import_nothing_valid")
        to_trust = [check for check in usable if check.needs_trust]
        if not args.json:
            _print_problems(problems)
            _print_certificates(usable, to_trust)
        if args.dry_run:
            emit(
                args,
                f"Dry run: {_count(len(usable), 'PBX')} would be added; nothing was added.",
                _data(plan, problems, checks, None, dry_run=True),
            )
            return 0
        if to_trust and not args.accept_fingerprints:
            if not has_terminal():
                raise OperationError(code="import_needs_confirmation", params={"count": str(len(to_trust))})
            try:
                confirm(
                    f"Trust and pin these {_count(len(to_trust), 'certificate')} and add {_count(len(usable), 'PBX')}?",
                    assume_yes=False,
                )
            except OperationError:
                raise OperationError(code="import_declined") from None
        credentials = open_credentials(prompt=ask_master_password)
        with interruptible() as stop:
            counter = _Counter("Added", len(usable))
            try:
                # The rows whose certificate could not be used are listed already (problems).
                result = fleet_import.apply_import(
                    inventory,
                    credentials,
                    replace(plan, rows=tuple(check.row for check in usable)),
                    usable,
                    progress=counter,
                    cancelled=stop.is_set,
                )
            finally:
                counter.finish()
    emit(args, _result_text(plan, problems, result, path), _data(plan, problems, checks, result, dry_run=False))
    if plan.holds_secrets:
        sys.stderr.write(
            f"modmanager: note: {path} holds passwords or agent secrets; they are now in the "
            f"{_store_words(credentials.backend_name)} only. Delete the file (or remove those columns).\n"
        )
    return 1 if result.skipped else 0


def _note_plan(plan: ImportPlan, args: argparse.Namespace) -> None:
    if plan.ignored_columns:
        columns = ", ".join(plan.ignored_columns)
        sys.stderr.write(f"modmanager: note: columns not known and ignored: {clean_text(columns)}.\n")
    if plan.outside_selection:
        sys.stderr.write(
            f"modmanager: note: {_count(plan.outside_selection, 'row')} of another customer or tag left out.\n"
        )


def _problem_of(check: CertificateCheck) -> RowProblem:
    from modmanager.ops.fleet_import import RowProblem

    assert check.error is not None
    return RowProblem(check.row.line, check.row.name, check.error)


def _problem_text(problem: RowProblem) -> str:
    name = f" ({problem.name})" if problem.name else ""
    return f"row {problem.line}{name}: {clean_text(str(problem.error), 600)}"


def _print_problems(problems: list[RowProblem]) -> None:
    if problems:
        print(f"Rows with problems, not added ({_count(len(problems), 'row')}):")
        for problem in sorted(problems, key=lambda item: item.line):
            print("  " + _problem_text(problem))


def _print_certificates(usable: list[CertificateCheck], to_trust: list[CertificateCheck]) -> None:
    from modmanager.pbx.tls import format_fingerprint

    trusted = len(usable) - len(to_trust)
    if to_trust:
        print(
            f"Certificates to trust ({_count(len(to_trust), 'PBX')}; compare each fingerprint with the one "
            "the PBX's web interface shows):"
        )
        rows = [
            (check.row.name, check.row.url, format_fingerprint(check.certificate.sha256) if check.certificate else "-")
            for check in to_trust
        ]
        print(table(("NAME", "URL", "SHA-256 FINGERPRINT"), rows, indent="  "))
    if trusted:
        print(f"{_count(trusted, 'PBX')} present a certificate trusted by this computer or pinned in the file.")


def _report(
    args: argparse.Namespace,
    plan: ImportPlan,
    problems: list[RowProblem],
    checks: list[CertificateCheck],
    result: ImportResult | None,
) -> None:
    """What was found before the command refused to add anything (the refusal follows on stderr)."""
    if args.json:
        emit(args, "", _data(plan, problems, checks, result, dry_run=args.dry_run))
    else:
        _print_problems(problems)


def _result_text(plan: ImportPlan, problems: list[RowProblem], result: ImportResult, path: Path) -> str:
    from modmanager.pbx.tls import format_fingerprint

    lines: list[str] = []
    if result.pinned:
        lines.append(f"Pinned the certificates of {_count(len(result.pinned), 'PBX')}:")
        lines += table(None, [(name, format_fingerprint(pin)) for name, pin in result.pinned], indent="  ").split("\n")
    if result.skipped:
        lines.append(f"Not added while adding ({_count(len(result.skipped), 'row')}):")
        lines += ["  " + _problem_text(problem) for problem in result.skipped]
    considered = plan.total
    lines.append(f"Added {len(result.added)} of {_count(considered, 'PBX')} from {path}.")
    if problems:
        lines.append(f"Skipped {_count(len(problems), 'row')} with problems (listed above).")
    if result.without_password:
        lines.append(
            f"No password in the file for {_names(result.without_password)}: store it with "
            "'modmanager pbx edit NAME --password-stdin' before reading these PBXs."
        )
    if result.without_agent_secret:
        lines.append(
            f"No agent secret in the file for {_names(result.without_agent_secret)}: store it with "
            "'modmanager pbx edit NAME --agent-secret-stdin'."
        )
    return "\n".join(lines)


def _data(
    plan: ImportPlan,
    problems: list[RowProblem],
    checks: list[CertificateCheck],
    result: ImportResult | None,
    *,
    dry_run: bool,
) -> dict[str, Any]:
    from modmanager.ops.fleet_import import row_summary

    by_name = {check.row.name: check for check in checks}
    rows = []
    for row in plan.rows:
        entry = row_summary(row)
        check = by_name.get(row.name)
        if check is not None and check.certificate is not None:
            entry["certificate"] = {
                "sha256": check.certificate.sha256,
                "subject": check.certificate.subject,
                "not_after": check.certificate.not_after,
                "ca_verified": check.certificate.ca_verified,
                "needs_trust": check.needs_trust,
            }
        rows.append(entry)
    data: dict[str, Any] = {
        "dry_run": dry_run,
        "rows": rows,
        "problems": [_problem_json(problem) for problem in sorted(problems, key=lambda item: item.line)],
        "ignored_columns": list(plan.ignored_columns),
        "outside_selection": plan.outside_selection,
        "holds_secrets": plan.holds_secrets,
    }
    if result is not None:
        data.update(
            added=list(result.added),
            skipped=[_problem_json(problem) for problem in result.skipped],
            pinned=[{"name": name, "sha256": pin} for name, pin in result.pinned],
            without_password=list(result.without_password),
            without_agent_secret=list(result.without_agent_secret),
        )
    return data


def _problem_json(problem: RowProblem) -> dict[str, Any]:
    return {"line": problem.line, "name": problem.name, **_error_json(problem.error)}


def _error_json(error: ModManagerError) -> dict[str, Any]:
    return {"code": error.code, "params": dict(error.params), "message": error.message, "hint": error.hint}


def _store_words(backend: str) -> str:
    return "encrypted secrets file" if backend == "file" else "system keyring"


def _names(names: tuple[str, ...]) -> str:
    shown = ", ".join(names[:10])
    return shown + (f" and {len(names) - 10} more" if len(names) > 10 else "")


def _count(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


class _Counter:
    """``Read the certificates of 37 of 200 PBXs``: one line rewritten in place, on a terminal only."""

    def __init__(self, verb: str, total: int, stream: TextIO | None = None) -> None:
        self._verb = verb
        self._total = total
        self._stream = stream or sys.stderr
        self._live = total > 1 and self._stream.isatty()
        self._width = 0

    def __call__(self, done: int, total: int) -> None:
        if not self._live:
            return
        text = f"{self._verb} {done} of {_count(total, 'PBX')}"
        self._stream.write("\r" + text.ljust(self._width))
        self._width = max(self._width, len(text))
        self._stream.flush()

    def finish(self) -> None:
        if self._live and self._width:
            self._stream.write("\n")
            self._stream.flush()
            self._width = 0


# --- pbx export ----------------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    from modmanager.ops import fleet_import
    from modmanager.ops.selection import select
    from modmanager.store.inventory import Inventory

    path: Path = args.file
    if path.exists() and not args.force:
        raise OperationError(code="export_file_exists", params={"path": str(path)})
    file_format: Literal["csv", "json"] = args.format or ("json" if path.suffix.casefold() == ".json" else "csv")
    selection = _selection(args)
    with Inventory() as inventory:
        select(inventory.list(), selection)  # an unknown customer or tag is named, not exported as nothing
        count = fleet_import.export_fleet(
            inventory, path, format=file_format, selection=selection, delimiter=args.separator
        )
    emit(
        args,
        f"Exported {_count(count, 'PBX')} to {path} ({file_format}; no passwords or agent secrets).",
        {"path": str(path), "format": file_format, "count": count},
    )
    return 0
