"""Strict, bounded JSON for files modmanager reads back: settings, backups, journal, caches, catalogs.

Python's ``json`` module accepts what JSON does not (``NaN``, ``Infinity``), turns ``1e999``
into ``inf`` (which later breaks ``int()`` with an ``OverflowError``), parses integers of
thousands of digits, and recurses once per nesting level (100,000 ``[`` end in a
``RecursionError``). A file on disk can be damaged or crafted, so every local JSON file is read
through :func:`loads` instead: bounded in size and depth, finite numbers only, integers that fit
64 bits, the expected top-level type - and every problem is a :class:`JsonProblem` (a
``ValueError``) whose text names it in a few English words, never quoting the data.

Pure: it parses bytes given to it and reads no file.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

MAX_BYTES = 16 * 1024 * 1024
"""Default size limit; callers with a smaller file pass their own."""

MAX_DEPTH = 64
"""Default nesting limit; no file modmanager writes nests deeper than a dozen levels."""

MAX_INT = 2**63 - 1
_MAX_INT_DIGITS = 19
_MAX_NUMBER_CHARS = 400

# A JSON string (closing quote optional, so an unterminated one ends the scan in one step) or a bracket.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_SQUARE = str.maketrans("{}", "[]")


class JsonProblem(ValueError):
    """Why data is not acceptable JSON.

    ``reason`` is a short English phrase ("it is nested too deeply"); ``key`` names the kind of
    problem for front ends that say it in another language: ``too_large``, ``not_utf8``,
    ``not_json``, ``too_deep``, ``bad_number`` or ``wrong_type``; ``params`` holds the variable
    parts of the phrase as plain strings (``limit``; ``line`` and ``column``; ``expected``: the
    JSON kinds expected, such as ``object``, joined by ``|``) for
    :func:`modmanager.core.messages.jsonwords.json_problem`.
    """

    def __init__(self, key: str, reason: str, params: Mapping[str, str] | None = None) -> None:
        super().__init__(reason)
        self.key = key
        self.reason = reason
        self.params: Mapping[str, str] = dict(params or {})


def loads(
    data: bytes | str,
    *,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    expect: type | tuple[type, ...] | None = None,
) -> Any:
    """Parse ``data`` strictly; raise :class:`JsonProblem` for anything a sound file would not hold.

    Args:
        data: UTF-8 bytes (or text already decoded).
        max_bytes: refuse more than this many bytes (characters for text).
        max_depth: refuse arrays and objects nested deeper than this.
        expect: the type(s) the top level must have (``dict`` for an object).
    """
    if len(data) > max_bytes:
        raise JsonProblem("too_large", f"it is larger than {max_bytes} bytes", {"limit": str(max_bytes)})
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise JsonProblem("not_utf8", "it is not UTF-8 text") from None
    else:
        text = data
    check_depth(text, max_depth)
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_parse_float, parse_int=_parse_int)
    except JsonProblem:
        raise
    except json.JSONDecodeError as error:
        raise JsonProblem(
            "not_json",
            f"it is not valid JSON (line {error.lineno}, column {error.colno})",
            {"line": str(error.lineno), "column": str(error.colno)},
        ) from None
    except RecursionError:
        raise JsonProblem("too_deep", "it is nested too deeply") from None
    except (ValueError, OverflowError):
        raise JsonProblem("bad_number", "it holds a number out of range") from None
    if expect is not None and not isinstance(value, expect):
        raise JsonProblem("wrong_type", f"it does not hold {_type_words(expect)}", {"expected": _type_keys(expect)})
    return value


def check_depth(text: str, max_depth: int) -> None:
    """Raise :class:`JsonProblem` when brackets outside strings nest deeper than ``max_depth``.

    Linear in the text; valid or not, the parser then never recurses further than this.
    """
    if text.count("[") + text.count("{") <= max_depth:
        return
    if _nests_at_most(text, max_depth):
        return
    depth = 0
    for match in _TOKENS.finditer(text):
        char = text[match.start()]
        if char == "[" or char == "{":
            depth += 1
            if depth > max_depth:
                raise JsonProblem("too_deep", "it is nested too deeply")
        elif char == "]" or char == "}":
            depth = max(0, depth - 1)


def _nests_at_most(text: str, max_depth: int) -> bool:
    """True when the brackets outside strings surely nest at most ``max_depth`` deep (a quick test).

    The strings and everything but brackets are dropped (C speed, no loop per token), all
    brackets made square (only the depth counts), and each round removes the innermost pairs -
    one level. A skeleton gone within ``max_depth`` rounds nests no deeper; anything else
    (deeper, or unbalanced) is left to the exact scan.
    """
    skeleton = _NOT_A_BRACKET.sub("", _STRINGS.sub("", text)).translate(_SQUARE)
    for _ in range(max_depth):
        if not skeleton:
            return True
        reduced = skeleton.replace("[]", "")
        if reduced == skeleton:
            return False
        skeleton = reduced
    return not skeleton


def _reject_constant(name: str) -> Any:
    raise JsonProblem("bad_number", f"it holds {name}, which is not a JSON number")


def _parse_float(text: str) -> float:
    if len(text) > _MAX_NUMBER_CHARS:
        raise JsonProblem("bad_number", "it holds a number that is too long")
    value = float(text)
    if not math.isfinite(value):
        raise JsonProblem("bad_number", "it holds a number out of range")
    return value


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise JsonProblem("bad_number", "it holds a number out of range")
    value = int(text)
    if abs(value) > MAX_INT:
        raise JsonProblem("bad_number", "it holds a number out of range")
    return value


def _type_keys(expect: type | tuple[type, ...]) -> str:
    kinds = expect if isinstance(expect, tuple) else (expect,)
    keys: dict[type, str] = {dict: "object", list: "array", str: "string"}
    return "|".join(keys.get(kind, kind.__name__) for kind in kinds)


def _type_words(expect: type | tuple[type, ...]) -> str:
    kinds = expect if isinstance(expect, tuple) else (expect,)
    words: dict[type, str] = {dict: "a JSON object", list: "a JSON array", str: "a JSON string"}
    return " or ".join(words.get(kind, kind.__name__) for kind in kinds)
