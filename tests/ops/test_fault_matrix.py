"""No update path loses a module setting: every step x every fault, then recovery.

One simulated PBX and one signed catalog serve a whole matrix; between cases the PBX is put
back by writing its original state to disk and reloading it, and each case gets fresh local
folders (journal, backups, cache) so cases cannot lean on each other. A case previews the
update, arms one fault and runs the transaction; if a journal entry stays open, the PBX comes
back and ``recover`` runs in fresh ``Services`` (another process's view), a second time if the
first recovery fails. Then the PBX must hold the old version intact or the new one with every
setting restored, no journal may be left open and no other workstation may be locked out
for longer than the lock's lifetime.
"""

from __future__ import annotations

import copy
import datetime
import re
import time
import xmlrpc.client
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.protocol import DEFAULT_LOCK_TTL_SECONDS, EntryPoint, FaultCode, auth_token
from modmanager.ops.recovery import recover
from modmanager.ops.services import Services
from modmanager.ops.update import prepare_update, run_update
from modmanager.pbx import client as client_module
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import SimPbx
from modmanager.simulator.testing import TEST_LOGIN, TEST_PASSWORD, raw_call
from modmanager.store.inventory import PbxRecord
from tests.ops.faultcases import (
    LOST,
    NEW_RESTORED,
    OLD_INTACT,
    PREVIEW_STEPS,
    SCENARIOS,
    UPLOAD_ONLY_FAULTS,
    Case,
    Expectation,
    Fault,
    Interceptor,
    arm,
    classify,
    describe,
    expectation,
    fault_fired,
    matrix,
    message_problem,
    missing_needs,
    open_entries,
    preview_matrix,
    reset_pbx,
)
from tests.ops.world import PBX, services_for, world

CLIENT_TIMEOUT = 0.25
"""Seconds the client waits for an answer (loopback answers take milliseconds)."""
HANG_SECONDS = CLIENT_TIMEOUT + 0.25
"""A "timeout" fault hangs longer than the client waits."""
RETRY_PAUSE = 0.02
"""The client's pause before retrying an idempotent call, scaled down like the timeout."""
RECOVERY_ATTEMPTS = 2
CHUNK_BYTES = 1024
"""The simulated agent's maxChunkSize here: test modules are a few KiB, so they go in chunks."""
OTHER_OWNER = "modmanager:kollege@other-workstation"
LASTING_FAULTS = frozenset({Fault.FAIL_ALWAYS, Fault.REFUSE_FROM_HERE})
"""Faults that also hit the rollback; after any other the update must end by itself."""
SECRETS = (TEST_PASSWORD, auth_token(TEST_LOGIN, TEST_PASSWORD))

# What an OperationError of run_update says about where things stand, and the end state it claims.
CLAIMS: tuple[tuple[str, str | None], ...] = (
    ("Nothing was changed", OLD_INTACT),
    ("was put back", OLD_INTACT),
    ("was kept and all supported settings were restored", NEW_RESTORED),
    ("A second attempt installed", NEW_RESTORED),  # a fresh install has no old version to go back to
    ("could not be rolled back yet", None),  # the journal stays open for recovery
    ("could not be finished yet", None),  # a fresh install: nothing to roll back, recovery finishes it
)


@dataclass
class Outcome:
    case: Case
    verdict: str = ""
    claimed: str | None = None
    recoveries: int = 0
    lock_left_to_expire: bool = False
    problems: list[str] = field(default_factory=list)


