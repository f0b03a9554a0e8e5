"""Start the desktop application: the real fleet, or the built-in demo, or a screenshot of it.

``run_gui`` is what ``modmanager`` (without a command) calls. It refuses cleanly where no
display exists instead of letting Qt abort, opens the services (asking for the master
password when there is no keyring), shows the main window and runs the event loop. With
``screenshot`` it waits (bounded) until the fleet is loaded, selects a PBX with updates and
one of its modules (or shows the fleet view, ``view="fleet"``), saves the window as PNG and exits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.gui import i18n, theme
from modmanager.gui.dialogs.password_prompt import master_password_prompt
from modmanager.gui.errors import describe
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.badges import Badge, installed_badges
from modmanager.gui.support import install_error_hooks
from modmanager.gui.tasks import TaskRunner
from modmanager.ops.refresh import FleetStatus
from modmanager.ops.services import Services, open_services
from modmanager.store.paths import secrets_path
from modmanager.store.settings import Settings, load_settings

EXIT_OK = 0
EXIT_FAILED = 1
SCREENSHOT_WAIT_MS = 30_000
"""How long a screenshot waits for the fleet to load before it takes the picture anyway."""
_MASTER_PASSWORD_ATTEMPTS = 3

NO_DISPLAY_MESSAGE = (
    "modmanager: there is no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
    "  To render the demo without a display: QT_QPA_PLATFORM=offscreen modmanager --demo --screenshot out.png\n"
    "  To work without a window, use the command line: modmanager --help"
)


def has_display(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can open a window here; only X11/Wayland systems can lack one."""
    environ = dict(os.environ) if environ is None else environ
    platform = platform or sys.platform
    if platform.startswith(("win", "darwin")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(demo: bool, screenshot: str | None, lang: str | None, view: str = "pbx") -> int:
    """Run the application; returns the process exit code."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return EXIT_FAILED
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("modmanager")
    app.setApplicationDisplayName("modmanager")
    theme.apply(app)
    settings = _settings_for_language()
    i18n.install_translator(app, lang or settings.language)

    runner = TaskRunner(max_concurrency=settings.concurrency, max_reads=settings.read_concurrency)
    session = None
    services: Services | None = None
    remove_error_hooks = install_error_hooks()
    try:
        try:
            if demo:
                from modmanager.demo_start import start_demo

                session = start_demo()
                services = session.services
            else:
                services = open_real_services()
        except ModManagerError as error:
            _report_start_failure(error, quiet=screenshot is not None)
            return EXIT_FAILED
        window = MainWindow(services, runner, demo=demo)
        window.show()
        window.start()
        if screenshot:
            return take_screenshot(window, runner, Path(screenshot), view=view)
        window.show_view(view)
        return int(app.exec())
    finally:
        runner.shutdown()
        remove_error_hooks()
        if session is not None:
            session.stop()
        elif services is not None:
            services.close()


def _settings_for_language() -> Settings:
    """The user's settings (for language and concurrency); defaults if the file is unreadable."""
    try:
        return load_settings()
    except ModManagerError:
        return Settings()


def open_real_services() -> Services:
    """Open the user's data folder; without a keyring, ask for the master password (3 tries)."""
    new = not secrets_path().exists()
    error = ""
    for _attempt in range(_MASTER_PASSWORD_ATTEMPTS):
        answers: list[str] = []
        try:
            return open_services(prompt=_recording(master_password_prompt(new=new, error=error), answers))
        except StoreError as failure:
            if not answers or not answers[-1]:
                raise  # not a password problem, or the user cancelled
            error = describe(failure)[0]
    raise StoreError(code="master_password_wrong_thrice")


def _recording(prompt: Callable[[], str], answers: list[str]) -> Callable[[], str]:
    """``prompt``, remembering its answers: a failure after an answer means a wrong password."""

    def ask() -> str:
        answers.append(prompt())
        return answers[-1]

    return ask


def _report_start_failure(error: ModManagerError, *, quiet: bool) -> None:
    print(f"modmanager: {error.message} {error.hint}".strip(), file=sys.stderr)
    if not quiet:
        message, hint = describe(error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("App", "modmanager cannot start"),
            message,
            QMessageBox.StandardButton.Ok,
        )
        box.setInformativeText(hint)
        box.exec()


def pick_showcase(window: MainWindow) -> tuple[str, str | None] | None:
    """A PBX with updates (most updatable modules) and its most interesting module to show."""
    entries = [entry for entry in window.fleet_model.entries() if entry.snapshot is not None]
    if not entries:
        return None

    def score(entry_index: int) -> tuple[int, int]:
        entry = entries[entry_index]
        assert entry.snapshot is not None
        count = sum(1 for plan in entry.snapshot.plan.modules if plan.target is not None)
        return (entry.status is FleetStatus.UPDATES_AVAILABLE, count)

    best = entries[max(range(len(entries)), key=score)]
    assert best.snapshot is not None
    modules = list(zip(best.snapshot.modules, best.snapshot.plan.modules, strict=True))
    for wanted in (Badge.PAID, Badge.UPDATE):
        for module, plan in modules:
            if wanted in installed_badges(module, plan):
                return best.name, module.id
    return best.name, modules[0][0].id if modules else None


def take_screenshot(window: MainWindow, runner: TaskRunner, path: Path, *, view: str = "pbx") -> int:
    """Wait for the fleet to load, show a PBX with updates and a module's changelog (or the fleet
    view), save a PNG."""
    runner.wait_idle(SCREENSHOT_WAIT_MS)
    window.show_view(view)
    showcase = pick_showcase(window) if view == "pbx" else None
    if showcase is not None:
        pbx, module_id = showcase
        window.fleet_view.select(pbx)
        if module_id is not None:
            window.pbx_page.select_module(module_id)
    window.fleet_view.fit_columns()
    QApplication.processEvents()
    window.scroll_to_selection()
    QApplication.processEvents()
    runner.wait_idle(SCREENSHOT_WAIT_MS)  # the fleet view counts a moment after the last change
    window.fleet_matrix.update_now()
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path), "PNG"):
        print(f"modmanager: the screenshot could not be written to {path}.", file=sys.stderr)
        return EXIT_FAILED
    print(f"modmanager: screenshot saved to {path}")
    return EXIT_OK
