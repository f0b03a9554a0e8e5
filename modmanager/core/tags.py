"""Tags of PBXs: how a list of tags changes when tags are set, added and removed.

Tags group PBXs for the fleet commands and views; they compare without regard to case, and a
PBX keeps the spelling it already has. The CLI (``pbx add/edit/tag``), the GUI's "Edit tags…"
and the fleet import all change tags through :func:`changed_tags`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_SEPARATORS = re.compile(r"[,;|]")


def split_tags(text: str) -> tuple[str, ...]:
    """Tags typed as one text, separated by commas (or ``;`` / ``|``): ``"a, b,,c "`` is
    ``("a", "b", "c")``."""
    return tuple(dict.fromkeys(part.strip() for part in _SEPARATORS.split(text) if part.strip()))


def changed_tags(
    current: Sequence[str], replacement: str | None, add: Iterable[str], remove: Iterable[str]
) -> tuple[str, ...]:
    """``current`` (or ``replacement``, comma separated, when given) plus ``add`` minus ``remove``.

    A tag already there in another case is not added twice; removing ignores case and wins
    over adding the same tag.
    """
    tags = list(current if replacement is None else split_tags(replacement))
    for tag in add:
        if tag.strip() and tag.strip().casefold() not in {known.casefold() for known in tags}:
            tags.append(tag.strip())
    unwanted = {tag.strip().casefold() for tag in remove}
    return tuple(dict.fromkeys(tag for tag in tags if tag and tag.casefold() not in unwanted))
