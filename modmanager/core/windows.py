"""Maintenance windows: when a customer allows changes to a PBX.

A window is a set of weekdays, a wall-clock time range and an IANA time zone, e.g.
``Mon-Fri 22:00-02:00 Europe/Berlin``. The weekday is the day the window *starts*; a range
whose end is not after its start runs past midnight into the next day (``22:00-02:00``), and
a range that ends where it starts lasts a whole day (``00:00-00:00``).

Times are wall-clock times in the window's zone, so a window keeps its local hours across
daylight-saving changes; its length in real time changes on those nights:

- a time that does not exist (the clock jumps from 02:00 to 03:00) is taken as the moment it
  would have been, i.e. 02:30 becomes 03:30 summer time;
- a time that exists twice (the clock goes back from 03:00 to 02:00) means its first
  occurrence.

Everything here is pure: the caller passes "now"; results are aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from modmanager.core.errors import ModManagerError

__all__ = [
    "DEFAULT_TIMEZONE",
    "WEEKDAY_NAMES",
    "InvalidWindow",
    "MaintenanceWindow",
    "WindowSlot",
    "parse_window",
]

DEFAULT_TIMEZONE = "Europe/Berlin"
"""The zone a window spec without one is in (STARFACE's market)."""

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""How windows name weekdays (``datetime.weekday()`` order)."""

_DAY_ALIASES: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("mon", "monday", "mo", "montag"),
        ("tue", "tuesday", "tu", "di", "dienstag"),
        ("wed", "wednesday", "we", "mi", "mittwoch"),
        ("thu", "thursday", "th", "do", "donnerstag"),
        ("fri", "friday", "fr", "freitag"),
        ("sat", "saturday", "sa", "samstag", "sonnabend"),
        ("sun", "sunday", "su", "so", "sonntag"),
    )
):
    for _name in _names:
        _DAY_ALIASES[_name] = _index
_EVERY_DAY = frozenset({"daily", "everyday", "täglich", "taeglich", "*"})
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class InvalidWindow(ModManagerError):
    """A maintenance window that cannot be read."""


def _invalid(problem: str, text: str, value: str = "") -> InvalidWindow:
    """Params: ``window``, ``problem`` (a key the sentence is chosen by, see core/messages/unattended.py), ``value``."""
    return InvalidWindow(code="window_invalid", params={"window": text, "problem": problem, "value": value})


@dataclass(frozen=True)
class WindowSlot:
    """One occurrence of a window: from ``start`` (inclusive) to ``end`` (exclusive), aware UTC."""

    start: dt.datetime
    end: dt.datetime

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class MaintenanceWindow:
    """Weekdays (0 = Monday), a local time range and the IANA zone it is in."""

    weekdays: frozenset[int]
    start: dt.time
    end: dt.time
    timezone: str = DEFAULT_TIMEZONE

    def __post_init__(self) -> None:
        spec = self.spec()
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise _invalid("no_weekday", spec)
        if self.start.second or self.end.second or self.start.tzinfo or self.end.tzinfo:
            raise _invalid("whole_minutes", spec)
        _zone(self.timezone, spec)

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.timezone, self.timezone)

    @property
    def crosses_midnight(self) -> bool:
        """True when the range ends on the next day (``22:00-02:00``, or a whole day)."""
        return self.end <= self.start

    def spec(self) -> str:
        """The canonical text form, e.g. ``Mon-Fri 22:00-02:00 Europe/Berlin``."""
        return f"{_days_text(self.weekdays)} {self.start:%H:%M}-{self.end:%H:%M} {self.timezone}"

    def __str__(self) -> str:
        return self.spec()

    # --- occurrences ---------------------------------------------------------------------------

    def slot_on(self, day: dt.date) -> WindowSlot | None:
        """The occurrence starting on local date ``day``, or None if ``day`` is not a window day."""
        if day.weekday() not in self.weekdays:
            return None
        zone = self.zone
        start = dt.datetime.combine(day, self.start, tzinfo=zone)
        end_day = day + dt.timedelta(days=1) if self.crosses_midnight else day
        end = dt.datetime.combine(end_day, self.end, tzinfo=zone)
        return WindowSlot(_to_utc(start), _to_utc(end))

    def slots(self, moment: dt.datetime) -> Iterator[WindowSlot]:
        """Occurrences from two days before ``moment``'s local date onwards, in order (endless)."""
        local_day = _aware(moment).astimezone(self.zone).date()
        day = local_day - dt.timedelta(days=2)
        while True:
            slot = self.slot_on(day)
            if slot is not None:
                yield slot
            day += dt.timedelta(days=1)

    def open_slot(self, moment: dt.datetime) -> WindowSlot | None:
        """The occurrence ``moment`` falls into, or None when the window is closed then."""
        moment = _aware(moment)
        for slot in self.slots(moment):
            if slot.start > moment:
                return None
            if slot.contains(moment):
                return slot
        return None  # pragma: no cover - slots() never ends

    def is_open(self, moment: dt.datetime) -> bool:
        return self.open_slot(moment) is not None

    def next_slot(self, moment: dt.datetime) -> WindowSlot:
        """The occurrence open at ``moment``, else the next one to start."""
        moment = _aware(moment)
        for slot in self.slots(moment):
            if slot.end > moment:
                return slot
        raise AssertionError("unreachable")  # pragma: no cover


def parse_window(text: str, *, default_timezone: str = DEFAULT_TIMEZONE) -> MaintenanceWindow:
    """Read ``"Mon-Fri 22:00-02:00 Europe/Berlin"``.

    Weekdays: English or German names or abbreviations, comma lists and ranges (``Fri-Mon``
    wraps around), or ``daily``. The zone is optional (``default_timezone``).
    """
    original = text
    parts = text.split()
    if len(parts) not in (2, 3):
        raise _invalid("format", original)
    days_text, range_text = parts[0], parts[1]
    timezone = parts[2] if len(parts) == 3 else default_timezone
    weekdays = _parse_days(days_text, original)
    start_text, separator, end_text = range_text.partition("-")
    if not separator:
        raise _invalid("no_range", original)
    start = _parse_time(start_text, original)
    end = _parse_time(end_text, original)
    return MaintenanceWindow(weekdays, start, end, timezone)


def _parse_days(text: str, original: str) -> frozenset[int]:
    if text.casefold() in _EVERY_DAY:
        return frozenset(range(7))
    days: set[int] = set()
    for item in text.split(","):
        first, separator, last = item.partition("-")
        start = _day(first, original)
        if not separator:
            days.add(start)
            continue
        stop = _day(last, original)
        index = start
        days.add(index)
        while index != stop:
            index = (index + 1) % 7
            days.add(index)
    return frozenset(days)


def _day(text: str, original: str) -> int:
    key = text.strip().casefold().rstrip(".")
    if key not in _DAY_ALIASES:
        raise _invalid("unknown_weekday", original, text.strip())
    return _DAY_ALIASES[key]


def _parse_time(text: str, original: str) -> dt.time:
    match = _TIME.match(text.strip())
    if match is None:
        if text.strip() in ("24:00", "24:0"):
            return dt.time(0, 0)
        raise _invalid("bad_time", original, text.strip())
    return dt.time(int(match.group(1)), int(match.group(2)))


def _days_text(weekdays: frozenset[int]) -> str:
    """``Mon-Fri``, ``Sat,Sun``, ``daily``: runs of three or more days as ranges."""
    days = sorted(day for day in weekdays if 0 <= day <= 6)
    if len(days) == 7:
        return "daily"
    if not days:
        return "-"
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    # A run that ends on Sunday continues into one that starts on Monday (Fri-Mon).
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][-1] == 6:
        runs[0] = runs.pop() + runs[0]
    texts = []
    for run in runs:
        if len(run) >= 3:
            texts.append(f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}")
        else:
            texts.extend(WEEKDAY_NAMES[day] for day in run)
    return ",".join(texts)


def _zone(name: str, spec: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise _invalid("unknown_zone", spec, name) from None


def _aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("window times must carry a time zone")
    return moment.astimezone(dt.UTC)


def _to_utc(local: dt.datetime) -> dt.datetime:
    """UTC of a local wall time: a skipped time counts as if the clock had not jumped (fold=0
    gives the offset before the change), a repeated time as its first occurrence."""
    return local.astimezone(dt.UTC)
