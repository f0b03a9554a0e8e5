"""The painted parts of the fleet matrix: its cells, its rotated module headers and its state chart."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

from modmanager.core.matrix import Cell, CellState
from modmanager.gui.models.matrix import (
    FleetMatrixModel,
    GroupCell,
    state_color,
    state_icon,
    state_text,
)

_Index = QModelIndex | QPersistentModelIndex
CELL_WIDTH = 64
"""The width a module column starts with."""
HEADER_MAX = 170
"""The longest a rotated module name may be, in pixels."""


class MatrixDelegate(QStyledItemDelegate):
    """Draws a cell: its state's colour, its mark (icon) and the installed version."""

    _ICON = 12
    _PAD = 3
    EXTRA = 3 + _PAD + _ICON + _PAD + 8
    """Room besides the version's text: the state's edge, its mark and the padding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[tuple[CellState, float], QPixmap | None] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        """One model call per cell and plain fills: a screen of 500 PBXs x 40 modules scrolls smoothly."""
        if index.column() == FleetMatrixModel.COLUMN_PBX:
            super().paint(painter, option, index)
            return
        value = index.data(FleetMatrixModel.CELL_ROLE)
        palette = option.palette
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        rect = option.rect.adjusted(1, 1, -1, -1)
        if isinstance(value, Cell):
            self._paint_cell(painter, rect, value, dark, option)
        elif isinstance(value, GroupCell):
            self._paint_group(painter, rect, value, dark, option)
        elif value is None and index.internalId() != 0:  # a PBX not read yet
            painter.setPen(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "?")
        painter.restore()

    def _paint_cell(self, painter: QPainter, rect: QRect, cell: Cell, dark: bool, option: QStyleOptionViewItem) -> None:
        if not cell.state.installed:
            painter.setPen(option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "·")
            return
        fill = state_color(cell.state)
        fill.setAlpha(110 if dark else 70)
        painter.fillRect(rect, fill)
        edge = state_color(cell.state)
        painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), edge)
        x = rect.left() + 3 + self._PAD
        mark = self._mark(cell.state, painter.device().devicePixelRatioF())
        if mark is not None:
            painter.drawPixmap(QRect(x, rect.center().y() - self._ICON // 2, self._ICON, self._ICON), mark)
            x += self._ICON + self._PAD
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        text_rect = QRect(x, rect.top(), rect.right() - x, rect.height())
        text = option.fontMetrics.elidedText(cell.label, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)

    def _mark(self, state: CellState, ratio: float) -> QPixmap | None:
        """The state's icon as a pixmap, rendered once per state and screen resolution."""
        key = (state, ratio)
        if key not in self._marks:
            found = state_icon(state)
            self._marks[key] = None if found is None else found.pixmap(QSize(self._ICON, self._ICON), ratio)
        return self._marks[key]

    def _paint_group(
        self, painter: QPainter, rect: QRect, summed: GroupCell, dark: bool, option: QStyleOptionViewItem
    ) -> None:
        if not summed.installed or summed.worst is None or summed.total < 2:
            return  # a customer with one PBX: its row below says it all
        fill = state_color(summed.worst)
        fill.setAlpha(60 if dark else 35)
        painter.fillRect(rect, fill)
        painter.fillRect(QRect(rect.left(), rect.bottom() - 2, rect.width(), 3), state_color(summed.worst))
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        text = f"{summed.installed}/{summed.total}"
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = super().sizeHint(option, index)
        if index.column() == FleetMatrixModel.COLUMN_PBX:
            return base
        return QSize(CELL_WIDTH, max(base.height(), self._ICON + 8))


class RotatedHeader(QHeaderView):
    """A horizontal header whose module names stand upright, so forty modules fit side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        model = self.model()
        if model is None:
            return base
        metrics = self.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
                for section in range(1, model.columnCount())
            ),
            default=0,
        )
        return QSize(base.width(), max(base.height(), min(widest, HEADER_MAX) + 16))

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if logical_index == FleetMatrixModel.COLUMN_PBX:
            super().paintSection(painter, rect, logical_index)
            return
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, logical_index)
        option.rect = rect
        option.text = ""
        option.icon = QIcon()
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)  # the frame, no text
        painter.restore()
        model = self.model()
        text = str(model.headerData(logical_index, Qt.Orientation.Horizontal) or "") if model else ""
        painter.save()
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        room = rect.height() - 8
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(
            QRect(4, 0, room, rect.width()), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown
        )
        painter.restore()


class FleetChart(QWidget):
    """A small bar of the fleet's state - one stretch per state, as wide as its share - and its legend."""

    _BAR = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: Counter[CellState] = Counter()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts: Counter[CellState]) -> None:
        self.counts = Counter({state: count for state, count in counts.items() if count})
        self.setToolTip("\n".join(self.legend()))
        self.update()

    def legend(self) -> list[str]:
        """``Free update: 80`` per state that occurs, most urgent first."""
        return [f"{state_text(state)}: {self.counts[state]}" for state in CellState if self.counts[state]]

    def sizeHint(self) -> QSize:
        return QSize(480, self._BAR + self.fontMetrics().height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        total = sum(self.counts.values())
        bar = QRect(0, 2, self.width(), self._BAR)
        if not total:
            painter.fillRect(bar, self.palette().color(QPalette.ColorRole.Mid))
            return
        x = 0.0
        for state in CellState:
            count = self.counts[state]
            if not count:
                continue
            width = self.width() * count / total
            painter.fillRect(
                QRect(round(x), bar.top(), max(1, round(x + width) - round(x)), bar.height()), state_color(state)
            )
            x += width
        metrics = self.fontMetrics()
        x_text = 0
        y = bar.bottom() + 4
        swatch = metrics.height() - 6
        for state in CellState:
            count = self.counts[state]
            if not count:
                continue
            label = f"{state_text(state)} {count}"
            needed = swatch + 4 + metrics.horizontalAdvance(label) + 14
            if x_text + needed > self.width():
                break
            painter.fillRect(QRect(x_text, y + 3, swatch, swatch), state_color(state))
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRect(x_text + swatch + 4, y, needed, metrics.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                label,
            )
            x_text += needed
