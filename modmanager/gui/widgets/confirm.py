"""The one yes/no question the dialogs ask before they change something."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

Confirm = Callable[[QWidget, str, str], bool]
"""``(parent, title, question)`` -> yes; dialogs take one, so tests can answer for the user."""


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """Ask ``question``; True only for Yes. No is the default: Enter changes nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
