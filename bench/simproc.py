"""One simulator process of the bench: a slice of the simulated fleet, counting what it serves.

``python -m bench.simproc --data DIR --first A --count N --latency-ms MS`` starts simulated
PBXs ``A .. A+N-1`` of :mod:`bench.world`, prints one JSON line describing them and then
answers commands on stdin, one JSON line each:

- ``stats``: CPU seconds of this process so far, requests per entry point, request and answer
  bytes (per entry point too), and TLS connections accepted.
- ``reset``: forget the counts (CPU keeps counting; callers take differences).
- ``quit``: stop and exit.

The fleet is spread over several such processes so that the simulator's own CPU (TLS, XML)
competes as little as possible with the client being measured; the bench reports both. Idle, a
process costs next to nothing: each simulated PBX's accept loop wakes once a second instead of
twenty times (a new connection wakes it at once either way), and ``quit`` stops the PBXs side
by side.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import world  # noqa: E402
from modmanager.simulator import server as sim_server  # noqa: E402
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet  # noqa: E402
from modmanager.simulator.state import SimInstance, SimPbx  # noqa: E402

_METHOD = re.compile(rb"<methodName>([^<]*)</methodName>")
IDLE_POLL_SECONDS = 1.0
"""How often an idle accept loop wakes to see whether it should stop (the simulator's: 0.05 s)."""


class Counts:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with getattr(self, "lock", threading.Lock()):
            self.requests: Counter[str] = Counter()
            self.bytes_in: Counter[str] = Counter()
            self.bytes_out: Counter[str] = Counter()
            self.connections = 0

    def request(self, body: bytes, answer: bytes | None) -> None:
        match = _METHOD.search(body[:512])
        method = match.group(1).decode("ascii", "replace").rpartition(".")[2] if match else "?"
        with self.lock:
            self.requests[method] += 1
            self.bytes_in[method] += len(body)
            self.bytes_out[method] += len(answer or b"")

    def connection(self) -> None:
        with self.lock:
            self.connections += 1

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "cpu": time.process_time(),
                "requests": dict(self.requests),
                "bytes_in": dict(self.bytes_in),
                "bytes_out": dict(self.bytes_out),
                "connections": self.connections,
            }


COUNTS = Counts()


def _instrument() -> None:
    """Count every request and connection (wrapping the simulator, not changing it)."""
    handle = SimulatedPbx.handle_request

    def counting(self: SimulatedPbx, auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
        answer = handle(self, auth, body, stopped)
        COUNTS.request(body, answer)
        return answer

    SimulatedPbx.handle_request = counting  # type: ignore[method-assign]
    server_class = getattr(sim_server, "_Server", None)
    finish = getattr(server_class, "finish_request", None)
    if server_class is not None and finish is not None:

        def finishing(self: Any, request: Any, client_address: Any) -> None:
            COUNTS.connection()
            finish(self, request, client_address)

        server_class.finish_request = finishing
    serve = getattr(server_class, "serve_forever", None)
    if server_class is not None and serve is not None:

        def serve_quietly(self: Any, poll_interval: float = IDLE_POLL_SECONDS) -> None:
            serve(self, IDLE_POLL_SECONDS)

        server_class.serve_forever = serve_quietly


def build_pbx(index: int) -> SimPbx:
    spec = world.pbx_spec(index)
    pbx = SimPbx(
        name=world.pbx_name(index),
        customer=f"Kunde {index // 3 + 1}",
        starface_version=spec.starface,
        edition=spec.edition,
        server_license_key=f"BENCH-{index:04d}",
        hardware_id=None,
        licenses=list(spec.licenses),
        login_id=world.LOGIN_ID,
        password=world.password(index),
        agent_secret=world.agent_secret(index),
    )
    for module, version in spec.modules:
        pbx.add_module(
            world.installed_sfm(module, version),
            [SimInstance(name, active, dict(values)) for name, active, values in world.instances(index, module)],
        )
    return pbx


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--latency-ms", type=int, default=100)
    args = parser.parse_args()
    _instrument()
    fleet = SimulatorFleet(args.data, latency_ms=args.latency_ms)
    for index in range(args.first, args.first + args.count):
        simulated = fleet.add(build_pbx(index))
        for module in simulated.state.modules.values():  # the agent's own module among them
            _ = module.module_file  # parse once now, not while the client is measured
    fleet.start()
    described = fleet.describe()
    for number, item in enumerate(described):
        item["index"] = args.first + number
    print(json.dumps({"pbxs": described}), flush=True)
    try:
        for line in sys.stdin:
            command = line.strip()
            if command == "stats":
                print(json.dumps(COUNTS.snapshot()), flush=True)
            elif command == "reset":
                COUNTS.reset()
                print("{}", flush=True)
            elif command == "quit":
                break
    finally:
        # Side by side: each accept loop takes up to IDLE_POLL_SECONDS to notice the stop.
        with ThreadPoolExecutor(max_workers=max(1, len(fleet.pbxs))) as pool:
            list(pool.map(SimulatedPbx.stop, fleet.pbxs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
