"""The update transaction: one click that never loses a module setting.

``prepare_update`` looks and changes nothing: it reads the PBX, picks the release, downloads
and checks the file, finds a way back (the installed version's file) and computes, for every
instance, which settings carry over, which are dropped and which are new. The user sees that
preview. ``run_update`` then:

1. preflight - the PBX still looks like the preview, a paid upgrade was acknowledged, the
   operation lock is taken;
2. backup - every instance's values and the internal data, read back and verified;
3. journal - written (atomic, fsynced) before the first step that changes the PBX;
4. converge to the new version - upload, install, restore the migrated settings into the same
   instances (re-creating lost ones), re-activate what was active, verify by reading back;
5. health check (:mod:`modmanager.ops.health`) - the agent answers, the target version runs,
   what was active is active, the configuration reads back;
6. close the journal, remember the installed file for a later rollback, prune old backups.

Each request is a round trip to a PBX that may be far away, so none is made twice: the run
takes the PBX's facts and the installed form from the preview, and one ``exportConfig`` under
the lock is both the preflight check (it names the installed version) and the backup. What
the update sends is pinned in ``tests/ops/test_update_round_trips.py``.

If anything fails after the journal was written - the health check included - the PBX is
converged back to the previous version with the backed-up settings. If even that fails (the
PBX is gone), the journal stays open and :mod:`modmanager.ops.recovery` finishes the job
later, in any process. Every run ends with a row in the audit trail (:mod:`modmanager.ops.audit`).

A held module (see :mod:`modmanager.core.holds`) gets no update unless a version is named
explicitly; a skipped release is not picked as the target.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from modmanager.core.catalog import CatalogModule, Channel, Release, ReleaseFile
from modmanager.core.changelog import DEFAULT_PAID_MARKERS
from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.holds import NO_RULES, ModuleRules, rules_for
from modmanager.core.migration import Migration, migrate_settings
from modmanager.core.planner import ModuleStatus, PbxFacts, choose_file, paid_crossing, plan_module
from modmanager.core.protocol import Capability, InstalledModule, LockGrant, ModuleConfig, SystemInfo
from modmanager.core.sfm import (
    ConfigSchema,
    ModuleDescriptor,
    ModuleFile,
    SettingValue,
    parse_descriptor,
    read_sfm,
)
from modmanager.core.versions import StarfaceVersion, Verdict
from modmanager.ops.audit import error_detail, instance_changes, outcome_of, record, root_code
from modmanager.ops.backup import prune_backups
from modmanager.ops.converge import (
    InstanceTarget,
    ModuleTarget,
    Progress,
    converge,
    find_module,
    no_progress,
    release_quietly,
)
from modmanager.ops.health import HealthReport, check_health
from modmanager.ops.operation import logged_progress, pbx_exclusive
from modmanager.ops.services import Services
from modmanager.pbx.client import AgentClient
from modmanager.store.audit import AuditAction, AuditEvent, AuditOutcome, InstanceChange
from modmanager.store.journal import JournalEntry

CREATE_INSTANCE_NAME_KEY = "fresh_instance"
LOCK_OWNER_KEY = "lock_owner"
"""The journal detail naming the agent lock owner of the update (unique per operation)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InstancePreview:
    name: str
    active: bool
    migration: Migration


