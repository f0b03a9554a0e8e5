"""Back up module settings and restore them - onto the same PBX or onto another one.

Partners reuse a module configuration for a new installation, so a restore may target any
PBX that has the module installed: the backed-up values are migrated to the form of the
version installed there (by variableId), lost instances are re-created, and the active flags
are set as they were. Before a restore overwrites anything, the target's current settings are
backed up too, so every restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.migration import Migration, migrate_settings
from modmanager.core.planner import managed_modules
from modmanager.core.sfm import ConfigSchema, parse_descriptor
from modmanager.ops.audit import error_detail, instance_changes, record, root_code
from modmanager.ops.converge import (
    ConvergeReport,
    InstanceTarget,
    ModuleTarget,
    Progress,
    find_module,
    no_progress,
    release_quietly,
    restore_settings,
    verify,
)
from modmanager.ops.operation import logged_progress, pbx_exclusive, submit
from modmanager.ops.services import Services
from modmanager.pbx.client import AgentClient
from modmanager.store.audit import AuditAction, AuditEvent, AuditOutcome
from modmanager.store.backups import Backup, BackupInfo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    pbx_name: str
    module_name: str
    instances: tuple[str, ...]
    created_instances: tuple[str, ...]
    dropped: tuple[str, ...]
    """``instance: variableId`` of values the installed version has no place for."""
    safety_backup_id: str | None


def _identity(client: AgentClient) -> str:
    info = client.system_info()
    return info.server_license_key or info.hardware_id or info.hostname or "unknown"


def backup_module(services: Services, pbx_name: str, module_id: str, *, reason: str = "manual") -> BackupInfo:
    """Back up one module's instances, values and internal data; the file is verified after writing."""
    client = services.client(pbx_name)
    try:
        return _backup_with(services, client, pbx_name, module_id, reason)
    finally:
        client.close()


def _backup_with(services: Services, client: AgentClient, pbx_name: str, module_id: str, reason: str) -> BackupInfo:
    module = find_module(client.list_modules(), module_id)
    if module is None:
        raise OperationError(code="backup_module_not_installed", params={"module": module_id, "pbx": pbx_name})
    info = services.backups.create(
        pbx_name=pbx_name,
        pbx_identity=_identity(client),
        module_name=module.name,
        descriptor_xml=client.get_descriptor(module.id),
        config=client.export_config(module.id),
        reason=reason,
    )
    prune_backups(services)
    return info


def backup_pbx(services: Services, pbx_name: str, *, reason: str = "manual") -> list[BackupInfo]:
    """Back up every module installed on a PBX (the agent itself only when a catalog lists it)."""
    client = services.client(pbx_name)
    try:
        agent_id = client.system_info().agent_module_id
        modules = managed_modules(client.list_modules(), services.catalogs.as_catalogs(), agent_module_id=agent_id)
        return [_backup_with(services, client, pbx_name, module.id, reason) for module in modules]
    finally:
        client.close()


def backup_fleet(
    services: Services, pbx_names: Sequence[str], *, workers: int | None = None, reason: str = "manual"
) -> dict[str, list[BackupInfo] | ModManagerError]:
    """Back up every module of every named PBX, several PBXs at once; one PBX failing stops no other."""

    def one(name: str) -> tuple[str, list[BackupInfo] | ModManagerError]:
        try:
            return name, backup_pbx(services, name, reason=reason)
        except ModManagerError as error:
            return name, error

    with ThreadPoolExecutor(max_workers=workers or services.settings.concurrency) as pool:
        futures = [submit(pool, one, name) for name in pbx_names]
        return dict(future.result() for future in futures)


