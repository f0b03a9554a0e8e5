"""Maintenance windows: parsing, midnight, daylight-saving nights, next occurrence."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modmanager.core.windows import InvalidWindow, MaintenanceWindow, WindowSlot, parse_window

BERLIN = "Europe/Berlin"
UTC = dt.UTC


def at(text: str) -> dt.datetime:
    """An aware UTC moment from ``YYYY-MM-DD HH:MM`` (UTC)."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Mon-Fri 22:00-02:00 Europe/Berlin", "Mon-Fri 22:00-02:00 Europe/Berlin"),
        ("Mo-Fr 22:00-06:00", "Mon-Fri 22:00-06:00 Europe/Berlin"),
        ("sa,so 8:00-12:30 UTC", "Sat,Sun 08:00-12:30 UTC"),
        ("Fri-Mon 01:00-03:00 Europe/Vienna", "Fri-Mon 01:00-03:00 Europe/Vienna"),
        ("daily 00:00-00:00 UTC", "daily 00:00-00:00 UTC"),
        ("täglich 23:30-24:00 UTC", "daily 23:30-00:00 UTC"),
        ("Mon,Wed,Fri 02:00-04:00 America/New_York", "Mon,Wed,Fri 02:00-04:00 America/New_York"),
    ],
)
def test_parse_and_canonical_text(text: str, canonical: str) -> None:
    window = parse_window(text)
    assert window.spec() == canonical
    assert parse_window(canonical) == window


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "is not"),
        ("Mon-Fri", "is not"),
        ("Xyz 22:00-02:00", "unknown weekday"),
        ("Mon 25:00-02:00", "not HH:MM"),
        ("Mon 22:00", "no time range"),
        ("Mon 22:00-02:00 Mars/Olympus", "unknown time zone"),
        ("Mon 22:00-02:00 UTC extra", "is not"),
    ],
)
def test_bad_specs_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(InvalidWindow) as caught:
        parse_window(text)
    assert problem in caught.value.message
    assert caught.value.code == "window_invalid"
    assert "Mon-Fri 22:00-02:00" in caught.value.hint


def test_window_across_midnight_belongs_to_the_day_it_starts() -> None:
    window = parse_window("Fri 22:00-02:00 UTC")
    # Friday 2025-06-13 22:00 to Saturday 02:00.
    assert window.is_open(at("2025-06-13 22:00"))
    assert window.is_open(at("2025-06-14 01:59"))
    assert not window.is_open(at("2025-06-14 02:00"))
    assert not window.is_open(at("2025-06-13 21:59"))
    # Saturday night is not a window: Saturday is not a window day.
    assert not window.is_open(at("2025-06-14 23:00"))
    # Thursday 01:00 is not the tail of a Wednesday window.
    assert not window.is_open(at("2025-06-12 01:00"))
    slot = window.open_slot(at("2025-06-14 01:00"))
    assert slot == WindowSlot(at("2025-06-13 22:00"), at("2025-06-14 02:00"))


def test_next_slot_is_the_open_one_or_the_next_start() -> None:
    window = parse_window("Mon-Fri 22:00-02:00 UTC")
    # Saturday noon: the next window starts Monday 22:00 (Friday's ended Saturday 02:00).
    assert window.next_slot(at("2025-06-14 12:00")).start == at("2025-06-16 22:00")
    # Inside the window: the open slot.
    assert window.next_slot(at("2025-06-17 01:00")) == WindowSlot(at("2025-06-16 22:00"), at("2025-06-17 02:00"))
    # At the very end: the next one.
    assert window.next_slot(at("2025-06-17 02:00")).start == at("2025-06-17 22:00")


def test_local_hours_follow_the_zone_summer_and_winter() -> None:
    window = parse_window("daily 22:00-02:00 Europe/Berlin")
    summer = window.slot_on(dt.date(2025, 7, 1))
    winter = window.slot_on(dt.date(2025, 1, 7))
    assert summer == WindowSlot(at("2025-07-01 20:00"), at("2025-07-02 00:00"))
    assert winter == WindowSlot(at("2025-01-07 21:00"), at("2025-01-08 01:00"))


