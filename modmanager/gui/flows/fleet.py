"""Work across the fleet: roll the selected module out to many PBXs, check PBXs for a STARFACE upgrade."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from modmanager.gui.controller import Controller
from modmanager.gui.dialogs.readiness_dialog import ReadinessDialog
from modmanager.gui.dialogs.rollout_dialog import RolloutDialog
from modmanager.gui.flows import open_dialog
from modmanager.gui.views.pbx_page import PbxPage


class FleetFlows(QObject):
    """The rollout and readiness dialogs, opened for the current selection.

    Attributes:
        rollout_dialog, readiness_dialog: the dialog open now, if any.
    """

    def __init__(self, window: QWidget, controller: Controller, page: PbxPage) -> None:
        super().__init__(window)
        self._window = window
        self._controller = controller
        self._page = page
        self.rollout_dialog: RolloutDialog | None = None
        self.readiness_dialog: ReadinessDialog | None = None

    def rollout_selected(self) -> RolloutDialog | None:
        """Roll the selected module out to many PBXs: plan, look at the stages, start."""
        row = self._page.selected_installed()
        if row is None:
            return None
        dialog = RolloutDialog(self._window, self._controller, row.module.id, row.display_name, row.catalog)
        self.rollout_dialog = dialog

        def closed(_result: int) -> None:
            self.rollout_dialog = None

        return open_dialog(dialog, closed)

    def check_readiness(self) -> ReadinessDialog:
        """Can the selected PBX (or all, or one customer's) move to a newer STARFACE?"""
        dialog = ReadinessDialog(self._window, self._controller, pbx=self._page.current)
        self.readiness_dialog = dialog

        def closed(_result: int) -> None:
            self.readiness_dialog = None

        return open_dialog(dialog, closed)
