"""The SQLite inventory: PBX records, pins, snapshots, statuses, migrations, threads."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.inventory import (
    SCHEMA_VERSION,
    Inventory,
    PbxRecord,
    normalize_fingerprint,
    normalize_pbx_url,
)
from modmanager.store.paths import inventory_path

FINGERPRINT = "ab" * 32


def _record(name: str = "mueller-hq", **changes: object) -> PbxRecord:
    fields: dict[str, object] = {
        "name": name,
        "url": "https://pbx.mueller.example",
        "login_id": "0001",
        "customer": "Müller GmbH",
        "tags": ("prod",),
    }
    fields.update(changes)
    return PbxRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        yield opened


def test_default_location_is_in_the_data_folder() -> None:
    with Inventory() as opened:
        assert opened.path == inventory_path()
    assert inventory_path().exists()


def test_add_then_get_returns_the_same_record(inventory: Inventory) -> None:
    record = _record(fingerprint=FINGERPRINT, notes="Keller, Rack 2", tags=("prod", "berlin"))

    inventory.add(record)

    assert inventory.get("mueller-hq") == record


def test_records_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    record = _record(fingerprint=FINGERPRINT)
    with Inventory(path) as first:
        first.add(record)
    with Inventory(path) as second:
        assert second.get("mueller-hq") == record


def test_duplicate_name_is_refused(inventory: Inventory) -> None:
    inventory.add(_record())

    with pytest.raises(StoreError) as caught:
        inventory.add(_record(url="https://other.example"))

    assert caught.value.message == "A PBX named mueller-hq exists already."
    assert inventory.get("mueller-hq").url == "https://pbx.mueller.example:443"


def test_unknown_pbx_points_to_the_list_command(inventory: Inventory) -> None:
    for action in (
        lambda: inventory.get("nope"),
        lambda: inventory.remove("nope"),
        lambda: inventory.update(_record("nope")),
        lambda: inventory.set_fingerprint("nope", FINGERPRINT),
        lambda: inventory.save_status("nope", "ok", ""),
        lambda: inventory.load_snapshot("nope"),
    ):
        with pytest.raises(StoreError) as caught:
            action()
        assert "'nope'" in caught.value.message
        assert "modmanager pbx list" in caught.value.hint


def test_list_is_sorted_by_customer_then_name(inventory: Inventory) -> None:
    inventory.add(_record("b", customer="Zeta"))
    inventory.add(_record("c", customer="alpha"))
    inventory.add(_record("a", customer="Zeta"))

    assert [record.name for record in inventory.list()] == ["c", "a", "b"]


def test_update_replaces_fields_but_keeps_added_at(inventory: Inventory) -> None:
    added_at = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    inventory.add(_record(added_at=added_at))

    inventory.update(_record(url="https://new.example:8443", login_id="0002", tags=(), notes="moved"))

    updated = inventory.get("mueller-hq")
    assert (updated.url, updated.login_id, updated.tags, updated.notes) == (
        "https://new.example:8443", "0002", (), "moved",
    )
    assert updated.added_at == added_at


def test_remove_deletes_record_snapshot_and_status(inventory: Inventory) -> None:
    inventory.add(_record())
    inventory.save_snapshot("mueller-hq", {"version": "9.0.1.3"}, datetime.now(UTC))
    inventory.save_status("mueller-hq", "ok", "")

    inventory.remove("mueller-hq")
    inventory.add(_record())  # same name again: nothing of the old PBX may remain

    assert inventory.load_snapshot("mueller-hq") is None
    assert inventory.statuses() == {}


def test_rename_keeps_snapshot_status_and_pin(inventory: Inventory) -> None:
    inventory.add(_record(fingerprint=FINGERPRINT))
    inventory.save_snapshot("mueller-hq", {"modules": 3}, datetime.now(UTC))
    inventory.save_status("mueller-hq", "ok", "all current")

    inventory.rename("mueller-hq", "mueller-zentrale")

    assert inventory.get("mueller-zentrale").fingerprint == FINGERPRINT
    snapshot = inventory.load_snapshot("mueller-zentrale")
    assert snapshot is not None and snapshot[0] == {"modules": 3}
    assert set(inventory.statuses()) == {"mueller-zentrale"}
    with pytest.raises(StoreError):
        inventory.get("mueller-hq")


def test_rename_onto_an_existing_name_is_refused(inventory: Inventory) -> None:
    inventory.add(_record("a"))
    inventory.add(_record("b"))

    with pytest.raises(StoreError, match="exists already"):
        inventory.rename("a", "b")


def test_fingerprint_can_be_pinned_and_cleared(inventory: Inventory) -> None:
    inventory.add(_record())
    colon_form = ":".join(FINGERPRINT.upper()[i : i + 2] for i in range(0, 64, 2))

    inventory.set_fingerprint("mueller-hq", colon_form)
    assert inventory.get("mueller-hq").fingerprint == FINGERPRINT

    inventory.set_fingerprint("mueller-hq", None)
    assert inventory.get("mueller-hq").fingerprint is None


@pytest.mark.parametrize("bad", ["", "ab" * 31, "zz" * 32, "ab" * 33])
def test_malformed_fingerprint_is_refused(bad: str) -> None:
    with pytest.raises(StoreError, match="SHA-256"):
        normalize_fingerprint(bad)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://PBX.Example.COM", "https://pbx.example.com:443"),
        ("https://pbx.example.com/", "https://pbx.example.com:443"),
        ("  HTTPS://pbx.example.com:8443 ", "https://pbx.example.com:8443"),
        ("https://192.0.2.10", "https://192.0.2.10:443"),
        ("https://[::1]:9443", "https://[::1]:9443"),
        ("https://127.0.0.1:50123", "https://127.0.0.1:50123"),
    ],
)
def test_url_is_normalized(given: str, expected: str) -> None:
    assert normalize_pbx_url(given) == expected
    assert _record(url=given).url == expected


@pytest.mark.parametrize(
    "bad",
    [
        "http://pbx.example.com",
        "pbx.example.com",
        "https://",
        "https://pbx.example.com/xml-rpc",
        "https://pbx.example.com?x=1",
        "https://pbx.example.com:99999",
        "ftp://pbx.example.com",
    ],
)
def test_url_that_is_not_plain_https_is_refused(bad: str) -> None:
    with pytest.raises(StoreError) as caught:
        normalize_pbx_url(bad)

    assert "https://host" in caught.value.hint


def test_url_with_credentials_is_refused_without_echoing_them() -> None:
    with pytest.raises(StoreError) as caught:
        normalize_pbx_url("https://admin:s3cret-pw@pbx.example.com")

    assert "s3cret-pw" not in str(caught.value)


@pytest.mark.parametrize("bad", ["", "   ", "a/b", "a\\b", "tab\there", "x" * 65])
def test_bad_pbx_names_are_refused(bad: str) -> None:
    with pytest.raises(StoreError):
        _record(bad)


def test_record_normalizes_tags_and_requires_login_and_aware_time() -> None:
    assert _record(tags=(" a ", "b", "a", "")).tags == ("a", "b")
    with pytest.raises(StoreError):
        _record(login_id=" ")
    with pytest.raises(StoreError):
        _record(agent_instance="")
    with pytest.raises(ValueError, match="time zone"):  # a programming error, not user input
        _record(added_at=datetime(2024, 1, 1))


def test_snapshot_round_trip_and_replacement(inventory: Inventory) -> None:
    inventory.add(_record())
    assert inventory.load_snapshot("mueller-hq") is None
    first_time = datetime(2025, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))

    inventory.save_snapshot("mueller-hq", {"version": "9.0.1.3", "modules": ["Ä", 1]}, first_time)
    inventory.save_snapshot("mueller-hq", {"version": "10.0.0.4"}, first_time + timedelta(days=1))

    loaded = inventory.load_snapshot("mueller-hq")
    assert loaded == ({"version": "10.0.0.4"}, first_time + timedelta(days=1))


def test_starface_versions_of_every_stored_snapshot_in_one_read(inventory: Inventory) -> None:
    now = datetime.now(UTC)
    for name in ("neu", "alt", "kaputt", "ohne"):
        inventory.add(_record(name))
    inventory.save_snapshot("neu", {"info": {"starfaceVersion": "9.0.1.3"}, "modules": []}, now)
    inventory.save_snapshot("alt", {"info": {"starfaceVersion": "8.1.0.12\u202e"}}, now)
    inventory.save_snapshot("kaputt", {}, now)
    with inventory.write() as conn:  # a damaged row: the next refresh replaces it
        damaged = inventory.pbx_id(conn, "kaputt")
        conn.execute("UPDATE pbx_snapshot SET snapshot = '{nicht json' WHERE pbx_id = ?", (damaged,))

    versions = inventory.starface_versions()

    assert versions["neu"] == "9.0.1.3"
    assert set(versions) == {"neu", "alt"}  # no version in the damaged one, no snapshot at all for "ohne"


def test_naive_fetch_time_is_refused(inventory: Inventory) -> None:
    inventory.add(_record())

    with pytest.raises(ValueError, match="time zone"):  # a programming error, not user input
        inventory.save_snapshot("mueller-hq", {}, datetime(2025, 1, 1))


def test_statuses_for_all_pbxs(inventory: Inventory) -> None:
    inventory.add(_record("a"))
    inventory.add(_record("b"))
    inventory.add(_record("c"))
    before = datetime.now(UTC)

    inventory.save_status("a", "ok", "")
    inventory.save_status("b", "unreachable", "Connection refused")
    inventory.save_status("a", "updating", "module 2 of 3")

    statuses = inventory.statuses()
    assert {name: (s.status, s.message) for name, s in statuses.items()} == {
        "a": ("updating", "module 2 of 3"),
        "b": ("unreachable", "Connection refused"),
    }
    assert all(status.updated_at >= before for status in statuses.values())
    assert inventory.load_status("c") is None
    assert inventory.load_status("b") == statuses["b"]


def test_database_uses_wal_foreign_keys_and_current_schema(inventory: Inventory) -> None:
    assert inventory.schema_version == SCHEMA_VERSION
    with sqlite3.connect(inventory.path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_empty_database_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    sqlite3.connect(path).close()

    with Inventory(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION
        opened.add(_record())


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    with pytest.raises(StoreError, match="newer modmanager"):
        Inventory(path)


def test_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)

    with pytest.raises(StoreError) as caught:
        Inventory(path)

    assert str(path) in caught.value.message


def test_one_inventory_shared_by_many_threads(inventory: Inventory) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker(index: int) -> None:
        try:
            start.wait()
            name = f"pbx-{index}"
            inventory.add(_record(name))
            for round_number in range(20):
                inventory.save_snapshot(name, {"round": round_number}, datetime.now(UTC))
                inventory.save_status(name, "ok", f"round {round_number}")
                assert inventory.get(name).name == name
                inventory.list()
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(inventory.list()) == 8
    for index in range(8):
        snapshot = inventory.load_snapshot(f"pbx-{index}")
        assert snapshot is not None and snapshot[0] == {"round": 19}


def test_two_connections_to_one_file_see_each_other(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    with Inventory(path) as gui, Inventory(path) as cli:
        cli.add(_record())
        gui.save_status("mueller-hq", "ok", "")

        assert gui.get("mueller-hq") == cli.get("mueller-hq")
        assert set(cli.statuses()) == {"mueller-hq"}


def test_a_batch_is_one_transaction_seen_by_others_only_when_it_ends(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    with Inventory(path) as writer, Inventory(path) as other:
        for name in ("a", "b"):
            writer.add(_record(name))
        moment = datetime.now(UTC)
        with writer.batch():
            writer.save_snapshot("a", {"n": 1}, moment)
            writer.save_status("a", "up-to-date", "")
            writer.save_status("b", "unreachable", "no answer")
            assert other.statuses() == {}  # not committed yet
            assert writer.load_status("a") is not None  # the batch sees its own writes
        assert set(other.statuses()) == {"a", "b"}
        assert other.load_snapshot("a") == ({"n": 1}, moment)


def test_a_batch_that_fails_keeps_nothing_of_it(inventory: Inventory) -> None:
    inventory.add(_record("a"))
    with pytest.raises(StoreError), inventory.batch():
        inventory.save_status("a", "up-to-date", "")
        inventory.save_status("unknown", "up-to-date", "")
    assert inventory.load_status("a") is None
    inventory.save_status("a", "unreachable", "")  # the inventory works on after the rollback
    assert inventory.statuses()["a"].status == "unreachable"


def test_a_failed_write_inside_a_batch_is_undone_alone(inventory: Inventory) -> None:
    inventory.add(_record("a"))
    with inventory.batch():
        inventory.save_status("a", "up-to-date", "")
        with pytest.raises(StoreError), inventory.batch():
            inventory.save_snapshot("a", {"n": 1}, datetime.now(UTC))
            inventory.save_status("gone", "up-to-date", "")  # unknown: this inner batch is undone
        inventory.save_status("a", "updates-available", "")
    assert inventory.load_snapshot("a") is None
    assert inventory.statuses()["a"].status == "updates-available"
