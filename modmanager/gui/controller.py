"""What the window's actions do: each one becomes TaskRunner jobs over ``ops/``, and says what it changed.

Flows and dialogs ask (``refresh``, ``prepare_update``, ``run_update``, ``backup_now``, ...); the
controller submits the work with the PBX name as key - so work on one PBX never overlaps while
many PBXs are worked on at once - and keeps the :class:`~modmanager.gui.models.fleet.FleetModel`
current as results arrive. Work on many PBXs at once (rollouts, readiness, the fleet backup) is
in :class:`~modmanager.gui.fleet_work.FleetWork` (``controller.fleetwide``); it holds each PBX it
touches.

Every operation goes through :meth:`Controller.submit` and announces what it changed as one
:class:`~modmanager.gui.changes.Changes` record on :attr:`Controller.changed`, whether it
succeeded or not; views redraw themselves from that notice, nobody calls a view. Operations that
change a PBX read it again afterwards. Callers pass only what is theirs to do with a result
(open a dialog, show a summary); errors of actions the user started go out through
:attr:`Controller.failed` as ModManagerErrors, never as tracebacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from modmanager.core.errors import ModManagerError
from modmanager.core.fleet_status import FleetStatus
from modmanager.core.text import clean_text
from modmanager.gui import recovery_work
from modmanager.gui.changes import NO_CHANGES, Changes
from modmanager.gui.fleet_work import FleetRefresh, FleetWork
from modmanager.gui.models.fleet import FleetModel
from modmanager.gui.progress import update_all_progress, update_progress
from modmanager.gui.tasks import TaskContext, TaskHandle, TaskRunner

# ops (the planner, the network, the catalogs) is imported where it is used: the window shows
# the fleet from the inventory first and loads the rest after its first paint (gui/startup.py).
if TYPE_CHECKING:
    from pathlib import Path

    from modmanager.core.catalog import CatalogModule
    from modmanager.ops.backup import RestoreResult
    from modmanager.ops.catalogs import CatalogProblem
    from modmanager.ops.fleet import UpdateAllOutcome
    from modmanager.ops.read_worker import Read
    from modmanager.ops.recovery import Assessment, RecoveryAction
    from modmanager.ops.refresh import PbxSnapshot
    from modmanager.ops.services import Services
    from modmanager.ops.update import UpdatePreview, UpdateResult
    from modmanager.store.backups import BackupInfo
    from modmanager.store.inventory import Inventory
    from modmanager.store.settings import Settings

T = TypeVar("T")


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


@dataclass(frozen=True)
class _Refreshed:
    snapshot: PbxSnapshot
    status: FleetStatus


class Controller(QObject):
    """Submits the work behind every action, keeps the fleet model up to date, announces changes.

    Args:
        services: the opened adapters (real data folder or the demo's).
        runner: the one task runner of the window.
        fleet: the model of the PBX list, changed as results arrive.

    Attributes:
        fleetwide: work on many PBXs at once (rollouts, readiness, fleet backup).

    Signals:
        changed(Changes): what an operation changed; views redraw themselves from it.
        message(str): a sentence for the status bar.
        failed(str, ModManagerError): an action the user started failed (title, error).
    """

    changed = Signal(object)
    message = Signal(str)
    failed = Signal(str, object)

    services: Services
    """The opened adapters; the desktop opens them after the window's first paint (``MainWindow.attach``)."""

    def __init__(
        self, services: Services | None, runner: TaskRunner, fleet: FleetModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if services is not None:
            self.services = services
        self.runner = runner
        self.fleet = fleet
        self.interrupted: set[str] = set()
        """PBXs with an update that was interrupted (until it is rolled back or finished)."""
        self._catalogs_loaded = False
        self._records_loaded = False
        self._collected: Changes | None = None
        runner.idle.connect(self._announce_collected)
        self.fleetwide = FleetWork(self)

    @property
    def attached(self) -> bool:
        """Whether the data folder is open (before that, the window shows the stored fleet only)."""
        return hasattr(self, "services")

    # -- task keys and lookups -----------------------------------------------------------------

    @property
    def catalog_key(self) -> str:
        """The task key of catalog work (not a PBX: it never talks to one)."""
        return self.tr("(catalogs)")

    @property
    def fleet_key(self) -> str:
        """The task key of work that spans many PBXs (planning and running a rollout); it holds their keys too."""
        return self.tr("(fleet)")

    @property
    def refresh_key(self) -> str:
        """The task key of a refresh of many PBXs (its per-PBX reads run on the PBXs' own keys)."""
        return self.tr("(refresh)")

    @property
    def inventory_key(self) -> str:
        """The task key of work on the PBX list alone (tags of many PBXs, an import)."""
        return self.tr("(PBX list)")

    @property
    def backups_key(self) -> str:
        """The task key of work on the backup folder alone (reading the list, export, import)."""
        return self.tr("(backups)")

    @property
    def paid_markers(self) -> tuple[str, ...]:
        from modmanager.core.changelog import DEFAULT_PAID_MARKERS

        return self.services.settings.paid_markers or DEFAULT_PAID_MARKERS

    def catalog_module(self, module_id: str) -> CatalogModule | None:
        """The merged catalog entry of a module, once the catalogs are loaded (else None)."""
        return self.services.catalogs.module(module_id) if self._catalogs_loaded else None

    # -- announcing ----------------------------------------------------------------------------

    def announce(self, changes: Changes) -> None:
        """Tell every view what changed (nothing is said when nothing changed)."""
        self._announce_collected()  # what was collected before happened before
        if changes:
            self.changed.emit(changes)

    def announce_soon(self, changes: Changes) -> None:
        """Collect what changed on single PBXs and tell it once, when the event loop turns.

        Hundreds of refreshes ending together redraw the views a few times, not hundreds; the
        notice goes out before any other and at the latest when the task runner is idle.
        """
        if self._collected is None:
            self._collected = changes
            QTimer.singleShot(0, self, self._announce_collected)
        else:
            self._collected |= changes

    def _announce_collected(self) -> None:
        collected, self._collected = self._collected, None
        if collected:
            self.changed.emit(collected)

    def submit(
        self,
        key: str,
        title: str,
        work: Callable[[TaskContext], T],
        *,
        changes: Changes = NO_CHANGES,
        reread: Sequence[str] = (),
        said: Callable[[T], str] | None = None,
        on_done: Callable[[T], object] | None = None,
        on_failure: Callable[[ModManagerError], object] | None = None,
        holds: Sequence[str] = (),
        cancellable: bool = False,
        read_only: bool = False,
    ) -> TaskHandle:
        """Submit ``work``; afterwards announce ``changes`` and read the PBXs in ``reread`` again.

        Both happen whether the work succeeded or failed: a failed update leaves a backup and a
        journal entry, and the PBX may run something else than before. On success ``said``
        gives the status-bar sentence and ``on_done`` gets the result; on failure the error goes
        to ``on_failure``, or else out through :attr:`failed`.
        """

        def succeeded(result: T) -> None:
            if said is not None:
                self.message.emit(said(result))
            self.after(changes, reread)
            if on_done is not None:
                on_done(result)

        def not_done(error: ModManagerError) -> None:
            if on_failure is not None:
                on_failure(error)
            else:
                self.failed.emit(title, error)
            self.after(changes, reread)

        return self.runner.submit(
            key,
            title,
            work,
            on_success=succeeded,
            on_failure=not_done,
            holds=holds,
            cancellable=cancellable,
            read_only=read_only,
        )

    def after(self, changes: Changes, reread: Sequence[str]) -> None:
        self.announce(changes)
        for name in reread:
            if self.fleet.entry(name) is not None:
                self.refresh(name)

    def _set_entry(self, name: str, **fields: object) -> None:
        self.fleet.update_entry(name, **fields)
        self.announce_soon(Changes.of_pbxs([name]))

    # -- the fleet -----------------------------------------------------------------------------

    def start(self, on_recovery: Callable[[list[Assessment]], object]) -> None:
        """Show the PBXs with their last stored status at once, offer recovery, then fill and refresh them.

        The catalogs and the list of backups come with :meth:`refresh_all`. PBXs already shown
        by :meth:`show_stored` stay as they are and get the sentences behind their statuses.
        """
        if self._records_loaded:
            self._load_details()
        else:
            self._load_records()
        self.announce(Changes.of_pbxs(self.fleet.names(), pbx_list=True, settings=True, journal=True))
        self.check_recovery(on_recovery)
        self.refresh_all(with_cached=True)

    def reload_records(self) -> None:
        """Re-read the PBX list (after adding, editing or removing one)."""
        self._load_records()
        self.announce(Changes(pbx_list=True))

    def show_stored(self, inventory: Inventory) -> None:
        """Show the PBXs as the inventory last saw them - names, customers, statuses, STARFACE
        versions - before the data folder is open: three queries, nothing planned or asked."""
        self._load_records(inventory, details=False)
        self.announce(Changes(pbx_list=True))

    def _load_records(self, inventory: Inventory | None = None, *, details: bool = True) -> None:
        inventory = inventory or self.services.inventory
        statuses: dict[str, tuple[FleetStatus, str]] = {}
        for name, stored in inventory.statuses().items():
            try:
                statuses[name] = (FleetStatus(stored.status), "")
            except ValueError:
                continue
        self.fleet.set_records(inventory.list(), statuses, inventory.starface_versions())
        self._records_loaded = True
        if details:
            self._load_details()

    def _load_details(self) -> None:
        """The sentences behind the stored statuses (in the interface language) and the maintenance windows."""
        from modmanager.gui.errors import describe_stored

        for name, stored in self.services.inventory.statuses().items():
            entry = self.fleet.entry(name)
            if entry is not None and entry.status.value == stored.status and not entry.message:
                self.fleet.update_entry(name, message=describe_stored(stored.detail, stored.message))
        for name, window in self.services.windows.all_effective().items():
            self.fleet.update_entry(name, window=window.window.spec())

    def refresh_all(self, *, with_cached: bool = False) -> None:
        """Reload the catalogs, then read every PBX again (see :meth:`FleetWork.refresh_all`)."""
        self.fleetwide.refresh_all(with_cached=with_cached)

    def mark_catalogs_loaded(self) -> None:
        """The catalogs were loaded: module details may be looked up in them from now on."""
        self._catalogs_loaded = True

    def refresh_many(
        self,
        names: Sequence[str],
        *,
        cached: Mapping[str, Read] | None = None,
        title: str = "",
        reload_catalogs: bool = False,
    ) -> TaskHandle | None:
        """Read many PBXs as one operation that counts "n of N" (see :meth:`FleetWork.refresh_many`)."""
        return self.fleetwide.refresh_many(names, cached=cached, title=title, reload_catalogs=reload_catalogs)

    def refresh(self, name: str, *, run: FleetRefresh | None = None) -> TaskHandle:
        """Read one PBX again and plan its modules (``run``: as one PBX of :meth:`refresh_many`)."""
        self._set_entry(name, busy=True)

        def work(ctx: TaskContext) -> _Refreshed | None:
            from modmanager.ops.refresh import fleet_status, refresh_pbx

            if run is not None and run.cancelled.is_set():
                return None
            snapshot = refresh_pbx(self.services, name)
            return _Refreshed(snapshot, fleet_status(self.services, snapshot))

        def done(result: _Refreshed | None) -> None:
            if result is None:  # the refresh of many was cancelled before this PBX
                self.show_refreshed(name, None, None)
            else:
                self.show_refreshed(name, result.snapshot, result.status)
            if run is not None:
                run.count(failed=False)

        def failed(error: ModManagerError) -> None:
            from modmanager.ops.refresh import status_for_error

            self.show_refreshed(name, error, status_for_error(error))
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

    def show_refreshed(
        self, name: str, result: PbxSnapshot | ModManagerError | None, status: FleetStatus | None
    ) -> None:
        """Show what reading ``name`` gave: its snapshot and status, or why it could not be read.

        ``status`` None: the PBX was not read (a cancelled refresh of many); it keeps what it showed.
        """
        if result is None or status is None:
            self._set_entry(name, busy=False)
        elif isinstance(result, ModManagerError):
            from modmanager.gui.errors import describe_text

            status = FleetStatus.INTERRUPTED if name in self.interrupted else status
            self._set_entry(name, status=status, message=describe_text(result), busy=False)
        else:
            catalogs_now = not self._catalogs_loaded
            self._catalogs_loaded = True
            if status is FleetStatus.INTERRUPTED:
                self.interrupted.add(name)
            else:
                self.interrupted.discard(name)
            unavailable = status is FleetStatus.CATALOG_UNAVAILABLE
            message = catalog_message(self.services.catalogs.unavailable()) if unavailable else ""
            self.fleet.update_entry(name, snapshot=result, status=status, message=message, busy=False)
            self.announce_soon(Changes.of_pbxs([name], catalogs=catalogs_now))

    # -- updates -------------------------------------------------------------------------------

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
            from modmanager.ops.update import prepare_update

            preview = prepare_update(self.services, pbx, module_id, to_version=to_version)
            free = None
            if preview.paid and preview.free_alternative is not None:
                free = prepare_update(self.services, pbx, module_id, to_version=preview.free_alternative.version)
            return UpdateChoice(preview, free, module_name)

        title = self.tr("Prepare {module} on {pbx}").format(module=module_name, pbx=pbx)
        return self.submit(pbx, title, work, on_done=on_ready)

    def run_update(
        self,
        preview: UpdatePreview,
        *,
        confirm_paid: bool,
        module_name: str = "",
        on_done: Callable[[UpdateResult], None] | None = None,
    ) -> TaskHandle:
        """Run a previewed update; the PBX is read again afterwards whatever happened.

        ``module_name`` is the name in the interface language (default: the preview's).
        """
        from modmanager.ops.update import run_update

        pbx = preview.pbx_name
        module_name = module_name or preview.module_name
        if preview.is_fresh_install:
            title = self.tr("Install {module} {version} on {pbx}")
        else:
            title = self.tr("Update {module} to {version} on {pbx}")
        title = title.format(module=module_name, version=preview.release.display_version, pbx=pbx)
        done_text = self.tr("{module} now runs {version} on {pbx}; its settings were restored.").format(
            module=module_name, version=preview.release.display_version, pbx=pbx
        )
        return self.submit(
            pbx,
            title,
            lambda ctx: run_update(self.services, preview, confirm_paid=confirm_paid, progress=update_progress(ctx)),
            changes=Changes(backups=True, journal=True),
            reread=[pbx],
            said=lambda _result: done_text,
            on_done=on_done,
        )

    def update_all(self, pbx: str, on_done: Callable[[UpdateAllOutcome], object] | None = None) -> TaskHandle:
        """Every free update of a PBX, one transaction per module, stopping at the first failure."""
        from modmanager.ops.fleet import update_all

        return self.submit(
            pbx,
            self.tr("Update all free updates on {pbx}").format(pbx=pbx),
            lambda ctx: update_all(self.services, pbx, progress=update_all_progress(ctx)),
            changes=Changes(backups=True, journal=True),
            reread=[pbx],
            on_done=on_done,
        )

    # -- backups -------------------------------------------------------------------------------

    def backup_now(self, pbx: str, module_id: str, module_name: str) -> TaskHandle:
        """Back up the settings of one module now."""
        from modmanager.ops.backup import backup_module

        return self.submit(
            pbx,
            self.tr("Back up {module} on {pbx}").format(module=module_name, pbx=pbx),
            lambda ctx: backup_module(self.services, pbx, module_id),
            changes=Changes(backups=True),
            said=lambda _info: self.tr("The settings of {module} on {pbx} were backed up.").format(
                module=module_name, pbx=pbx
            ),
        )

    def restore(
        self,
        backup: BackupInfo,
        pbx: str,
        *,
        instance_names: Sequence[str] | None = None,
        on_done: Callable[[RestoreResult], None] | None = None,
    ) -> TaskHandle:
        """Restore a backup onto ``pbx`` (any PBX with the module installed); a safety backup comes first."""

        def work(ctx: TaskContext) -> RestoreResult:
            from modmanager.ops.backup import restore_backup

            loaded = self.services.backups.load(backup.backup_id)
            return restore_backup(
                self.services, loaded, pbx, instance_names=instance_names, progress=update_progress(ctx)
            )

        return self.submit(
            pbx,
            self.tr("Restore {module} on {pbx}").format(module=backup.module_name, pbx=pbx),
            work,
            changes=Changes(backups=True),
            reread=[pbx],
            said=lambda result: self.tr("The backup of {module} was restored on {pbx}.").format(
                module=result.module_name, pbx=pbx
            ),
            on_done=on_done,
        )

    def read_backups(
        self, on_done: Callable[[list[BackupInfo]], object], on_failure: Callable[[ModManagerError], object]
    ) -> TaskHandle:
        """Read the headers of every backup (off the GUI thread); files that cannot be read are left out."""
        return self.submit(
            self.backups_key,
            self.tr("Read the list of backups"),
            lambda ctx: self.services.backups.list_backups()[0],
            on_done=on_done,
            on_failure=on_failure,
        )

    def export_backup(
        self, backup: BackupInfo, destination: Path, password: str, on_done: Callable[[None], None] | None = None
    ) -> TaskHandle:
        return self.submit(
            self.backups_key,
            self.tr("Export backup of {module}").format(module=backup.module_name),
            lambda ctx: self.services.backups.export(backup.backup_id, destination, password),
            on_done=on_done,
        )

    def import_backup(
        self, source: Path, password: str, on_done: Callable[[BackupInfo], None] | None = None
    ) -> TaskHandle:
        return self.submit(
            self.backups_key,
            self.tr("Import backup {file}").format(file=source.name),
            lambda ctx: self.services.backups.import_file(source, password),
            changes=Changes(backups=True),
            on_done=on_done,
        )

    def delete_backup(self, backup_id: str) -> None:
        """Delete a backup file (or a damaged one) at once (a single unlink); raises ModManagerError if it cannot."""
        self.services.backups.delete(backup_id)
        self.announce(Changes(backups=True))

    # -- recovery ------------------------------------------------------------------------------

    def check_recovery(self, on_found: Callable[[list[Assessment]], object]) -> None:
        """Assess every unfinished update (each on its PBX's queue); report them all at once."""
        recovery_work.check_recovery(self, on_found)

    def recover(self, assessment: Assessment, action: RecoveryAction) -> TaskHandle:
        """Roll back or finish an interrupted update; the PBX is read again afterwards."""
        return recovery_work.recover(self, assessment, action)

    # -- the inventory and the settings --------------------------------------------------------

    def remove_pbx(self, name: str) -> None:
        """Forget a PBX with its stored password and agent secret (nothing on the PBX changes)."""
        from modmanager.ops.pbxs import remove_pbx

        try:
            remove_pbx(self.services.inventory, self.services.credentials, name)
        except ModManagerError as error:
            self.failed.emit(self.tr("Remove {pbx}").format(pbx=name), error)
        self.reload_records()

    def apply_settings(self, saved: Settings) -> None:
        """Use settings the user saved: parallelism at once; other catalogs are loaded and every PBX read again."""
        old = self.services.settings
        self.services.settings = saved
        self.runner.set_max_concurrency(saved.concurrency)
        self.runner.set_max_reads(saved.read_concurrency)
        self.announce(Changes(settings=True))
        if (saved.catalog_sources, saved.prerelease_channel) != (old.catalog_sources, old.prerelease_channel):
            from modmanager.ops.catalogs import CatalogSet

            self.services.catalogs = CatalogSet(saved.catalog_sources, cache=self.services.sfm_cache)
            self.refresh_all()


def catalog_message(problems: Sequence[CatalogProblem]) -> str:
    """Why a PBX's plan is incomplete: each catalog that could not be used, and why (as the catalog said)."""
    from modmanager.gui.errors import describe

    return " ".join(
        describe(
            ModManagerError(
                code="catalog_updates_may_be_missing", params={"source": problem.source}, cause=problem.as_error().cause
            )
        )[0]
        for problem in problems
    )
