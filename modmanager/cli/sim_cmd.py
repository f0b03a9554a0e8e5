"""``modmanager sim``: run simulated STARFACE PBXs (and the demo catalog) on this machine.

Without options it runs the demo world (vendors, modules with several releases, customer PBXs
and a signed catalog, served over HTTP on loopback); ``--pbx N`` runs N PBXs with a small built-in set of
modules instead. State lives in ``<data dir>/simulator`` (or ``--data``) and survives restarts:
a PBX saved by an earlier run comes back as it was left, on the same port when it is free,
with the same certificate. Serves until SIGINT/SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import shlex
import signal
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from modmanager.cli.output import table_lines
from modmanager.core.errors import OperationError
from modmanager.core.protocol import ALL_CAPABILITIES, Edition, License, LicenseKind
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm
from modmanager.simulator.fileserver import FileServer
from modmanager.simulator.server import SimulatorFleet
from modmanager.simulator.state import SimInstance, SimPbx
from modmanager.simulator.testing import database_module, sample_module

# STARFACE releases the built-in PBXs cycle through; the last one is older than the agent supports.
_BUILTIN_RELEASES = ("9.0.1.3", "8.1.3.0", "10.0.0.4", "7.3.0.5", "9.0.1.3", "6.5.1.5")
_BUILTIN_LOGIN = "0001"


@dataclass
class _World:
    pbxs: list[SimPbx]
    catalog_dir: Path | None = None
    catalog_public_key: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    """PBX name -> what it demonstrates."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sim`` command."""
    parser = subparsers.add_parser(
        "sim",
        help="run simulated STARFACE PBXs with the agent on this machine",
        description="Run simulated STARFACE PBXs (HTTPS, self-signed) on 127.0.0.1 until Ctrl+C.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pbx", type=_positive, metavar="N", help="run N PBXs with built-in modules")
    source.add_argument("--demo", action="store_true", help="run the demo world (the default)")
    parser.add_argument(
        "--data", type=Path, metavar="DIR", help="simulator state folder (default: <data dir>/simulator)"
    )
    parser.add_argument("--base-port", type=_port, default=0, metavar="P", help="first port (default: free ports)")
    parser.add_argument("--latency-ms", type=_non_negative, default=0, metavar="MS", help="delay every answer")
    parser.add_argument("--print-json", action="store_true", help="print how to reach the PBXs as one JSON line first")
    parser.add_argument(
        "--capabilities",
        type=_capabilities,
        metavar="LIST",
        help="what the simulated agents can do, comma-separated (default: all of "
        f"{','.join(sorted(ALL_CAPABILITIES))}; '' for none)",
    )
    parser.add_argument(
        "--unstable",
        action="append",
        default=[],
        type=_unstable,
        metavar="PBX:MODULE[:VERSION]",
        help="fault: instances of MODULE (at VERSION) do not stay active on PBX - its update fails the health "
        "check and is rolled back (repeatable)",
    )
    parser.set_defaults(handler=run_sim)


def run_sim(args: argparse.Namespace) -> int:
    data_dir: Path = args.data if args.data is not None else _default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    world = _choose_world(args, data_dir)
    fleet = SimulatorFleet(data_dir, base_port=args.base_port, latency_ms=args.latency_ms)
    for pbx in world.pbxs:
        simulated = fleet.add(pbx, resume=True)
        if args.capabilities is not None:
            simulated.state.capabilities = args.capabilities
            simulated.save()
    for pbx_name, module_id, version in args.unstable:
        try:
            fleet.get(pbx_name).faults.unstable_instances(module_id, version=version)
        except KeyError:
            names = ", ".join(pbx.name for pbx in world.pbxs)
            raise OperationError(code="sim_unknown_pbx", params={"pbx": pbx_name, "names": names}) from None
    files = FileServer(world.catalog_dir) if world.catalog_dir is not None else None
    stop = threading.Event()
    previous = _install_signal_handlers(stop)
    try:
        fleet.start()
        if files is not None:
            files.start()
        catalog_url = files.url_for("catalog.json") if files is not None else None
        if args.print_json:
            document = {
                "pbxs": fleet.describe(),
                "catalog_url": catalog_url,
                "catalog_public_key": world.catalog_public_key,
            }
            sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(_describe_text(fleet.describe(), catalog_url, data_dir, world.notes))
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    finally:
        fleet.stop()
        if files is not None:
            files.stop()
        _restore_signal_handlers(previous)
    if not args.print_json:
        sys.stdout.write("Simulator stopped.\n")
    return 0


