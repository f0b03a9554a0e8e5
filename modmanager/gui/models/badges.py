"""Badges: the short labels a module row carries (Update, Paid, NFR, Pre-release, ...).

Computed from the planner's decision (:class:`~modmanager.core.planner.ModulePlan`) and what
the PBX reported, never by the view. :class:`BadgeDelegate` draws them as icon + text, the
same way in every table.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from modmanager.core.catalog import Channel
from modmanager.core.planner import AvailableModule, ModulePlan, ModuleStatus
from modmanager.core.protocol import InstalledModule
from modmanager.core.versions import Verdict
from modmanager.gui.resources import icon

_Index = QModelIndex | QPersistentModelIndex
BADGES_ROLE = Qt.ItemDataRole.UserRole + 10
"""A tuple of :class:`Badge` for the cell; the delegate draws them."""


class Badge(enum.Enum):
    """Most urgent first: the order in which a row shows them."""

    INCOMPATIBLE = "incompatible"
    HELD = "held"
    UPDATE = "update"
    PAID = "paid"
    NFR = "nfr"
    PRERELEASE = "prerelease"
    UNTESTED = "untested"
    NEW = "new"

    @property
    def text(self) -> str:
        texts = {
            Badge.INCOMPATIBLE: QCoreApplication.translate("Badge", "Incompatible"),
            Badge.HELD: QCoreApplication.translate("Badge", "Held"),
            Badge.UPDATE: QCoreApplication.translate("Badge", "Update"),
            Badge.PAID: QCoreApplication.translate("Badge", "Paid"),
            Badge.NFR: QCoreApplication.translate("Badge", "NFR"),
            Badge.PRERELEASE: QCoreApplication.translate("Badge", "Pre-release"),
            Badge.UNTESTED: QCoreApplication.translate("Badge", "Untested"),
            Badge.NEW: QCoreApplication.translate("Badge", "New"),
        }
        return texts[self]

    @property
    def icon(self) -> QIcon | None:
        return None if self is Badge.NEW else icon(self.value)

    @property
    def rank(self) -> int:
        return list(Badge).index(self)


def installed_badges(module: InstalledModule, plan: ModulePlan) -> tuple[Badge, ...]:
    """The badges of an installed module, most urgent first."""
    badges: set[Badge] = set()
    if plan.status is ModuleStatus.INCOMPATIBLE or plan.installed_verdict is Verdict.INCOMPATIBLE:
        badges.add(Badge.INCOMPATIBLE)
    if plan.hold is not None:
        badges.add(Badge.HELD)
    if plan.target is not None:
        badges.add(Badge.UPDATE)
        if plan.target_is_paid:
            badges.add(Badge.PAID)
        if plan.target.channel is Channel.PRERELEASE:
            badges.add(Badge.PRERELEASE)
    if plan.use_nfr or module.license_state == "nfr":
        badges.add(Badge.NFR)
    if plan.status is ModuleStatus.UNTESTED_ONLY or plan.installed_verdict is Verdict.UNTESTED or plan.untested_newer:
        badges.add(Badge.UNTESTED)
    return tuple(sorted(badges, key=lambda badge: badge.rank))


def available_badges(available: AvailableModule) -> tuple[Badge, ...]:
    """The badges of a module that could be installed."""
    badges = []
    if available.is_new:
        badges.append(Badge.NEW)
    if available.use_nfr:
        badges.append(Badge.NFR)
    if available.release.channel is Channel.PRERELEASE:
        badges.append(Badge.PRERELEASE)
    return tuple(sorted(badges, key=lambda badge: badge.rank))


def badges_text(badges: Sequence[Badge]) -> str:
    """The badges as one text (for filtering, copying and screen readers)."""
    return ", ".join(badge.text for badge in badges)


class BadgeDelegate(QStyledItemDelegate):
    """Draws a cell's badges as small icon + text groups, in the row's text colour."""

    _ICON = 16
    _GAP = 4
    _SPACING = 12

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        badges = index.data(BADGES_ROLE)
        if not badges:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        cell.icon = QIcon()
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        metrics = option.fontMetrics
        x = option.rect.left() + self._GAP
        middle = option.rect.center().y()
        for badge in badges:
            badge_icon = badge.icon
            if badge_icon is not None:
                badge_icon.paint(painter, QRect(x, middle - self._ICON // 2, self._ICON, self._ICON))
                x += self._ICON + self._GAP
            width = metrics.horizontalAdvance(badge.text)
            text_rect = QRect(x, option.rect.top(), width + 2, option.rect.height())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), badge.text)
            x += width + self._SPACING
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        badges = index.data(BADGES_ROLE)
        base = super().sizeHint(option, index)
        if not badges:
            return base
        metrics = option.fontMetrics
        width = self._GAP + sum(
            (self._ICON + self._GAP if badge.icon is not None else 0)
            + metrics.horizontalAdvance(badge.text)
            + self._SPACING
            for badge in badges
        )
        return QSize(width, max(base.height(), self._ICON + 6))
