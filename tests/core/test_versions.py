"""STARFACE versions, vendor range forms and compatibility verdicts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.errors import InvalidVersion
from modmanager.core.versions import (
    Compatibility,
    StarfaceVersion,
    Verdict,
    VersionRange,
    looks_like_range,
    parse_ranges,
)

V = StarfaceVersion.parse


@pytest.mark.parametrize(
    ("text", "parts", "prerelease"),
    [
        ("9.0.1.3", (9, 0, 1, 3), None),
        ("10.0.0.4", (10, 0, 0, 4), None),
        ("6.5.1.5", (6, 5, 1, 5), None),
        ("STARFACE 9.0.1.3", (9, 0, 1, 3), None),
        ("STARFACE Version 10.0.0.4", (10, 0, 0, 4), None),
        ("  8.1  ", (8, 1, 0, 0), None),
        ("9", (9, 0, 0, 0), None),
        ("v9.0.2", (9, 0, 2, 0), None),
        ("9.0.0.0-beta2", (9, 0, 0, 0), "beta2"),
        ("9.1 Beta", (9, 1, 0, 0), "beta"),
        ("9.1.0.0-RC1", (9, 1, 0, 0), "rc1"),
        ("8.0 alpha 3", (8, 0, 0, 0), "alpha3"),
    ],
)
def test_parse_accepts_the_forms_users_and_files_use(text: str, parts: tuple[int, ...], prerelease: str | None) -> None:
    version = V(text)
    assert version.parts == parts
    assert version.prerelease == prerelease
    assert version.is_release is (prerelease is None)


@pytest.mark.parametrize("text", ["", "abc", "9.0.1.3.4", "9.0-gamma", "9..0", "-9.0", "9.0.x", "STARFACE"])
def test_parse_rejects_non_versions_with_a_message_and_hint(text: str) -> None:
    with pytest.raises(InvalidVersion) as caught:
        V(text)
    assert repr(text) in caught.value.message
    assert "9.0.1.3" in caught.value.hint


def test_constructor_validates_and_normalises() -> None:
    assert StarfaceVersion((9, 0, 0, 0), "Beta 2") == V("9.0.0.0-beta2")
    assert StarfaceVersion.of(9, 1) == V("9.1.0.0")
    with pytest.raises(InvalidVersion):
        StarfaceVersion((9, 0, 0), None)  # type: ignore[arg-type]
    with pytest.raises(InvalidVersion):
        StarfaceVersion((9, 0, 0, -1))
    with pytest.raises(InvalidVersion):
        StarfaceVersion((9, 0, 0, 0), "nightly")
    with pytest.raises(ValueError, match="one to four parts"):  # a programming error, not user input
        StarfaceVersion.of(1, 2, 3, 4, 5)


def test_ordering_is_numeric_and_prereleases_come_first() -> None:
    written = ["10.0.0.4", "9.9", "9.0.0.0", "9.0.0.0-beta2", "9.0.0.0-alpha", "9.0.0.0-rc1", "9.0.0.0-beta", "8.1.3.0"]
    ordered = [str(version) for version in sorted(V(text) for text in written)]
    assert ordered == [
        "8.1.3.0",
        "9.0.0.0-alpha",
        "9.0.0.0-beta",
        "9.0.0.0-beta2",
        "9.0.0.0-rc1",
        "9.0.0.0",
        "9.9.0.0",
        "10.0.0.4",
    ]
    assert V("10.0") > V("9.9.9.9")
    assert V("9.1 Beta").release == V("9.1")


# Each vendor form from STARFACE.md and the brief: (range, inside, outside).
RANGE_TABLE = [
    ("8.X", ["8.0.0.0", "8.1.3.0", "8.99.9.9"], ["7.9.9.9", "9.0.0.0", "80.0.0.0"]),
    ("7.2.X", ["7.2.0.0", "7.2.5.1"], ["7.1.9.9", "7.3.0.0"]),
    ("7.3-7.X", ["7.3.0.0", "7.3.0.5", "7.9.0.0"], ["7.2.9.9", "8.0.0.0"]),
    ("7.0-7.1.1.6", ["7.0.0.0", "7.1.1.6", "7.1.0.9"], ["6.5.1.5", "7.1.1.7", "7.2.0.0"]),
    ("10.X", ["10.0.0.4"], ["9.9.9.9", "11.0.0.0"]),
    (">=9.0", ["9.0.0.0", "10.0.0.4"], ["8.1.3.0"]),
    ("> 9", ["10.0.0.0"], ["9.9.9.9"]),
    (">9.0.1.3", ["9.0.1.4"], ["9.0.1.3"]),
    ("<10", ["9.9.9.9", "6.5.1.5"], ["10.0.0.0"]),
    ("<=9.1", ["9.1.9.9"], ["9.2.0.0"]),
    ("<9.0.1.3", ["9.0.1.2"], ["9.0.1.3"]),
    ("9.0-9.1.5", ["9.0.0.0", "9.1.5.7"], ["8.9.0.0", "9.1.6.0"]),
    ("9.0 – 9.1.5", ["9.1.5.0"], ["9.1.6.0"]),
    ("==9.0.1.3", ["9.0.1.3"], ["9.0.1.4", "9.0.1.2"]),
    ("9.0.1.3", ["9.0.1.3"], ["9.0.1.4", "9.0.2.0"]),
    ("9.0", ["9.0.0.0", "9.0.9.9"], ["9.1.0.0", "8.9.0.0"]),
    ("9.0+", ["9.0.0.0", "12.0.0.0"], ["8.9.9.9"]),
    ("8.x.x", ["8.5.0.0"], ["9.0.0.0"]),
]


@pytest.mark.parametrize(("text", "inside", "outside"), RANGE_TABLE)
def test_vendor_range_forms(text: str, inside: list[str], outside: list[str]) -> None:
    version_range = VersionRange.parse(text)
    for version in inside:
        assert version_range.contains(V(version)), version
    for version in outside:
        assert not version_range.contains(V(version)), version


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("8.X", "8.0.0.0 - 8.x"),
        ("7.0-7.1.1.6", "7.0.0.0 - 7.1.1.6"),
        ("9.0-9.1.5", "9.0.0.0 - 9.1.5.x"),
        (">=9.0", "9.0.0.0 or newer"),
        ("<10", "up to 9.x"),
        ("9.0.1.3", "9.0.1.3"),
    ],
)
def test_describe_says_what_is_covered(text: str, description: str) -> None:
    assert VersionRange.parse(text).describe() == description


def test_prereleases_are_never_inside_a_range() -> None:
    assert not VersionRange.parse("9.X").contains(V("9.1.0.0-beta"))
    assert not VersionRange.parse(">=9.0").contains(V("10.0.0.0-rc1"))


@pytest.mark.parametrize(
    ("text", "in_message"),
    [
        ("", "empty"),
        ("abc", "not a STARFACE version range"),
        ("9.0.1.3.4", "not a STARFACE version range"),
        ("9.1-9.0", "lower end is above its upper end"),
        ("<0", "contains no STARFACE release"),
        ("9.0-beta", "pre-release"),
        (">=9.0+", "trailing '+'"),
        ("X", "not a STARFACE version range"),
        ("X.1", "not a STARFACE version range"),
        ("9.0.0.1.X", "more than four"),
    ],
)
def test_range_errors_name_the_problem(text: str, in_message: str) -> None:
    with pytest.raises(InvalidVersion) as caught:
        VersionRange.parse(text)
    assert in_message in caught.value.message
    assert caught.value.hint


def test_ranges_compare_by_what_they_cover() -> None:
    assert VersionRange("9.X") == VersionRange("9") == VersionRange("9.x") == VersionRange("9.0-9.X")
    assert VersionRange("9.X").text == "9.X"
    assert VersionRange("9.X") != VersionRange("9.0.X")


def test_parse_ranges_splits_lists() -> None:
    assert [item.text for item in parse_ranges("9.0.1.3, 9.0.2.0")] == ["9.0.1.3", "9.0.2.0"]
    assert [item.text for item in parse_ranges("STARFACE 8.X; 9.0 - 9.1.5  >= 10.0")] == ["8.X", "9.0-9.1.5", ">=10.0"]
    assert parse_ranges("  ") == ()
    with pytest.raises(InvalidVersion):
        parse_ranges("8.X, neu")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("8.X", True),
        ("7.3-7.X", True),
        ("10.X", True),
        ("7.0-7.1.1.6", True),
        ("7.2.X", True),
        ("9.0.1.3", True),
        ("modules", False),
        ("old", False),
        ("Archiv", False),
        ("2024", False),
        ("v126", False),
        ("", False),
    ],
)
def test_looks_like_range(name: str, expected: bool) -> None:
    assert looks_like_range(name) is expected


VERDICT_TABLE = [
    # compatible, incompatible, STARFACE version, verdict
    ("8.X", "", "8.1.3.0", Verdict.COMPATIBLE),
    ("8.X", "", "9.0.1.3", Verdict.UNTESTED),
    ("8.X", "", "7.3.0.5", Verdict.UNTESTED),
    ("9.X", "9.1.0.0", "9.1.0.0", Verdict.INCOMPATIBLE),
    ("9.X", "9.1.0.0", "9.1.0.1", Verdict.COMPATIBLE),
    ("", "<9", "8.1.3.0", Verdict.INCOMPATIBLE),
    ("", "", "10.0.0.4", Verdict.UNTESTED),
    ("9.X", "", "9.1.0.0-beta", Verdict.UNTESTED),
    ("9.X", "9.1", "9.1.0.0-beta", Verdict.INCOMPATIBLE),
    ("9.0.1.3, 9.0.2.0", "", "9.0.2.0", Verdict.COMPATIBLE),
    ("9.0.1.3, 9.0.2.0", "", "9.0.1.4", Verdict.UNTESTED),
]


@pytest.mark.parametrize(("compatible", "incompatible", "version", "verdict"), VERDICT_TABLE)
def test_verdict(compatible: str, incompatible: str, version: str, verdict: Verdict) -> None:
    assert Compatibility.parse(compatible, incompatible).verdict(V(version)) is verdict


def test_union_merges_folders_without_duplicates() -> None:
    merged = Compatibility.parse("8.X").union(Compatibility.parse("9.X, 8.x", "9.1.0.0"))
    assert [item.text for item in merged.compatible] == ["8.X", "9.X"]
    assert [item.text for item in merged.incompatible] == ["9.1.0.0"]
    assert merged.verdict(V("9.0.1.3")) is Verdict.COMPATIBLE


def test_json_round_trip_and_strict_validation() -> None:
    original = Compatibility.parse("7.3-7.X, 8.X", "8.1.3.0")
    data = original.to_json()
    assert data == {"compatible": ["7.3-7.X", "8.X"], "incompatible": ["8.1.3.0"]}
    assert Compatibility.from_json(data) == original
    assert Compatibility.from_json({}) == Compatibility()
    bad_values: list[object] = [[], {"compatible": "8.X"}, {"compatible": [8]}, {"tested": []}, {"compatible": ["8.Y"]}]
    for bad in bad_values:
        with pytest.raises(InvalidVersion):
            Compatibility.from_json(bad)


def test_describe_compatibility() -> None:
    assert Compatibility().describe() == "no compatibility statement"
    assert Compatibility.parse("8.X", "8.1.3.0").describe() == "compatible: 8.0.0.0 - 8.x; incompatible: 8.1.3.0"


# --- properties -------------------------------------------------------------------------

part = st.integers(min_value=0, max_value=120)
parts4 = st.tuples(part, part, part, part)
prerelease = st.one_of(
    st.none(),
    st.builds(
        lambda kind, serial: kind + ("" if serial is None else str(serial)),
        st.sampled_from(["alpha", "beta", "rc"]),
        st.one_of(st.none(), st.integers(0, 20)),
    ),
)
versions = st.builds(StarfaceVersion, parts4, prerelease)


@settings(max_examples=150)
@given(versions)
def test_str_parse_round_trip(version: StarfaceVersion) -> None:
    assert V(str(version)) == version
    assert str(V(str(version))) == str(version)


@settings(max_examples=150)
@given(versions, versions)
def test_order_follows_parts_then_release_after_prerelease(a: StarfaceVersion, b: StarfaceVersion) -> None:
    if a.parts != b.parts:
        assert (a < b) == (a.parts < b.parts)
    elif a.is_release and not b.is_release:
        assert b < a
    assert (a < b) + (a == b) + (a > b) == 1
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)


@settings(max_examples=150)
@given(st.integers(0, 50), parts4)
def test_series_wildcard_membership(major: int, parts: tuple[int, int, int, int]) -> None:
    version = StarfaceVersion(parts)
    assert VersionRange.parse(f"{major}.X").contains(version) == (parts[0] == major)


@settings(max_examples=150)
@given(parts4, parts4, parts4)
def test_explicit_bounds_are_inclusive(
    low: tuple[int, int, int, int], high: tuple[int, int, int, int], probe: tuple[int, int, int, int]
) -> None:
    low, high = min(low, high), max(low, high)
    text = "-".join(".".join(map(str, bound)) for bound in (low, high))
    assert VersionRange.parse(text).contains(StarfaceVersion(probe)) == (low <= probe <= high)
