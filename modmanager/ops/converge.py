"""Bring one module on one PBX into a wanted state, whatever state it is in now.

An update, its rollback and a recovery after a crash all come down to the same two moves:
"make the PBX run file F with these settings and these instances active" - towards the new
version (resume) or back to the old one (rollback). Each move *looks* at the PBX first and
only does what is missing, so it can be repeated after any failure, by any process, and
still ends in the same state. That property is what makes every path of an update safe.

It needs nothing beyond the agent's core entry points: no instance is ever deleted (one the
target does not name is left on the PBX and reported), internal data is restored only by an
agent that can (capability ``internalData``, else reported), and the agent's own module is
converged like any other - except that the agent's own instance is never switched off through
itself, and after the agent installed itself (``deferred``) the move waits until the new
version runs.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.protocol import (
    Capability,
    InstalledModule,
    InstallResult,
    InstanceConfig,
    LockGrant,
    ModuleConfig,
)
from modmanager.core.sfm import SettingValue
from modmanager.pbx.client import AgentClient

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages: upload, install, restore, activate, verify."""


def no_progress(stage: str, done: int, total: int) -> None:
    """The default progress sink."""


@dataclass(frozen=True)
class InstanceTarget:
    """What one instance must look like at the end."""

    name: str
    values: Mapping[str, SettingValue]
    active: bool


@dataclass(frozen=True)
class ModuleTarget:
    """The wanted end state of one module on one PBX."""

    module_id: str
    version: int
    sfm: bytes
    instances: tuple[InstanceTarget, ...]
    internal_data: bytes | None = None
    """Module-internal data to put back; None leaves what the PBX has."""
    file_name: str = "module.sfm"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.sfm).hexdigest()


@dataclass
class ConvergeReport:
    installed: InstallResult | None = None
    created_instances: list[str] = field(default_factory=list)
    activated: list[str] = field(default_factory=list)
    left_instances: list[str] = field(default_factory=list)
    """Instances on the PBX that the target does not name: left as they are (never deleted)."""
    internal_data_skipped: bool = False
    """The target has internal data but the agent cannot restore it (no capability ``internalData``)."""

    def notes(self) -> tuple[str, ...]:
        """What the move left undone on purpose, in sentences for the user."""
        notes = []
        if self.left_instances:
            names = ", ".join(self.left_instances)
            notes.append(f"The instances {names} are not part of the restored settings and were left on the PBX.")
        if self.internal_data_skipped:
            notes.append(
                "The agent on this PBX cannot restore a module's internal data; "
                "the module's own database was not put back."
            )
        return tuple(notes)


def release_quietly(client: AgentClient, lock: LockGrant) -> None:
    """Give the lock back, trying twice: a lock left behind keeps other workstations out until it
    expires. If both fail it expires on its own, and the real outcome matters more."""
    for _ in range(2):
        with contextlib.suppress(ModManagerError):
            client.release_lock(lock)
            return


def find_module(modules: Sequence[InstalledModule], module_id: str) -> InstalledModule | None:
    wanted = module_id.lower()
    return next((module for module in modules if module.id.lower() == wanted), None)


