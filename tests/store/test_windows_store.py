"""Maintenance windows per customer, overridden per PBX; CSV import and export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.core.windows import parse_window
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.windows import WindowStore

NIGHTS = parse_window("Mon-Fri 22:00-02:00 Europe/Berlin")
SUNDAY = parse_window("Sun 06:00-08:00 Europe/Berlin")


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        opened.add(PbxRecord("hq", "https://hq.example", "0001", customer="Müller GmbH"))
        opened.add(PbxRecord("filiale", "https://filiale.example", "0001", customer="Müller GmbH"))
        opened.add(PbxRecord("solo", "https://solo.example", "0001"))
        yield opened


def test_customer_window_applies_and_a_pbx_window_overrides(inventory: Inventory) -> None:
    store = WindowStore(inventory)
    store.set_customer("Müller GmbH", NIGHTS)
    store.set_pbx("filiale", SUNDAY)
    hq, filiale = store.effective("hq"), store.effective("filiale")
    assert hq is not None and (hq.window, hq.source) == (NIGHTS, "customer")
    assert filiale is not None and (filiale.window, filiale.source) == (SUNDAY, "pbx")
    assert store.effective("solo") is None
    assert {name: item.window for name, item in store.all_effective().items()} == {"hq": NIGHTS, "filiale": SUNDAY}
    store.set_pbx("filiale", None)
    again = store.effective("filiale")
    assert again is not None and again.source == "customer"
    store.set_customer("müller gmbh", None)
    assert store.effective("hq") is None


def test_csv_round_trip(inventory: Inventory) -> None:
    store = WindowStore(inventory)
    result = store.import_csv(
        "scope,name,window\n"
        "customer,Müller GmbH,Mo-Fr 22:00-02:00 Europe/Berlin\n"
        "# comment\n"
        "\n"
        "pbx,solo,Sun 06:00-08:00\n"
    )
    assert (result.customers, result.pbxs) == (1, 1)
    text = store.export_csv()
    assert text == (
        "scope,name,window\n"
        "customer,Müller GmbH,Mon-Fri 22:00-02:00 Europe/Berlin\n"
        "pbx,solo,Sun 06:00-08:00 Europe/Berlin\n"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("customer,Müller GmbH\n", "Line 1 of the window list does not have three fields"),
        ("team,Müller GmbH,daily 01:00-02:00\n", "has the scope 'team'"),
        ("pbx,nobody,daily 01:00-02:00\n", "names the PBX 'nobody'"),
        ("customer,A,daily 01:00-02:00\ncustomer,B,Mon 26:00-02:00\n", "Line 2 of the window list"),
    ],
)
def test_a_bad_import_line_changes_nothing(inventory: Inventory, text: str, problem: str) -> None:
    store = WindowStore(inventory)
    with pytest.raises(StoreError) as caught:
        store.import_csv(text)
    assert problem in caught.value.message
    assert store.customers() == {}
