"""``modmanager plan``: what each module on a PBX should be updated to, offline.

Reads catalog files from disk, takes the PBX facts (STARFACE version, edition, licenses) and
the installed modules from the command line, and prints the planner's decision per module:
target release, whether it needs a new license key (and the free alternative), whether the
NFR build applies, and why. With ``--target-starface`` it also says whether every module is
ready for a proposed STARFACE upgrade. Nothing touches the network or a PBX.

Catalog signatures: with ``--key`` every catalog must have a ``FILE.sig`` made by one of the
given keys. Without keys the command refuses to run unless ``--trust-unsigned`` says that
unchecked catalogs are acceptable (e.g. a vendor folder you built yourself); it then warns on
stderr. Unsigned data never passes silently.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from modmanager.cli.language import error_text
from modmanager.cli.output import add_json_flag, emit, table_lines
from modmanager.core.catalog import (
    MAX_CATALOG_BYTES,
    Catalog,
    CatalogModule,
    Channel,
    Release,
    merge_catalogs,
    parse_catalog,
    verify_catalog,
)
from modmanager.core.errors import CatalogError, InvalidVersion, ModManagerError
from modmanager.core.localfile import read_regular_file
from modmanager.core.planner import (
    AvailableModule,
    ModulePlan,
    PbxFacts,
    PbxPlan,
    Readiness,
    choose_file,
    plan_pbx,
    short_version,
    upgrade_readiness,
)
from modmanager.core.protocol import Edition, InstalledModule, LicenseKind
from modmanager.core.versions import StarfaceVersion

_MAX_KEY_FILE_BYTES = 4096


class PlanInputError(ModManagerError):
    """The modules named on the command line do not fit the catalogs."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``plan`` to the top-level parser."""
    parser = subparsers.add_parser(
        "plan",
        help="plan module updates for one PBX from catalog files (offline)",
        description=(
            "Plan module updates for one PBX from catalog files, without contacting it. "
            "Every catalog is verified against FILE.sig with the --key public keys; "
            "without --key, --trust-unsigned is required and the catalogs are read unchecked."
        ),
    )
    parser.add_argument(
        "--catalog", metavar="FILE", action="append", required=True, help="a catalog JSON file (repeatable)"
    )
    trust = parser.add_mutually_exclusive_group()
    trust.add_argument(
        "--key",
        metavar="PUB",
        action="append",
        default=[],
        help="trusted Ed25519 public key: the base64 text or a .pub file holding it (repeatable)",
    )
    trust.add_argument("--trust-unsigned", action="store_true", help="read the catalogs without checking any signature")
    parser.add_argument(
        "--starface", metavar="VERSION", required=True, type=_starface, help="the PBX's STARFACE version, e.g. 9.0.1.3"
    )
    parser.add_argument(
        "--edition",
        choices=[edition.value for edition in Edition],
        default=Edition.APPLIANCE.value,
        help="the PBX's edition (default: appliance)",
    )
    parser.add_argument(
        "--license",
        dest="licenses",
        metavar="KIND",
        action="append",
        default=[],
        choices=[kind.value for kind in LicenseKind],
        help="a license the PBX has: " + ", ".join(kind.value for kind in LicenseKind) + " (repeatable)",
    )
    parser.add_argument(
        "--installed",
        metavar="MODULE=VERSION",
        action="append",
        default=[],
        type=_installed,
        help="an installed module: its id (or exact name) and integer version, e.g. 6f1c...=126 (repeatable)",
    )
    parser.add_argument(
        "--channel",
        choices=[channel.value for channel in Channel],
        default=Channel.STABLE.value,
        help="stable (default) or pre-release: whether pre-release module releases are considered",
    )
    parser.add_argument(
        "--target-starface",
        metavar="VERSION",
        type=_starface,
        help="also check whether every module is ready for this STARFACE upgrade",
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", type=_date, help="the date that decides which modules are new (default: today)"
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run_plan, plan_parser=parser)


# --- argument types (errors here exit with 2) -------------------------------------------------


def _starface(text: str) -> StarfaceVersion:
    try:
        return StarfaceVersion.parse(text)
    except InvalidVersion as error:
        raise argparse.ArgumentTypeError(error_text(error)) from None


def _installed(text: str) -> tuple[str, int]:
    module, separator, version = text.rpartition("=")
    module = module.strip()
    if not separator or not module or not version.strip().isdigit():
        raise argparse.ArgumentTypeError(
            f"{text!r} is not MODULE=VERSION; write the module id (or name) and its integer version, e.g. abc=126"
        )
    return module, int(version)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it like 2025-08-12") from None


# --- the command ------------------------------------------------------------------------------


