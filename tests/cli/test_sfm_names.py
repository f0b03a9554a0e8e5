"""``sfm inspect`` shows a module's own name, and says which copied names it ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modmanager.cli.main import run
from tests.core.test_sfm_names import COPIED, NAME, copied_module_file


def test_inspect_names_the_module_as_its_vendor_means(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Rufumleitung_Plus_v126.sfm"
    path.write_bytes(copied_module_file("key-child"))
    assert run(["sfm", "inspect", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"{NAME} (version 126)")
    assert "Names:        - (ignored, copied from another module: de: Anrufweiterleitung, en: Call Forwarding)" in text
    assert run(["sfm", "inspect", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["name"], data["names"], data["leftoverNames"]) == (NAME, {}, COPIED)
