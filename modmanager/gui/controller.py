"""What the main window's actions do: each one becomes TaskRunner jobs over ``ops/``.

The window asks (``refresh``, ``prepare_update``, ``run_update``, ``backup_now``, ...), the
controller submits the work with the PBX name as key - so work on one PBX never overlaps while
many PBXs are worked on at once - and keeps the :class:`~modmanager.gui.models.fleet.FleetModel`
current as results arrive. Callers pass what to do with a result; errors of actions the user
started go out through :attr:`Controller.failed` as ModManagerErrors (message and hint), never
as tracebacks.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from modmanager.core.catalog import CatalogModule
from modmanager.core.changelog import DEFAULT_PAID_MARKERS
from modmanager.core.errors import ModManagerError, Outcome
from modmanager.core.planner import Readiness
from modmanager.core.text import clean_text
from modmanager.core.versions import StarfaceVersion
from modmanager.gui.errors import describe_outcome, describe_stored, describe_text
from modmanager.gui.models.fleet import FleetModel
from modmanager.gui.tasks import TaskCancelled, TaskContext, TaskHandle, TaskRunner, TaskState, in_slices
from modmanager.ops import recovery
from modmanager.ops.backup import RestoreResult, backup_module, backup_pbx, restore_backup
from modmanager.ops.catalogs import CatalogProblem
from modmanager.ops.fleet import PlannedUpdate, UpdateAllOutcome, readiness, update_all
from modmanager.ops.pbxs import remove_pbx
from modmanager.ops.recovery import Assessment, RecoveryAction
from modmanager.ops.refresh import (
    FleetStatus,
    PbxSnapshot,
    cached_snapshot,
    fleet_status,
    refresh_pbx,
    status_for_error,
)
from modmanager.ops.rollout import RolloutEvent, RolloutOutcome, RolloutPlan, plan_rollout, run_rollout
from modmanager.ops.services import Services
from modmanager.ops.update import UpdatePreview, UpdateResult, prepare_update, run_update
from modmanager.store.backups import BackupInfo
from modmanager.store.journal import JournalEntry

UPDATE_STAGES = ("preflight", "backup", "upload", "install", "restore", "activate", "health")
"""The stages ``ops`` reports for ``run_update`` (see ``ops/update.py``, ``ops/converge.py``), in order.

The bar runs across all of them. ``converge`` also verifies after activating, but reports no
stage for it: a "verify" stage here would leave the bar short of its end on every update.
"""
_STEPS_PER_STAGE = 100
_WATCH_INTERVAL_S = 0.1
"""How often a refresh of many PBXs reports its count."""


def stage_text(stage: str) -> str:
    """An update step as the progress bar names it."""
    texts = {
        "preflight": QCoreApplication.translate("Controller", "Checking the PBX"),
        "backup": QCoreApplication.translate("Controller", "Backing up settings"),
        "upload": QCoreApplication.translate("Controller", "Uploading the module"),
        "install": QCoreApplication.translate("Controller", "Installing"),
        "restore": QCoreApplication.translate("Controller", "Restoring settings"),
        "activate": QCoreApplication.translate("Controller", "Activating instances"),
        "health": QCoreApplication.translate("Controller", "Checking the module's health"),
    }
    return texts.get(stage, stage)


def update_progress(ctx: TaskContext, prefix: str = "") -> Callable[[str, int, int], None]:
    """An ``ops`` progress callback that reports one bar across every update step."""

    def report(stage: str, done: int, total: int) -> None:
        position = UPDATE_STAGES.index(stage) if stage in UPDATE_STAGES else 0
        share = (done * _STEPS_PER_STAGE // total) if total else 0
        text = stage_text(stage)
        ctx.progress(
            position * _STEPS_PER_STAGE + share,
            len(UPDATE_STAGES) * _STEPS_PER_STAGE,
            f"{prefix}{text}" if prefix else text,
        )

    return report


@dataclass(frozen=True)
class UpdateChoice:
    """What the update dialog offers: the planned update and, for a paid one, the free alternative."""

    preview: UpdatePreview
    free_preview: UpdatePreview | None = None
    display_name: str = ""
    """The module's name in the interface language (the preview names it in English)."""

    @property
    def module_name(self) -> str:
        """For display: one clean line (the preview's name can come from the PBX)."""
        return clean_text(self.display_name or self.preview.module_name)


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
class _Refreshed:
    snapshot: PbxSnapshot
    status: FleetStatus


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


