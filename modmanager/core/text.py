"""Text from outside (a PBX, a file) made safe to show, and bounded before it is kept.

A PBX answers with names - modules, vendors, instances, its host name, license products - that
modmanager prints in tables and draws in the window. Such text is not ours: a newline in a
module name would forge a table line, a bidi override (U+202E) would turn ``exe.pdf`` around, an
escape sequence would drive the terminal, and a name of 200 MB would fill the screen, the memory
and the inventory. :func:`clean_text` is the one function every front end passes such text
through before showing it; :func:`bound_text` and :func:`bound_json` cap what is stored.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

ELLIPSIS = "…"

MAX_SHOWN = 200
"""Characters of one name shown in a table cell or a label (a sentence may hold several)."""

MAX_STORED_TEXT = 4096
"""Characters of one string kept in the inventory (names, versions, messages)."""

MAX_STORED_ITEMS = 10_000
"""Items of one list or object kept in the inventory (modules, instances, licenses)."""

MAX_STORED_DEPTH = 32
"""Nesting of stored JSON data (a snapshot is four levels deep)."""

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Arabic letter mark, LRM/RLM, embeddings and overrides (U+202A-202E), isolates (U+2066-2069)."""

_LINE_BREAKS = re.compile(r"[\r\n\u0085\u2028\u2029\v\f]+")


def _is_shown(char: str) -> bool:
    """A character that draws as itself: no control, format (bidi, zero-width), surrogate or unassigned one."""
    if char in _BIDI_CONTROLS:
        return False
    return unicodedata.category(char)[0] != "C"


def clean_text(text: object, max_len: int = MAX_SHOWN) -> str:
    """``text`` as one safe line: line breaks and tabs become spaces, control and bidi characters
    are removed, and more than ``max_len`` characters are cut with an ellipsis.

    Cheap for ordinary text (one C-level check); anything not a string is shown via ``str``
    only for simple values, so a hostile object cannot recurse.
    """
    if not isinstance(text, str):
        try:
            text = str(text) if isinstance(text, int | float | bool) or text is None else type(text).__name__
        except ValueError:  # an int too long to print
            text = type(text).__name__
    limit = max(1, max_len)
    if text.isprintable() and len(text) <= limit:
        return text
    # Look at no more than needed: a 200 MB name is cut before it is scanned.
    head = text[: limit * 4 + 16]
    cut = len(head) < len(text)
    head = _LINE_BREAKS.sub(" ", head).replace("\t", " ")
    shown = "".join(char for char in head if char == " " or _is_shown(char))
    if len(shown) > limit or cut:
        return shown[: limit - 1].rstrip() + ELLIPSIS
    return shown


def clean_lines(text: str, max_len: int = 20_000) -> str:
    """Like :func:`clean_text` but keeping line breaks, for text that is several lines on purpose."""
    return "\n".join(clean_text(line, max_len) for line in text[: max_len * 2].split("\n"))


def bound_text(text: str, max_len: int = MAX_STORED_TEXT) -> str:
    """``text`` cut to ``max_len`` characters (an ellipsis marks the cut); nothing else changes."""
    if len(text) <= max_len:
        return text
    return text[: max(0, max_len - 1)] + ELLIPSIS


def bound_json(
    value: Any,
    *,
    max_text: int = MAX_STORED_TEXT,
    max_items: int = MAX_STORED_ITEMS,
    max_depth: int = MAX_STORED_DEPTH,
) -> Any:
    """JSON-ready ``value`` with every string, list and object bounded, for storing.

    Strings longer than ``max_text`` are cut (see :func:`bound_text`), lists and objects keep
    their first ``max_items`` entries, and anything nested deeper than ``max_depth`` is dropped
    (``None``). Keys are bounded like strings. Values that are not JSON types become their type name.
    """
    return _bound(value, max_text, max_items, max_depth)


def _bound(value: Any, max_text: int, max_items: int, depth: int) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return bound_text(value, max_text)
    if depth <= 0:
        return None
    if isinstance(value, dict):
        bounded: dict[str, Any] = {}
        for count, (key, item) in enumerate(value.items()):
            if count >= max_items:
                break
            bounded[bound_text(str(key), max_text)] = _bound(item, max_text, max_items, depth - 1)
        return bounded
    if isinstance(value, list | tuple):
        return [_bound(item, max_text, max_items, depth - 1) for item in value[:max_items]]
    return type(value).__name__
