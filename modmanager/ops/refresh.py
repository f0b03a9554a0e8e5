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
import queue
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from modmanager.core.catalog import Channel
from modmanager.core.errors import InvalidVersion, ModManagerError, OperationError, PbxError, error_to_json
from modmanager.core.fleet_status import FleetStatus as FleetStatus  # defined in core: the GUI paints it first
from modmanager.core.holds import Hold
from modmanager.core.planner import PbxFacts, PbxPlan, PbxStatus, managed_modules, plan_pbx
from modmanager.core.protocol import AnswerError, InstalledModule, SystemInfo
from modmanager.ops.connections import read_facts
from modmanager.ops.operation import operation, submit
from modmanager.ops.services import Services
from modmanager.store.inventory import PbxRecord

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
    customer = _customer(services, name)
    return _snapshot(services, name, customer, info, modules, fetched_at, services.holds.for_pbx(name, customer))


def _snapshot(
    services: Services,
    name: str,
    customer: str,
    info: SystemInfo,
    modules: Sequence[InstalledModule],
    fetched_at: dt.datetime,
    holds: Sequence[Hold],
) -> PbxSnapshot:
    try:
        facts = PbxFacts.from_system_info(info)
    except InvalidVersion as error:
        raise PbxError(code="bad_answer", params={"pbx": name, "starface": info.starface_version}) from error
    catalogs = services.catalogs.as_catalogs()
    modules = managed_modules(modules, catalogs, agent_module_id=info.agent_module_id)
    plan = plan_pbx(
        facts,
        modules,
        catalogs,
        channel=_channel(services),
        today=dt.date.today(),
        paid_markers=services.settings.paid_markers or _default_markers(),
        missing_catalogs=[problem.source for problem in services.catalogs.unavailable()],
        holds=list(holds),
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
        try:
            record = services.inventory.get(name)
            holds = services.holds.for_pbx(name, record.customer)
        except ModManagerError as error:
            _store(services, _failed(name, error))
            raise
        outcome = _read(services, record, holds)
        if isinstance(outcome.result, PbxSnapshot):
            outcome = _with_journal(services, [outcome])[0]
        _store(services, outcome)
        if not isinstance(outcome.result, PbxSnapshot):
            raise outcome.result
        return outcome.result


Answer = tuple[SystemInfo, list[InstalledModule]] | ModManagerError
"""What asking one PBX gave: its facts and modules, or why it could not be asked."""


def _ask_on_threads(
    services: Services, records: Sequence[PbxRecord], workers: int, cancelled: Callable[[], bool] | None
) -> Iterator[list[tuple[str, Answer | None]]]:
    """Ask the PBXs, ``workers`` at a time, through the kept clients of :attr:`Services.readers`.

    Yields the answers in batches as they arrive, every record's name once; None: the PBX was
    not asked because ``cancelled()`` became true first.
    """

    def one(record: PbxRecord) -> Answer | None:
        if cancelled is not None and cancelled():
            return None
        with operation("refresh", pbx=record.name):
            try:
                return services.readers.read(record, read_facts)
            except ModManagerError as error:
                return error

    if not records:
        return
    ended: queue.SimpleQueue[Future[Answer | None]] = queue.SimpleQueue()
    pool = ThreadPoolExecutor(max_workers=min(len(records), max(1, workers)), thread_name_prefix="modmanager-read")
    try:
        futures: dict[Future[Answer | None], str] = {}
        for record in records:
            future = submit(pool, one, record)
            futures[future] = record.name
            future.add_done_callback(ended.put)
        left = len(records)
        while left:
            batch = [ended.get()]
            while True:
                try:
                    batch.append(ended.get_nowait())
                except queue.Empty:
                    break
            left -= len(batch)
            yield [(futures[future], future.result()) for future in batch]
    finally:
        # Interrupted (Ctrl+C): PBXs not started yet are dropped; the ones being read finish.
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Outcome:
    """One PBX read: the snapshot or the error, and the status to store."""

    name: str
    result: PbxSnapshot | ModManagerError
    status: FleetStatus


def _read(services: Services, record: PbxRecord, holds: Sequence[Hold]) -> _Outcome:
    """Ask the PBX and plan; touches neither the inventory nor the journal (see :func:`_store`)."""
    try:
        answer: Answer = services.readers.read(record, read_facts)
    except ModManagerError as error:
        answer = error
    return _planned(services, record, answer, holds)


def _planned(services: Services, record: PbxRecord, answer: Answer, holds: Sequence[Hold]) -> _Outcome:
    """What a PBX answered (or why it could not), planned against the catalogs."""
    name = record.name
    if isinstance(answer, ModManagerError):
        return _failed(name, answer)
    info, modules = answer
    try:
        snapshot = _snapshot(
            services,
            name,
            record.customer,
            info,
            modules,
            dt.datetime.now(dt.UTC),
            [hold for hold in holds if hold.applies_to(name, record.customer)],
        )
    except ModManagerError as error:
        return _failed(name, error)
    return _Outcome(name, snapshot, status_of(snapshot))


def _failed(name: str, error: ModManagerError) -> _Outcome:
    status = status_for_error(error)
    log.info("refresh %s: %s (%s)", name, status.value, error.message)
    return _Outcome(name, error, status)


def _with_journal(services: Services, outcomes: Sequence[_Outcome]) -> list[_Outcome]:
    """The outcomes, a PBX with an unfinished update marked interrupted (one look at the journal)."""
    interrupted = _interrupted(services)
    return [
        _Outcome(outcome.name, outcome.result, FleetStatus.INTERRUPTED)
        if isinstance(outcome.result, PbxSnapshot) and outcome.name in interrupted
        else outcome
        for outcome in outcomes
    ]


def _store(services: Services, outcome: _Outcome) -> _Outcome:
    """Keep what was read: the snapshot (if any) and the status, in one transaction.

    A failure to store becomes the PBX's result (the status then is that of the store error).
    """
    name, result, status = outcome.name, outcome.result, outcome.status
    try:
        with services.inventory.batch():
            if isinstance(result, PbxSnapshot):
                services.inventory.save_snapshot(name, result.to_json(), result.fetched_at, validated=True)
                services.inventory.save_status(name, status.value, "")
            else:
                services.inventory.save_status(name, status.value, str(result), error_to_json(result))
    except ModManagerError as error:
        if not isinstance(result, PbxSnapshot):
            return outcome  # the PBX's own error says more than the store's
        log.warning("refresh %s: not stored (%s)", name, error.message)
        return _Outcome(name, error, status_for_error(error))
    if isinstance(result, PbxSnapshot):
        log.info(
            "refresh %s: STARFACE %s, %d modules, %s",
            name,
            result.info.starface_version,
            len(result.modules),
            status.value,
        )
    return outcome


def _stored(services: Services, outcome: _Outcome) -> _Outcome:
    with operation("refresh", pbx=outcome.name):  # joins the fleet's: the PBX in the log lines
        return _store(services, outcome)


def cached_snapshot(services: Services, name: str) -> PbxSnapshot | None:
    """The last stored snapshot, re-planned against the current catalogs; None if none or unreadable."""
    stored = stored_facts(services, name)
    if stored is None:
        return None
    try:
        return make_snapshot(services, name, *stored)
    except ModManagerError:
        return None


def stored_facts(
    services: Services, name: str
) -> tuple[SystemInfo, list[InstalledModule], dt.datetime] | None:
    """What the last refresh stored of a PBX (facts, modules, when), not planned; None if none or unreadable."""
    stored = services.inventory.load_snapshot(name)
    if stored is None:
        return None
    data, fetched_at = stored
    try:
        return SystemInfo.from_struct(data["info"]), [InstalledModule.from_struct(item) for item in data["modules"]], (
            fetched_at
        )
    except (AnswerError, KeyError, TypeError):
        return None


def fleet_status(services: Services, snapshot: PbxSnapshot) -> FleetStatus:
    if snapshot.name in _interrupted(services):
        return FleetStatus.INTERRUPTED
    return status_of(snapshot)


def status_of(snapshot: PbxSnapshot) -> FleetStatus:
    """The status its plan gives a PBX (an interrupted update in the journal aside)."""
    return _FROM_PLAN[snapshot.plan.status]


def _interrupted(services: Services) -> set[str]:
    """PBXs with an unfinished update in the journal."""
    # A damaged journal file must not take the whole fleet's status down: recovery reports it.
    return {entry.pbx_name for entry in services.journal.scan()[0]}


def cancelled_error(name: str) -> OperationError:
    """What a PBX left out of a cancelled fleet refresh gets instead of a snapshot."""
    return OperationError(code="refresh_cancelled", params={"pbx": name})


def refresh_fleet(
    services: Services,
    names: Sequence[str],
    *,
    workers: int | None = None,
    on_done: Callable[[str, PbxSnapshot | ModManagerError, FleetStatus | None], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, PbxSnapshot | ModManagerError]:
    """Refresh many PBXs at once (bounded by the read concurrency); never raises per PBX.

    ``on_done`` is called (on this thread) as each PBX ends, in the order they end, with the
    status stored for it (None: not read after a cancel), so a caller can count ``n of N``.
    Once ``cancelled()`` is true no further PBX is started: the PBXs not read get
    :func:`cancelled_error`, those being read finish. The answer holds every name, in the order given.

    One operation (joining the caller's, if one runs). Worker threads only ask the PBXs; this
    thread plans what they answered and stores the PBXs that ended together in one transaction
    - so the workers never queue for the database.
    """
    names = list(dict.fromkeys(names))
    results: dict[str, PbxSnapshot | ModManagerError] = {}
    if not names:
        return results
    with operation("refresh", title=f"{len(names)} PBXs" if len(names) > 1 else ""):
        records = {record.name: record for record in services.inventory.list()}
        holds = services.holds.all()
        ended: list[tuple[str, _Outcome | None]] = []
        for name in names:
            if name not in records:
                try:
                    records[name] = services.inventory.get(name)  # added meanwhile, or unknown: its error
                except ModManagerError as error:
                    ended.append((name, _failed(name, error)))
        asked = [records[name] for name in names if name in records]
        count = min(len(names), max(1, workers or services.settings.read_concurrency))
        batches = _ask_on_threads(services, asked, count, cancelled)
        while True:
            for name, result, status in _finish(services, ended):
                results[name] = result
                if on_done is not None:
                    on_done(name, result, status)
            batch = next(batches, None)
            if batch is None:
                break
            ended = []
            for name, answer in batch:
                with operation("refresh", pbx=name):  # joins this one: the PBX in the log lines
                    ended.append((name, None if answer is None else _planned(services, records[name], answer, holds)))
    return {name: results[name] for name in names}


def _finish(
    services: Services, ended: Sequence[tuple[str, _Outcome | None]]
) -> list[tuple[str, PbxSnapshot | ModManagerError, FleetStatus | None]]:
    """Store the PBXs that ended together (one transaction): each one's result and stored status.

    The status is None for a PBX not read after a cancel (its stored status is unchanged).
    """
    if not ended:
        return []
    read = _with_journal(services, [outcome for _, outcome in ended if outcome is not None])
    try:
        with services.inventory.batch():
            stored = {outcome.name: _stored(services, outcome) for outcome in read}
    except ModManagerError as error:  # the transaction as a whole failed (e.g. the disk is full)
        log.warning("refresh: %d PBXs not stored (%s)", len(read), error.message)
        stored = {
            outcome.name: outcome if not isinstance(outcome.result, PbxSnapshot)
            else _Outcome(outcome.name, error, status_for_error(error))
            for outcome in read
        }
    return [
        (name, stored[name].result, stored[name].status) if outcome is not None
        else (name, cancelled_error(name), None)
        for name, outcome in ended
    ]