def run_plan(args: argparse.Namespace) -> int:
    if not args.key and not args.trust_unsigned:
        args.plan_parser.error(
            "no --key to check the catalog signatures; pass the publisher's public key, "
            "or --trust-unsigned to read the catalogs unchecked"
        )
    keys = [_read_key(value) for value in args.key]
    catalogs = [_load_catalog(Path(path), keys) for path in args.catalog]
    if args.trust_unsigned:
        print("modmanager: warning: catalog signatures were not checked (--trust-unsigned).", file=sys.stderr)
    facts = PbxFacts(args.starface, Edition(args.edition), frozenset(LicenseKind(kind) for kind in args.licenses))
    merged = merge_catalogs(catalogs)
    modules = {module.id.lower(): module for module in merged}
    installed = _resolve_installed(args.installed, merged)
    channel = Channel(args.channel)
    plan = plan_pbx(facts, installed, catalogs, channel=channel, today=args.today or dt.date.today())
    readiness = (
        upgrade_readiness(facts, installed, catalogs, args.target_starface, channel=channel)
        if args.target_starface is not None
        else None
    )
    emit(args, _plan_text(plan, readiness, modules), _plan_json(plan, readiness, modules))
    return 0


def _read_key(value: str) -> str:
    """A key given inline, or the content of a ``.pub`` file when ``value`` names one."""
    path = Path(value)
    if not path.is_file():
        return value
    try:
        with path.open("rb") as handle:
            return handle.read(_MAX_KEY_FILE_BYTES).decode("ascii", "replace").strip()
    except OSError as error:
        raise CatalogError(
            code="catalog_input_unreadable",
            params={"kind": "public_key", "path": value, "detail": error.strerror or type(error).__name__},
        ) from None


def _load_catalog(path: Path, keys: Sequence[str]) -> Catalog:
    data = _read_file(path, "catalog")
    if keys:
        signature_path = path.with_name(path.name + ".sig")
        signature = _read_file(signature_path, "signature") if signature_path.exists() else b""
        verify_catalog(data, signature, keys, source=str(path))
    return parse_catalog(data, source=str(path.absolute().parent))


def _read_file(path: Path, what: str) -> bytes:
    try:
        # One byte more than a catalog may be, so parse_catalog reports an oversized catalog itself.
        return read_regular_file(path, MAX_CATALOG_BYTES + 1, what=f"{what} file", error=CatalogError)
    except OSError as error:
        raise CatalogError(
            code="catalog_input_unreadable",
            params={"kind": what, "path": str(path), "detail": error.strerror or str(error)},
        ) from None


def _resolve_installed(
    entries: Sequence[tuple[str, int]], modules: Sequence[CatalogModule]
) -> tuple[InstalledModule, ...]:
    """Turn ``MODULE=VERSION`` pairs into installed modules; MODULE is an id or an exact name."""
    by_id = {module.id.lower(): module for module in modules}
    result: list[InstalledModule] = []
    seen: set[str] = set()
    for given, version in entries:
        module = by_id.get(given.lower())
        if module is None:
            named = [m for m in modules if given.casefold() in {name.casefold() for name in m.names.values()}]
            if len(named) > 1:
                raise PlanInputError(code="plan_name_ambiguous", params={"name": given, "count": str(len(named))})
            module = named[0] if named else None
        module_id = module.id if module is not None else given
        if module_id.lower() in seen:
            raise PlanInputError(code="plan_module_twice", params={"name": given})
        seen.add(module_id.lower())
        result.append(
            InstalledModule(
                id=module_id,
                name=module.display_name("en") if module is not None else given,
                vendor=module.vendor if module is not None else "",
                version=version,
            )
        )
    return tuple(result)


# --- human output -----------------------------------------------------------------------------


def _release_text(release: Release | None) -> str:
    return "-" if release is None else release.display_version


def _installed_text(version: int | None, module: CatalogModule | None) -> str:
    if version is None:
        return "-"
    release = module.release(version) if module is not None else None
    return release.display_version if release is not None else str(version)


def _paid_text(plan: ModulePlan) -> str:
    if plan.target is None:
        return "-"
    if not plan.target_is_paid:
        return "no"
    paid = _release_text(plan.paid_release)
    free = f"; free: {plan.free_target.display_version}" if plan.free_target is not None else "; no free update"
    return f"yes (from {paid}){free}"