def restore_backup(
    services: Services,
    backup: Backup,
    pbx_name: str,
    *,
    instance_names: Sequence[str] | None = None,
    progress: Progress = no_progress,
) -> RestoreResult:
    """Write a backup's settings into the module installed on ``pbx_name`` (any version).

    The audit trail records the restore: per instance what was carried and dropped."""
    with pbx_exclusive(services, pbx_name, "restore"):
        log.info("restore backup %s of %s onto %s", backup.info.backup_id, backup.info.module_name, pbx_name)
        progress = logged_progress(progress, f"restore {backup.info.module_name}")
        trace = _RestoreTrace()
        try:
            result = _restore_locked(services, backup, pbx_name, instance_names, progress, trace)
        except ModManagerError as error:
            if trace.writing:  # it got as far as writing: the PBX may have changed
                _audit_restore(services, backup, pbx_name, trace, None, error)
            raise
        _audit_restore(services, backup, pbx_name, trace, result, None)
        log.info("restored %s on %s: %s", result.module_name, pbx_name, ", ".join(result.instances))
        return result


@dataclass
class _RestoreTrace:
    """What a restore found out, for its audit row."""

    migrations: list[tuple[str, Migration]] = field(default_factory=list)
    schema: ConfigSchema | None = None
    version: int | None = None
    writing: bool = False


def _audit_restore(
    services: Services,
    backup: Backup,
    pbx_name: str,
    trace: _RestoreTrace,
    result: RestoreResult | None,
    error: ModManagerError | None,
) -> None:
    detail: dict[str, object] = {"backup": backup.info.backup_id, "fromPbx": backup.info.pbx_name}
    if result is not None:
        detail["safetyBackup"] = result.safety_backup_id or ""
        detail["created"] = list(result.created_instances)
    if error is not None:
        detail.update(error_detail(error))
    record(
        services,
        AuditEvent(
            AuditAction.RESTORE,
            pbx=pbx_name,
            module_id=backup.info.module_id,
            module_name=backup.info.module_name,
            from_version=backup.config.version,
            to_version=trace.version,
            instances=instance_changes(trace.migrations, trace.schema),
            outcome=AuditOutcome.OK if error is None else AuditOutcome.FAILED,
            error_code="" if error is None else root_code(error),
            detail=detail,
        ),
    )


def _restore_locked(
    services: Services,
    backup: Backup,
    pbx_name: str,
    instance_names: Sequence[str] | None,
    progress: Progress,
    trace: _RestoreTrace,
) -> RestoreResult:
    client = services.client(pbx_name)
    try:
        installed = find_module(client.list_modules(), backup.info.module_id)
        if installed is None:
            raise OperationError(
                code="restore_module_not_installed",
                params={"module": backup.info.module_name, "pbx": pbx_name},
            )
        chosen = [
            inst for inst in backup.config.instances if instance_names is None or inst.name in set(instance_names)
        ]
        if not chosen:
            raise OperationError(code="restore_no_instances")
        old_schema = parse_descriptor(backup.descriptor_xml).schema
        new_schema = parse_descriptor(client.get_descriptor(installed.id)).schema
        targets: list[InstanceTarget] = []
        dropped: list[str] = []
        trace.schema, trace.version = new_schema, installed.version
        for inst in chosen:
            migration = migrate_settings(old_schema, new_schema, inst.values)
            trace.migrations.append((inst.name, migration))
            targets.append(InstanceTarget(inst.name, migration.values, inst.active))
            dropped.extend(f"{inst.name}: {item.variable_id}" for item in migration.dropped)
        safety = _backup_with(services, client, pbx_name, installed.id, "pre-restore")
        target = ModuleTarget(
            module_id=installed.id,
            version=installed.version,
            sfm=b"",
            instances=tuple(targets),
            internal_data=backup.config.internal_data,
        )
        lock = client.acquire_lock(services.agent_owner())
        report = ConvergeReport()
        trace.writing = True
        try:
            restore_settings(client, lock, target, report, progress)
            verify(client, target)
        finally:
            release_quietly(client, lock)
        return RestoreResult(
            pbx_name=pbx_name,
            module_name=installed.name,
            instances=tuple(inst.name for inst in targets),
            created_instances=tuple(report.created_instances),
            dropped=tuple(dropped),
            safety_backup_id=safety.backup_id,
        )
    finally:
        client.close()


def prune_backups(services: Services) -> None:
    """Apply the retention setting, sparing backups that open update journals need.

    Housekeeping: a failure here must not fail the backup or update that was just made.
    """
    with contextlib.suppress(ModManagerError):
        services.backups.prune(services.settings.backup_retention, protected=services.journal.backup_ids_in_use())
