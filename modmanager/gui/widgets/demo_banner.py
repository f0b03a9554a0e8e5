"""The banner across the main window in demo mode, so nobody mistakes the demo for real PBXs."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from modmanager.gui.resources import icon

_STYLE = (
    "#demoBanner { background-color: #fff3bf; border-bottom: 1px solid #e8c05a; }#demoBanner QLabel { color: #5c3c00; }"
)
"""Fixed colours on purpose: the banner must look the same, and stand out, in light and dark mode."""


class DemoBanner(QFrame):
    """A coloured strip with the demo icon and one sentence saying nothing here is real."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet(_STYLE)
        symbol = QLabel()
        symbol.setPixmap(icon("demo").pixmap(20, 20))
        self.label = QLabel(
            "<b>"
            + self.tr("Demo: simulated PBXs - nothing here touches a real PBX.")
            + "</b> "
            + self.tr("Try anything; every start begins afresh.")
        )
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(symbol)
        layout.addWidget(self.label, 1)
