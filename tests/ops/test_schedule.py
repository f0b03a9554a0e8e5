"""Scheduled jobs in maintenance windows: run-due, missed windows, two runners, the e-mail summary."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.core.windows import parse_window
from modmanager.ops.notify import SMTP_SECRET, send_test
from modmanager.ops.runlock import run_lock_path
from modmanager.ops.schedule import run_due, schedule_jobs
from modmanager.ops.services import Services
from modmanager.store.schedules import JobKind, JobState, NewJob
from tests.ops.smtp_server import smtp_server
from tests.ops.world import MODULE_A, MODULE_B, PBX, services_for, world

ALWAYS = parse_window("daily 00:00-00:00 UTC")
HOUR = dt.timedelta(hours=1)


def test_scheduling_needs_a_window_and_takes_the_next_one(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        with pytest.raises(OperationError, match="No maintenance window is set for kunde-a") as caught:
            schedule_jobs(w.services, JobKind.BACKUP, [PBX])
        assert caught.value.code == "schedule_no_window"
        w.services.windows.set_pbx(PBX, parse_window("Sat 22:00-02:00 UTC"))
        friday = dt.datetime(2025, 6, 13, 12, 0, tzinfo=dt.UTC)
        (job,) = schedule_jobs(w.services, JobKind.BACKUP, [PBX], now=friday)
        assert (job.window_start, job.window_end) == (
            dt.datetime(2025, 6, 14, 22, 0, tzinfo=dt.UTC),
            dt.datetime(2025, 6, 15, 2, 0, tzinfo=dt.UTC),
        )
        assert job.state is JobState.PENDING
        with pytest.raises(OperationError, match="no release 999"):
            schedule_jobs(w.services, JobKind.ROLLOUT, [PBX], module_id=MODULE_A, to_version=999)


def test_run_due_installs_free_updates_in_an_open_window_and_records_the_job(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.windows.set_pbx(PBX, ALWAYS)
        (job,) = schedule_jobs(w.services, JobKind.UPDATE_ALL, [PBX])
        finished: list[str] = []
        summary = run_due(w.services, on_job=lambda item: finished.append(item.job_id))
        assert summary.ok and not summary.busy and finished == [job.job_id]
        (done,) = summary.ran
        assert done.state is JobState.SUCCEEDED
        assert "2 module(s) updated" in done.summary
        assert w.module(MODULE_A).version == 130 and w.module(MODULE_B).version == 4
        rows = w.services.audit.query(actions=["update"])
        assert len(rows) == 2
        assert all(row.detail["origin"] == "schedule" and row.detail["job"] == job.job_id for row in rows)
        # Nothing is due any more.
        again = run_due(w.services)
        assert again.ok and not again.anything and again.headline() == "No job is due."


def test_a_module_failing_its_health_check_fails_the_job_and_is_rolled_back(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.windows.set_pbx(PBX, ALWAYS)
        w.sim.faults.unstable_instances(MODULE_A, version=130)
        schedule_jobs(w.services, JobKind.UPDATE_ALL, [PBX])
        summary = run_due(w.services)
        assert not summary.ok
        (job,) = summary.failed
        assert job.state is JobState.FAILED
        assert "health check failed" in job.summary
        assert w.module(MODULE_A).version == 126
        (row,) = [row for row in w.services.audit.query(actions=["update"]) if row.module_id == MODULE_A]
        assert (row.outcome, row.error_code) == ("rolled-back", "health_check_failed")


def test_a_passed_window_is_missed_not_run_late(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        now = dt.datetime.now(dt.UTC)
        (job,) = w.services.schedules.add([NewJob(JobKind.UPDATE_ALL, PBX, now - 3 * HOUR, now - HOUR)])
        summary = run_due(w.services)
        assert [item.job_id for item in summary.missed] == [job.job_id]
        assert not summary.ok and summary.ran == ()
        assert w.services.schedules.get(job.job_id).state is JobState.MISSED
        assert w.module(MODULE_A).version == 126
        assert "1 missed (kunde-a)" in summary.headline()


def test_a_window_that_closes_before_the_job_starts_is_missed(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        start = dt.datetime.now(dt.UTC)
        w.services.schedules.add([NewJob(JobKind.BACKUP, PBX, start - HOUR, start + HOUR)])
        moments = iter([start, start, start + 2 * HOUR])

        def clock() -> dt.datetime:
            return next(moments, start + 2 * HOUR)

        summary = run_due(w.services, clock=clock)
        (done,) = summary.ran
        assert done.state is JobState.MISSED and "ended before the job could start" in done.summary
        assert w.services.backups.list_backups()[0] == []


def test_a_second_runner_finds_the_lock_taken_and_runs_nothing(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.windows.set_pbx(PBX, ALWAYS)
        (job,) = schedule_jobs(w.services, JobKind.BACKUP, [PBX])
        # Another process holds the runner lock of this data folder.
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(timeout=5);"
                " print('held', flush=True); sys.stdin.readline()",
                str(run_lock_path(w.services.inventory.path.parent)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            summary = run_due(w.services)
            assert summary.busy and summary.ok and summary.ran == ()
            assert w.services.schedules.get(job.job_id).state is JobState.PENDING
        finally:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait(timeout=10)
            if holder.stdout is not None:
                holder.stdout.close()
        # The lock went with the process: now it runs.
        assert [item.job_id for item in run_due(w.services).ran] == [job.job_id]


def test_two_runners_at_once_run_a_job_once(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.windows.set_pbx(PBX, ALWAYS)
        (job,) = schedule_jobs(w.services, JobKind.BACKUP, [PBX])
        inside = threading.Event()
        release = threading.Event()
        results: dict[str, object] = {}

        def hold_in_job(_job: object) -> None:
            inside.set()
            release.wait(30)

        first = threading.Thread(target=lambda: results.setdefault("first", run_due(w.services, on_job=hold_in_job)))
        first.start()
        try:
            assert inside.wait(30)
            # A second runner with its own services (like a second process) on the same folder.
            other = _second_services(w.services, tmp_path)
            try:
                second = run_due(other)
            finally:
                other.close()
        finally:
            release.set()
            first.join(30)
        assert second.busy and second.ran == ()
        summary = results["first"]
        assert [item.job_id for item in summary.ran] == [job.job_id]  # type: ignore[attr-defined]
        assert len(w.services.backups.list_backups()[0]) == 2  # both modules, once


def _second_services(services: Services, tmp_path: Path) -> Services:
    source = services.settings.catalog_sources[0]
    other = services_for(tmp_path, Path(source.location), source.public_key)
    other.settings = services.settings
    return other


def test_jobs_left_running_by_a_dead_runner_are_interrupted(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        now = dt.datetime.now(dt.UTC)
        (job,) = w.services.schedules.add([NewJob(JobKind.BACKUP, PBX, now - HOUR, now + HOUR)])
        w.services.schedules.claim_due(now, "dead-runner")
        summary = run_due(w.services)
        assert [item.job_id for item in summary.interrupted] == [job.job_id]
        assert summary.interrupted[0].state is JobState.INTERRUPTED
        assert not summary.ok


def _mail_settings(services: Services, port: int, **changes: object) -> None:
    services.settings = replace(
        services.settings,
        notify_email=True,
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_user="partner",
        smtp_sender="modmanager@partner.example",
        smtp_recipients=("technik@partner.example", "chef@partner.example"),
        **changes,
    )
    services.credentials.set_secret(SMTP_SECRET, "smtp-secret-pw")


def test_the_run_summary_is_mailed_over_starttls_after_a_login(tmp_path: Path) -> None:
    with world(tmp_path) as w, smtp_server(tmp_path / "smtp", credentials=("partner", "smtp-secret-pw")) as smtp:
        _mail_settings(w.services, smtp.port, language="de")
        w.services.windows.set_pbx(PBX, ALWAYS)
        w.sim.faults.unstable_instances(MODULE_A, version=130)
        schedule_jobs(w.services, JobKind.UPDATE_ALL, [PBX])
        summary = run_due(w.services, mail_context=smtp.client_context())
        assert summary.mail_error == ""
        (sent,) = smtp.mailbox.messages
        sender, recipients, message = sent
        assert sender == "modmanager@partner.example"
        assert recipients == ["technik@partner.example", "chef@partner.example"]
        assert message["Subject"] == "modmanager: 1 geplanter Auftrag nicht erledigt"
        body = message.get_content()
        assert "kunde-a: install all free updates - fehlgeschlagen:" in body
        assert "health check failed" in body
        assert smtp.mailbox.logins == [("partner", "smtp-secret-pw", True)]  # only ever inside TLS


def test_tls_from_the_start_and_clear_errors(tmp_path: Path) -> None:
    with world(tmp_path) as w, smtp_server(tmp_path / "smtp", mode="tls", credentials=("partner", "other")) as smtp:
        _mail_settings(w.services, smtp.port, smtp_security="tls")
        with pytest.raises(OperationError, match="refused the login") as caught:
            send_test(w.services, context=smtp.client_context())
        assert caught.value.code == "notify_failed"
        assert "smtp-secret-pw" not in str(caught.value)
        w.services.credentials.set_secret(SMTP_SECRET, "other")
        send_test(w.services, context=smtp.client_context())
        assert smtp.mailbox.messages[0][2]["Subject"] == "modmanager: Test"
        # The system's trust store does not know the test server's certificate.
        with pytest.raises(OperationError, match="certificate is not trusted"):
            send_test(w.services)


def test_a_failed_mail_does_not_fail_the_run(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        _mail_settings(w.services, 9)  # discard port: nothing listens
        w.services.windows.set_pbx(PBX, ALWAYS)
        schedule_jobs(w.services, JobKind.BACKUP, [PBX])
        summary = run_due(w.services)
        assert summary.ok
        assert "could not be sent" in summary.mail_error
