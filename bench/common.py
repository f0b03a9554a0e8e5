"""What every figure shares: the record it produces, timing helpers and the child-process runner.

A figure is always a pair measured in the same run - the value and the baseline it is judged
against - because on a shared machine an absolute time says little. Start-up figures run in
fresh processes (what a partner waits for includes the interpreter and the imports), timed
from just before the process is spawned.
"""

from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MASTER_PASSWORD = "bench-master-password"
"""Throwaway master password of the bench's encrypted credential file (a temporary folder)."""

# How a figure's target is read: "ratio" value/baseline <= target; "per_doubling" the growth
# factor per doubling of the input <= target; "max" the value itself < target; "delta"
# value - baseline <= target.
TargetKind = str


@dataclass
class Figure:
    """One line of the bench table and one record of ``bench/results.json``."""

    name: str
    value: float
    baseline: float
    unit: str
    target: float
    kind: TargetKind = "ratio"
    baseline_name: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    doublings: int = 0

    @property
    def ratio(self) -> float:
        if self.kind == "per_doubling":
            if self.baseline <= 0 or self.value <= 0 or not self.doublings:
                return math.nan
            return float((self.value / self.baseline) ** (1 / self.doublings))
        return self.value / self.baseline if self.baseline else math.inf

    @property
    def met(self) -> bool:
        if self.kind == "max":
            return self.value < self.target
        if self.kind == "delta":
            return self.value - self.baseline <= self.target
        return self.ratio <= self.target

    def target_text(self) -> str:
        if self.kind == "max":
            return f"< {self.target:g} {self.unit}"
        if self.kind == "delta":
            return f"<= +{self.target:g} {self.unit}"
        if self.kind == "per_doubling":
            return f"<= {self.target:g} per doubling"
        return f"<= {self.target:g}x"

    def record(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = _finite(self.ratio)
        data["met"] = self.met
        data["target_text"] = self.target_text()
        if self.kind == "delta":
            data["delta"] = self.value - self.baseline
        return data

    def line(self) -> str:
        ratio = self.ratio
        if self.kind == "delta":
            shown = f"+{self.value - self.baseline:.0f} {self.unit}"
        elif self.kind == "per_doubling":
            shown = f"{ratio:.2f}/dbl"
        else:
            shown = f"{ratio:.2f}x"
        return (
            f"{'ok  ' if self.met else 'MISS'} {self.name:<44} {_quantity(self.value, self.unit):>12}  "
            f"base {_quantity(self.baseline, self.unit):>12}  {shown:>10}  target {self.target_text()}"
        )


@dataclass
class Failure:
    """A figure that could not be measured (the bench reports it instead of stopping)."""

    name: str
    error: str

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "value": None, "baseline": None, "ratio": None, "target": None,
                "met": False, "error": self.error}

    def line(self) -> str:
        return f"FAIL {self.name:<44} {self.error}"


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _quantity(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def bench_env(home: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of every child: the bench's data folder, never the user's keyring, and
    the modmanager of the checkout the bench lives in (ahead of whatever the venv installed)."""
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH")))),
            "MODMANAGER_MASTER_PASSWORD": MASTER_PASSWORD,
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONDONTWRITEBYTECODE": "",
        }
    )
    env.pop("PYTHONDONTWRITEBYTECODE")
    if home is not None:
        env["MODMANAGER_HOME"] = str(home)
    env.update(extra)
    return env


@dataclass
class ChildRun:
    """A finished child process: wall time from spawn to exit, its CPU time, its output."""

    wall: float
    cpu: float
    returncode: int
    stdout: str
    stderr: str


def run_child(args: Sequence[str], env: dict[str, str], *, timeout: float = 600, cwd: Path = ROOT) -> ChildRun:
    """Run ``args`` to completion; CPU time comes from the reaped child's resource usage.

    Only one child is reaped at a time here, so the difference of ``RUSAGE_CHILDREN`` around
    it is this child's (and its own children's) CPU.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True
    )
    stdout, stderr = process.communicate(timeout=timeout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ChildRun(wall, cpu, process.returncode, stdout, stderr)


def run_probe(
    module: str,
    arguments: Sequence[str],
    env: dict[str, str],
    *,
    on_sync: Callable[[str], None] | None = None,
    timeout: float = 600,
) -> dict[str, Any]:
    """Run ``python -m bench.<module>``, which writes one JSON document; times are from the spawn.

    The probe gets the spawn time (``BENCH_T0``, wall clock) so it can report when its events
    happened relative to the moment the process was started. A probe line ``sync LABEL`` on
    stdout waits until ``on_sync(LABEL)`` returned (e.g. to read the simulator's counters at
    that moment); the probe stops its clocks meanwhile.
    """
    tmp = Path(env.get("BENCH_TMP", "/tmp"))
    out = tmp / f"probe-{os.getpid()}-{time.monotonic_ns()}.json"
    errors = tmp / f"probe-{os.getpid()}-{time.monotonic_ns()}.err"
    env = {**env, "BENCH_T0": repr(time.time())}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with errors.open("w") as stderr:
        process = subprocess.Popen(
            [PYTHON, "-m", f"bench.{module}", "--out", str(out), *arguments],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=ROOT, text=True,
        )
        assert process.stdin is not None and process.stdout is not None
        deadline = start + timeout
        for line in process.stdout:
            if line.startswith("sync "):
                if on_sync is not None:
                    on_sync(line[5:].strip())
                process.stdin.write("go\n")
                process.stdin.flush()
            if time.perf_counter() > deadline:
                process.kill()
                break
        process.wait(timeout=max(1.0, deadline - time.perf_counter()))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    message = errors.read_text(errors="replace")
    errors.unlink(missing_ok=True)
    if process.returncode != 0 or not out.exists():
        tail = message.strip().splitlines()[-6:]
        raise RuntimeError(f"bench.{module} {' '.join(arguments)} failed ({process.returncode}): {' | '.join(tail)}")
    try:
        result: dict[str, Any] = json.loads(out.read_text())
    finally:
        out.unlink(missing_ok=True)
    result["_cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["_wall"] = wall
    return result


def sync(label: str) -> None:
    """In a probe: let the bench act at this moment (see :func:`run_probe`), then go on."""
    print(f"sync {label}", flush=True)
    sys.stdin.readline()


def since_spawn() -> float:
    """Seconds since the parent spawned this process (``BENCH_T0``), for probes."""
    return time.time() - float(os.environ["BENCH_T0"])


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` used so far (Linux; 0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib() -> tuple[float, float]:
    """(resident set size, peak resident set size) of this process in MiB (Linux)."""
    fields: dict[str, float] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(rest.split()[0]) / 1024
    return fields.get("VmRSS", math.nan), fields.get("VmHWM", math.nan)
