"""Operations: a short id per operation, an agent owner unique to it, and one operation per PBX
at a time across the workstation - here two threads of one process, an update and a restore
(the pair that used to break each other with 'the lock may have expired')."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.protocol import EntryPoint
from modmanager.ops.backup import backup_module, restore_backup
from modmanager.ops.operation import current_operation, operation, pbx_exclusive, submit
from modmanager.ops.update import prepare_update, run_update
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import raw_call
from modmanager.store.pbxlock import Holder, PbxBusy
from tests.ops.world import B_VALUES, MODULE_A, MODULE_B, PBX, world


def test_nested_operations_share_one_id_and_threads_carry_it(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        assert w.services.agent_owner() == w.services.owner
        with operation("update-all") as outer:
            with operation("update") as inner:
                assert inner is outer
            owner = w.services.agent_owner()
            assert owner == f"{w.services.owner}/op-{outer.op_id}"
            with ThreadPoolExecutor(2) as pool:
                assert submit(pool, current_operation).result() is outer
                assert pool.submit(current_operation).result() is None  # plain submit carries nothing
        with operation("update") as other:
            assert other.op_id != outer.op_id
            assert w.services.agent_owner() != owner


def test_the_lock_is_reentrant_within_one_operation(tmp_path: Path) -> None:
    with world(tmp_path) as w, pbx_exclusive(w.services, PBX, "update-all") as op:
        with pbx_exclusive(w.services, PBX, "update"):
            assert op.holds(PBX)
            assert w.services.pbx_locks.is_held(PBX)
        assert op.holds(PBX)
    assert not w.services.pbx_locks.is_held(PBX)


def agent_lock_text(sim: SimulatedPbx) -> str:
    """What the agent says when a stranger asks for its lock (it names the holder)."""
    try:
        answer: Any = raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="stranger@elsewhere", ttlSeconds=60)
    except Exception as error:  # the agent refuses: its fault text names the owner
        return str(error)
    raw_call(sim, EntryPoint.RELEASE_LOCK, lockToken=answer["lockToken"])
    return ""


def test_an_update_and_a_restore_on_one_pbx_run_one_after_the_other(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        services = w.services
        backup = services.backups.load(backup_module(services, PBX, MODULE_B).backup_id)
        preview = prepare_update(services, PBX, MODULE_A, to_version=130)
        in_backup = threading.Event()
        go_on = threading.Event()
        seen: dict[str, str] = {}

        def gate(stage: str, done: int, total: int) -> None:
            if stage == "backup" and done == 1 and not in_backup.is_set():
                op = current_operation()
                assert op is not None
                seen["owner"] = services.agent_owner()
                seen["op"] = op.op_id
                in_backup.set()
                assert go_on.wait(60)

        def update() -> object:
            with operation("update", wait=0):
                return run_update(services, preview, progress=gate)

        with ThreadPoolExecutor(1) as pool:
            updating = pool.submit(update)
            assert in_backup.wait(60)
            # The agent sees this operation's own owner, not one shared by every thread.
            assert f"{seen['owner']}" in agent_lock_text(w.sim)
            assert seen["owner"].endswith(f"/op-{seen['op']}")

            with pytest.raises(PbxBusy) as refused, operation("restore", wait=0):
                restore_backup(services, backup, PBX)
            assert refused.value.params["op"] == seen["op"] and refused.value.params["kind"] == "update"

            waited_for: list[Holder | None] = []

            def waiting(pbx: str, holder: Holder | None) -> None:
                waited_for.append(holder)
                go_on.set()  # let the update finish now that the restore waits for it

            with operation("restore", on_wait=waiting):
                result = restore_backup(services, backup, PBX)
            assert updating.result(60).to_version == 130  # type: ignore[attr-defined]

        assert [holder.op_id for holder in waited_for if holder] == [seen["op"]]
        assert result.instances == ("Telefonbuch", "Telefonbuch Filiale")
        assert w.module(MODULE_A).version == 130
        values = {inst.name: inst.values for inst in w.module(MODULE_B).instances}
        assert {key: values["Telefonbuch"][key] for key in B_VALUES} == B_VALUES
        assert not services.pbx_locks.is_held(PBX)
        assert agent_lock_text(w.sim) == ""  # both released the agent's lock too