@dataclass(frozen=True)
class UpdatePreview:
    """Everything the user confirms before an update starts; nothing has changed yet."""

    pbx_name: str
    module_id: str
    module_name: str
    from_version: int | None
    """None for a fresh install."""
    release: Release
    file: ReleaseFile
    is_nfr: bool
    verdict: Verdict
    paid: bool
    """Reaching this release needs a new module license key."""
    paid_release: Release | None
    free_alternative: Release | None
    instances: tuple[InstancePreview, ...]
    rollback_available: bool
    warnings: tuple[str, ...]
    target_sha256: str
    previous_sha256: str | None
    starface_version: str
    system_info: SystemInfo | None = None
    """The PBX's facts as the preview read them; the update takes them instead of reading again."""
    installed_descriptor: bytes | None = None
    """The installed version's ``module-descriptor.xml`` as the preview read it (None for a fresh
    install); the update backs it up once it has seen, under its lock, that this version still runs."""

    @property
    def is_fresh_install(self) -> bool:
        return self.from_version is None

    @property
    def is_downgrade(self) -> bool:
        return self.from_version is not None and self.release.version < self.from_version

    @property
    def drops_settings(self) -> bool:
        return any(instance.migration.dropped for instance in self.instances)


@dataclass(frozen=True)
class UpdateResult:
    pbx_name: str
    module_id: str
    module_name: str
    from_version: int | None
    to_version: int
    backup_id: str | None
    restored_instances: tuple[str, ...]
    activated_instances: tuple[str, ...]
    created_instances: tuple[str, ...] = ()
    messages: tuple[str, ...] = field(default=())
    health: HealthReport | None = None
    """The health check after the update (every check passed or could not be made)."""


def prepare_update(
    services: Services,
    pbx_name: str,
    module_id: str,
    *,
    to_version: int | None = None,
    nfr: bool | None = None,
    channel: Channel | None = None,
) -> UpdatePreview:
    """Compute what an update would do, download and verify its file. Changes nothing on the PBX."""
    client = services.client(pbx_name)
    try:
        info = client.system_info()
        installed = find_module(client.list_modules(), module_id)
        module = services.catalogs.module(module_id)
        if module is None:
            shown = installed.name if installed else module_id
            raise OperationError(code="update_no_catalog", params={"module": shown})
        facts = PbxFacts.from_system_info(info)
        chosen_channel = channel or (Channel.PRERELEASE if services.settings.prerelease_channel else Channel.STABLE)
        plan = plan_module(
            facts, installed, module, channel=chosen_channel, rules=_rules(services, pbx_name, module.id)
        )
        if plan.status is ModuleStatus.HELD and to_version is None and plan.hold is not None:
            raise OperationError(
                code="update_held",
                params={"module": module.display_name("en"), "pbx": pbx_name, "reason": plan.hold.reason},
            )
        release = _pick_release(module, plan.target, installed, to_version)
        verdict = release.compatibility.verdict(StarfaceVersion.parse(info.starface_version))
        if verdict is Verdict.INCOMPATIBLE:
            raise OperationError(
                code="update_incompatible",
                params={
                    "module": module.display_name("en"),
                    "version": release.display_version,
                    "starface": info.starface_version,
                },
            )
        file, is_nfr = choose_file(release, facts, module)
        if nfr is not None:
            file, is_nfr = _flavour(release, nfr)
        if file is None:
            raise OperationError(
                code="update_no_nfr_file" if nfr else "update_no_file",
                params={"module": module.display_name("en"), "version": release.display_version},
            )
        data = services.catalogs.fetch(file)
        target_sha = services.sfm_cache.put(data)
        new_file = read_sfm(data, source=file.location)
        if new_file.descriptor.id.lower() != module_id.lower():
            raise OperationError(
                code="update_wrong_file",
                params={"found": new_file.descriptor.id, "expected": module_id},
            )
        warnings: list[str] = []
        instances: tuple[InstancePreview, ...] = ()
        previous_sha: str | None = None
        installed_descriptor: bytes | None = None
        if installed is not None:
            installed_descriptor, previous_sha = _installed_form_and_copy(
                services, client, pbx_name, installed, module, facts
            )
            old_schema = parse_descriptor(installed_descriptor).schema
            config = client.export_config(module_id)
            instances = tuple(
                InstancePreview(
                    inst.name, inst.active, migrate_settings(old_schema, new_file.descriptor.schema, inst.values)
                )
                for inst in config.instances
            )
            if previous_sha is None:
                warnings.append(
                    f"No copy of the installed version v{installed.version} is available: if the update fails, "
                    "the settings are restored into the new version instead of going back."
                )
        if installed is not None and not client.supports(Capability.INTERNAL_DATA):
            warnings.append(
                "The agent on this PBX cannot back up a module's internal data: if this module keeps data "
                "in its own database, that data is lost by the update."
            )
        if verdict is Verdict.UNTESTED:
            warnings.append(
                f"The vendor has not stated that this release works with STARFACE {info.starface_version} (untested)."
            )
        paid_release = paid_crossing(
            module,
            installed.version if installed is not None else None,
            release,
            facts,
            nfr_build=is_nfr,
            markers=services.settings.paid_markers or DEFAULT_PAID_MARKERS,
        )
        free = None
        if (
            paid_release is not None
            and plan.free_target is not None
            and plan.free_target.version < paid_release.version
        ):
            free = plan.free_target
        return UpdatePreview(
            pbx_name=pbx_name,
            module_id=module.id,
            module_name=installed.name if installed is not None else new_file.descriptor.name,
            from_version=None if installed is None else installed.version,
            release=release,
            file=file,
            is_nfr=is_nfr,
            verdict=verdict,
            paid=paid_release is not None,
            paid_release=paid_release,
            free_alternative=free,
            instances=instances,
            rollback_available=installed is None or previous_sha is not None,
            warnings=tuple(warnings),
            target_sha256=target_sha,
            previous_sha256=previous_sha,
            starface_version=info.starface_version,
            system_info=info,
            installed_descriptor=installed_descriptor,
        )
    finally:
        client.close()


