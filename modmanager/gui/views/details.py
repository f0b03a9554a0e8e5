"""The details pane of the selected module: what it is, what changed, where it runs, backups.

The changelog comes from the catalog, one entry per release, rendered from Markdown. The
releases an update would bring (newer than installed, up to the target) are highlighted, and
paid releases are marked, because crossing one needs a new module license key. Vendor text is
escaped before Markdown runs, so a catalog cannot inject HTML into the window.

The Backups tab lists the module's backups on the selected PBX from a list of every backup's
header that the pane reads in the task runner - at start and whenever the controller announces
that backups changed - so selecting a module never reads a file on the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import markdown
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.catalog import CatalogModule, Channel
from modmanager.core.changelog import DEFAULT_PAID_MARKERS
from modmanager.core.errors import ModManagerError
from modmanager.core.planner import AvailableModule, brings, is_paid_release
from modmanager.core.text import clean_text
from modmanager.core.versions import StarfaceVersion, Verdict
from modmanager.gui.changes import Changes
from modmanager.gui.controller import Controller
from modmanager.gui.errors import describe_text
from modmanager.gui.models.backups import BackupsModel
from modmanager.gui.models.modules import (
    ROW_ROLE,
    InstalledRow,
    format_date,
    plan_summary,
    release_label,
    sorted_filtered,
    ui_locale,
)
from modmanager.gui.resources import icon
from modmanager.gui.views.pbx_page import Selection
from modmanager.store.backups import BackupInfo

_VERDICT_ICONS = {Verdict.COMPATIBLE: "ok", Verdict.INCOMPATIBLE: "incompatible", Verdict.UNTESTED: "untested"}


def verdict_text(verdict: Verdict) -> str:
    texts = {
        Verdict.COMPATIBLE: QCoreApplication.translate("ModuleDetails", "compatible"),
        Verdict.INCOMPATIBLE: QCoreApplication.translate("ModuleDetails", "not compatible"),
        Verdict.UNTESTED: QCoreApplication.translate("ModuleDetails", "untested"),
    }
    return texts[verdict]


def _mix(first: QColor, second: QColor, share_of_first: float) -> QColor:
    def channel(a: int, b: int) -> int:
        return round(a * share_of_first + b * (1 - share_of_first))

    return QColor(
        channel(first.red(), second.red()), channel(first.green(), second.green()), channel(first.blue(), second.blue())
    )


def highlight_color() -> QColor:
    """A quiet version of the selection colour that works in light and dark palettes."""
    palette = QGuiApplication.palette()
    return _mix(palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Base), 0.22)


def render_markdown(text: str) -> str:
    """Vendor Markdown as HTML; raw HTML in the text is shown as text, never interpreted."""
    return str(markdown.markdown(html.escape(text, quote=False), output_format="html"))


def changelog_html(
    module: CatalogModule,
    *,
    installed: int | None,
    target: int | None,
    paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
    highlight: QColor | None = None,
) -> str:
    """The catalog's release notes of ``module``, newest first, as HTML for a QTextBrowser.

    Releases in ``(installed, target]`` are highlighted (what an update brings); paid
    releases carry a marker; the installed release and the target are named.
    """
    color = (highlight or highlight_color()).name()
    parts: list[str] = []
    for release in sorted(module.releases, key=lambda item: item.version, reverse=True):
        tags: list[str] = []
        date = format_date(release.date)
        if date:
            tags.append(html.escape(date))
        if release.channel is Channel.PRERELEASE:
            tags.append(
                '<img src="icon:prerelease" width="14" height="14"> '
                + QCoreApplication.translate("ModuleDetails", "Pre-release")
            )
        if is_paid_release(release, paid_markers):
            tags.append(
                '<img src="icon:paid" width="14" height="14"> <b>'
                + QCoreApplication.translate("ModuleDetails", "Paid: needs a new module license key")
                + "</b>"
            )
        if release.version == installed:
            tags.append("<b>" + QCoreApplication.translate("ModuleDetails", "installed") + "</b>")
        if release.version == target:
            tags.append(
                '<img src="icon:update" width="14" height="14"> <b>'
                + QCoreApplication.translate("ModuleDetails", "update target")
                + "</b>"
            )
        anchor = f'<a name="v{release.version}"></a>'
        heading = f"<h3>{anchor}{html.escape(release_label(release))}</h3>"
        meta = f"<p>{' &nbsp;·&nbsp; '.join(tags)}</p>" if tags else ""
        body = (
            render_markdown(release.changelog)
            if release.changelog.strip()
            else (
                "<p><i>"
                + html.escape(
                    QCoreApplication.translate("ModuleDetails", "The vendor describes no changes for this release.")
                )
                + "</i></p>"
            )
        )
        block = heading + meta + body
        if brings(release, installed, target):
            block = f'<table width="100%" cellpadding="6" bgcolor="{color}"><tr><td>{block}</td></tr></table>'
        parts.append(block)
    if not parts:
        return (
            "<p><i>"
            + html.escape(QCoreApplication.translate("ModuleDetails", "The catalog lists no releases of this module."))
            + "</i></p>"
        )
    return "\n".join(parts)


def compatibility_html(module: CatalogModule, starface: StarfaceVersion | None) -> str:
    """A table of every release with the STARFACE releases it is stated (in)compatible with."""
    header = [
        QCoreApplication.translate("ModuleDetails", "Release"),
        QCoreApplication.translate("ModuleDetails", "Compatible with STARFACE"),
        QCoreApplication.translate("ModuleDetails", "Not compatible with"),
    ]
    if starface is not None:
        header.append(
            QCoreApplication.translate("ModuleDetails", "On this PBX ({version})").format(version=str(starface))
        )
    rows = ["<tr>" + "".join(f"<th align='left'>{html.escape(text)}</th>" for text in header) + "</tr>"]
    for release in sorted(module.releases, key=lambda item: item.version, reverse=True):
        compatible = ", ".join(str(item) for item in release.compatibility.compatible) or "–"
        incompatible = ", ".join(str(item) for item in release.compatibility.incompatible) or "–"
        cells = [html.escape(release_label(release)), html.escape(compatible), html.escape(incompatible)]
        if starface is not None:
            verdict = release.compatibility.verdict(starface)
            image = f'<img src="icon:{_VERDICT_ICONS[verdict]}" width="14" height="14">'
            cells.append(f"{image} {html.escape(verdict_text(verdict))}")
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return '<table cellspacing="0" cellpadding="4">' + "".join(rows) + "</table>"


class _Browser(QTextBrowser):
    """A text browser that resolves ``icon:<name>`` images to modmanager's icons."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == "icon":
            return icon(url.path()).pixmap(16, 16).toImage()
        return super().loadResource(kind, url)


