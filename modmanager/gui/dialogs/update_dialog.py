"""The update preview: what an update (or install, or reinstall) will do, before it does it.

Shows the target release, the build (NFR or standard), the compatibility with this PBX's
STARFACE, and per instance which settings are carried over, dropped or new. A paid upgrade
names its consequence - a new module license key is needed - and can only be started after
the user confirms exactly that; when a free release below the paid one exists, the dialog
offers to stay on it and preselects it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.versions import Verdict
from modmanager.gui.controller import UpdateChoice
from modmanager.gui.models.migration import MigrationModel
from modmanager.gui.models.modules import format_date, release_label
from modmanager.gui.resources import icon
from modmanager.ops.update import UpdatePreview

_KNOWN_WARNING_STARTS = ("No copy of the installed version", "The vendor has not stated")
"""Warnings of ``prepare_update`` that the dialog says itself, in the interface language."""
_WARNING_STYLE = "color: #c92a2a;"
_MAX_VISIBLE_INSTANCES = 8


class UpdateDialog(QDialog):
    """Preview and confirm one update; after ``accept()`` read :attr:`chosen` and :attr:`confirm_paid`.

    Args:
        parent: the main window.
        choice: the planned update and, for a paid one, the newest free alternative.
    """

    def __init__(self, parent: QWidget | None, choice: UpdateChoice) -> None:
        super().__init__(parent)
        self._choice = choice
        preview = choice.preview
        if preview.is_fresh_install:
            self.setWindowTitle(self.tr("Install {module}").format(module=choice.module_name))
        elif preview.is_downgrade:
            self.setWindowTitle(self.tr("Reinstall an earlier version of {module}").format(module=choice.module_name))
        else:
            self.setWindowTitle(self.tr("Update {module}").format(module=choice.module_name))

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.target_label = QLabel()
        self.build_label = QLabel()
        self.build_label.setWordWrap(True)
        self.compatibility_label = QLabel()
        self.compatibility_label.setWordWrap(True)
        self.form.addRow(self.tr("Release:"), self.target_label)
        self.form.addRow(self.tr("Build:"), self.build_label)
        self.form.addRow(self.tr("Compatibility:"), self.compatibility_label)

        # Paid upgrades: the consequence in words, the free way out, and an explicit confirmation.
        self.paid_box = QFrame()
        self.paid_box.setFrameShape(QFrame.Shape.StyledPanel)
        paid_symbol = QLabel()
        paid_symbol.setPixmap(icon("paid").pixmap(32, 32))
        paid_symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.paid_text = QLabel()
        self.paid_text.setWordWrap(True)
        self.free_option = QRadioButton()
        self.paid_option = QRadioButton()
        self.confirm_check = QCheckBox(
            self.tr("I understand that this upgrade needs a new module license key for this PBX.")
        )
        paid_column = QVBoxLayout()
        paid_column.addWidget(self.paid_text)
        paid_column.addWidget(self.free_option)
        paid_column.addWidget(self.paid_option)
        paid_column.addWidget(self.confirm_check)
        paid_row = QHBoxLayout(self.paid_box)
        paid_row.addWidget(paid_symbol)
        paid_row.addLayout(paid_column, 1)

        self.instances_caption = QLabel()
        self.instances_caption.setWordWrap(True)
        self.migration_model = MigrationModel(self)
        self.instances_view = QTableView()
        self.instances_view.setModel(self.migration_model)
        self.instances_view.verticalHeader().hide()
        self.instances_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.instances_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.instances_view.setWordWrap(True)
        self.instances_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read only: Tab goes to the choices and buttons
        header = self.instances_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MigrationModel.COLUMN_DROPPED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MigrationModel.COLUMN_ADDED, QHeaderView.ResizeMode.Stretch)

        self.warnings_label = QLabel()
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(_WARNING_STYLE)

        self.buttons = QDialogButtonBox()
        self.start_button: QPushButton = self.buttons.addButton(
            self._start_text(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.paid_box)
        layout.addWidget(self.instances_caption)
        layout.addWidget(self.instances_view)
        layout.addWidget(self.warnings_label)
        layout.addStretch(1)  # extra height below the content, not as gaps between its parts
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)

        self.paid_box.setVisible(preview.paid)
        if preview.paid:
            self._fill_paid(preview)
            cancel.setDefault(True)  # Enter must not start a paid upgrade
        else:
            self.start_button.setDefault(True)
        self.free_option.toggled.connect(self._choice_changed)
        self.paid_option.toggled.connect(self._choice_changed)
        self.confirm_check.toggled.connect(self._choice_changed)
        self._choice_changed()

    # -- what the user chose -------------------------------------------------------------

    @property
    def chosen(self) -> UpdatePreview:
        """The update to run: the free alternative when chosen, else the planned one."""
        if self._choice.free_preview is not None and self.free_option.isChecked():
            return self._choice.free_preview
        return self._choice.preview

    @property
    def confirm_paid(self) -> bool:
        """True only when the chosen update is paid and the user confirmed the new license key."""
        return self.chosen.paid and self.confirm_check.isChecked()

    # -- building ------------------------------------------------------------------------

    def _start_text(self) -> str:
        preview = self._choice.preview
        if preview.is_fresh_install:
            return self.tr("Install")
        if preview.is_downgrade:
            return self.tr("Reinstall")
        return self.tr("Update")

    def _fill_paid(self, preview: UpdatePreview) -> None:
        paid_release = preview.paid_release or preview.release
        self.paid_text.setText(
            self.tr(
                "<b>{target} is a paid upgrade.</b> Updating to or past {paid} needs a new module license key "
                "for this PBX; without it the module does not run licensed after the update. "
                "Order the key from the vendor first."
            ).format(target=release_label(preview.release), paid=release_label(paid_release))
        )
        free = self._choice.free_preview
        if free is not None:
            self.free_option.setText(
                self.tr("Stay on {free}, the newest free release (no new license key needed)").format(
                    free=release_label(free.release)
                )
            )
            self.free_option.setChecked(True)
        else:
            # Nothing to choose between: the confirmation below is the decision.
            self.free_option.hide()
            self.paid_option.hide()
            self.paid_option.setChecked(True)
        self.paid_option.setText(
            self.tr("Update to {target} (paid: new module license key)").format(target=release_label(preview.release))
        )

    def _choice_changed(self) -> None:
        preview = self.chosen
        paid_chosen = preview.paid
        self.confirm_check.setEnabled(paid_chosen)
        self.start_button.setEnabled(not paid_chosen or self.confirm_check.isChecked())
        self._fill_preview(preview)

    def _fill_preview(self, preview: UpdatePreview) -> None:
        target = release_label(preview.release)
        date = format_date(preview.release.date)
        if preview.is_fresh_install:
            self.heading.setText(
                self.tr(
                    "<b>{module}</b> is installed on <b>{pbx}</b>: a new module instance is created and activated."
                ).format(module=self._choice.module_name, pbx=preview.pbx_name)
            )
            self.target_label.setText(
                target if not date else self.tr("{release} of {date}").format(release=target, date=date)
            )
        else:
            installed = f"v{preview.from_version}"
            self.heading.setText(
                self.tr(
                    "<b>{module}</b> on <b>{pbx}</b>: the settings are backed up first, then the module is "
                    "uploaded, the settings restored and the instances activated again. If a step fails, "
                    "the previous version is put back."
                ).format(module=self._choice.module_name, pbx=preview.pbx_name)
            )
            text = self.tr("{installed} → {release}").format(installed=installed, release=target)
            if date:
                text = self.tr("{change} (released {date})").format(change=text, date=date)
            self.target_label.setText(text)
        if preview.is_nfr:
            self.build_label.setText(self.tr("NFR build for partner PBXs (runs without a module license key)"))
        else:
            self.build_label.setText(self.tr("Standard build"))
        verdicts = {
            Verdict.COMPATIBLE: self.tr("Compatible with STARFACE {version}"),
            Verdict.UNTESTED: self.tr("Untested on STARFACE {version}: the vendor makes no statement"),
            Verdict.INCOMPATIBLE: self.tr("Not compatible with STARFACE {version}"),
        }
        self.compatibility_label.setText(verdicts[preview.verdict].format(version=preview.starface_version))

        self.migration_model.set_instances(preview.instances)
        self._fit_table_height()
        has_instances = bool(preview.instances)
        self.instances_view.setVisible(has_instances)
        if preview.is_fresh_install:
            self.instances_caption.setText(self.tr("The module is not installed yet; no settings exist."))
        elif not has_instances:
            self.instances_caption.setText(self.tr("The module has no instances; no settings need to be restored."))
        elif preview.drops_settings:
            self.instances_caption.setText(
                self.tr(
                    "Settings per instance. Some settings have no place in {release} and are dropped; "
                    "they stay in the backup."
                ).format(release=target)
            )
        else:
            self.instances_caption.setText(self.tr("Settings per instance: every setting is carried over."))
        warnings = self._warnings(preview)
        bullets = [f"• {text}" for text in warnings] if len(warnings) > 1 else warnings
        self.warnings_label.setText("\n".join(bullets))
        self.warnings_label.setVisible(bool(self.warnings_label.text()))

    def _fit_table_height(self) -> None:
        """As tall as its rows (up to a few), so one instance does not leave a large empty box."""
        view = self.instances_view
        view.resizeRowsToContents()
        shown = min(self.migration_model.rowCount(), _MAX_VISIBLE_INSTANCES)
        rows = sum(view.rowHeight(row) for row in range(shown)) or view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth() + 2)

    def _warnings(self, preview: UpdatePreview) -> list[str]:
        warnings = []
        if preview.is_downgrade:
            warnings.append(
                self.tr(
                    "This installs an earlier version over v{installed}; settings are kept as far as "
                    "the earlier version has a place for them."
                ).format(installed=preview.from_version)
            )
        if not preview.rollback_available:
            warnings.append(
                self.tr(
                    "No copy of the installed version is available: if the update fails, the settings are "
                    "restored into the new version instead of going back."
                )
            )
        if preview.verdict is Verdict.UNTESTED:
            warnings.append(
                self.tr("The vendor has not stated that this release works with STARFACE {version}.").format(
                    version=preview.starface_version
                )
            )
        warnings.extend(w for w in preview.warnings if not w.startswith(_KNOWN_WARNING_STARTS))
        return warnings
