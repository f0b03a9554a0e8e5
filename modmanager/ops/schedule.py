"""Scheduled jobs: put work into each PBX's next maintenance window, and run what is due.

:func:`schedule_jobs` finds, per chosen PBX, the occurrence of its maintenance window that is
open now or starts next, and stores one job per PBX for it. :func:`run_due` is the headless
runner (``modmanager run-due``; the desktop application calls it too while it is open): under
the data folder's runner lock (:mod:`modmanager.ops.runlock`) it marks jobs a dead runner left
"running" as interrupted, claims every job whose window has started, marks those whose window
has already passed as *missed* (they are not run late), and runs the rest - PBXs in parallel,
one PBX's jobs one after the other, each checked against its window again right before it
starts.

Jobs:

- ``update-all`` - every free update of the PBX, one update transaction each (health check,
  rollback), holds and skips honoured; it stops at the first failure on that PBX.
- ``rollout`` - one module to one release, as a rollout decides it for this PBX (free only,
  holds and skips honoured; a PBX that needs nothing is fine).
- ``backup`` - every module's settings.

Every change made lands in the audit trail with ``origin: schedule`` and the job's id.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import ssl
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.ops.audit import audit_context
from modmanager.ops.backup import backup_pbx
from modmanager.ops.fleet import update_all
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.rollout import plan_rollout
from modmanager.ops.runlock import RunnerBusy, runner_lock
from modmanager.ops.services import Services
from modmanager.ops.update import prepare_update, run_update
from modmanager.store.schedules import JobKind, JobState, NewJob, ScheduledJob

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# --- scheduling ------------------------------------------------------------------------------------


def schedule_jobs(
    services: Services,
    kind: JobKind,
    pbx_names: Sequence[str],
    *,
    module_id: str = "",
    to_version: int | None = None,
    now: dt.datetime | None = None,
) -> list[ScheduledJob]:
    """One job per PBX in the occurrence of its window that is open now or comes next.

    Every PBX must have a maintenance window (its own or its customer's); if one has none,
    nothing is scheduled and the error names it.
    """
    if not pbx_names:
        raise OperationError(code="schedule_no_pbx")
    moment = now or utc_now()
    if kind is JobKind.ROLLOUT:
        module_id = _check_release(services, module_id, to_version)
    jobs: list[NewJob] = []
    without: list[str] = []
    for name in dict.fromkeys(pbx_names):
        services.inventory.get(name)  # an unknown PBX fails before anything is stored
        effective = services.windows.effective(name)
        if effective is None:
            without.append(name)
            continue
        slot = effective.window.next_slot(moment)
        jobs.append(NewJob(kind, name, slot.start, slot.end, module_id, to_version))
    if without:
        names = ", ".join(without)
        raise OperationError(code="schedule_no_window", params={"pbxs": names})
    return services.schedules.add(jobs)


def _check_release(services: Services, module_id: str, to_version: int | None) -> str:
    module = services.catalogs.module(module_id) if module_id else None
    if module is None:
        raise OperationError(code="schedule_unknown_module", params={"module": module_id})
    if to_version is None or module.release(to_version) is None:
        raise OperationError(
            code="schedule_unknown_release",
            params={"module": module.display_name("en"), "version": str(to_version)},
        )
    return module.id


# --- running ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunSummary:
    """What one run of :func:`run_due` did."""

    started_at: dt.datetime
    finished_at: dt.datetime
    busy: bool = False
    """Another runner held the lock; this one did nothing."""
    ran: tuple[ScheduledJob, ...] = ()
    """Jobs this run started, in their final state."""
    missed: tuple[ScheduledJob, ...] = ()
    interrupted: tuple[ScheduledJob, ...] = ()
    """Jobs an earlier runner left unfinished."""
    mail_error: str = ""
    """Why the e-mail summary could not be sent (empty when sent or not wanted), in English."""
    mail_failure: ModManagerError | None = None
    """The same as the error, for a front end that says it in its own language."""

    @property
    def failed(self) -> tuple[ScheduledJob, ...]:
        return tuple(job for job in self.ran if job.state is not JobState.SUCCEEDED)

    @property
    def ok(self) -> bool:
        """Nothing failed, was missed or interrupted (a busy run is fine: the other runner works)."""
        return not self.failed and not self.missed and not self.interrupted

    @property
    def anything(self) -> bool:
        return bool(self.ran or self.missed or self.interrupted)

    def lines(self) -> list[str]:
        """One English line per job, failures first."""
        jobs = [*self.failed, *self.missed, *self.interrupted]
        jobs += [job for job in self.ran if job.state is JobState.SUCCEEDED]
        return [f"{job.state.value:<11} {job.pbx_name}: {job_label(job)} - {job.summary}" for job in jobs]

    def headline(self) -> str:
        if self.busy:
            return "Another runner is working on the due jobs; nothing was run here."
        if not self.anything:
            return "No job is due."
        done = sum(1 for job in self.ran if job.state is JobState.SUCCEEDED)
        parts = [f"{done} of {len(self.ran)} job(s) succeeded"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed ({', '.join(job.pbx_name for job in self.failed)})")
        if self.missed:
            parts.append(f"{len(self.missed)} missed ({', '.join(job.pbx_name for job in self.missed)})")
        if self.interrupted:
            parts.append(f"{len(self.interrupted)} interrupted")
        return "; ".join(parts) + "."

    def to_json(self) -> dict[str, Any]:
        return {
            "startedAt": self.started_at.isoformat(),
            "finishedAt": self.finished_at.isoformat(),
            "busy": self.busy,
            "ok": self.ok,
            "ran": [job.to_json() for job in self.ran],
            "missed": [job.to_json() for job in self.missed],
            "interrupted": [job.to_json() for job in self.interrupted],
            "mailError": self.mail_error,
        }


def job_label(job: ScheduledJob) -> str:
    """``update all``, ``backup``, ``rollout <module> v130``."""
    if job.kind is JobKind.ROLLOUT:
        return f"rollout {job.module_id} v{job.to_version}"
    return "install all free updates" if job.kind is JobKind.UPDATE_ALL else "back up"


def runner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def run_due(
    services: Services,
    *,
    clock: Clock = utc_now,
    on_job: Callable[[ScheduledJob], None] | None = None,
    send_mail: bool = True,
    mail_context: ssl.SSLContext | None = None,
) -> RunSummary:
    """Run every job whose window is open now (see the module docstring); never raises per job.

    ``on_job`` is called (on a worker thread) as each job ends. With ``send_mail`` and the
    ``notify_email`` setting, the summary is e-mailed when anything was run or missed
    (``mail_context``: the TLS context for the SMTP server; default: the system's trust).
    """
    started = clock()
    try:
        with runner_lock(services.inventory.path.parent):
            interrupted = tuple(services.schedules.interrupt_running())
            claim = services.schedules.claim_due(clock(), runner_name())
            ran = _run_claimed(services, claim.run, clock, on_job)
    except RunnerBusy:
        return RunSummary(started, clock(), busy=True)
    summary = RunSummary(started, clock(), ran=ran, missed=claim.missed, interrupted=interrupted)
    if send_mail and summary.anything and services.settings.notify_email:
        from modmanager.ops.notify import send_run_summary

        try:
            send_run_summary(services, summary, context=mail_context)
        except ModManagerError as error:
            log.warning("the e-mail summary was not sent: %s", error)
            summary = RunSummary(
                summary.started_at,
                summary.finished_at,
                ran=summary.ran,
                missed=summary.missed,
                interrupted=summary.interrupted,
                mail_error=str(error),
                mail_failure=error,
            )
    return summary


def _run_claimed(
    services: Services,
    jobs: Sequence[ScheduledJob],
    clock: Clock,
    on_job: Callable[[ScheduledJob], None] | None,
) -> tuple[ScheduledJob, ...]:
    by_pbx: dict[str, list[ScheduledJob]] = defaultdict(list)
    for job in jobs:
        by_pbx[job.pbx_name].append(job)
    if not by_pbx:
        return ()

    def one_pbx(pbx_jobs: list[ScheduledJob]) -> list[ScheduledJob]:
        done = []
        for job in sorted(pbx_jobs, key=lambda item: item.window_start):
            finished = _run_job(services, job, clock)
            done.append(finished)
            if on_job is not None:
                on_job(finished)
        return done

    workers = max(1, min(services.settings.concurrency, len(by_pbx)))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="run-due") as pool:
        results = list(pool.map(one_pbx, by_pbx.values()))
    return tuple(job for group in results for job in group)


@dataclass
class _Result:
    state: JobState
    summary: str
    detail: dict[str, Any] = field(default_factory=dict)


def _run_job(services: Services, job: ScheduledJob, clock: Clock) -> ScheduledJob:
    """Run one claimed job to its final state; every error becomes the job's summary."""
    if clock() >= job.window_end:
        result = _Result(JobState.MISSED, "The maintenance window ended before the job could start.")
    else:
        try:
            with audit_context(origin="schedule", job=job.job_id):
                result = _RUNNERS[job.kind](services, job)
        except ModManagerError as error:
            result = _Result(JobState.FAILED, error.message, {"code": error.code})
        except Exception:  # a bug must not leave the job "running" for ever
            log.exception("scheduled job %s failed unexpectedly", job.job_id)
            result = _Result(JobState.FAILED, "The job stopped with an unexpected error (see the log).")
    return services.schedules.finish(job.job_id, result.state, result.summary, result.detail)


def _refuse_if_interrupted(services: Services, pbx: str) -> None:
    if any(entry.pbx_name == pbx for entry in services.journal.unfinished()):
        raise OperationError(code="schedule_interrupted_update", params={"pbx": pbx})


def _update_all(services: Services, job: ScheduledJob) -> _Result:
    _refuse_if_interrupted(services, job.pbx_name)
    outcome = update_all(services, job.pbx_name, stop_on_failure=True)
    updated = [
        {"module": item.module_name, "from": item.from_version, "to": item.to_version} for item in outcome.succeeded
    ]
    failed = [
        {"module": item.module_name, "from": item.from_version, "to": item.to_version, "error": error.message,
         "code": error.code}
        for item, error in outcome.failed
    ]  # fmt: skip
    not_started = [item.module_name for item in outcome.skipped]
    detail: dict[str, Any] = {"updated": updated, "failed": failed, "notStarted": not_started}
    if not outcome.succeeded and not outcome.failed:
        return _Result(JobState.SUCCEEDED, "No free update was due.", detail)
    parts = [f"{len(updated)} module(s) updated"]
    if updated:
        parts[0] += " (" + ", ".join(f"{item['module']} v{item['from']}->v{item['to']}" for item in updated) + ")"
    if failed:
        names = ", ".join(str(item["module"]) for item in failed)
        parts.append(f"{len(failed)} failed ({names}): {str(failed[0]['error']).rstrip('.')}")
    if not_started:
        parts.append(f"{len(not_started)} not started after the failure")
    return _Result(JobState.FAILED if failed else JobState.SUCCEEDED, "; ".join(parts) + ".", detail)


def _rollout(services: Services, job: ScheduledJob) -> _Result:
    _refuse_if_interrupted(services, job.pbx_name)
    refresh_pbx(services, job.pbx_name)  # unreachable: the job fails with the reason
    plan = plan_rollout(services, job.module_id, pbx_names=[job.pbx_name], to_version=job.to_version, canary=0)
    if not plan.targets:
        first = plan.skipped[0].reason_skipped if plan.skipped else None
        reason = first.message if first is not None else "nothing to do"
        return _Result(JobState.SUCCEEDED, f"Not updated: {reason}.", {"skipped": reason})
    (target,) = plan.targets
    preview = prepare_update(services, job.pbx_name, plan.module_id, to_version=target.to_version)
    result = run_update(services, preview, confirm_paid=False)
    return _Result(
        JobState.SUCCEEDED,
        f"{result.module_name} updated from v{result.from_version} to v{result.to_version}.",
        {"module": result.module_name, "from": result.from_version, "to": result.to_version},
    )


def _backup(services: Services, job: ScheduledJob) -> _Result:
    infos = backup_pbx(services, job.pbx_name, reason="scheduled")
    names = [info.module_name for info in infos]
    return _Result(
        JobState.SUCCEEDED,
        f"{len(infos)} module(s) backed up" + (f" ({', '.join(names)})." if names else "."),
        {"backups": [info.backup_id for info in infos]},
    )


_RUNNERS: dict[JobKind, Callable[[Services, ScheduledJob], _Result]] = {
    JobKind.UPDATE_ALL: _update_all,
    JobKind.ROLLOUT: _rollout,
    JobKind.BACKUP: _backup,
}
