"""CLI commands for the PBX inventory and read-only queries: ``pbx add/list/remove/test``,
``info`` and ``modules``.

Passwords come from stdin only (never from an argument, which would end up in shell history
and process lists) and go straight into the credential store. A PBX is saved only after a
successful connection, so the inventory never holds a PBX that has never answered.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from modmanager.cli.output import add_json_flag, emit
from modmanager.core.errors import PbxError, StoreError
from modmanager.store.inventory import DEFAULT_AGENT_INSTANCE, Inventory, PbxRecord

# The agent client (requests), TLS pinning and the credential store (cryptography, keyring) are
# imported by the handlers that talk to a PBX or read a password: `pbx list` needs neither.
if TYPE_CHECKING:
    from modmanager.core.protocol import InstalledModule, SystemInfo
    from modmanager.pbx.client import AgentClient


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pbx``, ``info`` and ``modules`` to the top-level parser."""
    pbx = subparsers.add_parser("pbx", help="add, list, test and remove PBXs")
    commands = pbx.add_subparsers(dest="pbx_command", metavar="COMMAND", required=True)

    add = commands.add_parser("add", help="add a PBX after checking that it answers")
    add.add_argument("name", help="your name for the PBX, e.g. mueller-hq")
    add.add_argument("url", help="https://host or https://host:port")
    add.add_argument("--login", required=True, help="STARFACE login ID")
    add.add_argument("--password-stdin", action="store_true", required=True, help="read the password from stdin")
    add.add_argument("--fingerprint", help="SHA-256 fingerprint of the PBX certificate to pin (self-signed)")
    add.add_argument("--agent-instance", default=DEFAULT_AGENT_INSTANCE, help="name of the agent's module instance")
    add.add_argument("--customer", default="", help="customer the PBX belongs to")
    add_json_flag(add)
    add.set_defaults(handler=_add)

    listing = commands.add_parser("list", help="list the PBXs you have added")
    add_json_flag(listing)
    listing.set_defaults(handler=_list)

    remove = commands.add_parser("remove", help="remove a PBX and its stored password")
    remove.add_argument("name")
    remove.set_defaults(handler=_remove)

    test = commands.add_parser("test", help="connect and show STARFACE and agent versions")
    test.add_argument("name")
    add_json_flag(test)
    test.set_defaults(handler=_test)

    info = subparsers.add_parser("info", help="show a PBX's STARFACE version, edition and licenses")
    info.add_argument("--pbx", required=True, metavar="NAME")
    add_json_flag(info)
    info.set_defaults(handler=_info)

    modules = subparsers.add_parser("modules", help="show the modules installed on a PBX")
    modules.add_argument("--pbx", required=True, metavar="NAME")
    add_json_flag(modules)
    modules.set_defaults(handler=_modules)


# --- handlers ------------------------------------------------------------------------------------


