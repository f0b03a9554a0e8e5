"""``modmanager agent export FILE``: the shipped agent module, written where the user wants it."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.protocol import AGENT_MODULE_ID
from modmanager.core.sfm import read_sfm_path
from modmanager.simulator.state import agent_module


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for ``modmanager.agent`` (built by the agent's own build): a real agent .sfm."""
    built = tmp_path / "build" / "modmanager-agent.sfm"
    built.parent.mkdir()
    built.write_bytes(agent_module(200))
    package = types.ModuleType("modmanager.agent")
    package.agent_module_path = lambda: built  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "modmanager.agent", package)
    return built


def test_export_writes_the_agent_module(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "agent.sfm"
    target.parent.mkdir()
    assert run(["agent", "export", str(target)]) == 0
    assert target.read_bytes() == shipped.read_bytes()
    assert read_sfm_path(target).descriptor.id == AGENT_MODULE_ID
    out = capsys.readouterr().out
    assert "modmanager Agent v200" in out and "Modul importieren" in out and "docs/agent-install.en.md" in out


def test_export_into_a_folder_and_never_over_a_file_unasked(
    shipped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert run(["agent", "export", str(folder), "--json"]) == 0
    written = folder / "modmanager-agent.sfm"
    assert written.is_file()
    capsys.readouterr()
    written.write_bytes(b"mine")
    assert run(["agent", "export", str(written)]) == 1
    assert "exists already" in capsys.readouterr().err and written.read_bytes() == b"mine"
    assert run(["agent", "export", str(written), "--force"]) == 0
    assert written.read_bytes() == shipped.read_bytes()


def test_without_a_built_agent_one_sentence_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = types.ModuleType("modmanager.agent")
    missing.agent_module_path = lambda: tmp_path / "nowhere.sfm"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "modmanager.agent", missing)
    assert run(["agent", "export", str(tmp_path / "agent.sfm")]) == 1
    assert capsys.readouterr().err == (
        "modmanager: This installation has no agent module. Build it with 'make setup' in the source folder.\n"
    )
    monkeypatch.setitem(sys.modules, "modmanager.agent", None)  # the package itself is not there
    assert run(["agent", "export", str(tmp_path / "agent.sfm")]) == 1
    assert "make setup" in capsys.readouterr().err
    assert not (tmp_path / "agent.sfm").exists()