def _plan_text(plan: PbxPlan, readiness: Readiness | None, modules: dict[str, CatalogModule]) -> str:
    facts = plan.facts
    licenses = ", ".join(sorted(kind.value for kind in facts.licenses)) or "none given"
    lines = [
        f"STARFACE {facts.starface} ({facts.edition.value}; licenses: {licenses}; channel: {plan.channel.value})",
        f"PBX status: {plan.status.value}",
        "",
    ]
    if plan.modules:
        lines.append("Installed modules:")
        rows = [
            [
                item.name,
                _installed_text(item.installed_version, modules.get(item.module_id.lower())),
                _release_text(item.target),
                _paid_text(item),
                "yes" if item.use_nfr else "no",
                item.status.value,
            ]
            for item in plan.modules
        ]
        table = table_lines(["MODULE", "INSTALLED", "TARGET", "PAID", "NFR", "STATUS"], rows, indent="  ")
        lines.append(table[0])
        for row_text, item in zip(table[1:], plan.modules, strict=True):
            lines.append(row_text)
            lines.extend(f"      - {reason}" for reason in item.reasons)
    else:
        lines.append("No installed modules given.")
    lines.append("")
    if plan.available:
        lines.append("Available modules (compatible, not installed):")
        rows = [_available_row(item) for item in plan.available]
        lines.extend(table_lines(["MODULE", "VENDOR", "RELEASE", "NFR", "NEW"], rows, indent="  "))
    else:
        lines.append("No other compatible modules in the catalogs.")
    if plan.notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"  - {note}" for note in plan.notes)
    if readiness is not None:
        lines.append("")
        lines.extend(_readiness_text(readiness, modules))
    return "\n".join(lines)


def _available_row(item: AvailableModule) -> list[str]:
    return [
        item.module.display_name("en"),
        item.module.vendor,
        item.release.display_version,
        "yes" if item.use_nfr else "no",
        "new" if item.is_new else "",
    ]


def _readiness_text(readiness: Readiness, modules: dict[str, CatalogModule]) -> list[str]:
    verdict = "ready" if readiness.ready else "not ready"
    lines = [f"Upgrade to STARFACE {short_version(readiness.target_starface)}: {verdict}"]
    rows = [
        [
            item.name,
            _installed_text(item.installed_version, modules.get(item.module_id.lower())),
            item.state.value,
            _release_text(item.release),
            "yes" if item.is_paid else "no",
        ]
        for item in readiness.modules
    ]
    if rows:
        table = table_lines(["MODULE", "INSTALLED", "STATE", "RELEASE", "PAID"], rows, indent="  ")
        lines.append(table[0])
        for row_text, item in zip(table[1:], readiness.modules, strict=True):
            lines.append(row_text)
            lines.extend(f"      - {reason}" for reason in item.reasons)
    lines.extend(f"  - {note}" for note in readiness.notes)
    return lines


# --- JSON output ------------------------------------------------------------------------------


def _release_json(release: Release | None) -> dict[str, Any] | None:
    if release is None:
        return None
    return {
        "version": release.version,
        "displayVersion": release.display_version,
        "date": release.date,
        "channel": release.channel.value,
    }


def _module_plan_json(plan: ModulePlan, modules: dict[str, CatalogModule], facts: PbxFacts) -> dict[str, Any]:
    module = modules.get(plan.module_id.lower())
    target_file = choose_file(plan.target, facts, module)[0] if plan.target is not None and module else None
    return {
        "id": plan.module_id,
        "name": plan.name,
        "installedVersion": plan.installed_version,
        "installedVerdict": plan.installed_verdict.value if plan.installed_verdict is not None else None,
        "status": plan.status.value,
        "target": _release_json(plan.target),
        "targetFile": target_file.location if target_file is not None else None,
        "targetIsPaid": plan.target_is_paid,
        "paidRelease": _release_json(plan.paid_release),
        "freeTarget": _release_json(plan.free_target),
        "useNfr": plan.use_nfr,
        "untestedNewer": [_release_json(release) for release in plan.untested_newer],
        "blockedByStarface": str(plan.blocked_by_starface) if plan.blocked_by_starface is not None else None,
        "reasons": list(plan.reasons),
    }


def _plan_json(plan: PbxPlan, readiness: Readiness | None, modules: dict[str, CatalogModule]) -> dict[str, Any]:
    facts = plan.facts
    data: dict[str, Any] = {
        "starface": str(facts.starface),
        "edition": facts.edition.value,
        "licenses": sorted(kind.value for kind in facts.licenses),
        "channel": plan.channel.value,
        "status": plan.status.value,
        "modules": [_module_plan_json(item, modules, facts) for item in plan.modules],
        "available": [
            {
                "id": item.module.id,
                "name": item.module.display_name("en"),
                "vendor": item.module.vendor,
                "release": _release_json(item.release),
                "useNfr": item.use_nfr,
                "isNew": item.is_new,
            }
            for item in plan.available
        ],
        "notes": list(plan.notes),
    }
    if readiness is not None:
        data["readiness"] = {
            "targetStarface": str(readiness.target_starface),
            "ready": readiness.ready,
            "modules": [
                {
                    "id": item.module_id,
                    "name": item.name,
                    "installedVersion": item.installed_version,
                    "state": item.state.value,
                    "release": _release_json(item.release),
                    "installedCompatible": item.installed_compatible,
                    "isPaid": item.is_paid,
                    "untested": [_release_json(release) for release in item.untested],
                    "reasons": list(item.reasons),
                }
                for item in readiness.modules
            ],
            "notes": list(readiness.notes),
        }
    return data
