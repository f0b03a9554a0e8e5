"""What the window tells the user outside its panes: the status bar, errors, summaries, questions.

One place for it, so every flow says things the same way: a failed action is a message box with
a plain sentence and the next step (never a traceback) and a line in the status bar; summaries
and questions open window-modal with ``open()``, so the event loop keeps running (and tests can
answer them).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QGridLayout, QMainWindow, QMessageBox, QSizePolicy, QSpacerItem

from modmanager.core.errors import ModManagerError

STATUS_MESSAGE_MS = 10_000
_MESSAGE_MIN_WIDTH = 460


class Notices(QObject):
    """Status-bar sentences, error boxes, summaries and questions over one main window.

    Attributes:
        last_error: (title, error) of the last error shown, for tests and support.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_error: tuple[str, ModManagerError] | None = None

    def say(self, text: str, *, lasting: bool = False) -> None:
        """A sentence in the status bar; for a while, or (``lasting``) until the next one."""
        self._window.statusBar().showMessage(text, 0 if lasting else STATUS_MESSAGE_MS)

    def clear(self) -> None:
        self._window.statusBar().clearMessage()

    def show_error(self, title: str, error: ModManagerError) -> QMessageBox:
        """A failed action as a plain sentence and the next step; never a traceback."""
        from modmanager.gui.errors import describe  # the error catalogue loads after the first paint

        self.last_error = (title, error)
        message, hint = describe(error)
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self._window)
        if hint:
            box.setInformativeText(hint)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.say(f"{title}: {message}")
        return box

    def inform(self, title: str, text: str, details: str = "") -> QMessageBox:
        """A summary (e.g. of a run over many modules or PBXs); ``details`` one line per item."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self._window)
        if details:
            box.setInformativeText(details)
            widen(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def ask(self, title: str, question: str, on_yes: Callable[[], object], details: str = "") -> QMessageBox:
        """OK/Cancel; ``on_yes`` runs when the user agrees."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            question,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        if details:
            box.setInformativeText(details)
            widen(box)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: on_yes())
        box.open()
        return box


def widen(box: QMessageBox) -> None:
    """Room for a sentence per line: QMessageBox alone wraps lists into a narrow column."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(_MESSAGE_MIN_WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
