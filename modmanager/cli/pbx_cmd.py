"""CLI commands for the PBX inventory and read-only queries: ``pbx add/edit/list/remove/test``,
``info`` and ``modmanager modules``.

A PBX needs two secrets: the password of its STARFACE login and the agent secret configured
in the modmanager agent's module instance. Neither is ever an argument (shell history, process
lists); both go straight into the credential store:

* ``--password-stdin`` reads the password as the first line of stdin;
* ``--agent-secret-stdin`` reads the agent secret as the next line of stdin;
* without ``--agent-secret-stdin``, ``pbx add`` takes the secret from the environment variable
  ``MODMANAGER_AGENT_SECRET`` (for automation) or asks for it on the terminal, without echo;
* a flag whose stdin is a terminal asks there without echo instead of reading a visible line.

For example ``printf '%s\\n%s\\n' "$PW" "$SECRET" | modmanager pbx add hq https://pbx:443
--login 0001 --password-stdin --agent-secret-stdin``. A PBX is saved (and changed) only after a
successful connection with the given secrets, so the inventory never holds a PBX that has never
answered. Adding, editing and removing are the use case in :mod:`modmanager.ops.pbxs`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.pbx_import import register_import
from modmanager.cli.pbx_tags import register_tag
from modmanager.core.errors import PbxError, StoreError
from modmanager.core.tags import changed_tags
from modmanager.core.text import clean_text
from modmanager.store.inventory import DEFAULT_AGENT_INSTANCE, Inventory, PbxRecord, normalize_pbx_url

# The protocol, the agent client, TLS pinning and the credential store (cryptography, keyring)
# are imported by the handlers that use them: `pbx list` needs none of them (tests/cli/test_startup.py).
if TYPE_CHECKING:
    from modmanager.core.protocol import InstalledModule, SystemInfo
    from modmanager.pbx.client import AgentClient

AGENT_SECRET_ENV = "MODMANAGER_AGENT_SECRET"
"""Environment variable ``pbx add`` takes the agent secret from (for automation)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pbx``, ``info`` and ``modules`` to the top-level parser."""
    pbx = subparsers.add_parser("pbx", help="add, edit, list, test, remove, import and export PBXs")
    commands = pbx.add_subparsers(dest="pbx_command", metavar="COMMAND", required=True)

    add = commands.add_parser("add", help="add a PBX after checking that it answers")
    add.add_argument("name", help="your name for the PBX, e.g. mueller-hq")
    add.add_argument("url", help="https://host or https://host:port")
    add.add_argument("--login", required=True, help="STARFACE login ID")
    add.add_argument("--password-stdin", action="store_true", required=True, help="read the password from stdin")
    add.add_argument(
        "--agent-secret-stdin",
        action="store_true",
        help=f"read the agent secret as the next line of stdin (default: ${AGENT_SECRET_ENV}, or ask)",
    )
    add.add_argument("--fingerprint", help="SHA-256 fingerprint of the PBX certificate to pin (self-signed)")
    add.add_argument("--agent-instance", default=DEFAULT_AGENT_INSTANCE, help="name of the agent's module instance")
    add.add_argument("--customer", default="", help="customer the PBX belongs to")
    add.add_argument("--tags", default="", metavar="TAG,TAG", help="tags of the PBX (comma separated)")
    add_json_flag(add)
    add.set_defaults(handler=_add)

    edit = commands.add_parser("edit", help="change a PBX's address, login, secrets, agent instance, customer or tags")
    edit.add_argument("name")
    edit.add_argument("--rename", metavar="NEW_NAME", help="give the PBX another name")
    edit.add_argument("--url", help="new address, https://host or https://host:port")
    edit.add_argument("--login", help="new STARFACE login ID")
    edit.add_argument("--password-stdin", action="store_true", help="read a new password from stdin")
    edit.add_argument("--agent-secret-stdin", action="store_true", help="read a new agent secret from stdin")
    edit.add_argument("--fingerprint", help="pin this SHA-256 fingerprint of the PBX certificate")
    edit.add_argument("--agent-instance", help="name of the agent's module instance")
    edit.add_argument("--customer", help="customer the PBX belongs to")
    edit.add_argument("--tags", metavar="TAG,TAG", help="replace the PBX's tags (comma separated; \"\" removes all)")
    edit.add_argument("--add-tag", action="append", default=[], metavar="TAG", help="add a tag (repeatable)")
    edit.add_argument("--remove-tag", action="append", default=[], metavar="TAG", help="remove a tag (repeatable)")
    add_json_flag(edit)
    edit.set_defaults(handler=_edit)

    listing = commands.add_parser("list", help="list the PBXs you have added")
    add_json_flag(listing)
    listing.set_defaults(handler=_list)

    remove = commands.add_parser("remove", help="remove a PBX, its stored password and agent secret")
    remove.add_argument("name")
    remove.set_defaults(handler=_remove)

    test = commands.add_parser("test", help="connect and show STARFACE and agent versions and abilities")
    test.add_argument("name")
    add_json_flag(test)
    test.set_defaults(handler=_test)

    register_trust(commands)
    register_import(commands)
    register_tag(commands)

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
    from modmanager.ops import pbxs
    from modmanager.pbx import tls
    from modmanager.store.credentials import open_credentials
    # Address, name and fingerprint are checked before anyone is asked for a secret.
    fingerprint = tls.normalize_fingerprint(args.fingerprint) if args.fingerprint else None
    record = PbxRecord(
        name=args.name,
        url=args.url,
        login_id=args.login,
        customer=args.customer,
        tags=changed_tags((), args.tags, [], []),
        agent_instance=args.agent_instance,
        fingerprint=fingerprint,
    )
    checked: list[pbxs.ConnectionCheck] = []
    with Inventory() as inventory:
        if pbxs.name_taken(inventory, record.name):
            raise StoreError(code="pbx_name_taken", params={"pbx": record.name})
        password = _read_secret("STARFACE password", what="password")
        agent_secret = _agent_secret_for_add(args.agent_secret_stdin)
        if fingerprint is None:
            record = replace(record, fingerprint=_trust_on_first_use(record.url))
        credentials = open_credentials(prompt=ask_master_password)
        pbxs.add_pbx(
            inventory,
            credentials,
            record,
            password=password,
            agent_secret=agent_secret,
            check=lambda rec, pw, secret: checked.append(pbxs.check_connection(rec, pw, secret)),
        )
    info = checked[0].info
    pin = f", certificate pinned ({tls.format_fingerprint(record.fingerprint)})" if record.fingerprint else ""
    emit(
        args,
        f"Added {record.name} ({record.url}): STARFACE {info.starface_version}, agent {info.agent_version}{pin}.",
        {**_record_json(record), "starface_version": info.starface_version, "agent_version": info.agent_version},
    )
    return 0


def _edit(args: argparse.Namespace) -> int:
    from modmanager.cli.services import ask_master_password
    from modmanager.ops import pbxs
    from modmanager.pbx import tls
    from modmanager.store.credentials import open_credentials
    password = (
        _read_secret("New STARFACE password", what="password")
        if args.password_stdin
        else None
    )
    agent_secret = (
        _read_secret("New agent secret", what="agent_secret")
        if args.agent_secret_stdin
        else None
    )
    with Inventory() as inventory:
        original = inventory.get(args.name)
        url = normalize_pbx_url(args.url) if args.url else original.url
        fingerprint = original.fingerprint
        if args.fingerprint:
            fingerprint = tls.normalize_fingerprint(args.fingerprint)
        elif url != original.url:
            fingerprint = None  # a pin belongs to one address
        record = replace(
            original,
            name=args.rename or original.name,
            url=url,
            login_id=args.login or original.login_id,
            customer=original.customer if args.customer is None else args.customer,
            tags=changed_tags(original.tags, args.tags, args.add_tag, args.remove_tag),
            agent_instance=args.agent_instance or original.agent_instance,
            fingerprint=fingerprint,
        )
        if record.fingerprint is None and record.url != original.url:
            record = replace(record, fingerprint=_trust_on_first_use(record.url))
        # Only a change to how modmanager reaches the PBX is checked with it: a name, customer
        # or tags change needs no PBX to answer.
        reaches = (record.url, record.login_id, record.agent_instance, record.fingerprint)
        connects = (
            reaches != (original.url, original.login_id, original.agent_instance, original.fingerprint)
            or password is not None
            or agent_secret is not None
        )
        checked: list[pbxs.ConnectionCheck] = []
        pbxs.edit_pbx(
            inventory,
            open_credentials(prompt=ask_master_password),
            original,
            record,
            password=password,
            agent_secret=agent_secret,
            check=(lambda rec, pw, secret: checked.append(pbxs.check_connection(rec, pw, secret)))
            if connects
            else None,
        )
    if not checked:
        emit(args, f"Changed {record.name} ({record.url}).", _record_json(record))
        return 0
    info = checked[0].info
    emit(
        args,
        f"Changed {record.name} ({record.url}): STARFACE {info.starface_version}, agent {info.agent_version}.",
        {**_record_json(record), "starface_version": info.starface_version, "agent_version": info.agent_version},
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    with Inventory() as inventory:
        records = inventory.list()
    if not records:
        emit(
            args,
            "No PBXs yet. Add one with 'modmanager pbx add NAME URL --login ID --password-stdin --agent-secret-stdin'.",
            [],
        )
        return 0
    rows = [
        (r.name, r.customer or "-", ", ".join(r.tags) or "-", r.url, r.login_id, "pinned" if r.fingerprint else "CA")
        for r in records
    ]
    emit(args, table(("NAME", "CUSTOMER", "TAGS", "URL", "LOGIN", "TLS"), rows), [_record_json(r) for r in records])
    return 0


def _remove(args: argparse.Namespace) -> int:
    from modmanager.cli.services import ask_master_password
    from modmanager.ops import pbxs
    from modmanager.store.credentials import open_credentials
    with Inventory() as inventory:
        record = pbxs.remove_pbx(inventory, open_credentials(prompt=ask_master_password), args.name)
    print(f"Removed {record.name} with its stored password and agent secret.")
    return 0


def _test(args: argparse.Namespace) -> int:
    from modmanager.cli.services import ask_master_password
    from modmanager.core.protocol import PROTOCOL_VERSION
    from modmanager.ops import pbxs
    from modmanager.store.credentials import open_credentials
    with Inventory() as inventory:
        record = inventory.get(args.name)
    credentials = open_credentials(prompt=ask_master_password)
    try:
        check = pbxs.check_connection(
            record, credentials.get_password(record.name, record.login_id), credentials.get_agent_secret(record.name)
        )
    except PbxError as error:
        if error.code in ("auth_failed", "secret_invalid"):
            # The hint names the command that stores the right one: give it this PBX's name.
            raise PbxError(code=error.code, params={**error.params, "name": record.name}) from None
        raise
    info = check.info
    capabilities = ", ".join(sorted(info.capabilities)) or "none"
    upload_mib = info.max_upload_size // (1024 * 1024)
    emit(
        args,
        f"{args.name}: STARFACE {info.starface_version}, agent {info.agent_version} "
        f"(protocol {PROTOCOL_VERSION}; can: {capabilities}; uploads up to {upload_mib} MiB), "
        f"answered in {check.latency_ms} ms.",
        {
            "name": args.name,
            "starface_version": info.starface_version,
            "agent_version": info.agent_version,
            "agent_module_id": info.agent_module_id,
            "protocol_version": PROTOCOL_VERSION,
            "capabilities": sorted(info.capabilities),
            "max_upload_size": info.max_upload_size,
            "max_chunk_size": info.max_chunk_size,
            "latency_ms": check.latency_ms,
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


def _read_secret(prompt: str, *, what: str) -> str:
    """One secret from stdin: a line from a pipe, or asked without echo when stdin is a terminal.

    ``what`` is "password" or "agent_secret" (the ``what`` param of the ``secret_not_given`` error).
    """
    import getpass

    from modmanager.cli.services import has_terminal
    terminal = has_terminal()
    value = getpass.getpass(f"{prompt}: ", stream=sys.stderr) if terminal else sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise PbxError(code="secret_not_given", params={"what": what})
    return value


def _agent_secret_for_add(from_stdin: bool) -> str:
    from modmanager.cli.services import NeedsTerminal, has_terminal
    if from_stdin:
        return _read_secret("Agent secret", what="agent_secret")
    from_environment = os.environ.get(AGENT_SECRET_ENV, "")
    if from_environment:
        return from_environment
    if has_terminal():
        return _read_secret("Agent secret", what="agent_secret")
    raise NeedsTerminal(code="agent_secret_needs_terminal", params={"variable": AGENT_SECRET_ENV})


def _trust_on_first_use(url: str) -> str | None:
    """The fingerprint to pin for ``url``: None when the system trusts its certificate; asked on a terminal."""
    from modmanager.cli.services import confirm, has_terminal
    from modmanager.ops import pbxs
    from modmanager.pbx import tls
    certificate = pbxs.fetch_certificate(url)
    if not pbxs.needs_trust(certificate, None):
        return None
    if not has_terminal():
        raise tls.certificate_untrusted_error(url, certificate)
    sys.stderr.write(
        f"The PBX at {url} presents a certificate this computer does not trust (usually self-signed):\n"
        f"  SHA-256 {tls.format_fingerprint(certificate.sha256)}\n"
        f"  subject {certificate.subject or '-'}, valid until {certificate.not_after}\n"
        "Compare the fingerprint with the one the PBX shows.\n"
    )
    confirm("Trust and pin this certificate?", assume_yes=False)
    return certificate.sha256


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
        "tags": list(record.tags),
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


def _info_text(name: str, raw: SystemInfo) -> str:
    info = _shown_info(raw)
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


def _shown_info(info: SystemInfo) -> SystemInfo:
    """The PBX's own words as one clean line each, for text output (JSON keeps them as sent)."""
    return dataclasses.replace(
        info,
        agent_version=clean_text(info.agent_version),
        starface_version=clean_text(info.starface_version),
        server_license_key=clean_text(info.server_license_key) if info.server_license_key else None,
        hardware_id=clean_text(info.hardware_id) if info.hardware_id else None,
        hostname=clean_text(info.hostname),
        licenses=tuple(
            dataclasses.replace(lic, expires=clean_text(lic.expires) if lic.expires else None) for lic in info.licenses
        ),
    )


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
    return table(("MODULE", "VENDOR", "VERSION", "INSTANCES"), rows)


