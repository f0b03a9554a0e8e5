"""Roll one module release out across the fleet, in stages.

Partners update a module on dozens of PBXs the way careful operators do: first a canary or
two (their own partner/NFR PBXs, PBXs where no instance is active), then the rest in batches,
and they stop when failures pile up. :func:`plan_rollout` decides per PBX which release it can
take - its STARFACE, the cost, holds and skips - and says why a PBX is left out; it changes nothing.
:func:`run_rollout` makes every PBX its own update transaction (``prepare_update`` +
``run_update``), so a failure rolls that PBX back and never touches another. PBXs of one stage
run concurrently; a PBX appears in one stage only, so it never sees two operations at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Final, Literal

from modmanager.core.catalog import CatalogModule, Release
from modmanager.core.changelog import DEFAULT_PAID_MARKERS
from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.planner import PbxFacts, choose_file, on_channel, paid_crossing, short_version
from modmanager.core.protocol import InstalledModule
from modmanager.core.versions import StarfaceVersion, Verdict
from modmanager.ops.operation import operation, submit
from modmanager.ops.refresh import FleetStatus, PbxSnapshot, refresh_fleet, status_for_error
from modmanager.ops.services import Services
from modmanager.ops.update import UpdateResult, prepare_update, run_update
from modmanager.store.inventory import PbxRecord

log = logging.getLogger(__name__)

PARTNER_TAG = "partner"
"""A PBX tagged like this counts as the partner's own, like one with an NFR license: a canary."""

SKIPPED: Final = "skipped"
"""The event for a planned PBX that was not started (the rollout stopped or was cancelled)."""

RolloutEvent = UpdateResult | ModManagerError | Literal["skipped"]


@dataclass(frozen=True)
class RolloutTarget:
    """One PBX in a rollout: the release it gets, or why it is left out.

    ``from_version`` is None when the module is not installed or the PBX could not be read;
    ``to_version`` is None for a skipped PBX that has no release to get.
    """

    pbx_name: str
    from_version: int | None
    to_version: int | None
    paid: bool
    """Getting ``to_version`` needs a new module license key on this PBX."""
    reason_skipped: ModManagerError | None
    """Why the PBX is left out (front ends render it in their language; ``str()`` is English)."""
    note: ModManagerError | None = None
    """Why this PBX gets another release than the one asked for (e.g. its STARFACE is too old)."""


@dataclass(frozen=True)
class RolloutPlan:
    module_id: str
    module_name: str
    stages: tuple[tuple[RolloutTarget, ...], ...]
    """Stage 1 holds the canaries (if any), then batches; least risky PBXs first."""
    skipped: tuple[RolloutTarget, ...]

    @property
    def targets(self) -> tuple[RolloutTarget, ...]:
        return tuple(target for stage in self.stages for target in stage)


@dataclass(frozen=True)
class RolloutOutcome:
    succeeded: tuple[UpdateResult, ...]
    failed: tuple[tuple[RolloutTarget, ModManagerError], ...]
    not_started: tuple[RolloutTarget, ...]
    """Planned PBXs left as they were because the rollout stopped or was cancelled."""

    @property
    def complete(self) -> bool:
        return not self.failed and not self.not_started


@dataclass(frozen=True)
class _Candidate:
    target: RolloutTarget
    partner: bool
    has_active_instances: bool


# --- planning --------------------------------------------------------------------------------------


