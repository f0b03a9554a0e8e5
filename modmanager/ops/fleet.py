"""Work on many modules or PBXs at once: "update all" and STARFACE upgrade readiness.

"Update all" applies only free updates: a paid release always needs a person to decide.
Each module is its own update transaction, so one failure never touches the others; the
caller chooses whether to go on after a failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from modmanager.core.errors import ModManagerError
from modmanager.core.planner import ModulePlan, ModuleStatus, Readiness, upgrade_readiness
from modmanager.core.versions import StarfaceVersion
from modmanager.ops.converge import Progress, no_progress
from modmanager.ops.operation import pbx_exclusive
from modmanager.ops.refresh import PbxSnapshot, refresh_pbx
from modmanager.ops.services import Services
from modmanager.ops.update import UpdateResult, prepare_update, run_update


@dataclass(frozen=True)
class PlannedUpdate:
    module_id: str
    module_name: str
    from_version: int
    to_version: int
    has_active_instances: bool


@dataclass(frozen=True)
class UpdateAllOutcome:
    succeeded: tuple[UpdateResult, ...]
    failed: tuple[tuple[PlannedUpdate, ModManagerError], ...]
    skipped: tuple[PlannedUpdate, ...]
    """Not attempted because an earlier update failed and the caller chose to stop."""


def free_updates(snapshot: PbxSnapshot) -> list[PlannedUpdate]:
    """Every module with a free update, least disruptive first.

    Modules without active instances go first (nothing running is touched), then the rest
    by name, so a problem with a module shows on an idle one before a busy one.
    """
    active = {module.id: bool(module.active_instances) for module in snapshot.modules}
    planned = []
    for plan in snapshot.plan.modules:
        release = _free_release(plan)
        if release is None or plan.installed_version is None:
            continue
        planned.append(
            PlannedUpdate(plan.module_id, plan.name, plan.installed_version, release, active.get(plan.module_id, False))
        )
    return sorted(planned, key=lambda item: (item.has_active_instances, item.module_name.casefold()))


def _free_release(plan: ModulePlan) -> int | None:
    if plan.status is ModuleStatus.UPDATE_AVAILABLE and plan.target is not None and not plan.target_is_paid:
        return plan.target.version
    if plan.free_target is not None:
        return plan.free_target.version
    return None


def update_all(
    services: Services,
    pbx_name: str,
    *,
    stop_on_failure: bool = True,
    progress: Callable[[PlannedUpdate], Progress] = lambda planned: no_progress,
    on_result: Callable[[PlannedUpdate, UpdateResult | ModManagerError], None] | None = None,
) -> UpdateAllOutcome:
    """Run one update transaction per module with a free update, holding the PBX throughout."""
    with pbx_exclusive(services, pbx_name, "update-all"):
        return _update_all_locked(services, pbx_name, stop_on_failure, progress, on_result)


def _update_all_locked(
    services: Services,
    pbx_name: str,
    stop_on_failure: bool,
    progress: Callable[[PlannedUpdate], Progress],
    on_result: Callable[[PlannedUpdate, UpdateResult | ModManagerError], None] | None,
) -> UpdateAllOutcome:
    planned = free_updates(refresh_pbx(services, pbx_name))
    succeeded: list[UpdateResult] = []
    failed: list[tuple[PlannedUpdate, ModManagerError]] = []
    skipped: list[PlannedUpdate] = []
    for index, item in enumerate(planned):
        try:
            preview = prepare_update(services, pbx_name, item.module_id, to_version=item.to_version)
            result = run_update(services, preview, progress=progress(item))
        except ModManagerError as error:
            failed.append((item, error))
            if on_result is not None:
                on_result(item, error)
            if stop_on_failure:
                skipped.extend(planned[index + 1 :])
                break
            continue
        succeeded.append(result)
        if on_result is not None:
            on_result(item, result)
    return UpdateAllOutcome(tuple(succeeded), tuple(failed), tuple(skipped))


def readiness(services: Services, pbx_name: str, target: StarfaceVersion) -> Readiness:
    """Can this PBX move to STARFACE ``target``? Every installed module needs a compatible release."""
    snapshot = refresh_pbx(services, pbx_name)
    return upgrade_readiness(
        snapshot.plan.facts,
        snapshot.modules,
        services.catalogs.as_catalogs(),
        target,
        channel=snapshot.plan.channel,
    )
