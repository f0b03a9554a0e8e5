"""Holds and skips change what the planner offers."""

from __future__ import annotations

import pytest

from modmanager.core.catalog import Catalog
from modmanager.core.holds import Hold, HoldKind, HoldScope, rules_for
from modmanager.core.planner import ModuleStatus, PbxStatus, plan_module, plan_pbx
from tests.core.test_planner import MODULE_ID, inst, mod, pbx, rel

OTHER = "6f1c2d3e-0000-4000-8000-00000000bbbb"


def hold(scope: HoldScope = HoldScope.PBX, target: str = "pbx-1", reason: str = "waits for new phones") -> Hold:
    return Hold(HoldKind.HOLD, scope, target, MODULE_ID, 100, reason)


def skip(version: int, scope: HoldScope = HoldScope.PBX, target: str = "pbx-1") -> Hold:
    return Hold(HoldKind.SKIP, scope, target, MODULE_ID, version, "breaks call lists")


MODULE = mod(rel(100, "9.X"), rel(110, "9.X"), rel(120, "9.X"), rel(130, "9.X", paid=True))


def test_a_held_module_is_not_update_available_and_offers_nothing() -> None:
    rules = rules_for([hold()], MODULE_ID, "pbx-1", "Müller")
    plan = plan_module(pbx(), inst(100), MODULE, rules=rules)
    assert plan.status is ModuleStatus.HELD
    assert plan.target is None and plan.free_target is None
    assert plan.held_back is not None and plan.held_back.version == 120  # the free one, not the paid 130
    assert plan.hold is not None and plan.hold.reason == "waits for new phones"
    assert plan.reasons[0] == "Held at v100: held on this PBX: waits for new phones."


def test_skip_passes_over_one_release_and_offers_the_next() -> None:
    rules = rules_for([skip(120)], MODULE_ID, "pbx-1", "")
    plan = plan_module(pbx(), inst(100), MODULE, rules=rules)
    assert plan.status is ModuleStatus.UPDATE_AVAILABLE
    assert plan.target is not None and plan.target.version == 130
    assert plan.free_target is not None and plan.free_target.version == 110
    assert any("v120 is not offered" in reason for reason in plan.reasons)
    assert [item.version for item in plan.skipped] == [120]


def test_skipping_the_only_newer_release_leaves_the_module_up_to_date() -> None:
    module = mod(rel(100, "9.X"), rel(110, "9.X"))
    plan = plan_module(pbx(), inst(100), module, rules=rules_for([skip(110)], MODULE_ID, "pbx-1", ""))
    assert plan.status is ModuleStatus.UP_TO_DATE
    assert plan.target is None


def test_a_skip_of_an_older_or_installed_release_changes_nothing() -> None:
    plan = plan_module(pbx(), inst(110), MODULE, rules=rules_for([skip(100), skip(110)], MODULE_ID, "pbx-1", ""))
    plain = plan_module(pbx(), inst(110), MODULE)
    assert plan == plain


@pytest.mark.parametrize(
    ("held", "applies"),
    [
        (hold(HoldScope.PBX, "pbx-1"), True),
        (hold(HoldScope.PBX, "pbx-2"), False),
        (hold(HoldScope.CUSTOMER, "müller"), True),
        (hold(HoldScope.CUSTOMER, "Schmidt"), False),
        (hold(HoldScope.FLEET, ""), True),
    ],
)
def test_scopes(held: Hold, applies: bool) -> None:
    rules = rules_for([held], MODULE_ID.upper(), "pbx-1", "Müller")
    assert (rules.hold is not None) is applies


def test_the_narrowest_hold_gives_the_reason() -> None:
    holds = [hold(HoldScope.FLEET, "", "fleet freeze"), hold(HoldScope.PBX, "pbx-1", "this PBX only")]
    rules = rules_for(holds, MODULE_ID, "pbx-1", "")
    assert rules.hold is not None and rules.hold.reason == "this PBX only"


def test_pbx_status_of_a_held_pbx_is_not_updates_available() -> None:
    catalog = Catalog(name="t", generated="2025-01-01", modules=(MODULE,))
    plain = plan_pbx(pbx(), [inst(100)], [catalog], pbx_name="pbx-1", customer="Müller")
    assert plain.status is PbxStatus.UPDATES_AVAILABLE
    held = plan_pbx(pbx(), [inst(100)], [catalog], holds=[hold()], pbx_name="pbx-1", customer="Müller")
    assert held.status is PbxStatus.UP_TO_DATE
    assert held.modules[0].status is ModuleStatus.HELD
    other = plan_pbx(pbx(), [inst(100)], [catalog], holds=[hold()], pbx_name="pbx-9", customer="Müller")
    assert other.status is PbxStatus.UPDATES_AVAILABLE


def test_a_hold_of_a_module_no_catalog_lists_still_shows_held() -> None:
    plan = plan_module(pbx(), inst(100, module_id=OTHER), None, rules=rules_for(
        [Hold(HoldKind.HOLD, HoldScope.FLEET, "", OTHER)], OTHER, "pbx-1", ""
    ))
    assert plan.status is ModuleStatus.HELD
    assert plan.held_back is None
