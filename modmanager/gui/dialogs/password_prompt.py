"""Ask for a password: the master password of the secrets file, or one for a backup export.

On machines without a keyring, passwords of PBXs and the backup key live in an encrypted
file under a master password (see :mod:`modmanager.store.credentials`); the application asks
for it once at start. A new password is asked twice, so a typo cannot lock the user out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from modmanager.gui.resources import icon

_ERROR_STYLE = "color: #c92a2a;"
MIN_NEW_PASSWORD_LENGTH = 8


class PasswordPrompt(QDialog):
    """A password field (two for a new password) with an explanation and an error line."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        new: bool = False,
        error: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowIcon(icon("app"))
        self._new = new
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password_edit)
        if new:
            form.addRow(self.tr("Repeat:"), self.repeat_edit)
        self.error_label = QLabel(error)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(error))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def _accept_if_valid(self) -> None:
        password = self.password_edit.text()
        if not password:
            self._fail(self.tr("Enter the password."))
        elif self._new and len(password) < MIN_NEW_PASSWORD_LENGTH:
            self._fail(self.tr("Use at least {count} characters.").format(count=MIN_NEW_PASSWORD_LENGTH))
        elif self._new and password != self.repeat_edit.text():
            self._fail(self.tr("The two passwords are not the same."))
        else:
            self.accept()

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


def ask_password(parent: QWidget | None, title: str, text: str, *, new: bool = False) -> str | None:
    """A modal prompt; the password, or None when the user cancelled."""
    dialog = PasswordPrompt(parent, title, text, new=new)
    return dialog.password if dialog.exec() == QDialog.DialogCode.Accepted else None


def master_password_prompt(*, new: bool, error: str = "") -> Callable[[], str]:
    """A ``prompt`` for :func:`modmanager.ops.services.open_services`: asks once, "" on cancel."""

    def prompt() -> str:
        if new:
            text = QCoreApplication.translate(
                "PasswordPrompt",
                "This computer has no keyring, so modmanager keeps the PBX passwords in a file encrypted "
                "with a master password. Choose the master password; you will need it at every start.",
            )
        else:
            text = QCoreApplication.translate(
                "PasswordPrompt", "Enter the master password that protects the stored PBX passwords."
            )
        dialog = PasswordPrompt(
            None,
            QCoreApplication.translate("PasswordPrompt", "modmanager – master password"),
            text,
            new=new,
            error=error,
        )
        return dialog.password if dialog.exec() == QDialog.DialogCode.Accepted else ""

    return prompt
