"""``modmanager window``, ``schedule`` and ``run-due``: unattended work in maintenance windows.

``window`` sets when a customer (or one PBX) allows changes: weekdays, a time range (it may
run past midnight) and a time zone, e.g. ``Mon-Fri 22:00-02:00 Europe/Berlin``; ``window
import`` reads them from CSV. ``schedule add`` puts a job into the next window of each chosen
PBX. ``run-due`` is for the operating system's scheduler (cron, a systemd timer, the Windows
Task Scheduler): it runs what is due and exits - 0 when every due job succeeded (or nothing
was due, or another runner is busy with them), 1 when a job failed, was missed or was
interrupted. It prints a summary (``--json`` for scripts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from modmanager.cli.language import error_text
from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.services import cli_services, resolve_module
from modmanager.core.errors import OperationError, StoreError
from modmanager.core.windows import parse_window
from modmanager.ops.schedule import job_label, run_due, schedule_jobs
from modmanager.ops.services import Services
from modmanager.store.schedules import JobKind, JobState, ScheduledJob

EXIT_OK = 0
EXIT_FAILED = 1
_MAX_IMPORT_BYTES = 1024 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``window``, ``schedule`` and ``run-due``."""
    window = subparsers.add_parser("window", help="maintenance windows of customers and PBXs")
    window_commands = window.add_subparsers(dest="window_command", metavar="COMMAND", required=True)
    set_window = window_commands.add_parser(
        "set",
        help="set the window of a customer or a PBX",
        description="Set a maintenance window, e.g. 'Mon-Fri 22:00-02:00 Europe/Berlin' (weekdays in English or "
        "German, ranges like Fri-Mon, or 'daily'; a range may run past midnight; the time zone defaults to "
        "Europe/Berlin). A PBX's own window overrides its customer's.",
    )
    _target(set_window)
    set_window.add_argument("spec", metavar="WINDOW", help="e.g. 'Mon-Fri 22:00-02:00 Europe/Berlin'")
    set_window.set_defaults(handler=_window_set)
    clear = window_commands.add_parser("clear", help="remove the window of a customer or a PBX")
    _target(clear)
    clear.set_defaults(handler=_window_clear)
    listing = window_commands.add_parser("list", help="every PBX with the window that applies and when it opens next")
    add_json_flag(listing)
    listing.set_defaults(handler=_window_list)
    importing = window_commands.add_parser(
        "import", help="set windows from a CSV file: scope,name,window (scope customer or pbx)"
    )
    importing.add_argument("file", type=Path)
    importing.set_defaults(handler=_window_import)
    exporting = window_commands.add_parser("export", help="write every window as CSV (what import reads)")
    exporting.set_defaults(handler=_window_export)

    schedule = subparsers.add_parser("schedule", help="jobs that run in the PBXs' maintenance windows")
    commands = schedule.add_subparsers(dest="schedule_command", metavar="COMMAND", required=True)
    add = commands.add_parser(
        "add",
        help="schedule a job for the next maintenance window of each chosen PBX",
        description="Schedule a job in the next maintenance window (open now, or the next to start) of each "
        "chosen PBX. 'modmanager run-due' runs it when its window is open.",
    )
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--update-all", action="store_true", help="install every free update (holds honoured)")
    what.add_argument("--rollout", metavar="MODULE", help="update this module (id or name) to --version")
    what.add_argument("--backup", action="store_true", help="back up every module's settings")
    add.add_argument("--version", type=int, metavar="V", help="the release for --rollout")
    which = add.add_mutually_exclusive_group(required=True)
    which.add_argument("--pbx", dest="pbxs", action="append", metavar="NAME", help="a PBX (repeatable)")
    which.add_argument("--customer", metavar="NAME", help="every PBX of this customer")
    which.add_argument("--all", action="store_true", help="every PBX")
    add_json_flag(add)
    add.set_defaults(handler=_schedule_add)
    jobs = commands.add_parser("list", help="scheduled jobs (pending and running; --all for finished ones too)")
    jobs.add_argument("--all", action="store_true", help="also finished, failed and missed jobs")
    jobs.add_argument("--pbx", metavar="NAME", help="only this PBX")
    add_json_flag(jobs)
    jobs.set_defaults(handler=_schedule_list)
    remove = commands.add_parser("remove", help="remove a job that is not running")
    remove.add_argument("job", metavar="JOB", help="the job id from 'schedule list'")
    remove.set_defaults(handler=_schedule_remove)

    due = subparsers.add_parser(
        "run-due",
        help="run the jobs whose maintenance window is open now, then exit (for cron / Task Scheduler)",
        description="Run every scheduled job whose maintenance window is open now; jobs whose window has passed "
        "are reported as missed and not run late. Exit code 0: all due jobs succeeded, nothing was due, or "
        "another runner is working on them; 1: a job failed, was missed or was interrupted.",
    )
    due.add_argument("--quiet", action="store_true", help="print nothing when nothing was due")
    add_json_flag(due)
    due.set_defaults(handler=_run_due)


