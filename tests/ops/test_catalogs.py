"""The configured catalogs are fetched and verified once per process, however many threads ask at once."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from modmanager.ops.catalogs import CatalogSet
from modmanager.simulator.fileserver import FileServer
from modmanager.store.settings import CatalogSource
from modmanager.store.sfmcache import SfmCache
from tests.ops.world import MODULE_A, signed_catalog

_THREADS = 16


def _catalog_requests(caplog: pytest.LogCaptureFixture) -> int:
    return sum(1 for record in caplog.records if "GET /catalog.json " in record.getMessage())


def test_threads_asking_at_once_wait_for_one_load(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODMANAGER_HOME", str(tmp_path / "home"))
    vendor, public_key = signed_catalog(tmp_path)
    caplog.set_level(logging.DEBUG, logger="modmanager.simulator.fileserver")
    with FileServer(vendor) as server:
        catalogs = CatalogSet(
            [CatalogSource("Vendor", server.url_for("catalog.json"), public_key)], cache=SfmCache(tmp_path / "cache")
        )
        start = threading.Barrier(_THREADS)

        def ask(_number: int) -> int:
            start.wait()
            return len(catalogs.modules())

        with ThreadPoolExecutor(_THREADS) as pool:
            counts = list(pool.map(ask, range(_THREADS)))
        assert counts == [counts[0]] * _THREADS and counts[0] > 0
        assert catalogs.module(MODULE_A) is not None
        assert _catalog_requests(caplog) == 1

        catalogs.reload()  # the user asked: fetched and verified again
        assert _catalog_requests(caplog) == 2
        assert catalogs.problems == []
