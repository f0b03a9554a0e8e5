"""Staged rollout of one module release across a simulated fleet, over real HTTPS.

The fleet (module A = "Anrufweiterleitung": v120 and v126 for STARFACE 8.X, v126, v130 and
the paid v140 for 9.X; module B = "Telefonbuch-Sync"):

- ``partner-lab``    9.0, NFR server license, A v126 with an inactive instance (the canary)
- ``kunde-alpha``    9.0, A v126 active, B v3
- ``kunde-bravo``    9.0, A v126 active
- ``kunde-current``  9.0, A v130 active
- ``kunde-old``      8.1, A v126 active: no newer release runs on its STARFACE
- ``kunde-older``    8.1, A v120 active: gets v126, the newest release its STARFACE runs
- ``kunde-phonebook`` 9.0, only B
- ``kunde-dark``     unreachable
"""

from __future__ import annotations

import json
import threading
import xmlrpc.client
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from modmanager.catalog.builder import build_catalog
from modmanager.core.catalog import dump_catalog, generate_signing_key, sign_catalog
from modmanager.core.errors import ModManagerError
from modmanager.core.protocol import EntryPoint, License, LicenseKind
from modmanager.core.sfmbuild import build_sfm
from modmanager.ops.rollout import SKIPPED, RolloutEvent, RolloutPlan, plan_rollout, run_rollout
from modmanager.ops.services import Services
from modmanager.ops.update import UpdateResult, prepare_update, run_update
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.state import SimInstance, SimPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.inventory import PbxRecord
from tests.ops.world import A_VALUES, B_VALUES, MODULE_A, MODULE_B, services_for, spec_a, spec_b

NFR_LICENSES = [License(LicenseKind.SERVER), License(LicenseKind.NFR_SERVER)]


def write_fleet_catalog(root: Path) -> tuple[Path, str]:
    """A signed vendor catalog whose v126 build is in both the 8.X and the 9.X folder."""
    a126 = build_sfm(spec_a(126))
    files = {
        "8.X/Anrufweiterleitung_v120.sfm": build_sfm(spec_a(120)),
        "8.X/Anrufweiterleitung_v126.sfm": a126,
        "9.X/Anrufweiterleitung_v126.sfm": a126,
        "9.X/Anrufweiterleitung_v130.sfm": build_sfm(spec_a(130)),
        "9.X/Anrufweiterleitung_v140.sfm": build_sfm(spec_a(140)),
        "9.X/Telefonbuch_v3.sfm": build_sfm(spec_b(3)),
        "9.X/Telefonbuch_v4.sfm": build_sfm(spec_b(4)),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "9.X" / "Anrufweiterleitung_v140.sfm.json").write_text(json.dumps({"paid": True}))
    catalog, _ = build_catalog(root, name="Flottenkatalog")
    private, public = generate_signing_key()
    data = dump_catalog(catalog)
    (root / "catalog.json").write_bytes(data)
    (root / "catalog.json.sig").write_bytes(sign_catalog(data, private))
    return root, public.decode() if isinstance(public, bytes) else public


def a_module(version: int, *, active: bool = True, name: str = "Weiterleitung") -> tuple[bytes, list[SimInstance]]:
    return build_sfm(spec_a(version)), [SimInstance(name, active, dict(A_VALUES))]


def fleet_pbxs() -> list[SimPbx]:
    return [
        make_pbx("partner-lab", modules=[a_module(126, active=False)], licenses=NFR_LICENSES),
        make_pbx("kunde-alpha", modules=[a_module(126), (build_sfm(spec_b(3)), [SimInstance("TB", True, B_VALUES)])]),
        make_pbx("kunde-bravo", modules=[a_module(126)]),
        make_pbx("kunde-current", modules=[a_module(130)]),
        make_pbx("kunde-old", starface="8.1.3.0", modules=[a_module(126)]),
        make_pbx("kunde-older", starface="8.1.3.0", modules=[a_module(120)]),
        make_pbx("kunde-phonebook", modules=[(build_sfm(spec_b(3)), [SimInstance("TB", True, B_VALUES)])]),
        make_pbx("kunde-dark", modules=[a_module(126)], reachable=False),
    ]


@dataclass
class Fleet:
    services: Services
    sims: SimulatorFleet

    def sim(self, name: str) -> SimulatedPbx:
        return self.sims.get(name)

    def version(self, name: str) -> int:
        return self.sim(name).state.modules[MODULE_A].version

    def versions(self) -> dict[str, int]:
        modules = {sim.state.name: sim.state.modules for sim in self.sims.pbxs}
        return {name: installed[MODULE_A].version for name, installed in modules.items() if MODULE_A in installed}


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[Fleet]:
    catalog_dir, public_key = write_fleet_catalog(tmp_path / "vendor")
    with running_fleet(tmp_path, fleet_pbxs()) as sims:
        services = services_for(tmp_path, catalog_dir, public_key, timeout=3.0)
        for sim in sims.pbxs:
            services.inventory.add(PbxRecord(sim.state.name, sim.url, "0001", fingerprint=sim.fingerprint))
            services.credentials.set_password(sim.state.name, "0001", TEST_PASSWORD)
            services.credentials.set_agent_secret(sim.state.name, TEST_AGENT_SECRET)
        try:
            yield Fleet(services, sims)
        finally:
            services.close()


