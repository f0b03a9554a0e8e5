"""Static checks are part of the suite, so CI holds the code to them: ruff everywhere, mypy
strict on every package of modmanager (configured in pyproject.toml)."""

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


def test_mypy_strict_on_every_package() -> None:
    result = run_tool(
        "mypy",
        "--no-error-summary",
        "modmanager",
    )
    assert result.returncode == 0, result.stdout + result.stderr