@dataclass
class Bench:
    """The shared simulated PBX and catalog, and how to open fresh local services on them."""

    sim: SimulatedPbx
    interceptor: Interceptor
    original: SimPbx
    expected: dict[str, Expectation]
    open_services: Callable[[Path], Services]
    folder: Path

    def run(self, cases: list[Case]) -> list[Outcome]:
        outcomes = []
        lock_held = False
        for index, case in enumerate(cases):
            reset_pbx(self.sim, self.interceptor, self.original, drop_lock=lock_held)
            outcome = self._run_case(case, self.folder / f"{index:03d}")
            lock_held = outcome.lock_left_to_expire
            outcomes.append(outcome)
        reset_pbx(self.sim, self.interceptor, self.original)
        return outcomes

    def _run_case(self, case: Case, folder: Path) -> Outcome:
        outcome = Outcome(case)
        services = self.open_services(folder)
        try:
            _update(services, case, outcome, lambda: arm(self.sim, self.interceptor, case, hang_seconds=HANG_SECONDS))
            if not fault_fired(self.sim, self.interceptor, case):
                outcome.problems.append("the armed fault never fired: the case tests nothing")
            _check_journal_needs(services, outcome, "after the update")
            open_ids = open_entries(services.journal)
        finally:
            services.close()

        self.interceptor.disarm()  # the PBX is back (and well) for the recovery and the checks
        self.sim.faults.clear()
        if open_ids and case.fault not in LASTING_FAULTS:
            outcome.problems.append("a one-off fault left the update to a recovery although the PBX was back")
        for op_id in open_ids:
            self._recover(folder, op_id, outcome)

        later = self.open_services(folder)
        try:
            still_open = open_entries(later.journal)
            if still_open:
                outcome.problems.append(f"journal entries left open: {still_open}")
            _check_journal_needs(later, outcome, "at the end")
        finally:
            later.close()

        outcome.verdict = classify(self.sim.state, self.expected[case.scenario.name])
        if outcome.verdict == LOST:
            outcome.problems.append(f"settings LOST: {describe(self.sim.state, case.scenario.module_id)}")
        if outcome.claimed is not None and not outcome.recoveries and outcome.claimed != outcome.verdict:
            outcome.problems.append(f"the outcome claimed {outcome.claimed} but the PBX is {outcome.verdict}")
        _check_lock(self.sim, outcome, may_linger=_lock_may_linger(case))
        return outcome

    def _recover(self, folder: Path, op_id: str, outcome: Outcome) -> None:
        for attempt in range(1, RECOVERY_ATTEMPTS + 1):
            services = self.open_services(folder)  # a new process's view of the same folders
            outcome.recoveries += 1
            try:
                recover(services, op_id)
                return
            except ModManagerError as error:
                _check_message(error, outcome, f"recovery {attempt}")
                _check_journal_needs(services, outcome, f"after recovery attempt {attempt}")
                if attempt == RECOVERY_ATTEMPTS:
                    outcome.problems.append(f"recovery failed {attempt} times: {error.message}")
            except Exception as error:  # anything else is a finding
                outcome.problems.append(f"recovery raised {type(error).__name__}: {error}")
                return
            finally:
                services.close()


