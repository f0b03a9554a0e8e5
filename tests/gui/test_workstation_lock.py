"""A GUI task and a `modmanager update` process on one PBX: whoever comes second is refused
(the command line, in one line naming the GUI task) or waits and says for whom (the GUI task,
and the command line with --wait). Settings survive every way."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from modmanager.gui.controller import Controller
from modmanager.gui.models.fleet import FleetModel
from modmanager.gui.tasks import TaskHandle, TaskRunner, TaskState
from modmanager.ops.services import Services, open_services
from modmanager.ops.update import prepare_update, run_update
from tests.cli.test_workstation_lock import assert_module_a_updated_with_its_settings, assert_module_b
from tests.cli.workstation import Workstation, file_credentials, finish, update_argv, workstation
from tests.ops.world import MODULE_A, MODULE_B, PBX

pytestmark = pytest.mark.skipif(os.name != "posix", reason="freezes processes with SIGSTOP")
WAIT_MS = 60_000


@pytest.fixture
def station(tmp_path: Path, isolated_state: Path) -> Iterator[tuple[Workstation, Services]]:
    with workstation(tmp_path, isolated_state) as ws:
        services = open_services(credentials=file_credentials(ws.home))
        try:
            yield ws, services
        finally:
            services.close()


def test_a_gui_task_waits_for_a_command_line_update_and_says_for_whom(
    qtbot: QtBot, runner: TaskRunner, station: tuple[Workstation, Services], english: str
) -> None:
    ws, services = station
    fleet = FleetModel()
    fleet.set_records(services.inventory.list())
    controller = Controller(services, runner, fleet)
    preview = prepare_update(services, PBX, MODULE_B, to_version=4)
    messages: list[str] = []
    runner.task_progress.connect(lambda _handle, _done, _total, message: messages.append(message))

    cli = ws.start(*update_argv(MODULE_A, 130))
    with ws.frozen_holding_the_pbx(cli):
        handle = controller.run_update(preview, confirm_paid=False)
        qtbot.waitUntil(lambda: any(message.startswith("Waiting") for message in messages), timeout=WAIT_MS)
        waiting = next(message for message in messages if message.startswith("Waiting"))
        assert re.fullmatch(
            rf'Waiting: kunde-a is busy with update "modmanager update .*" \(op [0-9a-f]{{8}}, pid {cli.pid}, '
            r"since \d\d:\d\d:\d\d\)",
            waiting,
        ), waiting
        assert handle.state is TaskState.RUNNING and handle.message == waiting
    code, out, err = finish(cli)
    assert code == 0, out + err
    qtbot.waitUntil(lambda: handle.state.is_final, timeout=WAIT_MS)
    assert handle.state is TaskState.SUCCEEDED, handle.error
    assert runner.wait_idle(WAIT_MS)
    assert_module_a_updated_with_its_settings(ws.sim)
    assert_module_b(ws.sim, 4)


def test_a_command_line_update_is_refused_while_a_gui_task_runs_or_waits_for_it_with_wait(
    qtbot: QtBot, runner: TaskRunner, station: tuple[Workstation, Services], english: str
) -> None:
    ws, services = station
    preview = prepare_update(services, PBX, MODULE_B, to_version=4)
    in_backup = threading.Event()
    go_on = threading.Event()

    def gate(stage: str, done: int, total: int) -> None:
        if stage == "backup" and done == 1 and not in_backup.is_set():
            in_backup.set()
            assert go_on.wait(WAIT_MS / 1000)

    handle: TaskHandle = runner.submit(
        PBX, "Update Telefonbuch-Sync to v4 on kunde-a", lambda ctx: run_update(services, preview, progress=gate)
    )
    try:
        assert in_backup.wait(WAIT_MS / 1000)
        code, out, err = finish(ws.start(*update_argv(MODULE_A, 130)))
        assert code == 1, out + err
        (line,) = err.strip().splitlines()
        assert re.fullmatch(
            r'modmanager: kunde-a is busy: update "Update Telefonbuch-Sync to v4 on kunde-a" '
            rf"\(op [0-9a-f]{{8}}, pid {os.getpid()}, since \d\d:\d\d:\d\d\) is changing it on this workstation; "
            r"nothing was changed\. .*",
            line,
        ), line

        waiting_cli = ws.start(*update_argv(MODULE_A, 130, "--wait"))
        pattern = re.compile(rf"\[pid {waiting_cli.pid} op \S+ kunde-a\] modmanager\.operation: waiting for update ")
        ws.wait_until("the command line waits for the GUI task", lambda: pattern.search(ws.log()), waiting_cli)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: handle.state.is_final, timeout=WAIT_MS)
    assert handle.state is TaskState.SUCCEEDED, handle.error
    code, out, err = finish(waiting_cli)
    assert code == 0, out + err
    assert_module_b(ws.sim, 4)
    assert_module_a_updated_with_its_settings(ws.sim)
