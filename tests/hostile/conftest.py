"""The hostile-input suite: crafted and special files, hostile PBX text - each case bounded in time.

Every test here gets a timeout (pytest-timeout) unless it sets a tighter one: a case that hangs
(a read on a named pipe, a parser looping) fails instead of stalling CI. The CLI runs in process
(``modmanager.cli.main.run``), as a user would meet it.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from modmanager.cli.main import run
from tests.cli.conftest import cli_world  # noqa: F401  (a simulated fleet for the update cases)

CASE_TIMEOUT_S = 60
"""No hostile case may take longer (most take well under a second)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here) and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(CASE_TIMEOUT_S))


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


Run = Callable[..., Outcome]


@pytest.fixture
def mm(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``mm("backup", "list", stdin="pw\\n")``: modmanager in process; its exit code and output."""

    def invoke(*argv: str, stdin: str = "") -> Outcome:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = run(list(argv))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return invoke


def refused(outcome: Outcome, *words: str) -> str:
    """The outcome is one clear sentence on stderr and exit 1, no traceback; returns the line."""
    assert outcome.code == 1, outcome
    assert "Traceback" not in outcome.err and "Traceback" not in outcome.out, outcome.err
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    line = lines[0]
    assert line.startswith("modmanager: ") and len(line) < 1500, line
    for word in words:
        assert word in line, line
    return line