def _add(args: argparse.Namespace) -> int:
    from modmanager.cli.services import ask_master_password
    from modmanager.pbx import tls
    from modmanager.pbx.client import AgentClient
    from modmanager.store.credentials import open_credentials

    password = _read_password()
    fingerprint = tls.normalize_fingerprint(args.fingerprint) if args.fingerprint else None
    record = PbxRecord(
        name=args.name,
        url=args.url,
        login_id=args.login,
        customer=args.customer,
        agent_instance=args.agent_instance,
        fingerprint=fingerprint,
    )
    with Inventory() as inventory:
        if any(existing.name == record.name for existing in inventory.list()):
            raise StoreError(
                f"A PBX named {record.name!r} exists already.", "Choose another name, or remove the existing PBX first."
            )
        client = AgentClient(
            record.url, record.login_id, password, agent_instance=record.agent_instance, fingerprint=fingerprint
        )
        with client:
            info = client.system_info()
        credentials = open_credentials(prompt=ask_master_password)
        credentials.set_password(record.name, record.login_id, password)
        try:
            inventory.add(record)
        except StoreError:
            credentials.delete_password(record.name, record.login_id)
            raise
    pin = f", certificate pinned ({tls.format_fingerprint(fingerprint)})" if fingerprint else ""
    emit(
        args,
        f"Added {record.name} ({record.url}): STARFACE {info.starface_version}, agent {info.agent_version}{pin}.",
        {**_record_json(record), "starface_version": info.starface_version, "agent_version": info.agent_version},
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    with Inventory() as inventory:
        records = inventory.list()
    if not records:
        emit(args, "No PBXs yet. Add one with 'modmanager pbx add NAME URL --login ID --password-stdin'.", [])
        return 0
    rows = [(r.name, r.customer or "-", r.url, r.login_id, "pinned" if r.fingerprint else "CA") for r in records]
    emit(args, _table(("NAME", "CUSTOMER", "URL", "LOGIN", "TLS"), rows), [_record_json(r) for r in records])
    return 0


def _remove(args: argparse.Namespace) -> int:
    from modmanager.cli.services import ask_master_password
    from modmanager.store.credentials import open_credentials

    with Inventory() as inventory:
        record = inventory.get(args.name)
        inventory.remove(record.name)
    open_credentials(prompt=ask_master_password).delete_password(record.name, record.login_id)
    print(f"Removed {record.name} and its stored password.")
    return 0


def _test(args: argparse.Namespace) -> int:
    with _client(args.name) as client:
        started = time.monotonic()
        info = client.system_info()
        latency_ms = round((time.monotonic() - started) * 1000)
    emit(
        args,
        f"{args.name}: STARFACE {info.starface_version}, agent {info.agent_version} "
        f"(protocol {info.protocol_version}), answered in {latency_ms} ms.",
        {
            "name": args.name,
            "starface_version": info.starface_version,
            "agent_version": info.agent_version,
            "protocol_version": info.protocol_version,
            "latency_ms": latency_ms,
        },
    )
    return 0


def _info(args: argparse.Namespace) -> int:
    with _client(args.pbx) as client:
        info = client.system_info()
    emit(args, _info_text(args.pbx, info), _info_json(args.pbx, info))
    return 0


def _modules(args: argparse.Namespace) -> int:
    with _client(args.pbx) as client:
        modules = sorted(client.list_modules(), key=lambda module: module.name.casefold())
    emit(args, _modules_text(args.pbx, modules), [_module_json(module) for module in modules])
    return 0


# --- helpers -------------------------------------------------------------------------------------


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise PbxError(
            "No password was given on stdin.",
            "Pipe the password in, e.g. printf '%s' \"$PW\" | modmanager pbx add ... --password-stdin.",
            code="no_password",
        )
    return password


@contextmanager
def _client(name: str) -> Iterator[AgentClient]:
    from modmanager.cli.services import ask_master_password
    from modmanager.pbx.client import connect
    from modmanager.store.credentials import open_credentials

    with Inventory() as inventory:
        record = inventory.get(name)
    with connect(record, open_credentials(prompt=ask_master_password)) as client:
        yield client


def _record_json(record: PbxRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "url": record.url,
        "login_id": record.login_id,
        "customer": record.customer,
        "agent_instance": record.agent_instance,
        "fingerprint": record.fingerprint,
    }


def _info_json(name: str, info: SystemInfo) -> dict[str, Any]:
    return {
        "name": name,
        "starface_version": info.starface_version,
        "edition": info.edition.value,
        "server_license_key": info.server_license_key,
        "hardware_id": info.hardware_id,
        "hostname": info.hostname,
        "agent_version": info.agent_version,
        "licenses": [
            {
                "kind": lic.kind.value,
                "count": lic.count,
                "nfr": lic.kind.value.startswith("nfr"),
                "expires": lic.expires,
            }
            for lic in info.licenses
        ],
    }


def _info_text(name: str, info: SystemInfo) -> str:
    identity = (
        f"server license key {info.server_license_key}"
        if info.server_license_key
        else f"hardware ID {info.hardware_id or 'unknown'}"
    )
    lines = [
        f"{name}: STARFACE {info.starface_version} ({info.edition.value}), {identity}",
        f"Agent {info.agent_version}" + (f" on {info.hostname}" if info.hostname else ""),
        "Licenses:" if info.licenses else "Licenses: none reported",
    ]
    for lic in info.licenses:
        nfr = " (NFR)" if lic.kind.value.startswith("nfr") else ""
        expiry = f", expires {lic.expires}" if lic.expires else ""
        lines.append(f"  {lic.kind.value} x{lic.count}{nfr}{expiry}")
    return "\n".join(lines)


def _module_json(module: InstalledModule) -> dict[str, Any]:
    return {
        "id": module.id,
        "name": module.name,
        "vendor": module.vendor,
        "version": module.version,
        "license_state": module.license_state,
        "instances": [{"name": inst.name, "active": inst.active} for inst in module.instances],
    }


def _modules_text(name: str, modules: list[InstalledModule]) -> str:
    if not modules:
        return f"{name}: no modules installed."
    rows = []
    for module in modules:
        instances = ", ".join(f"{inst.name} ({'active' if inst.active else 'inactive'})" for inst in module.instances)
        rows.append((module.name, module.vendor, str(module.version), instances or "-"))
    return _table(("MODULE", "VENDOR", "VERSION", "INSTANCES"), rows)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    )
