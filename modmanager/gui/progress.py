"""How the work of ``ops`` shows as progress: update stages as one bar, a rollout's PBXs as they end.

The texts keep the translation context "Controller", where they were first written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from modmanager.core.errors import ModManagerError
from modmanager.gui.tasks import TaskContext

if TYPE_CHECKING:  # types only: the window imports this before ops is loaded
    from modmanager.ops.fleet import PlannedUpdate
    from modmanager.ops.rollout import RolloutEvent

UPDATE_STAGES = ("preflight", "backup", "upload", "install", "restore", "activate", "health")
"""The stages ``ops`` reports for ``run_update`` (see ``ops/update.py``, ``ops/converge.py``), in order.

The bar runs across all of them. ``converge`` also verifies after activating, but reports no
stage for it: a "verify" stage here would leave the bar short of its end on every update.
"""
_STEPS_PER_STAGE = 100


def stage_text(stage: str) -> str:
    """An update step as the progress bar names it."""
    texts = {
        "preflight": QCoreApplication.translate("Controller", "Checking the PBX"),
        "backup": QCoreApplication.translate("Controller", "Backing up settings"),
        "upload": QCoreApplication.translate("Controller", "Uploading the module"),
        "install": QCoreApplication.translate("Controller", "Installing"),
        "restore": QCoreApplication.translate("Controller", "Restoring settings"),
        "activate": QCoreApplication.translate("Controller", "Activating instances"),
        "health": QCoreApplication.translate("Controller", "Checking the module's health"),
    }
    return texts.get(stage, stage)


def update_progress(ctx: TaskContext, prefix: str = "") -> Callable[[str, int, int], None]:
    """An ``ops`` progress callback that reports one bar across every update step."""

    def report(stage: str, done: int, total: int) -> None:
        position = UPDATE_STAGES.index(stage) if stage in UPDATE_STAGES else 0
        share = (done * _STEPS_PER_STAGE // total) if total else 0
        text = stage_text(stage)
        ctx.progress(
            position * _STEPS_PER_STAGE + share,
            len(UPDATE_STAGES) * _STEPS_PER_STAGE,
            f"{prefix}{text}" if prefix else text,
        )

    return report


def update_all_progress(ctx: TaskContext) -> Callable[[PlannedUpdate], Callable[[str, int, int], None]]:
    """For ``ops.fleet.update_all``: one bar per module, its name before the step."""
    return lambda planned: update_progress(ctx, f"{planned.module_name}: ")


def rollout_event_text(outcome: RolloutEvent) -> str:
    """How one PBX of a rollout ended, in a few words."""
    if isinstance(outcome, ModManagerError):
        return QCoreApplication.translate("Controller", "failed")
    if isinstance(outcome, str):
        return QCoreApplication.translate("Controller", "not started")
    return QCoreApplication.translate("Controller", "updated to v{version}").format(version=outcome.to_version)
