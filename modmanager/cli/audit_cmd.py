"""``modmanager audit``: the record of every change to a PBX, and its integrity check.

``audit`` lists the rows (filtered by PBX, customer, module and time) as text, ``--json`` or
``--csv``; ``audit verify`` recomputes the hash chain and exits 1 naming every row that was
changed, deleted or inserted after it was written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.services import cli_services
from modmanager.core.errors import OperationError
from modmanager.store.audit import AuditRecord

EXIT_OK = 0
EXIT_FAILED = 1
_CSV_COLUMNS = (
    "seq", "at", "os_user", "workstation", "action", "pbx", "customer", "module_id", "module_name",
    "from_version", "to_version", "instances", "outcome", "error_code", "detail", "hash",
)  # fmt: skip


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit`` and ``audit verify``."""
    audit = subparsers.add_parser(
        "audit",
        help="show the audit trail of changes to PBXs (or check it: 'audit verify')",
        description="Every change to a PBX - updates, rollbacks, recoveries, restores, installs, holds, PBXs "
        "added or removed - with when, who, from and to which version, per instance the settings carried, "
        "dropped and new, the outcome and the error code.",
    )
    audit.add_argument("--pbx", metavar="NAME", help="only this PBX")
    audit.add_argument("--customer", metavar="NAME", help="only this customer")
    audit.add_argument("--module", metavar="ID", help="only this module id")
    audit.add_argument("--since", type=parse_since, metavar="DATE", help="from this date (YYYY-MM-DD or ISO time)")
    audit.add_argument("--until", type=parse_since, metavar="DATE", help="before this date")
    audit.add_argument("--limit", type=int, metavar="N", help="only the newest N rows")
    output = audit.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON")
    output.add_argument("--csv", action="store_true", help="print CSV")
    audit.set_defaults(handler=_list)
    commands = audit.add_subparsers(dest="audit_command", metavar="COMMAND")
    verify = commands.add_parser("verify", help="check that no row was changed or removed (hash chain)")
    add_json_flag(verify)
    verify.set_defaults(handler=_verify)


def parse_since(text: str) -> dt.datetime:
    """``YYYY-MM-DD`` (local midnight) or an ISO time; a time without zone is local time."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2025-06-01 or 2025-06-01T22:00") from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the machine's local time
    return moment


def _list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise OperationError(code="audit_limit_invalid")
    with cli_services() as services:
        if args.pbx:
            services.inventory.get(args.pbx)  # a typo fails clearly (removed PBXs: use --customer)
        rows = services.audit.query(
            pbx=args.pbx,
            customer=args.customer,
            module_id=args.module,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    if args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        for row in rows:
            writer.writerow(_csv_row(row))
        return EXIT_OK
    if not rows:
        emit(args, "No changes recorded for this selection.", [])
        return EXIT_OK
    emit(args, _text(rows), [row.to_json() for row in rows])
    return EXIT_OK


def _text(rows: list[AuditRecord]) -> str:
    lines = []
    for row in rows:
        versions = ""
        if row.from_version is not None or row.to_version is not None:
            start = "-" if row.from_version is None else f"v{row.from_version}"
            end = "-" if row.to_version is None else f"v{row.to_version}"
            versions = f"{start} -> {end}"
        lines.append(
            (
                str(row.seq),
                f"{row.at.astimezone():%Y-%m-%d %H:%M}",
                row.action,
                row.pbx or "-",
                row.module_name or row.module_id or "-",
                versions,
                row.outcome + (f" ({row.error_code})" if row.error_code else ""),
                f"{row.os_user}@{row.workstation}",
            )
        )
    return table(("#", "WHEN", "ACTION", "PBX", "MODULE", "VERSIONS", "OUTCOME", "BY"), lines)


def _csv_row(row: AuditRecord) -> list[object]:
    return [
        row.seq,
        row.at.isoformat(),
        row.os_user,
        row.workstation,
        row.action,
        row.pbx,
        row.customer,
        row.module_id,
        row.module_name,
        "" if row.from_version is None else row.from_version,
        "" if row.to_version is None else row.to_version,
        json.dumps([item.to_json() for item in row.instances], ensure_ascii=False),
        row.outcome,
        row.error_code,
        json.dumps(dict(row.detail), ensure_ascii=False, sort_keys=True),
        row.hash,
    ]


def _verify(args: argparse.Namespace) -> int:
    with cli_services() as services:
        check = services.audit.verify()
    data = {"ok": check.ok, "rows": check.rows, "problems": [vars(problem) for problem in check.problems]}
    if check.ok:
        emit(args, f"The audit trail is intact: {check.rows} row(s), hash chain verified.", data)
        return EXIT_OK
    lines = [f"row {problem.seq}: {problem.problem}" for problem in check.problems]
    emit(args, "The audit trail was altered:\n" + "\n".join(lines), data)
    print(
        f"modmanager: the audit trail was altered ({len(check.problems)} problem(s)). "
        "Keep a copy of the inventory file and find out who changed it.",
        file=sys.stderr,
    )
    return EXIT_FAILED