def plan_rollout(
    services: Services,
    module_id: str,
    *,
    pbx_names: Sequence[str] | None = None,
    to_version: int | None = None,
    canary: int = 1,
    batch_size: int = 5,
    include_paid: bool = False,
) -> RolloutPlan:
    """Refresh the PBXs (concurrently), decide per PBX and cut the result into stages.

    ``pbx_names`` None means every PBX in the inventory; ``to_version`` None means the newest
    release each PBX can run (free unless ``include_paid``). With ``to_version`` a PBX whose
    STARFACE cannot run that release gets the newest one below it that it can run.
    """
    if canary < 0 or batch_size < 1:
        raise ValueError("canary must be >= 0 and batch_size >= 1")
    module = services.catalogs.module(module_id)
    if module is None:
        raise OperationError(code="rollout_no_catalog", params={"module": module_id})
    if to_version is not None and module.release(to_version) is None:
        raise OperationError(
            code="rollout_no_release",
            params={"module": module.display_name("en"), "version": str(to_version)},
        )
    records = _records(services, pbx_names)
    refreshed = refresh_fleet(services, [record.name for record in records])
    interrupted = {entry.pbx_name for entry in services.journal.unfinished()}
    markers = tuple(services.settings.paid_markers or DEFAULT_PAID_MARKERS)
    candidates: list[_Candidate] = []
    skipped: list[RolloutTarget] = []
    installed_names: list[str] = []
    for record in records:
        result = refreshed[record.name]
        if isinstance(result, ModManagerError):
            unreachable = status_for_error(result) is FleetStatus.UNREACHABLE
            code = "rollout_skip_unreachable" if unreachable else "rollout_skip_unreadable"
            skipped.append(_skip(record.name, None, ModManagerError(code=code, cause=result)))
            continue
        installed = _installed(result, module.id)
        if installed is None:
            skipped.append(_skip(record.name, None, ModManagerError(code="rollout_skip_not_installed")))
            continue
        installed_names.append(installed.name)
        if record.name in interrupted:
            reason = ModManagerError(code="rollout_skip_interrupted")
            skipped.append(_skip(record.name, installed.version, reason))
            continue
        module_plan = next((item for item in result.plan.modules if item.module_id.lower() == module.id.lower()), None)
        if module_plan is not None and module_plan.hold is not None:
            hold = module_plan.hold
            reason = ModManagerError(
                code="rollout_skip_held",
                params={
                    "kind": hold.kind.value,
                    "scope": hold.scope.value,
                    "target": hold.target,
                    "version": "" if hold.version is None else str(hold.version),
                    "reason": hold.reason,
                },
            )
            skipped.append(_skip(record.name, installed.version, reason))
            continue
        skips = {item.version for item in module_plan.skipped} if module_plan is not None else set()
        target = _decide(module, result, installed, to_version, include_paid, markers, frozenset(skips))
        if target.reason_skipped is not None:
            skipped.append(target)
            continue
        partner = _is_partner(record, result.plan.facts)
        candidates.append(_Candidate(target, partner, bool(installed.active_instances)))
    candidates.sort(key=lambda item: (not item.partner, item.has_active_instances, item.target.pbx_name.casefold()))
    return RolloutPlan(
        module_id=module.id,
        module_name=installed_names[0] if installed_names else module.display_name("en"),
        stages=_stages([item.target for item in candidates], canary, batch_size),
        skipped=tuple(skipped),
    )


def _records(services: Services, names: Sequence[str] | None) -> list[PbxRecord]:
    """The PBXs to consider; an unknown name fails before any PBX is contacted."""
    if names is None:
        return services.inventory.list()
    return [services.inventory.get(name) for name in dict.fromkeys(names)]


def _installed(snapshot: PbxSnapshot, module_id: str) -> InstalledModule | None:
    return next((item for item in snapshot.modules if item.id.lower() == module_id.lower()), None)


def _is_partner(record: PbxRecord, facts: PbxFacts) -> bool:
    """The partner's own PBX: an NFR license that counts, or tagged ``partner``."""
    tagged = any(tag.strip().casefold() == PARTNER_TAG for tag in record.tags)
    return tagged or facts.nfr_server or facts.nfr_user


def _skip(pbx_name: str, from_version: int | None, reason: ModManagerError) -> RolloutTarget:
    return RolloutTarget(pbx_name, from_version, None, False, reason)


