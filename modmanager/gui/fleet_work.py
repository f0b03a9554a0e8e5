"""Work on many PBXs at once: read them, roll a module out in stages, check readiness, back up every PBX.

:class:`FleetWork` runs through the controller's task plumbing (:meth:`Controller.submit`) and
announces through it, like every other operation. Work that touches several PBXs holds each of
them in the task runner, so no other job of one of those PBXs runs alongside it.
"""

from __future__ import annotations

import collections
import functools
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from modmanager.core.errors import ModManagerError
from modmanager.gui.changes import Changes
from modmanager.gui.progress import rollout_event_text
from modmanager.gui.slices import SLICE_S, in_slices, settle_heap
from modmanager.gui.tasks import TaskCancelled, TaskContext, TaskHandle, TaskState

if TYPE_CHECKING:  # ops is imported where it is used: the window is painted before it is loaded
    from modmanager.core.planner import Readiness
    from modmanager.core.versions import StarfaceVersion
    from modmanager.gui.controller import Controller
    from modmanager.ops.read_worker import Ended, Read
    from modmanager.ops.refresh import FleetStatus, PbxSnapshot
    from modmanager.ops.rollout import RolloutEvent, RolloutOutcome, RolloutPlan
    from modmanager.store.backups import BackupInfo

_WATCH_INTERVAL_S = 0.25
"""How often a refresh of many PBXs reports its count (each report redraws the operations dock)."""
_MARK_CHUNK = 25
"""PBXs marked "checking" at once when a refresh of many starts."""


