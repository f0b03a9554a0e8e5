"""Saving the agent module from the application, and the installation guide it points to."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from modmanager.gui import agent_export
from modmanager.simulator.state import agent_module


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *rest: shown.append(text))
    return shown


def _ship(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    built = tmp_path / "modmanager-agent.sfm"
    built.write_bytes(agent_module(200))
    package = types.ModuleType("modmanager.agent")
    package.agent_module_path = lambda: built  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "modmanager.agent", package)
    return built


def test_saving_writes_the_module_where_the_user_chose(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str], english: str
) -> None:
    built = _ship(tmp_path, monkeypatch)
    chosen = tmp_path / "out" / "agent"  # no suffix typed: .sfm is added
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(chosen), "STARFACE modules (*.sfm)"))
    saved = agent_export.save_agent_module(parent)
    assert saved == chosen.with_name("agent.sfm")
    assert saved.read_bytes() == built.read_bytes()
    assert "Modul importieren" in messages[-1]


def test_cancelling_writes_nothing_and_a_missing_agent_is_said(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str], english: str
) -> None:
    _ship(tmp_path, monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert agent_export.save_agent_module(parent) is None and messages == []
    monkeypatch.setitem(sys.modules, "modmanager.agent", None)
    assert agent_export.save_agent_module(parent) is None
    assert messages == ["This installation of modmanager has no agent module; it was not built."]


def test_a_folder_that_cannot_be_written_is_said_and_leaves_no_partial_file(
    parent: QWidget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str], english: str
) -> None:
    _ship(tmp_path, monkeypatch)
    target = tmp_path / "missing-folder" / "agent.sfm"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    assert agent_export.save_agent_module(parent) is None
    assert "could not be saved" in messages[-1]
    assert not target.exists()


def test_the_installation_guide_exists_in_both_languages() -> None:
    for language in ("de", "en"):
        guide = agent_export.install_guide(language)
        assert guide is not None and guide.name == f"agent-install.{language}.md"
        text = guide.read_text(encoding="utf-8")
        assert "Modul mittels Upload installieren" in text and "Neue Konfiguration" in text
        assert "--agent-secret-stdin" in text
