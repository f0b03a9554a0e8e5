"""Trust a PBX's new certificate: fetch it, show both fingerprints, pin the confirmed one.

Offered where a PBX shows the status "certificate changed" (the PBX list's context menu and the
button in the PBX header). The network work runs on the PBX's queue of the task runner
(:func:`modmanager.ops.trust.check_certificate`, :func:`~modmanager.ops.trust.trust_certificate`);
the question is the same certificate dialog as when a PBX is added, with the pinned and the
new fingerprint side by side. After pinning, the PBX is read again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.pbx_dialog import ask_to_trust_certificate
from modmanager.gui.tasks import TaskContext
from modmanager.ops.refresh import FleetStatus
from modmanager.ops.trust import CertificateCheck, check_certificate, trust_certificate
from modmanager.pbx.tls import CertificateInfo

AskTrust = Callable[[QWidget, CertificateInfo, str, "str | None"], bool]
"""``ask(parent, certificate, url, pinned_fingerprint)``: True when the user pins it."""
Inform = Callable[[QWidget, str, str], None]
"""``inform(parent, title, text)``: tell the user something (tests record it)."""


def _inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def trust_new_certificate(
    parent: QWidget,
    controller: Controller,
    pbx_name: str,
    *,
    ask: AskTrust = ask_to_trust_certificate,
    inform: Inform = _inform,
    on_done: Callable[[bool], None] | None = None,
) -> None:
    """Look at the certificate ``pbx_name`` presents now and offer to pin it; returns at once.

    ``on_done`` gets True once a new certificate was pinned (then the PBX is refreshed), False
    when nothing changed (the user declined, the PBX presents the pinned one, or it failed).
    """
    title = QCoreApplication.translate("TrustDialog", "Trust new certificate")
    inventory = controller.services.inventory

    def finish(pinned: bool) -> None:
        if on_done is not None:
            on_done(pinned)

    def failed(error: object) -> None:
        controller.failed.emit(title, error)
        finish(False)

    def checked(check: CertificateCheck) -> None:
        if not check.changed:
            inform(
                parent,
                title,
                QCoreApplication.translate(
                    "TrustDialog", "{pbx} presents the certificate that is pinned; nothing to do."
                ).format(pbx=check.pbx_name),
            )
            finish(False)
            return
        if not ask(parent, check.presented, check.url, check.pinned):
            finish(False)
            return

        def pin(_ctx: TaskContext) -> CertificateCheck:
            return trust_certificate(inventory, check.pbx_name, check.presented.sha256)

        def pinned(_result: CertificateCheck) -> None:
            controller.refresh(check.pbx_name)
            finish(True)

        controller.runner.submit(
            check.pbx_name,
            QCoreApplication.translate("TrustDialog", "Pin the certificate of {pbx}").format(pbx=check.pbx_name),
            pin,
            on_success=pinned,
            on_failure=failed,
        )

    controller.runner.submit(
        pbx_name,
        QCoreApplication.translate("TrustDialog", "Read the certificate of {pbx}").format(pbx=pbx_name),
        lambda _ctx: check_certificate(inventory, pbx_name),
        on_success=checked,
        on_failure=failed,
    )


def trust_action(parent: QWidget, controller: Controller, current: Callable[[], str | None]) -> QAction:
    """The "Trust new certificate…" action for the PBX ``current()`` names (for menus and buttons)."""
    action = QAction(QCoreApplication.translate("TrustDialog", "Trust new certificate…"), parent)
    action.setToolTip(
        QCoreApplication.translate("TrustDialog", "Compare the PBX's new certificate with the pinned one and pin it")
    )

    def run() -> None:
        name = current()
        if name is not None:
            trust_new_certificate(parent, controller, name)

    action.triggered.connect(run)
    return action


def needs_trust(status: FleetStatus | None) -> bool:
    """Whether a PBX with this status is offered "Trust new certificate…"."""
    return status is FleetStatus.CERTIFICATE_CHANGED
