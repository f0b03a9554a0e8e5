"""The catalogs the user configured, loaded once and merged, with checked downloads.

Every source from the settings is fetched and verified (see :mod:`modmanager.catalog.source`);
one source that fails does not hide the others - its problem is kept for the user to see.

A source that cannot be used (unreachable without a saved copy, a signature that does not
match, a broken file) is never silent: :attr:`CatalogSet.unavailable` names it and why, every
plan made without it is marked incomplete (:attr:`modmanager.core.planner.PbxPlan.missing_catalogs`),
the PBX status says "catalog unavailable" instead of "up to date", and the command line exits
with its own code (:class:`CatalogsUnavailable`). A source answered from the copy saved earlier
is used, with a note.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from modmanager.catalog.source import CatalogSource, download_release_file, load_catalog
from modmanager.core.catalog import Catalog, CatalogModule, ReleaseFile, merge_catalogs
from modmanager.core.errors import CatalogError, CatalogsUnavailable, ModManagerError
from modmanager.store import settings as settings_store
from modmanager.store.sfmcache import SfmCache

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CatalogProblem:
    """A configured catalog that could not be used: which one, and why (``reason`` is the English
    sentence of ``error``, which front ends render in their language)."""

    source: str
    reason: str
    code: str = ""
    error: ModManagerError | None = field(default=None, compare=False, repr=False)

    def as_error(self) -> ModManagerError:
        """This problem as one sentence naming the source, with the reason as its cause."""
        return CatalogError(
            code="catalog_source_unusable",
            params={"source": self.source},
            cause=self.error or ModManagerError(self.reason, code=self.code),
        )

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "reason": self.reason, "code": self.code}


def catalogs_unavailable(problems: Sequence[CatalogProblem], pbx: str = "") -> CatalogsUnavailable:
    """The error that says the list of updates for ``pbx`` (without one: the refresh) is incomplete
    and names every unusable source with its reason."""
    return CatalogsUnavailable(
        code="catalogs_unavailable",
        params={
            "sources": ", ".join(problem.source for problem in problems),
            "count": str(len(problems)),
            "pbx": pbx,
        },
        parts=tuple(problem.as_error() for problem in problems),
    )


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
        self._merged: tuple[Catalog, ...] = ()
        self.problems: list[ModManagerError] = []
        """Every catalog that could not be used and every note, for the GUI's status line."""
        """One sentence per source that could not be used, and notes such as 'offline copy used'."""
        self._unavailable: tuple[CatalogProblem, ...] = ()
        self._notes: tuple[ModManagerError, ...] = ()

    def reload(self) -> None:
        """Fetch and verify every source again (the user asked for it, or the settings changed)."""
        with self._load_lock:
            self._load()

    def _load(self) -> None:
        catalogs = []
        problems: list[ModManagerError] = []
        unavailable: list[CatalogProblem] = []
        notes: list[ModManagerError] = []
        for source in self._sources:
            try:
                catalogs.append(load_catalog(source, warnings=notes))
            except ModManagerError as error:
                log.warning("catalog %s cannot be used: %s", source.name, error.message)
                problem = CatalogProblem(source.name, error.message, error.code, error)
                problems.append(problem.as_error())
                unavailable.append(problem)
        problems.extend(notes)
        with self._lock:
            previous = self._catalogs
        unchanged = previous is not None and len(previous) == len(catalogs) and all(
            old is new for old, new in zip(previous, catalogs, strict=True)
        )
        if not unchanged:  # else the same merged objects: the planner keeps what it learnt about them
            merged = merge_catalogs(catalogs)
            modules = {module.id.lower(): module for module in merged}
            # One object per set of catalogs: the planner indexes a catalog set once, found by identity.
            merged_view = (Catalog(name="merged", generated="", modules=merged, source=""),)
        with self._lock:
            if not unchanged:
                self._modules = modules
                self._merged = merged_view
            self._catalogs = tuple(catalogs)
            self.problems = problems
            self._unavailable = tuple(unavailable)
            self._notes = tuple(notes)

    @property
    def loaded(self) -> bool:
        """Whether the catalogs were read (they are read on first use)."""
        with self._lock:
            return self._catalogs is not None

    def unavailable(self) -> tuple[CatalogProblem, ...]:
        """The configured sources that could not be used in the last load (loads them if needed)."""
        self._ensure()
        with self._lock:
            return self._unavailable

    def notes(self) -> tuple[ModManagerError, ...]:
        """Sentences about sources answered from the copy saved earlier (they are used)."""
        self._ensure()
        with self._lock:
            return self._notes

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
        """The merged view as one catalog whose file locations are already resolved (the same
        objects until the next reload)."""
        self._ensure()
        with self._lock:
            return self._merged

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
            raise CatalogError(code="cache_failed")
        return data
