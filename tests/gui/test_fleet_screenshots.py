"""scripts/fleet_screenshots.py renders the fleet view over the demo and a generated fleet, and the import
dialog importing the generated fleet from a CSV file, in both languages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.test_screenshots import check

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fleet_screenshots.py"


@pytest.fixture(scope="module")
def fleet_screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("modmanager_fleet_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_fleet_view_is_rendered_for_the_demo_and_a_generated_fleet(
    fleet_screenshots: ModuleType, qapp: QApplication, tmp_path: Path
) -> None:
    shots = fleet_screenshots.capture(tmp_path, ("de", "en"), size=(1280, 800), count=30)
    names = ("fleet", "fleet-30", "fleet-30-question", "import-30", "import-30-summary")
    expected = {f"{name}-{lang}.png" for name in names for lang in ("de", "en")}
    assert {shot.path.name for shot in shots} == expected
    for shot in shots:
        check(shot.path, shot.size if shot.path.name.startswith("import") else (1280, 800))
        width, height = shot.size
        assert 600 <= width <= 1280 and 400 <= height <= 800, f"{shot.path.name} has an odd size {shot.size}"