class FleetRefresh:
    """A refresh of many PBXs: how many ended (counted on the GUI thread) and whether to stop."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.ended = threading.Event()
        """Every PBX was read (or could not be, or was skipped after a cancel)."""
        self.cancelled = threading.Event()
        """No further PBX is read."""
        self.shown: set[str] = set()
        """The PBXs the fleet read showed (GUI thread)."""

    def count(self, *, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.done >= self.total:
            self.ended.set()


@dataclass(frozen=True)
class RolloutOptions:
    """What the user chose for a staged rollout (see :func:`modmanager.ops.rollout.plan_rollout`)."""

    pbx_names: tuple[str, ...]
    to_version: int | None = None
    """None: the newest release each PBX can run (free unless ``include_paid``)."""
    canary: int = 1
    batch_size: int = 5
    include_paid: bool = False


@dataclass(frozen=True)
class FleetBackupOutcome:
    """A backup of every module on many PBXs: what each PBX gave, and which PBXs failed why."""

    backed_up: dict[str, list[BackupInfo]]
    failed: dict[str, ModManagerError]


RolloutEventHandler = Callable[[str, int, "RolloutEvent"], None]
"""``(pbx, stage index, outcome)``: an UpdateResult, a ModManagerError, or ``"skipped"``."""


class _EventRelay(QObject):
    """Carries a rollout's per-PBX events from the worker thread to the GUI thread.

    ``run_rollout`` reports each PBX on the thread it runs on; emitting :attr:`arrived` there
    queues the call to :meth:`_deliver` on this object's (the GUI) thread, the same way the
    task runner delivers results, so the handler may touch widgets.
    """

    arrived = Signal(str, int, object)

    def __init__(self, handler: RolloutEventHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self.arrived.connect(self._deliver)

    def close(self) -> None:
        """The rollout ended: deliver the events still queued, then go.

        The task runner may take in the rollout's outcome before these events (it wakes the GUI
        thread once for many outcomes), and ``deleteLater`` would drop them.
        """
        QCoreApplication.sendPostedEvents(self)
        self.deleteLater()

    def _deliver(self, pbx: str, stage: int, outcome: object) -> None:
        self._handler(pbx, stage, outcome)  # type: ignore[arg-type]  # emitted only by run_rollout's events


class _ReadRelay(QObject):
    """Carries the PBXs a fleet read ended with from the task's thread to the GUI thread.

    Answers arrive in bursts (dozens of PBXs within a millisecond); Qt would deliver a burst of
    queued signals in one go, so they are kept here and shown a slice of a few milliseconds at a
    time, with the event loop running in between. What the helper process sent is unpacked
    here too, a few PBXs per slice (see :class:`~modmanager.ops.read_worker.Ended`).
    """

    arrived = Signal(object)

    def __init__(self, handler: Callable[[str, PbxSnapshot | Read, FleetStatus | None], None], parent: QObject) -> None:
        super().__init__(parent)
        self._handler = handler
        self._waiting: collections.deque[Ended | tuple[str, PbxSnapshot | Read, FleetStatus | None]] = (
            collections.deque()
        )
        self.arrived.connect(self._keep)

    def close(self) -> None:
        """The read ended: show what is still on its way, then go."""
        QCoreApplication.sendPostedEvents(self)
        while self._waiting:
            self._show_next()
        self.deleteLater()

    def _keep(self, item: Ended | tuple[str, PbxSnapshot | Read, FleetStatus | None]) -> None:
        if not self._waiting:
            QTimer.singleShot(0, self, self._show)
        self._waiting.append(item)

    def _show(self) -> None:
        deadline = time.monotonic() + SLICE_S
        while self._waiting:
            self._show_next()
            if self._waiting and time.monotonic() >= deadline:
                QTimer.singleShot(0, self, self._show)
                return

    def _show_next(self) -> None:
        from modmanager.ops.read_worker import Ended

        item = self._waiting.popleft()
        if isinstance(item, Ended):
            self._waiting.extendleft(reversed(item.unpack()))
        else:
            self._handler(*item)


class FleetWork(QObject):
    """Refreshes of many PBXs, rollouts, readiness checks and the fleet backup, submitted through ``controller``."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self._controller = controller

    def refresh_all(self, *, with_cached: bool = False) -> None:
        """Reload the catalogs, then read every PBX again (one operation, see :meth:`refresh_many`).

        The list of backups is read again too: another modmanager (the command line) may have
        made or deleted some.
        """
        controller = self._controller
        names = controller.fleet.names()

        def load(ctx: TaskContext) -> tuple[list[ModManagerError], dict[str, Read]]:
            from modmanager.ops.refresh import stored_facts

            controller.services.catalogs.reload()
            cached: dict[str, Read] = {}
            if with_cached:  # read here; planned on the GUI thread, a slice at a time (no lock to share)
                for done, name in enumerate(names):
                    ctx.progress(done, len(names))
                    stored = stored_facts(controller.services, name)
                    if stored is not None:
                        cached[name] = stored
            return list(controller.services.catalogs.problems), cached

        def loaded(result: tuple[list[ModManagerError], dict[str, Read]]) -> None:
            from modmanager.gui.errors import describe_text

            problems, cached = result
            controller.mark_catalogs_loaded()
            controller.announce(Changes(catalogs=True, backups=True))
            for problem in problems:
                controller.message.emit(describe_text(problem))
            self.refresh_many(names, cached=cached, title=self.tr("Refresh all PBXs"), reload_catalogs=True)

        def not_loaded(error: ModManagerError) -> None:
            controller.failed.emit(self.tr("The module catalogs could not be loaded"), error)
            controller.announce(Changes(backups=True))
            self.refresh_many(names, title=self.tr("Refresh all PBXs"))

        controller.runner.submit(
            controller.catalog_key, self.tr("Load module catalogs"), load, on_success=loaded, on_failure=not_loaded
        )

    def refresh_many(
        self,
        names: Sequence[str],
        *,
        cached: Mapping[str, Read] | None = None,
        title: str = "",
        reload_catalogs: bool = False,
    ) -> TaskHandle | None:
        """Read many PBXs as one operation that counts "n of N" and can be cancelled.

        The PBXs nothing else works on are read together by one task that holds them (a change
        submitted meanwhile waits for its PBX, which is let go as soon as it was read): asked in
        the services' fleet asker (the helper process), planned and stored on the task's
        thread, shown here as each arrives. A PBX busy with other work is read on its own
        queue after that work. After a cancel no further PBX is read. ``cached`` snapshots are
        shown until the new ones arrive. ``reload_catalogs``: the catalogs were just loaded again
        here, so the helper loads them again too.
        """
        controller = self._controller
        runner = controller.runner
        names = [name for name in dict.fromkeys(names) if controller.fleet.entry(name) is not None]
        if not names:
            return None
        run = FleetRefresh(len(names))
        title = title or self.tr("Refresh {count} PBXs").format(count=len(names))
        counted = self.tr("{done} of {total} PBXs read")
        free = [name for name in names if runner.is_free(name)]
        queued = [name for name in names if name not in set(free)]

        def arrived(name: str, read: PbxSnapshot | Read, status: FleetStatus | None) -> None:
            from modmanager.ops.read_worker import snapshot_of

            runner.release(handle, name)
            run.shown.add(name)
            result, status = snapshot_of(controller.services, name, read, status)  # the helper's read: planned here
            controller.show_refreshed(name, result, status)
            run.count(failed=status is not None and isinstance(result, ModManagerError))

        relay = _ReadRelay(arrived, self)

        def read(ctx: TaskContext) -> FleetRefresh:
            from modmanager.ops.refresh import refresh_fleet

            def stop() -> bool:
                if ctx.cancelled():
                    run.cancelled.set()
                return run.cancelled.is_set()

            def done(item: Ended | tuple[str, PbxSnapshot | ModManagerError, FleetStatus | None]) -> None:
                relay.arrived.emit(item)
                ctx.progress(run.done, run.total, counted.format(done=run.done, total=run.total))

            helper = controller.services.fleet_reader
            if free and helper is not None:  # asked, planned and stored in the helper process
                records = [entry.record for name in free if (entry := controller.fleet.entry(name)) is not None]
                helper.refresh(
                    records, on_ended=done, workers=runner.max_reads, cancelled=stop, reload_catalogs=reload_catalogs
                )
            elif free:
                refresh_fleet(
                    controller.services,
                    free,
                    workers=runner.max_reads,
                    on_done=lambda name, result, status: done((name, result, status)),
                    cancelled=stop,
                )
            while not run.ended.wait(_WATCH_INTERVAL_S):  # the PBXs read on their own queues
                ctx.progress(run.done, run.total, counted.format(done=run.done, total=run.total))
                if stop():
                    raise TaskCancelled
            if stop():  # cancelled while the last PBXs were being read
                raise TaskCancelled
            ctx.progress(run.total, run.total, counted.format(done=run.total, total=run.total))
            return run

        def closed() -> None:
            """The task ended: what is still on its way is shown; PBXs it never got to are not busy."""
            relay.close()
            controller.fleet.update_entries([name for name in free if name not in run.shown], busy=False)
            settle_heap()  # the snapshots just read live until the next refresh

        def ended(run: FleetRefresh) -> None:
            closed()
            if run.failed:
                text = self.tr("{title}: {read} of {total} PBXs read, {failed} could not be read.")
            else:
                text = self.tr("{title}: all {total} PBXs read.")
            controller.message.emit(
                text.format(title=title, read=run.total - run.failed, total=run.total, failed=run.failed)
            )

        handle = runner.submit(
            controller.refresh_key,
            title,
            read,
            on_success=ended,
            on_failure=lambda _error: closed(),
            cancellable=True,
            watcher=True,  # takes no slot: it waits for the PBXs read on their own queues
            holds=free,
        )

        def finished(finished_handle: TaskHandle) -> None:
            if finished_handle is handle:
                if handle.state is TaskState.CANCELLED:
                    run.cancelled.set()  # also when it was cancelled before it started
                    closed()
                runner.task_finished.disconnect(finished)

        runner.task_finished.connect(finished)
        cached = cached or {}
        fleet = controller.fleet

        def mark(chunk: list[str]) -> None:
            """Mark PBXs "checking", a chunk at a time: one redraw per customer."""
            fleet.update_entries([name for name in chunk if name not in run.shown], busy=True)

        def show(name: str) -> None:
            """A PBX's stored facts, planned, until it was read (planning a PBX can take milliseconds)."""
            from modmanager.ops.read_worker import snapshot_of

            if name not in run.shown and fleet.entry(name) is not None:
                snapshot, _status = snapshot_of(controller.services, name, cached[name], None)
                if not isinstance(snapshot, ModManagerError):
                    fleet.update_entry(name, snapshot=snapshot)

        # Hundreds of PBXs: done a few milliseconds at a time, the window stays responsive.
        in_slices([names[start:start + _MARK_CHUNK] for start in range(0, len(names), _MARK_CHUNK)], mark,
                  context=controller)
        in_slices([name for name in names if name in cached], show, context=controller)
        for name in queued:
            controller.refresh(name, run=run)
        return handle

    def plan_rollout(
        self,
        module_id: str,
        module_name: str,
        options: RolloutOptions,
        on_done: Callable[[RolloutPlan], None],
        on_failure: Callable[[ModManagerError], None] | None = None,
    ) -> TaskHandle:
        """Read the chosen PBXs and cut them into stages; changes nothing on any PBX.

        Holds the chosen PBXs while it reads them: an update running on one finishes first.
        """
        title = self.tr("Plan the rollout of {module}").format(module=module_name)

        def work(ctx: TaskContext) -> RolloutPlan:
            from modmanager.ops.rollout import plan_rollout

            return plan_rollout(
                self._controller.services,
                module_id,
                pbx_names=options.pbx_names,
                to_version=options.to_version,
                canary=options.canary,
                batch_size=options.batch_size,
                include_paid=options.include_paid,
            )

        return self._controller.submit(
            self._controller.fleet_key, title, work, on_done=on_done, on_failure=on_failure, holds=options.pbx_names
        )

    def run_rollout(
        self,
        plan: RolloutPlan,
        *,
        module_name: str = "",
        max_failures: int = 1,
        on_event: RolloutEventHandler | None = None,
        on_done: Callable[[RolloutOutcome], None] | None = None,
        on_failure: Callable[[ModManagerError], None] | None = None,
    ) -> TaskHandle:
        """Run a planned rollout stage by stage; cancelling keeps further PBXs from starting.

        The task holds every target PBX, so no other job of one of them runs alongside; each
        PBX is let go (and read again if it was touched) as it ends, when ``on_event`` is
        called on the GUI thread.
        """
        module_name = module_name or plan.module_name
        title = self.tr("Roll out {module}").format(module=module_name)
        targets = [target.pbx_name for target in plan.targets]
        ended: set[str] = set()

        def arrived(pbx: str, stage: int, outcome: RolloutEvent) -> None:
            ended.add(pbx)
            self._controller.runner.release(handle, pbx)
            if not isinstance(outcome, str):  # it was started: updated, or failed and put back
                self._controller.after(Changes(backups=True, journal=True), [pbx])
            if on_event is not None:
                on_event(pbx, stage, outcome)

        relay = _EventRelay(arrived, self)

        def work(ctx: TaskContext) -> RolloutOutcome:
            from modmanager.ops.rollout import run_rollout

            count = 0

            def event(pbx: str, stage: int, outcome: RolloutEvent) -> None:
                nonlocal count  # run_rollout reports every PBX on this one thread
                count += 1
                relay.arrived.emit(pbx, stage, outcome)
                ctx.progress(count, len(targets), f"{pbx}: {rollout_event_text(outcome)}")

            services = self._controller.services
            return run_rollout(services, plan, max_failures=max_failures, on_event=event, cancelled=ctx.cancelled)

        def said(outcome: RolloutOutcome) -> str:
            return self.tr(
                "Rollout of {module}: {succeeded} updated, {failed} failed, {not_started} not started."
            ).format(
                module=module_name,
                succeeded=len(outcome.succeeded),
                failed=len(outcome.failed),
                not_started=len(outcome.not_started),
            )

        def done(outcome: RolloutOutcome) -> None:
            relay.close()
            if on_done is not None:
                on_done(outcome)

        def failed(error: ModManagerError) -> None:
            relay.close()
            if on_failure is not None:
                on_failure(error)
            else:
                self._controller.failed.emit(title, error)
            self._controller.after(Changes(backups=True, journal=True), [name for name in targets if name not in ended])

        handle = self._controller.submit(
            self._controller.fleet_key,
            title,
            work,
            said=said,
            on_done=done,
            on_failure=failed,
            holds=targets,
            cancellable=True,
        )
        return handle

    def check_readiness(
        self,
        pbx: str,
        target: StarfaceVersion,
        on_done: Callable[[str, Readiness | ModManagerError], None],
    ) -> TaskHandle:
        """Can ``pbx`` move to STARFACE ``target``? Reads the PBX; the answer or error goes to ``on_done``."""
        title = self.tr("Check {pbx} for STARFACE {version}").format(pbx=pbx, version=str(target))
        return self._controller.submit(
            pbx,
            title,
            functools.partial(self._readiness, pbx, target),
            on_done=lambda answer: on_done(pbx, answer),
            on_failure=lambda error: on_done(pbx, error),
            read_only=True,
        )

    def backup_fleet(
        self, names: Sequence[str], on_done: Callable[[FleetBackupOutcome], object] | None = None
    ) -> list[TaskHandle]:
        """Back up every module of every named PBX, one task per PBX; one failing stops no other."""
        backed_up: dict[str, list[BackupInfo]] = {}
        failed: dict[str, ModManagerError] = {}
        pending = set(names)

        def finish(name: str) -> None:
            pending.discard(name)
            if pending:
                return
            modules = sum(len(infos) for infos in backed_up.values())
            self._controller.message.emit(
                self.tr("PBXs backed up: {done} of {total} (modules: {modules}).").format(
                    modules=modules, done=len(backed_up), total=len(backed_up) + len(failed)
                )
            )
            self._controller.announce(Changes(backups=True))  # once for the fleet, not once per PBX
            if on_done is not None:
                on_done(FleetBackupOutcome(dict(backed_up), dict(failed)))

        def succeeded(name: str, infos: list[BackupInfo]) -> None:
            backed_up[name] = infos
            finish(name)

        def not_backed_up(name: str, error: ModManagerError) -> None:
            failed[name] = error
            finish(name)

        if not pending:
            finish("")
            return []
        return [
            self._controller.submit(
                name,
                self.tr("Back up all modules on {pbx}").format(pbx=name),
                functools.partial(self._backup_pbx, name),
                on_done=functools.partial(succeeded, name),
                on_failure=functools.partial(not_backed_up, name),
            )
            for name in dict.fromkeys(names)
        ]

    def _readiness(self, pbx: str, target: StarfaceVersion, _ctx: TaskContext) -> Readiness:
        from modmanager.ops.fleet import readiness

        return readiness(self._controller.services, pbx, target)

    def _backup_pbx(self, name: str, _ctx: TaskContext) -> list[BackupInfo]:
        from modmanager.ops.backup import backup_pbx

        return backup_pbx(self._controller.services, name)
