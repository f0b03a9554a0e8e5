"""Scheduled jobs in the inventory: what runs in which PBX's maintenance window.

A job belongs to one PBX and one occurrence of its window (``window_start`` to
``window_end``, UTC). Jobs scheduled together share a ``batch``. Claiming due jobs happens in
one write transaction, so two runners can never both take a job; the runner's lock
(:mod:`modmanager.ops.runlock`) additionally keeps a second runner from starting at all.
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from modmanager.core.errors import StoreError
from modmanager.store.audit import current_actor
from modmanager.store.inventory import Inventory


class JobKind(enum.StrEnum):
    UPDATE_ALL = "update-all"
    """Install every free update (holds and skips honoured)."""
    ROLLOUT = "rollout"
    """Update one module to one release (as a rollout would: free unless asked, holds honoured)."""
    BACKUP = "backup"
    """Back up every module's settings."""


class JobState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    MISSED = "missed"
    """The window passed before a runner got to it; it is not run late."""
    INTERRUPTED = "interrupted"
    """The runner that took it stopped before it finished (crash, shutdown)."""

    @property
    def is_final(self) -> bool:
        return self not in (JobState.PENDING, JobState.RUNNING)


@dataclass(frozen=True)
class NewJob:
    kind: JobKind
    pbx_name: str
    window_start: dt.datetime
    window_end: dt.datetime
    module_id: str = ""
    to_version: int | None = None


@dataclass(frozen=True)
class ScheduledJob:
    job_id: str
    batch: str
    kind: JobKind
    pbx_name: str
    module_id: str
    to_version: int | None
    window_start: dt.datetime
    window_end: dt.datetime
    state: JobState
    created_at: dt.datetime
    created_by: str
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    runner: str = ""
    summary: str = ""
    detail: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.job_id,
            "batch": self.batch,
            "kind": self.kind.value,
            "pbx": self.pbx_name,
            "moduleId": self.module_id or None,
            "toVersion": self.to_version,
            "windowStart": self.window_start.isoformat(),
            "windowEnd": self.window_end.isoformat(),
            "state": self.state.value,
            "createdAt": self.created_at.isoformat(),
            "createdBy": self.created_by,
            "startedAt": None if self.started_at is None else self.started_at.isoformat(),
            "finishedAt": None if self.finished_at is None else self.finished_at.isoformat(),
            "summary": self.summary,
            "detail": dict(self.detail),
        }


@dataclass(frozen=True)
class Claim:
    """What one runner took: jobs to run now, and jobs whose window passed (marked missed)."""

    run: tuple[ScheduledJob, ...]
    missed: tuple[ScheduledJob, ...]


_SELECT = (
    "SELECT j.job_id, j.batch, j.kind, p.name, j.module_id, j.to_version, j.window_start, j.window_end, j.state,"
    " j.created_at, j.created_by, j.started_at, j.finished_at, j.runner, j.summary, j.detail"
    " FROM scheduled_job AS j JOIN pbx AS p ON p.id = j.pbx_id"
)


