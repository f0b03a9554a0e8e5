"""Atomic writes leave the old or the new file, never a mix; reads are bounded."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.atomic import read_bytes_limited, write_atomic


def test_write_creates_file_with_private_mode(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"

    write_atomic(target, b"hello")

    assert target.read_bytes() == b"hello"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_replaces_content_and_applies_mode(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    target.write_bytes(b"old content that is longer")

    write_atomic(target, b"new", mode=0o644)

    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    for round_number in range(3):
        write_atomic(tmp_path / "data.bin", bytes([round_number]) * 10)

    assert [path.name for path in tmp_path.iterdir()] == ["data.bin"]


def test_failed_write_keeps_the_target_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "occupied"
    target.mkdir()
    (target / "keep.txt").write_text("still here")

    with pytest.raises(StoreError) as caught:
        write_atomic(target, b"cannot replace a folder")

    assert str(target) in caught.value.message
    assert (target / "keep.txt").read_text() == "still here"
    assert [path.name for path in tmp_path.iterdir()] == ["occupied"]


def test_write_into_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        write_atomic(tmp_path / "missing" / "data.bin", b"x")


def test_read_accepts_a_file_of_exactly_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    target.write_bytes(b"x" * 16)

    assert read_bytes_limited(target, 16) == b"x" * 16


def test_read_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    target.write_bytes(b"x" * 17)

    with pytest.raises(StoreError) as caught:
        read_bytes_limited(target, 16)

    assert str(target) in caught.value.message


def test_read_of_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes_limited(tmp_path / "absent", 10)


def test_read_of_a_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        read_bytes_limited(tmp_path, 10)
