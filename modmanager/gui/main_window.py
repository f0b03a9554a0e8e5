"""The main window: it assembles the panes, the menus and the toolbar - and nothing else.

Layout: two pages in tabs (View menu, Ctrl+1 / Ctrl+2). The PBX page: the fleet on the left
(:class:`~modmanager.gui.views.fleet.FleetView`); on the right the selected PBX
(:class:`~modmanager.gui.views.pbx_page.PbxPage`: header, *Installed* and *Available*) with the
selected module's details below (:class:`~modmanager.gui.views.details.ModuleDetails`). The fleet
view: every PBX and module as one matrix (:class:`~modmanager.gui.views.fleet_matrix.FleetMatrixView`).
The operations at the bottom
(:class:`~modmanager.gui.views.operations.OperationsPanel` in a dock, a busy indicator in the
status bar). Each pane owns its models and redraws itself from the controller's ``changed``
notice; what an action does lives in ``gui/flows``, its text and state in
:class:`~modmanager.gui.actions.WindowActions`. The window never waits for a PBX.

Every action is a ``QAction`` in the menu, the toolbar and the context menus, with shortcuts
(F5 refresh, Ctrl+F search, Ctrl+U update). To add a menu entry, add its action and put it into
the menu's list in :meth:`MainWindow._build_menus`; a new menu gets its own ``_*_menu`` builder
there. The *Unattended* menu and its timer come from :func:`~modmanager.gui.unattended.add_unattended_menus`,
the *Help* entries from :func:`~modmanager.gui.support.add_help_entries`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QPoint, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from modmanager.core.errors import ModManagerError
from modmanager.gui.actions import WindowActions
from modmanager.gui.agent_export import save_agent_module
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.trust_dialog import needs_trust, trust_action
from modmanager.gui.flows.backups import BackupFlows
from modmanager.gui.flows.fleet import FleetFlows
from modmanager.gui.flows.import_flow import ImportFlows
from modmanager.gui.flows.setup import SetupFlows
from modmanager.gui.flows.updates import UpdateFlows
from modmanager.gui.models.fleet import FleetModel
from modmanager.gui.notices import Notices
from modmanager.gui.support import add_help_entries
from modmanager.gui.tasks import TaskRunner
from modmanager.gui.unattended import add_unattended_menus
from modmanager.gui.views.details import ModuleDetails
from modmanager.gui.views.fleet import FleetView
from modmanager.gui.views.fleet_matrix import FleetMatrixView
from modmanager.gui.views.operations import BusyIndicator, OperationsPanel
from modmanager.gui.views.pbx_page import PbxPage, Selection
from modmanager.gui.widgets.demo_banner import DemoBanner
from modmanager.ops.services import Services
from modmanager.store.settings import Settings, save_settings

DEFAULT_SIZE = (1280, 800)
OPERATIONS_HEIGHT = 118
"""Initial height of the operations dock: a tab bar, a header and three lines; the rest is for the modules."""
_FLEET_SHARE = 0.3
"""Part of the window width the PBX list starts with."""

MenuItems = Sequence[QAction | None]
"""Actions of a menu in order; None draws a separator."""


class MainWindow(QMainWindow):
    """The application window over one :class:`Services` and one :class:`TaskRunner`.

    Args:
        services: the opened adapters (real data folder or the demo's).
        runner: runs every piece of background work.
        demo: show the demo banner.
        save: writes the settings (window geometry, settings dialog); tests pass their own.

    Attributes:
        controller: runs the work and announces what changed.
        fleet_view, pbx_page, details, fleet_matrix, operations: the panes.
        pages: the tabs of the PBX page and the fleet view (see :meth:`show_view`).
        window_actions: every action (see :class:`WindowActions`).
        notices: the status bar and message boxes.
        update_flows, backup_flows, fleet_flows, setup_flows, import_flows: what the actions do.
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
        self._dock_sized = False
        self.setWindowTitle(self.tr("modmanager – STARFACE modules") + (self.tr(" (demo)") if demo else ""))

        self.fleet_model = FleetModel(self)
        self.controller = Controller(services, runner, self.fleet_model, self)
        self.notices = Notices(self)
        self.fleet_view = FleetView(self.controller)
        self.pbx_page = PbxPage(self.controller)
        self.details = ModuleDetails(self.controller)
        self.pbx_page.add_below(self.details)
        self.fleet_matrix = FleetMatrixView(self.controller)
        self.window_actions = WindowActions(self)
        # For a PBX whose certificate changed: in its header and in the PBX list's menu.
        self.trust_action = trust_action(self, self.controller, lambda: self.pbx_page.current)
        self.pbx_page.header.set_trust_action(self.trust_action)
        self.update_flows = UpdateFlows(self, self.controller, self.pbx_page, self.notices)
        self.backup_flows = BackupFlows(self, self.controller, self.pbx_page, self.notices)
        self.fleet_flows = FleetFlows(self, self.controller, self.pbx_page)
        self.setup_flows = SetupFlows(self, self.controller, self.fleet_view, self.notices, save)
        self.import_flows = ImportFlows(self, self.controller, self.notices)

        self._build_operations()  # first: the dock's widgets come first in the focus chain, as they always did
        self._build_central(demo)
        self._connect_actions()
        self._build_toolbar()
        self._build_menus()
        self._connect_views()
        self._restore_geometry()
        self.pbx_page.show_pbx(None)

    # -- assembling --------------------------------------------------------------------------

    def _build_central(self, demo: bool) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.fleet_view)
        splitter.addWidget(self.pbx_page)
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
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(splitter, self.tr("PBXs"))
        self.pages.addTab(self.fleet_matrix, self.tr("Fleet"))
        body_layout.addWidget(self.pages)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)

    def _build_operations(self) -> None:
        self.operations = OperationsPanel(self.runner)
        self.operations_dock = QDockWidget(self.tr("Operations"), self)
        self.operations_dock.setObjectName("operations")
        self.operations_dock.setWidget(self.operations)
        self.operations_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.operations_dock)
        self.operations_dock.toggleViewAction().setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.operations.failure_logged.connect(lambda _handle: self.operations_dock.show())
        self.busy = BusyIndicator(self.runner)
        self.busy.progressed.connect(self.notices.say)
        self.statusBar().addPermanentWidget(self.busy)

    def _connect_actions(self) -> None:
        actions = self.window_actions
        wiring: list[tuple[QAction, Callable[[], object]]] = [
            (actions.refresh, self.controller.refresh_all),
            (actions.search, self.fleet_view.focus_search),
            (actions.update, self.update_flows.update_selected),
            (actions.update_all, self.update_flows.update_all),
            (actions.install, self.update_flows.install_selected),
            (actions.reinstall, self.update_flows.reinstall_selected),
            (actions.rollout, self.fleet_flows.rollout_selected),
            (actions.backup, self.backup_flows.backup_selected),
            (actions.restore, self.backup_flows.restore_selected),
            (actions.backups, self.backup_flows.show_backups),
            (actions.add_pbx, self.setup_flows.add_pbx),
            (actions.edit_pbx, self.setup_flows.edit_pbx),
            (actions.edit_tags, self.setup_flows.edit_tags),
            (actions.remove_pbx, self.setup_flows.remove_pbx),
            (actions.import_pbxs, self.import_flows.import_pbxs),
            (actions.export_pbxs, self.import_flows.export_pbxs),
            (actions.refresh_pbx, self.setup_flows.refresh_selected_pbx),
            (actions.readiness, self.fleet_flows.check_readiness),
            (actions.backup_fleet, self.backup_flows.backup_fleet),
            (actions.settings, self.setup_flows.open_settings),
            (actions.save_agent, lambda: save_agent_module(self)),
            (actions.quit, self.close),
        ]
        for action, slot in wiring:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())

    def _build_toolbar(self) -> None:
        actions = self.window_actions
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setObjectName("actions")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        items: MenuItems = (
            actions.refresh,
            None,
            actions.update,
            actions.update_all,
            actions.install,
            None,
            actions.backup,
            actions.backups,
            None,
            actions.add_pbx,
            actions.import_pbxs,
            actions.settings,
        )
        for action in items:
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        """The menu bar, one builder per menu, left to right."""
        self._pbx_menu()
        self._module_menu()
        self._view_menu()
        add_unattended_menus(self)  # the Unattended menu with its timer (kept as self.unattended)
        self._help_menu()

    def add_menu(self, title: str, items: MenuItems) -> QMenu:
        """A menu at the end of the menu bar with ``items`` (None: a separator)."""
        menu = self.menuBar().addMenu(title)
        _fill(menu, items)
        return menu

    def _pbx_menu(self) -> None:
        a = self.window_actions
        self.pbx_menu = self.add_menu(
            self.tr("&PBX"),
            (
                *(a.add_pbx, a.edit_pbx, a.edit_tags, a.remove_pbx, None),
                *(a.import_pbxs, a.export_pbxs, None),
                *(a.refresh_pbx, a.refresh, None),
                *(a.readiness, a.backup_fleet, None),
                *(a.save_agent, None),
                *(a.settings, None, a.quit),
            ),
        )

    def _module_menu(self) -> None:
        a = self.window_actions
        self.module_menu = self.add_menu(
            self.tr("&Module"),
            (a.update, a.update_all, a.install, a.reinstall, a.rollout, None, a.backup, a.restore, a.backups),
        )

    def _view_menu(self) -> None:
        pages: list[QAction | None] = []
        for page, title in enumerate((self.tr("&PBX page"), self.tr("&Fleet view"))):
            show = QAction(title, self)
            show.setShortcut(QKeySequence(f"Ctrl+{page + 1}"))
            show.triggered.connect(lambda _checked=False, page=page: self.pages.setCurrentIndex(page))
            pages.append(show)
        items = (*pages, None, self.window_actions.search, self.operations_dock.toggleViewAction())
        self.view_menu = self.add_menu(self.tr("&View"), items)

    def _help_menu(self) -> None:
        self.help_menu = self.add_menu(self.tr("&Help"), ())
        self.help_actions = add_help_entries(self.help_menu, self, self.services)

    def _connect_views(self) -> None:
        self.fleet_view.current_changed.connect(self.pbx_page.show_pbx)
        self.pbx_page.selection_changed.connect(self._selection_changed)
        self.controller.changed.connect(lambda _changes: self._follow())
        self.controller.message.connect(self.notices.say)
        self.controller.failed.connect(self.notices.show_error)
        self.details.backup_requested.connect(self.backup_flows.backup_selected)
        self.details.restore_requested.connect(self.backup_flows.show_backups_for)
        self.pbx_page.installed_activated.connect(self.update_flows.update_selected)
        self.pbx_page.available_activated.connect(self.update_flows.install_selected)
        self.fleet_matrix.open_requested.connect(self.open_pbx_module)
        a = self.window_actions
        self.fleet_view.context_menu_requested.connect(
            lambda at: self._popup(
                at, (a.refresh_pbx, a.update_all, None, a.edit_pbx, a.edit_tags, a.remove_pbx, *self._trust_items())
            )
        )
        self.pbx_page.installed_menu_requested.connect(
            lambda at: self._popup(at, (a.update, a.reinstall, a.rollout, None, a.backup, a.restore))
        )
        self.pbx_page.available_menu_requested.connect(lambda at: self._popup(at, (a.install,)))

    def _selection_changed(self, selection: Selection) -> None:
        self.details.show_selection(selection)
        self.window_actions.follow(selection, has_fleet=bool(self.fleet_model.names()))

    def _follow(self) -> None:
        self.window_actions.follow(self.pbx_page.selection(), has_fleet=bool(self.fleet_model.names()))

    def _trust_items(self) -> MenuItems:
        entry = self.pbx_page.current_entry()
        return (None, self.trust_action) if needs_trust(entry.status if entry is not None else None) else ()

    def _popup(self, at: QPoint, items: MenuItems) -> None:
        menu = QMenu(self)
        _fill(menu, items)
        menu.popup(at)

    def _restore_geometry(self) -> None:
        saved = self.services.settings.window_geometry
        if not saved or not self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            self.resize(*DEFAULT_SIZE)

    # -- starting, showing, closing ----------------------------------------------------------

    def start(self) -> None:
        """Show the fleet from the inventory, offer recovery of interrupted updates, refresh all."""
        self.controller.start(self.update_flows.offer_recovery)

    def show_view(self, view: str) -> None:
        """Show the PBX page (``"pbx"``) or the fleet view (``"fleet"``)."""
        self.pages.setCurrentIndex(1 if view == "fleet" else 0)

    def open_pbx_module(self, pbx: str, module_id: str = "") -> None:
        """Show a PBX (and one of its modules) on the PBX page."""
        self.show_view("pbx")
        if self.fleet_view.select(pbx) and module_id:
            self.pbx_page.select_module(module_id)

    def scroll_to_selection(self) -> None:
        """Bring the selected PBX and module into view (after the layout settled)."""
        self.fleet_view.scroll_to_selection()
        self.pbx_page.scroll_to_selection()

    def showEvent(self, event: QShowEvent) -> None:
        """Give the operations dock a modest height once the window has its size."""
        super().showEvent(event)
        if not self._dock_sized:
            self._dock_sized = True
            self.resizeDocks([self.operations_dock], [OPERATIONS_HEIGHT], Qt.Orientation.Vertical)

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


def _fill(menu: QMenu, items: MenuItems) -> None:
    for action in items:
        menu.addSeparator() if action is None else menu.addAction(action)
