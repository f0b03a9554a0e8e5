"""``modmanager refresh`` and ``modmanager readiness``: the whole fleet at a glance.

``refresh`` asks every PBX (concurrently, bounded by the read concurrency setting) for its STARFACE
version and modules, plans against the catalogs and prints per PBX its status and the modules
with updates. ``readiness`` answers "can this PBX (or every PBX) move to STARFACE X?": each
installed module needs a release compatible with X, and the table names the modules that block.
Both count the PBXs on stderr as they end (``n of N``), can be narrowed with ``--customer`` and
``--tag``, and stop starting further PBXs at the first Ctrl+C, reporting what they have.

A PBX that cannot be reached is shown with the reason, and the command then exits 1 with one
line on stderr, so a script notices that the answer is incomplete. A configured catalog that
cannot be used (unreachable, signature wrong) makes ``refresh`` exit 3 with one line naming the
source and why: a PBX is then never reported "up to date" (its status is ``catalog-unavailable``).
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from modmanager.cli.language import error_message, error_text
from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.selection import FleetProgress, add_selection_flags, interruptible, selected_names
from modmanager.cli.services import cli_services, plural
from modmanager.core.errors import InvalidVersion, ModManagerError, OperationError
from modmanager.core.planner import ModulePlan, ModuleReadiness, ModuleStatus, Readiness, ReadinessState, short_version
from modmanager.core.versions import StarfaceVersion
from modmanager.ops.catalogs import catalogs_unavailable
from modmanager.ops.fleet import readiness
from modmanager.ops.refresh import (
    PbxSnapshot,
    cached_snapshot,
    cancelled_error,
    fleet_status,
    refresh_fleet,
    status_for_error,
)
from modmanager.ops.services import Services


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``refresh`` and ``readiness``."""
    refresh = subparsers.add_parser(
        "refresh",
        help="ask every PBX (or the named ones) for its modules and show what can be updated",
        description="Refresh PBXs concurrently and show per PBX: status, STARFACE version, modules with updates.",
    )
    refresh.add_argument(
        "--pbx", dest="pbxs", action="append", metavar="NAME", help="only this PBX (repeatable; default: all)"
    )
    add_selection_flags(refresh)
    add_json_flag(refresh)
    refresh.set_defaults(handler=run_refresh)

    ready = subparsers.add_parser(
        "readiness",
        help="can a PBX (or every PBX) move to a given STARFACE release?",
        description=(
            "Check whether every installed module has a release compatible with a proposed STARFACE version, "
            "for one PBX or the whole fleet."
        ),
    )
    which = ready.add_mutually_exclusive_group(required=True)
    which.add_argument("--pbx", metavar="NAME", help="the PBX to check")
    which.add_argument("--all", action="store_true", help="every PBX, as a table")
    ready.add_argument(
        "--target-starface",
        required=True,
        type=_starface,
        metavar="VERSION",
        help="the STARFACE release, e.g. 10.0.0.4",
    )
    add_selection_flags(ready, "PBXs (with --all)")
    add_json_flag(ready)
    ready.set_defaults(handler=run_readiness, parser=ready)


def _starface(text: str) -> StarfaceVersion:
    try:
        return StarfaceVersion.parse(text)
    except InvalidVersion as error:
        raise argparse.ArgumentTypeError(error_text(error)) from None


def _incomplete(failed: Sequence[str], total: int, action: str) -> OperationError:
    """``action``: refreshed or checked."""
    return OperationError(
        code="fleet_incomplete",
        params={"failed": str(len(failed)), "total": str(total), "names": ", ".join(failed), "action": action},
    )


# --- refresh ---------------------------------------------------------------------------------------


