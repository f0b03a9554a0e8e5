"""Updating modules on the selected PBX: update, install, go back to an earlier release, update all,
and finishing updates that were interrupted."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from modmanager.gui.controller import Controller, UpdateChoice
from modmanager.gui.dialogs.recovery_dialog import RecoveryDialog
from modmanager.gui.dialogs.update_dialog import UpdateDialog
from modmanager.gui.errors import describe_text
from modmanager.gui.flows import open_dialog
from modmanager.gui.models.modules import release_label
from modmanager.gui.notices import Notices
from modmanager.gui.tasks import TaskHandle
from modmanager.gui.views.pbx_page import PbxPage
from modmanager.ops.fleet import UpdateAllOutcome, free_updates
from modmanager.ops.recovery import Assessment


class UpdateFlows(QObject):
    """Update, install, reinstall and recover, each previewed or asked before anything changes.

    Args:
        window: parent of the dialogs.
        controller: runs the work.
        page: the selected PBX and module.
        notices: the status bar and message boxes.

    Attributes:
        update_dialog, recovery_dialog: the dialog open now, if any.
    """

    def __init__(self, window: QWidget, controller: Controller, page: PbxPage, notices: Notices) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._page = page
        self._notices = notices
        self.update_dialog: UpdateDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None

    # -- update, install, reinstall ----------------------------------------------------------

    def update_selected(self) -> TaskHandle | None:
        """Prepare the update of the selected module; the preview dialog opens when it is ready."""
        row = self._page.selected_installed()
        pbx = self._page.current
        if row is None or pbx is None or not row.updatable:
            return None
        self._notices.say(self.tr("Preparing the update of {module}…").format(module=row.display_name), lasting=True)
        return self._controller.prepare_update(pbx, row.module.id, row.display_name, self.show_update_dialog)

    def install_selected(self) -> TaskHandle | None:
        item = self._page.selected_available()
        pbx = self._page.current
        if item is None or pbx is None:
            return None
        name = item.module.display_name(self._window.locale().name())
        self._notices.say(self.tr("Preparing the installation of {module}…").format(module=name), lasting=True)
        return self._controller.prepare_update(pbx, item.module.id, name, self.show_update_dialog)

    def reinstall_selected(self) -> QInputDialog | None:
        """Ask which earlier release to go back to, then prepare it like an update."""
        selection = self._page.selection()
        row = selection.installed
        pbx = selection.pbx
        if row is None or pbx is None:
            return None
        labels = {release_label(release): release.version for release in row.earlier_releases(selection.starface)}
        if not labels:
            return None
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle(self.tr("Reinstall an earlier version"))
        dialog.setLabelText(
            self.tr("Which release of {module} should {pbx} run?").format(module=row.display_name, pbx=pbx)
        )
        dialog.setComboBoxItems(list(labels))
        dialog.setComboBoxEditable(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(label: str) -> None:
            self._controller.prepare_update(
                pbx, row.module.id, row.display_name, self.show_update_dialog, to_version=labels[label]
            )

        dialog.textValueSelected.connect(chosen)
        dialog.open()
        return dialog

    def show_update_dialog(self, choice: UpdateChoice) -> UpdateDialog:
        """Show the preview; an accepted dialog starts the update in the task runner."""
        self._notices.clear()
        dialog = UpdateDialog(self._window, choice)
        self.update_dialog = dialog

        def finished(result: int) -> None:
            self.update_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self._controller.run_update(
                    dialog.chosen, confirm_paid=dialog.confirm_paid, module_name=choice.module_name
                )

        return open_dialog(dialog, finished)

    # -- update all --------------------------------------------------------------------------

    def update_all(self) -> QMessageBox | None:
        """Confirm and run every free update of the selected PBX; paid ones are left out."""
        entry = self._page.current_entry()
        if entry is None or entry.snapshot is None:
            return None
        planned = free_updates(entry.snapshot)
        if not planned:
            self._notices.say(self.tr("{pbx} has no free updates.").format(pbx=entry.name))
            return None
        lines = "\n".join(
            "• "
            + self.tr("{module}: v{old} → v{new}").format(
                module=self._page.module_name(item.module_id, item.module_name),
                old=item.from_version,
                new=item.to_version,
            )
            for item in planned
        )
        name = entry.name
        return self._notices.ask(
            self.tr("Update all"),
            self.tr("Install these free updates on {pbx}, one after the other?").format(pbx=name),
            lambda: self._controller.update_all(name, on_done=lambda outcome: self.updated_all(name, outcome)),
            details=lines
            + "\n\n"
            + self.tr("Paid updates are not included. Each module is backed up first; a failure stops the run."),
        )

    def updated_all(self, pbx: str, outcome: UpdateAllOutcome) -> QMessageBox:
        """The summary of "update all": what was installed, what failed and why, what was not tried."""
        name = self._page.module_name
        parts = []
        if outcome.succeeded:
            parts.append(
                self.tr("Updated: {modules}.").format(
                    modules=", ".join(
                        f"{name(result.module_id, result.module_name)} (v{result.to_version})"
                        for result in outcome.succeeded
                    )
                )
            )
        for planned, error in outcome.failed:
            parts.append(
                self.tr("Failed: {module} – {problem}").format(
                    module=name(planned.module_id, planned.module_name), problem=describe_text(error)
                )
            )
        if outcome.skipped:
            parts.append(
                self.tr("Not attempted after the failure: {modules}.").format(
                    modules=", ".join(name(item.module_id, item.module_name) for item in outcome.skipped)
                )
            )
        title = self.tr("Update all on {pbx}").format(pbx=pbx)
        if outcome.failed:
            summary = self.tr("{done} of {total} updates were installed.").format(
                done=len(outcome.succeeded), total=len(outcome.succeeded) + len(outcome.failed) + len(outcome.skipped)
            )
        else:
            summary = self.tr("All {count} free updates were installed.").format(count=len(outcome.succeeded))
        return self._notices.inform(title, summary, "\n\n".join(parts))

    # -- recovery ----------------------------------------------------------------------------

    def offer_recovery(self, assessments: list[Assessment]) -> RecoveryDialog:
        """Interrupted updates were found: let the user resume, roll back or decide later."""
        dialog = RecoveryDialog(self._window, assessments)
        self.recovery_dialog = dialog

        def finished(result: int) -> None:
            self.recovery_dialog = None
            if result == QDialog.DialogCode.Accepted:
                for assessment, action in dialog.choices():
                    self._controller.recover(assessment, action)

        return open_dialog(dialog, finished)