@contextmanager
def bench(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Bench]:
    monkeypatch.setattr(client_module, "_BACKOFF_SECONDS", RETRY_PAUSE)
    # Small chunks, so every upload goes through uploadChunk and uploadCommit (a module file
    # would otherwise go up whole with uploadBegin, and those steps could not be hit).
    with world(tmp_path, timeout=CLIENT_TIMEOUT, max_chunk_size=CHUNK_BYTES) as w:
        sim = w.sim
        catalog_dir = tmp_path / "vendor"
        public_key = w.services.settings.catalog_sources[0].public_key

        def open_services(folder: Path) -> Services:
            services = services_for(folder, catalog_dir, public_key, timeout=CLIENT_TIMEOUT)
            if PBX not in {record.name for record in services.inventory.list()}:
                services.inventory.add(PbxRecord(PBX, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
            return services

        original = copy.deepcopy(sim.state)
        expected = {scenario.name: expectation(scenario, original) for scenario in SCENARIOS}
        yield Bench(sim, Interceptor(sim), original, expected, open_services, tmp_path / "cases")


def test_no_update_path_loses_a_module_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = matrix()
    faults_per_step = len(Fault) - len(UPLOAD_ONLY_FAULTS)
    assert all(EntryPoint.UPLOAD_CHUNK in scenario.steps() for scenario in SCENARIOS)
    assert len(cases) == sum(len(s.steps()) * faults_per_step + len(UPLOAD_ONLY_FAULTS) for s in SCENARIOS)
    assert len({case.name for case in cases}) == len(cases)

    started = time.monotonic()
    with bench(tmp_path, monkeypatch) as b:
        outcomes = b.run(cases)

    lost = [outcome for outcome in outcomes if outcome.verdict == LOST]
    verdicts = Counter(outcome.verdict for outcome in outcomes)
    print(
        f"\nfault matrix: {len(outcomes)} cases, {len(lost)} with settings lost "
        f"({verdicts[OLD_INTACT]} old-intact, {verdicts[NEW_RESTORED]} new-restored; "
        f"{sum(1 for o in outcomes if o.recoveries)} finished by recovery, "
        f"{sum(1 for o in outcomes if o.lock_left_to_expire)} left the lock to expire; "
        f"{time.monotonic() - started:.0f} s)"
    )
    assert len(outcomes) == len(cases)
    _assert_no_failures(outcomes)
    assert not lost


def test_faults_while_previewing_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview reads the same entry points first; a fault there must end in a clean error
    (or a retry that worked) and an untouched PBX."""
    scenario = SCENARIOS[0]
    assert scenario.old_spec is not None
    cases = preview_matrix(scenario)
    assert len(cases) == len(PREVIEW_STEPS) * (len(Fault) - len(UPLOAD_ONLY_FAULTS))

    with bench(tmp_path, monkeypatch) as b:
        outcomes = b.run(cases)

    print(
        f"\npreview fault matrix: {len(outcomes)} cases, {sum(o.verdict == LOST for o in outcomes)} with settings lost"
    )
    _assert_no_failures(outcomes)


def _assert_no_failures(outcomes: list[Outcome]) -> None:
    failures = [f"{outcome.case.name}: {'; '.join(outcome.problems)}" for outcome in outcomes if outcome.problems]
    assert not failures, f"{len(failures)} of {len(outcomes)} cases broke the promise:\n" + "\n".join(failures)


def _update(services: Services, case: Case, outcome: Outcome, arm_fault: Callable[[], None]) -> None:
    """Preview, arm, run. Unless the case is about the preview, the fault is armed after it: the
    preview reads the same entry points first, so it would take every read fault itself."""
    scenario = case.scenario
    if case.during_preview:
        arm_fault()
    try:
        preview = prepare_update(services, PBX, scenario.module_id, to_version=scenario.new_spec.version)
    except ModManagerError as error:
        if not case.during_preview:
            raise
        outcome.claimed = OLD_INTACT  # a preview only reads; its errors say what failed
        _check_message(error, outcome, "prepare_update")
        return
    except Exception as error:  # anything else is a finding
        outcome.problems.append(f"prepare_update raised {type(error).__name__}, not a ModManagerError")
        return
    if not case.during_preview:
        arm_fault()
    try:
        run_update(services, preview)
    except OperationError as error:
        _check_message(error, outcome, "run_update")
        claim = next(((text, state) for text, state in CLAIMS if text in error.message), None)
        if claim is None:
            outcome.problems.append(f"run_update's error does not say where things stand: {error.message!r}")
            return
        outcome.claimed = claim[1]
        journal_open = bool(open_entries(services.journal))
        if claim[1] is None and not journal_open:
            outcome.problems.append("the error sends the user to 'recover' but no journal entry is open")
        if claim[1] is not None and journal_open:
            outcome.problems.append("the error says the update ended but its journal entry is still open")
    except Exception as error:  # anything else is a finding
        outcome.problems.append(f"run_update raised {type(error).__name__}, not an OperationError: {error}")
    else:
        outcome.claimed = NEW_RESTORED
        if open_entries(services.journal):
            outcome.problems.append("run_update succeeded but left its journal entry open")


def _check_message(error: ModManagerError, outcome: Outcome, where: str) -> None:
    for text in (error.message, error.hint):
        problem = message_problem(text, SECRETS) if text else None
        if problem:
            outcome.problems.append(f"{where}: {problem}")


def _check_journal_needs(services: Services, outcome: Outcome, when: str) -> None:
    missing = missing_needs(services.journal, services.backups.load, services.sfm_cache.get)
    if missing:
        outcome.problems.append(f"an open journal entry lost what it needs {when}: {', '.join(missing)}")


def _lock_may_linger(case: Case) -> bool:
    """When the lock cannot be given back: releasing it failed, the PBX granted it but the answer
    with the token was lost, or the PBX went away (and no journal brought a recovery back)."""
    return case.step in (EntryPoint.ACQUIRE_LOCK, EntryPoint.RELEASE_LOCK) or case.fault is Fault.REFUSE_FROM_HERE


_LOCKED_BY = re.compile(r"locked by (?P<owner>.+) until (?P<until>\S+)$")


def _check_lock(sim: SimulatedPbx, outcome: Outcome, *, may_linger: bool) -> None:
    """Another workstation can take the lock now - or, where it cannot have been given back, it
    is ours and runs out by itself within the lock's lifetime."""
    try:
        grant = raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner=OTHER_OWNER, ttlSeconds=60, timeout=5)
    except xmlrpc.client.Fault as fault:
        match = _LOCKED_BY.match(fault.faultString)
        if fault.faultCode != FaultCode.LOCKED or match is None:
            outcome.problems.append(f"checking the lock failed: {fault.faultString}")
            return
        until = datetime.datetime.fromisoformat(match["until"].replace("Z", "+00:00")).timestamp()
        ours = match["owner"] != OTHER_OWNER
        runs_out = until <= time.time() + DEFAULT_LOCK_TTL_SECONDS + 5
        if not (ours and runs_out and may_linger):
            outcome.problems.append(f"the PBX stays locked by {match['owner']} until {match['until']}")
        outcome.lock_left_to_expire = True
        return
    raw_call(sim, EntryPoint.RELEASE_LOCK, lockToken=grant["lockToken"], timeout=5)
