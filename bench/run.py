"""Benchmarks for the paths a partner with a large fleet waits on.

Run: ``.venv/bin/python bench/run.py [--quick]``. Prints one line per benchmark with the
median time, the target and whether it was met. Targets are what a technician should never
notice: the fleet view must be planned before the window is drawn, and refreshing a fleet
must cost about one round trip per PBX, not the sum of them. Results are recorded in
``docs/performance.md``; tests never assert timings.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from modmanager.core.catalog import (
    Catalog,
    CatalogModule,
    Channel,
    Release,
    ReleaseFile,
    dump_catalog,
    generate_signing_key,
    parse_catalog,
    sign_catalog,
    verify_catalog,
)
from modmanager.core.planner import PbxFacts, plan_pbx
from modmanager.core.protocol import Edition, InstalledModule, InstanceState, LicenseKind
from modmanager.core.sfm import read_sfm
from modmanager.core.sfmbuild import build_sfm, example_spec
from modmanager.core.versions import Compatibility, StarfaceVersion, VersionRange


def measure(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def big_catalog(modules: int, releases: int) -> Catalog:
    compat = Compatibility(compatible=(VersionRange.parse("9.X"), VersionRange.parse("10.X")))
    items = []
    for m in range(modules):
        module_id = f"00000000-0000-4000-8000-{m:012d}"
        rel = tuple(
            Release(
                version=100 + r,
                display_version=f"v{100 + r}",
                date="2025-01-01",
                channel=Channel.STABLE,
                compatibility=compat,
                changelog=f"## v{100 + r}\n- Fehlerbehebungen" + (" - Upgrade kostenpflichtig" if r % 7 == 6 else ""),
                paid=False,
                standard=ReleaseFile(f"m{m}/v{100 + r}.sfm", 4096, "a" * 64),
                nfr=None,
            )
            for r in reversed(range(releases))
        )
        items.append(CatalogModule(module_id, {"de": f"Modul {m}", "en": f"Module {m}"}, "Vendor", {}, rel))
    return Catalog(name="Bench", generated="2025-01-01T00:00:00+00:00", modules=tuple(items))


def bench_sfm(quick: bool) -> tuple[str, float, float]:
    data = build_sfm(example_spec(126))
    count = 100 if quick else 500
    seconds = measure(lambda: [read_sfm(data) for _ in range(count)], 3)
    return f"read {count} .sfm files", seconds, 0.5 * count / 500


def bench_catalog(quick: bool) -> tuple[str, float, float]:
    catalog = big_catalog(100 if quick else 400, 10)
    data = dump_catalog(catalog)
    private, public = generate_signing_key()
    signature = sign_catalog(data, private)

    def load() -> None:
        verify_catalog(data, signature, [public])
        parse_catalog(data)

    return f"verify+parse catalog ({len(catalog.modules)} modules, {len(data) // 1024} KiB)", measure(load, 3), 1.0


def bench_plan(quick: bool) -> tuple[str, float, float]:
    catalog = big_catalog(200, 10)
    pbxs = 100 if quick else 500
    facts = PbxFacts(StarfaceVersion.parse("9.1.0.2"), Edition.APPLIANCE, frozenset({LicenseKind.SERVER}))
    installed = [
        InstalledModule(module.id, module.names["en"], "Vendor", 103, instances=(InstanceState("Zentrale", True),))
        for module in catalog.modules[:20]
    ]

    def plan_fleet() -> None:
        for _ in range(pbxs):
            plan_pbx(facts, installed, [catalog], channel=Channel.STABLE)

    return f"plan {pbxs} PBXs x 20 modules against 200 catalog modules", measure(plan_fleet, 3), 2.0 * pbxs / 500


def bench_refresh(quick: bool) -> tuple[str, float, float]:
    from modmanager.ops.refresh import refresh_fleet
    from modmanager.pbx.client import connect
    from modmanager.simulator.server import SimulatorFleet
    from modmanager.simulator.testing import TEST_PASSWORD, make_pbx
    from modmanager.store.credentials import open_credentials
    from modmanager.store.inventory import Inventory, PbxRecord
    from tests.ops.world import services_for, signed_catalog

    count = 8 if quick else 20
    latency_ms = 100
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        import os

        os.environ["MODMANAGER_HOME"] = str(tmp / "home")
        os.environ.setdefault("MODMANAGER_MASTER_PASSWORD", "bench")
        catalog_dir, key = signed_catalog(tmp)
        fleet = SimulatorFleet(tmp / "sim", latency_ms=latency_ms)
        for index in range(count):
            fleet.add(make_pbx(f"pbx{index}"))
        with fleet:
            services = services_for(tmp, catalog_dir, key)
            services.credentials = open_credentials(backend="file", path=tmp / "secrets.enc")
            credentials = services.credentials
            services.connect = lambda record: connect(record, credentials, timeout=10.0)
            services.settings = replace(services.settings, concurrency=count)
            inventory: Inventory = services.inventory
            for sim in fleet.pbxs:
                inventory.add(PbxRecord(sim.state.name, sim.url, sim.state.login_id, fingerprint=sim.fingerprint))
                credentials.set_password(sim.state.name, sim.state.login_id, TEST_PASSWORD)
            names = [sim.state.name for sim in fleet.pbxs]
            services.catalogs.reload()
            seconds = measure(lambda: refresh_fleet(services, names), 3)
            services.close()
    sequential = count * 2 * latency_ms / 1000
    return (
        f"refresh {count} PBXs with {latency_ms} ms latency (sequential would be >= {sequential:.1f} s)",
        seconds,
        sequential / 4,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    failed = 0
    for bench in (bench_sfm, bench_catalog, bench_plan, bench_refresh):
        name, seconds, target = bench(args.quick)
        met = seconds <= target
        failed += not met
        print(f"{'ok  ' if met else 'SLOW'} {seconds * 1000:9.1f} ms  (target {target * 1000:7.0f} ms)  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