def _rules(services: Services, pbx_name: str, module_id: str) -> ModuleRules:
    """The holds and skips of ``module_id`` on ``pbx_name``."""
    try:
        customer = services.inventory.get(pbx_name).customer
        return rules_for(services.holds.for_pbx(pbx_name, customer), module_id, pbx_name, customer)
    except ModManagerError:
        return NO_RULES


def _pick_release(
    module: CatalogModule, planned: Release | None, installed: InstalledModule | None, to_version: int | None
) -> Release:
    if to_version is not None:
        release = module.release(to_version)
        if release is None:
            raise OperationError(
                code="update_no_release",
                params={"module": module.display_name("en"), "version": str(to_version)},
            )
        return release
    if planned is None:
        raise OperationError(
            code="update_up_to_date" if installed is not None else "update_no_compatible_release",
            params={"module": module.display_name("en")},
        )
    return planned


def _flavour(release: Release, nfr: bool) -> tuple[ReleaseFile | None, bool]:
    return (release.nfr, True) if nfr else (release.standard, False)


def _installed_form_and_copy(
    services: Services,
    client: AgentClient,
    pbx_name: str,
    installed: InstalledModule,
    module: CatalogModule,
    facts: PbxFacts,
) -> tuple[bytes, str | None]:
    """The installed version's descriptor and the SHA-256 of a cached copy of its file (the way
    back), kept before anything changes; at most one ``getDescriptor``.

    The copy, in order: the one modmanager installed itself (then the descriptor is read from it,
    without asking the PBX); the file the PBX runs (an agent with the capability ``moduleFile``
    hands it out, byte for byte, with the descriptor in the same answer - the best copy there
    is); the release file from a catalog.
    """
    cached = services.sfm_cache.installed(pbx_name, installed.id)
    cached_file = _release_of(services.sfm_cache.get(cached), installed) if cached is not None else None
    if cached is not None and cached_file is not None:
        return cached_file.descriptor_xml, cached
    descriptor, from_pbx = b"", b""
    if client.supports(Capability.MODULE_FILE):
        with contextlib.suppress(ModManagerError):  # handing out the file may fail where the descriptor does not
            descriptor, from_pbx = client.get_descriptor_and_file(installed.id)
    if not descriptor:
        descriptor = client.get_descriptor(installed.id)
    if _release_of(from_pbx, installed) is not None:
        return descriptor, services.sfm_cache.put(from_pbx)
    return descriptor, _catalog_copy(services, installed, module, facts)