def _decide(
    module: CatalogModule,
    snapshot: PbxSnapshot,
    installed: InstalledModule,
    to_version: int | None,
    include_paid: bool,
    markers: Sequence[str],
    skipped: frozenset[int | None] = frozenset(),
) -> RolloutTarget:
    """The release this PBX gets, or the reason it gets none (holds are checked before)."""
    name = snapshot.name
    current = installed.version
    if to_version is not None and to_version in skipped:
        return _skip(
            name, current, ModManagerError(code="rollout_skip_version_skipped", params={"version": str(to_version)})
        )
    if to_version is not None and current >= to_version:
        if current == to_version:
            return _skip(
                name, current, ModManagerError(code="rollout_skip_already_on", params={"version": str(current)})
            )
        return _skip(
            name,
            current,
            ModManagerError(code="rollout_skip_newer", params={"current": str(current), "version": str(to_version)}),
        )
    facts = snapshot.plan.facts
    newer = sorted(
        (
            release
            for release in module.releases
            if current < release.version
            and release.version not in skipped
            and (to_version is None or release.version <= to_version)
            and (release.version == to_version or on_channel(release, snapshot.plan.channel))
        ),
        key=lambda release: release.version,
        reverse=True,
    )
    if not newer:
        return _skip(name, current, ModManagerError(code="rollout_skip_newest", params={"version": str(current)}))
    wanted = newer[0]
    runnable = [release for release in newer if _runs_on(release, facts, module)]
    if not runnable:
        return _skip(name, current, _cannot_run(wanted, facts, module, none_other=True))

    def paid(release: Release) -> Release | None:
        return paid_crossing(module, current, release, facts, markers=markers)

    choice = runnable[0] if include_paid else next((item for item in runnable if paid(item) is None), None)
    if choice is None:
        crossing = paid(runnable[0])
        assert crossing is not None
        return _skip(
            name, current, ModManagerError(code="rollout_skip_paid", params={"version": str(crossing.version)})
        )
    note: ModManagerError | None = None
    if choice.version != wanted.version:
        wanted_paid = paid(wanted)
        if not _runs_on(wanted, facts, module):
            note = _cannot_run(wanted, facts, module)
        elif wanted_paid is not None:
            note = ModManagerError(
                code="rollout_note_paid", params={"paid": str(wanted_paid.version), "version": str(choice.version)}
            )
    return RolloutTarget(name, current, choice.version, paid(choice) is not None, None, note)


def _runs_on(release: Release, facts: PbxFacts, module: CatalogModule) -> bool:
    """Stated compatible with the PBX's STARFACE and with a build the PBX may use (as the planner rules)."""
    compatible = release.compatibility.verdict(facts.starface) is Verdict.COMPATIBLE
    return compatible and choose_file(release, facts, module)[0] is not None


def _cannot_run(
    release: Release, facts: PbxFacts, module: CatalogModule, *, none_other: bool = False
) -> ModManagerError:
    """Why ``release`` cannot run on the PBX; ``none_other``: and no other newer release runs either."""
    starface = facts.starface
    params = {"version": str(release.version), "starface": str(starface), "none_other": "1" if none_other else ""}
    verdict = release.compatibility.verdict(starface)
    needs = _needs_newer_starface(release, starface)
    if verdict is Verdict.COMPATIBLE:
        why = "no_build"
    elif needs is not None:
        why = "too_old"
        params["needs"] = short_version(needs)
    elif verdict is Verdict.INCOMPATIBLE:
        why = "incompatible"
    else:
        why = "untested"
    return ModManagerError(code="rollout_cannot_run", params={"why": why, **params})


def _needs_newer_starface(release: Release, starface: StarfaceVersion) -> StarfaceVersion | None:
    """The oldest STARFACE the release states compatible, when every statement is above ``starface``."""
    lowers = [item.lower for item in release.compatibility.compatible]
    if not lowers or any(lower is None or lower <= starface for lower in lowers):
        return None
    return min(lower for lower in lowers if lower is not None)


