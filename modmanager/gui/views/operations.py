"""The operations: what the task runner is doing now, and what it did.

:class:`OperationsPanel` has two tabs. The first lists queued and running tasks (operation,
PBX, progress, state, a Cancel button where cancelling is possible). When a task ends it moves
to the log in the second tab, with a plain sentence (for errors the message and what to do
next, never a traceback) and the time in the user's locale. Put the panel into a
``QDockWidget`` in the main window::

    dock = QDockWidget(self.tr("Operations"), self)
    dock.setObjectName("operations")
    dock.setWidget(OperationsPanel(runner))
    self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)

:class:`BusyIndicator` is the same in short, for the status bar: how many run and wait, and
one progress bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from modmanager.gui.resources import icon
from modmanager.gui.tasks import TaskHandle, TaskRunner, TaskState

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
MAX_LOG_ENTRIES = 1000
"""The log keeps the newest entries; older ones are in the application's log file."""


def state_text(state: TaskState) -> str:
    """A task state as people say it."""
    texts = {
        TaskState.QUEUED: QCoreApplication.translate("Operations", "Waiting"),
        TaskState.RUNNING: QCoreApplication.translate("Operations", "Running"),
        TaskState.SUCCEEDED: QCoreApplication.translate("Operations", "Done"),
        TaskState.FAILED: QCoreApplication.translate("Operations", "Failed"),
        TaskState.CANCELLED: QCoreApplication.translate("Operations", "Cancelled"),
    }
    return texts[state]


def format_time(moment: datetime | None) -> str:
    """A time in the user's locale (short date and time), or an empty text."""
    if moment is None:
        return ""
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


class ActiveTasksModel(QAbstractTableModel):
    """Queued and running tasks of a :class:`TaskRunner`, one row each, in submission order."""

    COLUMN_OPERATION, COLUMN_PBX, COLUMN_PROGRESS, COLUMN_STATE, COLUMN_CANCEL = range(5)
    PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 1
    """(done, total) of a running task; total 0 means unknown (a busy bar); None while waiting."""
    HANDLE_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._handles: list[TaskHandle] = sorted(runner.tasks(), key=lambda handle: handle.task_id)
        runner.task_submitted.connect(self._add)
        runner.task_started.connect(self._changed)
        runner.task_progress.connect(self._progressed)
        runner.task_finished.connect(self._remove)

    def handle(self, row: int) -> TaskHandle:
        """The task shown in ``row``."""
        return self._handles[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._handles)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Operation"), self.tr("PBX"), self.tr("Progress"), self.tr("State"), "")[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        handle = self._handles[index.row()]
        column = index.column()
        if role == self.HANDLE_ROLE:
            return handle
        if role == self.PROGRESS_ROLE and column == self.COLUMN_PROGRESS:
            return (handle.done, handle.total) if handle.state is TaskState.RUNNING else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COLUMN_OPERATION:
                return handle.title
            if column == self.COLUMN_PBX:
                return handle.key
            if column == self.COLUMN_PROGRESS:
                return handle.message
            if column == self.COLUMN_STATE:
                if handle.cancel_requested and handle.state is TaskState.RUNNING:
                    return self.tr("Cancelling…")
                return state_text(handle.state)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.COLUMN_OPERATION, self.COLUMN_PROGRESS):
            return handle.message or handle.title
        return None

    def _add(self, handle: TaskHandle) -> None:
        row = len(self._handles)
        self.beginInsertRows(_ROOT, row, row)
        self._handles.append(handle)
        self.endInsertRows()

    def _changed(self, handle: TaskHandle) -> None:
        if handle in self._handles:
            row = self._handles.index(handle)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _progressed(self, handle: TaskHandle, _done: int, _total: int, _message: str) -> None:
        self._changed(handle)

    def _remove(self, handle: TaskHandle) -> None:
        if handle in self._handles:
            row = self._handles.index(handle)
            self.beginRemoveRows(_ROOT, row, row)
            del self._handles[row]
            self.endRemoveRows()


@dataclass(frozen=True)
class LogEntry:
    """One finished operation, as the log shows it."""

    finished_at: datetime
    pbx: str
    title: str
    state: TaskState
    text: str


