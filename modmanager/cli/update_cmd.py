"""``modmanager update`` and ``modmanager recover``: the safe update, from the command line.

``update`` always shows the preview first - versions, cost (with the free alternative when an
upgrade is paid), NFR or standard build, what happens to every instance's settings, warnings,
whether a way back exists - and only then asks. ``--dry-run`` stops after the preview; a paid
upgrade is refused unless ``--accept-paid`` says the new license key is there. Progress goes to
stderr so the outcome on stdout (or the ``--json`` document) stays clean.

``recover`` lists updates that were interrupted (crash, PBX gone during a rollback) with what
modmanager recommends, and carries them out when asked to.

The fleet-wide commands (``refresh``, ``readiness``) live in :mod:`modmanager.cli.fleet_cmd`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from typing import Any

from modmanager.cli.language import error_message, error_text, outcome_text
from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.services import (
    MASK,
    ProgressPrinter,
    cli_services,
    confirm,
    is_secret_input,
    looks_like_module_id,
    plural,
    resolve_module,
)
from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.migration import SettingMigration
from modmanager.core.sfm import ConfigSchema, SettingValue, read_sfm
from modmanager.core.versions import Verdict
from modmanager.ops.catalogs import catalogs_unavailable
from modmanager.ops.fleet import PlannedUpdate, free_updates, update_all
from modmanager.ops.operation import pbx_exclusive
from modmanager.ops.recovery import Assessment, RecoveryAction, assess, recover_outcome, unfinished
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.services import Services
from modmanager.ops.update import UpdatePreview, UpdateResult, prepare_update, run_update


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``update`` and ``recover`` (and, for now, the fleet commands) to the top-level parser."""
    parser = subparsers.add_parser(
        "update",
        help="update a module on a PBX safely (preview first), or every free update at once",
        description=(
            "Update one module (--module) or apply every free update (--all) on a PBX. The preview is "
            "printed first; nothing changes until you confirm (or pass --yes)."
        ),
    )
    parser.add_argument("--pbx", required=True, metavar="NAME", help="the PBX to update")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--module", metavar="ID", help="module id or exact name")
    which.add_argument("--all", action="store_true", help="every module with a free update, one after another")
    parser.add_argument("--to", type=int, metavar="VERSION", help="a specific release (integer version, e.g. 130)")
    flavour = parser.add_mutually_exclusive_group()
    flavour.add_argument("--nfr", action="store_true", help="install the NFR (not-for-resale) build")
    flavour.add_argument("--standard", action="store_true", help="install the standard build even on an NFR PBX")
    parser.add_argument("--accept-paid", action="store_true", help="go ahead with a paid upgrade (needs a new key)")
    parser.add_argument("--dry-run", action="store_true", help="show the preview and stop; nothing is changed")
    parser.add_argument("--continue-on-failure", action="store_true", help="with --all: go on after a failed module")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(parser)
    parser.set_defaults(handler=run_update_command, update_parser=parser)

    recover_parser = subparsers.add_parser(
        "recover",
        help="list and finish updates that were interrupted",
        description=(
            "List updates that did not finish (the PBX went away during a rollback, the process died) and "
            "finish them: resume to the new version or roll back to the old one. Without --op or --yes it "
            "only lists them."
        ),
    )
    recover_parser.add_argument("--list", action="store_true", help="only list (the default without --op/--yes)")
    recover_parser.add_argument("--op", metavar="ID", help="the interrupted update to finish (from the list)")
    recover_parser.add_argument(
        "--action",
        choices=[action.value for action in RecoveryAction],
        default=RecoveryAction.AUTO.value,
        help="auto (default: what the list recommends), resume or rollback",
    )
    recover_parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(recover_parser)
    recover_parser.set_defaults(handler=run_recover)



# --- update ----------------------------------------------------------------------------------------