def run_refresh(args: argparse.Namespace) -> int:
    with cli_services(catalog_warnings=False) as services:
        names = selected_names(services, args, args.pbxs)
        progress = FleetProgress("Refreshed", len(names))
        with interruptible() as stop:
            try:
                results = refresh_fleet(
                    services,
                    names,
                    on_done=lambda _name, result, _status: progress(not isinstance(result, PbxSnapshot)),
                    cancelled=stop.is_set,
                )
            finally:
                progress.finish()
        statuses = {name: _status(services, result) for name, result in results.items()}
        problems = services.catalogs.unavailable()
    if not names:
        emit(
            args,
            "No PBXs yet. Add one with 'modmanager pbx add'.",
            {"pbxs": [], "catalogProblems": [problem.to_json() for problem in problems]},
        )
        if problems:
            raise catalogs_unavailable(problems)
        return 0
    rows = []
    documents = []
    for name in names:
        result = results[name]
        status = statuses[name]
        if isinstance(result, PbxSnapshot):
            updates = [_update_text(plan) for plan in _with_updates(result)]
            held = [plan for plan in result.plan.modules if plan.hold is not None]
            updates += [f"{plan.name} v{plan.installed_version} ({plan.hold.describe()})" for plan in held if plan.hold]
            rows.append((name, status, result.info.starface_version, ", ".join(updates) or "-"))
            documents.append(
                {
                    "name": name,
                    "status": status,
                    "starfaceVersion": result.info.starface_version,
                    "updates": [_update_json(plan) for plan in _with_updates(result)],
                    "incomplete": result.plan.incomplete,
                    "held": [
                        {"moduleId": plan.module_id, "name": plan.name, "reason": plan.hold.reason}
                        for plan in held
                        if plan.hold
                    ],
                    "error": None,
                }
            )
        else:
            rows.append((name, status, "?", error_message(result)))
            documents.append(
                {
                    "name": name,
                    "status": status,
                    "starfaceVersion": None,
                    "updates": [],
                    "incomplete": bool(problems),
                    "error": str(result),
                }
            )
    emit(
        args,
        table(("PBX", "STATUS", "STARFACE", "UPDATES"), rows),
        {"pbxs": documents, "catalogProblems": [problem.to_json() for problem in problems]},
    )
    failed = [name for name in names if not isinstance(results[name], PbxSnapshot)]
    if failed:
        raise _incomplete(failed, len(names), "refreshed")
    if problems:
        raise catalogs_unavailable(problems)
    return 0


def _status(services: Services, result: PbxSnapshot | ModManagerError) -> str:
    if isinstance(result, PbxSnapshot):
        return fleet_status(services, result).value
    if result.code == cancelled_error("").code:
        return "not-read"
    return status_for_error(result).value


def _with_updates(snapshot: PbxSnapshot) -> list[ModulePlan]:
    return [
        plan
        for plan in snapshot.plan.modules
        if plan.target is not None and plan.status in (ModuleStatus.UPDATE_AVAILABLE, ModuleStatus.PAID_UPDATE_ONLY)
    ]


def _update_text(plan: ModulePlan) -> str:
    """``Name v126 -> v130``, with the cost: ``(paid)``, or the free step before a paid one."""
    assert plan.target is not None
    start = f"{plan.name} v{plan.installed_version}"
    if not plan.target_is_paid:
        return f"{start} -> {plan.target.display_version}"
    if plan.free_target is not None:
        return f"{start} -> {plan.free_target.display_version} (free; {plan.target.display_version} paid)"
    return f"{start} -> {plan.target.display_version} (paid)"


def _update_json(plan: ModulePlan) -> dict[str, Any]:
    assert plan.target is not None
    return {
        "moduleId": plan.module_id,
        "name": plan.name,
        "installedVersion": plan.installed_version,
        "target": plan.target.version,
        "targetIsPaid": plan.target_is_paid,
        "freeTarget": None if plan.free_target is None else plan.free_target.version,
        "nfr": plan.use_nfr,
    }


# --- readiness -------------------------------------------------------------------------------------