class ModuleDetails(QWidget):
    """Description, changelog, compatibility and backups of one module.

    Args:
        controller: reads the list of backups; its ``changed`` signal tells when backups changed.

    Signals:
        backup_requested(): the user wants a backup of this module now.
        restore_requested(BackupInfo): the user wants to restore the chosen backup.
    """

    backup_requested = Signal()
    restore_requested = Signal(object)

    TAB_CHANGELOG, TAB_COMPATIBILITY, TAB_BACKUPS = range(3)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._scope: tuple[str, str] | None = None
        """(PBX, module id) whose backups the Backups tab lists; None when it lists none."""
        self._backups: list[BackupInfo] | None = None
        """Every backup's header, newest first; None until read."""
        self._backups_problem = ""
        self._reading = False
        self._stale = False
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setEnabled(False)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.description = QLabel()
        self.description.setWordWrap(True)

        self.changelog = _Browser()
        self.changelog.setMinimumHeight(60)
        self.changelog.setOpenExternalLinks(True)
        self.compatibility = _Browser()
        self.backups_model = BackupsModel(self)
        self.backups_proxy = sorted_filtered(self.backups_model, self)
        self.backups_view = QTableView()
        self.backups_view.setModel(self.backups_proxy)
        self.backups_view.setSortingEnabled(True)
        self.backups_view.sortByColumn(BackupsModel.COLUMN_CREATED, Qt.SortOrder.DescendingOrder)
        self.backups_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backups_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_view.verticalHeader().hide()
        self.backups_view.setAlternatingRowColors(True)
        self.backups_view.setColumnHidden(BackupsModel.COLUMN_PBX, True)
        self.backups_view.setColumnHidden(BackupsModel.COLUMN_MODULE, True)
        self.backups_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.backups_view.horizontalHeader().setStretchLastSection(True)
        self.backups_view.doubleClicked.connect(self._restore_at)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self._restore_selected)
        self.backups_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.no_backups_label = QLabel()
        self.no_backups_label.setEnabled(False)
        self.no_backups_label.setWordWrap(True)  # never the reason the window cannot be narrower
        buttons = QHBoxLayout()
        buttons.addWidget(self.no_backups_label, 1)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        backups_page = QWidget()
        backups_layout = QVBoxLayout(backups_page)
        backups_layout.addWidget(self.backups_view, 1)
        backups_layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.changelog, self.tr("Changelog"))
        self.tabs.addTab(self.compatibility, self.tr("Compatibility"))
        self.tabs.addTab(backups_page, self.tr("Backups"))

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addSpacing(12)
        title_row.addWidget(self.subtitle, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(title_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.description)
        layout.addWidget(self.tabs, 1)
        self.clear()
        controller.changed.connect(self.apply)

    # -- what to show ----------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Backups were made, restored, imported or deleted: read the list again."""
        if changes.backups:
            self._read_backups()

    def show_selection(self, selection: Selection) -> None:
        """The selected module of the selected PBX, or what to do when there is none."""
        if selection.installed is not None and selection.pbx is not None:
            self.show_installed(selection.pbx, selection.installed, selection.starface, self._controller.paid_markers)
        elif selection.available is not None:
            self.show_available(selection.available, selection.starface, self._controller.paid_markers)
        elif selection.pbx is None:
            self.clear(self.tr("Select a PBX on the left."))
        elif selection.entry is not None and selection.entry.snapshot is None:
            self.clear(self.tr("modmanager has not been able to read this PBX yet."))
        else:
            self.clear()

    # -- filling ---------------------------------------------------------------------------

    def clear(self, text: str = "") -> None:
        """Nothing selected; ``text`` says what to do instead."""
        self.title.setText(text or self.tr("Select a module to see its changelog, compatibility and backups."))
        for label in (self.subtitle, self.summary, self.description):
            label.clear()
            label.hide()
        self.changelog.clear()
        self.compatibility.clear()
        self._scope = None
        self.backups_model.set_backups([])
        self.tabs.setEnabled(False)
        self._installed = False
        self._update_buttons()

    def show_installed(
        self,
        pbx: str,
        row: InstalledRow,
        starface: StarfaceVersion | None,
        paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
    ) -> None:
        """An installed module: the update's releases highlighted, its backups on this PBX."""
        self._installed = True
        plan = row.plan
        self._fill_header(row.display_name, row.catalog.vendor if row.catalog else row.module.vendor, row.module.id)
        self.summary.setText(plan_summary(plan))
        self.summary.setVisible(bool(self.summary.text()))
        self._fill_catalog(
            row.catalog, row.module.version, plan.target.version if plan.target else None, starface, paid_markers
        )
        self._scope = (pbx, row.module.id)
        self._show_backups()
        self.tabs.setTabEnabled(self.TAB_BACKUPS, True)
        self._update_buttons()

    def show_available(
        self,
        item: AvailableModule,
        starface: StarfaceVersion | None,
        paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
    ) -> None:
        """A module that could be installed: its releases, nothing highlighted, no backups."""
        self._installed = False
        module = item.module
        self._fill_header(module.display_name(ui_locale()), module.vendor, module.id)
        self.summary.setText(
            self.tr("{release} can be installed: a new instance is created and activated.").format(
                release=release_label(item.release)
            )
        )
        self.summary.show()
        self._fill_catalog(module, None, None, starface, paid_markers)
        self._scope = None
        self.backups_model.set_backups([])
        self.tabs.setTabEnabled(self.TAB_BACKUPS, False)
        self._update_buttons()

    def _fill_header(self, name: str, vendor: str, module_id: str) -> None:
        # Names may come from the PBX: one clean line each, never rich text.
        self.title.setText(clean_text(name))
        self.subtitle.setText(clean_text(vendor))
        self.subtitle.setToolTip(clean_text(module_id))
        self.title.setToolTip(clean_text(module_id))
        self.subtitle.show()
        self.tabs.setEnabled(True)

    def _fill_catalog(
        self,
        module: CatalogModule | None,
        installed: int | None,
        target: int | None,
        starface: StarfaceVersion | None,
        paid_markers: Sequence[str],
    ) -> None:
        if module is None:
            self.description.setText(self.tr("No catalog lists this module: there is no description or changelog."))
            self.description.show()
            self.changelog.clear()
            self.compatibility.clear()
            return
        description = module.display_description(ui_locale())
        self.description.setText(description)
        self.description.setVisible(bool(description))
        self.changelog.setHtml(changelog_html(module, installed=installed, target=target, paid_markers=paid_markers))
        if target is not None:
            self.changelog.scrollToAnchor(f"v{target}")  # what the update brings, not releases beyond it
        self.compatibility.setHtml(compatibility_html(module, starface))

    # -- backups ---------------------------------------------------------------------------

    def _read_backups(self) -> None:
        if self._reading:
            self._stale = True  # read once more when this read is done; never two reads at once
            return
        self._reading = True
        self._controller.read_backups(self._backups_read, self._backups_not_read)

    def _backups_read(self, infos: list[BackupInfo]) -> None:
        self._backups, self._backups_problem = infos, ""
        self._read_done()

    def _backups_not_read(self, error: ModManagerError) -> None:
        self._backups_problem = describe_text(error)
        self._read_done()

    def _read_done(self) -> None:
        self._reading = False
        if self._stale:
            self._stale = False
            self._read_backups()
        self._show_backups()

    def _show_backups(self) -> None:
        """The Backups tab for the module shown, from the list read last."""
        if self._scope is None:
            return
        pbx, module_id = self._scope
        if self._backups is None:
            self.backups_model.set_backups([])
            self.no_backups_label.setText(self._backups_problem or self.tr("Reading the list of backups…"))
            self._update_buttons()
            return
        backups = [info for info in self._backups if info.pbx_name == pbx and info.module_id == module_id]
        self.backups_model.set_backups(backups)
        self.backups_view.resizeColumnsToContents()
        self.no_backups_label.setText(
            self.tr("No backups of this module on this PBX yet.")
            if not backups
            else self.tr("{count} backups on this PBX").format(count=len(backups))
        )
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.backups_view.selectionModel().selectedRows()
        if not rows:
            return None
        info = rows[0].data(ROW_ROLE)
        return info if isinstance(info, BackupInfo) else None

    def _restore_selected(self) -> None:
        info = self.selected_backup()
        if info is not None:
            self.restore_requested.emit(info)

    def _restore_at(self, index: QModelIndex) -> None:
        info = index.data(ROW_ROLE)
        if isinstance(info, BackupInfo):
            self.restore_requested.emit(info)

    def _update_buttons(self) -> None:
        self.backup_button.setEnabled(self._installed)
        self.restore_button.setEnabled(self._installed and self.selected_backup() is not None)
