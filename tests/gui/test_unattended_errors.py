"""Every error code of unattended work reads German, made by its real producer where cheap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.core.windows import parse_window
from modmanager.ops.health import CheckName, HealthCheck, HealthReport
from modmanager.ops.notify import send
from modmanager.ops.report import build_report
from modmanager.ops.runlock import runner_lock
from modmanager.ops.schedule import schedule_jobs
from modmanager.ops.update import prepare_update
from modmanager.store.schedules import JobKind, NewJob
from modmanager.store.settings import Settings
from tests.gui.test_errors import assert_german, german, raised  # noqa: F401 - the fixture
from tests.ops.world import MODULE_A, PBX, world

HEALTH = {
    "health_instance_inactive": {"instances": "Zentrale"},
    "health_settings_differ": {"instances": "Zentrale"},
    "health_wrong_version": {"found": "126", "version": "130"},
    "health_module_missing": {},
    "health_agent_silent": {"cause": "x"},
    "health_config_unreadable": {"cause": "x"},
    "health_modules_unreadable": {"cause": "x"},
}
UNATTENDED_CODES = frozenset(
    {
        "update_held", "health_check_failed", *HEALTH, "hold_not_found", "hold_needs_module",
        "hold_needs_customer", "hold_needs_version", "hold_reason_too_long", "window_invalid",
        "window_import_invalid", "schedule_no_pbx", "schedule_no_window", "schedule_unknown_module",
        "schedule_unknown_release", "schedule_duplicate", "schedule_unknown_job", "schedule_job_running",
        "schedule_runner_busy", "schedule_interrupted_update", "report_unknown_customer",
        "notify_not_configured", "notify_no_password", "notify_failed",
    }
)  # fmt: skip


def test_health_failures_read_german(german: str) -> None:  # noqa: F811
    checks = tuple(
        HealthCheck(CheckName.INSTANCES_ACTIVE, False, "english", code, params) for code, params in HEALTH.items()
    )
    error = HealthReport(checks).error()
    text = assert_german(error, "Funktionsprüfung")
    assert "Instanz Zentrale blieb nicht aktiv" in text
    for part in error.parts:
        assert_german(ModManagerError("english sentence", code=part.code, params=part.params))


def test_holds_windows_schedules_and_reports_read_german(tmp_path: Path, german: str) -> None:  # noqa: F811
    with world(tmp_path) as w:
        services = w.services
        services.holds.set(Hold(HoldKind.HOLD, HoldScope.PBX, PBX, MODULE_A, reason="Test"))
        errors: list[tuple[Callable[[], object], str]] = [
            (lambda: prepare_update(services, PBX, MODULE_A), "festgehalten"),
            (lambda: services.holds.remove(HoldKind.SKIP, HoldScope.FLEET, "", MODULE_A, 99), "Überspringen"),
            (lambda: services.holds.set(Hold(HoldKind.HOLD, HoldScope.FLEET, "", " ")), "Modul"),
            (lambda: services.holds.set(Hold(HoldKind.HOLD, HoldScope.CUSTOMER, "", MODULE_A)), "Kunden"),
            (lambda: services.holds.set(Hold(HoldKind.SKIP, HoldScope.FLEET, "", MODULE_A)), "Version"),
            (lambda: services.holds.set(Hold(HoldKind.HOLD, HoldScope.FLEET, "", MODULE_A, reason="x" * 600)), "500"),
            (lambda: parse_window("Mon 25:00-01:00"), "Wartungsfenster"),
            (lambda: services.windows.import_csv("pbx,nobody,daily 01:00-02:00\n"), "Zeile 1"),
            (lambda: schedule_jobs(services, JobKind.BACKUP, []), "keine Telefonanlage"),
            (lambda: schedule_jobs(services, JobKind.BACKUP, [PBX]), "kein Wartungsfenster"),
            (lambda: schedule_jobs(services, JobKind.ROLLOUT, [PBX], module_id="nope"), "Katalog"),
            (lambda: schedule_jobs(services, JobKind.ROLLOUT, [PBX], module_id=MODULE_A, to_version=9), "Version 9"),
            (lambda: services.schedules.get("0000"), "0000"),
            (lambda: build_report(services, "Niemand", dt.datetime(2000, 1, 1, tzinfo=dt.UTC)), "Niemand"),
        ]
        for call, word in errors:
            assert_german(raised(call), word)
        now = dt.datetime.now(dt.UTC)
        job = NewJob(JobKind.BACKUP, PBX, now - dt.timedelta(hours=1), now + dt.timedelta(hours=1))
        services.schedules.add([job])
        assert_german(raised(services.schedules.add, [job]), "schon geplant")
        (pending,) = services.schedules.list()
        services.schedules.claim_due(now, "test")
        assert_german(raised(services.schedules.remove, pending.job_id), "läuft gerade")
        with runner_lock(tmp_path), pytest.raises(OperationError) as busy, runner_lock(tmp_path):
            pass
        assert_german(busy.value, "anderer modmanager")
        interrupted = OperationError("x", code="schedule_interrupted_update", params={"pbx": PBX})
        assert_german(interrupted, "unterbrochenes Update")


def test_mail_problems_read_german(german: str) -> None:  # noqa: F811
    from email.message import EmailMessage

    empty = Settings()
    assert_german(raised(send, empty, None, EmailMessage()), "E-Mail")
    configured = replace(
        empty, smtp_host="127.0.0.1", smtp_port=9, smtp_sender="a@b.example", smtp_recipients=("c@d.example",)
    )
    assert_german(raised(send, replace(configured, smtp_user="u"), None, EmailMessage()), "SMTP-Passwort")
    assert_german(raised(send, configured, None, EmailMessage(), timeout=5), "127.0.0.1:9")
