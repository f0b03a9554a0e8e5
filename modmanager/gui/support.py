"""When something goes wrong: the log folder, a support bundle, and errors nobody caught.

- :func:`add_help_entries` puts *Open log folder* and *Save support bundle…* into a menu (the
  main window's Help menu).
- :func:`save_support_bundle` asks where to save and writes the bundle built by
  :mod:`modmanager.ops.support` (logs, versions, settings, PBX summary - no secrets).
- :func:`install_error_hooks` catches what nothing else caught: an exception in a Qt slot or
  a thread goes to the log and to a dialog that names the log file (the bundled application
  has no console, so without this a traceback would vanish); Qt's own warnings go to the log.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from modmanager.core.errors import ModManagerError
from modmanager.core.redact import redact
from modmanager.ops import logs

if TYPE_CHECKING:  # the error hooks are installed before the window's first paint; the rest loads later
    from modmanager.ops.services import Services

qt_log = logging.getLogger("modmanager.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


translate = QCoreApplication.translate


# -- the Help menu -------------------------------------------------------------------------------


def log_folder() -> Path:
    """The folder of the log file this process writes."""
    return logs.log_path().parent


def open_log_folder() -> bool:
    """Show the log folder in the system's file manager; False when that is not possible."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


def save_support_bundle(parent: QWidget | None, services: Services, destination: Path | None = None) -> Path | None:
    """Ask where to save (unless ``destination`` is given), write the bundle, say where it is."""
    from modmanager.gui.errors import describe
    from modmanager.ops.support import default_bundle_name, write_support_bundle

    if destination is None:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            translate("Support", "Save support bundle"),
            str(Path.home() / default_bundle_name()),
            translate("Support", "Zip archives (*.zip)"),
        )
        if not chosen:
            return None
        destination = Path(chosen)
    try:
        write_support_bundle(services, destination)
    except ModManagerError as error:
        message, hint = describe(error)
        title = translate("Support", "The support bundle could not be saved")
        _box(parent, QMessageBox.Icon.Warning, title, message, hint)
        return None
    _box(
        parent,
        QMessageBox.Icon.Information,
        translate("Support", "Support bundle saved"),
        translate("Support", "The support bundle was saved to {path}.").format(path=destination),
        translate("Support", "It holds the log files, versions, settings and a summary of the PBXs - no passwords. "
           "Send it to your modmanager support."),
    )
    return destination


def add_help_entries(menu: QMenu, parent: QWidget, services: Services) -> list[QAction]:
    """Add *Open log folder* and *Save support bundle…* to ``menu``; returns the actions."""
    open_action = QAction(translate("Support", "Open log folder"), parent)
    open_action.setObjectName("openLogFolderAction")
    open_action.setToolTip(translate("Support", "Show the folder with modmanager's log files"))
    open_action.triggered.connect(lambda: _open_or_say(parent))
    bundle_action = QAction(translate("Support", "Save support bundle…"), parent)
    bundle_action.setObjectName("saveSupportBundleAction")
    bundle_action.setToolTip(
        translate("Support", "Save logs, versions, settings and a PBX summary (no passwords) as one zip file")
    )
    bundle_action.triggered.connect(lambda: save_support_bundle(parent, services))
    menu.addAction(open_action)
    menu.addAction(bundle_action)
    return [open_action, bundle_action]


def _open_or_say(parent: QWidget | None) -> None:
    if not open_log_folder():
        text = translate("Support", "The log files are in {folder}.").format(folder=log_folder())
        _box(parent, QMessageBox.Icon.Information, translate("Support", "Log folder"), text, "")


def _box(parent: QWidget | None, kind: QMessageBox.Icon, title: str, text: str, informative: str) -> QMessageBox:
    box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# -- errors nobody caught --------------------------------------------------------------------------


class ErrorReporter(QObject):
    """Shows an uncaught exception in a dialog naming the log file; callable from any thread.

    One dialog at a time: while one is open, further errors only go to the log (a loop that
    fails every few milliseconds must not bury the user in windows).
    """

    reported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__()
        self._parent = parent
        self.box: QMessageBox | None = None
        self.shown = 0
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, summary: str) -> None:
        if self.box is not None and self.box.isVisible():
            return
        self.shown += 1
        self.box = box = _box(
            self._parent,
            QMessageBox.Icon.Critical,
            translate("Support", "modmanager: unexpected error"),
            translate("Support", "An unexpected error occurred ({summary}).").format(summary=summary),
            translate("Support", "The details are in the log file {path}. If it happens again, save a support bundle "
               "(Help menu) and send it to your modmanager support.").format(path=logs.log_path()),
        )
        box.destroyed.connect(self._forget)

    def _forget(self) -> None:
        self.box = None


def _summary(kind: type[BaseException], value: BaseException) -> str:
    text = str(value).strip().splitlines()[0] if str(value).strip() else ""
    return redact(f"{kind.__name__}: {text[:200]}" if text else kind.__name__)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_error_hooks(parent: QWidget | None = None) -> Callable[[], None]:
    """Route uncaught exceptions (main thread, other threads) and Qt messages to the log, and
    uncaught exceptions also to a dialog. Returns the function that removes the hooks again."""
    reporter = ErrorReporter(parent)
    previous_hook: ExceptHook = sys.excepthook
    previous_thread_hook = threading.excepthook

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if not logs.logs_uncaught(previous_hook):
            logs.log_uncaught(kind, value, trace)
        previous_hook(kind, value, trace)
        if not issubclass(kind, KeyboardInterrupt):
            reporter.reported.emit(_summary(kind, value))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if not logs.logs_uncaught_in_thread(previous_thread_hook) and args.exc_value is not None:
            logs.log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)
        previous_thread_hook(args)
        if args.exc_type is not SystemExit and args.exc_value is not None:
            reporter.reported.emit(_summary(args.exc_type, args.exc_value))

    def qt_messages(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
        if previous_qt is not None:
            previous_qt(kind, context, message)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    previous_qt = qInstallMessageHandler(qt_messages)

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous_hook
        if threading.excepthook is thread_hook:
            threading.excepthook = previous_thread_hook
        qInstallMessageHandler(previous_qt)  # None restores Qt's own
        reporter.deleteLater()

    uninstall.reporter = reporter  # type: ignore[attr-defined]  # for tests
    return uninstall
