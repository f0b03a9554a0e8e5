"""Refreshing the fleet at 100 ms latency, from the CLI and through the GUI, against one PBX.

The simulated PBXs run in separate processes (:mod:`bench.simproc`) and answer every request
after 100 ms; the bench reads their CPU and request counters around each measurement and
reports the client's and the simulator's CPU share of the wall time, so a slow simulator is
not mistaken for a slow client (on a two-core machine both compete).

- CLI: ``modmanager refresh`` (every PBX) against ``modmanager refresh --pbx <one>``.
- GUI: the real application (:mod:`bench.guiprobe`, mode ``refresh``), once with three PBXs
  per customer and once with all of them under one customer (each figure is the worse of the
  two): after the start-up refresh settled, one PBX is refreshed the way the toolbar reads
  each PBX (the controller's ``refresh_many`` with one name: one counted operation, a quiet
  read), then all of them
  (``refresh_all``, the toolbar action, which loads the catalogs again first - recorded apart)
  while a 5 ms timer measures the event loop's largest pause; the baseline pause is that of the
  same window idle.

Targets: every PBX in at most 3 times one PBX; pauses under 50 ms.
"""

from __future__ import annotations

import json
from typing import Any

from bench import fig_cli
from bench.common import Figure, median, run_child, run_probe
from bench.context import Context
from bench.simfleet import difference

TARGET_RATIO = 3.0
TARGET_GAP_MS = 50.0


def _cli(ctx: Context, arguments: list[str]) -> dict[str, Any]:
    home = ctx.home(ctx.sizes.pbxs)
    before = ctx.fleet.stats()
    child = run_child([*fig_cli.modmanager_command(), "refresh", "--json", *arguments], ctx.env(home))
    sim = difference(ctx.fleet.stats(), before)
    try:
        pbxs = json.loads(child.stdout)["pbxs"]
    except (ValueError, KeyError):
        raise RuntimeError(f"modmanager refresh failed: {child.stderr.strip()[-300:]}") from None
    failed = [item["name"] for item in pbxs if item["error"]]
    return {
        "wall": child.wall,
        "client_cpu": child.cpu,
        "sim": sim,
        "pbxs": len(pbxs),
        "failed": len(failed),
        "first_error": next((item["error"] for item in pbxs if item["error"]), None),
    }


def _shares(wall: float, client_cpu: float, sim_cpu: float) -> dict[str, float]:
    return {"client_cpu_share": client_cpu / wall, "simulator_cpu_share": sim_cpu / wall}


def cli(ctx: Context) -> Figure:
    one = ctx.fleet.pbxs[0]["name"]
    singles, alls = [], []
    for _ in range(ctx.sizes.refresh_repeats):
        singles.append(_cli(ctx, ["--pbx", one]))
        alls.append(_cli(ctx, []))
    best = min(alls, key=lambda run: run["wall"])
    return Figure(
        name=f"CLI refresh {ctx.sizes.pbxs} PBXs @100 ms",
        value=median([run["wall"] for run in alls]),
        baseline=median([run["wall"] for run in singles]),
        unit="s",
        target=TARGET_RATIO,
        baseline_name="one PBX's refresh",
        details={
            **_shares(best["wall"], best["client_cpu"], best["sim"]["cpu"]),
            "client_cpu_s": best["client_cpu"],
            "simulator_cpu_s": best["sim"]["cpu"],
            "baseline_client_cpu_s": median([run["client_cpu"] for run in singles]),
            "baseline_simulator_cpu_s": median([run["sim"]["cpu"] for run in singles]),
            "requests": best["sim"]["request_total"],
            "requests_per_pbx": best["sim"]["request_total"] / max(1, best["pbxs"]),
            "tls_connections": best["sim"]["connections"],
            "tls_connections_per_pbx": best["sim"]["connections"] / max(1, best["pbxs"]),
            "failed_pbxs": best["failed"],
            "first_error": best["first_error"],
            "single_requests": singles[0]["sim"]["request_total"],
            "runs": [run["wall"] for run in alls],
            "baseline_runs": [run["wall"] for run in singles],
        },
    )


