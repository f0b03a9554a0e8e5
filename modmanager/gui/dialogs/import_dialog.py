"""Import many PBXs from one CSV or JSON file: preview, certificates, one confirmation, summary.

The user chooses a file; every row shows at once with its problem, if it has one (a missing
address, a name twice, a PBX that exists already ...), and the file can be limited to one
customer or tag. *Check certificates* reads the certificate of every PBX at once (nothing is
sent, no login) and fills in the fingerprints; *Import and pin…* asks once - for every PBX and
every certificate to pin - and adds the rows through the use case the command line uses
(:mod:`modmanager.ops.fleet_import`): passwords and agent secrets go to the credential store
only. Rows with problems are skipped only when "Skip rows with problems" is ticked. The last page
says what was added, what was not and why, which PBXs still need a password, and that a file
holding passwords should be deleted.

All work runs in the task runner (reading the file too: it may be large or on a slow share),
with "n of N" and a Cancel button while certificates are read or rows added. Afterwards the
PBX list is read again and the new PBXs are refreshed: the views follow through
``Controller.changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.core.text import clean_text
from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.import_summary import ImportSummary, store_words
from modmanager.gui.models.import_rows import ImportPreviewModel, check_changes, preview_rows, problem_text
from modmanager.gui.tasks import TaskContext, TaskHandle, TaskState
from modmanager.gui.widgets.confirm import Confirm, ask_yes_no
from modmanager.ops import fleet_import
from modmanager.ops.fleet_import import CertificateCheck, ImportPlan, ImportResult, RowProblem
from modmanager.ops.selection import PbxSelection

ChooseFile = Callable[[QWidget], "Path | None"]
"""``choose_file(parent)``: the file to import, or None (tests hand in their own)."""
"""``confirm(parent, title, question)``: True to go ahead."""

_ERROR_STYLE = "color: #c92a2a;"
_ALL = "\x00all"


def _choose_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Import PBXs"),
        "",
        QCoreApplication.translate("ImportDialog", "PBX lists (*.csv *.json *.txt);;All files (*)"),
    )
    return Path(name) if name else None


class ImportDialog(QDialog):
    """Choose a file, look at its rows, check the certificates, import once, read the summary.

    Args:
        parent: the main window.
        controller: runs the work (key ``controller.inventory_key``) and reads the PBX list again.
        choose_file, confirm: ask the user (tests answer them).

    Attributes:
        plan: what the file holds (valid rows and problems), once read.
        checks: the certificate of every valid row, once checked.
        import_result: what the import did.
    """

    def __init__(
        self,
        parent: QWidget | None,
        controller: Controller,
        *,
        choose_file: ChooseFile = _choose_file,
        confirm: Confirm = ask_yes_no,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import PBXs"))
        self._controller = controller
        self._choose_file = choose_file
        self._confirm = confirm
        self._path: Path | None = None
        self._filter_fill = False
        self._detached = False
        self._import_after_check = False
        self.handle: TaskHandle | None = None
        self.plan: ImportPlan | None = None
        self.checks: list[CertificateCheck] | None = None
        self.import_result: ImportResult | None = None
        self.finished.connect(self._detach)
        controller.runner.task_progress.connect(self._progressed)
        controller.runner.task_finished.connect(self._task_finished)

        intro = QLabel(
            self.tr(
                "Add many PBXs from a CSV or JSON file: one row per PBX with name, customer, tags, address and "
                "login, and if you like password, agent secret, maintenance window and certificate fingerprint. "
                "Nothing is added before you confirm."
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.customer_combo = QComboBox()
        self.tag_combo = QComboBox()
        for combo, everything in (
            (self.customer_combo, self.tr("All customers")),
            (self.tag_combo, self.tr("All tags")),
        ):
            combo.addItem(everything, _ALL)
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._limit_changed)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("File:")))
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        file_row.addSpacing(12)
        file_row.addWidget(QLabel(self.tr("Only customer:")))
        file_row.addWidget(self.customer_combo)
        file_row.addWidget(QLabel(self.tr("Only tag:")))
        file_row.addWidget(self.tag_combo)

        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.hide()
        self.skip_check = QCheckBox(self.tr("Skip rows with problems"))
        self.skip_check.setToolTip(
            self.tr("Add the good rows and leave out those with problems or whose certificate cannot be read.")
        )
        self.skip_check.toggled.connect(lambda _checked: self._update())
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.skip_check)
        counts_row.addWidget(self.counts_label, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop: no further PBX is contacted or added."))
        self.cancel_button.clicked.connect(self.cancel)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.cancel_button)
        self.progress_widget = QWidget()
        self.progress_widget.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)

        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(intro)
        preview_layout.addLayout(file_row)
        preview_layout.addWidget(self.notes_label)
        preview_layout.addWidget(self.table, 1)
        preview_layout.addLayout(counts_row)
        preview_layout.addWidget(self.error_label)
        self.summary = ImportSummary()
        self.pages = QStackedWidget()
        self.pages.addWidget(preview)
        self.pages.addWidget(self.summary)

        self.buttons = QDialogButtonBox()
        self.check_button: QPushButton = self.buttons.addButton(
            self.tr("Check certificates"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setToolTip(self.tr("Read the certificate of every PBX (nothing is sent, no login)"))
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import and pin…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.check_button.clicked.connect(self.check_certificates)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)  # the import button asks first; it never closes the dialog

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress_widget)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(1100, 640)

    # -- the file ------------------------------------------------------------------------------

    def choose(self) -> None:
        path = self._choose_file(self)
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> TaskHandle | None:
        """Read ``path`` (all rows; the customer and tag lists are filled from it)."""
        self._path = path
        self.file_edit.setText(clean_text(str(path)))
        self._filter_fill = True
        for combo in (self.customer_combo, self.tag_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        return self._read()

    def selection(self) -> PbxSelection:
        """The customer and tag the rows are limited to (empty: every row)."""
        customer, tag = self.customer_combo.currentData(), self.tag_combo.currentData()
        return PbxSelection.of(
            [str(customer)] if customer not in (None, _ALL) else [], [str(tag)] if tag not in (None, _ALL) else []
        )

    def _limit_changed(self, _index: int) -> None:
        if self._path is not None:
            self._read()

    def _read(self) -> TaskHandle | None:
        path = self._path
        if path is None or self._busy():
            return None
        selection = self.selection()
        inventory = self._controller.services.inventory
        self.plan, self.checks = None, None
        self.model.set_rows([])
        self._show_error(None)
        self.notes_label.setText(self.tr("Reading {file}…").format(file=clean_text(path.name)))
        return self._submit(
            self.tr("Read the import file {file}").format(file=clean_text(path.name)),
            lambda _ctx: fleet_import.read_import_file(path, inventory, selection or None),
            self._read_done,
            cancellable=False,
        )

    def _read_done(self, plan: ImportPlan) -> None:
        if self._detached:
            return
        self.plan = plan
        if self._filter_fill:
            self._filter_fill = False
            self._fill_filters(plan)
        self.model.set_rows(preview_rows(plan))
        self._fit_columns()
        notes = []
        if plan.outside_selection:
            notes.append(
                self.tr("{count} rows of other customers or tags are left out.").format(count=plan.outside_selection)
            )
        if plan.ignored_columns:
            notes.append(
                self.tr("Columns not known and ignored: {columns}.").format(
                    columns=clean_text(", ".join(plan.ignored_columns))
                )
            )
        if plan.holds_secrets:
            notes.append(
                self.tr("The file holds passwords or agent secrets; they will be kept only {store}.").format(
                    store=store_words(self._controller.services.credentials.backend_name)
                )
            )
        self.notes_label.setText(" ".join(notes))
        self.notes_label.setVisible(bool(notes))

    def _fill_filters(self, plan: ImportPlan) -> None:
        customers = {row.customer.casefold(): row.customer for row in plan.rows if row.customer}
        tags = {tag.casefold(): tag for row in plan.rows for tag in row.tags}
        for combo, values in ((self.customer_combo, customers), (self.tag_combo, tags)):
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for key in sorted(values):
                combo.addItem(clean_text(values[key]), values[key])
            combo.blockSignals(False)

    def _fit_columns(self) -> None:
        """Each column as wide as its texts, within a share of the table: the status keeps the rest."""
        share = {ImportPreviewModel.COLUMN_LINE: 0.06, ImportPreviewModel.COLUMN_URL: 0.17}
        available = max(self.table.viewport().width(), 900)
        for column in range(ImportPreviewModel.COLUMN_STATUS):
            self.table.resizeColumnToContents(column)
            limit = round(available * share.get(column, 0.16))
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))

    # -- certificates --------------------------------------------------------------------------

    def check_certificates(self) -> TaskHandle | None:
        """Read the certificate of every valid row's PBX at once; the fingerprints fill in."""
        plan = self.plan
        if plan is None or not plan.rows or self._busy():
            return None
        self.checks = None
        self._show_error(None)
        rows = plan.rows
        counted = self.tr("{done} of {total} certificates read")

        def work(ctx: TaskContext) -> list[CertificateCheck]:
            return fleet_import.fetch_certificates(
                rows,
                concurrency=fleet_import.DEFAULT_CONCURRENCY,
                progress=lambda done, total: ctx.progress(done, total, counted.format(done=done, total=total)),
                cancelled=ctx.cancelled,
            )

        self._start_progress(counted.format(done=0, total=len(rows)), len(rows))
        return self._submit(
            self.tr("Read the certificates of {count} PBXs").format(count=len(rows)), work, self._checked
        )

    def _checked(self, checks: list[CertificateCheck]) -> None:
        if self._detached:
            return
        stopped = any(check.error is not None and check.error.code == "import_cancelled" for check in checks)
        self.model.update_rows(check_changes(checks))
        self._fit_columns()
        if stopped:
            self._import_after_check = False
            self.notes_label.setText(self.tr("Checking was stopped; check the certificates again to import."))
            self.notes_label.show()
            return
        self.checks = checks
        if self._import_after_check:
            self._import_after_check = False
            self._update()
            self.start_import()

    # -- importing -----------------------------------------------------------------------------

    def usable(self) -> list[CertificateCheck]:
        """The checked rows that can be added (their certificate was read)."""
        return [check for check in self.checks or [] if check.error is None]

    def skipped_before(self) -> list[RowProblem]:
        """Rows left out before the import: problems in the file, certificates that could not be used."""
        plan = self.plan
        problems = list(plan.problems) if plan is not None else []
        problems += [
            RowProblem(check.row.line, check.row.name, check.error)
            for check in self.checks or []
            if check.error is not None
        ]
        return problems

    def start_import(self) -> TaskHandle | None:
        """Check the certificates first if needed, then ask once and add the rows."""
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return None
        if self.checks is None:
            self._import_after_check = True
            return self.check_certificates()
        usable = self.usable()
        if not usable:
            self._show_error(None, self.tr("No row can be added: every certificate could not be read."))
            return None
        to_pin = sum(1 for check in usable if check.pin is not None)
        question = self.tr(
            "Add {count} PBXs and pin {pins} certificates? Compare the fingerprints in the table with those the "
            "PBXs show before you confirm."
        ).format(count=len(usable), pins=to_pin)
        left_out = len(self.skipped_before())
        if left_out:
            question += "\n\n" + self.tr("Rows not added: {count} (see the table).").format(count=left_out)
        if not self._confirm(self, self.tr("Import PBXs"), question):
            return None
        inventory, credentials = self._controller.services.inventory, self._controller.services.credentials
        counted = self.tr("{done} of {total} PBXs added")

        def work(ctx: TaskContext) -> ImportResult:
            return fleet_import.apply_import(
                inventory,
                credentials,
                plan,
                usable,
                progress=lambda done, total: ctx.progress(done, total, counted.format(done=done, total=total)),
                cancelled=ctx.cancelled,
            )

        self._start_progress(counted.format(done=0, total=len(plan.rows)), len(plan.rows))
        return self._submit(
            self.tr("Import {count} PBXs").format(count=len(usable)), work, self._imported, self._import_failed
        )

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        self._after_import()
        if self._detached or self.plan is None or self._path is None:
            return
        store = store_words(self._controller.services.credentials.backend_name)
        self.summary.show_result(result, self.skipped_before(), self._path, self.plan.holds_secrets, store)
        self.pages.setCurrentWidget(self.summary)
        self._update()

    def _import_failed(self, _error: ModManagerError) -> None:
        self._after_import()

    def _after_import(self) -> None:
        """The PBX list changed (also when the import stopped half way): every view follows.

        Runs also after the dialog was closed, so it touches no widget of the dialog.
        """
        self._controller.reload_records()
        added = self.import_result.added if self.import_result is not None else ()
        if added:
            title = QCoreApplication.translate("ImportDialog", "Read {count} imported PBXs")
            self._controller.refresh_many(added, title=title.format(count=len(added)))

    # -- running -------------------------------------------------------------------------------

    def _submit(
        self,
        title: str,
        work: Callable[[TaskContext], Any],
        done: Callable[[Any], None],
        failed: Callable[[ModManagerError], None] | None = None,
        *,
        cancellable: bool = True,
    ) -> TaskHandle:
        def succeeded(result: Any) -> None:
            self.handle = None
            if not self._detached:
                self._stop_progress()
            done(result)  # each handler leaves the widgets alone once the dialog is closed
            if not self._detached:
                self._update()

        def not_done(error: ModManagerError) -> None:
            self.handle = None
            if failed is not None:
                failed(error)
            if self._detached:
                self._controller.failed.emit(title, error)
                return
            self._stop_progress()
            self.notes_label.clear()
            self._show_error(error)
            self._update()

        self.handle = self._controller.submit(
            self._controller.inventory_key, title, work, on_done=succeeded, on_failure=not_done, cancellable=cancellable
        )
        self._update()
        return self.handle

    def _busy(self) -> bool:
        return self.handle is not None

    def cancel(self) -> None:
        """Stop the running check or import: no further PBX is contacted or added."""
        if self.handle is not None:
            self._controller.runner.cancel(self.handle)
            self.cancel_button.setEnabled(False)

    def _task_finished(self, handle: TaskHandle) -> None:
        if handle is self.handle and handle.state is TaskState.CANCELLED:  # cancelled before it started
            self.handle = None
            self._import_after_check = False
            if not self._detached:
                self._stop_progress()
                self._update()

    def _start_progress(self, text: str, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(0)
        self.progress_label.setText(text)
        self.cancel_button.setEnabled(True)
        self.progress_widget.show()

    def _stop_progress(self) -> None:
        self.progress_widget.hide()

    def _progressed(self, handle: TaskHandle, done: int, total: int, message: str) -> None:
        if handle is self.handle and not self._detached and total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
            if message:
                self.progress_label.setText(message)

    def _show_error(self, error: ModManagerError | None, text: str = "") -> None:
        shown = problem_text(error) if error is not None else text
        self.error_label.setText(shown)
        self.error_label.setVisible(bool(shown))

    def _update(self) -> None:
        """Buttons and counts follow the state: nothing runs twice, problems block unless skipped."""
        busy = self._busy()
        plan = self.plan
        done = self.pages.currentWidget() is self.summary
        problems = len(self.skipped_before())
        self.choose_button.setEnabled(not busy and not done)
        for combo in (self.customer_combo, self.tag_combo):
            combo.setEnabled(not busy and not done and plan is not None)
        self.skip_check.setEnabled(not done)
        self.check_button.setEnabled(not busy and not done and plan is not None and bool(plan.rows))
        blocked = bool(problems) and not self.skip_check.isChecked()
        self.import_button.setEnabled(not busy and not done and plan is not None and bool(plan.rows) and not blocked)
        self.check_button.setVisible(not done)
        self.import_button.setVisible(not done)
        if not busy:
            self._stop_progress()
        if plan is None:
            self.counts_label.setText("")
            return
        text = self.tr("{total} rows: {valid} can be added, {problems} with problems.").format(
            total=self.model.rowCount(), valid=len(plan.rows) - (problems - len(plan.problems)), problems=problems
        )
        if self.checks is not None:
            text += " " + self.tr("Certificates to pin: {count}.").format(
                count=sum(1 for check in self.usable() if check.pin is not None)
            )
        if blocked:
            text += " " + self.tr("Correct them in the file, or tick “Skip rows with problems”.")
        self.counts_label.setText(text)

    def _detach(self, _result: int) -> None:
        """Closed: a running import goes on (the operations panel shows it); the dialog stops listening."""
        self._detached = True
