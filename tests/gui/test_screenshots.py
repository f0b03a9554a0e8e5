"""scripts/screenshots.py renders every documented screen in both languages, at the size asked for.

Not a pixel comparison: each PNG must exist, hold a real picture (not an empty or tiny image)
and have the size the widget had - the main window exactly the requested size.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
MIN_PNG_BYTES = 8_000
"""A rendered dialog with text is tens of KB; an empty or black picture compresses to a few hundred bytes."""


@pytest.fixture(scope="module")
def screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("modmanager_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def check(shot_path: Path, expected: tuple[int, int]) -> None:
    assert shot_path.is_file(), f"{shot_path.name} was not written"
    assert shot_path.stat().st_size > MIN_PNG_BYTES, f"{shot_path.name} is too small to show anything"
    image = QImage(str(shot_path))
    assert not image.isNull(), f"{shot_path.name} is not a readable PNG"
    assert (image.width(), image.height()) == expected, shot_path.name
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17) for y in range(0, image.height(), 13)}
    assert len(colours) > 4, f"{shot_path.name} is nearly a single colour"


def test_the_docs_screens_are_written_in_both_languages(
    screenshots: ModuleType, qapp: QApplication, tmp_path: Path
) -> None:
    shots = screenshots.capture(tmp_path, ("de", "en"), size=(1280, 800))
    expected = {f"{screen}-{lang}.png" for screen in screenshots.DOC_SCREENS for lang in ("de", "en")}
    assert {shot.path.name for shot in shots} == expected
    assert {path.name for path in tmp_path.glob("*.png")} == expected
    for shot in shots:
        size = (1280, 800) if shot.path.name.startswith("main-window") else shot.size
        check(shot.path, size)
        width, height = shot.size
        assert 300 <= width <= 1280 and 100 <= height <= 800, f"{shot.path.name} has an odd size {shot.size}"


def test_a_review_renders_every_screen_at_the_size_asked_for(
    screenshots: ModuleType, qapp: QApplication, tmp_path: Path
) -> None:
    shots = screenshots.capture(tmp_path, ("en",), size=(1024, 700), review=True)
    names = {shot.path.name for shot in shots}
    for screen in (
        *screenshots.DOC_SCREENS,
        "update-free",
        "update-paid-only",
        "update-nfr",
        "update-install",
        "update-downgrade",
        "update-all-summary",
        "backups-restore-elsewhere",
        "pbx-add-errors",
        "certificate-changed",
        "password-new",
        "available",
        "details-compatibility",
        "rollout-result",
    ):
        assert f"{screen}-1024x700-en.png" in names, screen
    pbx_shots = [shot for shot in shots if shot.path.name.startswith("pbx-") and shot.size == (1024, 700)]
    assert len(pbx_shots) >= 8, "one picture of the main window per demo PBX"
    for shot in shots:
        check(shot.path, shot.size)
