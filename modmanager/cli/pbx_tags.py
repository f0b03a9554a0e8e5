"""Tags of PBXs on the command line: ``pbx edit NAME --tags/--add-tag/--remove-tag`` and
``pbx tag --add T --remove T NAME...`` (or every PBX of ``--customer``/``--tag``).

Tags group PBXs for the fleet commands (``--tag``); they compare without regard to case. A
change of tags needs no PBX to answer and leaves the stored secrets alone
(:func:`modmanager.ops.pbxs.edit_pbx`, :func:`modmanager.ops.pbxs.retag_pbxs`; the rule is
:func:`modmanager.core.tags.changed_tags`). Registered by :mod:`modmanager.cli.pbx_cmd`; light to import.
"""

from __future__ import annotations

import argparse

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.core.errors import OperationError


def register_tag(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``pbx tag``: add and remove tags on several PBXs at once."""
    tag = commands.add_parser("tag", help="add or remove tags on PBXs (named, or of a customer or tag)")
    tag.add_argument("names", nargs="*", metavar="NAME", help="the PBXs (default: those of --customer/--tag)")
    tag.add_argument("--add", action="append", default=[], metavar="TAG", help="tag to add (repeatable)")
    tag.add_argument("--remove", action="append", default=[], metavar="TAG", help="tag to remove (repeatable)")
    tag.add_argument(
        "--customer", dest="customers", action="append", metavar="NAME", help="the PBXs of this customer (repeatable)"
    )
    tag.add_argument("--tag", dest="tags", action="append", metavar="TAG", help="the PBXs with this tag (repeatable)")
    add_json_flag(tag)
    tag.set_defaults(handler=_tag)


def _tag(args: argparse.Namespace) -> int:
    from modmanager.ops import pbxs
    from modmanager.ops.selection import PbxSelection, select
    from modmanager.store.inventory import Inventory

    if not any(tag.strip() for tag in [*args.add, *args.remove]):
        raise OperationError(code="tag_needs_change")
    selection = PbxSelection.of(args.customers, args.tags)
    if not args.names and not selection:
        raise OperationError(code="tag_needs_pbxs")
    with Inventory() as inventory:
        records = [inventory.get(name) for name in dict.fromkeys(args.names)] if args.names else inventory.list()
        chosen = select(records, selection)
        changed = pbxs.retag_pbxs(inventory, [record.name for record in chosen], add=args.add, remove=args.remove)
    rows = [(record.name, ", ".join(record.tags) or "-") for record in changed]
    text = (
        f"Changed the tags of {len(changed)} of {len(chosen)} PBXs:\n{table(('NAME', 'TAGS'), rows)}"
        if changed
        else f"Nothing to change: the {len(chosen)} PBXs have these tags already."
    )
    emit(args, text, [{"name": record.name, "tags": list(record.tags)} for record in changed])
    return 0
