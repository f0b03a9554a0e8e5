"""What the window's actions do, one area per module: ask the user, call the controller, show the outcome.

A flow reads the selection from the views, asks what it must (a dialog, a question), hands the
work to the :class:`~modmanager.gui.controller.Controller` and shows what only it can show (a
summary, the next dialog). It never redraws a view: the controller announces what changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


def open_dialog(dialog: D, on_finished: Callable[[int], object]) -> D:
    """Open ``dialog`` window-modal (the event loop keeps running); it deletes itself when closed.

    ``on_finished`` gets the result (``QDialog.DialogCode``) when it closes.
    """
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(on_finished)
    dialog.open()
    return dialog
