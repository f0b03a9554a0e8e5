"""What the figures share in one run: the sizes, a temporary folder, the catalog, the simulated
fleet and the data folders pointing at it (set up lazily, only for figures that need them)."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import world
from bench.common import bench_env
from bench.simfleet import SimFleet

LATENCY_MS = 100


@dataclass
class Sizes:
    pbxs: int
    """Simulated PBXs (and PBXs in the data folder) for start-up and refresh."""
    memory_pbxs: int
    sfm_files: int
    planning: tuple[int, ...]
    startup_repeats: int
    cli_repeats: int
    refresh_repeats: int
    sim_processes: int


FULL = Sizes(pbxs=200, memory_pbxs=500, sfm_files=1000, planning=(125, 250, 500, 1000), startup_repeats=5,
             cli_repeats=11, refresh_repeats=2, sim_processes=4)
QUICK = Sizes(pbxs=100, memory_pbxs=500, sfm_files=300, planning=(125, 250, 500, 1000), startup_repeats=2,
              cli_repeats=5, refresh_repeats=1, sim_processes=3)


@dataclass
class Context:
    tmp: Path
    sizes: Sizes
    quick: bool
    _fleet: SimFleet | None = field(default=None, repr=False)
    _homes: set[Path] = field(default_factory=set, repr=False)
    bare_runs: list[dict[str, Any]] = field(default_factory=list)
    """Bare-window probes of this run (first paint and memory share them)."""

    @functools.cached_property
    def catalog(self) -> tuple[Path, str]:
        folder = self.tmp / "catalog"
        return folder, world.write_catalog(folder)

    @property
    def fleet(self) -> SimFleet:
        if self._fleet is None:
            self._fleet = SimFleet(
                self.tmp / "sim", self.sizes.pbxs, processes=self.sizes.sim_processes, latency_ms=LATENCY_MS
            )
            self._fleet.start()
        return self._fleet

    def home(self, count: int, *, one_customer: bool = False) -> Path:
        """A data folder with ``count`` PBXs on the simulated fleet, with cached snapshots
        (three PBXs per customer, or all under one)."""
        home = self.tmp / f"home{count}{'-one-customer' if one_customer else ''}"
        if home not in self._homes:
            catalog_dir, public_key = self.catalog
            world.prepare_home(home, self.fleet.pbxs, count, catalog_dir, public_key, one_customer=one_customer)
            self._homes.add(home)
        return home

    def env(self, home: Path | None = None) -> dict[str, str]:
        return bench_env(home, BENCH_TMP=str(self.tmp))

    def close(self) -> None:
        if self._fleet is not None:
            self._fleet.stop()
            self._fleet = None


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