def converge(
    client: AgentClient,
    lock: LockGrant,
    target: ModuleTarget,
    *,
    force_install: bool = False,
    progress: Progress = no_progress,
    before_install: Callable[[], None] | None = None,
    before: ModuleConfig | None = None,
) -> ConvergeReport:
    """Install ``target.sfm`` unless that version already runs, then restore and activate.

    ``before_install`` runs after the upload and right before the install call: the update
    uses it to record in its journal that the PBX is about to change.

    ``before`` is the module's configuration the caller read under this very lock right before
    the call (the update's backup). After an install made by this call the state is then known
    without reading it again: the same instances, active unless the install reported them
    deactivated (see :func:`restore_settings`). Without it - a rollback, a recovery, after any
    failure - the move reads the PBX first.
    """
    report = ConvergeReport()
    install = force_install
    if not install:
        current = find_module(client.list_modules(), target.module_id)
        install = current is None or current.version != target.version
    if install:
        upload = client.upload(
            lock,
            target.sfm,
            target.file_name,
            progress=lambda done, total: progress("upload", done, total),
        )
        if upload.committed is not None:
            _check_read_as_target(upload.committed.module_id, upload.committed.version, target)
        if before_install is not None:
            before_install()
        progress("install", 0, 1)
        report.installed = client.install_uploaded(lock, upload)
        _check_read_as_target(report.installed.module_id, report.installed.version, target)
        if report.installed.deferred:
            # The agent installed itself: it answered first and imports a moment later.
            client.wait_for_agent(report.installed.version)
        progress("install", 1, 1)
    known = None
    if before is not None and report.installed is not None and not report.installed.deferred:
        known = _after_install(before, report.installed)
    restore_settings(client, lock, target, report, progress, known=known)
    verify(client, target)
    return report


def _after_install(before: ModuleConfig, installed: InstallResult) -> ModuleConfig:
    """The module's state right after ``installed``, from the configuration read before it: the
    install keeps every instance and deactivates those it reports (its values are rewritten anyway)."""
    deactivated = set(installed.deactivated_instances)
    return ModuleConfig(
        module_id=before.module_id,
        version=installed.version,
        instances=tuple(
            InstanceConfig(inst.name, inst.active and inst.name not in deactivated, dict(inst.values))
            for inst in before.instances
        ),
    )


def _check_read_as_target(module_id: str, version: int, target: ModuleTarget) -> None:
    if module_id.lower() != target.module_id.lower() or version != target.version:
        raise OperationError(
            code="converge_wrong_upload",
            params={
                "found_module": module_id,
                "found_version": str(version),
                "module": target.module_id,
                "version": str(target.version),
            },
        )


def _is_own_instance(client: AgentClient, module_id: str, instance: str) -> bool:
    """Whether this is the agent instance the client talks through (never switched off through itself)."""
    agent_id = client.known_system_info().agent_module_id
    return module_id.lower() == agent_id.lower() and instance == client.agent_instance


def restore_settings(
    client: AgentClient,
    lock: LockGrant,
    target: ModuleTarget,
    report: ConvergeReport,
    progress: Progress,
    *,
    known: ModuleConfig | None = None,
) -> None:
    """Write every instance's values (re-creating lost instances), then set the active flags.

    The state is read once: ``importConfig`` never changes whether an instance is active, so the
    flags read before it still hold after it. ``known`` is the state as the caller knows it
    without reading (an update right after its own install); its instances existed before the
    move. If it turns out wrong - the PBX lost an instance, so ``importConfig`` answers
    ``instance_not_found`` and writes nothing - the state is read after all and the move goes on
    from there.
    """
    existing = known if known is not None else client.export_config(target.module_id)
    _create_missing(client, lock, target, existing, report, progress)
    restore_internal = target.internal_data is not None and client.supports(Capability.INTERNAL_DATA)
    report.internal_data_skipped = bool(target.internal_data) and not restore_internal
    config = ModuleConfig(
        module_id=target.module_id,
        version=target.version,
        instances=tuple(InstanceConfig(inst.name, inst.active, dict(inst.values)) for inst in target.instances),
        internal_data=target.internal_data or b"",
    )
    if target.instances or restore_internal:
        try:
            client.import_config(lock, config, restore_internal_data=restore_internal)
        except ModManagerError as error:
            if known is None or error.code != "instance_not_found":
                raise
            known = None  # the guess was wrong: look, re-create what is missing, write again
            existing = client.export_config(target.module_id)
            _create_missing(client, lock, target, existing, report, progress)
            client.import_config(lock, config, restore_internal_data=restore_internal)
    progress("restore", len(target.instances), len(target.instances))
    _set_active_flags(client, lock, target, existing, report, progress, history_known=known is not None)


