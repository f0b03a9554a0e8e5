"""Schedules and maintenance windows: plan unattended work, see what ran, set the windows.

Two tabs. *Jobs*: the scheduled jobs (pending first, then what ran, with the result), a form
to schedule "install all free updates", "roll out a release" or "back up" for the next window
of each chosen PBX, removing a job and running the due jobs now. *Maintenance windows*: every
PBX with the window that applies (its own or its customer's) and when it opens next; a window
is set for the PBX or for its whole customer.

Everything here is local (inventory); running due jobs goes through the task runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.errors import ModManagerError
from modmanager.core.windows import parse_window
from modmanager.gui.errors import describe_text
from modmanager.gui.models.table import Index, RowsTableModel
from modmanager.ops.schedule import schedule_jobs
from modmanager.ops.services import Services
from modmanager.store.schedules import JobKind, JobState, ScheduledJob
from modmanager.store.windows import EffectiveWindow

_ERROR_STYLE = "color: #c92a2a;"
_OK_STYLE = "color: #2b8a3e;"


def job_kind_text(job: ScheduledJob) -> str:
    if job.kind is JobKind.UPDATE_ALL:
        return QCoreApplication.translate("Schedule", "Install all free updates")
    if job.kind is JobKind.BACKUP:
        return QCoreApplication.translate("Schedule", "Back up")
    return QCoreApplication.translate("Schedule", "Roll out v{version}").format(version=job.to_version)


def job_state_text(state: JobState) -> str:
    texts = {
        JobState.PENDING: QCoreApplication.translate("Schedule", "planned"),
        JobState.RUNNING: QCoreApplication.translate("Schedule", "running"),
        JobState.SUCCEEDED: QCoreApplication.translate("Schedule", "done"),
        JobState.FAILED: QCoreApplication.translate("Schedule", "failed"),
        JobState.MISSED: QCoreApplication.translate("Schedule", "missed"),
        JobState.INTERRUPTED: QCoreApplication.translate("Schedule", "interrupted"),
    }
    return texts[state]


def local_time(moment: dt.datetime, *, weekday: bool = True) -> str:
    """A moment in this computer's time zone, written the interface language's way."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    text = locale.toString(when, QLocale.FormatType.ShortFormat)
    return f"{locale.toString(when, 'ddd')} {text}" if weekday else text


class JobsModel(RowsTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ScheduledJob] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("PBX"), self.tr("Work"), self.tr("Window"), self.tr("State"), self.tr("Result"))

    def set_jobs(self, jobs: list[ScheduledJob]) -> None:
        self.beginResetModel()
        pending = [job for job in jobs if not job.state.is_final]
        done = sorted((job for job in jobs if job.state.is_final), key=lambda job: job.window_start, reverse=True)
        self._rows = pending + done
        self.endResetModel()

    def job_at(self, row: int) -> ScheduledJob | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self._rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            if job.state in (JobState.FAILED, JobState.MISSED, JobState.INTERRUPTED):
                return QColor("#c92a2a")
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return job.summary or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        long = job.window_end - job.window_start >= dt.timedelta(hours=24)
        if long:
            end = local_time(job.window_end)
        else:
            end = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(job.window_end.timestamp())).time(), "HH:mm")
        window = f"{local_time(job.window_start)} – {end}"
        values = (job.pbx_name, job_kind_text(job), window, job_state_text(job.state), job.summary)
        return values[index.column()]


