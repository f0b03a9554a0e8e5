"""The update journal survives the process and is damaged-file aware."""

from __future__ import annotations

from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.journal import Journal


def _begin(journal: Journal, backup_id: str | None = "20260101T000000Z-0000abcd"):
    return journal.begin(
        pbx_name="kunde-a",
        module_id="m1",
        module_name="Anrufbeantworter",
        from_version=3,
        to_version=5,
        backup_id=backup_id,
        target_sha256="a" * 64,
        previous_sha256="b" * 64,
        details={"active": ["Zentrale"]},
    )


def test_entry_survives_a_new_journal_object(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    entry = journal.advance(_begin(journal), "upload", uploaded=True)
    reopened = Journal(tmp_path).unfinished()
    assert reopened == [entry]
    assert reopened[0].step == "upload"
    assert reopened[0].history == ("begin", "upload")
    assert reopened[0].details == {"active": ["Zentrale"], "uploaded": True}


def test_close_removes_and_backup_ids_in_use(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    first = _begin(journal)
    _begin(journal, backup_id=None)
    assert journal.backup_ids_in_use() == {"20260101T000000Z-0000abcd"}
    journal.close(first)
    assert journal.backup_ids_in_use() == set()
    assert len(journal.unfinished()) == 1


def test_damaged_entry_is_reported(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    (tmp_path / ("c" * 32 + ".json")).write_text("{not json")
    with pytest.raises(StoreError, match="damaged"):
        journal.unfinished()


def test_get_unknown_entry(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no unfinished update"):
        Journal(tmp_path).get("d" * 32)
    with pytest.raises(StoreError, match="not valid"):
        Journal(tmp_path).get("../x")


def test_entry_closed_while_listing_is_not_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal(tmp_path)
    gone = _begin(journal)
    kept = _begin(journal, backup_id=None)
    original = Journal._parse

    def closed_meanwhile(self: Journal, path: Path):  # another thread closes it after glob()
        if path.stem == gone.op_id:
            path.unlink()
        return original(self, path)

    monkeypatch.setattr(Journal, "_parse", closed_meanwhile)
    assert [entry.op_id for entry in journal.unfinished()] == [kept.op_id]
