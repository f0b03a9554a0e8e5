"""The two module tables of a PBX: what is installed (with the plan for it) and what could be.

Both are read-only table models over the core dataclasses of one
:class:`~modmanager.ops.refresh.PbxSnapshot`; the PBX page puts a
:class:`QSortFilterProxyModel` (see :func:`sorted_filtered`) between model and view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QIcon

from modmanager.core.catalog import CatalogModule, Release
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.core.planner import AvailableModule, ModulePlan, ModuleStatus, earlier_releases
from modmanager.core.protocol import InstalledModule
from modmanager.core.versions import StarfaceVersion
from modmanager.gui.models.badges import BADGES_ROLE, available_badges, badges_text, installed_badges
from modmanager.gui.models.table import CleanTextProxy, RowsTableModel
from modmanager.gui.resources import icon
from modmanager.ops.refresh import PbxSnapshot

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's dataclass (:class:`InstalledRow` or :class:`AvailableModule`)."""

CatalogLookup = Callable[[str], "CatalogModule | None"]


def ui_locale() -> str:
    """The locale name for catalog texts (``de_DE``, ``en_GB``): the interface language's."""
    return QLocale().name()


def release_label(release: Release) -> str:
    """How a release is named: the vendor's display version, else ``v<version>``."""
    return release.display_version or f"v{release.version}"


def version_label(version: int, catalog: CatalogModule | None) -> str:
    """An installed version as the catalog names it, else ``v<version>``."""
    release = catalog.release(version) if catalog is not None else None
    return release_label(release) if release is not None else f"v{version}"


def format_date(iso: str | None) -> str:
    """An ISO date (``2025-08-12``) in the user's locale; the text itself if unreadable."""
    if not iso:
        return ""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return QLocale().toString(date, QLocale.FormatType.ShortFormat) if date.isValid() else iso


@dataclass(frozen=True)
class InstalledRow:
    """One installed module with the planner's decision and its catalog entry (if any)."""

    module: InstalledModule
    plan: ModulePlan
    catalog: CatalogModule | None

    @property
    def display_name(self) -> str:
        return self.catalog.display_name(ui_locale()) if self.catalog is not None else self.module.name

    @property
    def updatable(self) -> bool:
        """The planner offers an update (paid or free)."""
        return self.plan.target is not None or self.plan.free_target is not None

    def earlier_releases(self, starface: StarfaceVersion | None) -> list[Release]:
        """The releases this module could go back to on a PBX running ``starface`` (see the planner)."""
        return earlier_releases(self.catalog, self.module.version, starface) if self.catalog is not None else []