RolloutEventHandler = Callable[[str, int, RolloutEvent], None]
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

    def _deliver(self, pbx: str, stage: int, outcome: object) -> None:
        self._handler(pbx, stage, outcome)  # type: ignore[arg-type]  # emitted only by run_rollout's events


class Controller(QObject):
    """Submits the work behind every action and keeps the fleet model up to date.

    Args:
        services: the opened adapters (real data folder or the demo's).
        runner: the one task runner of the window.
        fleet: the model of the PBX list, changed as results arrive.

    Signals:
        snapshot_changed(str): a PBX's entry changed (status, snapshot, busy flag).
        fleet_loaded(): the PBX list was (re)read from the inventory.
        message(str): a sentence for the status bar.
        failed(str, ModManagerError): an action the user started failed (title, error).
    """

    snapshot_changed = Signal(str)
    fleet_loaded = Signal()
    message = Signal(str)
    failed = Signal(str, object)

    def __init__(
        self, services: Services, runner: TaskRunner, fleet: FleetModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.fleet = fleet
        self._interrupted: set[str] = set()
        self._catalogs_loaded = False

    @property
    def catalog_key(self) -> str:
        """The task key of catalog work (not a PBX: it never talks to one)."""
        return self.tr("(catalogs)")

    @property
    def paid_markers(self) -> tuple[str, ...]:
        return self.services.settings.paid_markers or DEFAULT_PAID_MARKERS

    def catalog_module(self, module_id: str) -> CatalogModule | None:
        """The merged catalog entry of a module, once the catalogs are loaded (else None)."""
        return self.services.catalogs.module(module_id) if self._catalogs_loaded else None

    # -- the fleet ---------------------------------------------------------------------------

    def load(self) -> None:
        """Show the PBXs with their last stored status at once, then fill and refresh them."""
        self.reload_records()
        self.refresh_all(with_cached=True)

    def reload_records(self) -> None:
        """Re-read the PBX list (after adding, editing or removing one)."""
        inventory = self.services.inventory
        statuses: dict[str, tuple[FleetStatus, str]] = {}
        for name, stored in inventory.statuses().items():
            try:
                statuses[name] = (FleetStatus(stored.status), describe_stored(stored.detail, stored.message))
            except ValueError:
                continue
        self.fleet.set_records(inventory.list(), statuses)
        for name, window in self.services.windows.all_effective().items():
            self.fleet.update_entry(name, window=window.window.spec())
        self.fleet_loaded.emit()

    @property
    def refresh_key(self) -> str:
        """The task key of a refresh of many PBXs (its per-PBX reads run on the PBXs' own keys)."""
        return self.tr("(refresh)")

    def refresh_all(self, *, with_cached: bool = False) -> None:
        """Reload the catalogs, then read every PBX again (one operation, each PBX on its own queue)."""
        names = self.fleet.names()

        def load(ctx: TaskContext) -> tuple[list[str], dict[str, PbxSnapshot]]:
            self.services.catalogs.reload()
            cached: dict[str, PbxSnapshot] = {}
            if with_cached:
                for done, name in enumerate(names):
                    ctx.progress(done, len(names))
                    snapshot = cached_snapshot(self.services, name)
                    if snapshot is not None:
                        cached[name] = snapshot
            return list(self.services.catalogs.problems), cached

        def loaded(result: tuple[list[str], dict[str, PbxSnapshot]]) -> None:
            problems, cached = result
            self._catalogs_loaded = True
            for problem in problems:
                self.message.emit(problem)
            self.refresh_many(names, cached=cached, title=self.tr("Refresh all PBXs"))

        def not_loaded(error: ModManagerError) -> None:
            self.failed.emit(self.tr("The module catalogs could not be loaded"), error)
            self.refresh_many(names, title=self.tr("Refresh all PBXs"))

        self.runner.submit(
            self.catalog_key, self.tr("Load module catalogs"), load, on_success=loaded, on_failure=not_loaded
        )

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
        names = [name for name in dict.fromkeys(names) if self.fleet.entry(name) is not None]
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
            self.message.emit(text.format(title=title, read=run.total - run.failed, total=run.total, failed=run.failed))

        handle = self.runner.submit(self.refresh_key, title, watch, on_success=ended, cancellable=True, watcher=True)

        def finished(finished_handle: TaskHandle) -> None:
            if finished_handle is handle:
                if handle.state is TaskState.CANCELLED:
                    run.cancelled.set()  # also when it was cancelled before it started
                self.runner.task_finished.disconnect(finished)

        self.runner.task_finished.connect(finished)
        cached = cached or {}

        def start(name: str) -> None:
            snapshot = cached.get(name)
            if snapshot is not None and self.fleet.entry(name) is not None:
                self.fleet.update_entry(name, snapshot=snapshot)
            self.refresh(name, run=run)  # says the entry changed

        in_slices(names, start, context=self)  # hundreds of PBXs: the window stays responsive
        return handle

    def refresh(self, name: str, *, run: FleetRefresh | None = None) -> TaskHandle:
        """Read one PBX again and plan its modules (``run``: as one PBX of :meth:`refresh_many`)."""
        self.fleet.update_entry(name, busy=True)
        self.snapshot_changed.emit(name)

        def work(ctx: TaskContext) -> _Refreshed | None:
            if run is not None and run.cancelled.is_set():
                return None
            snapshot = refresh_pbx(self.services, name)
            return _Refreshed(snapshot, fleet_status(self.services, snapshot))

        def done(result: _Refreshed | None) -> None:
            if result is None:  # the refresh of many was cancelled before this PBX
                self.fleet.update_entry(name, busy=False)
                self.snapshot_changed.emit(name)
                if run is not None:
                    run.count(failed=False)
                return
            self._catalogs_loaded = True
            if result.status is FleetStatus.INTERRUPTED:
                self._interrupted.add(name)
            else:
                self._interrupted.discard(name)
            unavailable = result.status is FleetStatus.CATALOG_UNAVAILABLE
            message = catalog_message(self.services.catalogs.unavailable()) if unavailable else ""
            self.fleet.update_entry(name, snapshot=result.snapshot, status=result.status, message=message, busy=False)
            self.snapshot_changed.emit(name)
            if run is not None:
                run.count(failed=False)

        def failed(error: ModManagerError) -> None:
            status = FleetStatus.INTERRUPTED if name in self._interrupted else status_for_error(error)
            self.fleet.update_entry(name, status=status, message=describe_text(error), busy=False)
            self.snapshot_changed.emit(name)
            if run is not None:
                run.count(failed=True)

        return self.runner.submit(
            name,
            self.tr("Refresh {pbx}").format(pbx=name),
            work,
            on_success=done,
            on_failure=failed,
            read_only=True,
            quiet=run is not None,
        )

    # -- the fleet at once ------------------------------------------------------------------

    @property
    def fleet_key(self) -> str:
        """The task key of work that spans many PBXs (planning and running a rollout)."""
        return self.tr("(fleet)")

    def plan_rollout(
        self,
        module_id: str,
        module_name: str,
        options: RolloutOptions,
        on_done: Callable[[RolloutPlan], None],
        on_failure: Callable[[ModManagerError], None] | None = None,
    ) -> TaskHandle:
        """Read the chosen PBXs and cut them into stages; changes nothing on any PBX."""
        title = self.tr("Plan the rollout of {module}").format(module=module_name)

        def work(ctx: TaskContext) -> RolloutPlan:
            return plan_rollout(
                self.services,
                module_id,
                pbx_names=options.pbx_names,
                to_version=options.to_version,
                canary=options.canary,
                batch_size=options.batch_size,
                include_paid=options.include_paid,
            )

        return self.runner.submit(
            self.fleet_key,
            title,
            work,
            on_success=on_done,
            on_failure=on_failure or (lambda error: self.failed.emit(title, error)),
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

        ``on_event`` is called on the GUI thread as each PBX ends. The PBXs that were updated
        or failed are read again afterwards.
        """
        module_name = module_name or plan.module_name
        title = self.tr("Roll out {module}").format(module=module_name)
        relay = _EventRelay(on_event or (lambda _pbx, _stage, _outcome: None), self)
        total = len(plan.targets)

        def work(ctx: TaskContext) -> RolloutOutcome:
            ended = 0

            def event(pbx: str, stage: int, outcome: RolloutEvent) -> None:
                nonlocal ended  # run_rollout reports every PBX on this one thread
                ended += 1
                relay.arrived.emit(pbx, stage, outcome)
                ctx.progress(ended, total, f"{pbx}: {rollout_event_text(outcome)}")

            return run_rollout(self.services, plan, max_failures=max_failures, on_event=event, cancelled=ctx.cancelled)

        def done(outcome: RolloutOutcome) -> None:
            relay.deleteLater()
            self.message.emit(
                self.tr("Rollout of {module}: {succeeded} updated, {failed} failed, {not_started} not started.").format(
                    module=module_name,
                    succeeded=len(outcome.succeeded),
                    failed=len(outcome.failed),
                    not_started=len(outcome.not_started),
                )
            )
            for name in [result.pbx_name for result in outcome.succeeded] + [t.pbx_name for t, _ in outcome.failed]:
                if self.fleet.entry(name) is not None:
                    self.refresh(name)
            if on_done is not None:
                on_done(outcome)

        def failed(error: ModManagerError) -> None:
            relay.deleteLater()
            if on_failure is not None:
                on_failure(error)
            else:
                self.failed.emit(title, error)
            for target in plan.targets:
                if self.fleet.entry(target.pbx_name) is not None:
                    self.refresh(target.pbx_name)

        return self.runner.submit(self.fleet_key, title, work, on_success=done, on_failure=failed, cancellable=True)

    def check_readiness(
        self,
        pbx: str,
        target: StarfaceVersion,
        on_done: Callable[[str, Readiness | ModManagerError], None],
    ) -> TaskHandle:
        """Can ``pbx`` move to STARFACE ``target``? Reads the PBX; the answer or error goes to ``on_done``."""
        title = self.tr("Check {pbx} for STARFACE {version}").format(pbx=pbx, version=str(target))
        return self.runner.submit(
            pbx,
            title,
            lambda ctx: readiness(self.services, pbx, target),
            on_success=lambda answer: on_done(pbx, answer),
            on_failure=lambda error: on_done(pbx, error),
            read_only=True,
        )

    def backup_fleet(
        self, names: Sequence[str], on_done: Callable[[FleetBackupOutcome], None] | None = None
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
            self.message.emit(
                self.tr("PBXs backed up: {done} of {total} (modules: {modules}).").format(
                    modules=modules, done=len(backed_up), total=len(backed_up) + len(failed)
                )
            )
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
            self.runner.submit(
                name,
                self.tr("Back up all modules on {pbx}").format(pbx=name),
                functools.partial(self._backup_pbx, name),
                on_success=functools.partial(succeeded, name),
                on_failure=functools.partial(not_backed_up, name),
            )
            for name in dict.fromkeys(names)
        ]

    def _backup_pbx(self, name: str, _ctx: TaskContext) -> list[BackupInfo]:
        return backup_pbx(self.services, name)

    # -- updates -----------------------------------------------------------------------------

    def prepare_update(
        self,
        pbx: str,
        module_id: str,
        module_name: str,
        on_ready: Callable[[UpdateChoice], object],
        *,
        to_version: int | None = None,
    ) -> TaskHandle:
        """Compute the preview (downloads and checks the file; changes nothing on the PBX).

        A paid update comes with the preview of its newest free release, so the dialog can
        offer to stay below the paid one.
        """

        def work(ctx: TaskContext) -> UpdateChoice:
            preview = prepare_update(self.services, pbx, module_id, to_version=to_version)
            free = None
            if preview.paid and preview.free_alternative is not None:
                free = prepare_update(self.services, pbx, module_id, to_version=preview.free_alternative.version)
            return UpdateChoice(preview, free, module_name)

        def ready(choice: UpdateChoice) -> None:
            on_ready(choice)

        title = self.tr("Prepare {module} on {pbx}").format(module=module_name, pbx=pbx)
        return self.runner.submit(
            pbx,
            title,
            work,
            on_success=ready,
            on_failure=lambda error: self.failed.emit(title, error),
        )

    def run_update(
        self,
        preview: UpdatePreview,
        *,
        confirm_paid: bool,
        module_name: str = "",
        on_done: Callable[[UpdateResult], None] | None = None,
    ) -> TaskHandle:
        """Run a previewed update; the PBX is refreshed afterwards whatever happened.

        ``module_name`` is the name in the interface language (default: the preview's).
        """
        pbx = preview.pbx_name
        module_name = module_name or preview.module_name
        if preview.is_fresh_install:
            title = self.tr("Install {module} {version} on {pbx}")
        else:
            title = self.tr("Update {module} to {version} on {pbx}")
        title = title.format(module=module_name, version=preview.release.display_version, pbx=pbx)

        def work(ctx: TaskContext) -> UpdateResult:
            return run_update(self.services, preview, confirm_paid=confirm_paid, progress=update_progress(ctx))

        def done(result: UpdateResult) -> None:
            self.message.emit(
                self.tr("{module} now runs {version} on {pbx}; its settings were restored.").format(
                    module=module_name, version=preview.release.display_version, pbx=pbx
                )
            )
            self.refresh(pbx)
            if on_done is not None:
                on_done(result)

        def failed(error: ModManagerError) -> None:
            self.failed.emit(title, error)
            self.refresh(pbx)

        return self.runner.submit(pbx, title, work, on_success=done, on_failure=failed)

    def update_all(self, pbx: str, on_done: Callable[[UpdateAllOutcome], None] | None = None) -> TaskHandle:
        """Every free update of a PBX, one transaction per module, stopping at the first failure."""
        title = self.tr("Update all free updates on {pbx}").format(pbx=pbx)

        def work(ctx: TaskContext) -> UpdateAllOutcome:
            return update_all(self.services, pbx, progress=lambda planned: update_progress(ctx, _prefix(planned)))

        def done(outcome: UpdateAllOutcome) -> None:
            self.refresh(pbx)
            if on_done is not None:
                on_done(outcome)

        def failed(error: ModManagerError) -> None:
            self.failed.emit(title, error)
            self.refresh(pbx)

        return self.runner.submit(pbx, title, work, on_success=done, on_failure=failed)

    # -- backups -----------------------------------------------------------------------------

    def backup_now(
        self, pbx: str, module_id: str, module_name: str, on_done: Callable[[BackupInfo], None] | None = None
    ) -> TaskHandle:
        title = self.tr("Back up {module} on {pbx}").format(module=module_name, pbx=pbx)

        def done(info: BackupInfo) -> None:
            self.message.emit(
                self.tr("The settings of {module} on {pbx} were backed up.").format(module=module_name, pbx=pbx)
            )
            if on_done is not None:
                on_done(info)

        return self.runner.submit(
            pbx,
            title,
            lambda ctx: backup_module(self.services, pbx, module_id),
            on_success=done,
            on_failure=lambda error: self.failed.emit(title, error),
        )

    def restore(
        self,
        backup: BackupInfo,
        pbx: str,
        *,
        instance_names: Sequence[str] | None = None,
        on_done: Callable[[RestoreResult], None] | None = None,
    ) -> TaskHandle:
        """Restore a backup onto ``pbx`` (any PBX with the module installed)."""
        title = self.tr("Restore {module} on {pbx}").format(module=backup.module_name, pbx=pbx)

        def work(ctx: TaskContext) -> RestoreResult:
            loaded = self.services.backups.load(backup.backup_id)
            return restore_backup(
                self.services, loaded, pbx, instance_names=instance_names, progress=update_progress(ctx)
            )

        def done(result: RestoreResult) -> None:
            self.message.emit(
                self.tr("The backup of {module} was restored on {pbx}.").format(module=result.module_name, pbx=pbx)
            )
            self.refresh(pbx)
            if on_done is not None:
                on_done(result)

        def failed(error: ModManagerError) -> None:
            self.failed.emit(title, error)
            self.refresh(pbx)

        return self.runner.submit(pbx, title, work, on_success=done, on_failure=failed)

    def export_backup(
        self, backup: BackupInfo, destination: Path, password: str, on_done: Callable[[None], None] | None = None
    ) -> TaskHandle:
        title = self.tr("Export backup of {module}").format(module=backup.module_name)
        return self.runner.submit(
            self.tr("(backups)"),
            title,
            lambda ctx: self.services.backups.export(backup.backup_id, destination, password),
            on_success=on_done,
            on_failure=lambda error: self.failed.emit(title, error),
        )

    def import_backup(
        self, source: Path, password: str, on_done: Callable[[BackupInfo], None] | None = None
    ) -> TaskHandle:
        title = self.tr("Import backup {file}").format(file=source.name)
        return self.runner.submit(
            self.tr("(backups)"),
            title,
            lambda ctx: self.services.backups.import_file(source, password),
            on_success=on_done,
            on_failure=lambda error: self.failed.emit(title, error),
        )

    # -- recovery ----------------------------------------------------------------------------

    def check_recovery(self, on_found: Callable[[list[Assessment]], object]) -> None:
        """Assess every unfinished update (each on its PBX's queue); report them all at once."""
        entries = recovery.unfinished(self.services)
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

        for entry in entries:
            self._interrupted.add(entry.pbx_name)
            if self.fleet.entry(entry.pbx_name) is not None:
                self.fleet.update_entry(entry.pbx_name, status=FleetStatus.INTERRUPTED)

            def failed(_error: ModManagerError, op_id: str = entry.op_id) -> None:
                finish(op_id, None)  # assess() reports an unreachable PBX itself; this is a bug

            self.runner.submit(
                entry.pbx_name,
                self.tr("Check interrupted update of {module}").format(module=entry.module_name),
                functools.partial(self._assess, entry),
                on_success=functools.partial(finish, entry.op_id),
                on_failure=failed,
            )

    def _assess(self, entry: JournalEntry, _ctx: TaskContext) -> Assessment:
        return recovery.assess(self.services, entry)

    def recover(self, assessment: Assessment, action: RecoveryAction) -> TaskHandle:
        entry = assessment.entry
        if action is RecoveryAction.ROLLBACK:
            title = self.tr("Roll back {module} on {pbx}")
        else:
            title = self.tr("Finish the update of {module} on {pbx}")
        title = title.format(module=entry.module_name, pbx=entry.pbx_name)

        def done(outcome: Outcome) -> None:
            self._interrupted.discard(entry.pbx_name)
            self.message.emit(describe_outcome(outcome))
            self.refresh(entry.pbx_name)

        def failed(error: ModManagerError) -> None:
            self.failed.emit(title, error)
            self.refresh(entry.pbx_name)

        return self.runner.submit(
            entry.pbx_name,
            title,
            lambda ctx: recovery.recover_outcome(self.services, entry.op_id, action, progress=update_progress(ctx)),
            on_success=done,
            on_failure=failed,
        )

    # -- the inventory -----------------------------------------------------------------------

    def remove_pbx(self, name: str) -> None:
        """Forget a PBX with its stored password and agent secret (nothing on the PBX changes)."""
        try:
            remove_pbx(self.services.inventory, self.services.credentials, name)
        except ModManagerError as error:
            self.failed.emit(self.tr("Remove {pbx}").format(pbx=name), error)
        self.reload_records()


def catalog_message(problems: Sequence[CatalogProblem]) -> str:
    """Why a PBX's plan is incomplete: each catalog that could not be used, and why (as the catalog said)."""
    text = QCoreApplication.translate(
        "Controller", "Updates may be missing: the catalog {source} could not be used ({reason})."
    )
    return " ".join(text.format(source=problem.source, reason=problem.reason.rstrip(".")) for problem in problems)


def rollout_event_text(outcome: RolloutEvent) -> str:
    """How one PBX of a rollout ended, in a few words."""
    if isinstance(outcome, ModManagerError):
        return QCoreApplication.translate("Controller", "failed")
    if isinstance(outcome, str):
        return QCoreApplication.translate("Controller", "not started")
    return QCoreApplication.translate("Controller", "updated to v{version}").format(version=outcome.to_version)


def _prefix(planned: PlannedUpdate) -> str:
    return f"{planned.module_name}: "
