"""Backups: encrypted at rest, integrity-checked, retention, export/import."""

from __future__ import annotations

from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.core.protocol import InstanceConfig, ModuleConfig
from modmanager.core.values import FileResource, TimerSettings
from modmanager.store.backups import BackupStore, ExportKdf
from modmanager.store.credentials import open_credentials

SECRET_VALUE = "Sup3r-Secret-LDAP-pa55"
DESCRIPTOR = b'<module id="m1" name="Anrufbeantworter" vendor="Acme" version="3"/>'
FAST_KDF = ExportKdf(log2_n=10)


def _config(module_id: str = "m1", version: int = 3) -> ModuleConfig:
    return ModuleConfig(
        module_id=module_id,
        version=version,
        instances=(
            InstanceConfig("Zentrale", True, {"ldapPassword": SECRET_VALUE, "port": 389, "tls": True}),
            InstanceConfig("Filiale Köln", False, {"groups": ["Vertrieb", "Technik"]}),
        ),
        internal_data=b"internal-db-bytes\x00\x01",
    )


@pytest.fixture
def store(tmp_path: Path) -> BackupStore:
    return BackupStore(open_credentials(), tmp_path / "backups")


def _create(store: BackupStore, pbx: str = "kunde-a", module_id: str = "m1"):
    return store.create(
        pbx_name=pbx,
        pbx_identity="SLK-1234",
        module_name="Anrufbeantworter",
        descriptor_xml=DESCRIPTOR,
        config=_config(module_id),
        reason="manual",
    )


def test_round_trip_gives_identical_values(store: BackupStore) -> None:
    info = _create(store)
    backup = store.load(info.backup_id)
    assert backup.config == _config()
    assert backup.descriptor_xml == DESCRIPTOR
    assert backup.info.instances == (("Zentrale", True), ("Filiale Köln", False))


def test_backup_on_disk_is_unreadable_without_the_key(store: BackupStore) -> None:
    info = _create(store)
    raw = (store.folder / f"{info.backup_id}.mmb").read_bytes()
    assert SECRET_VALUE.encode() not in raw
    assert b"internal-db-bytes" not in raw
    assert b"Vertrieb" not in raw


@pytest.mark.parametrize("where", ["header", "ciphertext", "truncate"])
def test_tampered_or_truncated_backup_is_refused(store: BackupStore, where: str) -> None:
    info = _create(store)
    path = store.folder / f"{info.backup_id}.mmb"
    data = bytearray(path.read_bytes())
    if where == "header":
        index = data.index(b"SLK-1234")
        data[index] = ord("X")
    elif where == "ciphertext":
        data[-5] ^= 0xFF
    else:
        data = data[: len(data) // 2]
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged or was changed"):
        store.load(info.backup_id)


def test_backup_made_with_another_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = _create(BackupStore(open_credentials(), tmp_path / "b"))
    monkeypatch.setenv("MODMANAGER_MASTER_PASSWORD", "another-workstation")
    other = BackupStore(open_credentials(backend="file", path=tmp_path / "other.enc"), tmp_path / "b")
    with pytest.raises(StoreError, match="damaged or was changed"):
        other.load(info.backup_id)


def test_list_filters_and_reports_damaged_files(store: BackupStore) -> None:
    a = _create(store, "kunde-a", "m1")
    b = _create(store, "kunde-b", "m1")
    (store.folder / "20260101T000000Z-deadbeef.mmb").write_bytes(b"garbage")
    infos, damaged = store.list_backups(pbx_name="kunde-a")
    assert [info.backup_id for info in infos] == [a.backup_id]
    assert len(damaged) == 1 and "garbage" not in damaged[0].problem
    all_infos, _ = store.list_backups()
    assert {info.backup_id for info in all_infos} == {a.backup_id, b.backup_id}


def test_prune_keeps_newest_and_never_deletes_protected(store: BackupStore) -> None:
    created = [_create(store) for _ in range(4)]
    oldest = min(created, key=lambda info: (info.created_at, info.backup_id))
    deleted = store.prune(1, protected={oldest.backup_id})
    remaining, _ = store.list_backups()
    assert oldest.backup_id in {info.backup_id for info in remaining}
    assert len(remaining) == 2
    assert oldest.backup_id not in deleted
    with pytest.raises(StoreError):
        store.prune(0)


def test_export_import_round_trip_with_password(store: BackupStore, tmp_path: Path) -> None:
    info = _create(store)
    export = tmp_path / "export.mmx"
    store.export(info.backup_id, export, "reise-passwort", kdf=FAST_KDF)
    assert SECRET_VALUE.encode() not in export.read_bytes()
    with pytest.raises(StoreError, match=r"password .* is wrong"):
        store.read_export(export, "falsch")
    imported = store.import_file(export, "reise-passwort")
    assert imported.backup_id != info.backup_id
    assert imported.reason == "import"
    assert store.load(imported.backup_id).config == _config()


def test_import_of_a_foreign_file_is_refused(store: BackupStore, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.mmx"
    bogus.write_bytes(b"PK\x03\x04 not a backup")
    with pytest.raises(StoreError, match="not a modmanager backup export"):
        store.import_file(bogus, "pw")


def test_bad_ids_are_refused(store: BackupStore) -> None:
    with pytest.raises(StoreError, match="not a backup id"):
        store.load("../../etc/passwd")


def test_prune_tolerates_a_backup_deleted_by_a_concurrent_prune(store: BackupStore) -> None:
    created = [_create(store) for _ in range(3)]
    oldest = min(created, key=lambda info: (info.created_at, info.backup_id))
    listed = store.list_backups

    def listed_then_gone(**kwargs):  # another prune removes the oldest after this one listed it
        result = listed(**kwargs)
        (store.folder / f"{oldest.backup_id}.mmb").unlink()
        return result

    store.list_backups = listed_then_gone  # type: ignore[method-assign]
    deleted = store.prune(1)
    assert oldest.backup_id not in deleted
    assert len(deleted) == 1


def test_every_value_shape_round_trips(store: BackupStore) -> None:
    values = {
        "days": ["Mo", "Di"],
        "routes": {"110": "Zentrale", "112": "Pforte"},
        "greeting": FileResource("ansage.wav", b"RIFF\x00\x01wave"),
        "schedule": TimerSettings(1_700_000_000_000, "DAY", 1),
        "ratio": 0.5,
    }
    config = ModuleConfig("m1", 3, (InstanceConfig("Zentrale", True, values),), b"db")
    info = store.create(
        pbx_name="kunde-a",
        pbx_identity="SLK-1234",
        module_name="Anrufbeantworter",
        descriptor_xml=DESCRIPTOR,
        config=config,
        reason="manual",
    )
    assert store.load(info.backup_id).config == config


def test_a_payload_from_before_protocol_2_still_loads() -> None:
    from modmanager.store.backups import _parse_payload

    legacy = (
        b'{"config": {"instances": [{"active": true, "name": "Zentrale", "values": {"days": ["Mo"], "port": 389}}],'
        b' "internalData": "ZGI=", "moduleId": "m1", "version": 3}, "descriptor": "PG1vZHVsZS8+"}'
    )
    descriptor, config = _parse_payload(legacy)
    assert descriptor == b"<module/>"
    assert config == ModuleConfig("m1", 3, (InstanceConfig("Zentrale", True, {"days": ["Mo"], "port": 389}),), b"db")
