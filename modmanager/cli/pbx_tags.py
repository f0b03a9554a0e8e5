"""Tags of PBXs on the command line: ``pbx edit NAME --tags/--add-tag/--remove-tag`` and
``pbx tag --add T --remove T NAME...`` (or every PBX of ``--customer``/``--tag``).

Tags group PBXs for the fleet commands (``--tag``); they compare without regard to case. A
change of tags needs no PBX to answer and leaves the stored secrets alone
(:func:`modmanager.ops.pbxs.edit_pbx`). Registered by :mod:`modmanager.cli.pbx_cmd`; light to import.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from modmanager.cli.output import add_json_flag, emit, table
from modmanager.core.errors import OperationError

_SEPARATORS = re.compile(r"[,;|]")


def changed_tags(
    current: Sequence[str], replacement: str | None, add: Iterable[str], remove: Iterable[str]
) -> tuple[str, ...]:
    """``current`` (or ``replacement``, comma separated, when given) plus ``add`` minus ``remove``.

    A tag already there in another case is not added twice; removing ignores case.
    """
    tags = list(current) if replacement is None else [part.strip() for part in _SEPARATORS.split(replacement)]
    for tag in add:
        if tag.strip() and tag.strip().casefold() not in {known.casefold() for known in tags}:
            tags.append(tag.strip())
    unwanted = {tag.strip().casefold() for tag in remove}
    return tuple(dict.fromkeys(tag for tag in tags if tag and tag.casefold() not in unwanted))


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
    from modmanager.cli.services import ask_master_password
    from modmanager.ops import pbxs
    from modmanager.ops.selection import PbxSelection, select
    from modmanager.store.credentials import open_credentials
    from modmanager.store.inventory import Inventory

    if not any(tag.strip() for tag in [*args.add, *args.remove]):
        raise OperationError(code="tag_needs_change")
    selection = PbxSelection.of(args.customers, args.tags)
    if not args.names and not selection:
        raise OperationError(code="tag_needs_pbxs")
    changed = []
    with Inventory() as inventory:
        records = [inventory.get(name) for name in dict.fromkeys(args.names)] if args.names else inventory.list()
        chosen = select(records, selection)
        credentials = None
        for original in chosen:
            tags = changed_tags(original.tags, None, args.add, args.remove)
            if tags == original.tags:
                continue
            if credentials is None:
                credentials = open_credentials(prompt=ask_master_password)
            record = replace(original, tags=tags)
            pbxs.edit_pbx(inventory, credentials, original, record)
            changed.append(record)
    rows = [(record.name, ", ".join(record.tags) or "-") for record in changed]
    text = (
        f"Changed the tags of {len(changed)} of {len(chosen)} PBXs:\n{table(('NAME', 'TAGS'), rows)}"
        if changed
        else f"Nothing to change: the {len(chosen)} PBXs have these tags already."
    )
    emit(args, text, [{"name": record.name, "tags": list(record.tags)} for record in changed])
    return 0