def run_update_command(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.update_parser
    if args.all:
        given = [
            flag
            for flag, value in (
                ("--to", args.to),
                ("--nfr", args.nfr),
                ("--standard", args.standard),
                ("--accept-paid", args.accept_paid),
            )
            if value
        ]
        if given:
            parser.error(f"{', '.join(given)} cannot be used with --all (it applies free updates only)")
        return _update_all(args)
    if args.continue_on_failure:
        parser.error("--continue-on-failure only applies to --all")
    return _update_one(args)


def _update_one(args: argparse.Namespace) -> int:
    nfr = True if args.nfr else False if args.standard else None
    with cli_services() as services, _holding(services, args, "update"):
        module_id = _update_module_id(services, args.pbx, args.module)
        preview = prepare_update(services, args.pbx, module_id, to_version=args.to, nfr=nfr)
        schema = _new_schema(services, preview)
        preview_data = preview_json(preview, schema)
        if not args.json:
            print(preview_text(preview, schema))
        if args.dry_run:
            emit(args, "Dry run: nothing was changed.", {"preview": preview_data, "dryRun": True})
            return 0
        if preview.paid and not args.accept_paid:
            free = preview.free_alternative
            raise OperationError(
                code="update_paid_needs_flag",
                params={
                    "module": preview.module_name,
                    "version": preview.release.display_version,
                    "free_version": free.display_version if free is not None else "",
                    "free_number": str(free.version) if free is not None else "",
                },
            )
        confirm(_question(preview), assume_yes=args.yes)
        progress = ProgressPrinter(preview.module_name)
        try:
            result = run_update(services, preview, confirm_paid=args.accept_paid, progress=progress)
        finally:
            progress.finish()
    emit(args, outcome_sentence(result), {"preview": preview_data, "result": result_json(result)})
    return 0


def _holding(services: Services, args: argparse.Namespace, kind: str) -> contextlib.AbstractContextManager[object]:
    """The PBX's workstation lock for the whole command, so the preview stays true until the update
    (a dry run changes nothing and takes none)."""
    if args.dry_run:
        return contextlib.nullcontext()
    return pbx_exclusive(services, services.inventory.get(args.pbx).name, kind)


def _update_module_id(services: Services, pbx_name: str, text: str) -> str:
    """An id as given; a name looked up among the PBX's modules and the catalogs' modules."""
    if looks_like_module_id(text):
        return text.strip()
    with services.client(pbx_name) as client:
        installed = client.list_modules()
    candidates: list[tuple[str, tuple[str, ...]]] = [(module.id, (module.name,)) for module in installed]
    candidates += [(module.id, tuple(module.names.values())) for module in services.catalogs.modules()]
    return resolve_module(text, candidates, where="pbx_or_catalogs", pbx=pbx_name)


def _new_schema(services: Services, preview: UpdatePreview) -> ConfigSchema:
    """The form of the release to install (the preview downloaded and cached its file)."""
    data = services.sfm_cache.get(preview.target_sha256)
    return ConfigSchema() if data is None else read_sfm(data).descriptor.schema


def _question(preview: UpdatePreview) -> str:
    target = f"{preview.module_name} {preview.release.display_version}"
    if preview.from_version is None:
        return f"Install {target} on {preview.pbx_name}?"
    paid = " (paid upgrade: needs a new module license key)" if preview.paid else ""
    return (
        f"Update {preview.module_name} on {preview.pbx_name} from v{preview.from_version} to "
        f"{preview.release.display_version}{paid}?"
    )


def _cost(preview: UpdatePreview) -> str:
    if not preview.paid:
        return "free"
    paid = preview.paid_release.display_version if preview.paid_release else preview.release.display_version
    text = f"PAID - {paid} needs a new module license key"
    if preview.free_alternative is not None:
        free = preview.free_alternative
        text += f"; free alternative: {free.display_version} (--to {free.version})"
    return text


def preview_text(preview: UpdatePreview, schema: ConfigSchema) -> str:
    """The preview as a technician reads it before saying yes."""
    if preview.from_version is None:
        source = "not installed (fresh install: one instance is created with the defaults)"
    else:
        source = f"v{preview.from_version}" + (" (this is a downgrade)" if preview.is_downgrade else "")
    if preview.is_fresh_install:
        rollback = "not needed (fresh install)"
    elif preview.rollback_available:
        rollback = f"available (v{preview.from_version} can be put back with its settings)"
    else:
        rollback = "NOT available (no copy of the installed version)"
    facts = [
        ("From:", source),
        ("To:", f"{preview.release.display_version} ({'NFR' if preview.is_nfr else 'standard'} build)"),
        ("Cost:", _cost(preview)),
        ("Compatibility:", _verdict(preview.verdict, preview.starface_version)),
        ("Rollback:", rollback),
    ]
    lines = [
        f"{'Install' if preview.is_fresh_install else 'Update'} {preview.module_name} on {preview.pbx_name} "
        f"(STARFACE {preview.starface_version})",
        table(None, facts, indent="  "),
    ]
    if preview.instances:
        lines.append("Instances:")
    for instance in preview.instances:
        lines.append(f'  "{instance.name}" ({"active" if instance.active else "inactive"})')
        migration = instance.migration
        lines.append("    carried: " + (", ".join(_labelled(item) for item in migration.carried) or "nothing"))
        if migration.dropped:
            lines.append(
                "    DROPPED: "
                + ", ".join(_labelled(item) for item in migration.dropped)
                + f" ({preview.release.display_version} has no such setting)"
            )
        if migration.added:
            lines.append("    new:     " + ", ".join(_new_setting(schema, item) for item in migration.added))
    if preview.warnings:
        lines.append("Warnings:")
        lines.extend(f"  - {warning}" for warning in preview.warnings)
    return "\n".join(lines)


def _verdict(verdict: Verdict, starface: str) -> str:
    if verdict is Verdict.COMPATIBLE:
        return f"compatible with STARFACE {starface}"
    return f"{verdict.value} for STARFACE {starface}"


def _labelled(item: SettingMigration) -> str:
    return f"{item.label} [{item.variable_id}]" if item.label and item.label != item.variable_id else item.variable_id


def _default_shown(schema: ConfigSchema, item: SettingMigration) -> SettingValue | None:
    if item.new_value is None:
        return None
    return MASK if is_secret_input(schema, item.variable_id) else item.new_value


def _new_setting(schema: ConfigSchema, item: SettingMigration) -> str:
    shown = _default_shown(schema, item)
    if shown is None:
        return f"{_labelled(item)} (empty)"
    # Typed defaults read as the module stores them: true, 20 - not Python's True.
    return f"{_labelled(item)} = {shown if isinstance(shown, str) else json.dumps(shown)}"


def preview_json(preview: UpdatePreview, schema: ConfigSchema) -> dict[str, Any]:
    """The preview for machines: names and defaults only, never a stored value."""
    return {
        "pbx": preview.pbx_name,
        "moduleId": preview.module_id,
        "moduleName": preview.module_name,
        "starfaceVersion": preview.starface_version,
        "fromVersion": preview.from_version,
        "toVersion": preview.release.version,
        "toDisplayVersion": preview.release.display_version,
        "build": "nfr" if preview.is_nfr else "standard",
        "compatibility": preview.verdict.value,
        "paid": preview.paid,
        "paidRelease": preview.paid_release.version if preview.paid_release else None,
        "freeAlternative": preview.free_alternative.version if preview.free_alternative else None,
        "rollbackAvailable": preview.rollback_available,
        "warnings": list(preview.warnings),
        "instances": [
            {
                "name": instance.name,
                "active": instance.active,
                "carried": [item.variable_id for item in instance.migration.carried],
                "dropped": [item.variable_id for item in instance.migration.dropped],
                "new": [
                    {"variableId": item.variable_id, "label": item.label, "default": _default_shown(schema, item)}
                    for item in instance.migration.added
                ],
            }
            for instance in preview.instances
        ],
    }


def outcome_sentence(result: UpdateResult) -> str:
    if result.from_version is None:
        created = ", ".join(result.created_instances) or "none"
        return (
            f"{result.module_name} v{result.to_version} was installed on {result.pbx_name} (new instance: {created})."
        )
    backup = f" The previous settings are in backup {result.backup_id}." if result.backup_id else ""
    notes = "".join(f" {message}" for message in result.messages)
    return (
        f"{result.module_name} on {result.pbx_name} now runs v{result.to_version} (was v{result.from_version}): "
        f"{plural(len(result.restored_instances), 'instance')} restored, "
        f"{len(result.activated_instances)} re-activated.{backup}{notes}"
    )


def result_json(result: UpdateResult) -> dict[str, Any]:
    return {
        "pbx": result.pbx_name,
        "moduleId": result.module_id,
        "moduleName": result.module_name,
        "fromVersion": result.from_version,
        "toVersion": result.to_version,
        "backupId": result.backup_id,
        "restoredInstances": list(result.restored_instances),
        "activatedInstances": list(result.activated_instances),
        "createdInstances": list(result.created_instances),
        "messages": list(result.messages),
    }


# --- update --all ----------------------------------------------------------------------------------


def _update_all(args: argparse.Namespace) -> int:
    with cli_services(catalog_warnings=False) as services, _holding(services, args, "update-all"):
        planned = free_updates(refresh_pbx(services, args.pbx))
        problems = services.catalogs.unavailable()
        catalog_data = [problem.to_json() for problem in problems]
        planned_text = _planned_text(args.pbx, planned, incomplete=bool(problems))
        planned_data = [_planned_json(item) for item in planned]
        if not planned:
            emit(
                args,
                planned_text,
                {"planned": [], "succeeded": [], "failed": [], "skipped": [], "catalogProblems": catalog_data},
            )
            if problems:
                raise catalogs_unavailable(problems, args.pbx)
            return 0
        if args.dry_run:
            emit(
                args,
                f"{planned_text}\nDry run: nothing was changed.",
                {"planned": planned_data, "dryRun": True, "catalogProblems": catalog_data},
            )
            if problems:
                raise catalogs_unavailable(problems, args.pbx)
            return 0
        if not args.json:
            print(planned_text)
        confirm(f"Run {plural(len(planned), 'update')} on {args.pbx}, one after another?", assume_yes=args.yes)
        printers: list[ProgressPrinter] = []

        def progress_for(item: PlannedUpdate) -> ProgressPrinter:
            printers.append(ProgressPrinter(item.module_name))
            return printers[-1]

        def report(item: PlannedUpdate, outcome: UpdateResult | ModManagerError) -> None:
            if printers:
                printers[-1].finish()
            if args.json:
                return
            if isinstance(outcome, ModManagerError):
                change = f"{item.module_name} v{item.from_version} -> v{item.to_version}"
                print(f"  FAILED  {change}: {error_message(outcome)}")
            else:
                print(f"  ok      {outcome_sentence(outcome)}")

        outcome = update_all(
            services,
            args.pbx,
            stop_on_failure=not args.continue_on_failure,
            progress=progress_for,
            on_result=report,
        )
    summary = (
        f"Summary for {args.pbx}: {len(outcome.succeeded)} updated, {len(outcome.failed)} failed, "
        f"{len(outcome.skipped)} skipped."
    )
    emit(
        args,
        summary,
        {
            "planned": planned_data,
            "succeeded": [result_json(result) for result in outcome.succeeded],
            "failed": [{**_planned_json(item), "error": str(error)} for item, error in outcome.failed],
            "skipped": [_planned_json(item) for item in outcome.skipped],
            "catalogProblems": catalog_data,
        },
    )
    if outcome.failed:
        raise OperationError(
            code="updates_failed",
            params={
                "failed": str(len(outcome.failed)),
                "total": str(len(planned)),
                "pbx": args.pbx,
                "skipped": str(len(outcome.skipped)),
            },
        )
    if problems:
        raise catalogs_unavailable(problems, args.pbx)
    return 0


def _planned_text(pbx_name: str, planned: list[PlannedUpdate], *, incomplete: bool = False) -> str:
    if not planned and incomplete:
        return (
            f"No free updates found for {pbx_name}, but a catalog could not be used: "
            "modules it lists may have updates that are not shown."
        )
    if not planned:
        return f"No free updates for {pbx_name}: every module is up to date (paid upgrades are never included)."
    rows = [
        (item.module_name, f"v{item.from_version}", f"v{item.to_version}", "yes" if item.has_active_instances else "no")
        for item in planned
    ]
    return f"Free updates for {pbx_name}, in this order:\n" + table(
        ("MODULE", "FROM", "TO", "ACTIVE INSTANCES"), rows, indent="  "
    )


def _planned_json(item: PlannedUpdate) -> dict[str, Any]:
    return {
        "moduleId": item.module_id,
        "moduleName": item.module_name,
        "fromVersion": item.from_version,
        "toVersion": item.to_version,
        "hasActiveInstances": item.has_active_instances,
    }


# --- recover ---------------------------------------------------------------------------------------


def run_recover(args: argparse.Namespace) -> int:
    action = RecoveryAction(args.action)
    with cli_services() as services:
        entries = [services.journal.get(args.op)] if args.op else unfinished(services)
        assessments = [assess(services, entry) for entry in entries]
        acting = not args.list and (args.op is not None or args.yes)
        if not acting or not assessments:
            emit(args, _recover_list_text(assessments), {"unfinished": [_assessment_json(a) for a in assessments]})
            return 0
        if not args.json:
            print(_recover_list_text(assessments, hint=False))
        chosen = "as recommended" if action is RecoveryAction.AUTO else f"by {action.value}"
        confirm(f"Finish {plural(len(assessments), 'interrupted update')} {chosen}?", assume_yes=args.yes)
        outcomes: list[dict[str, Any]] = []
        failures: list[str] = []
        for assessment in assessments:
            entry = assessment.entry
            progress = ProgressPrinter(f"{entry.module_name} on {entry.pbx_name}")
            try:
                outcome = recover_outcome(services, entry.op_id, action, progress=progress)
            except ModManagerError as error:
                progress.finish()
                failures.append(entry.op_id)
                outcomes.append({"opId": entry.op_id, "ok": False, "message": str(error)})
                if not args.json:
                    print(f"  FAILED  {entry.op_id}: {error_text(error)}")
                continue
            progress.finish()
            outcomes.append({"opId": entry.op_id, "ok": True, "message": outcome.message})
            if not args.json:
                print(f"  done    {outcome_text(outcome)}")
    if args.json:
        emit(args, "", {"recovered": outcomes})
    if failures:
        raise OperationError(
            code="recover_incomplete", params={"failed": str(len(failures)), "total": str(len(assessments))}
        )
    return 0


def _recover_list_text(assessments: list[Assessment], *, hint: bool = True) -> str:
    if not assessments:
        return "No interrupted updates."
    rows = []
    notes = []
    for assessment in assessments:
        entry = assessment.entry
        source = "new" if entry.from_version is None else f"v{entry.from_version}"
        if assessment.reachable:
            now = "not installed" if assessment.installed_version is None else f"v{assessment.installed_version}"
        else:
            now = "unreachable"
            problem = error_text(assessment.error) if assessment.error else assessment.problem
            notes.append(f"  {entry.op_id}: {problem}")
        rows.append(
            (
                entry.op_id,
                entry.pbx_name,
                entry.module_name,
                f"{source} -> v{entry.to_version}",
                entry.step,
                entry.backup_id or "-",
                now,
                assessment.recommended.value,
            )
        )
    lines = [
        f"{plural(len(assessments), 'interrupted update')}:",
        table(("OP", "PBX", "MODULE", "FROM -> TO", "STEP", "BACKUP", "PBX RUNS", "RECOMMENDED"), rows, indent="  "),
    ]
    if notes:
        lines += ["Cannot be reached now:", *notes]
    if hint:
        lines.append(
            "Finish one with 'modmanager recover --op OP', or all as recommended with 'modmanager recover --yes'."
        )
    return "\n".join(lines)


def _assessment_json(assessment: Assessment) -> dict[str, Any]:
    entry = assessment.entry
    return {
        "opId": entry.op_id,
        "pbx": entry.pbx_name,
        "moduleId": entry.module_id,
        "moduleName": entry.module_name,
        "fromVersion": entry.from_version,
        "toVersion": entry.to_version,
        "step": entry.step,
        "backupId": entry.backup_id,
        "startedAt": entry.started_at,
        "reachable": assessment.reachable,
        "installedVersion": assessment.installed_version,
        "recommended": assessment.recommended.value,
        "canRollBack": assessment.can_roll_back,
        "problem": assessment.problem,
    }