class ScheduleStore:
    def __init__(self, inventory: Inventory) -> None:
        self._inventory = inventory

    def add(self, jobs: Sequence[NewJob]) -> builtins.list[ScheduledJob]:
        """Store jobs as one batch; a job already pending for the same PBX, window and work is refused."""
        if not jobs:
            return []
        batch = secrets.token_hex(4)
        user, workstation = current_actor()
        created = dt.datetime.now(dt.UTC)
        ids: list[str] = []
        with self._inventory.write() as conn:
            for job in jobs:
                if job.window_end <= job.window_start:
                    raise StoreError(code="schedule_window_backwards")
                pbx_id = self._inventory.pbx_id(conn, job.pbx_name)
                duplicate = conn.execute(
                    "SELECT job_id FROM scheduled_job WHERE state = 'pending' AND pbx_id = ? AND kind = ?"
                    " AND module_id = ? AND IFNULL(to_version, -1) = ? AND window_start = ?",
                    (
                        pbx_id,
                        job.kind.value,
                        job.module_id.lower(),
                        _version_key(job.to_version),
                        _iso(job.window_start),
                    ),
                ).fetchone()
                if duplicate is not None:
                    raise StoreError(code="schedule_duplicate", params={"pbx": job.pbx_name, "job": str(duplicate[0])})
                job_id = secrets.token_hex(4)
                conn.execute(
                    "INSERT INTO scheduled_job (job_id, batch, kind, pbx_id, module_id, to_version, window_start,"
                    " window_end, state, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                    (
                        job_id,
                        batch,
                        job.kind.value,
                        pbx_id,
                        job.module_id.lower(),
                        job.to_version,
                        _iso(job.window_start),
                        _iso(job.window_end),
                        _iso(created),
                        f"{user}@{workstation}",
                    ),
                )
                ids.append(job_id)
        return [self.get(job_id) for job_id in ids]

    def get(self, job_id: str) -> ScheduledJob:
        rows = self._inventory.read(_SELECT + " WHERE j.job_id = ?", (job_id,))
        if not rows:
            raise StoreError(code="schedule_unknown_job", params={"job": job_id})
        return _job(rows[0])

    def list(self, *, states: Sequence[JobState] | None = None, pbx: str | None = None) -> builtins.list[ScheduledJob]:
        """Jobs by window start (pending first when ``states`` is None: everything)."""
        where: list[str] = []
        params: list[Any] = []
        if states:
            where.append(f"j.state IN ({', '.join('?' * len(states))})")
            params.extend(state.value for state in states)
        if pbx is not None:
            where.append("p.name = ?")
            params.append(pbx)
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY j.window_start, p.name"
        return [_job(row) for row in self._inventory.read(sql, tuple(params))]

    def remove(self, job_id: str) -> ScheduledJob:
        """Delete a job that is not running."""
        job = self.get(job_id)
        if job.state is JobState.RUNNING:
            raise StoreError(code="schedule_job_running", params={"job": job_id})
        with self._inventory.write() as conn:
            conn.execute("DELETE FROM scheduled_job WHERE job_id = ? AND state != 'running'", (job_id,))
        return job

    def claim_due(self, now: dt.datetime, runner: str) -> Claim:
        """Take every pending job whose window has started: open ones become running, passed ones missed."""
        moment = _iso(now)
        with self._inventory.write() as conn:
            rows = conn.execute(
                _SELECT + " WHERE j.state = 'pending' AND j.window_start <= ? ORDER BY j.window_start, p.name",
                (moment,),
            ).fetchall()
            run: list[str] = []
            missed: list[str] = []
            for row in rows:
                job = _job(row)
                if job.window_end <= now:
                    conn.execute(
                        "UPDATE scheduled_job SET state = 'missed', finished_at = ?, runner = ?, summary = ?"
                        " WHERE job_id = ?",
                        (moment, runner, "The maintenance window passed before a runner got to it.", job.job_id),
                    )
                    missed.append(job.job_id)
                else:
                    conn.execute(
                        "UPDATE scheduled_job SET state = 'running', started_at = ?, runner = ? WHERE job_id = ?",
                        (moment, runner, job.job_id),
                    )
                    run.append(job.job_id)
        return Claim(tuple(self.get(job_id) for job_id in run), tuple(self.get(job_id) for job_id in missed))

    def finish(
        self, job_id: str, state: JobState, summary: str, detail: Mapping[str, Any] | None = None
    ) -> ScheduledJob:
        """Record how a running job ended."""
        if not state.is_final:
            raise ValueError("a job finishes in a final state")
        with self._inventory.write() as conn:
            conn.execute(
                "UPDATE scheduled_job SET state = ?, finished_at = ?, summary = ?, detail = ? WHERE job_id = ?",
                (
                    state.value,
                    _iso(dt.datetime.now(dt.UTC)),
                    summary,
                    json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str),
                    job_id,
                ),
            )
        return self.get(job_id)

    def interrupt_running(self) -> builtins.list[ScheduledJob]:
        """Mark jobs left running by a runner that is gone as interrupted (call only with the runner lock)."""
        stale = self.list(states=[JobState.RUNNING])
        for job in stale:
            self.finish(
                job.job_id,
                JobState.INTERRUPTED,
                "The runner stopped before the job finished; an interrupted update is offered for recovery.",
            )
        return [self.get(job.job_id) for job in stale]


def _version_key(version: int | None) -> int:
    return -1 if version is None else version


def _iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("A stored time must carry a time zone (use datetime.now(UTC)).")
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _time(text: object) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(str(text))


def _job(row: Sequence[Any]) -> ScheduledJob:
    (
        job_id,
        batch,
        kind,
        pbx_name,
        module_id,
        to_version,
        window_start,
        window_end,
        state,
        created_at,
        created_by,
        started_at,
        finished_at,
        runner,
        summary,
        detail,
    ) = row
    try:
        parsed = json.loads(detail)
    except (TypeError, json.JSONDecodeError):
        parsed = {}
    start = _time(window_start)
    end = _time(window_end)
    created = _time(created_at)
    assert start is not None and end is not None and created is not None
    return ScheduledJob(
        job_id=str(job_id),
        batch=str(batch),
        kind=JobKind(str(kind)),
        pbx_name=str(pbx_name),
        module_id=str(module_id),
        to_version=None if to_version is None else int(to_version),
        window_start=start,
        window_end=end,
        state=JobState(str(state)),
        created_at=created,
        created_by=str(created_by),
        started_at=_time(started_at),
        finished_at=_time(finished_at),
        runner=str(runner),
        summary=str(summary),
        detail=parsed if isinstance(parsed, dict) else {},
    )
