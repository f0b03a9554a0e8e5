"""The .sfm cache is content-addressed and remembers what is installed where."""

from __future__ import annotations

import hashlib
from pathlib import Path

from modmanager.store.sfmcache import SfmCache


def test_put_get_and_damaged_copy_is_dropped(tmp_path: Path) -> None:
    cache = SfmCache(tmp_path)
    digest = cache.put(b"module bytes")
    assert digest == hashlib.sha256(b"module bytes").hexdigest()
    assert cache.get(digest) == b"module bytes"
    (tmp_path / f"{digest}.sfm").write_bytes(b"changed")
    assert cache.get(digest) is None
    assert cache.get("0" * 64) is None


def test_installed_index_persists(tmp_path: Path) -> None:
    SfmCache(tmp_path).remember_installed("kunde-a", "m1", "e" * 64)
    assert SfmCache(tmp_path).installed("kunde-a", "m1") == "e" * 64
    assert SfmCache(tmp_path).installed("kunde-a", "m2") is None
