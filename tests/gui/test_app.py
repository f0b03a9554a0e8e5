"""Starting the application: no display, the master password, and the demo screenshot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from modmanager.gui import app, i18n
from modmanager.gui.main_window import DEFAULT_SIZE
from modmanager.store.paths import secrets_path


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
        ({}, "darwin", True),
    ],
)
def test_has_display(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert app.has_display(environ, platform) is expected


def test_without_a_display_it_says_how_to_run_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.run_gui(demo=True, screenshot=None, lang=None) == 1
    message = capsys.readouterr().err
    assert "QT_QPA_PLATFORM=offscreen modmanager --demo --screenshot" in message
    assert "Traceback" not in message


def test_the_master_password_is_asked_when_there_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    keyring.set_keyring(fail.Keyring())
    asked: list[tuple[bool, str]] = []
    answers = iter(["erstes-passwort", "falsches-passwort", "erstes-passwort"])

    def prompt(*, new: bool, error: str = "") -> Callable[[], str]:
        asked.append((new, error))
        return lambda: next(answers)

    monkeypatch.setattr(app, "master_password_prompt", prompt)
    services = app.open_real_services()
    services.credentials.set_password("pbx", "0001", "geheim")  # creates the encrypted file
    services.close()
    assert asked == [(True, "")] and secrets_path().is_file()

    services = app.open_real_services()
    assert services.credentials.get_password("pbx", "0001") == "geheim"
    services.close()
    assert asked[1:] == [(False, ""), (False, "The master password is wrong.")]


def test_a_demo_screenshot_is_written(qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "shots" / "main.png"
    try:
        assert app.run_gui(demo=True, screenshot=str(target), lang="en") == 0
    finally:
        i18n.install_translator(qapp, "en")
    image = QImage(str(target))
    assert not image.isNull() and (image.width(), image.height()) == DEFAULT_SIZE
    assert "screenshot saved" in capsys.readouterr().out


def test_view_fleet_renders_the_fleet_view(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from modmanager.cli.main import run
    from modmanager.core.matrix import CellState
    from modmanager.gui.models.matrix import state_color

    target = tmp_path / "fleet.png"
    try:
        assert run(["--demo", "--screenshot", str(target), "--view", "fleet", "--lang", "en"]) == 0
    finally:
        i18n.install_translator(qapp, "en")
    image = QImage(str(target))
    assert (image.width(), image.height()) == DEFAULT_SIZE
    # The bar of the fleet's state is drawn in the states' own colours, which the PBX page never uses.
    wanted = {state_color(state).rgb() for state in (CellState.UP_TO_DATE, CellState.FREE_UPDATE)}
    found = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, 260, 2)}
    assert wanted <= found
    assert "screenshot saved" in capsys.readouterr().out