def run_readiness(args: argparse.Namespace) -> int:
    target: StarfaceVersion = args.target_starface
    if not args.all and (args.customers or args.tags):
        args.parser.error("--customer and --tag narrow --all; leave them out with --pbx")
    with cli_services() as services:
        if not args.all:
            answer = readiness(services, services.inventory.get(args.pbx).name, target)
            emit(args, _single_text(args.pbx, answer), _readiness_json(args.pbx, answer))
            return 0
        names = selected_names(services, args)
        progress = FleetProgress("Checked", len(names))
        with interruptible() as stop:
            try:
                results = _fleet_readiness(services, names, target, progress, stop)
            finally:
                progress.finish()
        versions = {name: _starface_of(services, name) for name in names}
    if not names:
        emit(args, "No PBXs yet. Add one with 'modmanager pbx add'.", {"pbxs": []})
        return 0
    rows = []
    documents = []
    for name in names:
        result = results[name]
        if isinstance(result, Readiness):
            blocking = ", ".join(f"{module.name} ({_state_word(module)})" for module in result.blocking)
            rows.append((name, versions[name], "ready" if result.ready else "NOT READY", blocking or "-"))
            documents.append({**_readiness_json(name, result), "starfaceVersion": versions[name]})
        else:
            rows.append((name, versions[name], "unknown", error_message(result)))
            documents.append({"pbx": name, "starfaceVersion": versions[name], "ready": None, "error": str(result)})
    heading = f"Readiness for STARFACE {short_version(target)}:"
    text = heading + "\n" + table(("PBX", "STARFACE", "READY", "BLOCKING MODULES"), rows, indent="  ")
    emit(args, text, {"targetStarface": str(target), "pbxs": documents})
    failed = [name for name in names if not isinstance(results[name], Readiness)]
    if failed:
        raise _incomplete(failed, len(names), "checked")
    return 0


def _fleet_readiness(
    services: Services,
    names: Sequence[str],
    target: StarfaceVersion,
    progress: FleetProgress,
    stop: threading.Event,
) -> dict[str, Readiness | ModManagerError]:
    """Readiness reads each PBX, so it runs at the read concurrency; Ctrl+C starts no further PBX."""

    def one(name: str) -> Readiness | ModManagerError:
        if stop.is_set():
            return cancelled_error(name)
        try:
            return readiness(services, name, target)
        except ModManagerError as error:
            return error

    results: dict[str, Readiness | ModManagerError] = {}
    if not names:
        return results
    pool = ThreadPoolExecutor(max_workers=min(len(names), max(1, services.settings.read_concurrency)))
    try:
        futures = {pool.submit(one, name): name for name in names}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            progress(not isinstance(results[futures[future]], Readiness))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return {name: results[name] for name in names}


def _starface_of(services: Services, name: str) -> str:
    snapshot = cached_snapshot(services, name)
    return "?" if snapshot is None else snapshot.info.starface_version


_STATE_WORDS = {
    ReadinessState.COMPATIBLE_NOW: "compatible as installed",
    ReadinessState.UPDATE_REQUIRED: "update first",
    ReadinessState.UNTESTED: "untested",
    ReadinessState.NO_RELEASE: "no compatible release",
    ReadinessState.NOT_IN_CATALOG: "not in any catalog",
}


def _state_word(module: ModuleReadiness) -> str:
    return _STATE_WORDS[module.state]


def _single_text(pbx_name: str, answer: Readiness) -> str:
    target = short_version(answer.target_starface)
    if answer.ready:
        verdict = f"{pbx_name} can move to STARFACE {target}."
    else:
        verdict = (
            f"{pbx_name} is NOT ready for STARFACE {target}: "
            f"{plural(len(answer.blocking), 'module')} block the upgrade."
        )
    rows = []
    for module in answer.modules:
        release = "-" if module.release is None else module.release.display_version
        if module.is_paid:
            release += " (paid)"
        rows.append(
            (module.name, f"v{module.installed_version}", _state_word(module), release, "; ".join(module.reasons))
        )
    lines = [verdict]
    if rows:
        lines.append(table(("MODULE", "INSTALLED", "STATE", "RELEASE", "WHY"), rows, indent="  "))
    else:
        lines.append("  No modules are installed.")
    lines.extend(f"Note: {note}" for note in answer.notes)
    return "\n".join(lines)


def _readiness_json(pbx_name: str, answer: Readiness) -> dict[str, Any]:
    return {
        "pbx": pbx_name,
        "targetStarface": str(answer.target_starface),
        "ready": answer.ready,
        "modules": [
            {
                "moduleId": module.module_id,
                "name": module.name,
                "installedVersion": module.installed_version,
                "state": module.state.value,
                "ready": module.ready,
                "release": None if module.release is None else module.release.version,
                "paid": module.is_paid,
                "reasons": list(module.reasons),
            }
            for module in answer.modules
        ],
        "blocking": [module.module_id for module in answer.blocking],
        "notes": list(answer.notes),
    }
