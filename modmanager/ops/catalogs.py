"""The catalogs the user configured, loaded once and merged, with checked downloads.

Every source from the settings is fetched and verified (see :mod:`modmanager.catalog.source`);
one source that fails does not hide the others - its problem is kept for the user to see.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from modmanager.catalog.source import CatalogSource, download_release_file, load_catalog
from modmanager.core.catalog import Catalog, CatalogModule, ReleaseFile, merge_catalogs
from modmanager.core.errors import CatalogError, ModManagerError
from modmanager.store import settings as settings_store
from modmanager.store.sfmcache import SfmCache


def to_source(configured: settings_store.CatalogSource) -> CatalogSource:
    keys = (configured.public_key,) if configured.public_key else ()
    return CatalogSource(
        name=configured.name,
        location=configured.location,
        public_keys=keys,
        trusted_unsigned=configured.trusted_unsigned,
    )


class CatalogSet:
    """Merged modules of all configured catalogs; thread-safe, loaded lazily and on ``reload()``.

    The first use loads and verifies the catalogs once for everyone: threads that ask at the
    same time wait for that one load instead of each fetching and verifying them again.
    """

    def __init__(self, sources: Sequence[settings_store.CatalogSource], cache: SfmCache | None = None) -> None:
        self._sources = tuple(to_source(source) for source in sources)
        self._cache = cache
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()
        """Held while loading, so concurrent first uses (a fleet refresh) load once."""
        self._catalogs: tuple[Catalog, ...] | None = None
        self._modules: dict[str, CatalogModule] = {}
        self.problems: list[str] = []
        """One sentence per source that could not be used, and notes such as 'offline copy used'."""

    def reload(self) -> None:
        """Fetch and verify every source again (the user asked for it, or the settings changed)."""
        with self._load_lock:
            self._load()

    def _load(self) -> None:
        catalogs = []
        problems: list[str] = []
        for source in self._sources:
            try:
                catalogs.append(load_catalog(source, warnings=problems))
            except ModManagerError as error:
                problems.append(f"{source.name}: {error}")
        merged = merge_catalogs(catalogs)
        with self._lock:
            self._catalogs = tuple(catalogs)
            self._modules = {module.id.lower(): module for module in merged}
            self.problems = problems

    def _ensure(self) -> None:
        if self._catalogs is not None:
            return
        with self._load_lock:
            if self._catalogs is None:  # another thread may have loaded them while this one waited
                self._load()

    def modules(self) -> tuple[CatalogModule, ...]:
        self._ensure()
        with self._lock:
            return tuple(self._modules.values())

    def module(self, module_id: str) -> CatalogModule | None:
        self._ensure()
        with self._lock:
            return self._modules.get(module_id.lower())

    def as_catalogs(self) -> tuple[Catalog, ...]:
        """The merged view as one catalog whose file locations are already resolved."""
        modules = self.modules()
        return (Catalog(name="merged", generated="", modules=modules, source=""),)

    def fetch(self, file: ReleaseFile) -> bytes:
        """The bytes of a release file (resolved location), checked against size and SHA-256."""
        cache = self._cache or SfmCache()
        cached = cache.get(file.sha256)
        if cached is not None:
            return cached
        with tempfile.TemporaryDirectory(prefix="modmanager-download-") as folder:
            unresolved = Catalog(name="", generated="", modules=(), source="")
            download_release_file(unresolved, file, Path(folder), cache=cache)
        data = cache.get(file.sha256)
        if data is None:
            raise CatalogError(
                "The downloaded module file could not be kept in the local cache.", "Try again.", code="cache_failed"
            )
        return data
