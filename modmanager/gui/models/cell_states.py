"""How the fleet matrix shows a cell state: its name, icon and colour (in cells, chart, legend and export)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon

from modmanager.core.matrix import CellState
from modmanager.gui.resources import icon

_STATE_ICONS = {
    CellState.INCOMPATIBLE: "incompatible",
    CellState.PAID_UPDATE: "paid",
    CellState.FREE_UPDATE: "update",
    CellState.UNTESTED: "untested",
    CellState.UP_TO_DATE: "ok",
}
_STATE_COLORS = {
    CellState.INCOMPATIBLE: "#e5484d",
    CellState.PAID_UPDATE: "#f5a524",
    CellState.FREE_UPDATE: "#3e7bfa",
    CellState.UNTESTED: "#9b6bd6",
    CellState.UP_TO_DATE: "#30a46c",
    CellState.NOT_IN_CATALOG: "#8b8d98",
    CellState.NOT_INSTALLED: "#c9cbd1",
}


def state_text(state: CellState) -> str:
    """A cell state as the matrix, its legend and the export name it."""
    texts = {
        CellState.INCOMPATIBLE: QCoreApplication.translate("CellState", "Incompatible"),
        CellState.PAID_UPDATE: QCoreApplication.translate("CellState", "Paid update only"),
        CellState.FREE_UPDATE: QCoreApplication.translate("CellState", "Free update"),
        CellState.UNTESTED: QCoreApplication.translate("CellState", "Untested"),
        CellState.UP_TO_DATE: QCoreApplication.translate("CellState", "Up to date"),
        CellState.NOT_IN_CATALOG: QCoreApplication.translate("CellState", "Not in a catalog"),
        CellState.NOT_INSTALLED: QCoreApplication.translate("CellState", "Not installed"),
    }
    return texts[state]


def state_icon(state: CellState) -> QIcon | None:
    """The icon that marks a state (besides its colour), or None."""
    name = _STATE_ICONS.get(state)
    return icon(name) if name is not None else None


def state_color(state: CellState) -> QColor:
    """The colour of a state in cells, chart and legend."""
    return QColor(_STATE_COLORS[state])
