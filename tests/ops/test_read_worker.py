"""The read helper process: the window's fleet read asked, planned and stored in another process.

Every test starts its own helper (it inherits this test's ``MODMANAGER_HOME``, set by the
project's ``isolated_state`` fixture, and opens that data folder), against simulated PBXs over
real TLS, and reads back what the helper stored with this process's own inventory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import io
import os
import struct
import subprocess
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.errors import ModManagerError, OperationError, PbxError, error_from_json, error_to_json
from modmanager.core.protocol import AGENT_SECRET_VARIABLE, Edition, InstalledModule, InstanceState, SystemInfo
from modmanager.ops import read_worker
from modmanager.ops.operation import operation
from modmanager.ops.read_worker import MAX_FRAME_BYTES, Ended, Read, ReadWorker, snapshot_of
from modmanager.ops.refresh import FleetStatus, PbxSnapshot, cancelled_error, refresh_fleet
from modmanager.ops.services import Services, open_services
from modmanager.simulator.server import SimulatorFleet
from modmanager.simulator.testing import TEST_LOGIN, make_pbx, running_fleet
from modmanager.store.inventory import PbxRecord
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.ops.world import signed_catalog

Unpacked = tuple[Read, FleetStatus | None]


@dataclasses.dataclass
class HelperFleet:
    services: Services
    sims: SimulatorFleet
    worker: ReadWorker

    @property
    def names(self) -> list[str]:
        return [sim.state.name for sim in self.sims.pbxs]

    @property
    def records(self) -> list[PbxRecord]:
        return [self.services.inventory.get(name) for name in self.names]

    def secrets(self) -> list[str]:
        """Every password and agent secret of the fleet (what must never be written anywhere)."""
        return [text for sim in self.sims.pbxs for text in (sim.state.password, sim.agent_secret)]


def password_of(name: str) -> str:
    return f"Pw-{name}-7f3Kq9zR"


def agent_secret_of(name: str) -> str:
    return f"As-{name}-Vb81xLmQ"


@contextmanager
def helper_fleet(tmp_path: Path, count: int, *, latency_ms: int = 0) -> Iterator[HelperFleet]:
    """``count`` simulated PBXs, each with a password and agent secret of its own, in the data
    folder ``MODMANAGER_HOME`` names (the helper opens that one too), and a read helper for them."""
    catalog_dir, public_key = signed_catalog(tmp_path)
    save_settings(Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),)))
    pbxs = [
        make_pbx(name, password=password_of(name), agent_secret=agent_secret_of(name))
        for name in (f"pbx{number:02d}" for number in range(count))
    ]
    with running_fleet(tmp_path, pbxs, latency_ms=latency_ms) as sims:
        services = open_services(client_options={"timeout": 5.0, "retries": 1})
        try:
            for sim in sims.pbxs:
                name = sim.state.name
                services.inventory.add(PbxRecord(name, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
                services.credentials.set_password(name, TEST_LOGIN, sim.state.password)
                services.credentials.set_agent_secret(name, sim.agent_secret)
            worker = ReadWorker(services.credentials, services.client_options)
            services.fleet_reader = worker  # services.close() closes it
            yield HelperFleet(services, sims, worker)
        finally:
            services.close()


def read_through(
    worker: ReadWorker,
    records: list[PbxRecord],
    *,
    workers: int = 8,
    cancelled: Callable[[], bool] | None = None,
    on_each: Callable[[str, Unpacked], None] | None = None,
) -> tuple[dict[str, Unpacked], list[str]]:
    """Refresh in the helper: each PBX's read and status, and every name in the order it ended."""
    results: dict[str, Unpacked] = {}
    order: list[str] = []

    def ended(batch: Ended) -> None:
        unpacked = batch.unpack()
        assert [name for name, _read, _status in unpacked] == list(batch.names)
        for name, read, status in unpacked:
            order.append(name)
            results[name] = (read, status)
            if on_each is not None:
                on_each(name, (read, status))

    worker.refresh(records, on_ended=ended, workers=workers, cancelled=cancelled)
    return results, order


