"""``modmanager report``: a customer's change report as PDF or HTML, in German or English.

Per PBX: what changed since the date, which settings were carried over, dropped or set to a new
default, which backups exist, what failed and how it was resolved. HTML needs nothing more; the
PDF is laid out by Qt (imported only here, offscreen when there is no display).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from modmanager.cli.audit_cmd import parse_since
from modmanager.cli.services import cli_services
from modmanager.core.errors import OperationError
from modmanager.ops.report import build_report
from modmanager.ops.report_html import LANGUAGES, render_html
from modmanager.store.atomic import write_atomic


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``report``."""
    report = subparsers.add_parser(
        "report",
        help="write a customer's change report (PDF or HTML)",
        description="Write what changed on a customer's PBXs since a date: changes, carried/dropped/new settings, "
        "backups, failures and how they were resolved. The file type follows --out (.pdf or .html).",
    )
    report.add_argument("--customer", required=True, metavar="NAME")
    report.add_argument("--since", required=True, type=parse_since, metavar="DATE", help="e.g. 2025-06-01")
    report.add_argument("--until", type=parse_since, metavar="DATE", help="default: now")
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="FILE.pdf or FILE.html")
    report.add_argument("--lang", choices=LANGUAGES, default="de", help="language of the report (default: de)")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    out: Path = args.out
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm"):
        raise OperationError(code="report_output_type", params={"name": out.name})
    with cli_services() as services:
        report = build_report(services, args.customer, args.since, until=args.until)
    html = render_html(report, args.lang)
    if suffix == ".pdf":
        from modmanager.gui.report_pdf import ensure_gui_application, write_pdf

        ensure_gui_application()
        title = f"{'Änderungsbericht' if args.lang == 'de' else 'Change report'} {report.customer}"
        try:
            write_pdf(html, out, title=title)
        except OSError as error:
            raise OperationError(
                code="report_write_failed", params={"path": str(out), "detail": error.strerror or str(error)}
            ) from None
        if not out.is_file() or out.stat().st_size == 0:
            raise OperationError(code="report_not_written", params={"path": str(out)})
    else:
        write_atomic(out, html.encode("utf-8"))
    failures = f", {report.failure_count} failed" if report.failure_count else ""
    print(
        f"Wrote the report for {report.customer} ({len(report.pbxs)} PBX(s), "
        f"{report.change_count} change(s){failures}) to {out}."
    )
    return 0
