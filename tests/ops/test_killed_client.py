"""The workstation process dies in the middle of an update: a later process finishes the job.

Each case runs ``modmanager update`` in a real subprocess on a prepared data folder (inventory
with the PBX pinned, the password in the encrypted-file credential store, the catalog in
settings.json), makes one call of the update hang on the simulated PBX and kills the process
with SIGKILL while it waits - so the journal on disk is all that is left. Then
``modmanager recover`` (another new process) must find the entry and bring the PBX to the old
version intact or the new one with every setting restored, close the entry and free the lock.
"""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from modmanager.core.protocol import EntryPoint
from modmanager.simulator.faults import FaultKind, FaultPlan
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import UPLOADS_DIR, SimPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, raw_call
from modmanager.store.credentials import MASTER_PASSWORD_ENV, ScryptParams, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.journal import Journal
from modmanager.store.paths import HOME_ENV
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.ops.faultcases import NEW_RESTORED, OLD_INTACT, SCENARIOS, Scenario, classify, describe, expectation
from tests.ops.world import PBX, world

MASTER_PASSWORD = "killed-client-master"
HANG_SECONDS = 60.0
"""Longer than anything the test waits for: the process is killed while the call hangs."""
DEADLINE_SECONDS = 30.0
OTHER_OWNER = "modmanager:kollege@other-workstation"
SCENARIO = {scenario.name: scenario for scenario in SCENARIOS}


@dataclass(frozen=True)
class KillPoint:
    """Where the process dies: the call that hangs, and what the PBX shows once it got that far."""

    name: str
    step: EntryPoint
    after_processing: bool
    reached: Callable[[SimulatedPbx, Scenario], bool]
    journal_step: str
    """The step the journal entry on disk must name."""
    recovered_to: str
    """Recovery takes the shorter way: back while the old version runs, forward once the new one does."""
    drop_chunk_first: bool = False


def _always(sim: SimulatedPbx, scenario: Scenario) -> bool:
    return True


def _holds_part_of_the_file(sim: SimulatedPbx, scenario: Scenario) -> bool:
    return any(part.stat().st_size > 0 for part in (sim.folder / UPLOADS_DIR).glob("*.part"))


def _new_version_runs(sim: SimulatedPbx, scenario: Scenario) -> bool:
    return sim.state.modules[scenario.module_id].version == scenario.new_spec.version


def _an_instance_is_active(sim: SimulatedPbx, scenario: Scenario) -> bool:
    return _new_version_runs(sim, scenario) and any(
        inst.active for inst in sim.state.modules[scenario.module_id].instances
    )


def _instance_created(sim: SimulatedPbx, scenario: Scenario) -> bool:
    module = sim.state.modules.get(scenario.module_id)
    return module is not None and bool(module.instances)


KILL_POINTS = (
    KillPoint("before-upload", EntryPoint.UPLOAD_BEGIN, False, _always, "upload", OLD_INTACT),
    KillPoint("mid-upload", EntryPoint.UPLOAD_STATUS, False, _holds_part_of_the_file, "upload", OLD_INTACT, True),
    KillPoint("right-after-install", EntryPoint.INSTALL_UPLOADED, True, _new_version_runs, "install", NEW_RESTORED),
    KillPoint("during-import", EntryPoint.IMPORT_CONFIG, False, _new_version_runs, "install", NEW_RESTORED),
    KillPoint(
        "during-activation", EntryPoint.SET_INSTANCE_ACTIVE, True, _an_instance_is_active, "install", NEW_RESTORED
    ),
)

CREATED_INSTANCE = KillPoint(
    "right-after-create-instance", EntryPoint.CREATE_INSTANCE, True, _instance_created, "install", NEW_RESTORED
)
"""A fresh install's new instance exists but never got the off/on cycle it needs to show its UI."""

CASES = [
    *(pytest.param(point, SCENARIO["internal-db"], id=f"internal-db-{point.name}") for point in KILL_POINTS),
    pytest.param(KILL_POINTS[2], SCENARIO["no-internal-db"], id="no-internal-db-right-after-install"),
    pytest.param(CREATED_INSTANCE, SCENARIO["fresh-install"], id="fresh-install-right-after-create-instance"),
]


