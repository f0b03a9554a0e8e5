"""Inspecting 1,000 module files of realistic size against a raw zipfile read with XML parsing.

The files are 4 to 170 KB (log-uniform) with forms of 2 to 56 inputs, built once per run.
Subject: :func:`modmanager.core.sfm.read_sfm_path` on each (all the checks a hostile file
needs, manifest, descriptor, form). Baseline: read the file, open it with ``zipfile``, read
the descriptor and parse it with ``xml.etree``. Both read from the page cache (a warm-up pass
first) and take turns; each is timed in CPU seconds of this process and the best of the turns
counts (pure CPU work: other processes on a shared machine should not decide it). Target: at
most 3 times the baseline.
"""

from __future__ import annotations

import time
from pathlib import Path
from xml.etree import ElementTree

from bench import world
from bench.common import Figure, median
from bench.context import Context

TARGET = 3.0


def run(ctx: Context) -> list[Figure]:
    from modmanager.core.sfm import read_sfm_path

    paths = world.sfm_corpus(ctx.tmp / "sfm", ctx.sizes.sfm_files)
    sizes = [path.stat().st_size for path in paths]

    def subject() -> None:
        for path in paths:
            read_sfm_path(path)

    def baseline() -> None:
        for path in paths:
            ElementTree.fromstring(world.raw_descriptor(Path(path).read_bytes()))

    subject()
    baseline()
    subject_times, baseline_times = [], []
    for _ in range(3 if ctx.quick else 5):
        for fn, times in ((baseline, baseline_times), (subject, subject_times)):
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
    return [
        Figure(
            name=f"inspect {len(paths)} .sfm (4-170 KB)",
            value=min(subject_times),
            baseline=min(baseline_times),
            unit="s",
            target=TARGET,
            baseline_name="zipfile + XML parse",
            details={
                "files": len(paths),
                "smallest_bytes": min(sizes),
                "largest_bytes": max(sizes),
                "median_bytes": median(sizes),
                "runs": subject_times,
                "baseline_runs": baseline_times,
            },
        )
    ]
