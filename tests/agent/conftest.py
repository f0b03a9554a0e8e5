"""The agent module built from source once per test session (agent/build.sh skips when current)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AGENT_DIR = ROOT / "agent"
BUILT_SFM = AGENT_DIR / "build" / "modmanager-agent.sfm"


@pytest.fixture(scope="session")
def agent_sfm() -> Path:
    """Path of ``agent/build/modmanager-agent.sfm``, built from ``agent/src`` if needed."""
    if shutil.which("javac") is None:
        pytest.fail("javac is missing: run scripts/bootstrap.sh (it installs a JDK) to build the agent module")
    result = subprocess.run(
        ["bash", str(AGENT_DIR / "build.sh")],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return BUILT_SFM
