"""Two `modmanager update` processes on one PBX: one runs, the other is refused in one clear
line naming it - or, with --wait, runs right after it. Settings survive both ways."""

from __future__ import annotations

import re
from pathlib import Path

from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_PASSWORD
from tests.cli.workstation import MASTER_PASSWORD, finish, update_argv, workstation
from tests.cli.workstation import pytestmark as pytestmark  # POSIX only
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_A, MODULE_B


def assert_module_a_updated_with_its_settings(sim: SimulatedPbx) -> None:
    module = sim.state.modules[MODULE_A]
    assert module.version == 130
    (instance,) = module.instances
    assert instance.active
    assert {key: instance.values[key] for key in A_VALUES if key != "ringSeconds"} == {
        key: value for key, value in A_VALUES.items() if key != "ringSeconds"
    }


def assert_module_b(sim: SimulatedPbx, version: int) -> None:
    module = sim.state.modules[MODULE_B]
    assert module.version == version
    by_name = {instance.name: instance for instance in module.instances}
    assert by_name["Telefonbuch"].active and not by_name["Telefonbuch Filiale"].active
    assert {key: by_name["Telefonbuch"].values[key] for key in B_VALUES} == B_VALUES
    assert module.internal_data == B_INTERNAL


def test_a_second_update_is_refused_naming_the_first_which_finishes(tmp_path: Path, isolated_state: Path) -> None:
    with workstation(tmp_path, isolated_state) as ws:
        first = ws.start(*update_argv(MODULE_A, 130))
        with ws.frozen_holding_the_pbx(first):
            code, out, err = finish(ws.start(*update_argv(MODULE_B, 4)))
        assert code == 1, out + err
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert re.fullmatch(
            r"modmanager: kunde-a is busy: update \"modmanager update --pbx kunde-a --module \S+ --to 130 --yes\" "
            rf"\(op [0-9a-f]{{8}}, pid {first.pid}, since \d\d:\d\d:\d\d\) is changing it on this workstation; "
            r"nothing was changed\. Wait until it has finished, then try again; on the command line, --wait starts "
            r"as soon as it has\.",
            lines[0],
        ), lines[0]
        assert out == ""  # refused before the preview: nothing was even read

        code, out, err = finish(first)
        assert code == 0, out + err
        assert_module_a_updated_with_its_settings(ws.sim)
        assert_module_b(ws.sim, 3)  # untouched
        log = ws.log()
        assert TEST_PASSWORD not in log and MASTER_PASSWORD not in log


def test_with_wait_the_second_update_runs_after_the_first(tmp_path: Path, isolated_state: Path) -> None:
    with workstation(tmp_path, isolated_state) as ws:
        first = ws.start(*update_argv(MODULE_A, 130))
        with ws.frozen_holding_the_pbx(first):
            second = ws.start(*update_argv(MODULE_B, 4, "--wait"))
            waiting = re.compile(rf"\[pid {second.pid} op \S+ kunde-a\] modmanager\.operation: waiting for update ")
            ws.wait_until("the second says whom it waits for", lambda: waiting.search(ws.log()), second)
        first_code, first_out, first_err = finish(first)
        second_code, second_out, second_err = finish(second)
        assert first_code == 0, first_out + first_err
        assert second_code == 0, second_out + second_err
        assert "now runs v4" in second_out
        assert_module_a_updated_with_its_settings(ws.sim)
        assert_module_b(ws.sim, 4)
        assert ws.holder_pid() is None  # both released the PBX
