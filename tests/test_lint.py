"""Static checks are part of the suite, so CI holds the code to them: ruff everywhere, mypy
strict on the layers below the front ends and on the GUI (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "modmanager", "tests", "bench", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_core_adapters_use_cases_and_gui() -> None:
    result = run_tool(
        "mypy",
        "--no-error-summary",
        "modmanager/core",
        "modmanager/pbx",
        "modmanager/store",
        "modmanager/ops",
        "modmanager/gui",
        "modmanager/agent",
    )
    assert result.returncode == 0, result.stdout + result.stderr
