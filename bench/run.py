"""Benchmarks as ratios: every figure measured together with its baseline, in the same run.

Run: ``.venv/bin/python bench/run.py [--quick] [--only NAME,...] [--keep]``

On a shared machine an absolute time says little; what a partner feels is how close each wait
is to what cannot be avoided. So each figure is a pair measured side by side - the GUI's first
paint against a bare window, the CLI against a bare interpreter, a fleet refresh against one
PBX's, an update's round trips against the protocol's minimum, reading module files against
zipfile plus XML - and judged by its ratio. One line per figure (value, baseline, ratio,
target, met); the records go to ``bench/results.json``. ``docs/performance.md`` keeps the last
run and what changed because of it. Tests never assert timings.

Figures (module ``bench/fig_<name>.py`` each): cli, gui_start, refresh, update, sfm, planning,
memory. ``--quick`` runs the same figures with fewer repetitions and files (CI-sized).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import Failure, Figure  # noqa: E402
from bench.context import FULL, QUICK, Context, cpu_count  # noqa: E402

FIGURES = ("cli", "gui_start", "refresh", "update", "sfm", "planning", "memory")
RESULTS = ROOT / "bench" / "results.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and files (a CI-sized run)")
    parser.add_argument("--only", metavar="NAMES", help=f"comma-separated subset of: {', '.join(FIGURES)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (printed at the end)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where to write the records")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    chosen = FIGURES if not args.only else tuple(name.strip() for name in args.only.split(","))
    unknown = [name for name in chosen if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}")

    tmp = Path(tempfile.mkdtemp(prefix="modmanager-bench-"))
    ctx = Context(tmp=tmp, sizes=QUICK if args.quick else FULL, quick=args.quick)
    started = time.perf_counter()
    print(f"modmanager bench ({'quick' if args.quick else 'full'}) on {cpu_count()} CPUs, {platform.python_version()}")
    results: list[Figure | Failure] = []
    try:
        for name in chosen:
            module = importlib.import_module(f"bench.fig_{name}")
            began = time.perf_counter()
            try:
                figures: list[Figure | Failure] = list(module.run(ctx))
            except Exception as error:  # one broken figure must not hide the others
                traceback.print_exc()
                figures = [Failure(name, f"{type(error).__name__}: {error}")]
            for figure in figures:
                print(figure.line(), flush=True)
            print(f"     ({name}: {time.perf_counter() - began:.0f} s)", flush=True)
            results.extend(figures)
    finally:
        ctx.close()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    records = []
    for result in results:
        record = result.record()
        record["run"] = {"at": stamp, "quick": args.quick, "cpus": cpu_count()}
        records.append(record)
    args.results.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
    missed = [result.name for result in results if not (isinstance(result, Figure) and result.met)]
    print(f"{len(results) - len(missed)} of {len(results)} targets met in {time.perf_counter() - started:.0f} s; "
          f"records in {args.results}")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
