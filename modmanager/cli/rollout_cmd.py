"""``modmanager rollout``: one module release onto many PBXs, in stages.

The plan comes first - stages with each PBX's from and to version, and every PBX that is left
out with the reason (unreachable, already current, paid, STARFACE too old, not installed) -
then the question (or ``--yes``). ``--dry-run`` stops after the plan. While it runs, each PBX
prints one line when it ends; the PBXs of a stage run at the same time, so there is no
per-PBX progress bar. The command exits 1 when a PBX failed or the rollout stopped early.
"""

from __future__ import annotations

import argparse
from typing import Any

from modmanager.cli.language import error_message
from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.selection import add_selection_flags, selected_names
from modmanager.cli.services import cli_services, confirm, looks_like_module_id, plural, resolve_module
from modmanager.cli.update_cmd import outcome_sentence, result_json
from modmanager.core.errors import ModManagerError, OperationError
from modmanager.ops.rollout import RolloutEvent, RolloutOutcome, RolloutPlan, RolloutTarget, plan_rollout, run_rollout
from modmanager.ops.services import Services
from modmanager.ops.update import UpdateResult


def _positive(text: str) -> int:
    return _at_least(text, 1)


def _not_negative(text: str) -> int:
    return _at_least(text, 0)


def _at_least(text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``rollout``."""
    parser = subparsers.add_parser(
        "rollout",
        help="update one module on every PBX that runs it: canaries first, then batches",
        description=(
            "Roll a module release out to every PBX running the module (or the named ones): first the canary "
            "PBXs (partner/NFR PBXs and PBXs without active instances), then batches updated concurrently. Each "
            "PBX is one safe update transaction; the rollout stops after a stage once --max-failures PBXs failed. "
            "The plan is printed first; nothing changes until you confirm (or pass --yes)."
        ),
    )
    parser.add_argument("--module", required=True, metavar="ID|NAME", help="module id or exact name")
    parser.add_argument(
        "--pbx", dest="pbxs", action="append", metavar="NAME", help="only this PBX (repeatable; default: all)"
    )
    add_selection_flags(parser)
    parser.add_argument(
        "--to",
        type=_positive,
        metavar="VERSION",
        help="the release (integer version); default: the newest free release each PBX can run",
    )
    parser.add_argument("--canary", type=_not_negative, default=1, metavar="N", help="PBXs in the first stage (1)")
    parser.add_argument("--batch", type=_positive, default=5, metavar="N", help="PBXs per later stage (5)")
    parser.add_argument(
        "--max-failures", type=_positive, default=1, metavar="N", help="stop after the stage in which N PBXs failed (1)"
    )
    parser.add_argument(
        "--include-paid", action="store_true", help="include PBXs whose update needs a new module license key"
    )
    parser.add_argument("--dry-run", action="store_true", help="show the plan and stop; nothing is changed")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(parser)
    parser.set_defaults(handler=run_rollout_command)


def run_rollout_command(args: argparse.Namespace) -> int:
    with cli_services() as services:
        module_id = _module_id(services, args.module)
        plan = plan_rollout(
            services,
            module_id,
            pbx_names=selected_names(services, args, args.pbxs) if args.customers or args.tags else args.pbxs,
            to_version=args.to,
            canary=args.canary,
            batch_size=args.batch,
            include_paid=args.include_paid,
        )
        plan_data = plan_json(plan)
        shown = plan_text(plan, canary=args.canary > 0)
        if not plan.targets:
            emit(args, f"{shown}\nNothing to roll out.", {"plan": plan_data})
            return 0
        if args.dry_run:
            emit(args, f"{shown}\nDry run: nothing was changed.", {"plan": plan_data, "dryRun": True})
            return 0
        if not args.json:
            print(shown, flush=True)
        confirm(_question(plan, args.max_failures), assume_yes=args.yes)

        def report(pbx_name: str, stage_index: int, outcome: RolloutEvent) -> None:
            if not args.json:
                print(event_line(pbx_name, stage_index, outcome), flush=True)

        outcome = run_rollout(services, plan, max_failures=args.max_failures, on_event=report)
    emit(args, _summary(outcome), {"plan": plan_data, **outcome_json(outcome)})
    if not outcome.complete:
        raise OperationError(
            code="rollout_stopped",
            params={
                "module": plan.module_name,
                "failed": str(len(outcome.failed)),
                "total": str(len(plan.targets)),
                "not_started": str(len(outcome.not_started)),
            },
        )
    return 0


def _module_id(services: Services, text: str) -> str:
    """An id as given; a name looked up among the catalogs' modules (a rollout needs a catalog release)."""
    if looks_like_module_id(text):
        return text.strip()
    candidates = [(module.id, tuple(module.names.values())) for module in services.catalogs.modules()]
    return resolve_module(text, candidates, where="catalogs")


def _question(plan: RolloutPlan, max_failures: int) -> str:
    paid = sum(1 for target in plan.targets if target.paid)
    cost = f" ({plural(paid, 'paid upgrade')}: new module license keys needed)" if paid else ""
    return (
        f"Roll out {plan.module_name} to {plural(len(plan.targets), 'PBX')} in {plural(len(plan.stages), 'stage')}"
        f"{cost}, stopping after {plural(max_failures, 'failure')}?"
    )


def _version(version: int | None) -> str:
    return "-" if version is None else f"v{version}"


def plan_text(plan: RolloutPlan, *, canary: bool) -> str:
    """The stages and the PBXs left out, as a technician reads them before saying yes.

    ``canary``: the first stage holds the canaries (``--canary`` was not 0).
    """
    lines = [
        f"Rollout of {plan.module_name} ({plan.module_id}): "
        f"{plural(len(plan.targets), 'PBX')} in {plural(len(plan.stages), 'stage')}, "
        f"{len(plan.skipped)} skipped."
    ]
    rows = []
    for index, stage in enumerate(plan.stages):
        for target in stage:
            to = _version(target.to_version) + (" (paid)" if target.paid else "")
            stage_label = f"{index + 1} (canary)" if canary and index == 0 else str(index + 1)
            note = error_message(target.note) if target.note else "-"
            rows.append((stage_label, target.pbx_name, _version(target.from_version), to, note))
    if rows:
        lines.append(table(("STAGE", "PBX", "FROM", "TO", "NOTE"), rows, indent="  "))
    if plan.skipped:
        lines.append("Skipped:")
        skipped_rows = [
            (
                target.pbx_name,
                _version(target.from_version),
                error_message(target.reason_skipped) if target.reason_skipped else "",
            )
            for target in plan.skipped
        ]
        lines.append(table(("PBX", "INSTALLED", "REASON"), skipped_rows, indent="  "))
    return "\n".join(lines)


def event_line(pbx_name: str, stage_index: int, outcome: RolloutEvent) -> str:
    stage = f"stage {stage_index + 1}"
    if isinstance(outcome, UpdateResult):
        return f"  {stage}  ok       {outcome_sentence(outcome)}"
    if isinstance(outcome, ModManagerError):
        return f"  {stage}  FAILED   {pbx_name}: {error_message(outcome)}"
    return f"  {stage}  skipped  {pbx_name}: not started"


def _summary(outcome: RolloutOutcome) -> str:
    return (
        f"Summary: {len(outcome.succeeded)} updated, {len(outcome.failed)} failed, "
        f"{len(outcome.not_started)} not started."
    )


def _target_json(target: RolloutTarget) -> dict[str, Any]:
    return {
        "pbx": target.pbx_name,
        "fromVersion": target.from_version,
        "toVersion": target.to_version,
        "paid": target.paid,
        "note": target.note.message if target.note else "",
        "reasonSkipped": target.reason_skipped.message if target.reason_skipped else None,
    }


def plan_json(plan: RolloutPlan) -> dict[str, Any]:
    return {
        "moduleId": plan.module_id,
        "moduleName": plan.module_name,
        "stages": [[_target_json(target) for target in stage] for stage in plan.stages],
        "skipped": [_target_json(target) for target in plan.skipped],
    }


def outcome_json(outcome: RolloutOutcome) -> dict[str, Any]:
    return {
        "succeeded": [result_json(result) for result in outcome.succeeded],
        "failed": [{**_target_json(target), "error": str(error)} for target, error in outcome.failed],
        "notStarted": [_target_json(target) for target in outcome.not_started],
    }
