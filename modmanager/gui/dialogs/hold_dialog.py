"""Hold or skip: keep a module where it is, or pass over one release - with a reason.

Shows the holds and skips that apply to the selected module on this PBX (its own, its
customer's, the fleet's) with a button to remove one, and a form to add one: hold (this PBX,
the customer's PBXs, every PBX) or skip a newer release. Stored in the inventory and written
to the audit trail; the planner honours them at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.catalog import Release
from modmanager.core.errors import ModManagerError
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.gui.errors import describe_text
from modmanager.gui.models.modules import hold_text
from modmanager.ops.services import Services


class HoldDialog(QDialog):
    """Holds and skips of one module as seen from one PBX.

    Signals:
        changed: a hold or skip was added or removed (the PBX should be planned again).
    """

    changed = Signal()

    def __init__(
        self,
        services: Services,
        pbx: str,
        module_id: str,
        module_name: str,
        installed_version: int,
        newer: list[Release],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.pbx = pbx
        self.module_id = module_id.lower()
        self.module_name = module_name
        self.installed_version = installed_version
        self.customer = services.inventory.get(pbx).customer
        self.setWindowTitle(self.tr("Hold or skip {module}").format(module=module_name))

        self.current = QListWidget()
        self.current.setMaximumHeight(110)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)

        self.hold_radio = QRadioButton(self.tr("Hold at v{version} (no updates)").format(version=installed_version))
        self.skip_radio = QRadioButton(self.tr("Skip one release:"))
        self.hold_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.hold_radio)
        kinds.addButton(self.skip_radio)
        self.release_box = QComboBox()
        for release in newer:
            self.release_box.addItem(release.display_version or f"v{release.version}", release.version)
        self.skip_radio.setEnabled(bool(newer))
        self.release_box.setEnabled(False)
        self.skip_radio.toggled.connect(self.release_box.setEnabled)

        self.scope_box = QComboBox()
        self.scope_box.addItem(self.tr("on this PBX ({pbx})").format(pbx=pbx), HoldScope.PBX)
        if self.customer:
            self.scope_box.addItem(
                self.tr("on every PBX of {customer}").format(customer=self.customer), HoldScope.CUSTOMER
            )
        self.scope_box.addItem(self.tr("on every PBX"), HoldScope.FLEET)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why? Shown with the badge and in the history"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.status = QLabel()
        self.status.setWordWrap(True)

        skip_row = QHBoxLayout()
        skip_row.addWidget(self.skip_radio)
        skip_row.addWidget(self.release_box, 1)
        form = QFormLayout()
        form.addRow(self.tr("What:"), self.hold_radio)
        form.addRow("", skip_row)
        form.addRow(self.tr("Where:"), self.scope_box)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow("", self.add_button)
        current_row = QHBoxLayout()
        current_row.addWidget(self.current, 1)
        current_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("In effect here:")))
        layout.addLayout(current_row)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.reload()

    def holds(self) -> list[Hold]:
        return [
            hold
            for hold in self.services.holds.for_pbx(self.pbx, self.customer)
            if hold.module_id.lower() == self.module_id
        ]

    def reload(self) -> None:
        self.current.clear()
        for hold in self.holds():
            item = QListWidgetItem(hold_text(hold))
            item.setData(Qt.ItemDataRole.UserRole, hold)
            self.current.addItem(item)
        if not self.current.count():
            self.current.addItem(self.tr("No hold or skip."))
        self.remove_button.setEnabled(bool(self.holds()))

    def add(self) -> None:
        scope = HoldScope(self.scope_box.currentData())  # combo data come back as plain str
        target = {HoldScope.PBX: self.pbx, HoldScope.CUSTOMER: self.customer, HoldScope.FLEET: ""}[scope]
        if self.skip_radio.isChecked():
            hold = Hold(HoldKind.SKIP, scope, target, self.module_id, self.release_box.currentData(),
                        self.reason_edit.text(), self.module_name)  # fmt: skip
        else:
            version = self.installed_version if scope is HoldScope.PBX else None
            hold = Hold(HoldKind.HOLD, scope, target, self.module_id, version, self.reason_edit.text(),
                        self.module_name)  # fmt: skip
        self._apply(lambda: self.services.holds.set(hold))

    def remove_selected(self) -> None:
        item = self.current.currentItem()
        hold = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(hold, Hold):
            return
        store = self.services.holds
        self._apply(lambda: store.remove(hold.kind, hold.scope, hold.target, hold.module_id, hold.version))

    def _apply(self, change: Callable[[], object]) -> None:
        try:
            change()
        except ModManagerError as error:
            self.status.setStyleSheet("color: #c92a2a;")
            self.status.setText(describe_text(error))
            return
        self.status.setText("")
        self.reason_edit.clear()
        self.reload()
        self.changed.emit()
