"""Planning a fleet from its snapshots: 125 -> 1,000 PBXs x 40 modules, growth per doubling.

Every PBX is planned against the 200-module catalog the way the application does after a
refresh or at start (``plan_pbx`` on the merged catalogs, today's date for "new" modules,
the default paid markers), timed in CPU seconds of this process, best of the repetitions -
each against a catalog set the planner has not planned before (it remembers already planned
installations per catalog set); the largest fleet planned again from that memory is
recorded beside it.
Linear growth is 2.0 per doubling; target at most 2.2.
"""

from __future__ import annotations

import datetime as dt
import math
import time

from bench import world
from bench.common import Figure
from bench.context import Context

TARGET = 2.2


def run(ctx: Context) -> list[Figure]:
    from modmanager.core.catalog import Catalog, merge_catalogs, parse_catalog
    from modmanager.core.planner import PbxFacts, plan_pbx
    from modmanager.core.protocol import SystemInfo

    catalog_dir, _ = ctx.catalog
    parsed = parse_catalog((catalog_dir / "catalog.json").read_bytes(), source=str(catalog_dir))
    # What CatalogSet.as_catalogs() hands the planner: one merged catalog.
    catalogs = (Catalog(name="merged", generated="", modules=merge_catalogs([parsed]), source=""),)
    sizes = ctx.sizes.planning
    fleet = []
    for index in range(max(sizes)):
        spec = world.pbx_spec(index % 1000)
        facts = PbxFacts.from_system_info(SystemInfo.from_struct(world.system_info_struct(spec)))
        fleet.append((facts, world.installed_modules(spec)))
    today = dt.date.today()
    for facts, installed in fleet[:50]:  # warm up: the catalog index and the changelog cache
        plan_pbx(facts, installed, catalogs, today=today)
    times: dict[int, float] = {}
    for count in sizes:
        runs = []
        for _ in range(1 if ctx.quick else 3):
            # A catalog set the planner has not seen (as on the first refresh after a catalog
            # changed): it remembers each (module, version, STARFACE, licenses) per catalog set.
            fresh = (Catalog(name="merged", generated="", modules=merge_catalogs([parsed]), source=""),)
            start = time.process_time()
            for facts, installed in fleet[:count]:
                plan_pbx(facts, installed, fresh, today=today)
            runs.append(time.process_time() - start)
        times[count] = min(runs)
    # The last catalog set again, as every later refresh plans: from the planner's memory.
    start = time.process_time()
    for facts, installed in fleet[: sizes[-1]]:
        plan_pbx(facts, installed, fresh, today=today)
    warm = time.process_time() - start
    first, last = sizes[0], sizes[-1]
    doublings = round(math.log2(last / first))
    return [
        Figure(
            name=f"planning {first} -> {last} PBXs x 40 modules",
            value=times[last],
            baseline=times[first],
            unit="s",
            target=TARGET,
            kind="per_doubling",
            doublings=doublings,
            baseline_name=f"{first} PBXs",
            details={
                "seconds_by_pbxs": {str(count): seconds for count, seconds in times.items()},
                "per_pbx_ms": times[last] / last * 1000,
                "warm_seconds_for_the_largest": warm,
                "catalog_modules": world.CATALOG_MODULES,
            },
        )
    ]
