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
) -> ConvergeReport:
    """Install ``target.sfm`` unless that version already runs, then restore and activate.

    ``before_install`` runs after the upload and right before the install call: the update
    uses it to record in its journal that the PBX is about to change.
    """
    report = ConvergeReport()
    current = find_module(client.list_modules(), target.module_id)
    if force_install or current is None or current.version != target.version:
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
    restore_settings(client, lock, target, report, progress)
    verify(client, target)
    return report


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
    client: AgentClient, lock: LockGrant, target: ModuleTarget, report: ConvergeReport, progress: Progress
) -> None:
    """Write every instance's values (re-creating lost instances), then set the active flags."""
    existing = client.export_config(target.module_id)
    present = {instance.name: instance for instance in existing.instances}
    wanted = {instance.name for instance in target.instances}
    report.left_instances = [name for name in present if name not in wanted]
    total = len(target.instances)
    for index, instance in enumerate(target.instances):
        if instance.name not in present:
            client.create_instance(lock, target.module_id, instance.name)
            report.created_instances.append(instance.name)
        progress("restore", index, total)
    restore_internal = target.internal_data is not None and client.supports(Capability.INTERNAL_DATA)
    report.internal_data_skipped = bool(target.internal_data) and not restore_internal
    config = ModuleConfig(
        module_id=target.module_id,
        version=target.version,
        instances=tuple(InstanceConfig(inst.name, inst.active, dict(inst.values)) for inst in target.instances),
        internal_data=target.internal_data or b"",
    )
    if target.instances or restore_internal:
        client.import_config(lock, config, restore_internal_data=restore_internal)
    progress("restore", total, total)
    after = {instance.name: instance for instance in client.export_config(target.module_id).instances}
    for index, instance in enumerate(target.instances):
        progress("activate", index, total)
        now_active = after[instance.name].active if instance.name in after else False
        if _is_own_instance(client, target.module_id, instance.name):
            # The agent answers through this very instance: it is active (or nothing answers),
            # and switching it off would cut the line the client is talking on.
            continue
        if instance.active:
            # A newly created instance shows its UI only after one off/on cycle. Whether an
            # instance is such a one cannot be seen: an earlier attempt whose answer was lost, or
            # a process that died, may have created it. So every activation ends with the cycle.
            if not now_active:
                client.set_instance_active(lock, target.module_id, instance.name, True)
            client.set_instance_active(lock, target.module_id, instance.name, False)
            client.set_instance_active(lock, target.module_id, instance.name, True)
            report.activated.append(instance.name)
        elif now_active:
            client.set_instance_active(lock, target.module_id, instance.name, False)
    progress("activate", total, total)


def verify(client: AgentClient, target: ModuleTarget) -> None:
    """Read back version, values and active flags; any difference is an error."""
    module = find_module(client.list_modules(), target.module_id)
    if module is None or module.version != target.version:
        raise OperationError(
            code="verify_not_installed" if module is None else "verify_wrong_version",
            params={"found": "" if module is None else str(module.version), "version": str(target.version)},
        )
    config = client.export_config(target.module_id)
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


def _problem(code: str, instance: str, **params: str) -> ModManagerError:
    """One difference found by :func:`verify`; the message lists them as parts."""
    return ModManagerError(code=code, params={"instance": instance, **params})