def sorted_filtered(model: QAbstractTableModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A proxy that sorts by each column's sort key and filters on every column's text."""
    proxy = CleanTextProxy(parent)  # what a PBX named is shown cleaned
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSortLocaleAware(True)
    return proxy


class InstalledModulesModel(RowsTableModel):
    """The modules installed on one PBX, with the newest compatible release and badges."""

    COLUMN_NAME, COLUMN_VENDOR, COLUMN_INSTALLED, COLUMN_NEWEST, COLUMN_STATUS, COLUMN_INSTANCES = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[InstalledRow] = []

    def set_snapshot(self, snapshot: PbxSnapshot | None, lookup: CatalogLookup) -> None:
        """Show the modules of ``snapshot`` (None: empty)."""
        self.beginResetModel()
        if snapshot is None:
            self._rows = []
        else:
            self._rows = [
                InstalledRow(module, plan, lookup(module.id))
                for module, plan in zip(snapshot.modules, snapshot.plan.modules, strict=True)
            ]
        self.endResetModel()

    def row(self, row: int) -> InstalledRow:
        return self._rows[row]

    def rows(self) -> list[InstalledRow]:
        return list(self._rows)

    def row_of(self, module_id: str) -> int | None:
        wanted = module_id.lower()
        return next((n for n, row in enumerate(self._rows) if row.module.id.lower() == wanted), None)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Module"),
            self.tr("Vendor"),
            self.tr("Installed"),
            self.tr("Newest compatible"),
            self.tr("Status"),
            self.tr("Instances"),
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == BADGES_ROLE and column == self.COLUMN_STATUS:
            return installed_badges(row.module, row.plan)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_STATUS:
            return None if installed_badges(row.module, row.plan) else _up_to_date_icon(row.plan)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.COLUMN_NAME, self.COLUMN_VENDOR):
                return self._text(row, column)
            if column == self.COLUMN_INSTANCES:
                return "\n".join(
                    self.tr("{name}: active").format(name=inst.name)
                    if inst.active
                    else self.tr("{name}: inactive").format(name=inst.name)
                    for inst in row.module.instances
                )
            return plan_summary(row.plan)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COLUMN_NEWEST and row.plan.target is None:
            return QGuiApplication.palette().placeholderText()
        return None

    def _text(self, row: InstalledRow, column: int) -> str:
        if column == self.COLUMN_NAME:
            return row.display_name
        if column == self.COLUMN_VENDOR:
            return row.catalog.vendor if row.catalog is not None else row.module.vendor
        if column == self.COLUMN_INSTALLED:
            return version_label(row.module.version, row.catalog)
        if column == self.COLUMN_NEWEST:
            return self._newest_text(row)
        if column == self.COLUMN_STATUS:
            badges = installed_badges(row.module, row.plan)
            return badges_text(badges) if badges else self.tr("Up to date")
        total = len(row.module.instances)
        active = len(row.module.active_instances)
        if total == 0:
            return self.tr("none")
        return self.tr("{total} ({active} active)").format(total=total, active=active)

    def _newest_text(self, row: InstalledRow) -> str:
        plan = row.plan
        if plan.target is not None:
            target = release_label(plan.target)
            if plan.target_is_paid and plan.free_target is not None:
                return self.tr("{target} (free: {free})").format(target=target, free=release_label(plan.free_target))
            return target
        if plan.status is ModuleStatus.NOT_IN_CATALOG:
            return self.tr("not in any catalog")
        if plan.status is ModuleStatus.UP_TO_DATE:
            return version_label(row.module.version, row.catalog)
        return self.tr("none")

    def _sort_key(self, row: InstalledRow, column: int) -> Any:
        if column == self.COLUMN_INSTALLED:
            return row.module.version
        if column == self.COLUMN_NEWEST:
            return row.plan.target.version if row.plan.target is not None else row.module.version
        if column == self.COLUMN_STATUS:
            badges = installed_badges(row.module, row.plan)
            return min((badge.rank for badge in badges), default=99)
        if column == self.COLUMN_INSTANCES:
            return len(row.module.instances)
        return self._text(row, column).casefold()


def _up_to_date_icon(plan: ModulePlan) -> QIcon | None:
    return icon("ok") if plan.status is ModuleStatus.UP_TO_DATE else None


class AvailableModulesModel(RowsTableModel):
    """Catalog modules that are not installed on the PBX but have a compatible release."""

    COLUMN_NAME, COLUMN_VENDOR, COLUMN_VERSION, COLUMN_DATE, COLUMN_STATUS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AvailableModule] = []

    def set_snapshot(self, snapshot: PbxSnapshot | None) -> None:
        self.beginResetModel()
        self._rows = list(snapshot.plan.available) if snapshot is not None else []
        self.endResetModel()

    def row(self, row: int) -> AvailableModule:
        return self._rows[row]

    def rows(self) -> list[AvailableModule]:
        return list(self._rows)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Module"), self.tr("Vendor"), self.tr("Version"), self.tr("Released"), self.tr("Notes"))[
            section
        ]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return item
        if role == BADGES_ROLE and column == self.COLUMN_STATUS:
            return available_badges(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == SORT_ROLE:
            if column == self.COLUMN_VERSION:
                return item.release.version
            if column == self.COLUMN_DATE:
                return item.release.date or ""
            if column == self.COLUMN_STATUS:
                return min((badge.rank for badge in available_badges(item)), default=99)
            return self._text(item, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.module.display_description(ui_locale()) or None
        return None

    def _text(self, item: AvailableModule, column: int) -> str:
        if column == self.COLUMN_NAME:
            return item.module.display_name(ui_locale())
        if column == self.COLUMN_VENDOR:
            return item.module.vendor
        if column == self.COLUMN_VERSION:
            return release_label(item.release)
        if column == self.COLUMN_DATE:
            return format_date(item.release.date)
        return badges_text(available_badges(item))


def hold_text(hold: Hold) -> str:
    """``held on this PBX: reason`` / ``v130 skipped for customer X: reason`` in the interface language."""
    if hold.kind is HoldKind.HOLD:
        where = {
            HoldScope.PBX: QCoreApplication.translate("ModuleDetails", "Held on this PBX"),
            HoldScope.CUSTOMER: QCoreApplication.translate("ModuleDetails", "Held for customer {customer}"),
            HoldScope.FLEET: QCoreApplication.translate("ModuleDetails", "Held for every PBX"),
        }[hold.scope]
    else:
        where = {
            HoldScope.PBX: QCoreApplication.translate("ModuleDetails", "v{version} skipped on this PBX"),
            HoldScope.CUSTOMER: QCoreApplication.translate(
                "ModuleDetails", "v{version} skipped for customer {customer}"
            ),
            HoldScope.FLEET: QCoreApplication.translate("ModuleDetails", "v{version} skipped for every PBX"),
        }[hold.scope]
    text = where.format(customer=hold.target, version=hold.version)
    return f"{text}: {hold.reason}" if hold.reason else text


def plan_summary(plan: ModulePlan) -> str:
    """One translated sentence: what the planner decided for this module on this PBX."""
    skipped = " ".join(hold_text(skip) + "." for skip in plan.skipped)
    summary = _plan_summary(plan)
    return f"{summary} {skipped}".strip() if skipped else summary


def _plan_summary(plan: ModulePlan) -> str:
    if plan.hold is not None:
        text = hold_text(plan.hold) + "."
        if plan.held_back is not None:
            text += " " + QCoreApplication.translate(
                "ModuleDetails", "Without the hold, {target} would be offered."
            ).format(target=release_label(plan.held_back))
        return text
    if plan.target is not None:
        target = release_label(plan.target)
        if plan.target_is_paid and plan.free_target is not None:
            return QCoreApplication.translate(
                "ModuleDetails",
                "{target} is available as a paid upgrade (new module license key); {free} is the newest free update.",
            ).format(target=target, free=release_label(plan.free_target))
        if plan.target_is_paid:
            return QCoreApplication.translate(
                "ModuleDetails", "{target} is available as a paid upgrade: it needs a new module license key."
            ).format(target=target)
        if plan.use_nfr:
            return QCoreApplication.translate(
                "ModuleDetails", "{target} is available as a free update (NFR build)."
            ).format(target=target)
        return QCoreApplication.translate("ModuleDetails", "{target} is available as a free update.").format(
            target=target
        )
    texts = {
        ModuleStatus.UP_TO_DATE: QCoreApplication.translate(
            "ModuleDetails", "Up to date: no newer compatible release exists."
        ),
        ModuleStatus.INCOMPATIBLE: QCoreApplication.translate(
            "ModuleDetails", "The installed release is not compatible with this STARFACE and no newer release is."
        ),
        ModuleStatus.NO_COMPATIBLE_RELEASE: QCoreApplication.translate(
            "ModuleDetails", "No newer release is compatible with this STARFACE."
        ),
        ModuleStatus.UNTESTED_ONLY: QCoreApplication.translate(
            "ModuleDetails", "No release is stated compatible with this STARFACE; newer ones are untested."
        ),
        ModuleStatus.NOT_IN_CATALOG: QCoreApplication.translate(
            "ModuleDetails", "No catalog lists this module, so modmanager cannot offer updates for it."
        ),
        ModuleStatus.UPDATE_AVAILABLE: "",
        ModuleStatus.PAID_UPDATE_ONLY: "",
        ModuleStatus.HELD: "",
    }
    text = texts[plan.status]
    if plan.blocked_by_starface is not None:
        text += " " + QCoreApplication.translate(
            "ModuleDetails", "Newer releases need STARFACE {version} or later."
        ).format(version=str(plan.blocked_by_starface))
    return text
