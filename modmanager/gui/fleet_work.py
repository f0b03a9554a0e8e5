"""Work on many PBXs at once: read them, roll a module out in stages, check readiness, back up every PBX.

:class:`FleetWork` runs through the controller's task plumbing (:meth:`Controller.submit`) and
announces through it, like every other operation. Work that touches several PBXs holds each of
them in the task runner, so no other job of one of those PBXs runs alongside it.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from modmanager.core.errors import ModManagerError
from modmanager.gui.changes import Changes
from modmanager.gui.progress import rollout_event_text
from modmanager.gui.slices import in_slices
from modmanager.gui.tasks import TaskCancelled, TaskContext, TaskHandle, TaskState

if TYPE_CHECKING:  # ops is imported where it is used: the window is painted before it is loaded
    from modmanager.core.planner import Readiness
    from modmanager.core.versions import StarfaceVersion
    from modmanager.gui.controller import Controller
    from modmanager.ops.refresh import PbxSnapshot
    from modmanager.ops.rollout import RolloutEvent, RolloutOutcome, RolloutPlan
    from modmanager.store.backups import BackupInfo

_WATCH_INTERVAL_S = 0.25
"""How often a refresh of many PBXs reports its count (each report redraws the operations dock)."""


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


class FleetWork(QObject):
    """Refreshes of many PBXs, rollouts, readiness checks and the fleet backup, submitted through ``controller``."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self._controller = controller

    def refresh_many(
        self,
        names: Sequence[str],
        *,
        cached: Mapping[str, PbxSnapshot] | None = None,
        title: str = "",
    ) -> TaskHandle | None:
        """Read many PBXs as one operation that counts "n of N" and can be cancelled.

        Each PBX is read on its own queue (after whatever runs on it), at the read
        concurrency; the operations panel shows the one operation, not a row per PBX. After a
        cancel no further PBX is read. ``cached`` snapshots are shown until the new ones arrive.
        """
        names = [name for name in dict.fromkeys(names) if self._controller.fleet.entry(name) is not None]
        if not names:
            return None
        run = FleetRefresh(len(names))
        title = title or self.tr("Refresh {count} PBXs").format(count=len(names))
        counted = self.tr("{done} of {total} PBXs read")

        def watch(ctx: TaskContext) -> FleetRefresh:
            while not run.ended.wait(_WATCH_INTERVAL_S):
                ctx.progress(run.done, run.total, counted.format(done=run.done, total=run.total))
                if ctx.cancelled():
                    run.cancelled.set()
                    raise TaskCancelled
            ctx.progress(run.total, run.total, counted.format(done=run.total, total=run.total))
            return run

        def ended(run: FleetRefresh) -> None:
            if run.failed:
                text = self.tr("{title}: {read} of {total} PBXs read, {failed} could not be read.")
            else:
                text = self.tr("{title}: all {total} PBXs read.")
            self._controller.message.emit(
                text.format(title=title, read=run.total - run.failed, total=run.total, failed=run.failed)
            )

        handle = self._controller.runner.submit(
            self._controller.refresh_key, title, watch, on_success=ended, cancellable=True, watcher=True
        )

        def finished(finished_handle: TaskHandle) -> None:
            if finished_handle is handle:
                if handle.state is TaskState.CANCELLED:
                    run.cancelled.set()  # also when it was cancelled before it started
                self._controller.runner.task_finished.disconnect(finished)

        self._controller.runner.task_finished.connect(finished)
        cached = cached or {}
        fleet = self._controller.fleet
        fleet.update_entries(names, busy=True)  # all "checking" at once: one redraw per customer

        def start(name: str) -> None:
            snapshot = cached.get(name)
            if snapshot is not None and fleet.entry(name) is not None:
                fleet.update_entry(name, snapshot=snapshot)
            self._controller.refresh(name, run=run)  # announces the entry's change

        in_slices(names, start, context=self._controller)  # hundreds of PBXs: the window stays responsive
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
