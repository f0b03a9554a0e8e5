"""The desktop's start: the stored fleet is painted before ops, the network stack, the keyring
or the planner are loaded; the data folder opens behind the painted window and is attached.

The structure, not the time (see bench/fig_gui_start.py): which modules are loaded at the first
paint of the real entry, and what the window shows and does before the data folder is open.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.fleet_status import FleetStatus
from modmanager.core.protocol import Edition, InstalledModule, SystemInfo
from modmanager.gui.main_window import MainWindow
from modmanager.gui.models.fleet import FleetModel
from modmanager.gui.startup import RunPrompt, Startup, show_stored_fleet
from modmanager.gui.tasks import TaskRunner
from modmanager.ops.services import Services, open_services
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.settings import Settings

WAIT_MS = 20_000
NOT_BEFORE_THE_FIRST_PAINT = (
    "requests",
    "urllib3",
    "cryptography",
    "keyring",
    "ssl",
    "http.client",
    "modmanager.ops.services",
    "modmanager.ops.refresh",
    "modmanager.core.planner",
    "modmanager.core.catalog",
    "modmanager.core.protocol",
    "modmanager.pbx",
    "modmanager.gui.views.pbx_page",
    "modmanager.gui.views.fleet_matrix",
    "modmanager.gui.views.operations",
)
"""What the first paint must not wait for: the network, secrets, planning, the panes not shown."""

# The real entry (modmanager without a command) in a fresh interpreter; at the first paint of the
# main window it writes down the loaded modules and what the PBX list shows, then quits.
_FIRST_PAINT = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

out = sys.argv[1]
app = QApplication(["modmanager"])


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            window = watched.window()
            if isinstance(window, QMainWindow) and not hasattr(self, "done"):
                self.done = True
                entries = window.fleet_model.entries()
                with open(out, "w") as handle:
                    json.dump({
                        "modules": sorted(sys.modules),
                        "shown": [[e.name, str(e.status), e.stored_version] for e in entries],
                        "attached": window.controller.attached,
                    }, handle)
                app.quit()
        return False


watcher = FirstPaint()
app.installEventFilter(watcher)
from modmanager.cli.main import run

run([])
"""


def stored_info(version: str) -> SystemInfo:
    return SystemInfo(
        agent_version="2.0.0", starface_version=version, edition=Edition.APPLIANCE, server_license_key=None,
        hardware_id=None,
    )


def store_fleet() -> list[tuple[str, FleetStatus, str]]:
    """Three PBXs of two customers with stored snapshots and statuses; nothing listens at their addresses."""
    fleet = [
        ("mueller-zentrale", FleetStatus.UPDATES_AVAILABLE, "8.1.0.12"),
        ("mueller-filiale", FleetStatus.UNREACHABLE, "7.3.1.5"),
        ("weber-kanzlei", FleetStatus.UP_TO_DATE, "9.0.0.2"),
    ]
    module = InstalledModule(
        id="4f1c0d6e-0000-4000-8000-000000000001", name="Anrufweiterleitung", vendor="Beispiel GmbH", version=126
    )
    with Inventory() as inventory:
        for number, (name, status, version) in enumerate(fleet):
            customer = "Müller GmbH" if name.startswith("mueller") else "Kanzlei Weber"
            inventory.add(PbxRecord(name, f"https://127.0.0.1:{9 + number}", "0001", customer=customer))
            snapshot = {"info": stored_info(version).to_struct(), "modules": [module.to_struct()]}
            inventory.save_snapshot(name, snapshot, dt.datetime.now(dt.UTC))
            inventory.save_status(name, status.value, "")
    return fleet


def test_the_first_paint_loads_no_network_no_secrets_no_planner_and_shows_the_stored_fleet(
    isolated_state: Path, tmp_path: Path
) -> None:
    fleet = store_fleet()
    out = tmp_path / "first-paint.json"
    env = {
        **os.environ,
        "MODMANAGER_HOME": str(isolated_state),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "MODMANAGER_MASTER_PASSWORD": "nur-fuer-diesen-test",
    }
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(out)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert out.exists(), result.stderr[-2000:]
    painted = json.loads(out.read_text())
    loaded = set(painted["modules"])
    early = sorted(name for name in loaded if name.startswith(NOT_BEFORE_THE_FIRST_PAINT))
    assert early == [], "loaded before the first paint"
    assert painted["attached"] is False, "the data folder opens after the first paint"
    expected = sorted((name, status.value, version) for name, status, version in fleet)
    assert sorted(map(tuple, painted["shown"])) == expected


