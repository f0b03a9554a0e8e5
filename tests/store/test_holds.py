"""Holds and skips in the inventory, with their audit rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.store.audit import AuditLog
from modmanager.store.holds import HoldStore
from modmanager.store.inventory import Inventory, PbxRecord

MODULE = "6F1C2D3E-0000-4000-8000-00000000AAAA"


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        opened.add(PbxRecord("mueller-hq", "https://hq.mueller.example", "0001", customer="Müller GmbH"))
        opened.add(PbxRecord("schmidt", "https://schmidt.example", "0001", customer="Schmidt KG"))
        yield opened


def test_set_list_and_apply(inventory: Inventory) -> None:
    store = HoldStore(inventory)
    stored = store.set(Hold(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE, 126, "  new phones first "))
    store.set(Hold(HoldKind.SKIP, HoldScope.CUSTOMER, "Müller GmbH", MODULE, 130, "breaks call lists"))
    store.set(Hold(HoldKind.SKIP, HoldScope.FLEET, "", MODULE, 131))
    assert stored.reason == "new phones first" and stored.module_id == MODULE.lower() and stored.created_by
    assert len(store.all()) == 3
    assert {(h.kind, h.scope) for h in store.for_pbx("mueller-hq", "Müller GmbH")} == {
        (HoldKind.HOLD, HoldScope.PBX),
        (HoldKind.SKIP, HoldScope.CUSTOMER),
        (HoldKind.SKIP, HoldScope.FLEET),
    }
    assert [(h.kind, h.scope) for h in store.for_pbx("schmidt", "Schmidt KG")] == [(HoldKind.SKIP, HoldScope.FLEET)]


def test_setting_again_replaces_the_reason_and_skips_of_two_versions_coexist(inventory: Inventory) -> None:
    store = HoldStore(inventory)
    store.set(Hold(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE, 126, "first"))
    store.set(Hold(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE, 126, "second"))
    store.set(Hold(HoldKind.SKIP, HoldScope.PBX, "mueller-hq", MODULE, 130))
    store.set(Hold(HoldKind.SKIP, HoldScope.PBX, "mueller-hq", MODULE, 131))
    holds = store.all()
    assert [h.reason for h in holds if h.kind is HoldKind.HOLD] == ["second"]
    assert sorted(h.version for h in holds if h.kind is HoldKind.SKIP) == [130, 131]


def test_remove_and_audit(inventory: Inventory) -> None:
    store = HoldStore(inventory)
    store.set(Hold(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE, 126, "why", module_name="Weiterleitung"))
    store.set(Hold(HoldKind.SKIP, HoldScope.PBX, "mueller-hq", MODULE, 130))
    removed = store.remove(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE)
    assert removed.reason == "why"
    store.remove(HoldKind.SKIP, HoldScope.PBX, "mueller-hq", MODULE, 130)
    assert store.all() == []
    with pytest.raises(StoreError, match="no hold") as caught:
        store.remove(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE)
    assert caught.value.code == "hold_not_found"
    rows = AuditLog(inventory).query(pbx="mueller-hq", actions=["hold", "skip", "unhold", "unskip"])
    actions = [(row.action, row.pbx, row.customer) for row in rows]
    assert actions == [
        ("hold", "mueller-hq", "Müller GmbH"),
        ("skip", "mueller-hq", "Müller GmbH"),
        ("unhold", "mueller-hq", "Müller GmbH"),
        ("unskip", "mueller-hq", "Müller GmbH"),
    ]
    assert AuditLog(inventory).verify().ok


def test_pbx_holds_follow_a_rename_and_go_with_the_pbx(inventory: Inventory) -> None:
    store = HoldStore(inventory)
    store.set(Hold(HoldKind.HOLD, HoldScope.PBX, "mueller-hq", MODULE))
    inventory.rename("mueller-hq", "mueller-zentrale")
    assert [h.target for h in store.all()] == ["mueller-zentrale"]
    inventory.remove("mueller-zentrale")
    assert store.all() == []


@pytest.mark.parametrize(
    ("hold", "problem"),
    [
        (Hold(HoldKind.HOLD, HoldScope.CUSTOMER, " ", MODULE), "customer"),
        (Hold(HoldKind.SKIP, HoldScope.FLEET, "", MODULE), "release to skip"),
        (Hold(HoldKind.HOLD, HoldScope.FLEET, "", MODULE, reason="x" * 501), "longer"),
        (Hold(HoldKind.HOLD, HoldScope.PBX, "nobody", MODULE), "no PBX named"),
    ],
)
def test_bad_holds_are_refused_and_nothing_is_stored(inventory: Inventory, hold: Hold, problem: str) -> None:
    store = HoldStore(inventory)
    with pytest.raises(StoreError, match=problem):
        store.set(hold)
    assert store.all() == []
