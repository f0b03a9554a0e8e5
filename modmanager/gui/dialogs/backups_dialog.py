"""Backups: see what each holds, restore it onto this or another PBX, export, import, delete.

Listing checks every backup once (the store decrypts it and remembers the result), so a
truncated or changed file is a red "Damaged" row with the reason - it can be deleted, never
restored or exported. Opening a backup decrypts it to show its instances and values; password
inputs (judged by the backup's own form, and undeclared values by their name) are never shown.
A restore goes through the task runner on the target PBX's queue and takes a safety backup of
the target first, so it can itself be undone. The list is read again whenever the controller
announces that backups changed (a restore, an import, a delete, a backup made elsewhere
meanwhile).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.core.sfm import ConfigSchema, SettingValue, parse_descriptor
from modmanager.core.values import FileResource, describe_value
from modmanager.gui.changes import Changes
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.password_prompt import ask_password
from modmanager.gui.errors import describe_text
from modmanager.gui.models.backups import BackupsModel, damage_text, format_timestamp, reason_text
from modmanager.gui.models.modules import ROW_ROLE, sorted_filtered
from modmanager.gui.widgets.confirm import Confirm, ask_yes_no
from modmanager.store.backups import Backup, BackupInfo, DamagedBackup

MASK = "••••••••"
_SECRET_WORDS = ("password", "passwort", "kennwort", "secret", "token")
_ERROR_STYLE = "color: #c92a2a;"
EXPORT_SUFFIX = ".mmbackup"

AskPassword = Callable[[QWidget, str, str, bool], "str | None"]
"""``ask_password(parent, title, text, new)``: a password, or None when cancelled."""
AskPath = Callable[[QWidget, str], "Path | None"]
"""``ask_path(parent, suggested_name)``: a file, or None when cancelled."""
"""``confirm(parent, title, question)``: True to go ahead."""


def _ask_password(parent: QWidget, title: str, text: str, new: bool) -> str | None:
    return ask_password(parent, title, text, new=new)


def _ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("BackupsDialog", "Export backup"),
        suggested,
        QCoreApplication.translate("BackupsDialog", "modmanager backups (*{suffix})").format(suffix=EXPORT_SUFFIX),
    )
    return Path(name) if name else None


def _ask_open_path(parent: QWidget, _suggested: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BackupsDialog", "Import backup"),
        "",
        QCoreApplication.translate("BackupsDialog", "modmanager backups (*{suffix})").format(suffix=EXPORT_SUFFIX),
    )
    return Path(name) if name else None


def is_secret(schema: ConfigSchema, variable_id: str) -> bool:
    """Never show this value: a password input of the form, or an undeclared value named like one."""
    declared = schema.get(variable_id)
    if declared is not None:
        return declared.is_secret
    return any(word in variable_id.casefold() for word in _SECRET_WORDS)


def _shown(value: SettingValue) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("BackupsDialog", "yes")
            if value
            else QCoreApplication.translate("BackupsDialog", "no")
        )
    if isinstance(value, FileResource):
        return f"{describe_value(value.file_name)} ({QLocale().formattedDataSize(len(value.data))})"
    return describe_value(value, limit=500)


def contents_html(backup: Backup) -> str:
    """What a backup holds: every instance with its values in form order, secrets masked."""
    info = backup.info
    try:
        schema = parse_descriptor(backup.descriptor_xml).schema
    except ModManagerError:
        schema = ConfigSchema()
    parts = [
        f"<h3>{html.escape(info.module_name)} v{info.module_version}</h3>",
        "<p>"
        + html.escape(
            QCoreApplication.translate("BackupsDialog", "From {pbx}, {when} ({reason}).").format(
                pbx=info.pbx_name, when=format_timestamp(info.created_at), reason=reason_text(info.reason)
            )
        )
        + "</p>",
    ]
    for instance in backup.config.instances:
        state = (
            QCoreApplication.translate("BackupsDialog", "active")
            if instance.active
            else QCoreApplication.translate("BackupsDialog", "inactive")
        )
        parts.append(f"<h4>{html.escape(instance.name)} <small>({html.escape(state)})</small></h4>")
        declared = [variable for variable in schema.variable_ids if variable in instance.values]
        order = declared + sorted(set(instance.values) - set(declared))
        if not order:
            parts.append(
                "<p><i>" + html.escape(QCoreApplication.translate("BackupsDialog", "No stored values.")) + "</i></p>"
            )
            continue
        rows = []
        for variable in order:
            item = schema.get(variable)
            label = item.label if item is not None and item.label else variable
            value = MASK if is_secret(schema, variable) else _shown(instance.values[variable])
            rows.append(f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>")
        parts.append('<table cellpadding="3">' + "".join(rows) + "</table>")
    if backup.config.internal_data:
        parts.append(
            "<p>"
            + html.escape(
                QCoreApplication.translate("BackupsDialog", "Plus the module's internal data ({size}).").format(
                    size=QLocale().formattedDataSize(len(backup.config.internal_data))
                )
            )
            + "</p>"
        )
    return "\n".join(parts)


class BackupsDialog(QDialog):
    """All backups, or those of one module on one PBX; restore, export, import, delete.

    Args:
        parent: the main window.
        controller: runs restores, exports and imports through the task runner.
        pbx, module_id, module_name: narrow the list to one module on one PBX (the user can widen it).
        ask_password, ask_save_path, ask_open_path, confirm: questions to the user (tests answer them).
    """

    def __init__(
        self,
        parent: QWidget | None,
        controller: Controller,
        *,
        pbx: str | None = None,
        module_id: str | None = None,
        module_name: str = "",
        ask_password: AskPassword = _ask_password,
        ask_save_path: AskPath = _ask_save_path,
        ask_open_path: AskPath = _ask_open_path,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self._controller = controller
        self._store = controller.services.backups
        self._pbx = pbx
        self._module_id = module_id
        self._ask_password = ask_password
        self._ask_save_path = ask_save_path
        self._ask_open_path = ask_open_path
        self._confirm = confirm
        self._loaded: Backup | None = None

        self.scope_check = QCheckBox(
            self.tr("Only {module} on {pbx}").format(module=module_name or module_id or "", pbx=pbx or "")
        )
        self.scope_check.setChecked(bool(pbx and module_id))
        self.scope_check.setVisible(bool(pbx and module_id))
        self.scope_check.toggled.connect(self.reload)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search backups (PBX, module, reason, instance)"))
        self.search_edit.setClearButtonEnabled(True)

        self.model = BackupsModel(self)
        self.proxy = sorted_filtered(self.model, self)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(BackupsModel.COLUMN_CREATED, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.contents = QTextBrowser()
        self.contents.setPlaceholderText(self.tr("Select a backup to see what it contains."))
        self.damaged_label = QLabel()
        self.damaged_label.setStyleSheet(_ERROR_STYLE)
        self.damaged_label.setWordWrap(True)
        self.damaged_label.hide()

        self.target_combo = QComboBox()
        self.target_combo.addItems(controller.fleet.names())
        if pbx:
            self.target_combo.setCurrentText(pbx)
        self.target_combo.currentIndexChanged.connect(lambda _index: self._update_restore_button())
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_selected)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_file)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()  # shown with the first message; no empty line above the Close button

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.scope_check)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.contents)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        restore_row = QHBoxLayout()
        restore_row.addWidget(QLabel(self.tr("Restore to:")))
        restore_row.addWidget(self.target_combo, 1)
        restore_row.addWidget(self.restore_button)
        restore_row.addSpacing(24)
        restore_row.addWidget(self.export_button)
        restore_row.addWidget(self.import_button)
        restore_row.addWidget(self.delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.damaged_label)
        layout.addLayout(restore_row)
        layout.addWidget(self.status_label)
        layout.addWidget(close)
        self.resize(900, 620)
        self.reload()
        controller.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.backups:
            self.reload()

    def _say(self, text: str) -> None:
        """A line under the buttons about the last action (restoring, exporting, ...)."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    # -- list and contents -------------------------------------------------------------------

    def reload(self) -> None:
        """Read the backup folder again; damaged files are listed as such."""
        scoped = self.scope_check.isChecked()
        backups, damaged = self._store.list_backups(
            pbx_name=self._pbx if scoped else None, module_id=self._module_id if scoped else None
        )
        self.model.set_backups(backups, damaged)
        self.damaged_label.setText(
            self.tr("{count} files in the backup folder are damaged: they are marked in the list.").format(
                count=len(damaged)
            )
        )
        self.damaged_label.setVisible(bool(damaged))
        if self.proxy.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        self._selection_changed()

    def select(self, backup_id: str) -> bool:
        """Select the backup (or damaged file) with this id if it is listed."""
        for row in range(self.proxy.rowCount()):
            info = self.proxy.index(row, 0).data(ROW_ROLE)
            if isinstance(info, BackupInfo | DamagedBackup) and info.backup_id == backup_id:
                self.view.selectRow(row)
                return True
        return False

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        info = rows[0].data(ROW_ROLE) if rows else None
        return info if isinstance(info, BackupInfo) else None

    def selected_damaged(self) -> DamagedBackup | None:
        """The damaged file selected in the list, if a damaged row is selected."""
        rows = self.view.selectionModel().selectedRows()
        item = rows[0].data(ROW_ROLE) if rows else None
        return item if isinstance(item, DamagedBackup) else None

    def _selection_changed(self, *_args: QItemSelection) -> None:
        info = self.selected()
        damaged = self.selected_damaged()
        self.export_button.setEnabled(info is not None)
        self.delete_button.setEnabled(info is not None or (damaged is not None and bool(damaged.backup_id)))
        self._loaded = None
        self._offer_targets(info)
        if info is None:
            self.contents.clear()
            if damaged is not None:
                self.contents.setPlainText(
                    self.tr("{file} cannot be restored: {why}. Delete it, or replace it with an intact copy.").format(
                        file=damaged.path.name, why=damage_text(damaged)
                    )
                )
            self._update_restore_button()
            return
        if self._pbx is None and self.target_combo.findText(info.pbx_name) >= 0 and self.target_allowed(info.pbx_name):
            self.target_combo.setCurrentText(info.pbx_name)  # restoring where it came from is the usual case
        try:
            self._loaded = self._store.load(info.backup_id)
        except ModManagerError as error:
            self.contents.setPlainText(describe_text(error))
            self._update_restore_button()
            self.export_button.setEnabled(False)
            return
        self.contents.setHtml(contents_html(self._loaded))
        self._update_restore_button()

    # -- restore targets ---------------------------------------------------------------------

    def _target_problem(self, pbx: str, module_id: str) -> str | None:
        """Why a backup of ``module_id`` cannot be restored on ``pbx`` (None: it can).

        A restore needs the module installed on the target; the PBX's last reading tells.
        """
        entry = self._controller.fleet.entry(pbx)
        if entry is None or entry.snapshot is None:
            return self.tr("modmanager has not read this PBX yet, so it does not know whether the module is installed.")
        wanted = module_id.lower()
        if not any(module.id.lower() == wanted for module in entry.snapshot.modules):
            return self.tr("The module is not installed on this PBX; install it first, then restore.")
        return None

    def _offer_targets(self, info: BackupInfo | None) -> None:
        """Only PBXs running the backup's module can be chosen; the others say why not."""
        model = self.target_combo.model()
        if not isinstance(model, QStandardItemModel):
            return
        problems: list[str | None] = []
        for row in range(self.target_combo.count()):
            item = model.item(row)
            problem = self._target_problem(item.text(), info.module_id) if info is not None else None
            problems.append(problem)
            item.setEnabled(problem is None)
            item.setToolTip(problem or "")
        current = self.target_combo.currentIndex()
        if current >= 0 and problems[current] is not None:
            preferred = self.target_combo.findText(info.pbx_name) if info is not None else -1
            if preferred >= 0 and problems[preferred] is None:
                self.target_combo.setCurrentIndex(preferred)
            else:
                allowed = [row for row, problem in enumerate(problems) if problem is None]
                if allowed:
                    self.target_combo.setCurrentIndex(allowed[0])

    def target_allowed(self, pbx: str) -> bool:
        """True when the selected backup can be restored on ``pbx`` (its module is installed there)."""
        info = self.selected()
        return info is not None and self._target_problem(pbx, info.module_id) is None

    def _update_restore_button(self) -> None:
        target = self.target_combo.currentText()
        self.restore_button.setEnabled(self._loaded is not None and bool(target) and self.target_allowed(target))

    # -- actions -----------------------------------------------------------------------------

    def restore_selected(self) -> None:
        info = self.selected()
        target = self.target_combo.currentText()
        if info is None or not target or not self.target_allowed(target):
            return
        question = self.tr(
            "Write the settings of this backup into {module} on {pbx}? The current settings there are "
            "backed up first, so this can be undone."
        ).format(module=info.module_name, pbx=target)
        if not self._confirm(self, self.tr("Restore backup"), question):
            return
        self._say(self.tr("Restoring on {pbx}…").format(pbx=target))
        self._controller.restore(info, target, on_done=lambda _result: self._restored(target))

    def _restored(self, target: str) -> None:
        self._say(self.tr("Restored on {pbx}.").format(pbx=target))

    def export_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        suggested = f"{info.pbx_name}-{info.module_name}-v{info.module_version}{EXPORT_SUFFIX}".replace(" ", "_")
        destination = self._ask_save_path(self, suggested)
        if destination is None:
            return
        password = self._ask_password(
            self,
            self.tr("Export backup"),
            self.tr("Choose a password for the exported file. Without it nobody can read the file, you included."),
            True,
        )
        if not password:
            return
        self._say(self.tr("Exporting…"))
        self._controller.export_backup(
            info,
            destination,
            password,
            on_done=lambda _none: self._say(self.tr("Exported to {file}.").format(file=str(destination))),
        )

    def import_file(self) -> None:
        source = self._ask_open_path(self, "")
        if source is None:
            return
        password = self._ask_password(
            self, self.tr("Import backup"), self.tr("Enter the password of {file}.").format(file=source.name), False
        )
        if not password:
            return
        self._say(self.tr("Importing…"))

        def imported(info: BackupInfo) -> None:
            self._say(
                self.tr("Imported the backup of {module} from {pbx}.").format(
                    module=info.module_name, pbx=info.pbx_name
                )
            )
            self.scope_check.setChecked(False)

        self._controller.import_backup(source, password, on_done=imported)

    def delete_selected(self) -> None:
        info = self.selected()
        damaged = self.selected_damaged()
        if info is not None:
            backup_id = info.backup_id
            question = self.tr("Delete the backup of {module} from {when}? This cannot be undone.").format(
                module=info.module_name, when=format_timestamp(info.created_at)
            )
        elif damaged is not None and damaged.backup_id:
            backup_id = damaged.backup_id
            question = self.tr("Delete the damaged file {file}? This cannot be undone.").format(file=damaged.path.name)
        else:
            return
        if not self._confirm(self, self.tr("Delete backup"), question):
            return
        self.view.clearSelection()  # the list read again after the delete selects its first backup
        try:
            self._controller.delete_backup(backup_id)
        except ModManagerError as error:
            self.select(backup_id)
            self._say(describe_text(error))