def stage_names(plan: RolloutPlan) -> list[list[str]]:
    return [[target.pbx_name for target in stage] for stage in plan.stages]


def skip_reasons(plan: RolloutPlan) -> dict[str, str]:
    return {target.pbx_name: str(target.reason_skipped or "") for target in plan.skipped}


# --- planning --------------------------------------------------------------------------------------


def test_plan_to_a_release_stages_canary_first_and_names_every_skip(fleet: Fleet) -> None:
    before = fleet.versions()
    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=1, batch_size=2)

    assert stage_names(plan) == [["partner-lab"], ["kunde-alpha", "kunde-bravo"], ["kunde-older"]]
    targets = {target.pbx_name: target for target in plan.targets}
    assert (targets["kunde-alpha"].from_version, targets["kunde-alpha"].to_version) == (126, 130)
    older = targets["kunde-older"]
    assert (older.from_version, older.to_version, older.paid) == (120, 126, False)
    assert "too old for v130" in str(older.note) and "9.0" in str(older.note)
    assert not any(target.paid for target in plan.targets)

    reasons = skip_reasons(plan)
    assert set(reasons) == {"kunde-current", "kunde-old", "kunde-phonebook", "kunde-dark"}
    assert reasons["kunde-current"] == "already on v130"
    assert "STARFACE 8.1.3.0 is too old for v130" in reasons["kunde-old"]
    assert reasons["kunde-phonebook"] == "the module is not installed"
    assert reasons["kunde-dark"].startswith("unreachable")
    assert plan.module_name == "Anrufweiterleitung"
    assert fleet.versions() == before, "planning changes nothing"


def test_plan_without_a_release_takes_the_newest_free_one_and_skips_paid_only(fleet: Fleet) -> None:
    plan = plan_rollout(fleet.services, MODULE_A, pbx_names=["kunde-alpha", "kunde-current", "kunde-older"])

    targets = {target.pbx_name: target for target in plan.targets}
    assert targets["kunde-alpha"].to_version == 130
    assert "v140 is a paid upgrade" in str(targets["kunde-alpha"].note)
    assert targets["kunde-older"].to_version == 126
    assert skip_reasons(plan) == {"kunde-current": "paid upgrade: v140 needs a new module license key"}

    paid = plan_rollout(fleet.services, MODULE_A, pbx_names=["kunde-alpha", "kunde-current"], include_paid=True)
    assert {(target.pbx_name, target.to_version, target.paid) for target in paid.targets} == {
        ("kunde-alpha", 140, True),
        ("kunde-current", 140, True),
    }
    assert paid.skipped == ()


def test_plan_without_canary_cuts_batches_only(fleet: Fleet) -> None:
    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=0, batch_size=3)
    assert stage_names(plan) == [["partner-lab", "kunde-alpha", "kunde-bravo"], ["kunde-older"]]


def test_plan_puts_tagged_partner_pbxs_first_and_leaves_out_interrupted_ones(fleet: Fleet) -> None:
    inventory = fleet.services.inventory
    inventory.update(replace(inventory.get("kunde-bravo"), tags=("Partner", "berlin")))
    fleet.services.journal.begin(
        pbx_name="kunde-alpha",
        module_id=MODULE_B,
        module_name="Telefonbuch-Sync",
        from_version=3,
        to_version=4,
        backup_id=None,
        target_sha256="0" * 64,
        previous_sha256=None,
    )

    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=2, batch_size=5)

    assert stage_names(plan) == [["partner-lab", "kunde-bravo"], ["kunde-older"]], "idle before active"
    assert "run 'modmanager recover' first" in skip_reasons(plan)["kunde-alpha"]


def test_a_pbx_that_changed_since_the_plan_is_left_alone(fleet: Fleet) -> None:
    plan = plan_rollout(fleet.services, MODULE_A, pbx_names=["kunde-bravo"], to_version=130)
    run_update(fleet.services, prepare_update(fleet.services, "kunde-bravo", MODULE_A, to_version=130))
    fleet.sim("kunde-bravo").faults.fail(EntryPoint.UPLOAD_BEGIN, times=None)  # would fail any new upload

    outcome = run_rollout(fleet.services, plan)

    ((target, error),) = outcome.failed
    assert target.pbx_name == "kunde-bravo" and error.code == "rollout_changed_since_plan"
    assert "Nothing was changed" in error.message
    assert fleet.sim("kunde-bravo").faults.fired == []
    assert fleet.version("kunde-bravo") == 130