def _catalog_copy(
    services: Services, installed: InstalledModule, module: CatalogModule, facts: PbxFacts
) -> str | None:
    """The installed version's release file from a catalog, cached; None when there is none."""
    release = module.release(installed.version)
    if release is None:
        return None
    file, _ = choose_file(release, facts, module)
    if installed.license_state == "nfr" and release.nfr is not None:
        file = release.nfr
    if file is None:
        return None
    try:
        return services.sfm_cache.put(services.catalogs.fetch(file))
    except ModManagerError:
        return None


def _release_of(data: bytes | None, installed: InstalledModule) -> ModuleFile | None:
    """``data`` read as a module file when it is exactly the installed module and version, else None."""
    if not data:
        return None
    try:
        file = read_sfm(data)
    except ModManagerError:
        return None
    same = file.descriptor.id.lower() == installed.id.lower() and file.descriptor.version == installed.version
    return file if same else None


def run_update(
    services: Services,
    preview: UpdatePreview,
    *,
    confirm_paid: bool = False,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> UpdateResult:
    """Carry out a previewed update; see the module docstring for the steps and guarantees."""
    try:
        result = _run_update(services, preview, confirm_paid=confirm_paid, progress=progress, cancelled=cancelled)
    except ModManagerError as error:
        if error.code != "update_paid_refused":
            _audit_failure(services, preview, error)
        raise
    _audit_success(services, preview, result)
    return result


def _run_update(
    services: Services,
    preview: UpdatePreview,
    *,
    confirm_paid: bool,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> UpdateResult:
    if preview.paid and not confirm_paid:
        raise OperationError(
            code="update_paid_refused",
            params={
                "module": preview.module_name,
                "version": preview.release.display_version,
                "free_version": preview.free_alternative.display_version if preview.free_alternative else "",
            },
        )
    target_data = services.sfm_cache.get(preview.target_sha256)
    if target_data is None:
        raise OperationError(code="update_file_not_cached")
    new_file = read_sfm(target_data)
    with pbx_exclusive(services, preview.pbx_name, "update"):
        log.info(
            "update %s (%s) on %s: v%s -> v%s",
            preview.module_name,
            preview.module_id,
            preview.pbx_name,
            preview.from_version,
            preview.release.version,
        )
        progress = logged_progress(progress, f"update {preview.module_name}")
        return _run_update_locked(services, preview, new_file.descriptor, progress, cancelled)


def _run_update_locked(
    services: Services,
    preview: UpdatePreview,
    new_descriptor: ModuleDescriptor,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> UpdateResult:
    client = services.client(preview.pbx_name)
    if preview.system_info is not None:
        client.remember_system_info(preview.system_info)  # read by the preview; no second systemInfo
    try:
        health: HealthReport | None = None
        progress("preflight", 0, 1)
        try:
            lock = client.acquire_lock(services.agent_owner())
        except ModManagerError as error:
            raise _not_started(preview, error) from error
        try:
            try:
                entry, backup_id, before = _begin(services, client, preview, new_descriptor, progress, cancelled)
            except OperationError:
                raise
            except ModManagerError as error:
                raise _not_started(preview, error) from error
            try:
                target = target_state(services, entry)
                entry = services.journal.advance(entry, "upload")
                report = converge(
                    client,
                    lock,
                    target,
                    force_install=True,
                    progress=progress,
                    before_install=lambda: _mark_install(services, entry),
                    before=before,
                )
                progress("health", 0, 1)
                health = check_health(client, target, delay_seconds=services.settings.health_check_seconds)
                if not health.ok:
                    raise health.error()
                progress("health", 1, 1)
            except Exception as error:  # every failure must reach the rollback
                _log_failure(entry, error)
                outcome = _roll_back_after(services, client, entry, error)
                log.warning("update of %s on %s ended [%s]", entry.module_name, entry.pbx_name, outcome.code)
                raise outcome from error
            services.journal.close(entry)
            log.info("update of %s on %s done: v%s runs", preview.module_name, preview.pbx_name, entry.to_version)
        finally:
            release_quietly(client, lock)
        services.sfm_cache.remember_installed(preview.pbx_name, preview.module_id, preview.target_sha256)
        prune_backups(services)
        return UpdateResult(
            pbx_name=preview.pbx_name,
            module_id=preview.module_id,
            module_name=preview.module_name,
            from_version=preview.from_version,
            to_version=preview.release.version,
            backup_id=backup_id,
            restored_instances=tuple(inst.name for inst in target.instances),
            activated_instances=tuple(report.activated),
            created_instances=tuple(report.created_instances),
            messages=report.notes(),
            health=health,
        )
    finally:
        client.close()


def _audit_changes(services: Services, preview: UpdatePreview) -> tuple[InstanceChange, ...]:
    """Per instance what is carried, dropped and new; a fresh install's one instance gets defaults."""
    data = services.sfm_cache.get(preview.target_sha256)
    schema = None
    if data is not None:
        try:
            schema = read_sfm(data).descriptor.schema
        except ModManagerError:
            schema = None
    return instance_changes([(inst.name, inst.migration) for inst in preview.instances], schema)


def _audit_success(services: Services, preview: UpdatePreview, result: UpdateResult) -> None:
    record(
        services,
        AuditEvent(
            AuditAction.INSTALL if preview.is_fresh_install else AuditAction.UPDATE,
            pbx=preview.pbx_name,
            module_id=preview.module_id,
            module_name=preview.module_name,
            from_version=preview.from_version,
            to_version=preview.release.version,
            instances=_audit_changes(services, preview),
            outcome=AuditOutcome.OK,
            detail={
                "backup": result.backup_id or "",
                "nfr": preview.is_nfr,
                "paid": preview.paid,
                "created": list(result.created_instances),
                "health": result.health.to_json() if result.health is not None else [],
            },
        ),
    )


def _audit_failure(services: Services, preview: UpdatePreview, error: ModManagerError) -> None:
    outcome = outcome_of(error)
    detail = error_detail(error)
    health = _health_parts(error)
    if health:
        detail["failedChecks"] = health
    record(
        services,
        AuditEvent(
            AuditAction.INSTALL if preview.is_fresh_install else AuditAction.UPDATE,
            pbx=preview.pbx_name,
            module_id=preview.module_id,
            module_name=preview.module_name,
            from_version=preview.from_version,
            to_version=preview.release.version,
            # Settings moved only when the new version was kept; otherwise the old ones are back.
            instances=_audit_changes(services, preview) if outcome is AuditOutcome.KEPT_NEW else (),
            outcome=outcome,
            error_code=root_code(error),
            detail=detail,
        ),
    )


def _health_parts(error: ModManagerError) -> list[dict[str, object]]:
    """The failed health checks behind an update error (found in its causes)."""
    current: ModManagerError | None = error
    while current is not None:
        if current.code == "health_check_failed":
            return [
                {"code": part.code, "message": part.message, "params": dict(part.params)} for part in current.parts
            ]
        current = current.cause
    return []


def _begin(
    services: Services,
    client: AgentClient,
    preview: UpdatePreview,
    new_descriptor: ModuleDescriptor,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> tuple[JournalEntry, str | None, ModuleConfig | None]:
    """Check the PBX against the preview, back up, open the journal; (entry, backup id, the
    configuration backed up - the module's state right before the install).

    One read under the lock does both the check and the backup: ``exportConfig`` names the
    installed version and holds every instance's values, its active flag and the internal data.
    The PBX's facts and the installed form come from the preview (the same version still runs,
    so its form is the same). Nothing here changes the PBX, so any failure leaves it as it was.
    """
    config: ModuleConfig | None = None
    if preview.from_version is None:
        changed = find_module(client.list_modules(), preview.module_id) is not None
    else:
        try:
            config = client.export_config(preview.module_id)
        except ModManagerError as error:
            if error.code != "module_not_found":
                raise
        changed = config is None or config.version != preview.from_version
    if changed:
        raise OperationError(
            code="update_changed_since_preview",
            params={"module": preview.module_name, "pbx": preview.pbx_name},
        )
    progress("preflight", 1, 1)
    if cancelled():
        raise OperationError(code="update_cancelled")
    backup_id = None
    details: dict[str, object] = {}
    if config is not None:
        progress("backup", 0, 1)
        info = preview.system_info or client.known_system_info()
        descriptor = preview.installed_descriptor or client.get_descriptor(preview.module_id)
        backup = services.backups.create(
            pbx_name=preview.pbx_name,
            pbx_identity=_identity(info),
            module_name=preview.module_name,
            descriptor_xml=descriptor,
            config=config,
            reason="pre-update",
        )
        backup_id = backup.backup_id
        progress("backup", 1, 1)
    else:
        details[CREATE_INSTANCE_NAME_KEY] = new_descriptor.display_name("de") or preview.module_name
    # Recovery takes over the agent lock of this operation if the process dies (see recovery.py).
    details[LOCK_OWNER_KEY] = services.agent_owner()
    entry = services.journal.begin(
        pbx_name=preview.pbx_name,
        module_id=preview.module_id,
        module_name=preview.module_name,
        from_version=preview.from_version,
        to_version=preview.release.version,
        backup_id=backup_id,
        target_sha256=preview.target_sha256,
        previous_sha256=preview.previous_sha256,
        details=details,
    )
    return entry, backup_id, config


def _not_started(preview: UpdatePreview, error: ModManagerError) -> OperationError:
    """A failure before the journal was opened: say that the PBX is untouched, keep the cause's hint."""
    return OperationError(
        code="update_not_started", params={"module": preview.module_name, "pbx": preview.pbx_name}, cause=error
    )


def _log_failure(entry: JournalEntry, error: BaseException) -> None:
    """The cause of a failed update, with the traceback when it was a bug (users see fixed words only)."""
    if isinstance(error, ModManagerError):
        log.warning("update of %s on %s failed: %s [%s]", entry.module_name, entry.pbx_name, error.message, error.code)
    else:
        log.error("update of %s on %s failed unexpectedly", entry.module_name, entry.pbx_name, exc_info=error)


def _mark_install(services: Services, entry: JournalEntry) -> None:
    services.journal.advance(entry, "install")


def _identity(info: SystemInfo) -> str:
    return info.server_license_key or info.hardware_id or info.hostname or "unknown"


def target_state(services: Services, entry: JournalEntry) -> ModuleTarget:
    """The new version with every backed-up setting migrated to its form."""
    data = _cached(services, entry.target_sha256, f"v{entry.to_version}")
    new_file = read_sfm(data)
    if entry.backup_id is None:
        name = str(entry.details.get(CREATE_INSTANCE_NAME_KEY) or entry.module_name)
        return ModuleTarget(
            module_id=entry.module_id,
            version=entry.to_version,
            sfm=data,
            instances=(InstanceTarget(name=name, values=_defaults(new_file.descriptor.schema), active=True),),
            file_name=f"{entry.module_name}_v{entry.to_version}.sfm",
        )
    backup = services.backups.load(entry.backup_id)
    old_schema = parse_descriptor(backup.descriptor_xml).schema
    return ModuleTarget(
        module_id=entry.module_id,
        version=entry.to_version,
        sfm=data,
        instances=_migrated(backup.config, old_schema, new_file.descriptor.schema),
        internal_data=backup.config.internal_data,
        file_name=f"{entry.module_name}_v{entry.to_version}.sfm",
    )


def previous_state(services: Services, entry: JournalEntry) -> ModuleTarget | None:
    """The old version with the backed-up settings as they were; None when no way back exists."""
    if entry.backup_id is None or entry.previous_sha256 is None or entry.from_version is None:
        return None
    data = services.sfm_cache.get(entry.previous_sha256)
    if data is None:
        return None
    backup = services.backups.load(entry.backup_id)
    return ModuleTarget(
        module_id=entry.module_id,
        version=entry.from_version,
        sfm=data,
        instances=tuple(InstanceTarget(inst.name, dict(inst.values), inst.active) for inst in backup.config.instances),
        internal_data=backup.config.internal_data,
        file_name=f"{entry.module_name}_v{entry.from_version}.sfm",
    )


def _defaults(schema: ConfigSchema) -> dict[str, SettingValue]:
    """A new instance starts with the form's defaults, as the STARFACE web interface would set them."""
    return {item.variable_id: item.default for item in schema.value_inputs if item.default is not None}


def _migrated(config: ModuleConfig, old: ConfigSchema, new: ConfigSchema) -> tuple[InstanceTarget, ...]:
    return tuple(
        InstanceTarget(inst.name, migrate_settings(old, new, inst.values).values, inst.active)
        for inst in config.instances
    )


def _cached(services: Services, sha256: str, label: str) -> bytes:
    data = services.sfm_cache.get(sha256)
    if data is None:
        raise OperationError(
            code="update_module_file_missing",
            params={"label": label},
        )
    return data


def _roll_back_after(
    services: Services, client: AgentClient, entry: JournalEntry, error: BaseException
) -> OperationError:
    """Converge back after a failure; return the error that tells the user where things stand.

    Every error returned has params ``module`` and ``pbx`` and the failure as ``cause``; the code
    says which way it ended (see the outcome codes below).
    """
    failure = _as_cause(error)
    cause = failure.message.rstrip(".")
    params = {"module": entry.module_name, "pbx": entry.pbx_name}
    current = services.journal.get(entry.op_id)
    if current.step == "upload":
        # The install was never requested: the PBX still runs the old version untouched.
        services.journal.close(current)
        return OperationError(code="update_upload_failed", params=params, cause=failure)
    services.journal.advance(current, "rollback", failure=cause)
    rollback_lock: LockGrant | None = None
    try:
        # The failure may have been a PBX restart, which drops the lock: take it anew (the same
        # owner gets a fresh token) so that a PBX which is back is rolled back at once.
        rollback_lock = client.acquire_lock(services.agent_owner())
        previous = previous_state(services, current)
        if previous is None:
            converge(client, rollback_lock, target_state(services, current))
            code = "update_installed_second_attempt" if entry.from_version is None else "update_kept_new_version"
        else:
            converge(client, rollback_lock, previous)
            code = "update_rolled_back"
    except Exception as rollback_error:  # the journal keeps the way back
        not_undone = _as_cause(rollback_error)
        return OperationError(
            code="update_not_finished" if entry.from_version is None else "update_not_rolled_back",
            params={**params, "backup": entry.backup_id or ""},
            cause=failure,
            parts=(not_undone,),
        )
    finally:
        if rollback_lock is not None:
            release_quietly(client, rollback_lock)
    services.journal.close(current)
    return OperationError(
        code=code,
        params={
            **params,
            "from_version": "" if entry.from_version is None else str(entry.from_version),
            "to_version": str(entry.to_version),
        },
        cause=failure,
    )


def _as_cause(error: BaseException) -> ModManagerError:
    """The error to quote as a cause; a bug is quoted by fixed words only (details go to the log)."""
    if isinstance(error, ModManagerError):
        return error
    return ModManagerError(code="unexpected")