@pytest.mark.parametrize(("point", "scenario"), CASES)
def test_update_killed_at_a_step_is_finished_by_a_later_process(
    tmp_path: Path, point: KillPoint, scenario: Scenario
) -> None:
    with world(tmp_path, max_chunk_size=1024) as w:  # in chunks, so the upload can be cut in the middle
        sim = w.sim
        original: SimPbx = copy.deepcopy(sim.state)
        home = _data_folder(
            tmp_path / "home", sim, tmp_path / "vendor", w.services.settings.catalog_sources[0].public_key
        )
        env = _environment(home)

        _arm(sim.faults, point)
        update = subprocess.Popen(
            [sys.executable, "-m", "modmanager", "update", "--pbx", PBX, "--module", scenario.module_id,
             "--to", str(scenario.new_spec.version), "--yes"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            _wait_until_stuck(sim, point, scenario, update)
        finally:
            update.send_signal(signal.SIGKILL)
            _, stderr = update.communicate(timeout=DEADLINE_SECONDS)
        assert update.returncode == -signal.SIGKILL, stderr.decode(errors="replace")

        (entry,) = Journal(home / "journal").unfinished()  # found on disk by a new process
        assert (entry.pbx_name, entry.module_id, entry.to_version) == (
            PBX,
            scenario.module_id,
            scenario.new_spec.version,
        )
        assert entry.step == point.journal_step

        sim.faults.clear()
        recovery = subprocess.run(
            [sys.executable, "-m", "modmanager", "recover", "--op", entry.op_id, "--yes"],
            env=env, cwd=tmp_path, capture_output=True, timeout=DEADLINE_SECONDS,
        )  # fmt: skip
        output = recovery.stdout.decode() + recovery.stderr.decode()
        assert recovery.returncode == 0, output
        assert TEST_PASSWORD not in output and MASTER_PASSWORD not in output

        assert Journal(home / "journal").unfinished() == [], "the recovered entry must be closed"
        verdict = classify(sim.state, expectation(scenario, original))
        assert verdict == point.recovered_to, describe(sim.state, scenario.module_id)
        grant = raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner=OTHER_OWNER, ttlSeconds=60)
        raw_call(sim, EntryPoint.RELEASE_LOCK, lockToken=grant["lockToken"])


def _data_folder(home: Path, sim: SimulatedPbx, catalog_dir: Path, public_key: str) -> Path:
    """A workstation's data folder as 'modmanager pbx add' and the settings would leave it."""
    home.mkdir(mode=0o700)
    save_settings(
        Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),)), home / "settings.json"
    )
    with Inventory(home / "inventory.sqlite3") as inventory:
        inventory.add(PbxRecord(PBX, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
    # No keyring in the subprocess: the encrypted file, cheap to open (its own scrypt cost).
    credentials = open_credentials(
        backend="file", prompt=lambda: MASTER_PASSWORD, path=home / "secrets.enc", kdf=ScryptParams(log2_n=10)
    )
    credentials.set_password(PBX, TEST_LOGIN, TEST_PASSWORD)
    credentials.set_agent_secret(PBX, TEST_AGENT_SECRET)
    return home


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env[HOME_ENV] = str(home)
    env[MASTER_PASSWORD_ENV] = MASTER_PASSWORD
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the real keyring
    return env


def _arm(faults: FaultPlan, point: KillPoint) -> None:
    if point.drop_chunk_first:
        faults.drop_mid_upload()  # half the file reaches the PBX, then the client asks where to go on
    faults.timeout_on(point.step, seconds=HANG_SECONDS, after_processing=point.after_processing)


def _wait_until_stuck(
    sim: SimulatedPbx, point: KillPoint, scenario: Scenario, process: subprocess.Popen[bytes]
) -> None:
    """Until the step's call hangs on the PBX (and, for 'after processing', took effect)."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        hanging = any(f.kind is FaultKind.TIMEOUT and f.entry_point == point.step for f in sim.faults.fired)
        if hanging and point.reached(sim, scenario):
            return
        if process.poll() is not None:
            _, stderr = process.communicate()
            pytest.fail(f"the update ended before reaching {point.step}: {stderr.decode(errors='replace')}")
        time.sleep(0.01)
    pytest.fail(f"the update did not reach {point.step} within {DEADLINE_SECONDS} s")
