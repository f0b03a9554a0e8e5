"""GUI memory: resident set size with 500 PBXs x 40 modules shown, against a bare window.

The application starts on a data folder of 500 PBXs (sharing the 200 simulated ones) and is
measured a second after every PBX shows its cached snapshot; the bare window a second after
its first paint. Target: at most 150 MiB more than the bare window.
"""

from __future__ import annotations

from bench import fig_gui_start
from bench.common import Figure, median, run_probe
from bench.context import Context

TARGET_MIB = 150.0


def run(ctx: Context) -> list[Figure]:
    home = ctx.home(ctx.sizes.memory_pbxs)
    repeats = 1 if ctx.quick else 2
    while len(ctx.bare_runs) < repeats:
        fig_gui_start.bare(ctx)
    runs = [run_probe("guiprobe", ["--mode", "memory"], ctx.env(home)) for _ in range(repeats)]
    return [
        Figure(
            name=f"GUI memory, {ctx.sizes.memory_pbxs} PBXs x 40 modules",
            value=median([r["rss_mib"] for r in runs]),
            baseline=median([r["rss_mib"] for r in ctx.bare_runs]),
            unit="MiB",
            target=TARGET_MIB,
            kind="delta",
            baseline_name="bare window",
            details={
                "peak_mib": max(r["peak_rss_mib"] for r in runs),
                "baseline_peak_mib": max(r["peak_rss_mib"] for r in ctx.bare_runs),
                "cached_visible_s": median([r["cached_visible"] for r in runs]),
                "pbxs": ctx.sizes.memory_pbxs,
            },
        )
    ]
