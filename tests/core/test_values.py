"""Setting values: every STARFACE shape, its JSON form, and a safe one-line picture of it."""

from __future__ import annotations

from typing import Any

import pytest

from modmanager.core.values import (
    FileResource,
    SettingValue,
    TimerSettings,
    describe_value,
    value_from_json,
    value_to_json,
    value_type,
)

SHAPES: list[tuple[SettingValue, Any, str]] = [
    ("text", "text", "STRING"),
    (7, 7, "NUMBER"),
    (1.5, 1.5, "NUMBER"),
    (False, False, "BOOLEAN"),
    (["a", "b"], ["a", "b"], "LIST"),
    ({"k": "v"}, {"k": "v"}, "MAP"),
    (FileResource("a.wav", b"\x00\xff"), {"fileName": "a.wav", "data": "AP8="}, "FILE_RESOURCE"),
    (TimerSettings(1, "HOUR", 3), {"startTime": 1, "period": "HOUR", "multiplier": 3}, "TIMER_SETTINGS"),
]


@pytest.mark.parametrize(("value", "json_form", "type_name"), SHAPES, ids=[f"{s[2]}-{i}" for i, s in enumerate(SHAPES)])
def test_every_shape_round_trips(value: SettingValue, json_form: Any, type_name: str) -> None:
    assert value_to_json(value) == json_form
    assert value_type(value) == type_name
    assert value_from_json(json_form) == value
    assert value_from_json(json_form, type_name) == value


def test_numbers_sent_as_text_for_a_number_are_kept_as_sent() -> None:
    assert value_from_json("15", "NUMBER") == "15"


@pytest.mark.parametrize(
    ("raw", "type_name"),
    [
        ("x", "LIST"),
        (["x"], "MAP"),
        ({"fileName": "a"}, "FILE_RESOURCE"),
        ({"fileName": "a", "data": "%%%"}, "FILE_RESOURCE"),
        ({"startTime": True, "period": "DAY", "multiplier": 1}, "TIMER_SETTINGS"),
        ({"startTime": 2**70, "period": "DAY", "multiplier": 1}, None),
        (2**70, None),
        (None, None),
        ({1: "x"}, None),
    ],
)
def test_shapes_that_do_not_fit_are_refused(raw: Any, type_name: str | None) -> None:
    with pytest.raises(ValueError):
        value_from_json(raw, type_name)


def test_descriptions_are_one_short_safe_line() -> None:
    assert describe_value(["Mo", "Di"]) == "Mo, Di"
    assert describe_value({"110": "Zentrale"}) == "110=Zentrale"
    assert describe_value(FileResource("ansage.wav", b"1234")) == "ansage.wav (4 B)"
    assert describe_value(True) == "true"
    assert describe_value("a\x1b[2Jb\nc") == "a [2Jb c"
    assert describe_value("x" * 200, limit=10) == "x" * 9 + "…"
    shown = repr(FileResource("a", b"secret-bytes"))
    assert "12 bytes" in shown and "secret-bytes" not in shown