def error_of(read: Read) -> ModManagerError:
    assert isinstance(read, ModManagerError), read
    return read


def facts_of(read: Read) -> tuple[SystemInfo, list[InstalledModule], dt.datetime]:
    assert not isinstance(read, ModManagerError), read
    return read


def helper_pid(worker: ReadWorker) -> int:
    process = worker._process
    assert process is not None and process.poll() is None
    return process.pid


def process_exists(pid: int) -> bool:
    """Whether a process with this id still exists (a zombie not waited for would count)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# --- reading through the helper -----------------------------------------------------------------


def test_every_pbx_ends_once_with_what_a_local_refresh_reads_and_the_helper_stored_it(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 5) as fleet:
        services = fleet.services
        results, order = read_through(fleet.worker, fleet.records)
        assert sorted(order) == sorted(fleet.names)  # every name, each exactly once

        for name in fleet.names:  # what the helper stored, read back with this process's inventory
            read, status = results[name]
            info, modules, fetched_at = facts_of(read)
            stored = services.inventory.load_snapshot(name)
            assert stored is not None
            data, stored_at = stored
            assert stored_at == fetched_at
            assert data["info"] == info.to_struct()
            assert data["modules"] == [module.to_struct() for module in modules]
            stored_status = services.inventory.load_status(name)
            assert stored_status is not None
            assert stored_status.status == FleetStatus.UPDATES_AVAILABLE.value
            assert status is FleetStatus.UPDATES_AVAILABLE

        local = refresh_fleet(services, fleet.names)
        for name in fleet.names:
            read, status = results[name]
            info, modules, fetched_at = facts_of(read)
            here = local[name]
            assert isinstance(here, PbxSnapshot)
            assert (info, tuple(modules)) == (here.info, here.modules)
            # planned again in the window's process: the plan and status a local read gives
            shown, shown_status = snapshot_of(services, name, read, status)
            assert isinstance(shown, PbxSnapshot)
            assert (shown.info, shown.modules, shown.fetched_at) == (info, tuple(modules), fetched_at)
            assert (shown.plan, shown_status) == (here.plan, FleetStatus.UPDATES_AVAILABLE)


def test_an_unreachable_pbx_ends_with_its_error_and_one_without_password_is_not_sent(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 4) as fleet:
        services = fleet.services
        dark, locked_out = fleet.names[1], fleet.names[2]
        fleet.sims.pbxs[1].stop()
        services.credentials.delete_password(locked_out, TEST_LOGIN)

        batches: list[tuple[str, ...]] = []
        results: dict[str, Unpacked] = {}

        def ended(batch: Ended) -> None:
            batches.append(batch.names)
            results.update((name, (read, status)) for name, read, status in batch.unpack())

        fleet.worker.refresh(fleet.records, on_ended=ended, workers=8)

        assert sorted(name for names in batches for name in names) == sorted(fleet.names)
        error = error_of(results[dark][0])
        assert error.code == "unreachable" and isinstance(error, PbxError)
        assert results[dark][1] is FleetStatus.UNREACHABLE
        stored = services.inventory.load_status(dark)
        assert stored is not None and stored.status == FleetStatus.UNREACHABLE.value
        stored_error = error_from_json(stored.detail)
        assert stored_error is not None and stored_error.code == "unreachable"

        # No password to send: the helper fails that PBX and stores why, as a refresh here would.
        refused = error_of(results[locked_out][0])
        assert refused.code == "no_password" and refused.params["pbx"] == locked_out
        assert results[locked_out][1] is FleetStatus.ACCESS_PROBLEM
        stored = services.inventory.load_status(locked_out)
        assert stored is not None and stored.status == FleetStatus.ACCESS_PROBLEM.value
        for name in (fleet.names[0], fleet.names[3]):
            assert isinstance(results[name][0], tuple)


def test_a_pbx_without_password_gets_the_status_a_local_refresh_stores(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 2) as fleet:
        services = fleet.services
        here, there = fleet.names
        for name in fleet.names:
            services.credentials.delete_password(name, TEST_LOGIN)

        refresh_fleet(services, [here])  # in this process: the refusal is stored
        stored_here = services.inventory.load_status(here)
        assert stored_here is not None and stored_here.status == FleetStatus.ACCESS_PROBLEM.value

        results, _order = read_through(fleet.worker, [services.inventory.get(there)])
        assert results[there][1] is FleetStatus.ACCESS_PROBLEM
        stored_there = services.inventory.load_status(there)
        assert stored_there is not None and stored_there.status == FleetStatus.ACCESS_PROBLEM.value


def test_after_a_cancel_no_further_pbx_is_read_and_their_stored_status_stays(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 6) as fleet:
        services = fleet.services
        for name in fleet.names:
            services.inventory.save_status(name, FleetStatus.CERTIFICATE_CHANGED.value, "before the refresh")
        for sim in fleet.sims.pbxs:
            sim.faults.latency_ms = 150  # two requests per PBX: each takes a while
        stop = threading.Event()
        results, order = read_through(
            fleet.worker,
            fleet.records,
            workers=1,
            cancelled=stop.is_set,
            on_each=lambda _name, _unpacked: stop.set(),
        )

        assert sorted(order) == sorted(fleet.names)
        first = order[0]
        assert isinstance(results[first][0], tuple) and results[first][1] is FleetStatus.UPDATES_AVAILABLE
        not_read = [name for name in fleet.names if results[name][1] is None]
        assert not_read, "the helper went on reading after the cancel"
        assert len(not_read) >= len(fleet.names) - 3  # at most the PBX under way was read besides the first
        for name in not_read:
            error = error_of(results[name][0])
            assert error.code == cancelled_error(name).code and error.params == {"pbx": name}
            stored = services.inventory.load_status(name)
            assert stored is not None
            assert (stored.status, stored.message) == (FleetStatus.CERTIFICATE_CHANGED.value, "before the refresh")
            assert snapshot_of(services, name, results[name][0], None) == (results[name][0], None)
        read = [name for name in fleet.names if results[name][1] is not None]
        for name in read:
            stored = services.inventory.load_status(name)
            assert stored is not None and stored.status == FleetStatus.UPDATES_AVAILABLE.value


def test_a_cancel_is_sent_even_while_answers_keep_arriving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A poll interval longer than the whole read stands for answers arriving more often than every
    # 0.1 s: the same thing happens with the real interval on a fleet that answers that fast.
    monkeypatch.setattr(read_worker, "_POLL_S", 20.0)
    with helper_fleet(tmp_path, 6) as fleet:
        for sim in fleet.sims.pbxs:
            sim.faults.latency_ms = 100
        stop = threading.Event()
        results, _order = read_through(
            fleet.worker,
            fleet.records,
            workers=1,
            cancelled=stop.is_set,
            on_each=lambda _name, _unpacked: stop.set(),
        )
        assert any(status is None for _read, status in results.values())


def test_a_helper_that_dies_mid_refresh_loses_the_rest_and_the_next_refresh_starts_a_new_one(
    tmp_path: Path,
) -> None:
    with helper_fleet(tmp_path, 4) as fleet:
        worker = fleet.worker
        for sim in fleet.sims.pbxs:
            sim.faults.latency_ms = 300
        worker.start()
        first_pid = helper_pid(worker)

        killed: list[subprocess.Popen[bytes]] = []

        def kill_after_the_first(_name: str, _unpacked: Unpacked) -> None:
            process = worker._process
            if process is not None and process.pid == first_pid:
                process.kill()
                killed.append(process)

        results, order = read_through(worker, fleet.records, workers=1, on_each=kill_after_the_first)
        assert killed

        assert sorted(order) == sorted(fleet.names)
        assert isinstance(results[order[0]][0], tuple)
        lost = [name for name in fleet.names if name != order[0]]
        for name in lost:
            error = error_of(results[name][0])
            assert (error.code, error.params) == ("read_worker_lost", {"pbx": name})
            assert isinstance(error, OperationError)
        assert not process_exists(first_pid)  # killed and waited for

        for sim in fleet.sims.pbxs:
            sim.faults.latency_ms = 0
        again, _order = read_through(worker, fleet.records)
        assert helper_pid(worker) != first_pid
        assert all(status is FleetStatus.UPDATES_AVAILABLE for _read, status in again.values())
        assert set(again) == set(fleet.names)


def test_a_changed_password_is_used_by_the_next_refresh(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 2) as fleet:
        services = fleet.services
        first, _order = read_through(fleet.worker, fleet.records)
        assert all(status is FleetStatus.UPDATES_AVAILABLE for _read, status in first.values())

        # The PBX's password changes and the user enters the new one in the window: the helper's
        # kept client (which logs in with the old one) is replaced.
        changed = fleet.sims.pbxs[0].state
        changed.password = "Pw-changed-Hq2m8Tz4"
        services.credentials.set_password(changed.name, TEST_LOGIN, changed.password)
        second, _order = read_through(fleet.worker, fleet.records)
        assert all(status is FleetStatus.UPDATES_AVAILABLE for _read, status in second.values()), second
        stored = services.inventory.load_status(changed.name)
        assert stored is not None and stored.status == FleetStatus.UPDATES_AVAILABLE.value

        # The password really is what the helper logs in with: changed on the PBX only, it fails.
        changed.password = "Pw-changed-again-Lw4c"
        third, _order = read_through(fleet.worker, fleet.records)
        assert third[changed.name][1] is FleetStatus.ACCESS_PROBLEM
        assert third[fleet.names[1]][1] is FleetStatus.UPDATES_AVAILABLE


def test_a_changed_agent_secret_is_used_by_the_next_refresh(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 1) as fleet:
        name = fleet.names[0]
        first, _order = read_through(fleet.worker, fleet.records)
        assert first[name][1] is FleetStatus.UPDATES_AVAILABLE

        state = fleet.sims.pbxs[0].state
        agent = state.agent
        instance = agent.instance(state.agent_instance) if agent is not None else None
        assert instance is not None
        instance.values[AGENT_SECRET_VARIABLE] = "As-changed-Rk5Tw0pB"
        fleet.services.credentials.set_agent_secret(name, "As-changed-Rk5Tw0pB")
        second, _order = read_through(fleet.worker, fleet.records)
        assert second[name][1] is FleetStatus.UPDATES_AVAILABLE, second


def test_the_helper_logs_under_the_window_operation_and_writes_no_secret(
    tmp_path: Path, isolated_state: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with helper_fleet(tmp_path, 3) as fleet:
        fleet.sims.pbxs[2].stop()  # a failure is logged too
        fleet.worker.start()
        pid = helper_pid(fleet.worker)
        with operation("refresh", title="the window's refresh") as op:
            results, _order = read_through(fleet.worker, fleet.records)
        assert set(results) == set(fleet.names)
        secrets = fleet.secrets()
        fleet.worker.close()  # the helper ends: everything it logged is in the file

    log_file = isolated_state / "logs" / "modmanager.log"
    text = log_file.read_text(encoding="utf-8")
    helper_lines = [line for line in text.splitlines() if f"[pid {pid} " in line]
    assert helper_lines, text
    under_op = [line for line in helper_lines if f"[pid {pid} op {op.op_id} " in line]
    for name in fleet.names:
        assert any(f"refresh {name}:" in line for line in under_op), (name, helper_lines)
    assert any("unreachable" in line for line in under_op)
    captured = capfd.readouterr()
    for secret in secrets:
        assert secret not in text
        assert secret not in captured.out and secret not in captured.err
        assert secret not in caplog.text


def test_close_ends_the_helper_and_leaves_no_pipe_open(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 2) as fleet:
        worker = fleet.worker
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            results, _order = read_through(worker, fleet.records)
            assert len(results) == 2
            process = worker._process
            assert process is not None and process.stdin is not None and process.stdout is not None
            pid = process.pid
            receiver = worker._receiver
            worker.close()
            assert process.returncode == 0  # it ended on its own when its pipe closed
            assert not process_exists(pid)
            assert process.stdin.closed and process.stdout.closed
            assert receiver is not None and not receiver.is_alive()
            del process, receiver
            gc.collect()
        assert [warning for warning in caught if issubclass(warning.category, ResourceWarning)] == []
        with pytest.raises(OperationError) as refused:
            worker.refresh(fleet.records, on_ended=lambda _batch: None, workers=2)
        assert refused.value.code == "read_worker_closed"
        worker.close()  # twice: nothing happens


def test_a_helper_that_died_leaves_no_pipe_open(tmp_path: Path) -> None:
    with helper_fleet(tmp_path, 1) as fleet:
        worker = fleet.worker
        worker.start()
        process = worker._process
        receiver = worker._receiver
        assert process is not None and process.stdin is not None and receiver is not None
        process.kill()
        receiver.join(timeout=10)
        assert not receiver.is_alive()
        assert process.stdin.closed


# --- the frames and batches between the two processes ---------------------------------------------


def sample_read() -> tuple[SystemInfo, list[InstalledModule], dt.datetime]:
    info = SystemInfo("1.4.0", "9.0.1.3", Edition.VM, "SRV-1", None, hostname="pbx.example")
    instances = (InstanceState("Zentrale", True),)
    modules = [InstalledModule("0f6a", "Anrufweiterleitung", "Beispiel GmbH", 126, instances=instances)]
    return info, modules, dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)


def test_ended_packs_and_unpacks_reads_errors_and_cancelled_pbxs() -> None:
    info, modules, fetched_at = sample_read()
    unreachable = PbxError(code="unreachable", params={"url": "https://192.0.2.1:443", "reason": "timed out"})
    damaged: dict[str, Any] = {"v": -1}
    batch = Ended.pack([
        ("a", "ok", (info, tuple(modules), fetched_at), FleetStatus.UPDATES_AVAILABLE.value),
        ("b", "error", error_to_json(unreachable), FleetStatus.UNREACHABLE.value),
        ("c", "error", error_to_json(cancelled_error("c")), ""),
        ("d", "error", damaged, FleetStatus.ACCESS_PROBLEM.value),
    ])
    assert batch.names == ("a", "b", "c", "d")
    a, b, c, d = batch.unpack()

    assert a == ("a", (info, modules, fetched_at), FleetStatus.UPDATES_AVAILABLE)
    assert isinstance(a[1], tuple) and isinstance(a[1][1], list)

    name, error, status = b
    assert name == "b" and isinstance(error, PbxError) and status is FleetStatus.UNREACHABLE
    assert (error.code, error.params, error.message, error.hint) == (
        unreachable.code, unreachable.params, unreachable.message, unreachable.hint
    )

    name, error, status = c
    assert name == "c" and status is None
    assert isinstance(error, OperationError) and (error.code, error.params) == ("refresh_cancelled", {"pbx": "c"})

    name, error, status = d  # what cannot be read back is the helper's loss, never a crash
    assert isinstance(error, OperationError) and (error.code, error.params) == ("read_worker_lost", {"pbx": "d"})


def test_frames_go_through_a_stream_and_an_oversized_or_cut_frame_is_refused() -> None:
    stream = io.BytesIO()
    read_worker._write_frame(stream, ("ended", 7, Ended.pack([])))
    read_worker._write_frame(stream, ("cancel", 7))
    data = stream.getvalue()
    stream.seek(0)
    first = read_worker._read_frame(stream)
    assert first[:2] == ("ended", 7) and first[2] == Ended.pack([])
    assert read_worker._read_frame(stream) == ("cancel", 7)
    assert read_worker._read_frame(stream) is None  # the end of the stream

    with pytest.raises(OSError, match="larger than"):
        read_worker._read_frame(io.BytesIO(struct.pack(">I", MAX_FRAME_BYTES + 1) + b"\x80"))
    assert read_worker._read_frame(io.BytesIO(data[:2])) is None  # cut inside the length
    assert read_worker._read_frame(io.BytesIO(data[:10])) is None  # cut inside the message
    assert read_worker._read_frame(io.BytesIO(b"")) is None
