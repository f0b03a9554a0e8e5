"""The workstation-wide per-PBX lock: one holder at a time, named to whoever has to wait,
released by the operating system when the holding process dies."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.store.pbxlock import Holder, PbxBusy, PbxLocks


def test_a_second_operation_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    locks = PbxLocks(tmp_path / "locks")
    with locks.hold("kunde-a", kind="update", op_id="1a2b3c4d", title="modmanager update --pbx kunde-a"):
        holder = locks.holder("kunde-a")
        assert holder is not None
        assert (holder.kind, holder.op_id, holder.pid) == ("update", "1a2b3c4d", os.getpid())
        assert locks.is_held("kunde-a")
        with pytest.raises(PbxBusy) as refused, locks.hold("kunde-a", kind="restore", op_id="99999999"):
            pytest.fail("two operations held one PBX")
        error = refused.value
        assert error.code == "pbx_busy"
        assert "kunde-a is busy" in error.message and "update" in error.message and "1a2b3c4d" in error.message
        assert str(os.getpid()) in error.message
        assert "\n" not in str(error)
        assert error.params["op"] == "1a2b3c4d" and error.params["kind"] == "update"
        with locks.hold("kunde-b", kind="update", op_id="22222222"):  # another PBX is independent
            assert locks.is_held("kunde-b")
    assert not locks.is_held("kunde-a")
    assert locks.holder("kunde-a") is None


def test_a_waiting_operation_hears_whom_it_waits_for_and_runs_after_it(tmp_path: Path) -> None:
    locks = PbxLocks(tmp_path / "locks")
    first_holds = threading.Event()
    second_waits = threading.Event()
    order: list[str] = []
    announced: list[Holder | None] = []

    def first() -> None:
        with locks.hold("kunde-a", kind="update", op_id="aaaaaaaa"):
            first_holds.set()
            assert second_waits.wait(30)
            order.append("first")

    thread = threading.Thread(target=first)
    thread.start()
    assert first_holds.wait(30)

    def waiting(holder: Holder | None) -> None:
        announced.append(holder)
        second_waits.set()

    with locks.hold("kunde-a", kind="restore", op_id="bbbbbbbb", wait=60, on_wait=waiting) as holder:
        order.append("second")
        assert holder.op_id == "bbbbbbbb"
        assert locks.holder("kunde-a") == holder
    thread.join(30)
    assert order == ["first", "second"]
    assert len(announced) == 1 and announced[0] is not None and announced[0].op_id == "aaaaaaaa"


def test_waiting_ends_when_cancelled_or_when_the_time_is_up(tmp_path: Path) -> None:
    locks = PbxLocks(tmp_path / "locks")
    with locks.hold("kunde-a", kind="update", op_id="aaaaaaaa"):
        with (
            pytest.raises(OperationError) as cancelled,
            locks.hold("kunde-a", kind="update", op_id="bbbbbbbb", wait=60, cancelled=lambda: True),
        ):
            pytest.fail("held while cancelled")
        assert cancelled.value.code == "pbx_wait_cancelled"
        with pytest.raises(PbxBusy) as timed_out, locks.hold("kunde-a", kind="update", op_id="cccccccc", wait=0.3):
            pytest.fail("held a busy PBX")
        assert timed_out.value.code == "pbx_busy_timeout"
        assert "aaaaaaaa" in timed_out.value.message


def test_the_lock_of_a_process_that_died_is_free_and_its_record_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "locks"
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from modmanager.store.pbxlock import PbxLocks\n"
        "locks = PbxLocks(Path(sys.argv[1]))\n"
        "with locks.hold('kunde-a', kind='update', op_id='deadbeef'):\n"
        "    print('held', flush=True)\n"
        "    os._exit(9)\n"  # dies holding it: no cleanup runs
    )
    result = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "held", result.stderr
    locks = PbxLocks(folder)
    assert not locks.is_held("kunde-a")
    with locks.hold("kunde-a", kind="recover", op_id="0badc0de"):
        holder = locks.holder("kunde-a")
        assert holder is not None and holder.op_id == "0badc0de"
        assert [item.op_id for item in locks.holders()] == ["0badc0de"]


def test_names_that_differ_only_in_case_share_one_lock(tmp_path: Path) -> None:
    locks = PbxLocks(tmp_path / "locks")
    with (
        locks.hold("Kunde A", kind="update", op_id="aaaaaaaa"),
        pytest.raises(PbxBusy),
        locks.hold("kunde a", kind="update", op_id="bbbbbbbb"),
    ):
        pytest.fail("one PBX held twice")