# --- pbx trust -----------------------------------------------------------------------------------


def register_trust(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``pbx trust NAME``: pin a PBX's new certificate after showing both fingerprints."""
    trust = commands.add_parser("trust", help="pin the certificate a PBX presents now (after it changed)")
    trust.add_argument("name")
    trust.add_argument("--fingerprint", metavar="SHA256", help="pin only if the PBX presents this certificate")
    trust.add_argument("--yes", action="store_true", help="pin without asking (for scripts; prefer --fingerprint)")
    add_json_flag(trust)
    trust.set_defaults(handler=_trust)


def _trust(args: argparse.Namespace) -> int:
    from modmanager.cli.services import confirm
    from modmanager.ops.trust import check_certificate, trust_certificate
    from modmanager.pbx import tls

    wanted = tls.normalize_fingerprint(args.fingerprint) if args.fingerprint else None
    with Inventory() as inventory:
        check = check_certificate(inventory, args.name)
        presented = tls.format_fingerprint(check.presented.sha256)
        pinned = tls.format_fingerprint(check.pinned) if check.pinned else "none (trusted through a CA)"
        data = {
            "name": check.pbx_name,
            "url": check.url,
            "pinned": check.pinned,
            "presented": check.presented.sha256,
            "subject": check.presented.subject,
            "not_after": check.presented.not_after,
            "ca_verified": check.presented.ca_verified,
            "changed": check.changed,
        }
        lines = [
            f"{check.pbx_name} ({check.url})",
            f"  pinned:        {pinned}",
            f"  presented now: {presented}",
            f"  subject:       {clean_text(check.presented.subject)}",
            f"  valid until:   {check.presented.not_after}",
        ]
        if not check.changed:
            emit(args, "\n".join([*lines, "The PBX presents the pinned certificate; nothing to do."]), data)
            return 0
        if wanted is None:
            sys.stderr.write("\n".join(lines) + "\n")
            sys.stderr.write(
                "Pin it only if the PBX really got a new certificate: compare the fingerprint with the one its "
                "web interface shows. Otherwise someone may be intercepting the connection.\n"
            )
            confirm(f"Pin the certificate {presented} for {check.pbx_name}?", assume_yes=args.yes)
        trusted = trust_certificate(inventory, check.pbx_name, wanted or check.presented.sha256)
    emit(
        args,
        f"Pinned the certificate {tls.format_fingerprint(trusted.presented.sha256)} for {trusted.pbx_name}; "
        f"run 'modmanager refresh' to read it again.",
        {**data, "pinned": trusted.presented.sha256, "changed": False},
    )
    return 0
