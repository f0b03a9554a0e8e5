"""What every GUI test needs: an offscreen Qt, a task runner, a chosen language, screenshots.

Qt warnings fail a test through pytest-qt's ``qt_log_level_fail = "WARNING"`` (pyproject).
Set ``MODMANAGER_GUI_SHOTS=/some/folder`` to have tests that call the ``screenshot`` fixture
save PNGs of what they render, to look at by eye (never into the repository).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from modmanager.demo_start import DemoSession, start_demo
from modmanager.gui import i18n
from modmanager.gui.tasks import TaskRunner

SHOTS_ENV = "MODMANAGER_GUI_SHOTS"
OFFSCREEN_LIMITATIONS = ("This plugin does not support propagateSizeHints",)
"""Warnings of Qt's offscreen platform about features it lacks; not bugs in modmanager."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every other Qt warning in a GUI test fails it (qt_log_level_fail in pyproject)."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITATIONS))


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """The arguments pytest-qt gives the one QApplication of the session."""
    return ["modmanager-tests"]


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoSession]:
    """The demo fleet of simulated PBXs and its services, for one test."""
    session = start_demo(tmp_path / "demo")
    try:
        yield session
    finally:
        session.stop()  # closes the services (and a read helper started for them)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    """A task runner without progress throttling, shut down (and waited for) after the test."""
    task_runner = TaskRunner(max_concurrency=4, progress_interval_s=0.0)
    try:
        yield task_runner
    finally:
        task_runner.shutdown()
        task_runner.deleteLater()


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Run the test once in English and once in German; restores English afterwards."""
    chosen = i18n.install_translator(qapp, request.param)
    try:
        yield chosen
    finally:
        i18n.install_translator(qapp, "en")


@pytest.fixture
def english(qapp: QApplication) -> str:
    """Run the test with the English interface (texts compared against source strings)."""
    return i18n.install_translator(qapp, "en")


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[QWidget, str], None]:
    """``screenshot(widget, name)`` saves a PNG when MODMANAGER_GUI_SHOTS names a folder."""
    folder = os.environ.get(SHOTS_ENV, "").strip()

    def save(widget: QWidget, name: str) -> None:
        if not folder:
            return
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        if not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
            widget.adjustSize()  # dialogs: their natural size; panels keep the size the test gave
        widget.show()
        QApplication.processEvents()
        assert widget.grab().save(str(target / f"{name}.png"))

    return save
