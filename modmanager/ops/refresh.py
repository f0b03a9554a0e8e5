"""Read a PBX's facts and modules, plan its updates, and remember the result.

The last good snapshot of every PBX is kept in the inventory, so the application shows the
fleet at once on start and still shows what it knew when a PBX is unreachable. The status of
each PBX (up to date, updates available, unreachable, certificate changed, update
interrupted, ...) is derived here, in one place, for the GUI and the CLI alike.

Reading changes nothing, so a fleet is read with a concurrency of its own
(``read_concurrency``, much higher than the ``concurrency`` that bounds changes), over the
clients :attr:`Services.readers` keeps between reads.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

from modmanager.core.catalog import Channel
from modmanager.core.errors import InvalidVersion, ModManagerError, OperationError, PbxError, error_to_json
from modmanager.core.fleet_status import FleetStatus as FleetStatus  # defined in core: the GUI paints it first
from modmanager.core.planner import PbxFacts, PbxPlan, PbxStatus, managed_modules, plan_pbx
from modmanager.core.protocol import AnswerError, InstalledModule, SystemInfo
from modmanager.ops.operation import operation, submit
from modmanager.ops.services import Services
from modmanager.pbx.client import AgentClient

log = logging.getLogger(__name__)


_FROM_PLAN = {
    PbxStatus.UP_TO_DATE: FleetStatus.UP_TO_DATE,
    PbxStatus.PAID_UPDATES_ONLY: FleetStatus.PAID_UPDATES_ONLY,
    PbxStatus.UPDATES_AVAILABLE: FleetStatus.UPDATES_AVAILABLE,
    PbxStatus.INCOMPATIBLE_MODULE: FleetStatus.INCOMPATIBLE_MODULE,
    PbxStatus.CATALOG_UNAVAILABLE: FleetStatus.CATALOG_UNAVAILABLE,
}

_FROM_ERROR_CODE = {
    "certificate_changed": FleetStatus.CERTIFICATE_CHANGED,
    "unreachable": FleetStatus.UNREACHABLE,
}


@dataclass(frozen=True)
class PbxSnapshot:
    """A PBX as last seen: its facts, its modules and the plan computed from the catalogs."""

    name: str
    info: SystemInfo
    modules: tuple[InstalledModule, ...]
    plan: PbxPlan
    fetched_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {"info": self.info.to_struct(), "modules": [module.to_struct() for module in self.modules]}


def status_for_error(error: ModManagerError) -> FleetStatus:
    code = error.code if isinstance(error, PbxError) else ""
    return _FROM_ERROR_CODE.get(code, FleetStatus.ACCESS_PROBLEM)


def _channel(services: Services) -> Channel:
    return Channel.PRERELEASE if services.settings.prerelease_channel else Channel.STABLE


def make_snapshot(
    services: Services, name: str, info: SystemInfo, modules: Sequence[InstalledModule], fetched_at: dt.datetime
) -> PbxSnapshot:
    try:
        facts = PbxFacts.from_system_info(info)
    except InvalidVersion as error:
        raise PbxError(code="bad_answer", params={"pbx": name, "starface": info.starface_version}) from error
    catalogs = services.catalogs.as_catalogs()
    modules = managed_modules(modules, catalogs, agent_module_id=info.agent_module_id)
    customer = _customer(services, name)
    plan = plan_pbx(
        facts,
        modules,
        catalogs,
        channel=_channel(services),
        today=dt.date.today(),
        paid_markers=services.settings.paid_markers or _default_markers(),
        missing_catalogs=[problem.source for problem in services.catalogs.unavailable()],
        holds=services.holds.for_pbx(name, customer),
        pbx_name=name,
        customer=customer,
    )
    return PbxSnapshot(name=name, info=info, modules=tuple(modules), plan=plan, fetched_at=fetched_at)


def _customer(services: Services, name: str) -> str:
    try:
        return services.inventory.get(name).customer
    except ModManagerError:
        return ""


def _default_markers() -> tuple[str, ...]:
    from modmanager.core.changelog import DEFAULT_PAID_MARKERS

    return DEFAULT_PAID_MARKERS


def refresh_pbx(services: Services, name: str) -> PbxSnapshot:
    """Ask the PBX, plan, store snapshot and status. On failure the status says why, then it raises."""
    with operation("refresh", pbx=name):
        return _refresh(services, name)


def _refresh(services: Services, name: str) -> PbxSnapshot:
    try:
        info, modules = services.readers.read(services.inventory.get(name), _read)
        snapshot = make_snapshot(services, name, info, modules, dt.datetime.now(dt.UTC))
    except ModManagerError as error:
        status = status_for_error(error)
        log.info("refresh %s: %s (%s)", name, status.value, error.message)
        services.inventory.save_status(name, status.value, str(error), error_to_json(error))
        raise
    services.inventory.save_snapshot(name, snapshot.to_json(), snapshot.fetched_at)
    status = fleet_status(services, snapshot)
    services.inventory.save_status(name, status.value, "")
    log.info(
        "refresh %s: STARFACE %s, %d modules, %s",
        name,
        snapshot.info.starface_version,
        len(snapshot.modules),
        status.value,
    )
    return snapshot


def _read(client: AgentClient) -> tuple[SystemInfo, list[InstalledModule]]:
    return client.system_info(), client.list_modules()


def cached_snapshot(services: Services, name: str) -> PbxSnapshot | None:
    """The last stored snapshot, re-planned against the current catalogs; None if none or unreadable."""
    stored = services.inventory.load_snapshot(name)
    if stored is None:
        return None
    data, fetched_at = stored
    try:
        info = SystemInfo.from_struct(data["info"])
        modules = [InstalledModule.from_struct(item) for item in data["modules"]]
        return make_snapshot(services, name, info, modules, fetched_at)
    except (AnswerError, KeyError, TypeError, ModManagerError):
        return None


def fleet_status(services: Services, snapshot: PbxSnapshot) -> FleetStatus:
    # A damaged journal file must not take the whole fleet's status down: recovery reports it.
    if any(entry.pbx_name == snapshot.name for entry in services.journal.scan()[0]):
        return FleetStatus.INTERRUPTED
    return _FROM_PLAN[snapshot.plan.status]


def cancelled_error(name: str) -> OperationError:
    """What a PBX left out of a cancelled fleet refresh gets instead of a snapshot."""
    return OperationError(code="refresh_cancelled", params={"pbx": name})


def refresh_fleet(
    services: Services,
    names: Sequence[str],
    *,
    workers: int | None = None,
    on_done: Callable[[str, PbxSnapshot | ModManagerError], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, PbxSnapshot | ModManagerError]:
    """Refresh many PBXs at once (bounded by the read concurrency); never raises per PBX.

    ``on_done`` is called (on this thread) as each PBX ends, in the order they end, so a caller
    can count ``n of N``. Once ``cancelled()`` is true no further PBX is started: the PBXs not
    read get :func:`cancelled_error`, those being read finish. The answer holds every name, in
    the order given.
    """
    names = list(dict.fromkeys(names))
    results: dict[str, PbxSnapshot | ModManagerError] = {}
    if not names:
        return results

    def one(name: str) -> PbxSnapshot | ModManagerError:
        if cancelled is not None and cancelled():
            return cancelled_error(name)
        try:
            return refresh_pbx(services, name)
        except ModManagerError as error:
            return error

    count = min(len(names), max(1, workers or services.settings.read_concurrency))
    pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="modmanager-read")
    try:
        futures: dict[Future[PbxSnapshot | ModManagerError], str] = {submit(pool, one, name): name for name in names}
        for future in as_completed(futures):
            name = futures[future]
            results[name] = future.result()
            if on_done is not None:
                on_done(name, results[name])
    finally:
        # Interrupted (Ctrl+C): PBXs not started yet are dropped; the ones being read finish.
        pool.shutdown(wait=True, cancel_futures=True)
    return {name: results[name] for name in names}
