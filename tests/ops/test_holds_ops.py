"""Holds and skips are honoured by the update preview, update-all and rollouts; recovery and
restore leave audit rows. Real simulated PBXs over HTTPS."""

from __future__ import annotations

from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.core.planner import ModuleStatus
from modmanager.ops.backup import backup_module, restore_backup
from modmanager.ops.fleet import free_updates, update_all
from modmanager.ops.recovery import recover
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.rollout import plan_rollout
from modmanager.ops.update import prepare_update, run_update
from modmanager.store.audit import AuditOutcome
from modmanager.store.inventory import PbxRecord
from tests.ops.test_rollout import Fleet, fleet, skip_reasons  # noqa: F401 - the fixture
from tests.ops.world import MODULE_A, MODULE_B, PBX, world


def test_a_held_module_is_not_offered_and_needs_an_explicit_version(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.holds.set(Hold(HoldKind.HOLD, HoldScope.PBX, PBX, MODULE_A, 126, "Kunde testet erst"))
        snapshot = refresh_pbx(w.services, PBX)
        plans = {plan.module_id: plan for plan in snapshot.plan.modules}
        assert plans[MODULE_A].status is ModuleStatus.HELD
        assert [item.module_id for item in free_updates(snapshot)] == [MODULE_B]
        with pytest.raises(OperationError, match="held on kunde-a") as caught:
            prepare_update(w.services, PBX, MODULE_A)
        assert caught.value.code == "update_held"
        assert prepare_update(w.services, PBX, MODULE_A, to_version=130).release.version == 130

        outcome = update_all(w.services, PBX)
        assert [result.module_id for result in outcome.succeeded] == [MODULE_B]
        assert w.module(MODULE_A).version == 126


def test_a_skipped_release_is_passed_over_for_the_next(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.services.holds.set(Hold(HoldKind.SKIP, HoldScope.FLEET, "", MODULE_A, 130, "Rufumleitung defekt"))
        preview = prepare_update(w.services, PBX, MODULE_A)
        # v130 skipped: the next is the paid v140, and there is no free one below it.
        assert preview.release.version == 140 and preview.paid and preview.free_alternative is None
        snapshot = refresh_pbx(w.services, PBX)
        assert MODULE_A not in [item.module_id for item in free_updates(snapshot)]


def test_rollouts_leave_held_and_skipping_pbxs_out_and_say_why(fleet: Fleet) -> None:  # noqa: F811
    services = fleet.services
    services.inventory.update(
        PbxRecord("kunde-bravo", fleet.sim("kunde-bravo").url, "0001", customer="Bravo AG",
                  fingerprint=fleet.sim("kunde-bravo").fingerprint)
    )  # fmt: skip
    services.holds.set(Hold(HoldKind.HOLD, HoldScope.CUSTOMER, "Bravo AG", MODULE_A, reason="Umzug"))
    services.holds.set(Hold(HoldKind.SKIP, HoldScope.PBX, "kunde-alpha", MODULE_A, 130))
    plan = plan_rollout(services, MODULE_A, to_version=130)
    reasons = skip_reasons(plan)
    assert reasons["kunde-bravo"] == "held for customer Bravo AG: Umzug"
    assert reasons["kunde-alpha"] == "v130 is skipped on this PBX"
    newest = plan_rollout(services, MODULE_A)
    # Without v130 the next release is the paid v140, which a rollout does not take unasked.
    assert skip_reasons(newest)["kunde-alpha"] == "paid upgrade: v140 needs a new module license key"


def test_recovery_and_restore_are_recorded(tmp_path: Path) -> None:
    with world(tmp_path, timeout=2.0) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        w.sim.faults.fail("importConfig", times=None)
        with pytest.raises(OperationError):
            run_update(w.services, preview)
        w.sim.faults.clear()
        (entry,) = w.services.journal.unfinished()
        recover(w.services, entry.op_id)
        backup = backup_module(w.services, PBX, MODULE_B)
        restore_backup(w.services, w.services.backups.load(backup.backup_id), PBX)
        rows = w.services.audit.query()
        summary = [(row.action, row.outcome, row.error_code) for row in rows if row.action != "pbx-added"]
        assert summary == [
            ("update", AuditOutcome.NOT_FINISHED, "agent_internal"),
            ("recovery", AuditOutcome.OK, ""),
            ("restore", AuditOutcome.OK, ""),
        ]
        recovery_row, restore_row = rows[-2], rows[-1]
        assert (recovery_row.from_version, recovery_row.to_version) == (4, 3)
        assert recovery_row.detail["action"] == "rollback"
        assert restore_row.detail["backup"] == backup.backup_id
        assert {item.name for item in restore_row.instances} == {"Telefonbuch", "Telefonbuch Filiale"}
        assert w.services.audit.verify().ok