def outcome_text(handle: TaskHandle) -> str:
    """The plain sentence the log shows for a finished task."""
    if handle.state is TaskState.FAILED and handle.error is not None:
        from modmanager.gui.errors import describe_text  # the error catalogue loads after the first paint

        return describe_text(handle.error)
    if handle.state is TaskState.CANCELLED:
        return QCoreApplication.translate("Operations", "Cancelled; nothing more was done.")
    return QCoreApplication.translate("Operations", "Completed.")


class OperationLogModel(QAbstractTableModel):
    """Finished operations, newest first."""

    COLUMN_TIME, COLUMN_PBX, COLUMN_OPERATION, COLUMN_OUTCOME = range(4)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LogEntry] = []
        runner.task_finished.connect(self.add_finished)

    def entry(self, row: int) -> LogEntry:
        """The entry shown in ``row`` (0 is the newest)."""
        return self._entries[row]

    def add_finished(self, handle: TaskHandle) -> None:
        """Log a task that reached a final state."""
        if not handle.state.is_final or handle.finished_at is None:
            return
        self.beginInsertRows(_ROOT, 0, 0)
        self._entries.insert(0, LogEntry(handle.finished_at, handle.key, handle.title, handle.state,
                                         outcome_text(handle)))
        self.endInsertRows()
        if len(self._entries) > MAX_LOG_ENTRIES:
            self.beginRemoveRows(_ROOT, MAX_LOG_ENTRIES, len(self._entries) - 1)
            del self._entries[MAX_LOG_ENTRIES:]
            self.endRemoveRows()

    def clear(self) -> None:
        """Forget all entries."""
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("PBX"), self.tr("Operation"), self.tr("Outcome"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (format_time(entry.finished_at), entry.pbx, entry.title, entry.text)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_OUTCOME:
            return _state_icon(entry.state)
        return None


def _state_icon(state: TaskState) -> QIcon | None:
    names = {TaskState.SUCCEEDED: "ok", TaskState.FAILED: "incompatible", TaskState.CANCELLED: "interrupted"}
    return icon(names[state]) if state in names else None


def _paint_cell_background(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: _Index
) -> QStyle:
    """Draw the cell's background (selection, alternating colour) without text; return the style."""
    cell = QStyleOptionViewItem(option)
    delegate.initStyleOption(cell, index)
    cell.text = ""
    widget = option.widget
    style = widget.style() if widget else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, widget)
    return style


