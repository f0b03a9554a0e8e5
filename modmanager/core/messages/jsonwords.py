"""The words for why data is not acceptable JSON (:class:`modmanager.core.safejson.JsonProblem`),
for the areas whose sentences quote it.

An error that quotes a JSON problem carries its key as the param ``json_problem`` and the
problem's own params (``limit``, ``line``, ``column``, ``expected``); :func:`json_problem` gives
the words as a template fragment without a subject ("is nested too deeply"), so each sentence
puts it after its own subject.
"""

from __future__ import annotations

from collections.abc import Mapping

from modmanager.core.messages import Params, Pick, words

_PROBLEMS: dict[str, tuple[str, str]] = {
    "too_large": ("is larger than {limit} bytes", "ist größer als {limit} Byte"),
    "not_utf8": ("is not UTF-8 text", "ist kein UTF-8-Text"),
    "not_json": (
        "is not valid JSON (line {line}, column {column})",
        "ist kein gültiges JSON (Zeile {line}, Spalte {column})",
    ),
    "too_deep": ("is nested too deeply", "ist zu tief verschachtelt"),
    "bad_number": ("holds a number out of range", "enthält eine Zahl außerhalb des zulässigen Bereichs"),
    "wrong_type": ("does not hold {expected_words}", "enthält {expected_words}"),
}
_KINDS: dict[str, tuple[str, str]] = {
    "object": ("a JSON object", "kein JSON-Objekt"),
    "array": ("a JSON array", "kein JSON-Array"),
    "string": ("a JSON string", "keine JSON-Zeichenkette"),
}
_UNREADABLE = ("cannot be read as JSON", "lässt sich nicht als JSON lesen")


def json_params(problem: object) -> dict[str, str]:
    """The params that carry a JsonProblem into an error: its key and its own params."""
    key = str(getattr(problem, "key", ""))
    params: Mapping[str, str] = getattr(problem, "params", {})
    return {**{name: str(value) for name, value in params.items()}, "json_problem": key}


def json_problem(p: Params, t: Pick) -> str:
    """The template fragment for ``p["json_problem"]``; it may add ``expected_words`` to ``p``."""
    key = p.get("json_problem", "")
    needed = {"too_large": ("limit",), "not_json": ("line", "column"), "wrong_type": ("expected",)}.get(key, ())
    if key not in _PROBLEMS or any(name not in p for name in needed):
        return t(*_UNREADABLE)
    if key == "wrong_type":
        kinds = [words(_KINDS, kind, t, (kind, kind)) for kind in p["expected"].split("|")]
        p["expected_words"] = t(" or ", " oder ").join(kinds)
    return words(_PROBLEMS, key, t)