def test_plan_refuses_a_release_the_catalog_does_not_have(fleet: Fleet) -> None:
    with pytest.raises(ModManagerError, match="no release 999"):
        plan_rollout(fleet.services, MODULE_A, to_version=999)


# --- running ---------------------------------------------------------------------------------------


Event = tuple[str, int, str]


def recorder() -> tuple[list[Event], Callable[[str, int, RolloutEvent], None]]:
    events: list[Event] = []

    def on_event(pbx: str, stage: int, outcome: RolloutEvent) -> None:
        if isinstance(outcome, UpdateResult):
            events.append((pbx, stage, "ok"))
        else:
            events.append((pbx, stage, "failed" if isinstance(outcome, ModManagerError) else outcome))

    return events, on_event


def test_a_failure_stops_the_rollout_after_its_stage_and_rolls_that_pbx_back(fleet: Fleet) -> None:
    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=1, batch_size=2)
    fleet.sim("kunde-alpha").faults.fail(EntryPoint.IMPORT_CONFIG, times=1)
    events, on_event = recorder()

    outcome = run_rollout(fleet.services, plan, max_failures=1, on_event=on_event)

    assert sorted(events) == [
        ("kunde-alpha", 1, "failed"),
        ("kunde-bravo", 1, "ok"),
        ("kunde-older", 2, SKIPPED),
        ("partner-lab", 0, "ok"),
    ]
    assert [target.pbx_name for target, _ in outcome.failed] == ["kunde-alpha"]
    assert "previous version v126 was put back" in outcome.failed[0][1].message
    assert [target.pbx_name for target in outcome.not_started] == ["kunde-older"]
    assert not outcome.complete
    assert fleet.version("partner-lab") == 130 and fleet.version("kunde-bravo") == 130
    assert fleet.version("kunde-older") == 120, "a later stage is never touched after the stop"
    (instance,) = fleet.sim("kunde-alpha").state.modules[MODULE_A].instances
    assert fleet.version("kunde-alpha") == 126 and instance.values == A_VALUES and instance.active
    assert fleet.sim("kunde-alpha").state.modules[MODULE_B].version == 3
    assert fleet.services.journal.unfinished() == []


def test_pbxs_of_one_stage_are_updated_at_the_same_time(fleet: Fleet, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each PBX of the batch holds its lock request until the other one has sent its own."""
    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=1, batch_size=2)
    assert stage_names(plan)[1] == ["kunde-alpha", "kunde-bravo"]
    both_arrived = threading.Barrier(2, timeout=10)
    met: list[str] = []

    def meet_at_lock(sim: SimulatedPbx) -> None:
        original = sim.handle_request

        def handle(auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
            _, method = xmlrpc.client.loads(body)
            if method and method.endswith(f".{EntryPoint.ACQUIRE_LOCK}") and sim.state.name not in met:
                met.append(sim.state.name)
                both_arrived.wait()  # raises BrokenBarrierError (a failed update) if the other never comes
            return original(auth, body, stopped)

        monkeypatch.setattr(sim, "handle_request", handle)

    meet_at_lock(fleet.sim("kunde-alpha"))
    meet_at_lock(fleet.sim("kunde-bravo"))
    events, on_event = recorder()

    outcome = run_rollout(fleet.services, plan, on_event=on_event)

    assert sorted(met) == ["kunde-alpha", "kunde-bravo"]
    assert outcome.complete and not both_arrived.broken
    assert [event[2] for event in events] == ["ok"] * 4
    assert [event[1] for event in events] == [0, 1, 1, 2], "stages run one after another"
    assert fleet.version("kunde-alpha") == 130 and fleet.version("kunde-older") == 126
    (instance,) = fleet.sim("kunde-bravo").state.modules[MODULE_A].instances
    expected = {key: value for key, value in A_VALUES.items() if key != "ringSeconds"}
    assert instance.values == {**expected, "voicemailBox": False} and instance.active


def test_cancelling_keeps_further_pbxs_from_starting(fleet: Fleet) -> None:
    plan = plan_rollout(fleet.services, MODULE_A, to_version=130, canary=1, batch_size=2)
    events, on_event = recorder()

    outcome = run_rollout(fleet.services, plan, on_event=on_event, cancelled=lambda: bool(events))

    assert [target.pbx_name for target in outcome.not_started] == ["kunde-alpha", "kunde-bravo", "kunde-older"]
    assert [result.pbx_name for result in outcome.succeeded] == ["partner-lab"]
    assert fleet.version("kunde-alpha") == 126 and fleet.version("kunde-older") == 120