def test_spring_forward_night_is_an_hour_shorter_and_a_skipped_time_moves_on() -> None:
    # 2025-03-30 in Berlin: 02:00 CET becomes 03:00 CEST.
    window = parse_window("Sun 01:30-03:30 Europe/Berlin")
    slot = window.slot_on(dt.date(2025, 3, 30))
    assert slot == WindowSlot(at("2025-03-30 00:30"), at("2025-03-30 01:30"))
    assert slot.end - slot.start == dt.timedelta(hours=1)
    # 02:30 does not exist that night: the window starts when it would have been (03:30 CEST).
    gap = parse_window("Sun 02:30-04:00 Europe/Berlin").slot_on(dt.date(2025, 3, 30))
    assert gap is not None
    assert gap.start == at("2025-03-30 01:30")
    assert gap.end == at("2025-03-30 02:00")


def test_fall_back_night_is_an_hour_longer_and_a_repeated_time_means_the_first() -> None:
    # 2025-10-26 in Berlin: 03:00 CEST becomes 02:00 CET; 02:00-03:00 happens twice.
    window = parse_window("Sun 01:30-03:30 Europe/Berlin")
    slot = window.slot_on(dt.date(2025, 10, 26))
    assert slot == WindowSlot(at("2025-10-25 23:30"), at("2025-10-26 02:30"))
    assert slot.end - slot.start == dt.timedelta(hours=3)
    repeated = parse_window("Sun 02:30-05:00 Europe/Berlin").slot_on(dt.date(2025, 10, 26))
    assert repeated is not None
    assert repeated.start == at("2025-10-26 00:30")  # 02:30 CEST, the first 02:30


def test_window_across_midnight_on_a_dst_night() -> None:
    window = parse_window("Sat 22:00-04:00 Europe/Berlin")
    spring = window.slot_on(dt.date(2025, 3, 29))
    autumn = window.slot_on(dt.date(2025, 10, 25))
    assert spring is not None and autumn is not None
    assert spring.end - spring.start == dt.timedelta(hours=5)
    assert autumn.end - autumn.start == dt.timedelta(hours=7)
    assert window.is_open(at("2025-10-26 02:59"))  # 03:59 CET
    assert not window.is_open(at("2025-10-26 03:00"))


def test_a_whole_day_window() -> None:
    window = parse_window("Wed 00:00-00:00 UTC")
    assert window.is_open(at("2025-06-11 00:00"))
    assert window.is_open(at("2025-06-11 23:59"))
    assert not window.is_open(at("2025-06-12 00:00"))


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        parse_window("daily 00:00-01:00 UTC").is_open(dt.datetime(2025, 1, 1))


def test_weekdays_must_be_valid() -> None:
    with pytest.raises(InvalidWindow):
        MaintenanceWindow(frozenset(), dt.time(1), dt.time(2), "UTC")
    with pytest.raises(InvalidWindow):
        MaintenanceWindow(frozenset({7}), dt.time(1), dt.time(2), "UTC")


_ZONES = st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC", "Asia/Kolkata"])


@given(
    days=st.frozensets(st.integers(0, 6), min_size=1),
    start=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    end=st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    zone=_ZONES,
    moment=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 1, 1)).map(
        lambda d: d.replace(tzinfo=UTC)
    ),
)
def test_next_slot_contains_or_follows_and_open_agrees(
    days: frozenset[int], start: dt.time, end: dt.time, zone: str, moment: dt.datetime
) -> None:
    window = MaintenanceWindow(days, start, end, zone)
    slot = window.next_slot(moment)
    assert slot.end > moment
    assert slot.end > slot.start or slot.end == slot.start  # a skipped-time window may collapse
    assert slot.start - moment <= dt.timedelta(days=8)
    assert window.is_open(moment) == (slot.start <= moment < slot.end)
    assert parse_window(window.spec()) == window
