"""The window refreshing its fleet through the read helper process (:mod:`modmanager.ops.read_worker`):
the helper asks, plans and stores; the window shows each PBX as it arrives and lets it go at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from modmanager.demo_start import DemoSession
from modmanager.gui.main_window import MainWindow
from modmanager.gui.tasks import TaskContext, TaskRunner, TaskState
from modmanager.ops.read_worker import ReadWorker, start_read_worker
from modmanager.ops.refresh import PbxSnapshot
from modmanager.store.inventory import PbxRecord
from tests.gui.test_main_window import open_window

WAIT_MS = 30_000


def with_helper(demo: DemoSession, monkeypatch: pytest.MonkeyPatch) -> tuple[ReadWorker, list[list[str]]]:
    """Start the helper for the demo's services; each list of PBXs it is asked to read is recorded."""
    start_read_worker(demo.services)
    worker = demo.services.fleet_reader
    assert worker is not None
    asked: list[list[str]] = []
    refresh = worker.refresh

    def recorded(records: Sequence[PbxRecord], **kwargs: Any) -> None:
        asked.append([record.name for record in records])
        refresh(records, **kwargs)

    monkeypatch.setattr(worker, "refresh", recorded)
    return worker, asked


def started_window(qtbot: QtBot, runner: TaskRunner, demo: DemoSession) -> MainWindow:
    window = open_window(qtbot, demo, runner, demo=True)
    window.start()
    assert runner.wait_idle(WAIT_MS)
    return window


def test_refresh_all_reads_every_pbx_in_the_helper_and_shows_it(
    qtbot: QtBot, runner: TaskRunner, demo: DemoSession, english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _worker, asked = with_helper(demo, monkeypatch)
    window = started_window(qtbot, runner, demo)
    asked.clear()
    before = dt.datetime.now(dt.UTC)

    window.controller.refresh_all()
    assert runner.wait_idle(WAIT_MS)

    names = window.fleet_model.names()
    assert len(asked) == 1 and sorted(asked[0]) == sorted(names)  # the whole fleet, in one request
    entries = window.fleet_model.entries()
    assert all(not entry.busy for entry in entries)
    unreachable = [entry for entry in entries if entry.snapshot is None or entry.message]
    assert [entry.name for entry in unreachable] == [
        entry.name for entry in entries if entry.message and "cannot be reached" in entry.message
    ]
    assert len(unreachable) >= 1  # the demo has a PBX that cannot be reached
    inventory = demo.services.inventory
    for entry in entries:
        stored = inventory.load_status(entry.name)
        assert stored is not None and stored.updated_at >= before  # stored now, by the helper
        if entry in unreachable:
            assert stored.status == "unreachable"
            continue
        assert isinstance(entry.snapshot, PbxSnapshot) and entry.snapshot.fetched_at >= before
        snapshot = inventory.load_snapshot(entry.name)
        assert snapshot is not None and snapshot[1] == entry.snapshot.fetched_at
        assert stored.status == entry.status.value  # the window's plan agrees with the helper's
    total = len(names)
    assert window.statusBar().currentMessage() == (
        f"Refresh all PBXs: {total - len(unreachable)} of {total} PBXs read, {len(unreachable)} could not be read."
    )


def test_a_change_submitted_on_a_held_pbx_waits_until_the_helper_read_it(
    qtbot: QtBot, runner: TaskRunner, demo: DemoSession, english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _worker, asked = with_helper(demo, monkeypatch)
    window = started_window(qtbot, runner, demo)
    asked.clear()
    controller = window.controller
    names = window.fleet_model.names()
    target = [entry.name for entry in window.fleet_model.entries() if not entry.message][-1]
    for sim in demo.fleet.pbxs:
        sim.faults.latency_ms = 80
    runner.set_max_reads(1)  # the helper reads one PBX after the other
    before = dt.datetime.now(dt.UTC)

    handle = controller.refresh_many(names, title="Refresh these")
    assert handle is not None
    assert set(handle.holds) == set(names)
    assert not runner.is_free(target)
    holds_seen: list[int] = []
    controller.changed.connect(lambda _changes: holds_seen.append(len(handle.holds)))

    seen_by_change: list[dt.datetime | None] = []

    def change(_ctx: TaskContext) -> dt.datetime | None:
        stored = demo.services.inventory.load_snapshot(target)  # on the task's thread, when it starts
        return None if stored is None else stored[1]

    after_change: list[tuple[bool, PbxSnapshot | None]] = []

    def changed(fetched_at: dt.datetime | None) -> None:
        seen_by_change.append(fetched_at)
        entry = window.fleet_model.entry(target)
        assert entry is not None
        after_change.append((entry.busy, entry.snapshot))

    probe = runner.submit(target, "Change the PBX", change, on_success=changed)
    assert probe.state is TaskState.QUEUED  # the fleet read holds the PBX
    assert runner.wait_idle(WAIT_MS)

    assert handle.state is TaskState.SUCCEEDED and handle.holds == ()
    assert asked == [names]
    fetched_at = seen_by_change[0]
    assert fetched_at is not None and fetched_at >= before  # it started after the helper stored the PBX
    busy, snapshot = after_change[0]
    assert not busy and snapshot is not None and snapshot.fetched_at == fetched_at
    assert holds_seen == sorted(holds_seen, reverse=True)  # the PBXs are let go as they arrive
    assert holds_seen and holds_seen[-1] < len(names)
