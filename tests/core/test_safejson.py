"""Strict, bounded JSON: every crafted document is one JsonProblem, fast, and sound JSON reads as json does."""

from __future__ import annotations

import contextlib
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core import safejson
from modmanager.core.safejson import _TOKENS, JsonProblem, _nests_at_most, check_depth
from tests.hostile.crafted import DEEP, JSON_BOMBS

EXPECTED_KEYS = {
    "deep nesting": "too_deep",
    "deep object": "too_deep",
    "1e999": "bad_number",
    "NaN": "bad_number",
    "-Infinity": "bad_number",
    "huge int": "bad_number",
    "wrong top-level type": "wrong_type",
    "truncated": "not_json",
    "binary garbage": "not_utf8",
    "empty": "not_json",
    "unterminated strings": "not_json",
}


@pytest.mark.timeout(10)
@pytest.mark.parametrize("name", sorted(JSON_BOMBS))
def test_crafted_json_is_one_problem_in_bounded_time(name: str) -> None:
    started = time.monotonic()
    with pytest.raises(JsonProblem) as caught:
        safejson.loads(JSON_BOMBS[name], expect=dict)
    assert caught.value.key == EXPECTED_KEYS[name]
    assert isinstance(caught.value, ValueError), "callers that catch ValueError keep working"
    assert len(str(caught.value)) < 100 and "\n" not in str(caught.value)
    assert time.monotonic() - started < 5


def test_limits_are_the_callers() -> None:
    with pytest.raises(JsonProblem, match="larger than 10 bytes"):
        safejson.loads(b'{"a": "0123456789"}', max_bytes=10)
    assert safejson.loads(b"[[[1]]]", max_depth=3) == [[[1]]]
    with pytest.raises(JsonProblem, match="nested too deeply"):
        safejson.loads(b"[[[[1]]]]", max_depth=3)
    assert safejson.loads('{"a": 1}', expect=dict) == {"a": 1}
    with pytest.raises(JsonProblem, match="does not hold a JSON object or a JSON array"):
        safejson.loads(b'"text"', expect=(dict, list))


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    document = json.dumps({"text": "[" * DEEP + "{" * DEEP, "escaped": '\\"[[[['})
    assert safejson.loads(document, max_depth=2)["text"].startswith("[[[")
    check_depth('"\\"' + "[" * 100, 1)  # an unterminated string swallows the rest: no nesting


def test_numbers_at_the_edges() -> None:
    assert safejson.loads(b"[9223372036854775807, -9223372036854775807, 1e308, -0.5]") == [
        2**63 - 1,
        -(2**63 - 1),
        1e308,
        -0.5,
    ]
    for text in (b"[9223372036854775808]", b"[1e309]", b"[-1e400]", b"[" + b"1" * 500 + b".5]"):
        with pytest.raises(JsonProblem, match="number"):
            safejson.loads(text)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=300)
@given(json_values)
def test_sound_json_reads_exactly_as_the_standard_library_reads_it(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    assert safejson.loads(text.encode("utf-8")) == json.loads(text)


@settings(max_examples=300)
@given(st.binary(max_size=300))
def test_any_bytes_either_parse_or_are_one_json_problem(data: bytes) -> None:
    with contextlib.suppress(JsonProblem):
        safejson.loads(data)


def _exact_depth(text: str) -> int:
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        char = text[match.start()]
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='[]{}"\\ a,:', max_size=60), st.integers(1, 8))
def test_the_quick_depth_test_never_passes_what_the_exact_scan_refuses(text: str, limit: int) -> None:
    if _nests_at_most(text, limit):
        assert _exact_depth(text) <= limit


def test_the_quick_depth_test_passes_a_shallow_document_with_brackets_in_strings() -> None:
    text = '{"a": [{"b": "[[[[[[[[", "c": [1, 2]}], "d": {"e": "}}}}"}}'
    assert _nests_at_most(text, 4)  # {[{[ - the brackets inside strings do not count
    assert not _nests_at_most(text, 3)
