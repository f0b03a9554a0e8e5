"""Crafted local files - settings, journal, cache index, backups, exports, inventory, catalogs,
values files: deep nesting, 1e999, NaN, huge integers, wrong types, truncation, binary garbage.

For every one: one clear sentence and exit 1 where the file is what the command reads (never a
traceback, never a hang), nothing lost (the crafted file is left exactly as it was, the other
backups stay listed), and a damaged file never fails a command it has nothing to do with.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.core.protocol import InstanceConfig, ModuleConfig
from modmanager.core.sfmbuild import build_sfm, example_spec
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.paths import backups_dir, config_path, inventory_path, journal_dir, sfm_cache_dir
from modmanager.store.sfmcache import SfmCache
from tests.hostile.conftest import Run, refused
from tests.hostile.crafted import (
    BACKUP_ID,
    EXPORT_MAGIC,
    JSON_BOMBS,
    crafted_backup,
    crafted_export,
    framed,
    header_json,
)

BOMBS = sorted(JSON_BOMBS)
OP_ID = "0123456789abcdef0123456789abcdef"
DESCRIPTOR = b'<module id="m1" name="Anrufbeantworter" vendor="Acme" version="3"/>'


def _good_backup() -> str:
    store = BackupStore(open_credentials())
    config = ModuleConfig("m1", 3, (InstanceConfig("Zentrale", True, {"port": 389}),))
    info = store.create(
        pbx_name="kunde-a",
        pbx_identity="SLK-1",
        module_name="Anrufbeantworter",
        descriptor_xml=DESCRIPTOR,
        config=config,
    )
    return info.backup_id


# -- settings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS)
def test_a_crafted_settings_file_is_one_sentence_and_left_as_it_is(mm: Run, bomb: str) -> None:
    path = config_path()
    path.write_bytes(JSON_BOMBS[bomb])
    refused(mm("settings", "show"), "settings file", "Fix or delete it")
    assert path.read_bytes() == JSON_BOMBS[bomb]


@pytest.mark.parametrize(
    "content",
    [
        b'{"concurrency": 4.0}',
        b'{"concurrency": true}',
        b'{"concurrency": 1e999}',
        b'{"catalog_sources": [{"name": "x", "location": {"nested": []}}]}',
        b'{"catalog_sources": "not a list"}',
        b'{"paid_markers": [1, 2]}',
        b'{"catalog_sources": [{"name": "' + b"n" * 500_000 + b'", "location": "/x", "bogus": 1}]}',
    ],
)
def test_settings_of_the_wrong_type_are_one_sentence(mm: Run, content: bytes) -> None:
    config_path().write_bytes(content)
    refused(mm("settings", "show"), "settings file")


# -- the update journal -------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS)
def test_a_crafted_journal_entry_is_named_by_recover_and_kept(mm: Run, bomb: str) -> None:
    path = journal_dir() / f"{OP_ID}.json"
    path.write_bytes(JSON_BOMBS[bomb])
    refused(mm("recover"), f"{OP_ID}.json", "damaged")
    assert path.read_bytes() == JSON_BOMBS[bomb]


@pytest.mark.parametrize(
    "entry",
    [
        {"op_id": OP_ID, "to_version": "4"},
        {"op_id": "f" * 32, "pbx_name": "a"},
        {
            "op_id": OP_ID, "pbx_name": ["x"], "module_id": "m", "module_name": "M", "from_version": 1,
            "to_version": 2, "backup_id": None, "target_sha256": "a", "previous_sha256": None, "step": "s",
            "started_at": "t", "updated_at": "t",
        },
        {
            "op_id": OP_ID, "pbx_name": "x", "module_id": "m", "module_name": "M", "from_version": True,
            "to_version": 2, "backup_id": None, "target_sha256": "a", "previous_sha256": None, "step": "s",
            "started_at": "t", "updated_at": "t", "history": "begin",
        },
    ],
)  # fmt: skip
def test_a_journal_entry_with_wrong_fields_is_one_sentence(mm: Run, entry: dict[str, object]) -> None:
    (journal_dir() / f"{OP_ID}.json").write_text(json.dumps(entry))
    refused(mm("recover"), "damaged")


# -- backups --------------------------------------------------------------------------------------


HEADERS = {
    **{f"header: {name}": crafted_backup(data) for name, data in JSON_BOMBS.items()},
    "moduleVersion 1e999": crafted_backup(
        json.dumps(header_json()).replace('"moduleVersion": 3', '"moduleVersion": 1e999').encode()
    ),
    "moduleVersion as text": crafted_backup(header_json(moduleVersion="3")),
    "pbxName as a list": crafted_backup(header_json(pbxName=["kunde-a"])),
    "instances as an object": crafted_backup(header_json(instances={"name": "x"})),
    "active as text": crafted_backup(header_json(instances=[{"name": "x", "active": "yes"}])),
    "header length beyond the file": crafted_backup(b"{}")[:10] + b"\x7f\xff\xff\xff",
    "header too large": crafted_backup(b" " * 70_000),
    "magic only": b"MMBACKUP1\n",
    "cut in the magic": b"MMBACK",
    "empty file": b"",
    "binary garbage": bytes(range(256)),
    "intact header, junk ciphertext": crafted_backup(),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(HEADERS))
def test_a_crafted_backup_is_listed_as_damaged_and_the_others_stay_listed(mm: Run, case: str) -> None:
    good = _good_backup()
    crafted = backups_dir() / f"{BACKUP_ID}.mmb"
    crafted.write_bytes(HEADERS[case])

    listing = mm("backup", "list", "--json")
    assert listing.code == 0, listing.err
    data = json.loads(listing.out)
    assert [item["backupId"] for item in data["backups"]] == [good]
    (damaged,) = data["damaged"]
    assert damaged["file"].endswith(crafted.name) and damaged["problem"]
    text = mm("backup", "list")
    assert text.code == 0 and "1 damaged file" in text.out and crafted.name in text.out
    refused(mm("backup", "show", BACKUP_ID), BACKUP_ID, "will not be restored")
    assert crafted.read_bytes() == HEADERS[case]
    assert mm("backup", "show", good).code == 0


def test_a_truncated_or_changed_backup_is_damaged_in_the_list_not_normal(mm: Run) -> None:
    good, cut, changed = _good_backup(), _good_backup(), _good_backup()
    cut_path = backups_dir() / f"{cut}.mmb"
    cut_path.write_bytes(cut_path.read_bytes()[:-7])
    changed_path = backups_dir() / f"{changed}.mmb"
    data = bytearray(changed_path.read_bytes())
    data[-20] ^= 0x40
    changed_path.write_bytes(bytes(data))

    listing = json.loads(mm("backup", "list", "--json").out)
    assert [item["backupId"] for item in listing["backups"]] == [good]
    kinds = {item["backupId"]: item["kind"] for item in listing["damaged"]}
    assert kinds == {cut: "checksum", changed: "checksum"}
    assert all(item["header"]["pbxName"] == "kunde-a" for item in listing["damaged"]), "whose it was is still shown"


# -- exports ---------------------------------------------------------------------------------------


EXPORTS = {
    **{f"header: {name}": framed(EXPORT_MAGIC, data) for name, data in JSON_BOMBS.items()},
    "kdf missing": crafted_export().replace(b'"kdf"', b'"kdx"'),
    "kdf as a list": crafted_export().replace(b'"kdf": {', b'"kdf": [{').replace(b'"p": 1}', b'"p": 1}]'),
    "log2n as text": crafted_export(log2_n="15"),
    "log2n 1e999": crafted_export().replace(b'"log2n": 15', b'"log2n": 1e999'),
    "r NaN": crafted_export().replace(b'"r": 8', b'"r": NaN'),
    "salt not base64": crafted_export(salt="***"),
    "backup header wrong": crafted_export(backup={"backupId": 5}),
    "truncated": crafted_export()[:40],
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(EXPORTS))
def test_a_crafted_export_is_one_sentence_and_stores_nothing(mm: Run, case: str, tmp_path: Path) -> None:
    good = _good_backup()
    source = tmp_path / "fremd.mmbackup"
    source.write_bytes(EXPORTS[case])
    refused(mm("backup", "import", str(source), "--password-stdin", stdin="geheim\n"), "fremd.mmbackup")
    assert source.read_bytes() == EXPORTS[case]
    assert [item["backupId"] for item in json.loads(mm("backup", "list", "--json").out)["backups"]] == [good]


# -- .sfm cache index ----------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS)
def test_a_crafted_cache_index_is_set_aside_not_fatal(bomb: str) -> None:
    index = sfm_cache_dir() / "installed.json"
    index.write_bytes(JSON_BOMBS[bomb])
    cache = SfmCache()
    assert cache.installed("kunde-a", "m1") is None, "unknown, so the update fetches the rollback file elsewhere"
    cache.remember_installed("kunde-a", "m1", "a" * 64)
    assert cache.installed("kunde-a", "m1") == "a" * 64
    assert (sfm_cache_dir() / "installed.json.damaged").read_bytes() == JSON_BOMBS[bomb], "kept for a look"


# -- inventory ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS)
def test_crafted_json_in_the_inventory_is_treated_as_unknown(mm: Run, bomb: str) -> None:
    with Inventory() as inventory:
        inventory.add(PbxRecord("kunde-a", "https://pbx.example", "0001", tags=("a",)))
        inventory.save_status("kunde-a", "ok", "fine")
        inventory.save_snapshot("kunde-a", {"info": {}}, inventory.load_status("kunde-a").updated_at)  # type: ignore[union-attr]
    text = JSON_BOMBS[bomb].decode("utf-8", "replace")
    with sqlite3.connect(inventory_path()) as db:
        db.execute("UPDATE pbx SET tags = ?", (text,))
        db.execute("UPDATE pbx_snapshot SET snapshot = ?, fetched_at = ?", (text, "not a time"))
        db.execute("UPDATE pbx_status SET detail = ?, updated_at = ?", (text, "1e999"))
    listing = mm("pbx", "list", "--json")
    assert listing.code == 0, listing.err
    assert json.loads(listing.out)[0]["name"] == "kunde-a"
    with Inventory() as inventory:
        assert inventory.load_snapshot("kunde-a") is None
        status = inventory.load_status("kunde-a")
        assert status is not None and status.detail == {} and status.message == "fine"


def test_the_inventory_keeps_bounded_strings_only() -> None:
    huge = "N" * 2_000_000
    with Inventory() as inventory:
        inventory.add(PbxRecord("kunde-a", "https://pbx.example", "0001"))
        inventory.save_status("kunde-a", "error", huge, {"message": huge, "params": {"x": huge}})
        status = inventory.load_status("kunde-a")
        assert status is not None
        inventory.save_snapshot(
            "kunde-a", {"modules": [{"name": huge, "instances": [{"name": "x"}] * 20_000}]}, status.updated_at
        )
        stored = inventory.load_snapshot("kunde-a")
        with pytest.raises(StoreError) as caught:  # 10,000 names of 4096 characters: still too much
            inventory.save_snapshot(
                "kunde-a", {"modules": [{"instances": [{"name": huge}] * 20_000}]}, status.updated_at
            )
        assert caught.value.code == "snapshot_too_large"
        assert inventory.load_snapshot("kunde-a") == stored, "the last good facts are kept"
    assert stored is not None
    assert len(stored[0]["modules"][0]["name"]) <= 4096
    assert len(stored[0]["modules"][0]["instances"]) == 10_000
    assert len(status.message) <= 4096 and len(status.detail["message"]) <= 4096
    assert inventory_path().stat().st_size < 64 * 1024 * 1024


# -- files named on the command line ---------------------------------------------------------------


@pytest.mark.parametrize("bomb", BOMBS)
def test_a_crafted_values_file_is_one_sentence(mm: Run, bomb: str, tmp_path: Path) -> None:
    old, new = tmp_path / "old.sfm", tmp_path / "new.sfm"
    old.write_bytes(build_sfm(example_spec(122)))
    new.write_bytes(build_sfm(example_spec(126)))
    values = tmp_path / "values.json"
    values.write_bytes(JSON_BOMBS[bomb])
    refused(mm("sfm", "diff", str(old), str(new), "--values", str(values)), "values file")


@pytest.mark.parametrize("bomb", BOMBS)
def test_a_crafted_catalog_is_one_sentence(mm: Run, bomb: str, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.json"
    catalog.write_bytes(JSON_BOMBS[bomb])
    refused(mm("catalog", "show", str(catalog)), "catalog")
    refused(mm("plan", "--catalog", str(catalog), "--trust-unsigned", "--starface", "9.0.1.3"), "catalog")