def test_importing_the_desktop_loads_nothing_of_the_network(tmp_path: Path) -> None:
    code = "import json, sys, modmanager.gui.app; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    loaded = set(json.loads(result.stdout))
    assert sorted(name for name in loaded if name.startswith(NOT_BEFORE_THE_FIRST_PAINT)) == []


def test_the_stored_fleet_shows_before_the_data_folder_is_open(
    qtbot: QtBot, runner: TaskRunner, isolated_state: Path, english: str
) -> None:
    fleet = store_fleet()
    window = MainWindow(None, runner, settings=Settings(), save=lambda _settings: None)
    qtbot.addWidget(window)
    show_stored_fleet(window)
    window.show()
    qtbot.waitExposed(window)

    model = window.fleet_model
    assert sorted(entry.name for entry in model.entries()) == sorted(name for name, _status, _version in fleet)
    for name, status, version in fleet:
        entry = model.entry(name)
        assert entry is not None and entry.status is status and entry.snapshot is None
        assert entry.starface_version == version
        tip = model.index_of(name, FleetModel.COLUMN_STATUS).data(Qt.ItemDataRole.ToolTipRole)
        assert f"STARFACE {version}" in tip
    assert window.fleet_view.proxy.rowCount() == 2, "grouped by customer"
    assert not window.controller.attached and runner.is_idle(), "nothing asked, nothing read"
    actions = window.window_actions
    assert not actions.refresh.isEnabled() and not actions.add_pbx.isEnabled()
    assert actions.search.isEnabled() and actions.quit.isEnabled()
    actions.refresh.trigger()  # F5 before the data folder is open does nothing
    assert runner.is_idle()


def test_the_data_folder_opens_behind_the_painted_window_and_asks_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner, isolated_state: Path, english: str
) -> None:
    store_fleet()
    window = MainWindow(None, runner, settings=Settings(), save=lambda _settings: None)
    qtbot.addWidget(window)
    show_stored_fleet(window)
    asked_on: list[bool] = []
    opened_on: list[bool] = []
    failures: list[ModManagerError] = []

    def prompt() -> str:
        asked_on.append(threading.current_thread() is threading.main_thread())
        return "geheim"

    def open_them(run_prompt: RunPrompt) -> Services:
        opened_on.append(threading.current_thread() is threading.main_thread())
        assert run_prompt(prompt) == "geheim"
        return open_services()

    startup = Startup(runner, open_them, failures.append)
    try:
        startup.open_after_paint(window)
        window.show()
        qtbot.waitUntil(lambda: window.controller.attached, timeout=WAIT_MS)
        assert opened_on == [False] and asked_on == [True], "opened on a worker, asked on the GUI thread"
        assert window.pbx_page is not None and window.window_actions.add_pbx.isEnabled()
        assert runner.wait_idle(WAIT_MS)  # the start: recovery, catalogs, every PBX tried
        entries = window.fleet_model.entries()
        assert all(entry.snapshot is not None for entry in entries), "the stored snapshots, planned after the paint"
        assert not any(entry.busy for entry in entries) and failures == []
    finally:
        runner.shutdown()
        startup.close()


def test_a_data_folder_that_cannot_be_opened_is_reported_and_nothing_is_attached(
    qtbot: QtBot, runner: TaskRunner, isolated_state: Path, english: str
) -> None:
    window = MainWindow(None, runner, settings=Settings(), save=lambda _settings: None)
    qtbot.addWidget(window)
    failures: list[ModManagerError] = []

    def refuse(_run_prompt: RunPrompt) -> Services:
        raise StoreError("The secrets file is damaged.", "Restore it from a backup.", code="test_damaged")

    startup = Startup(runner, refuse, failures.append)
    startup.open_after_paint(window)
    window.show()
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert failures[0].code == "test_damaged" and not window.controller.attached


def test_marking_many_pbxs_redraws_once_per_customer(qtbot: QtBot, runner: TaskRunner, english: str) -> None:
    changed = [name for name, _status, _version in store_fleet()]
    window = MainWindow(None, runner, settings=Settings(), save=lambda _settings: None)
    qtbot.addWidget(window)
    show_stored_fleet(window)
    model = window.fleet_model
    notices: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles=(): notices.append((first.row(), last.row())))
    model.update_entries(changed, busy=True)
    assert all(entry.busy for entry in model.entries())
    assert len(notices) == 2, "one notice per customer"
    assert sorted(bottom - top + 1 for top, bottom in notices) == [1, 2]
    model.update_entries(changed, busy=True)
    assert len(notices) == 2, "nothing changed, nothing redrawn"
