"""``modmanager hold|unhold|skip|unskip|holds``: keep a module where it is, or pass over one release.

A hold keeps a module at the version a PBX runs (on one PBX, every PBX of a customer, or the
whole fleet): no update is offered, update-all, rollouts and scheduled jobs leave it alone. A
skip passes over one release; newer releases are offered again. Both carry a reason, are
shown in ``modmanager refresh``, the GUI and the plan, and are written to the audit trail.
Modules are named by id or by name (installed or in a catalog); nothing contacts a PBX.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.services import cli_services, resolve_module
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.ops.refresh import cached_snapshot
from modmanager.ops.services import Services


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``hold``, ``unhold``, ``skip``, ``unskip`` and ``holds``."""
    for name, kind, remove, text in (
        ("hold", HoldKind.HOLD, False, "keep a module at its installed version (no updates offered)"),
        ("unhold", HoldKind.HOLD, True, "remove a hold"),
        ("skip", HoldKind.SKIP, False, "never offer one release of a module (newer ones are offered)"),
        ("unskip", HoldKind.SKIP, True, "offer a skipped release again"),
    ):
        parser = subparsers.add_parser(name, help=text, description=text[:1].upper() + text[1:] + ".")
        parser.add_argument("module", metavar="MODULE", help="module id or name")
        if kind is HoldKind.SKIP:
            parser.add_argument("--version", type=int, required=True, metavar="V", help="the release, e.g. 130")
        where = parser.add_mutually_exclusive_group(required=True)
        where.add_argument("--pbx", metavar="NAME", help="on this PBX")
        where.add_argument("--customer", metavar="NAME", help="on every PBX of this customer")
        where.add_argument("--fleet", action="store_true", help="on every PBX")
        if not remove:
            parser.add_argument("--reason", default="", help="why (shown with the badge and in the audit trail)")
        add_json_flag(parser)
        parser.set_defaults(handler=_remove if remove else _set, hold_kind=kind)

    listing = subparsers.add_parser("holds", help="list holds and skips")
    listing.add_argument("--pbx", metavar="NAME", help="only those that apply to this PBX")
    add_json_flag(listing)
    listing.set_defaults(handler=_list)


def _scope(args: argparse.Namespace) -> tuple[HoldScope, str]:
    if args.pbx:
        return HoldScope.PBX, args.pbx
    if args.customer:
        return HoldScope.CUSTOMER, args.customer.strip()
    return HoldScope.FLEET, ""


def _module(services: Services, text: str) -> tuple[str, str]:
    """(module id, a name for it) from what the inventory last saw and the catalogs."""
    candidates: list[tuple[str, tuple[str, ...]]] = []
    names: dict[str, str] = {}
    for record in services.inventory.list():
        snapshot = cached_snapshot(services, record.name)
        if snapshot is None:
            continue
        for module in snapshot.modules:
            candidates.append((module.id, (module.name,)))
            names.setdefault(module.id.lower(), module.name)
    for catalog_module in services.catalogs.modules():
        candidates.append((catalog_module.id, tuple(catalog_module.names.values())))
        names.setdefault(catalog_module.id.lower(), catalog_module.display_name("en"))
    module_id = resolve_module(text, candidates, where="pbxs_or_catalogs")
    return module_id.lower(), names.get(module_id.lower(), "")


def _installed_version(services: Services, pbx: str, module_id: str) -> int | None:
    snapshot = cached_snapshot(services, pbx)
    if snapshot is None:
        return None
    return next((item.version for item in snapshot.modules if item.id.lower() == module_id), None)


def _set(args: argparse.Namespace) -> int:
    kind: HoldKind = args.hold_kind
    scope, target = _scope(args)
    with cli_services() as services:
        if scope is HoldScope.PBX:
            target = services.inventory.get(target).name
        module_id, name = _module(services, args.module)
        version = args.version if kind is HoldKind.SKIP else None
        if kind is HoldKind.HOLD and scope is HoldScope.PBX:
            version = _installed_version(services, target, module_id)
        hold = services.holds.set(Hold(kind, scope, target, module_id, version, args.reason, name))
    label = name or module_id
    what = "Held" if kind is HoldKind.HOLD else f"Skipped v{hold.version} of"
    emit(args, f"{what} {label} {_where(hold)}.", _hold_json(hold))
    return 0


def _remove(args: argparse.Namespace) -> int:
    kind: HoldKind = args.hold_kind
    scope, target = _scope(args)
    with cli_services() as services:
        module_id, name = _module(services, args.module)
        removed = services.holds.remove(kind, scope, target, module_id, getattr(args, "version", None))
    label = removed.module_name or name or module_id
    what = "Removed the hold of" if kind is HoldKind.HOLD else f"v{removed.version} is offered again for"
    emit(args, f"{what} {label} {_where(removed)}.", _hold_json(removed))
    return 0


def _list(args: argparse.Namespace) -> int:
    with cli_services() as services:
        holds: Iterable[Hold] = services.holds.all()
        if args.pbx:
            record = services.inventory.get(args.pbx)
            holds = [hold for hold in holds if hold.applies_to(record.name, record.customer)]
        holds = list(holds)
    if not holds:
        emit(args, "No holds or skips.", [])
        return 0
    rows = [
        (
            hold.kind.value,
            hold.module_name or hold.module_id,
            "" if hold.version is None else f"v{hold.version}",
            _where(hold),
            hold.reason or "-",
        )
        for hold in holds
    ]
    emit(args, table(("KIND", "MODULE", "VERSION", "WHERE", "REASON"), rows), [_hold_json(hold) for hold in holds])
    return 0


def _where(hold: Hold) -> str:
    if hold.scope is HoldScope.PBX:
        return f"on {hold.target}"
    if hold.scope is HoldScope.CUSTOMER:
        return f"for customer {hold.target}"
    return "for every PBX"


def _hold_json(hold: Hold) -> dict[str, object]:
    return {
        "kind": hold.kind.value,
        "scope": hold.scope.value,
        "target": hold.target,
        "moduleId": hold.module_id,
        "moduleName": hold.module_name,
        "version": hold.version,
        "reason": hold.reason,
        "createdAt": None if hold.created_at is None else hold.created_at.isoformat(),
        "createdBy": hold.created_by,
    }