class ProgressDelegate(QStyledItemDelegate):
    """Draws the progress column of a running task as a progress bar with its last message."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        style = _paint_cell_background(self, painter, option, index)
        progress = index.data(ActiveTasksModel.PROGRESS_ROLE)
        if progress is None:
            return
        done, total = progress
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.minimum = 0
        bar.maximum = max(total, 0)  # 0 and 0: a busy bar for work of unknown size
        bar.progress = min(done, total) if total else 0
        bar.text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bar.textVisible = bool(bar.text)
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class CancelButtonDelegate(QStyledItemDelegate):
    """Draws a Cancel button in rows whose task can be cancelled; a click on it asks to cancel.

    Painted rather than an index widget: the table owns no extra widgets that could outlive
    their rows.

    Signals:
        cancel_clicked(TaskHandle)
    """

    cancel_clicked = Signal(object)

    def _button(self, option: QStyleOptionViewItem) -> QStyleOptionButton:
        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(2, 1, -2, -1)
        button.text = QCoreApplication.translate("Operations", "Cancel")
        button.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        return button

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        style = _paint_cell_background(self, painter, option, index)
        handle = index.data(ActiveTasksModel.HANDLE_ROLE)
        if isinstance(handle, TaskHandle) and handle.can_cancel:
            style.drawControl(QStyle.ControlElement.CE_PushButton, self._button(option), painter, option.widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = option.fontMetrics
        text = QCoreApplication.translate("Operations", "Cancel")
        return QSize(metrics.horizontalAdvance(text) + 24, metrics.height() + 10)

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            handle = index.data(ActiveTasksModel.HANDLE_ROLE)
            inside = option.rect.contains(event.position().toPoint())
            if inside and isinstance(handle, TaskHandle) and handle.can_cancel:
                self.cancel_clicked.emit(handle)
                return True
        return False


class OperationsPanel(QWidget):
    """Two compact tabs: the tasks running and waiting, and the log of finished operations.

    The panel sits under the module tables, so it is built to be low: one line per task and
    the buttons in the tab bar's corner. It shows the running tasks while there are any and
    turns to the log when the last one ends; the tab titles count both, and failures.

    Signals:
        failure_logged(TaskHandle): a task failed (e.g. to raise the dock or show a badge).
    """

    failure_logged = Signal(object)

    TAB_ACTIVE, TAB_LOG = range(2)
    MINIMUM_HEIGHT = 96
    """Tab bar, table header and two lines: enough to see that something runs or failed."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._failures = 0
        self.active_model = ActiveTasksModel(runner, self)
        self.log_model = OperationLogModel(runner, self)

        self.active_view = QTableView()
        self.active_view.setModel(self.active_model)
        self.active_view.setItemDelegateForColumn(ActiveTasksModel.COLUMN_PROGRESS, ProgressDelegate(self))
        _configure_table(self.active_view)
        header = self.active_view.horizontalHeader()
        header.setSectionResizeMode(ActiveTasksModel.COLUMN_OPERATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ActiveTasksModel.COLUMN_PBX, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ActiveTasksModel.COLUMN_PROGRESS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ActiveTasksModel.COLUMN_STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ActiveTasksModel.COLUMN_CANCEL, QHeaderView.ResizeMode.ResizeToContents)
        self.active_view.setColumnWidth(ActiveTasksModel.COLUMN_PROGRESS, 260)
        self.cancel_delegate = CancelButtonDelegate(self)
        self.cancel_delegate.cancel_clicked.connect(runner.cancel)
        self.active_view.setItemDelegateForColumn(ActiveTasksModel.COLUMN_CANCEL, self.cancel_delegate)
        self.cancel_selected_button = QPushButton(self.tr("Cancel selected"))
        self.cancel_selected_button.setToolTip(self.tr("Cancel the selected operations where that is still possible"))
        self.cancel_selected_button.clicked.connect(self.cancel_selected)
        self.active_view.selectionModel().selectionChanged.connect(self._update_cancel_selected)
        self.active_model.dataChanged.connect(self._update_cancel_selected)
        self.active_model.rowsRemoved.connect(self._update_cancel_selected)

        self.idle_label = QLabel(self.tr("No operations are running."))
        self.idle_label.setEnabled(False)
        self.idle_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.idle_label.setContentsMargins(8, 6, 8, 6)

        self.log_view = QTableView()
        self.log_view.setModel(self.log_model)
        _configure_table(self.log_view)
        self.log_view.setWordWrap(False)  # one line per operation; the tooltip has the whole sentence
        log_header = self.log_view.horizontalHeader()
        log_header.setSectionResizeMode(OperationLogModel.COLUMN_TIME, QHeaderView.ResizeMode.ResizeToContents)
        log_header.setSectionResizeMode(OperationLogModel.COLUMN_PBX, QHeaderView.ResizeMode.ResizeToContents)
        log_header.setSectionResizeMode(OperationLogModel.COLUMN_OPERATION, QHeaderView.ResizeMode.Interactive)
        log_header.setSectionResizeMode(OperationLogModel.COLUMN_OUTCOME, QHeaderView.ResizeMode.Stretch)
        self.log_view.setColumnWidth(OperationLogModel.COLUMN_OPERATION, 260)
        self.clear_button = QPushButton(self.tr("Clear log"))
        self.clear_button.setToolTip(self.tr("Remove the finished operations from this list"))
        self.clear_button.clicked.connect(self.log_model.clear)

        active_page = QWidget()
        active_layout = QVBoxLayout(active_page)
        active_layout.setContentsMargins(0, 0, 0, 0)
        active_layout.setSpacing(0)
        active_layout.addWidget(self.active_view, 1)
        active_layout.addWidget(self.idle_label, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(active_page, "")
        self.tabs.addTab(self.log_view, "")
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 4, 0)
        corner_layout.addWidget(self.cancel_selected_button)
        corner_layout.addWidget(self.clear_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setMinimumHeight(self.MINIMUM_HEIGHT)

        runner.task_finished.connect(self._finished)
        self.active_model.rowsInserted.connect(self._active_rows_changed)
        self.active_model.rowsRemoved.connect(self._active_rows_changed)
        self.log_model.rowsInserted.connect(self._update_titles)
        self.log_model.modelReset.connect(self._log_cleared)
        self.tabs.setCurrentIndex(self.TAB_ACTIVE if self.active_model.rowCount() else self.TAB_LOG)
        self._update_idle()
        self._update_titles()
        self._tab_changed(self.tabs.currentIndex())
        self._update_cancel_selected()

    def cancel_selected(self) -> None:
        """Cancel the selected active tasks (the keyboard way to what the row buttons do)."""
        for index in self.active_view.selectionModel().selectedRows():
            handle = self.active_model.handle(index.row())
            if handle.can_cancel:
                self._runner.cancel(handle)

    def _update_cancel_selected(self) -> None:
        rows = self.active_view.selectionModel().selectedRows()
        self.cancel_selected_button.setEnabled(any(self.active_model.handle(i.row()).can_cancel for i in rows))

    def _update_idle(self) -> None:
        has_tasks = self.active_model.rowCount() > 0
        self.active_view.setVisible(has_tasks)
        self.idle_label.setVisible(not has_tasks)

    def _active_rows_changed(self) -> None:
        """Show what runs while anything does; the outcome when the last task ended."""
        had_tasks = not self.active_view.isHidden()
        self._update_idle()
        has_tasks = self.active_model.rowCount() > 0
        if has_tasks and not had_tasks:
            self.tabs.setCurrentIndex(self.TAB_ACTIVE)
        elif had_tasks and not has_tasks:
            self.tabs.setCurrentIndex(self.TAB_LOG)
        self._update_titles()

    def _update_titles(self) -> None:
        self.tabs.setTabText(
            self.TAB_ACTIVE, self.tr("Running and waiting ({count})").format(count=self.active_model.rowCount())
        )
        if self._failures:
            log_title = self.tr("Finished ({count}, {failed} failed)").format(
                count=self.log_model.rowCount(), failed=self._failures
            )
        else:
            log_title = self.tr("Finished ({count})").format(count=self.log_model.rowCount())
        self.tabs.setTabText(self.TAB_LOG, log_title)
        self.tabs.setTabIcon(self.TAB_LOG, icon("incompatible") if self._failures else QIcon())

    def _log_cleared(self) -> None:
        self._failures = 0
        self._update_titles()

    def _tab_changed(self, tab: int) -> None:
        self.cancel_selected_button.setVisible(tab == self.TAB_ACTIVE)
        self.clear_button.setVisible(tab == self.TAB_LOG)

    def _finished(self, handle: TaskHandle) -> None:
        if handle.state is TaskState.FAILED:
            self._failures += 1
            self._update_titles()
            self.failure_logged.emit(handle)



class BusyIndicator(QWidget):
    """How many operations run and wait, and one progress bar: for the status bar.

    The bar shows the progress of a single running task of known size; several at once, or
    work of unknown size, show as a busy bar. Hidden while nothing runs.

    Signals:
        progressed(str): a running task reported progress ("<title>: <message>"), for the status bar.
    """

    progressed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        runner.task_submitted.connect(self._tasks_changed)
        runner.task_started.connect(self._tasks_changed)
        runner.task_progress.connect(self._task_progressed)
        runner.task_finished.connect(self._tasks_changed)
        self._tasks_changed()

    def _tasks_changed(self, *_args: object) -> None:
        tasks = self._runner.tasks()
        running = [task for task in tasks if task.state is TaskState.RUNNING]
        self.setVisible(bool(tasks))
        if not tasks:
            return
        self.label.setText(
            self.tr("{running} running, {waiting} waiting").format(
                running=len(running), waiting=len(tasks) - len(running)
            )
        )
        if len(running) == 1 and running[0].total:
            self.bar.setRange(0, running[0].total)
            self.bar.setValue(min(running[0].done, running[0].total))
        else:
            self.bar.setRange(0, 0)  # several at once, or of unknown size: a busy bar

    def _task_progressed(self, handle: TaskHandle, _done: int, _total: int, message: str) -> None:
        self._tasks_changed()
        if message:
            self.progressed.emit(f"{handle.title}: {message}")

def _configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # one compact line per task
