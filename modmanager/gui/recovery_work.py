"""Updates that were interrupted: assess each on its PBX's queue at start; roll one back or finish it.

The :class:`~modmanager.gui.controller.Controller` does this through ``check_recovery`` and
``recover``; it lives here to keep the controller small. The texts keep the translation
context "Controller", where they were first written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from modmanager.core.fleet_status import FleetStatus
from modmanager.gui.changes import Changes
from modmanager.gui.progress import update_progress
from modmanager.gui.tasks import TaskContext, TaskHandle

if TYPE_CHECKING:
    from modmanager.core.errors import Outcome
    from modmanager.gui.controller import Controller
    from modmanager.ops.recovery import Assessment, RecoveryAction
    from modmanager.store.journal import JournalEntry


def check_recovery(controller: Controller, on_found: Callable[[list[Assessment]], object]) -> None:
    """Assess every unfinished update (each on its PBX's queue); report them all at once."""
    from modmanager.ops import recovery

    entries = recovery.unfinished(controller.services)
    if not entries:
        return
    assessments: list[Assessment] = []
    pending = {entry.op_id for entry in entries}

    def finish(op_id: str, result: Assessment | None) -> None:
        pending.discard(op_id)
        if result is not None:
            assessments.append(result)
        if not pending and assessments:
            on_found(sorted(assessments, key=lambda item: item.entry.started_at))

    checking = QCoreApplication.translate("Controller", "Check interrupted update of {module}")
    for entry in entries:
        controller.interrupted.add(entry.pbx_name)
        if controller.fleet.entry(entry.pbx_name) is not None:
            controller.fleet.update_entry(entry.pbx_name, status=FleetStatus.INTERRUPTED)
            controller.announce(Changes.of_pbxs([entry.pbx_name]))
        controller.submit(
            entry.pbx_name,
            checking.format(module=entry.module_name),
            functools.partial(_assess, controller, entry),
            on_done=functools.partial(finish, entry.op_id),
            # assess() reports an unreachable PBX itself; a failure here is a bug, logged by the runner
            on_failure=functools.partial(lambda op_id, _error: finish(op_id, None), entry.op_id),
        )


def _assess(controller: Controller, entry: JournalEntry, _ctx: TaskContext) -> Assessment:
    from modmanager.ops import recovery

    return recovery.assess(controller.services, entry)


def recover(controller: Controller, assessment: Assessment, action: RecoveryAction) -> TaskHandle:
    """Roll back or finish an interrupted update; the PBX is read again afterwards."""
    from modmanager.gui.errors import describe_outcome
    from modmanager.ops import recovery
    from modmanager.ops.recovery import RecoveryAction

    entry = assessment.entry
    if action is RecoveryAction.ROLLBACK:
        title = QCoreApplication.translate("Controller", "Roll back {module} on {pbx}")
    else:
        title = QCoreApplication.translate("Controller", "Finish the update of {module} on {pbx}")
    title = title.format(module=entry.module_name, pbx=entry.pbx_name)

    def done(_outcome: Outcome) -> None:
        controller.interrupted.discard(entry.pbx_name)

    return controller.submit(
        entry.pbx_name,
        title,
        lambda ctx: recovery.recover_outcome(controller.services, entry.op_id, action, progress=update_progress(ctx)),
        changes=Changes(backups=True, journal=True),
        reread=[entry.pbx_name],
        said=describe_outcome,
        on_done=done,
    )
