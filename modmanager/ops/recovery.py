"""Finish updates that were interrupted - by a crash, a power cut or a PBX that went away.

Everything needed is on disk: the journal entry names the PBX, module, both versions, the
backup and the cached files. Recovery looks at the PBX as it is now and converges it to the
new version (resume) or the old one (rollback); both moves are idempotent, so a recovery that
is itself interrupted can simply be run again.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from modmanager.core.errors import ModManagerError, OperationError, Outcome
from modmanager.ops.audit import error_detail, record, root_code
from modmanager.ops.converge import Progress, converge, find_module, no_progress, release_quietly
from modmanager.ops.operation import logged_progress, pbx_exclusive
from modmanager.ops.services import Services
from modmanager.ops.update import LOCK_OWNER_KEY, previous_state, target_state
from modmanager.store.audit import AuditAction, AuditEvent, AuditOutcome
from modmanager.store.journal import JournalEntry

log = logging.getLogger(__name__)


class RecoveryAction(enum.StrEnum):
    RESUME = "resume"
    ROLLBACK = "rollback"
    AUTO = "auto"


@dataclass(frozen=True)
class Assessment:
    """Where an interrupted update stands, and what modmanager recommends."""

    entry: JournalEntry
    installed_version: int | None
    reachable: bool
    recommended: RecoveryAction
    can_roll_back: bool
    problem: str = ""
    error: ModManagerError | None = None
    """Why the PBX could not be asked (``problem`` is its English message)."""


def unfinished(services: Services) -> list[JournalEntry]:
    return services.journal.unfinished()


def assess(services: Services, entry: JournalEntry) -> Assessment:
    """Look at the PBX: if the new version already runs, finishing is the shorter way."""
    can_roll_back = entry.previous_sha256 is not None and services.sfm_cache.get(entry.previous_sha256) is not None
    try:
        client = services.client(entry.pbx_name)
        try:
            module = find_module(client.list_modules(), entry.module_id)
        finally:
            client.close()
    except ModManagerError as error:
        recommended = _default(entry, None, can_roll_back)
        return Assessment(entry, None, False, recommended, can_roll_back, error.message, error)
    version = None if module is None else module.version
    return Assessment(entry, version, True, _default(entry, version, can_roll_back), can_roll_back)


def _default(entry: JournalEntry, installed: int | None, can_roll_back: bool) -> RecoveryAction:
    if installed == entry.to_version or not can_roll_back or entry.backup_id is None:
        return RecoveryAction.RESUME
    return RecoveryAction.ROLLBACK


def recover(
    services: Services,
    op_id: str,
    action: RecoveryAction = RecoveryAction.AUTO,
    *,
    progress: Progress = no_progress,
) -> str:
    """Converge the PBX of journal entry ``op_id``; return a sentence saying the outcome."""
    return recover_outcome(services, op_id, action, progress=progress).message


def recover_outcome(
    services: Services,
    op_id: str,
    action: RecoveryAction = RecoveryAction.AUTO,
    *,
    progress: Progress = no_progress,
) -> Outcome:
    """:func:`recover`, with the outcome's code (``recovered_rollback`` / ``recovered_resume``) and
    params (``module``, ``pbx``, ``version``) for front ends that translate it. The audit trail
    records the recovery and how it ended."""
    entry = services.journal.get(op_id)
    with pbx_exclusive(services, entry.pbx_name, "recover"):
        entry = services.journal.get(op_id)
        try:
            outcome, taken = _recover(services, entry, action, progress)
        except ModManagerError as error:
            _audit(services, entry, action, AuditOutcome.FAILED, error)
            raise
        _audit(services, entry, taken, AuditOutcome.OK, None)
        return outcome


def _audit(
    services: Services,
    entry: JournalEntry,
    action: RecoveryAction,
    outcome: AuditOutcome,
    error: ModManagerError | None,
) -> None:
    back = action is RecoveryAction.ROLLBACK
    detail: dict[str, object] = {"action": action.value, "operation": entry.op_id, "backup": entry.backup_id or ""}
    if error is not None:
        detail.update(error_detail(error))
    record(
        services,
        AuditEvent(
            AuditAction.RECOVERY,
            pbx=entry.pbx_name,
            module_id=entry.module_id,
            module_name=entry.module_name,
            from_version=entry.to_version if back else entry.from_version,
            to_version=entry.from_version if back else entry.to_version,
            outcome=outcome,
            error_code="" if error is None else root_code(error),
            detail=detail,
        ),
    )


def _recover(
    services: Services, entry: JournalEntry, action: RecoveryAction, progress: Progress
) -> tuple[Outcome, RecoveryAction]:
    if action is RecoveryAction.AUTO:
        assessment = assess(services, entry)
        if not assessment.reachable:
            raise OperationError(
                code="recovery_unreachable",
                params={"pbx": entry.pbx_name, "module": entry.module_name, "cause": assessment.problem},
                cause=assessment.error,
            )
        action = assessment.recommended
    if action is RecoveryAction.ROLLBACK:
        target = previous_state(services, entry)
        if target is None:
            raise OperationError(
                code="recovery_no_rollback",
                params={"module": entry.module_name, "pbx": entry.pbx_name},
            )
        outcome = Outcome(
            code="recovered_rollback",
            params={"module": entry.module_name, "pbx": entry.pbx_name, "version": str(entry.from_version)},
        )
    else:
        target = target_state(services, entry)
        outcome = Outcome(
            code="recovered_resume",
            params={"module": entry.module_name, "pbx": entry.pbx_name, "version": str(entry.to_version)},
        )
    entry = services.journal.advance(entry, f"recover-{action.value}")
    log.info("recover %s on %s by %s (journal %s)", entry.module_name, entry.pbx_name, action.value, entry.op_id)
    client = services.client(entry.pbx_name)
    try:
        # The interrupted update's own agent lock owner takes its lock over at once (the agent
        # hands the same owner a fresh token). Safe: this operation holds the workstation lock,
        # so the update that wrote the entry is not running any more. Entries written before
        # owners were per operation name none: those updates used the plain workstation id.
        owner = str(entry.details.get(LOCK_OWNER_KEY) or services.owner)
        lock = client.acquire_lock(owner)
        try:
            converge(client, lock, target, progress=logged_progress(progress, f"recover {entry.module_name}"))
        finally:
            release_quietly(client, lock)
    finally:
        client.close()
    services.journal.close(entry)
    log.info("recovered %s on %s [%s]", entry.module_name, entry.pbx_name, outcome.code)
    if action is RecoveryAction.RESUME:
        services.sfm_cache.remember_installed(entry.pbx_name, entry.module_id, entry.target_sha256)
    return outcome, action
