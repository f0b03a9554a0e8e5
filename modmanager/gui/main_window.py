"""The main window: the fleet on the left, the selected PBX and its modules on the right.

Layout: a searchable PBX list grouped by customer; for the selected PBX a header with its
facts and licenses, the tabs *Installed* and *Available* (sortable, filterable tables), and
the details of the selected module below them. Operations run in the task runner and show
in the operations dock and the status bar; the window never waits for a PBX.

Every action is a ``QAction`` in the menu, the toolbar and the context menus, with
shortcuts (F5 refresh, Ctrl+F search, Ctrl+U update). Dialogs open window-modal with
``open()``, so the event loop keeps running (and tests can answer them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QItemSelection, QModelIndex, QPoint, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSpacerItem,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.core.planner import AvailableModule
from modmanager.core.versions import StarfaceVersion, Verdict
from modmanager.gui.controller import Controller, FleetBackupOutcome, UpdateChoice
from modmanager.gui.dialogs.backups_dialog import BackupsDialog
from modmanager.gui.dialogs.pbx_dialog import PbxDialog
from modmanager.gui.dialogs.readiness_dialog import ReadinessDialog
from modmanager.gui.dialogs.recovery_dialog import RecoveryDialog
from modmanager.gui.dialogs.rollout_dialog import RolloutDialog
from modmanager.gui.dialogs.settings_dialog import SettingsDialog
from modmanager.gui.dialogs.trust_dialog import needs_trust, trust_action
from modmanager.gui.dialogs.update_dialog import UpdateDialog
from modmanager.gui.errors import describe, describe_text
from modmanager.gui.models.badges import BadgeDelegate
from modmanager.gui.models.fleet import FleetFilterProxy, FleetModel, PbxEntry
from modmanager.gui.models.modules import (
    ROW_ROLE,
    AvailableModulesModel,
    InstalledModulesModel,
    InstalledRow,
    release_label,
    sorted_filtered,
)
from modmanager.gui.resources import icon
from modmanager.gui.support import add_help_entries
from modmanager.gui.tasks import TaskHandle, TaskRunner, TaskState
from modmanager.gui.unattended import add_unattended_menus
from modmanager.gui.views.fleet_matrix import FleetMatrixView
from modmanager.gui.widgets.demo_banner import DemoBanner
from modmanager.gui.widgets.details import ModuleDetails
from modmanager.gui.widgets.operations import OperationsPanel
from modmanager.gui.widgets.pbx_header import PbxHeader
from modmanager.ops.catalogs import CatalogSet
from modmanager.ops.fleet import UpdateAllOutcome, free_updates
from modmanager.ops.recovery import Assessment
from modmanager.ops.services import Services
from modmanager.store.backups import BackupInfo
from modmanager.store.paths import data_dir
from modmanager.store.settings import Settings, save_settings

DEFAULT_SIZE = (1280, 800)
OPERATIONS_HEIGHT = 118
"""Initial height of the operations dock: a tab bar, a header and three lines; the rest is for the modules."""
_STATUS_MESSAGE_MS = 10_000
_VENDOR_COLUMN_MAX = 190
_VENDOR_COLUMN_MIN = 100
_NAME_COLUMN_MIN = 170
"""In a narrow window the vendor column gives way down to this, before the table has to scroll."""
_FLEET_MIN_WIDTH = 240
_REFIT_DELAY_MS = 60
"""After a resize, the columns are fitted again once the size stopped changing for this long."""
_FLEET_SHARE = 0.3
"""Part of the window width the PBX list starts with."""


class MainWindow(QMainWindow):
    """The application window over one :class:`Services` and one :class:`TaskRunner`.

    Args:
        services: the opened adapters (real data folder or the demo's).
        runner: runs every piece of background work.
        demo: show the demo banner.
        save: writes the settings (window geometry, settings dialog); tests pass their own.
    """

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        demo: bool = False,
        save: Callable[[Settings], None] = save_settings,
    ) -> None:
        super().__init__()
        self.services = services
        self.runner = runner
        self._save = save
        self.demo = demo
        self.current_pbx: str | None = None
        self.update_dialog: UpdateDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.backups_dialog: BackupsDialog | None = None
        self.rollout_dialog: RolloutDialog | None = None
        self.readiness_dialog: ReadinessDialog | None = None
        self.last_error: tuple[str, ModManagerError] | None = None
        self._dock_sized = False
        self.setWindowTitle(self.tr("modmanager – STARFACE modules") + (self.tr(" (demo)") if demo else ""))

        self.fleet_model = FleetModel(self)
        self.controller = Controller(services, runner, self.fleet_model, self)
        self.controller.snapshot_changed.connect(self._pbx_changed)
        self.controller.fleet_loaded.connect(self._fleet_loaded)
        self.controller.message.connect(lambda text: self.statusBar().showMessage(text, _STATUS_MESSAGE_MS))
        self.controller.failed.connect(self.show_error)

        self._build_fleet_pane()
        self._build_pbx_pane()
        self._build_actions()
        self.trust_action = trust_action(self, self.controller, lambda: self.current_pbx)
        self.header.set_trust_action(self.trust_action)
        self._build_operations_dock()
        self._build_status_bar()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.fleet_pane)
        splitter.addWidget(self.pbx_pane)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([round(DEFAULT_SIZE[0] * _FLEET_SHARE), round(DEFAULT_SIZE[0] * (1 - _FLEET_SHARE))])
        self.main_splitter = splitter
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.demo_banner: DemoBanner | None = None
        if demo:
            self.demo_banner = DemoBanner()
            central_layout.addWidget(self.demo_banner)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(6, 6, 6, 6)
        self.fleet_matrix = FleetMatrixView(self.controller)
        self.fleet_matrix.open_requested.connect(self.open_pbx_module)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(splitter, self.tr("PBXs"))
        self.pages.addTab(self.fleet_matrix, self.tr("Fleet"))
        body_layout.addWidget(self.pages)
        for page, title in enumerate((self.tr("&PBX page"), self.tr("&Fleet view"))):
            show = self._action(title, lambda page=page: self.pages.setCurrentIndex(page), shortcut=f"Ctrl+{page + 1}")
            self.view_menu.addAction(show)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(_REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self._refit_columns)
        splitter.splitterMoved.connect(lambda _position, _index: self._refit_timer.start())
        self._restore_geometry()
        self._show_pbx(None)
        add_unattended_menus(self)

    # -- building ----------------------------------------------------------------------------

    def _build_fleet_pane(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search PBXs, customers, tags (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.fleet_proxy = FleetFilterProxy(self)
        self.fleet_proxy.setSourceModel(self.fleet_model)
        self.search_edit.textChanged.connect(self._search_changed)
        self.fleet_view = QTreeView()
        self.fleet_view.setModel(self.fleet_proxy)
        self.fleet_view.setSortingEnabled(True)
        self.fleet_view.sortByColumn(FleetModel.COLUMN_NAME, Qt.SortOrder.AscendingOrder)
        self.fleet_view.setUniformRowHeights(True)
        self.fleet_view.setIndentation(14)
        self.fleet_view.setAlternatingRowColors(True)
        self.fleet_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fleet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fleet_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.fleet_view.customContextMenuRequested.connect(self._fleet_menu)
        # The PBX name is what people look for; the status gives way (its icon stays, the text elides).
        header = self.fleet_view.header()
        header.setSectionResizeMode(FleetModel.COLUMN_NAME, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.fleet_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fleet_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fleet_view.selectionModel().selectionChanged.connect(self._fleet_selection_changed)
        self.fleet_pane = QWidget()
        layout = QVBoxLayout(self.fleet_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.fleet_view, 1)
        self.fleet_pane.setMinimumWidth(_FLEET_MIN_WIDTH)

    def _module_table(
        self, model: InstalledModulesModel | AvailableModulesModel, badge_column: int
    ) -> tuple[QTableView, QSortFilterProxyModel]:
        proxy = sorted_filtered(model, self)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)  # badges are 16 px icons
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        view.setItemDelegateForColumn(badge_column, BadgeDelegate(view))
        return view, proxy

    def _build_pbx_pane(self) -> None:
        self.header = PbxHeader()
        self.installed_model = InstalledModulesModel(self)
        self.available_model = AvailableModulesModel(self)
        self.installed_view, self.installed_proxy = self._module_table(
            self.installed_model, InstalledModulesModel.COLUMN_STATUS
        )
        self.available_view, self.available_proxy = self._module_table(
            self.available_model, AvailableModulesModel.COLUMN_STATUS
        )
        # One filter for both tabs, in the tab bar's corner: a module searched for stays found
        # when switching between installed and available.
        self.module_filter = QLineEdit()
        self.module_filter.setPlaceholderText(self.tr("Filter modules"))
        self.module_filter.setClearButtonEnabled(True)
        self.module_filter.setFixedWidth(240)
        self.module_filter.textChanged.connect(self.installed_proxy.setFilterFixedString)
        self.module_filter.textChanged.connect(self.available_proxy.setFilterFixedString)
        self.installed_view.selectionModel().selectionChanged.connect(self._module_selection_changed)
        self.available_view.selectionModel().selectionChanged.connect(self._module_selection_changed)
        self.installed_view.customContextMenuRequested.connect(self._installed_menu)
        self.available_view.customContextMenuRequested.connect(self._available_menu)
        self.installed_view.doubleClicked.connect(lambda _index: self.update_selected())
        self.available_view.doubleClicked.connect(lambda _index: self.install_selected())

        self.module_tabs = QTabWidget()
        self.module_tabs.addTab(self.installed_view, "")
        self.module_tabs.addTab(self.available_view, "")
        corner = QWidget()
        corner_layout = QVBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 6, 2)
        corner_layout.addWidget(self.module_filter)
        self.module_tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.module_tabs.currentChanged.connect(lambda _tab: self._module_selection_changed())

        self.details = ModuleDetails()
        self.details.backup_requested.connect(self.backup_selected)
        self.details.restore_requested.connect(self.show_backups_for)

        self.modules_splitter = QSplitter(Qt.Orientation.Vertical)
        self.modules_splitter.addWidget(self.module_tabs)
        self.modules_splitter.addWidget(self.details)
        self.modules_splitter.setStretchFactor(0, 1)
        self.modules_splitter.setStretchFactor(1, 1)
        self.modules_splitter.setSizes([320, 240])
        self.modules_splitter.setChildrenCollapsible(False)
        self.pbx_pane = QWidget()
        layout = QVBoxLayout(self.pbx_pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.modules_splitter, 1)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
        standard: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        elif standard is not None:
            action.setIcon(self.style().standardIcon(standard))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.refresh_action = self._action(
            self.tr("&Refresh"),
            self.controller.refresh_all,
            shortcut="F5",
            standard=pixmap.SP_BrowserReload,
            tip=self.tr("Read every PBX and the module catalogs again"),
        )
        self.search_action = self._action(
            self.tr("&Search PBXs"), self.focus_search, shortcut=QKeySequence.StandardKey.Find
        )
        self.update_action = self._action(
            self.tr("&Update…"),
            self.update_selected,
            shortcut="Ctrl+U",
            icon_name="update",
            tip=self.tr("Update the selected module (shows what changes first)"),
        )
        self.update_all_action = self._action(
            self.tr("Update &all…"),
            self.update_all,
            shortcut="Ctrl+Shift+U",
            icon_name="update",
            tip=self.tr("Install every free update of this PBX"),
        )
        self.install_action = self._action(
            self.tr("&Install…"),
            self.install_selected,
            shortcut="Ctrl+I",
            standard=pixmap.SP_DialogApplyButton,
            tip=self.tr("Install the selected available module"),
        )
        self.reinstall_action = self._action(
            self.tr("Reinstall an &earlier version…"),
            self.reinstall_selected,
            standard=pixmap.SP_ArrowBack,
            tip=self.tr("Go back to an earlier release of the selected module"),
        )
        self.rollout_action = self._action(
            self.tr("R&oll out to PBXs…"),
            self.rollout_selected,
            icon_name="update",
            tip=self.tr("Update the selected module on many PBXs in stages, canaries first"),
        )
        self.backup_action = self._action(
            self.tr("&Back up now"),
            self.backup_selected,
            shortcut="Ctrl+B",
            standard=pixmap.SP_DialogSaveButton,
            tip=self.tr("Back up the settings of the selected module"),
        )
        self.restore_action = self._action(
            self.tr("&Restore from backup…"),
            self.restore_selected,
            standard=pixmap.SP_DialogResetButton,
            tip=self.tr("Restore settings of the selected module from a backup"),
        )
        self.backups_action = self._action(
            self.tr("Show &backups…"),
            self.show_backups,
            standard=pixmap.SP_DirOpenIcon,
            tip=self.tr("All backups: contents, restore, export and import"),
        )
        self.backups_action.setIconText(self.tr("Backups", "toolbar"))
        self.add_pbx_action = self._action(
            self.tr("&Add PBX…"),
            self.add_pbx,
            shortcut="Ctrl+N",
            standard=pixmap.SP_FileDialogNewFolder,
            tip=self.tr("Add a PBX: address, login and its certificate"),
        )
        self.add_pbx_action.setIconText(self.tr("Add PBX", "toolbar"))
        self.edit_pbx_action = self._action(
            self.tr("&Edit PBX…"), self.edit_pbx, standard=pixmap.SP_FileDialogDetailedView
        )
        self.remove_pbx_action = self._action(self.tr("Re&move PBX…"), self.remove_pbx, standard=pixmap.SP_TrashIcon)
        self.refresh_pbx_action = self._action(
            self.tr("Refresh this PBX"),
            self.refresh_selected_pbx,
            standard=pixmap.SP_BrowserReload,
            tip=self.tr("Read the selected PBX again"),
        )
        self.readiness_action = self._action(
            self.tr("Check STARFACE &upgrade…"),
            self.check_readiness,
            standard=pixmap.SP_MessageBoxQuestion,
            tip=self.tr("Can these PBXs move to a newer STARFACE? Lists the modules that block it"),
        )
        self.backup_fleet_action = self._action(
            self.tr("Back up all PBXs"),
            self.backup_fleet,
            standard=pixmap.SP_DialogSaveButton,
            tip=self.tr("Back up the settings of every module on every PBX"),
        )
        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.open_settings,
            shortcut="Ctrl+,",
            standard=pixmap.SP_FileDialogInfoView,
            tip=self.tr("Catalog sources, pre-releases, language and how many backups to keep"),
        )
        self.quit_action = self._action(self.tr("&Quit"), self.close, shortcut=QKeySequence.StandardKey.Quit)

        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (
            self.refresh_action,
            None,
            self.update_action,
            self.update_all_action,
            self.install_action,
            None,
            self.backup_action,
            self.backups_action,
            None,
            self.add_pbx_action,
            self.settings_action,
        ):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)
        self.addToolBar(toolbar)

        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&PBX"))
        for action in (
            self.add_pbx_action,
            self.edit_pbx_action,
            self.remove_pbx_action,
            None,
            self.refresh_pbx_action,
            self.refresh_action,
            None,
            self.readiness_action,
            self.backup_fleet_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        module_menu = menus.addMenu(self.tr("&Module"))
        for action in (
            self.update_action,
            self.update_all_action,
            self.install_action,
            self.reinstall_action,
            self.rollout_action,
            None,
            self.backup_action,
            self.restore_action,
            self.backups_action,
        ):
            module_menu.addSeparator() if action is None else module_menu.addAction(action)
        self.view_menu = menus.addMenu(self.tr("&View"))
        self.view_menu.addAction(self.search_action)
        self.help_menu = menus.addMenu(self.tr("&Help"))
        self.help_actions = add_help_entries(self.help_menu, self, self.services)

    def _build_operations_dock(self) -> None:
        self.operations = OperationsPanel(self.runner)
        self.operations_dock = QDockWidget(self.tr("Operations"), self)
        self.operations_dock.setObjectName("operations")
        self.operations_dock.setWidget(self.operations)
        self.operations_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.operations_dock)
        toggle = self.operations_dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.view_menu.addAction(toggle)
        self.operations.failure_logged.connect(lambda _handle: self.operations_dock.show())

    def _build_status_bar(self) -> None:
        self.busy_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setMaximumWidth(220)
        self.busy_bar.setTextVisible(False)
        status = self.statusBar()
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.busy_bar)
        self.runner.task_submitted.connect(self._tasks_changed)
        self.runner.task_started.connect(self._tasks_changed)
        self.runner.task_progress.connect(self._task_progressed)
        self.runner.task_finished.connect(self._tasks_changed)
        self._tasks_changed()

    def _tasks_changed(self, *_args: object) -> None:
        tasks = self.runner.tasks()
        running = [task for task in tasks if task.state is TaskState.RUNNING]
        self.busy_label.setVisible(bool(tasks))
        self.busy_bar.setVisible(bool(tasks))
        if not tasks:
            return
        self.busy_label.setText(
            self.tr("{running} running, {waiting} waiting").format(
                running=len(running), waiting=len(tasks) - len(running)
            )
        )
        if len(running) == 1 and running[0].total:
            self.busy_bar.setRange(0, running[0].total)
            self.busy_bar.setValue(min(running[0].done, running[0].total))
        else:
            self.busy_bar.setRange(0, 0)  # several at once, or of unknown size: a busy bar

    def _task_progressed(self, handle: TaskHandle, done: int, total: int, message: str) -> None:
        self._tasks_changed()
        if message:
            self.statusBar().showMessage(f"{handle.title}: {message}", _STATUS_MESSAGE_MS)

    def _restore_geometry(self) -> None:
        saved = self.services.settings.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(*DEFAULT_SIZE)

    # -- starting ----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the fleet from the inventory, offer recovery of interrupted updates, refresh all."""
        self.controller.reload_records()
        self.controller.check_recovery(self.offer_recovery)
        self.controller.refresh_all(with_cached=True)

    def _fleet_loaded(self) -> None:
        self._span_customer_rows()
        self.fleet_view.expandAll()
        self.fit_fleet_columns()
        if self.current_pbx is not None and self.fleet_model.entry(self.current_pbx) is None:
            self._show_pbx(None)
        elif self.current_pbx is not None:
            self.select_pbx(self.current_pbx)

    # -- selection ---------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        """Show the PBX page (``"pbx"``) or the fleet view (``"fleet"``)."""
        self.pages.setCurrentIndex(1 if view == "fleet" else 0)

    def open_pbx_module(self, pbx: str, module_id: str = "") -> None:
        """Show a PBX (and one of its modules) on the PBX page."""
        self.show_view("pbx")
        if self.select_pbx(pbx) and module_id:
            self.select_module(module_id)

    def select_pbx(self, name: str) -> bool:
        """Select a PBX in the list (clearing a search that hides it); False if unknown."""
        source = self.fleet_model.index_of(name)
        if not source.isValid():
            return False
        index = self.fleet_proxy.mapFromSource(source)
        if not index.isValid():
            self.search_edit.clear()
            index = self.fleet_proxy.mapFromSource(source)
        self.fleet_view.expand(index.parent())
        self.fleet_view.setCurrentIndex(index)
        self.fleet_view.scrollTo(index)
        return True

    def select_module(self, module_id: str) -> bool:
        """Select an installed module (or, if not installed, an available one) of the current PBX."""
        row = self.installed_model.row_of(module_id)
        if row is not None:
            self.module_tabs.setCurrentIndex(0)
            index = self.installed_proxy.mapFromSource(self.installed_model.index(row, 0))
            self.installed_view.setCurrentIndex(index)
            self.installed_view.scrollTo(index)
            return True
        for number, item in enumerate(self.available_model.rows()):
            if item.module.id.lower() == module_id.lower():
                self.module_tabs.setCurrentIndex(1)
                index = self.available_proxy.mapFromSource(self.available_model.index(number, 0))
                self.available_view.setCurrentIndex(index)
                return True
        return False

    def scroll_to_selection(self) -> None:
        """Bring the selected PBX and module into view (after the layout settled)."""
        for view in (self.fleet_view, self.installed_view, self.available_view):
            current = view.currentIndex()
            if current.isValid():
                view.scrollTo(current)

    def selected_installed(self) -> InstalledRow | None:
        if self.module_tabs.currentIndex() != 0:
            return None
        rows = self.installed_view.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        return row if isinstance(row, InstalledRow) else None

    def selected_available(self) -> AvailableModule | None:
        if self.module_tabs.currentIndex() != 1:
            return None
        rows = self.available_view.selectionModel().selectedRows()
        item = rows[0].data(ROW_ROLE) if rows else None
        return item if isinstance(item, AvailableModule) else None

    def current_entry(self) -> PbxEntry | None:
        return self.fleet_model.entry(self.current_pbx) if self.current_pbx else None

    def _search_changed(self, text: str) -> None:
        self.fleet_proxy.setFilterFixedString(text)
        self._span_customer_rows()
        self.fleet_view.expandAll()

    def fit_fleet_columns(self) -> None:
        """The name column as wide as the longest PBX name (within reason); the status takes the rest."""
        metrics = self.fleet_view.fontMetrics()
        names = [metrics.horizontalAdvance(name) for name in self.fleet_model.names()]
        wanted = max(names, default=0) + 2 * self.fleet_view.indentation() + 16
        available = self.fleet_view.viewport().width()
        self.fleet_view.setColumnWidth(FleetModel.COLUMN_NAME, max(80, min(wanted, round(available * 0.55))))

    def _span_customer_rows(self) -> None:
        """Customer names use the whole width; their PBXs below carry the status."""
        for row in range(self.fleet_proxy.rowCount()):
            self.fleet_view.setFirstColumnSpanned(row, QModelIndex(), True)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _fleet_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = self.fleet_view.selectionModel().selectedRows()
        entry = indexes[0].data(FleetModel.ENTRY_ROLE) if indexes else None
        self._show_pbx(entry.name if isinstance(entry, PbxEntry) else None)

    def _pbx_changed(self, name: str) -> None:
        if name == self.current_pbx:
            self._show_pbx(name)
        else:
            self._update_actions()

    def _show_pbx(self, name: str | None) -> None:
        """Fill header, tables and details for a PBX, keeping the selected module if it is still there."""
        previous_module = self._selected_module_id() if name == self.current_pbx else None
        self.current_pbx = name
        entry = self.current_entry()
        snapshot = entry.snapshot if entry is not None else None
        if entry is None:
            self.header.clear()
        else:
            self.header.show_entry(entry)
        self.installed_model.set_snapshot(snapshot, self.controller.catalog_module)
        self.available_model.set_snapshot(snapshot)
        for view in (self.installed_view, self.available_view):
            self._fit_module_columns(view)
        self.module_tabs.setTabText(0, self.tr("Installed ({count})").format(count=self.installed_model.rowCount()))
        self.module_tabs.setTabText(1, self.tr("Available ({count})").format(count=self.available_model.rowCount()))
        if previous_module is None or not self.select_module(previous_module):
            self._module_selection_changed()
        self._refit_timer.start()  # a wider header may have narrowed the PBX list

    def _fit_module_columns(self, view: QTableView) -> None:
        """Columns fit their contents; long vendor names ("... GmbH & Co. KG") give way first.

        The module name stretches over what is left; in a narrow window the vendor column shrinks
        (the tooltip has the whole name), and at last hides, before the module name is cut.
        """
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        view.setColumnHidden(1, False)
        view.resizeColumnsToContents()
        vendor = min(view.columnWidth(1), _VENDOR_COLUMN_MAX)
        name = min(view.columnWidth(0), _NAME_COLUMN_MIN)
        others = sum(view.columnWidth(column) for column in range(2, header.count()))
        room = view.viewport().width() - others - name
        if room >= _VENDOR_COLUMN_MIN:
            view.setColumnWidth(1, min(vendor, room))
        else:
            view.setColumnHidden(1, True)  # the details pane names the vendor of the selected module
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _selected_module_id(self) -> str | None:
        installed = self.selected_installed()
        if installed is not None:
            return installed.module.id
        available = self.selected_available()
        return available.module.id if available is not None else None

    def _starface(self) -> StarfaceVersion | None:
        entry = self.current_entry()
        return entry.snapshot.plan.facts.starface if entry is not None and entry.snapshot is not None else None

    def _module_selection_changed(self, *_args: object) -> None:
        installed = self.selected_installed()
        available = self.selected_available()
        if installed is not None and self.current_pbx is not None:
            backups, _damaged = self.services.backups.list_backups(
                pbx_name=self.current_pbx, module_id=installed.module.id
            )
            self.details.show_installed(installed, self._starface(), backups, self.controller.paid_markers)
        elif available is not None:
            self.details.show_available(available, self._starface(), self.controller.paid_markers)
        elif self.current_pbx is None:
            self.details.clear(self.tr("Select a PBX on the left."))
        else:
            entry = self.current_entry()
            if entry is not None and entry.snapshot is None:
                self.details.clear(self.tr("modmanager has not been able to read this PBX yet."))
            else:
                self.details.clear()
        self._update_actions()

    def _update_actions(self) -> None:
        entry = self.current_entry()
        installed = self.selected_installed()
        has_pbx = entry is not None
        snapshot = entry.snapshot if entry is not None else None
        self.update_action.setEnabled(
            installed is not None and (installed.plan.target is not None or installed.plan.free_target is not None)
        )
        self.update_all_action.setEnabled(snapshot is not None and bool(free_updates(snapshot)))
        self.install_action.setEnabled(self.selected_available() is not None)
        self.reinstall_action.setEnabled(installed is not None and bool(self._earlier_releases(installed)))
        self.backup_action.setEnabled(installed is not None)
        self.restore_action.setEnabled(installed is not None)
        self.rollout_action.setEnabled(installed is not None and installed.catalog is not None)
        has_fleet = bool(self.fleet_model.names())
        self.readiness_action.setEnabled(has_fleet)
        self.backup_fleet_action.setEnabled(has_fleet)
        self.edit_pbx_action.setEnabled(has_pbx)
        self.remove_pbx_action.setEnabled(has_pbx)
        self.refresh_pbx_action.setEnabled(has_pbx)

    # -- context menus -----------------------------------------------------------------------

    def _popup(self, view: QAbstractItemView, position: QPoint, actions: list[QAction | None]) -> None:
        menu = QMenu(self)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        menu.popup(view.viewport().mapToGlobal(position))

    def _fleet_menu(self, position: QPoint) -> None:
        self._popup(
            self.fleet_view,
            position,
            [self.refresh_pbx_action, self.update_all_action, None, self.edit_pbx_action, self.remove_pbx_action]
            + ([None, self.trust_action] if needs_trust(getattr(self.current_entry(), "status", None)) else []),
        )

    def _installed_menu(self, position: QPoint) -> None:
        self._popup(
            self.installed_view,
            position,
            [
                self.update_action,
                self.reinstall_action,
                self.rollout_action,
                None,
                self.backup_action,
                self.restore_action,
            ],
        )

    def _available_menu(self, position: QPoint) -> None:
        self._popup(self.available_view, position, [self.install_action])

    # -- errors ------------------------------------------------------------------------------

    def show_error(self, title: str, error: ModManagerError) -> None:
        """A failed action as a plain sentence and the next step; never a traceback."""
        self.last_error = (title, error)
        message, hint = describe(error)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        if hint:
            box.setInformativeText(hint)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.statusBar().showMessage(f"{title}: {message}", _STATUS_MESSAGE_MS)

    def _inform(self, title: str, text: str, details: str = "") -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setInformativeText(details)
            _widen(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- update, install, reinstall ----------------------------------------------------------

    def update_selected(self) -> TaskHandle | None:
        """Prepare the update of the selected module; the preview dialog opens when it is ready."""
        row = self.selected_installed()
        if row is None or self.current_pbx is None or not self.update_action.isEnabled():
            return None
        self.statusBar().showMessage(self.tr("Preparing the update of {module}…").format(module=row.display_name))
        return self.controller.prepare_update(
            self.current_pbx, row.module.id, row.display_name, self.show_update_dialog
        )

    def install_selected(self) -> TaskHandle | None:
        item = self.selected_available()
        if item is None or self.current_pbx is None:
            return None
        name = item.module.display_name(self.locale().name())
        self.statusBar().showMessage(self.tr("Preparing the installation of {module}…").format(module=name))
        return self.controller.prepare_update(self.current_pbx, item.module.id, name, self.show_update_dialog)

    def _earlier_releases(self, row: InstalledRow) -> list[int]:
        if row.catalog is None:
            return []
        starface = self._starface()
        return sorted(
            (
                release.version
                for release in row.catalog.releases
                if release.version < row.module.version
                and (starface is None or release.compatibility.verdict(starface) is not Verdict.INCOMPATIBLE)
            ),
            reverse=True,
        )

    def reinstall_selected(self) -> None:
        """Ask which earlier release to go back to, then prepare it like an update."""
        row = self.selected_installed()
        pbx = self.current_pbx
        if row is None or pbx is None or row.catalog is None:
            return
        catalog = row.catalog
        labels = {}
        for version in self._earlier_releases(row):
            release = catalog.release(version)
            if release is not None:
                labels[release_label(release)] = version
        if not labels:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Reinstall an earlier version"))
        dialog.setLabelText(
            self.tr("Which release of {module} should {pbx} run?").format(module=row.display_name, pbx=pbx)
        )
        dialog.setComboBoxItems(list(labels))
        dialog.setComboBoxEditable(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(label: str) -> None:
            self.controller.prepare_update(
                pbx, row.module.id, row.display_name, self.show_update_dialog, to_version=labels[label]
            )

        dialog.textValueSelected.connect(chosen)
        dialog.open()

    def show_update_dialog(self, choice: UpdateChoice) -> UpdateDialog:
        """Show the preview; an accepted dialog starts the update in the task runner."""
        self.statusBar().clearMessage()
        dialog = UpdateDialog(self, choice)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.update_dialog = dialog

        def finished(result: int) -> None:
            self.update_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.controller.run_update(
                    dialog.chosen, confirm_paid=dialog.confirm_paid, module_name=choice.module_name
                )

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def update_all(self) -> None:
        """Confirm and run every free update of the selected PBX; paid ones are left out."""
        entry = self.current_entry()
        if entry is None or entry.snapshot is None:
            return
        planned = free_updates(entry.snapshot)
        if not planned:
            self.statusBar().showMessage(
                self.tr("{pbx} has no free updates.").format(pbx=entry.name), _STATUS_MESSAGE_MS
            )
            return
        lines = "\n".join(
            "• "
            + self.tr("{module}: v{old} → v{new}").format(
                module=self._module_name(item.module_id, item.module_name), old=item.from_version, new=item.to_version
            )
            for item in planned
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Update all"),
            self.tr("Install these free updates on {pbx}, one after the other?").format(pbx=entry.name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            lines
            + "\n\n"
            + self.tr("Paid updates are not included. Each module is backed up first; a failure stops the run.")
        )
        _widen(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        name = entry.name
        box.accepted.connect(
            lambda: self.controller.update_all(name, on_done=lambda outcome: self._updated_all(name, outcome))
        )
        box.open()

    def _updated_all(self, pbx: str, outcome: UpdateAllOutcome) -> None:
        parts = []
        if outcome.succeeded:
            parts.append(
                self.tr("Updated: {modules}.").format(
                    modules=", ".join(
                        f"{self._module_name(result.module_id, result.module_name)} (v{result.to_version})"
                        for result in outcome.succeeded
                    )
                )
            )
        for planned, error in outcome.failed:
            parts.append(
                self.tr("Failed: {module} – {problem}").format(
                    module=self._module_name(planned.module_id, planned.module_name), problem=describe_text(error)
                )
            )
        if outcome.skipped:
            parts.append(
                self.tr("Not attempted after the failure: {modules}.").format(
                    modules=", ".join(self._module_name(item.module_id, item.module_name) for item in outcome.skipped)
                )
            )
        title = self.tr("Update all on {pbx}").format(pbx=pbx)
        if outcome.failed:
            summary = self.tr("{done} of {total} updates were installed.").format(
                done=len(outcome.succeeded), total=len(outcome.succeeded) + len(outcome.failed) + len(outcome.skipped)
            )
        else:
            summary = self.tr("All {count} free updates were installed.").format(count=len(outcome.succeeded))
        self._inform(title, summary, "\n\n".join(parts))

    def _module_name(self, module_id: str, fallback: str) -> str:
        """A module of the selected PBX as the tables name it (in the interface language)."""
        row = self.installed_model.row_of(module_id)
        return self.installed_model.row(row).display_name if row is not None else fallback

    # -- backups -----------------------------------------------------------------------------

    def backup_selected(self) -> TaskHandle | None:
        row = self.selected_installed()
        pbx = self.current_pbx
        if row is None or pbx is None:
            return None
        return self.controller.backup_now(
            pbx, row.module.id, row.display_name, on_done=lambda _info: self._module_selection_changed()
        )

    def restore_selected(self) -> None:
        row = self.selected_installed()
        if row is not None and self.current_pbx is not None:
            self._open_backups(self.current_pbx, row.module.id, row.display_name)

    def show_backups_for(self, info: BackupInfo) -> None:
        """From the details pane: the backups of this module, with ``info`` selected."""
        dialog = self._open_backups(info.pbx_name, info.module_id, info.module_name)
        dialog.select(info.backup_id)

    def show_backups(self) -> None:
        self._open_backups(None, None, "")

    def _open_backups(self, pbx: str | None, module_id: str | None, module_name: str) -> BackupsDialog:
        dialog = BackupsDialog(self, self.controller, pbx=pbx, module_id=module_id, module_name=module_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.backups_dialog = dialog

        def closed(_result: int) -> None:
            self.backups_dialog = None
            self._module_selection_changed()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def backup_fleet(self) -> None:
        """Back up every module of every PBX, one task per PBX; a summary when all are done."""
        names = self.fleet_model.names()
        if not names:
            return
        self.statusBar().showMessage(self.tr("Backing up every module on every PBX…"), _STATUS_MESSAGE_MS)
        self.controller.backup_fleet(names, on_done=self._fleet_backed_up)

    def _fleet_backed_up(self, outcome: FleetBackupOutcome) -> QMessageBox:
        modules = sum(len(infos) for infos in outcome.backed_up.values())
        total = len(outcome.backed_up) + len(outcome.failed)
        if outcome.failed:
            summary = self.tr("PBXs backed up: {done} of {total}. These could not be backed up:").format(
                done=len(outcome.backed_up), total=total
            )
        else:
            summary = self.tr("Every PBX was backed up: {total} PBXs, {modules} modules.").format(
                total=total, modules=modules
            )
        details = "\n".join(
            "• " + self.tr("{pbx}: {problem}").format(pbx=name, problem=describe_text(error))
            for name, error in sorted(outcome.failed.items(), key=lambda item: item[0].casefold())
        )
        self._module_selection_changed()  # the details' Backups tab lists the new backup
        return self._inform(self.tr("Back up all PBXs"), summary, details)

    # -- the fleet: rollout and STARFACE upgrades --------------------------------------------

    def rollout_selected(self) -> RolloutDialog | None:
        """Roll the selected module out to many PBXs: plan, look at the stages, start."""
        row = self.selected_installed()
        if row is None:
            return None
        dialog = RolloutDialog(self, self.controller, row.module.id, row.display_name, row.catalog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rollout_dialog = dialog

        def closed(_result: int) -> None:
            self.rollout_dialog = None

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def check_readiness(self) -> ReadinessDialog:
        """Can the selected PBX (or all, or one customer's) move to a newer STARFACE?"""
        dialog = ReadinessDialog(self, self.controller, pbx=self.current_pbx)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.readiness_dialog = dialog

        def closed(_result: int) -> None:
            self.readiness_dialog = None

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    # -- recovery ----------------------------------------------------------------------------

    def offer_recovery(self, assessments: list[Assessment]) -> RecoveryDialog:
        """Interrupted updates were found: let the user resume, roll back or decide later."""
        dialog = RecoveryDialog(self, assessments)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recovery_dialog = dialog

        def finished(result: int) -> None:
            self.recovery_dialog = None
            if result == QDialog.DialogCode.Accepted:
                for assessment, action in dialog.choices():
                    self.controller.recover(assessment, action)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # -- PBXs and settings -------------------------------------------------------------------

    def refresh_selected_pbx(self) -> None:
        if self.current_pbx is not None:
            self.controller.refresh(self.current_pbx)

    def add_pbx(self) -> PbxDialog:
        return self._open_pbx_dialog(None)

    def edit_pbx(self) -> PbxDialog | None:
        entry = self.current_entry()
        return self._open_pbx_dialog(entry) if entry is not None else None

    def _open_pbx_dialog(self, entry: PbxEntry | None) -> PbxDialog:
        dialog = PbxDialog(
            self,
            self.runner,
            inventory=self.services.inventory,
            credentials=self.services.credentials,
            record=entry.record if entry else None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            record = dialog.saved_record
            if result != QDialog.DialogCode.Accepted or record is None:
                return
            self.controller.reload_records()
            self.select_pbx(record.name)
            self.controller.refresh(record.name)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def remove_pbx(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        name = entry.name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove PBX"),
            self.tr("Remove {pbx} from modmanager? Nothing on the PBX changes; its backups are kept.").format(pbx=name),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.controller.remove_pbx(name))
        box.open()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self, self.services.settings, data_folder=data_dir(), save=self._save)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._settings_saved(dialog) if result else None)
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        saved = dialog.saved_settings
        if saved is None:
            return
        old = self.services.settings
        self.services.settings = saved
        self.runner.set_max_concurrency(saved.concurrency)
        self.runner.set_max_reads(saved.read_concurrency)
        if dialog.language_changed:
            self.statusBar().showMessage(self.tr("The new language applies at the next start."), _STATUS_MESSAGE_MS)
        if (saved.catalog_sources, saved.prerelease_channel) != (old.catalog_sources, old.prerelease_channel):
            self.services.catalogs = CatalogSet(saved.catalog_sources, cache=self.services.sfm_cache)
            self.controller.refresh_all()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Columns follow the window: names stay readable, vendor and status texts give way."""
        super().resizeEvent(event)
        self._refit_timer.start()

    def _refit_columns(self) -> None:
        self.fit_fleet_columns()
        for view in (self.installed_view, self.available_view):
            self._fit_module_columns(view)

    def showEvent(self, event: QShowEvent) -> None:
        """Give the operations dock a modest height once the window has its size."""
        super().showEvent(event)
        if not self._dock_sized:
            self._dock_sized = True
            self.resizeDocks([self.operations_dock], [OPERATIONS_HEIGHT], Qt.Orientation.Vertical)

    # -- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window geometry for the next start."""
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        if geometry != self.services.settings.window_geometry:
            updated = dataclasses.replace(self.services.settings, window_geometry=geometry)
            try:
                self._save(updated)
                self.services.settings = updated
            except ModManagerError:
                pass  # the geometry is a convenience; never keep the window from closing
        super().closeEvent(event)


_MESSAGE_MIN_WIDTH = 460


def _widen(box: QMessageBox) -> None:
    """Room for a sentence per line: QMessageBox alone wraps lists into a narrow column."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(_MESSAGE_MIN_WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
