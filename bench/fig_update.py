"""One update of a 70 KB module at 100 ms latency: round trips against the protocol's minimum.

``modmanager update --pbx bench-001 --module <id> --to 105 --yes`` runs against a simulated
PBX of its own (a fresh process, so earlier figures leave no trace) that counts every request
by entry point, its bytes, and the TLS connections. The module has a real form and two
instances, one active, so the update has settings to carry over and an instance to re-activate.

The minimum is what the protocol in use needs for a safe update and nothing else
(:func:`protocol_minimum`): before the lock, the PBX's facts (is the release compatible, what
are the agent's limits) and what is installed (version, license state, instances) and - unless
modmanager holds the installed file - the installed form the settings are carried from; then
lock, read the settings under the lock (the backup), upload, install, restore the values,
re-activate each active instance, verify, release. Two reads of the update are beyond that on
purpose and are listed in the details (:data:`BEYOND_MINIMUM`). Next to it stands an estimate of
the same update done by hand in the STARFACE web interface (:data:`BY_HAND`), counted in page
requests.

Target: at most 1.5 times the minimum.
"""

from __future__ import annotations

import math

from bench import fig_cli, world
from bench.common import Figure, run_child
from bench.context import LATENCY_MS, Context
from bench.simfleet import SimFleet, difference

TARGET = 1.5
UPLOAD_ENTRY_POINTS = ("uploadBegin", "uploadChunk", "uploadCommit", "uploadStatus")

# The same update by hand in the STARFACE web interface, in page requests (documents and form
# posts; no images, scripts or style sheets). An estimate from the steps a technician takes,
# not a measurement: (step, requests, per what).
BY_HAND: tuple[tuple[str, int, str], ...] = (
    ("log in (login page, send credentials)", 2, "once"),
    ("open the module administration", 1, "once"),
    ("open each instance's configuration to note its settings", 1, "instance"),
    ("upload the new file (import form, send the file)", 2, "once"),
    ("re-enter each instance's settings (open, save)", 2, "instance"),
    ("activate each instance that was active", 1, "active"),
    ("check the result (module list, each active instance)", 1, "once"),
    ("check each active instance", 1, "active"),
    ("log out", 1, "once"),
)


# Reads the update makes beyond the minimum, on purpose: (read, why).
BEYOND_MINIMUM: tuple[tuple[str, str], ...] = (
    (
        "exportConfig before the lock",
        "the preview shows what happens to each setting before the user confirms; the lock makes it "
        "stale, so the settings are read again under it",
    ),
    (
        "exportConfig for the health check",
        "a second look after verify: a module that fails a moment after its start still looks well to the first",
    ),
)


def by_hand(instances: int, active: int) -> int:
    factor = {"once": 1, "instance": instances, "active": active}
    return sum(requests * factor[per] for _step, requests, per in BY_HAND)


def protocol_minimum(size: int, active: int, *, form_at_hand: bool = False) -> tuple[int, dict[str, int], int]:
    """(round trips, by step, protocol version) of a safe update of a ``size``-byte file.

    Safety needs, besides the changes themselves: ``systemInfo`` (the STARFACE release decides
    whether the new version is compatible; the agent's limits and capabilities decide the upload
    and what can be restored), ``listModules`` (the installed version, its license state and
    instances decide the release and the file), the installed form (``getDescriptor``: which
    inputs the settings come from; not needed when modmanager holds the installed file,
    ``form_at_hand``), the settings read under the lock (anything read before it may change
    before the install) and one read back after the restore (version, values, active flags).
    """
    from modmanager.core import protocol

    version = int(protocol.PROTOCOL_VERSION)
    # The largest chunk both sides accept (protocol 2: the agent's maxChunkSize and the client's own limit).
    chunk = min(
        int(getattr(protocol, "DEFAULT_MAX_CHUNK_SIZE", 256 * 1024)),
        int(getattr(protocol, "CLIENT_MAX_CHUNK_SIZE", 256 * 1024)),
    )
    chunks = max(1, math.ceil(size / chunk))
    steps = {
        "the PBX's facts: release, limits, capabilities (systemInfo)": 1,
        "what is installed: version, license, instances (listModules)": 1,
        "the installed form the settings come from (getDescriptor)": 0 if form_at_hand else 1,
        "lock (acquireLock)": 1,
        "read the settings under the lock (exportConfig)": 1,
    }
    if version >= 2:
        # uploadBegin carries the first chunk (a file up to maxChunkSize travels whole in it);
        # installUploaded commits implicitly, so there is no uploadCommit.
        steps["upload (uploadBegin carrying the first chunk, uploadChunk per further chunk)"] = chunks
    else:
        steps["upload (uploadBegin, uploadChunk per chunk, uploadCommit)"] = chunks + 2
    steps["install (installUploaded)"] = 1
    steps["restore the values (importConfig)"] = 1
    steps["re-activate (setInstanceActive per active instance)"] = active
    steps["verify (exportConfig)"] = 1
    steps["release (releaseLock)"] = 1
    return sum(steps.values()), steps, version


def run(ctx: Context) -> list[Figure]:
    catalog_dir, public_key = ctx.catalog
    instances = world.instances(0, world.UPDATE_MODULE)
    active = sum(1 for _name, is_active, _values in instances if is_active)
    size = len(world.update_sfm(world.UPDATE_TO))
    minimum, steps, version = protocol_minimum(size, active)
    with SimFleet(ctx.tmp / "sim-update", 1, processes=1, latency_ms=LATENCY_MS) as fleet:
        home = ctx.tmp / "home-update"
        world.prepare_home(home, fleet.pbxs, 1, catalog_dir, public_key)
        before = fleet.stats()
        command = [
            *fig_cli.modmanager_command(), "update", "--pbx", world.pbx_name(0), "--module",
            world.module_id(world.UPDATE_MODULE), "--to", str(world.UPDATE_TO), "--yes", "--json",
        ]
        child = run_child(command, ctx.env(home))
        sim = difference(fleet.stats(), before)
    if child.returncode != 0:
        raise RuntimeError(f"the update failed: {(child.stderr or child.stdout).strip()[-300:]}")
    upload_bytes = sum(sim["bytes_in"].get(name, 0) for name in UPLOAD_ENTRY_POINTS)
    round_trips = sim["request_total"]
    return [
        Figure(
            name="update of a 70 KB module @100 ms (round trips)",
            value=round_trips,
            baseline=minimum,
            unit="round trips",
            target=TARGET,
            baseline_name=f"protocol v{version} minimum",
            details={
                "wall_s": child.wall,
                "client_cpu_s": child.cpu,
                "waiting_for_answers_s": round_trips * LATENCY_MS / 1000,
                "not_waiting_s": child.wall - round_trips * LATENCY_MS / 1000,
                "requests": sim["requests"],
                "minimum_steps": steps,
                "beyond_minimum": {read: why for read, why in BEYOND_MINIMUM},
                "tls_connections": sim["connections"],
                "file_bytes": size,
                "upload_request_bytes": upload_bytes,
                "upload_bytes_per_file_byte": upload_bytes / size,
                "by_hand_web_requests_estimate": by_hand(len(instances), active),
                "simulator_cpu_s": sim["cpu"],
            },
        )
    ]