def _target(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--customer", metavar="NAME", help="the customer (all its PBXs)")
    which.add_argument("--pbx", metavar="NAME", help="one PBX (overrides its customer's window)")


# --- windows -------------------------------------------------------------------------------------


def _window_set(args: argparse.Namespace) -> int:
    window = parse_window(args.spec)
    with cli_services() as services:
        if args.pbx:
            services.windows.set_pbx(args.pbx, window)
            where = args.pbx
        else:
            services.windows.set_customer(args.customer, window)
            where = f"customer {args.customer.strip()}"
    print(f"The maintenance window of {where} is now {window.spec()}.")
    return EXIT_OK


def _window_clear(args: argparse.Namespace) -> int:
    with cli_services() as services:
        if args.pbx:
            services.windows.set_pbx(args.pbx, None)
            where = args.pbx
        else:
            services.windows.set_customer(args.customer, None)
            where = f"customer {args.customer.strip()}"
    print(f"{where[:1].upper() + where[1:]} has no maintenance window of its own any more.")
    return EXIT_OK


def _window_list(args: argparse.Namespace) -> int:
    now = dt.datetime.now(dt.UTC)
    with cli_services() as services:
        records = services.inventory.list()
        effective = services.windows.all_effective()
    rows = []
    data: list[dict[str, object]] = []
    for record in records:
        item = effective.get(record.name)
        if item is None:
            rows.append((record.name, record.customer or "-", "-", "", ""))
            data.append({"pbx": record.name, "customer": record.customer, "window": None})
            continue
        slot = item.window.next_slot(now)
        zone = item.window.zone
        state = "open now" if slot.start <= now else f"next {slot.start.astimezone(zone):%a %Y-%m-%d %H:%M}"
        rows.append((record.name, record.customer or "-", item.window.spec(), item.source, state))
        data.append(
            {
                "pbx": record.name,
                "customer": record.customer,
                "window": item.window.spec(),
                "source": item.source,
                "openNow": slot.start <= now,
                "nextStart": slot.start.isoformat(),
                "nextEnd": slot.end.isoformat(),
            }
        )
    if not rows:
        emit(args, "No PBXs yet.", [])
        return EXIT_OK
    emit(args, table(("PBX", "CUSTOMER", "WINDOW", "FROM", "STATE"), rows), data)
    return EXIT_OK


def _window_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        if path.stat().st_size > _MAX_IMPORT_BYTES:
            raise StoreError(code="window_file_too_large", params={"path": str(path), "limit": "1 MiB"})
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise StoreError(
            code="window_file_unreadable", params={"path": str(path), "detail": error.strerror or str(error)}
        ) from None
    except UnicodeDecodeError:
        raise StoreError(code="window_file_not_utf8", params={"path": str(path)}) from None
    with cli_services() as services:
        result = services.windows.import_csv(text)
    print(f"Imported {result.customers} customer window(s) and {result.pbxs} PBX window(s).")
    return EXIT_OK


def _window_export(args: argparse.Namespace) -> int:
    with cli_services() as services:
        sys.stdout.write(services.windows.export_csv())
    return EXIT_OK


# --- jobs ----------------------------------------------------------------------------------------


def _schedule_add(args: argparse.Namespace) -> int:
    with cli_services() as services:
        names = _pbx_names(services, args)
        module_id = ""
        if args.rollout:
            if args.version is None:
                raise OperationError(code="schedule_rollout_needs_version")
            candidates = [(module.id, tuple(module.names.values())) for module in services.catalogs.modules()]
            module_id = resolve_module(args.rollout, candidates, where="catalogs")
            kind = JobKind.ROLLOUT
        else:
            kind = JobKind.UPDATE_ALL if args.update_all else JobKind.BACKUP
        jobs = schedule_jobs(services, kind, names, module_id=module_id, to_version=args.version)
    emit(args, _jobs_table(jobs), [job.to_json() for job in jobs])
    return EXIT_OK


def _pbx_names(services: Services, args: argparse.Namespace) -> list[str]:
    if args.pbxs:
        return [services.inventory.get(name).name for name in dict.fromkeys(args.pbxs)]
    records = services.inventory.list()
    if args.customer:
        wanted = args.customer.strip().casefold()
        records = [record for record in records if record.customer.strip().casefold() == wanted]
        if not records:
            raise OperationError(code="schedule_customer_unknown", params={"customer": args.customer})
    return [record.name for record in records]


def _schedule_list(args: argparse.Namespace) -> int:
    states = None if args.all else [JobState.PENDING, JobState.RUNNING]
    with cli_services() as services:
        jobs = services.schedules.list(states=states, pbx=args.pbx)
    if not jobs:
        emit(args, "No scheduled jobs." if args.all else "No pending jobs ('--all' shows finished ones).", [])
        return EXIT_OK
    emit(args, _jobs_table(jobs), [job.to_json() for job in jobs])
    return EXIT_OK


def _jobs_table(jobs: list[ScheduledJob]) -> str:
    rows = [
        (
            job.job_id,
            job.pbx_name,
            job_label(job),
            _window_text(job),
            job.state.value,
            job.summary,
        )
        for job in jobs
    ]
    return table(("JOB", "PBX", "WORK", "WINDOW (LOCAL TIME)", "STATE", "RESULT"), rows)


def _window_text(job: ScheduledJob) -> str:
    """``2025-06-13 22:00 - 02:00`` (local time); the end's date when it is not the next morning."""
    start, end = job.window_start.astimezone(), job.window_end.astimezone()
    if end - start >= dt.timedelta(hours=24) or end.date() > start.date() + dt.timedelta(days=1):
        return f"{start:%Y-%m-%d %H:%M} - {end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M} - {end:%H:%M}"


def _schedule_remove(args: argparse.Namespace) -> int:
    with cli_services() as services:
        job = services.schedules.remove(args.job)
    print(f"Removed job {job.job_id} ({job_label(job)} on {job.pbx_name}).")
    return EXIT_OK


def _run_due(args: argparse.Namespace) -> int:
    with cli_services() as services:
        summary = run_due(services)
    if args.json:
        emit(args, "", summary.to_json())
    elif summary.anything or summary.busy or not args.quiet:
        lines = [summary.headline(), *summary.lines()]
        if summary.mail_failure is not None:
            lines.append(f"E-mail summary: {error_text(summary.mail_failure)}")
        elif summary.mail_error:
            lines.append(f"E-mail summary: {summary.mail_error}")
        print("\n".join(lines))
    if summary.ok:
        return EXIT_OK
    print(f"modmanager: {summary.headline()}", file=sys.stderr)
    return EXIT_FAILED