def _create_missing(
    client: AgentClient,
    lock: LockGrant,
    target: ModuleTarget,
    existing: ModuleConfig,
    report: ConvergeReport,
    progress: Progress,
) -> None:
    """Create the target's instances the PBX does not have (inactive, with the form's defaults)."""
    present = {instance.name for instance in existing.instances}
    wanted = {instance.name for instance in target.instances}
    report.left_instances = [name for name in present if name not in wanted]
    total = len(target.instances)
    for index, instance in enumerate(target.instances):
        if instance.name not in present and instance.name not in report.created_instances:
            client.create_instance(lock, target.module_id, instance.name)
            report.created_instances.append(instance.name)
        progress("restore", index, total)


def _set_active_flags(
    client: AgentClient,
    lock: LockGrant,
    target: ModuleTarget,
    existing: ModuleConfig,
    report: ConvergeReport,
    progress: Progress,
    *,
    history_known: bool,
) -> None:
    """Switch each instance as the target wants it, from the flags in ``existing``.

    A newly created instance shows its UI only after one off/on cycle. Whether an instance is
    such a one cannot be seen on the PBX: an earlier attempt whose answer was lost, or a process
    that died, may have created it. So unless ``history_known`` (the instances in ``existing``
    existed before this move, and the move created only those in ``report.created_instances``),
    every activation ends with the cycle; with it, only the instances created now get it and an
    instance the install switched off needs one call.
    """
    now = {instance.name: instance.active for instance in existing.instances}
    created = set(report.created_instances)
    total = len(target.instances)
    for index, instance in enumerate(target.instances):
        progress("activate", index, total)
        now_active = now.get(instance.name, False) and instance.name not in created
        if _is_own_instance(client, target.module_id, instance.name):
            # The agent answers through this very instance: it is active (or nothing answers),
            # and switching it off would cut the line the client is talking on.
            continue
        if instance.active:
            cycle = not history_known or instance.name in created
            if not now_active:
                client.set_instance_active(lock, target.module_id, instance.name, True)
            if cycle:
                client.set_instance_active(lock, target.module_id, instance.name, False)
                client.set_instance_active(lock, target.module_id, instance.name, True)
            report.activated.append(instance.name)
        elif now_active:
            client.set_instance_active(lock, target.module_id, instance.name, False)
    progress("activate", total, total)


def verify(client: AgentClient, target: ModuleTarget) -> ModuleConfig:
    """Read back version, values and active flags in one ``exportConfig`` (it names the installed
    version like ``listModules``); any difference is an error. Returns what was read."""
    try:
        config: ModuleConfig | None = client.export_config(target.module_id)
    except ModManagerError as error:
        if error.code != "module_not_found":
            raise
        config = None
    if config is None or config.version != target.version:
        raise OperationError(
            code="verify_not_installed" if config is None else "verify_wrong_version",
            params={"found": "" if config is None else str(config.version), "version": str(target.version)},
        )
    problems: list[ModManagerError] = []
    for instance in target.instances:
        actual = config.instance(instance.name)
        if actual is None:
            problems.append(_problem("verify_instance_missing", instance.name))
            continue
        wrong = sorted(key for key, value in instance.values.items() if actual.values.get(key) != value)
        if wrong:
            problems.append(_problem("verify_values_differ", instance.name, keys=", ".join(wrong)))
        if actual.active != instance.active:
            code = "verify_instance_not_active" if instance.active else "verify_instance_not_inactive"
            problems.append(_problem(code, instance.name))
    checks_internal = target.internal_data is not None and client.supports(Capability.INTERNAL_DATA)
    if checks_internal and config.internal_data != target.internal_data:
        problems.append(ModManagerError(code="verify_internal_data_differs"))
    if problems:
        raise OperationError(code="verify_settings_differ", parts=tuple(problems))
    return config


def _problem(code: str, instance: str, **params: str) -> ModManagerError:
    """One difference found by :func:`verify`; the message lists them as parts."""
    return ModManagerError(code=code, params={"instance": instance, **params})
