"""Edit the tags of several PBXs at once: add tags to all of them, remove tags from all of them.

Tags group PBXs across customers (``wartung``, ``cloud``, ``filiale``); every fleet action can
be limited to them. The dialog only asks; the flow writes the change through
:func:`modmanager.ops.pbxs.retag_pbxs` in the task runner. One PBX's tags can also be typed in
the PBX dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from modmanager.core.tags import split_tags
from modmanager.core.text import clean_text
from modmanager.store.inventory import PbxRecord

_NAMES_SHOWN = 6


class TagsDialog(QDialog):
    """Add tags to and remove tags from the chosen PBXs.

    Args:
        parent: the main window.
        records: the chosen PBXs.
        known_tags: every tag of the fleet, offered when adding.

    After *Apply*, :meth:`added` and :meth:`removed` say what to do.
    """

    def __init__(self, parent: QWidget | None, records: Sequence[PbxRecord], known_tags: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit tags"))
        self._records = list(records)
        names = [clean_text(record.name) for record in self._records]
        shown = ", ".join(names[:_NAMES_SHOWN])
        if len(names) > _NAMES_SHOWN:
            shown = self.tr("{names} and {count} more").format(names=shown, count=len(names) - _NAMES_SHOWN)
        intro = QLabel(self.tr("Tags of {count} PBXs: {names}").format(count=len(names), names=shown))
        intro.setWordWrap(True)

        self.add_combo = QComboBox()
        self.add_combo.setEditable(True)
        self.add_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_combo.addItem("")
        for tag in sorted(known_tags, key=str.casefold):
            self.add_combo.addItem(clean_text(tag), tag)
        editor = self.add_combo.lineEdit()
        if editor is not None:  # always, for an editable combo box
            editor.setPlaceholderText(self.tr("comma-separated, e.g. wartung, berlin"))
        self.add_combo.setMinimumContentsLength(24)

        present: dict[str, int] = {}
        for record in self._records:
            for tag in record.tags:
                present[tag] = present.get(tag, 0) + 1
        self.remove_checks: dict[str, QCheckBox] = {}
        remove_box = QVBoxLayout()
        for tag in sorted(present, key=str.casefold):
            check = QCheckBox(
                self.tr("{tag} ({count} of {total})").format(
                    tag=clean_text(tag), count=present[tag], total=len(self._records)
                )
            )
            remove_box.addWidget(check)
            self.remove_checks[tag] = check
        if not present:
            remove_box.addWidget(QLabel(self.tr("The chosen PBXs have no tags yet.")))

        form = QFormLayout()
        form.addRow(self.tr("Add tags:"), self.add_combo)
        form.addRow(self.tr("Remove tags:"), remove_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_combo.editTextChanged.connect(self._follow)
        for check in self.remove_checks.values():
            check.toggled.connect(self._follow)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._follow()
        self.setMinimumWidth(460)

    def added(self) -> tuple[str, ...]:
        """The tags to add to every chosen PBX."""
        return split_tags(self.add_combo.currentText())

    def removed(self) -> tuple[str, ...]:
        """The tags to remove from every chosen PBX."""
        return tuple(tag for tag, check in self.remove_checks.items() if check.isChecked())

    def names(self) -> list[str]:
        """The chosen PBXs."""
        return [record.name for record in self._records]

    def _follow(self, *_args: object) -> None:
        self.apply_button.setEnabled(bool(self.added() or self.removed()))
