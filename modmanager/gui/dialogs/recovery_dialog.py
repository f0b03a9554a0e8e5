"""Interrupted updates found at start: what happened, where the PBX stands, what to do now.

An update whose journal is still open was cut off (crash, power cut, PBX gone) and could
not be rolled back. For each one the dialog shows what :func:`modmanager.ops.recovery.assess`
found and offers to finish it (resume), go back to the previous version (roll back), or
decide later; the recommendation is preselected.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from modmanager.gui.errors import describe
from modmanager.gui.progress import stage_text
from modmanager.gui.resources import icon
from modmanager.ops.recovery import Assessment, RecoveryAction

_LATER = "later"


def _when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())), QLocale.FormatType.ShortFormat)


class RecoveryDialog(QDialog):
    """One group per interrupted update with Resume / Roll back / Later; read :meth:`choices` after OK."""

    def __init__(self, parent: QWidget | None, assessments: list[Assessment]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Interrupted updates"))
        self._assessments = assessments
        self._groups: list[QButtonGroup] = []
        self.option_buttons: list[dict[str, QRadioButton]] = []

        symbol = QLabel()
        symbol.setPixmap(icon("interrupted").pixmap(40, 40))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        intro = QLabel(
            self.tr(
                "These updates were interrupted and are not finished. Until they are, the module may run "
                "without some of its settings. Choose for each what to do; modmanager recommends the "
                "preselected way."
            )
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(symbol)
        top.addWidget(intro, 1)

        entries = QWidget()
        entries_layout = QVBoxLayout(entries)
        for assessment in assessments:
            entries_layout.addWidget(self._entry_box(assessment))
        entries_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(entries)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Carry out"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.resize(700, 200 + 170 * min(len(assessments), 3))

    def _entry_box(self, assessment: Assessment) -> QGroupBox:
        entry = assessment.entry
        box = QGroupBox(self.tr("{module} on {pbx}").format(module=entry.module_name, pbx=entry.pbx_name))
        start = f"v{entry.from_version}" if entry.from_version is not None else self.tr("not installed")
        lines = [
            self.tr("Update from {start} to v{target}, started {when}, stopped at the step “{step}”.").format(
                start=start, target=entry.to_version, when=_when(entry.started_at), step=self._step_text(entry.step)
            )
        ]
        if not assessment.reachable:
            problem = describe(assessment.error)[0] if assessment.error is not None else assessment.problem
            lines.append(self.tr("The PBX cannot be reached right now: {problem}").format(problem=problem))
        elif assessment.installed_version is None:
            lines.append(self.tr("The module is not installed on the PBX at the moment."))
        else:
            lines.append(self.tr("The PBX runs v{version} now.").format(version=assessment.installed_version))
        facts = QLabel("\n".join(lines))
        facts.setWordWrap(True)

        resume = QRadioButton(
            self.tr("Finish the update (v{target} with the restored settings)").format(target=entry.to_version)
        )
        rollback = QRadioButton(
            self.tr("Roll back to v{start} with the backed-up settings").format(
                start=entry.from_version if entry.from_version is not None else "–"
            )
        )
        later = QRadioButton(self.tr("Decide later (the PBX stays marked as interrupted)"))
        if not assessment.can_roll_back:
            rollback.setEnabled(False)
            rollback.setToolTip(self.tr("No copy of the previous version is available."))
        group = QButtonGroup(box)
        for button in (resume, rollback, later):
            group.addButton(button)
        recommended = resume if assessment.recommended is RecoveryAction.RESUME else rollback
        if not assessment.reachable:
            later.setChecked(True)
        elif recommended.isEnabled():
            recommended.setChecked(True)
        else:
            resume.setChecked(True)
        recommended.setText(self.tr("{option} – recommended").format(option=recommended.text()))
        self._groups.append(group)
        self.option_buttons.append(
            {RecoveryAction.RESUME.value: resume, RecoveryAction.ROLLBACK.value: rollback, _LATER: later}
        )

        layout = QVBoxLayout(box)
        layout.addWidget(facts)
        layout.addWidget(resume)
        layout.addWidget(rollback)
        layout.addWidget(later)
        return box

    def _step_text(self, step: str) -> str:
        """A journal step as the progress bar names it, not its internal name."""
        if step == "begin":
            return self.tr("Backing up settings")
        return stage_text(step)

    def choices(self) -> list[tuple[Assessment, RecoveryAction]]:
        """The chosen action per interrupted update, leaving out those put off for later."""
        chosen = []
        for assessment, options in zip(self._assessments, self.option_buttons, strict=True):
            if options[RecoveryAction.RESUME.value].isChecked():
                chosen.append((assessment, RecoveryAction.RESUME))
            elif options[RecoveryAction.ROLLBACK.value].isChecked():
                chosen.append((assessment, RecoveryAction.ROLLBACK))
        return chosen