def _gui_run(ctx: Context, *, one_customer: bool) -> dict[str, Any]:
    """One probe of the window refreshing the fleet, with the simulator's counters around it."""
    home = ctx.home(ctx.sizes.pbxs, one_customer=one_customer)
    marks: dict[str, dict[str, Any]] = {}

    def mark(label: str) -> None:
        marks.setdefault(label, ctx.fleet.stats())
        marks[f"{label}@last"] = ctx.fleet.stats()

    result = run_probe("guiprobe", ["--mode", "refresh"], ctx.env(home), on_sync=mark)
    if "error" in result:
        raise RuntimeError(result["error"])
    result["sim_all"] = difference(marks["end"], marks["all"])
    result["single"] = median(result["single_s"])
    result["ratio"] = result["all_s"] / result["single"]
    return result


def _gui_details(result: dict[str, Any]) -> dict[str, Any]:
    wall, sim_all = result["all_s"], result["sim_all"]
    helper = result.get("helper_cpu", {}).get("all", 0.0)
    return {
        # The client is the window's process and its read helper process together.
        **_shares(wall, result["cpu"]["all"] + helper, sim_all["cpu"]),
        "gui_thread_cpu_share": result.get("gui_cpu", {}).get("all", float("nan")) / wall,
        "read_helper_cpu_share": helper / wall,
        "requests": sim_all["request_total"],
        "tls_connections": sim_all["connections"],
        "startup_refresh_s": result["startup_idle"] - result["cached_visible"],
        "catalogs_before_reads_s": result.get("all_catalogs_s"),
        "single_runs": result["single_s"],
    }


def _gap_details(result: dict[str, Any]) -> dict[str, Any]:
    gaps = result["gaps"]
    return {
        "max_ms": gaps["all"]["max_ms"],
        "ticks_over_50ms": gaps["all"]["over_50ms"],
        "max_gap_ended_s": gaps["all"].get("max_ended_s"),
        "ticks": gaps["all"]["ticks"],
        "startup_max_gap_ms": gaps["startup"]["max_ms"],
        "startup_ticks_over_50ms": gaps["startup"]["over_50ms"],
        "single_refresh_max_gap_ms": gaps.get("single", {}).get("max_ms"),
    }


def gui(ctx: Context) -> list[Figure]:
    """The window's refresh of every PBX, with three PBXs per customer and with all under one
    customer (one group in the PBX list, redrawn for each PBX); each figure is the worse of the two."""
    runs = {"many_customers": _gui_run(ctx, one_customer=False), "one_customer": _gui_run(ctx, one_customer=True)}
    slower = max(runs.values(), key=lambda result: result["ratio"])
    refresh = Figure(
        name=f"GUI refresh {ctx.sizes.pbxs} PBXs @100 ms",
        value=slower["all_s"],
        baseline=slower["single"],
        unit="s",
        target=TARGET_RATIO,
        baseline_name="one PBX's refresh",
        details={
            "shown": "the slower of the two fleets",
            **{name: {"ratio": result["ratio"], **_gui_details(result)} for name, result in runs.items()},
        },
    )
    stalled = max(runs.values(), key=lambda result: result["gaps"]["all"]["max_ms"])
    gap = Figure(
        name="GUI event-loop max gap during refresh",
        value=stalled["gaps"]["all"]["max_ms"],
        baseline=stalled["gaps"]["idle"]["max_ms"],
        unit="ms",
        target=TARGET_GAP_MS,
        kind="max",
        baseline_name="idle window",
        details={
            "shown": "the larger of the two fleets",
            **{name: _gap_details(result) for name, result in runs.items()},
        },
    )
    return [refresh, gap]


def run(ctx: Context) -> list[Figure]:
    return [cli(ctx), *gui(ctx)]
