"""Text from outside shown as one safe line, and bounded before it is kept."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.text import ELLIPSIS, bound_json, bound_text, clean_lines, clean_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Anrufbeantworter", "Anrufbeantworter"),
        ("Zeile 1\nZeile 2", "Zeile 1 Zeile 2"),
        ("a\r\nb\u2028c\u2029d\x0be", "a b c d e"),
        ("tab\there", "tab here"),
        ("\x1b[31mrot\x1b[0m", "[31mrot[0m"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("".join(f"x{char}" for char in BIDI), "x" * len(BIDI)),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("Müller & Söhne – 東京", "Müller & Söhne – 東京"),
        ("non\u00a0breaking", "non\u00a0breaking"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_clean_text_makes_one_safe_line(raw: str, shown: str) -> None:
    assert clean_text(raw) == shown


def test_a_huge_name_is_cut_without_being_scanned_whole() -> None:
    name = "A" * 20_000_000  # a name of 20 MB (the issue saw 200 MB)
    shown = clean_text(name, 60)
    assert len(shown) == 60 and shown.endswith(ELLIPSIS)
    assert clean_text("\x00" * 1_000_000 + "tail", 20).endswith(ELLIPSIS)


def test_values_that_are_not_text_are_shown_safely() -> None:
    assert clean_text(None) == "None" and clean_text(42) == "42" and clean_text(True) == "True"
    assert clean_text(10**5000) == "int"
    assert clean_text(["nested", ["list"]]) == "list"


def test_clean_lines_keeps_intended_lines_only() -> None:
    assert clean_lines("eins\nzwei\u202e\ndrei\rvier") == "eins\nzwei\ndrei vier"


def _drawn(char: str) -> bool:
    return char == " " or (unicodedata.category(char)[0] != "C" and char not in BIDI)


@settings(max_examples=500)
@given(st.text(max_size=400), st.integers(min_value=1, max_value=300))
def test_any_text_comes_out_as_one_bounded_line_of_drawn_characters(raw: str, limit: int) -> None:
    shown = clean_text(raw, limit)
    assert len(shown) <= limit
    assert "\n" not in shown and "\r" not in shown
    assert all(_drawn(char) for char in shown)
    assert clean_text(shown, limit) == shown, "cleaning twice changes nothing"


def test_bound_text_and_bound_json_cap_what_is_stored() -> None:
    assert bound_text("kurz", 10) == "kurz"
    assert bound_text("x" * 50, 10) == "x" * 9 + ELLIPSIS
    snapshot = {
        "modules": [{"name": "n" * 10_000, "instances": list(range(50))}] * 3,
        "k" * 9000: 1,
        "deep": [[[[["bottom"]]]]],
        "odd": {1, 2},
    }
    bounded = bound_json(snapshot, max_text=100, max_items=20, max_depth=4)
    assert len(bounded["modules"][0]["name"]) == 100
    assert len(bounded["modules"][0]["instances"]) == 20
    assert ("k" * 99 + ELLIPSIS) in bounded
    assert bounded["deep"] == [[[None]]]
    assert bounded["odd"] == "set"