class WindowsModel(RowsTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, EffectiveWindow | None]] = []

    def headers(self) -> tuple[str, ...]:
        return (self.tr("PBX"), self.tr("Customer"), self.tr("Maintenance window"), self.tr("Next opening"))

    def set_rows(self, rows: list[tuple[str, str, EffectiveWindow | None]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> tuple[str, str, EffectiveWindow | None] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        name, customer, effective = self._rows[index.row()]
        if effective is None:
            window = self.tr("none")
            opening = ""
        else:
            source = self.tr("own") if effective.source == "pbx" else self.tr("customer's")
            window = f"{effective.window.spec()} ({source})"
            now = dt.datetime.now(dt.UTC)
            slot = effective.window.next_slot(now)
            opening = self.tr("open now") if slot.start <= now else local_time(slot.start)
        return (name, customer, window, opening)[index.column()]


def _table(model: RowsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ScheduleDialog(QDialog):
    """Jobs and maintenance windows.

    Args:
        services: the opened adapters.
        run_due: starts a run of the due jobs (the caller puts it on the task runner).
        pbx: preselect this PBX.

    Signals:
        scheduled: jobs were added (their PBX names).
    """

    scheduled = Signal(list)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        run_due: Callable[[], object] | None = None,
        pbx: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._run_due = run_due
        self.setWindowTitle(self.tr("Schedules and maintenance windows"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._jobs_tab(pbx), self.tr("Jobs"))
        self.tabs.addTab(self._windows_tab(), self.tr("Maintenance windows"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(980, 620)
        self.reload()

    # -- building ---------------------------------------------------------------------------

    def _jobs_tab(self, pbx: str | None) -> QWidget:
        self.jobs_model = JobsModel(self)
        self.jobs_view = _table(self.jobs_model)
        self.remove_button = QPushButton(self.tr("Remove job"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.run_button = QPushButton(self.tr("Run due jobs now"))
        self.run_button.setToolTip(self.tr("Run every job whose maintenance window is open now"))
        self.run_button.clicked.connect(self._run_now)
        self.run_button.setEnabled(self._run_due is not None)
        job_buttons = QHBoxLayout()
        job_buttons.addWidget(self.remove_button)
        job_buttons.addStretch(1)
        job_buttons.addWidget(self.run_button)

        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Install all free updates"), JobKind.UPDATE_ALL)
        self.kind_box.addItem(self.tr("Roll out a release"), JobKind.ROLLOUT)
        self.kind_box.addItem(self.tr("Back up"), JobKind.BACKUP)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.module_box = QComboBox()
        for module in sorted(self.services.catalogs.modules(), key=lambda item: item.display_name("en").casefold()):
            self.module_box.addItem(module.display_name("en"), module.id)
        self.module_box.currentIndexChanged.connect(self._module_changed)
        self.version_box = QComboBox()
        self.pbx_list = QListWidget()
        self.pbx_list.setMaximumHeight(120)
        for record in self.services.inventory.list():
            item = QListWidgetItem(f"{record.name} ({record.customer})" if record.customer else record.name)
            item.setData(Qt.ItemDataRole.UserRole, record.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if record.name == pbx else Qt.CheckState.Unchecked)
            self.pbx_list.addItem(item)
        self.schedule_button = QPushButton(self.tr("Schedule in the next window"))
        self.schedule_button.clicked.connect(self.schedule)
        self.schedule_status = QLabel()
        self.schedule_status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Work:"), self.kind_box)
        form.addRow(self.tr("Module:"), self.module_box)
        form.addRow(self.tr("Release:"), self.version_box)
        form.addRow(self.tr("PBXs:"), self.pbx_list)
        form.addRow("", self.schedule_button)
        form.addRow("", self.schedule_status)
        self._form = form
        self._kind_changed()

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.jobs_view, 1)
        layout.addLayout(job_buttons)
        heading = QLabel(self.tr("New job"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(form)
        return tab

    def _windows_tab(self) -> QWidget:
        self.windows_model = WindowsModel(self)
        self.windows_view = _table(self.windows_model)
        self.windows_view.selectionModel().selectionChanged.connect(self._window_selected)
        self.window_edit = QLineEdit()
        self.window_edit.setPlaceholderText(self.tr("e.g. Mon-Fri 22:00-02:00 Europe/Berlin"))
        self.set_pbx_button = QPushButton(self.tr("Set for this PBX"))
        self.set_pbx_button.clicked.connect(lambda: self.set_window(for_customer=False))
        self.set_customer_button = QPushButton(self.tr("Set for the customer"))
        self.set_customer_button.clicked.connect(lambda: self.set_window(for_customer=True))
        self.clear_button = QPushButton(self.tr("Remove the PBX's own window"))
        self.clear_button.clicked.connect(self.clear_window)
        self.window_status = QLabel()
        self.window_status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Weekdays, a time range and a time zone. A range may run past midnight (22:00-02:00); the "
                "weekday is the day the window starts. A PBX's own window overrides its customer's."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.window_edit, 1)
        row.addWidget(self.set_pbx_button)
        row.addWidget(self.set_customer_button)
        row.addWidget(self.clear_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.windows_view, 1)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.window_status)
        return tab

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.jobs_model.set_jobs(self.services.schedules.list())
        effective = self.services.windows.all_effective()
        self.windows_model.set_rows(
            [(record.name, record.customer, effective.get(record.name)) for record in self.services.inventory.list()]
        )

    def checked_pbxs(self) -> list[str]:
        names = []
        for row in range(self.pbx_list.count()):
            item = self.pbx_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def set_checked(self, names: list[str]) -> None:
        for row in range(self.pbx_list.count()):
            item = self.pbx_list.item(row)
            chosen = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def _kind_changed(self, *_args: object) -> None:
        rollout = self.kind_box.currentData() == JobKind.ROLLOUT
        self._form.setRowVisible(self.module_box, rollout)
        self._form.setRowVisible(self.version_box, rollout)
        if rollout:
            self._module_changed()

    def _module_changed(self, *_args: object) -> None:
        self.version_box.clear()
        module = self.services.catalogs.module(str(self.module_box.currentData() or ""))
        if module is None:
            return
        for release in sorted(module.releases, key=lambda item: item.version, reverse=True):
            self.version_box.addItem(release.display_version or f"v{release.version}", release.version)

    # -- acting -----------------------------------------------------------------------------

    def schedule(self) -> None:
        kind = JobKind(self.kind_box.currentData())  # combo data come back as plain str
        module_id = str(self.module_box.currentData() or "") if kind is JobKind.ROLLOUT else ""
        version = self.version_box.currentData() if kind is JobKind.ROLLOUT else None
        try:
            jobs = schedule_jobs(self.services, kind, self.checked_pbxs(), module_id=module_id, to_version=version)
        except ModManagerError as error:
            self.schedule_status.setStyleSheet(_ERROR_STYLE)
            self.schedule_status.setText(describe_text(error))
            return
        self.schedule_status.setStyleSheet(_OK_STYLE)
        self.schedule_status.setText(
            self.tr("Scheduled {count} job(s); the first window opens {when}.").format(
                count=len(jobs), when=local_time(min(job.window_start for job in jobs))
            )
        )
        self.reload()
        self.scheduled.emit([job.pbx_name for job in jobs])

    def remove_selected(self) -> None:
        indexes = self.jobs_view.selectionModel().selectedRows()
        job = self.jobs_model.job_at(indexes[0].row()) if indexes else None
        if job is None:
            return
        try:
            self.services.schedules.remove(job.job_id)
        except ModManagerError as error:
            self.schedule_status.setStyleSheet(_ERROR_STYLE)
            self.schedule_status.setText(describe_text(error))
            return
        self.reload()

    def _run_now(self) -> None:
        if self._run_due is not None:
            self._run_due()

    def _selected_window_row(self) -> tuple[str, str, EffectiveWindow | None] | None:
        indexes = self.windows_view.selectionModel().selectedRows()
        return self.windows_model.row_at(indexes[0].row()) if indexes else None

    def _window_selected(self, *_args: object) -> None:
        row = self._selected_window_row()
        if row is not None:
            _, customer, effective = row
            self.window_edit.setText(effective.window.spec() if effective else "")
            self.set_customer_button.setEnabled(bool(customer))

    def set_window(self, *, for_customer: bool) -> None:
        row = self._selected_window_row()
        if row is None:
            self._window_message(self.tr("Choose a PBX in the list first."), error=True)
            return
        name, customer, _ = row
        try:
            window = parse_window(self.window_edit.text())
            if for_customer:
                self.services.windows.set_customer(customer, window)
            else:
                self.services.windows.set_pbx(name, window)
        except ModManagerError as error:
            self._window_message(describe_text(error), error=True)
            return
        target = self.tr("customer {customer}").format(customer=customer) if for_customer else name
        self._window_message(self.tr("The window of {target} is now {window}.").format(target=target, window=window))
        self.reload()

    def clear_window(self) -> None:
        row = self._selected_window_row()
        if row is None:
            return
        self.services.windows.set_pbx(row[0], None)
        self._window_message(self.tr("{pbx} follows its customer's window again.").format(pbx=row[0]))
        self.reload()

    def _window_message(self, text: str, *, error: bool = False) -> None:
        self.window_status.setStyleSheet(_ERROR_STYLE if error else _OK_STYLE)
        self.window_status.setText(text)
