"""One workstation, several processes: a data folder real ``modmanager`` subprocesses share.

The data folder is the project-wide isolated ``MODMANAGER_HOME`` (so an in-process GUI or use
case shares it too); the passwords live in the encrypted-file store under a master password
given to the subprocesses by environment, because they have no keyring. One simulated PBX
(``kunde-a`` of the ops world: module A v126 with a password input, module B v3 with an
internal database).

To overlap two operations without timing, the first one is frozen (SIGSTOP) the moment it
holds the PBX's workstation lock - its record in ``locks/`` names its pid - and thawed
(SIGCONT) when the test is ready.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from modmanager.core.sfmbuild import build_sfm
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import MASTER_PASSWORD_ENV, CredentialStore, ScryptParams, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.paths import HOME_ENV
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_B, PBX, signed_catalog, spec_a, spec_b

MASTER_PASSWORD = "workstation-master-42"
DEADLINE_SECONDS = 60.0

pytestmark = pytest.mark.skipif(os.name != "posix", reason="freezes processes with SIGSTOP")


@dataclass
class Workstation:
    home: Path
    fleet: SimulatorFleet
    tmp_path: Path

    @property
    def sim(self) -> SimulatedPbx:
        return self.fleet.get(PBX)

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env[HOME_ENV] = str(self.home)
        env[MASTER_PASSWORD_ENV] = MASTER_PASSWORD
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the real keyring
        env.pop("QT_QPA_PLATFORM", None)
        return env

    def credentials(self) -> CredentialStore:
        return file_credentials(self.home)

    def start(self, *argv: str) -> subprocess.Popen[str]:
        """``modmanager ARGV`` as a new process on this workstation."""
        return subprocess.Popen(
            [sys.executable, "-m", "modmanager", *argv],
            env=self.env(),
            cwd=self.tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def log(self) -> str:
        return "\n".join(path.read_text(encoding="utf-8") for path in sorted((self.home / "logs").glob("*.log*")))

    def holder_pid(self) -> int | None:
        for record in (self.home / "locks").glob("*.json"):
            try:
                return int(json.loads(record.read_text(encoding="utf-8"))["pid"])
            except (OSError, ValueError, KeyError):
                continue
        return None

    def wait_until(self, condition: str, check: object, process: subprocess.Popen[str] | None = None) -> None:
        """Poll ``check()`` until it is true; fail when ``process`` ended first or the deadline passed."""
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            if check():  # type: ignore[operator]
                return
            if process is not None and process.poll() is not None:
                out, err = process.communicate()
                pytest.fail(f"the process ended before {condition}: {out}\n{err}")
            time.sleep(0.02)
        pytest.fail(f"not within {DEADLINE_SECONDS} s: {condition}")

    @contextmanager
    def frozen_holding_the_pbx(self, process: subprocess.Popen[str]) -> Iterator[None]:
        """Freeze ``process`` once it holds the PBX's workstation lock; thaw it on leaving."""
        self.wait_until("it holds the PBX", lambda: self.holder_pid() == process.pid, process)
        os.kill(process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(process.pid, signal.SIGCONT)


def file_credentials(home: Path) -> CredentialStore:
    return open_credentials(
        backend="file", prompt=lambda: MASTER_PASSWORD, path=home / "secrets.enc", kdf=ScryptParams(log2_n=10)
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=DEADLINE_SECONDS)
    return process.returncode, out, err


@contextmanager
def workstation(tmp_path: Path, home: Path) -> Iterator[Workstation]:
    catalog_dir, public_key = signed_catalog(tmp_path)
    pbx = make_pbx(
        PBX,
        modules=[
            (build_sfm(spec_a(126)), [SimInstance("Weiterleitung Zentrale", True, dict(A_VALUES))]),
            (
                build_sfm(spec_b(3)),
                [
                    SimInstance("Telefonbuch", True, dict(B_VALUES)),
                    SimInstance("Telefonbuch Filiale", False, {"serverUrl": "https://crm-filiale.kunde-a.de"}),
                ],
            ),
        ],
    )
    pbx.modules[MODULE_B].internal_data = B_INTERNAL
    save_settings(Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),)))
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        with Inventory() as inventory:
            inventory.add(PbxRecord(PBX, sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
        credentials = file_credentials(home)
        credentials.set_password(PBX, TEST_LOGIN, TEST_PASSWORD)
        credentials.set_agent_secret(PBX, TEST_AGENT_SECRET)
        yield Workstation(home, fleet, tmp_path)


def update_argv(module_id: str, version: int, *extra: str) -> Sequence[str]:
    return ("update", "--pbx", PBX, "--module", module_id, "--to", str(version), "--yes", *extra)