def _stages(targets: Sequence[RolloutTarget], canary: int, batch_size: int) -> tuple[tuple[RolloutTarget, ...], ...]:
    stages: list[tuple[RolloutTarget, ...]] = []
    if canary:
        stages.append(tuple(targets[:canary]))
    rest = targets[canary:]
    stages.extend(tuple(rest[start : start + batch_size]) for start in range(0, len(rest), batch_size))
    return tuple(stage for stage in stages if stage)


# --- running ---------------------------------------------------------------------------------------


def run_rollout(
    services: Services,
    plan: RolloutPlan,
    *,
    max_failures: int = 1,
    on_event: Callable[[str, int, RolloutEvent], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> RolloutOutcome:
    """Run the stages in order; stop after a stage once ``max_failures`` PBXs have failed.

    ``on_event(pbx, stage_index, outcome)`` is called on the caller's thread as each PBX ends,
    and with :data:`SKIPPED` for each PBX that is not started. An update that has started runs
    to its end (it is a transaction); ``cancelled`` keeps further PBXs from starting.
    """
    if max_failures < 1:
        raise ValueError("max_failures must be >= 1")
    with operation("rollout", title=f"rollout of {plan.module_name}"):
        return _run_stages(services, plan, max_failures, on_event, cancelled)


def _run_stages(
    services: Services,
    plan: RolloutPlan,
    max_failures: int,
    on_event: Callable[[str, int, RolloutEvent], None] | None,
    cancelled: Callable[[], bool],
) -> RolloutOutcome:
    succeeded: list[UpdateResult] = []
    failed: list[tuple[RolloutTarget, ModManagerError]] = []
    not_started: list[RolloutTarget] = []

    def record(target: RolloutTarget, index: int, outcome: RolloutEvent) -> None:
        if isinstance(outcome, UpdateResult):
            succeeded.append(outcome)
        elif isinstance(outcome, ModManagerError):
            failed.append((target, outcome))
        else:
            not_started.append(target)
        if on_event is not None:
            on_event(target.pbx_name, index, outcome)

    for index, stage in enumerate(plan.stages):
        if len(failed) >= max_failures or cancelled():
            for target in stage:
                record(target, index, SKIPPED)
            continue
        workers = max(1, min(services.settings.concurrency, len(stage)))
        log.info("rollout of %s: stage %d of %d, %d PBXs", plan.module_name, index + 1, len(plan.stages), len(stage))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rollout") as pool:
            futures = {submit(pool, _update_one, services, plan, target, cancelled): target for target in stage}
            for future in as_completed(futures):
                record(futures[future], index, future.result())
    return RolloutOutcome(tuple(succeeded), tuple(failed), tuple(not_started))


def _update_one(
    services: Services, plan: RolloutPlan, target: RolloutTarget, cancelled: Callable[[], bool]
) -> RolloutEvent:
    """One PBX, one update transaction; never raises, so one PBX cannot end the others' reporting."""
    if cancelled():
        return SKIPPED
    try:
        preview = prepare_update(services, target.pbx_name, plan.module_id, to_version=target.to_version)
        if preview.from_version != target.from_version:
            raise OperationError(
                code="rollout_changed_since_plan",
                params={
                    "module": plan.module_name,
                    "pbx": target.pbx_name,
                    "planned": str(target.from_version),
                    "found": "" if preview.from_version is None else str(preview.from_version),
                },
            )
        return run_update(services, preview, confirm_paid=target.paid)
    except ModManagerError as error:
        return error
    except Exception:  # a bug must not hide the other PBXs' outcomes
        log.exception("rollout of %s on %s failed unexpectedly", plan.module_id, target.pbx_name)
        return OperationError(code="rollout_unexpected", params={"module": plan.module_name, "pbx": target.pbx_name})
