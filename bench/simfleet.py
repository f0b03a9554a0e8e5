"""The simulated fleet, spread over several processes (see :mod:`bench.simproc`)."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import PYTHON, ROOT, bench_env


class SimFleet:
    """``count`` simulated PBXs at ``latency_ms`` in ``processes`` processes."""

    def __init__(self, data_dir: Path, count: int, *, processes: int, latency_ms: int, first: int = 0) -> None:
        self.data_dir = data_dir
        self.count = count
        self.first = first
        self.processes = max(1, min(processes, count))
        self.latency_ms = latency_ms
        self._children: list[subprocess.Popen[str]] = []
        self.pbxs: list[dict[str, Any]] = []

    def __enter__(self) -> SimFleet:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        share, extra = divmod(self.count, self.processes)
        first = self.first
        for number in range(self.processes):
            count = share + (1 if number < extra else 0)
            child = subprocess.Popen(
                [PYTHON, "-m", "bench.simproc", "--data", str(self.data_dir / f"proc{number}"),
                 "--first", str(first), "--count", str(count), "--latency-ms", str(self.latency_ms)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=bench_env(),
            )
            self._children.append(child)
            first += count
        for child in self._children:
            assert child.stdout is not None
            line = child.stdout.readline()
            if not line:
                self.stop()
                raise RuntimeError("a simulator process did not start (see its stderr above)")
            self.pbxs.extend(json.loads(line)["pbxs"])

    def _ask(self, command: str) -> list[dict[str, Any]]:
        for child in self._children:
            assert child.stdin is not None
            child.stdin.write(command + "\n")
            child.stdin.flush()
        answers = []
        for child in self._children:
            assert child.stdout is not None
            answers.append(json.loads(child.stdout.readline()))
        return answers

    def reset(self) -> None:
        self._ask("reset")

    def stats(self) -> dict[str, Any]:
        """Summed over the processes: cpu, requests (total and per entry point), bytes, connections."""
        total: dict[str, Any] = {"cpu": 0.0, "requests": Counter(), "bytes_in": Counter(), "bytes_out": Counter(),
                                 "connections": 0}
        for answer in self._ask("stats"):
            total["cpu"] += answer["cpu"]
            total["connections"] += answer["connections"]
            for key in ("requests", "bytes_in", "bytes_out"):
                total[key].update(answer[key])
        return total

    def stop(self) -> None:
        for child in self._children:
            try:
                if child.poll() is None and child.stdin is not None:
                    child.stdin.write("quit\n")
                    child.stdin.flush()
            except OSError:
                pass
        for child in self._children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self._children = []


def difference(after: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    """What the fleet did between two :meth:`SimFleet.stats` calls."""
    requests = Counter(after["requests"])
    requests.subtract(before["requests"])
    bytes_in = Counter(after["bytes_in"])
    bytes_in.subtract(before["bytes_in"])
    bytes_out = Counter(after["bytes_out"])
    bytes_out.subtract(before["bytes_out"])
    return {
        "cpu": after["cpu"] - before["cpu"],
        "requests": {key: value for key, value in requests.items() if value},
        "request_total": sum(requests.values()),
        "bytes_in": {key: value for key, value in bytes_in.items() if value},
        "bytes_out": {key: value for key, value in bytes_out.items() if value},
        "connections": after["connections"] - before["connections"],
    }
