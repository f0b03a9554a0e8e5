"""The customer report: "what did you change on our PBX last night?", answered from the audit trail.

:func:`build_report` collects, per PBX of a customer, every change since a date (updates,
installs, restores, recoveries, holds), which settings were carried over, dropped or set to a
new default, what failed and how it was resolved, and which settings backups exist. It is a
plain data model; :mod:`modmanager.ops.report_html` writes it as HTML (German or English) and
the GUI's :mod:`modmanager.gui.report_pdf` as PDF.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from modmanager.core.errors import OperationError
from modmanager.core.windows import DEFAULT_TIMEZONE
from modmanager.ops.services import Services
from modmanager.store.audit import AuditAction, AuditOutcome, AuditRecord, InstanceChange, current_actor
from modmanager.store.backups import BackupInfo

REPORTED_ACTIONS = frozenset(
    {
        AuditAction.INSTALL,
        AuditAction.UPDATE,
        AuditAction.ROLLBACK,
        AuditAction.RECOVERY,
        AuditAction.RESTORE,
        AuditAction.INSTANCE_STATE,
        AuditAction.AGENT_SECRET,
        AuditAction.PBX_ADDED,
        AuditAction.PBX_REMOVED,
        AuditAction.PBX_RENAMED,
        AuditAction.HOLD,
        AuditAction.UNHOLD,
        AuditAction.SKIP,
        AuditAction.UNSKIP,
    }
)


class Resolution(enum.StrEnum):
    """How a failed change ended for the customer."""

    NOTHING_CHANGED = "nothing-changed"
    ROLLED_BACK = "rolled-back"
    KEPT_NEW = "kept-new"
    RECOVERED = "recovered"
    OPEN = "open"


@dataclass(frozen=True)
class FailedCheck:
    """A health check that failed: its code and params (to say it in the report's language) and
    the English sentence."""

    code: str
    message: str
    params: Mapping[str, str]


@dataclass(frozen=True)
class ReportChange:
    """One change on one PBX, as the report tells it."""

    at: dt.datetime
    """Local time of the report's zone."""
    action: str
    module_name: str
    from_version: int | None
    to_version: int | None
    outcome: str
    error_code: str
    message: str
    """The English error message when it failed (the report explains it in its language)."""
    failed_checks: tuple[FailedCheck, ...]
    """The health checks that failed."""
    instances: tuple[InstanceChange, ...]
    resolution: Resolution | None
    resolved_at: dt.datetime | None
    by: str
    """OS user and workstation."""
    scheduled: bool
    reason: str
    """For holds and skips: the partner's reason."""

    @property
    def failed(self) -> bool:
        return self.outcome != AuditOutcome.OK


@dataclass(frozen=True)
class ReportBackup:
    created_at: dt.datetime
    module_name: str
    module_version: int
    reason: str
    instances: tuple[str, ...]
    backup_id: str


@dataclass(frozen=True)
class PbxSection:
    pbx: str
    changes: tuple[ReportChange, ...]
    backups: tuple[ReportBackup, ...]
    removed: bool
    """The PBX is no longer in the inventory (it appears through its audit rows)."""

    @property
    def failures(self) -> tuple[ReportChange, ...]:
        return tuple(change for change in self.changes if change.failed)


@dataclass(frozen=True)
class CustomerReport:
    customer: str
    since: dt.datetime
    until: dt.datetime
    generated_at: dt.datetime
    generated_by: str
    timezone: str
    pbxs: tuple[PbxSection, ...]
    audit_intact: bool
    audit_rows: int

    @property
    def change_count(self) -> int:
        return sum(len(section.changes) for section in self.pbxs)

    @property
    def failure_count(self) -> int:
        return sum(len(section.failures) for section in self.pbxs)

    @property
    def open_count(self) -> int:
        return sum(
            1 for section in self.pbxs for change in section.failures if change.resolution is Resolution.OPEN
        )


def build_report(
    services: Services,
    customer: str,
    since: dt.datetime,
    *,
    until: dt.datetime | None = None,
    timezone: str | None = None,
) -> CustomerReport:
    """Collect the report of ``customer`` for ``since`` to ``until`` (default: now).

    Times are shown in ``timezone``; by default the zone of the customer's maintenance window,
    else Europe/Berlin.
    """
    end = until or dt.datetime.now(dt.UTC)
    wanted = customer.strip().casefold()
    records = [record for record in services.inventory.list() if record.customer.strip().casefold() == wanted]
    rows = [
        row
        for row in services.audit.query(since=since, until=end)
        if row.customer.strip().casefold() == wanted and row.action in REPORTED_ACTIONS
    ]
    if not records and not rows:
        raise OperationError(code="report_unknown_customer", params={"customer": customer})
    shown_name = records[0].customer if records else rows[0].customer
    zone_name = timezone or _customer_zone(services, shown_name)
    zone = ZoneInfo(zone_name)
    current = {record.name for record in records}
    names = sorted(current | {row.pbx for row in rows if row.pbx}, key=str.casefold)
    backups, _damaged = services.backups.list_backups()
    check = services.audit.verify()
    user, workstation = current_actor()
    sections = tuple(
        PbxSection(
            pbx=name,
            changes=_changes([row for row in rows if row.pbx == name], zone),
            backups=tuple(_backup(info, zone) for info in backups if info.pbx_name == name),
            removed=name not in current,
        )
        for name in names
    )
    return CustomerReport(
        customer=shown_name,
        since=since.astimezone(zone),
        until=end.astimezone(zone),
        generated_at=dt.datetime.now(dt.UTC).astimezone(zone),
        generated_by=f"{user}@{workstation}",
        timezone=zone_name,
        pbxs=sections,
        audit_intact=check.ok,
        audit_rows=check.rows,
    )


def _customer_zone(services: Services, customer: str) -> str:
    window = services.windows.customer_window(customer)
    return window.timezone if window is not None else DEFAULT_TIMEZONE


def _changes(rows: Sequence[AuditRecord], zone: ZoneInfo) -> tuple[ReportChange, ...]:
    changes = []
    for index, row in enumerate(rows):
        resolution: Resolution | None = None
        resolved_at = None
        if row.outcome != AuditOutcome.OK:
            resolution, resolved_at = _resolution(row, rows[index + 1 :])
        checks = row.detail.get("failedChecks", [])
        changes.append(
            ReportChange(
                at=row.at.astimezone(zone),
                action=row.action,
                module_name=row.module_name,
                from_version=row.from_version,
                to_version=row.to_version,
                outcome=row.outcome,
                error_code=row.error_code,
                message=str(row.detail.get("message", "")),
                failed_checks=tuple(_check(item) for item in checks if isinstance(item, dict)),
                instances=row.instances,
                resolution=resolution,
                resolved_at=None if resolved_at is None else resolved_at.astimezone(zone),
                by=f"{row.os_user}@{row.workstation}",
                scheduled=row.detail.get("origin") == "schedule",
                reason=str(row.detail.get("reason", "")),
            )
        )
    return tuple(changes)


def _check(item: Mapping[str, Any]) -> FailedCheck:
    params = item.get("params", {})
    return FailedCheck(
        code=str(item.get("code", "")),
        message=str(item.get("message", "")),
        params={str(key): str(value) for key, value in params.items()} if isinstance(params, dict) else {},
    )


def _resolution(
    row: AuditRecord, later: Sequence[AuditRecord]
) -> tuple[Resolution, dt.datetime | None]:
    outcome = row.outcome
    if outcome == AuditOutcome.ROLLED_BACK:
        return Resolution.ROLLED_BACK, row.at
    if outcome == AuditOutcome.KEPT_NEW:
        return Resolution.KEPT_NEW, row.at
    if outcome == AuditOutcome.NOT_FINISHED:
        for item in later:
            if (
                item.action == AuditAction.RECOVERY
                and item.outcome == AuditOutcome.OK
                and item.module_id == row.module_id
            ):
                return Resolution.RECOVERED, item.at
        return Resolution.OPEN, None
    if row.action == AuditAction.RECOVERY:
        return Resolution.OPEN, None
    return Resolution.NOTHING_CHANGED, row.at


def _backup(info: BackupInfo, zone: ZoneInfo) -> ReportBackup:
    try:
        created = dt.datetime.fromisoformat(info.created_at)
    except ValueError:
        created = dt.datetime.fromtimestamp(0, dt.UTC)
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    return ReportBackup(
        created_at=created.astimezone(zone),
        module_name=info.module_name,
        module_version=info.module_version,
        reason=info.reason,
        instances=tuple(name for name, _active in info.instances),
        backup_id=info.backup_id,
    )