def builtin_pbxs(count: int) -> list[SimPbx]:
    """``count`` PBXs on different STARFACE releases with a few built-in modules.

    Passwords are fixed per PBX name: these are throwaway simulator credentials that a
    developer types into ``modmanager pbx add``.
    """
    modules: list[list[tuple[bytes, list[SimInstance]]]] = [
        [(sample_module(126), _forwarding_instances()), (database_module(3), _sync_instances())],
        [(sample_module(122), _forwarding_instances()), (_recording_module(), [])],
        [(database_module(2), _sync_instances()), (_recording_module(), [SimInstance("Mitschnitt", True, {})])],
    ]
    pbxs = []
    for number in range(1, count + 1):
        name = f"sim-pbx-{number}"
        pbxs.append(
            SimPbx(
                name=name,
                customer=f"Simulierter Kunde {number}",
                starface_version=_BUILTIN_RELEASES[(number - 1) % len(_BUILTIN_RELEASES)],
                edition=Edition.FREE if number % 4 == 0 else Edition.VM,
                server_license_key=None if number % 4 == 0 else f"SIM-SRV-{number:04d}",
                hardware_id=f"HW-{number:04d}" if number % 4 == 0 else None,
                licenses=[License(LicenseKind.NFR_SERVER)] if number % 3 == 0 else [License(LicenseKind.SERVER)],
                login_id=_BUILTIN_LOGIN,
                password=f"sim-{number}",
                agent_secret=f"sim-agent-{number}",
            )
        )
        for sfm, instances in modules[(number - 1) % len(modules)]:
            pbxs[-1].add_module(sfm, [SimInstance(i.name, i.active, dict(i.values)) for i in instances])
    return pbxs


def _choose_world(args: argparse.Namespace, data_dir: Path) -> _World:
    if args.pbx is not None:
        return _World(builtin_pbxs(args.pbx))
    from modmanager.simulator.demo import build_demo_world  # heavy (catalog builder): only when used

    world = build_demo_world(data_dir / "demo")
    return _World(list(world.pbxs), world.catalog_dir, world.catalog_public_key, dict(world.notes))


def _describe_text(pbxs: list[dict[str, Any]], catalog_url: str | None, data_dir: Path, notes: dict[str, str]) -> str:
    headers = ("NAME", "URL", "LOGIN", "PASSWORD", "AGENT SECRET", "FINGERPRINT (SHA-256)")
    rows = [
        (p["name"], p["url"], p["login_id"], p["password"], p["agent_secret"] or "-", p["fingerprint"] or "-")
        for p in pbxs
    ]
    lines = table_lines(headers, rows)
    lines.append("")
    for pbx in pbxs:
        if notes.get(pbx["name"]):
            lines.append(f"{pbx['name']}: {notes[pbx['name']]}")
    if notes:
        lines.append("")
    if catalog_url:
        lines.append(f"Catalog: {catalog_url}")
    lines.append(f"State: {data_dir}")
    if pbxs:
        first = pbxs[0]
        # Password and agent secret as two lines on stdin, never as options of modmanager (printf is a shell builtin).
        secrets = f"{shlex.quote(first['password'])} {shlex.quote(first['agent_secret'] or '')}"
        instance = first.get("agent_instance") or "modmanager"
        agent = f" --agent-instance {shlex.quote(instance)}" if instance != "modmanager" else ""
        command = (
            f"printf '%s\\n%s\\n' {secrets} | modmanager pbx add {shlex.quote(first['name'])} "
            f"{first['url']} --login {first['login_id']} --password-stdin --agent-secret-stdin"
            f"{agent} --fingerprint {first['fingerprint']}"
        )
        lines.append(f"Add one to modmanager: {command}")
    lines.append("Press Ctrl+C to stop.")
    return "\n".join(lines) + "\n"


def _forwarding_instances() -> list[SimInstance]:
    return [
        SimInstance("Zentrale", True, {"targetNumber": "+49 30 1234567", "ringSeconds": 20}),
        SimInstance("Lager", False, {"targetNumber": "+49 30 7654321", "logCalls": False}),
    ]


def _sync_instances() -> list[SimInstance]:
    return [SimInstance("CRM", True, {"serverUrl": "https://crm.example.com", "syncMinutes": 5})]


def _recording_module() -> bytes:
    return build_sfm(
        ModuleSpec(
            module_id="5d1e7c2a-8f3b-4a6d-9e0c-1b2a3c4d5e6f",
            name="Gesprächsmitschnitt",
            vendor="Aufnahme & Archiv GmbH",
            version=41,
            names={"de": "Gesprächsmitschnitt", "en": "Call Recording"},
            inputs=(
                InputSpec("retentionDays", "Aufbewahrung (Tage)", kind="numberInput", default="90"),
                InputSpec("announce", "Ansage vor dem Mitschnitt", kind="checkBoxInput", default="true"),
            ),
        )
    )


def _default_data_dir() -> Path:
    from modmanager.store.paths import data_dir

    return data_dir() / "simulator"


def _install_signal_handlers(stop: threading.Event) -> dict[int, Any]:
    def _on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    return {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def _capabilities(text: str) -> frozenset[str]:
    chosen = frozenset(item.strip() for item in text.split(",") if item.strip())
    unknown = chosen - ALL_CAPABILITIES
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown capability {', '.join(sorted(unknown))}")
    return chosen
def _unstable(text: str) -> tuple[str, str, int | None]:
    pbx, separator, rest = text.partition(":")
    module_id, _, version = rest.partition(":")
    if not separator or not pbx or not module_id:
        raise argparse.ArgumentTypeError("give PBX:MODULE_ID or PBX:MODULE_ID:VERSION")
    try:
        return pbx, module_id, int(version) if version else None
    except ValueError:
        raise argparse.ArgumentTypeError(f"{version!r} is not a version number") from None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("must be a port number (0-65535)")
    return value
