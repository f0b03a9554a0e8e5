"""Scheduled jobs: adding, claiming what is due (missed windows are not run late), finishing."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.schedules import JobKind, JobState, NewJob, ScheduleStore

T0 = dt.datetime(2025, 6, 13, 20, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        for name in ("a", "b", "c"):
            opened.add(PbxRecord(name, f"https://{name}.example", "0001"))
        yield opened


def test_claim_runs_open_windows_marks_passed_ones_missed_and_leaves_future_ones(inventory: Inventory) -> None:
    store = ScheduleStore(inventory)
    open_now, passed, future = store.add(
        [
            NewJob(JobKind.UPDATE_ALL, "a", T0 - HOUR, T0 + HOUR),
            NewJob(JobKind.BACKUP, "b", T0 - 3 * HOUR, T0 - HOUR),
            NewJob(JobKind.ROLLOUT, "c", T0 + HOUR, T0 + 2 * HOUR, module_id="ABC", to_version=130),
        ]
    )
    assert open_now.batch == passed.batch == future.batch
    assert future.module_id == "abc" and future.to_version == 130
    claim = store.claim_due(T0, "runner-1")
    assert [job.job_id for job in claim.run] == [open_now.job_id]
    assert claim.run[0].state is JobState.RUNNING and claim.run[0].runner == "runner-1"
    assert [job.job_id for job in claim.missed] == [passed.job_id]
    assert store.get(passed.job_id).state is JobState.MISSED
    assert store.get(future.job_id).state is JobState.PENDING
    # A second claim at the same moment gets nothing: the job is taken.
    again = store.claim_due(T0, "runner-2")
    assert again.run == () and again.missed == ()
    done = store.finish(open_now.job_id, JobState.SUCCEEDED, "2 updates", {"updated": 2})
    assert done.state is JobState.SUCCEEDED and done.detail == {"updated": 2} and done.finished_at is not None


def test_two_claims_at_once_never_take_the_same_job(tmp_path: Path) -> None:
    path = tmp_path / "inventory.sqlite3"
    with Inventory(path) as setup:
        for index in range(20):
            setup.add(PbxRecord(f"p{index}", f"https://p{index}.example", "0001"))
        ScheduleStore(setup).add(
            [NewJob(JobKind.BACKUP, f"p{index}", T0 - HOUR, T0 + HOUR) for index in range(20)]
        )
    taken: dict[str, list[str]] = {}
    barrier = threading.Barrier(2)

    def claim(runner: str) -> None:
        with Inventory(path) as own:  # one connection each, like two processes
            barrier.wait()
            taken[runner] = [job.job_id for job in ScheduleStore(own).claim_due(T0, runner).run]

    threads = [threading.Thread(target=claim, args=(name,)) for name in ("r1", "r2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken["r1"]) + len(taken["r2"]) == 20
    assert not set(taken["r1"]) & set(taken["r2"])


def test_duplicates_are_refused_and_running_jobs_cannot_be_removed(inventory: Inventory) -> None:
    store = ScheduleStore(inventory)
    (job,) = store.add([NewJob(JobKind.UPDATE_ALL, "a", T0 - HOUR, T0 + HOUR)])
    with pytest.raises(StoreError, match="already scheduled") as caught:
        store.add([NewJob(JobKind.UPDATE_ALL, "a", T0 - HOUR, T0 + HOUR)])
    assert caught.value.code == "schedule_duplicate"
    store.claim_due(T0, "r")
    with pytest.raises(StoreError, match="running"):
        store.remove(job.job_id)
    interrupted = store.interrupt_running()
    assert [item.state for item in interrupted] == [JobState.INTERRUPTED]
    store.remove(job.job_id)
    assert store.list() == []
    with pytest.raises(StoreError, match="no scheduled job"):
        store.get(job.job_id)


def test_jobs_go_with_their_pbx(inventory: Inventory) -> None:
    store = ScheduleStore(inventory)
    store.add([NewJob(JobKind.BACKUP, "a", T0, T0 + HOUR), NewJob(JobKind.BACKUP, "b", T0, T0 + HOUR)])
    inventory.rename("a", "a2")
    inventory.remove("b")
    assert [job.pbx_name for job in store.list()] == ["a2"]
    assert [job.pbx_name for job in store.list(pbx="a2", states=[JobState.PENDING])] == ["a2"]
