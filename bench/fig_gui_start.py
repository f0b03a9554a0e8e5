"""GUI start-up: first paint of the main window with the cached fleet, against a bare window.

Both run as fresh processes on the offscreen platform (:mod:`bench.guiprobe`), taking turns;
the time is from spawning the process to the first paint event of its main window. The
application is started through its real entry (``modmanager`` without a command) on a data
folder with the fleet's last snapshots and statuses, while the simulated PBXs answer at 100 ms.
Also recorded: how many PBXs show what was stored (status and STARFACE version) in that first
paint (the target wants all of them), how many show their planned snapshot already, and when
the whole cached fleet is planned and shown.
"""

from __future__ import annotations

from bench.common import Figure, median, run_probe
from bench.context import Context

TARGET = 2.0


def bare(ctx: Context) -> dict[str, float]:
    result = run_probe("guiprobe", ["--mode", "bare"], ctx.env())
    ctx.bare_runs.append(result)
    return result


def run(ctx: Context) -> list[Figure]:
    home = ctx.home(ctx.sizes.pbxs)
    runs = []
    bares = []
    for _ in range(ctx.sizes.startup_repeats):
        bares.append(bare(ctx))
        runs.append(run_probe("guiprobe", ["--mode", "firstpaint"], ctx.env(home)))
    value = median([r["first_paint"] for r in runs])
    baseline = median([r["first_paint"] for r in bares])
    cached_visible = median([r.get("cached_visible", float("nan")) for r in runs])
    cached_at_paint = min(r.get("cached_at_paint", 0) for r in runs)
    planned_at_paint = min(r.get("planned_at_paint", 0) for r in runs)
    return [
        Figure(
            name=f"GUI first paint, {ctx.sizes.pbxs} cached PBXs",
            value=value,
            baseline=baseline,
            unit="s",
            target=TARGET,
            baseline_name="bare PySide6 window",
            details={
                "cached_at_first_paint": cached_at_paint,
                "planned_at_first_paint": planned_at_paint,
                "pbxs": ctx.sizes.pbxs,
                "cached_fleet_visible_s": cached_visible,
                "cached_visible_at_first_paint": cached_at_paint >= ctx.sizes.pbxs,
                "max_gap_paint_to_cached_ms": max(
                    r["gaps"].get("paint_to_cached", {}).get("max_ms", 0.0) for r in runs
                ),
                "cpu_to_first_paint_s": median([r["cpu"]["to_first_paint"] for r in runs]),
                "runs": [r["first_paint"] for r in runs],
                "baseline_runs": [r["first_paint"] for r in bares],
            },
        )
    ]
