"""The desktop's start: paint the stored fleet first, open everything else behind it.

What a partner waits for at start is the window with the fleet as it was last seen. So
:func:`show_stored_fleet` fills the window's PBX list from the inventory alone - the PBXs,
their customers, stored statuses and STARFACE versions, three queries - and the window is
painted before anything that plans, talks to a PBX or reads a password is even imported
(``tests/gui/test_startup.py`` checks that). After the first paint, :class:`Startup` opens
the data folder on a worker thread: it imports the rest (ops, the network stack, the PBX page,
the flows), opens the credential store - asking for the master password on the GUI thread when
there is no keyring - and hands the services to :meth:`MainWindow.attach`; then the window
starts (recovery, catalogs, the stored snapshots planned, every PBX read).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.gui.slices import settle_heap
from modmanager.gui.tasks import TaskCancelled, TaskContext, TaskRunner
from modmanager.store.inventory import Inventory

if TYPE_CHECKING:
    from modmanager.gui.main_window import MainWindow
    from modmanager.ops.services import Services

PRELOAD = (
    "modmanager.ops.services",
    "modmanager.ops.refresh",
    "modmanager.ops.recovery",
    "modmanager.gui.errors",
    "modmanager.gui.views.operations",
    "modmanager.gui.views.pbx_page",
    "modmanager.gui.views.details",
    "modmanager.gui.flows.updates",
    "modmanager.gui.flows.backups",
    "modmanager.gui.flows.fleet",
    "modmanager.gui.flows.setup",
    "modmanager.gui.flows.import_flow",
    "modmanager.gui.dialogs.trust_dialog",
    "modmanager.gui.unattended",
    "modmanager.gui.views.fleet_matrix",
)
"""What the window needs once the data folder is open, imported on the worker thread that opens it
(defining classes only: nothing here creates a Qt object on import)."""
START_KEY = "(start)"
"""The task key of opening the data folder (no PBX's)."""
FALLBACK_MS = 1000
"""Open the data folder after this long even if the window was not painted (started minimized)."""
_POLL_S = 0.1

RunPrompt = Callable[[Callable[[], str]], str]
"""Runs a password prompt (which shows a dialog) and returns its answer."""


def show_stored_fleet(window: MainWindow) -> None:
    """Fill the window's PBX list from the inventory (nothing planned, nothing asked).

    An inventory that cannot be read leaves the list empty: opening the data folder afterwards
    reports the problem.
    """
    try:
        with Inventory() as inventory:
            window.controller.show_stored(inventory)
    except StoreError:
        return


class Startup(QObject):
    """Opens the data folder behind the painted window and attaches it.

    Args:
        runner: runs the opening (a quiet task: the operations panel does not list it).
        open_services: opens the services; called on the worker thread with a
            :data:`RunPrompt` that shows password prompts on the GUI thread.
        failed: called on the GUI thread when the data folder cannot be opened.

    Attributes:
        services: the opened services once they are (also when the window closed meanwhile,
            so :meth:`close` can close them).
    """

    _asked = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        open_services: Callable[[RunPrompt], Services],
        failed: Callable[[ModManagerError], None],
    ) -> None:
        super().__init__()
        self._runner = runner
        self._open_services = open_services
        self._failed = failed
        self._window: MainWindow | None = None
        self._started = False
        self.services: Services | None = None
        self._asked.connect(self._ask)

    def open_after_paint(self, window: MainWindow) -> None:
        """Open the data folder once ``window`` was painted, then attach and start it."""
        self._window = window
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._begin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._window:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._begin)  # after this paint (and its children's) is done
        return False

    def _begin(self) -> None:
        if self._started or self._window is None:
            return
        self._started = True
        self._runner.submit(
            START_KEY,
            QCoreApplication.translate("Startup", "Open the data folder"),
            self._open,
            on_success=self._opened,
            on_failure=self._failed,
            cancellable=True,
            quiet=True,
        )

    def _open(self, ctx: TaskContext) -> Services:
        """Worker thread: import what the window needs next, open the services."""
        for name in PRELOAD:
            importlib.import_module(name)
        self.services = self._open_services(lambda prompt: self._on_gui_thread(prompt, ctx))
        from modmanager.ops.read_worker import start_read_worker

        start_read_worker(self.services)  # warm before the first refresh of the fleet
        return self.services

    def _opened(self, services: Services) -> None:
        assert self._window is not None
        self._window.attach(services)
        settle_heap()  # the window and the stored fleet live as long as the application
        self._window.start()  # before the runner could report idle: waiting for the start sees it

    def _on_gui_thread(self, prompt: Callable[[], str], ctx: TaskContext) -> str:
        """Worker thread: run ``prompt`` on the GUI thread and wait for its answer."""
        answer = [""]
        done = threading.Event()
        self._asked.emit((prompt, answer, done))
        while not done.wait(_POLL_S):
            if ctx.cancelled():  # the window closed while the prompt was open
                raise TaskCancelled
        return answer[0]

    def _ask(self, request: tuple[Callable[[], str], list[str], threading.Event]) -> None:
        prompt, answer, done = request
        try:
            answer[0] = prompt()
        finally:
            done.set()

    def close(self) -> None:
        """Close the services (after the task runner was shut down)."""
        if self.services is not None:
            self.services.close()
            self.services = None
