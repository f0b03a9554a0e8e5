"""The values a module instance stores under its ``variableId`` s, and their JSON forms.

STARFACE keeps an instance's settings as typed variables (``VariableType``): plain strings,
numbers and flags, and resources - a LIST of strings, a MAP of strings, a FILE_RESOURCE (a
file the user uploaded into the form) and TIMER_SETTINGS (start, period, multiplier). The
agent protocol carries them as JSON (see ``docs/agent-protocol.md``, *Value*); backups keep the
same JSON form. Pure: no I/O.

Which shape an object value has is decided by the variable's type name when the agent
reports it (``InstanceConfig.types``); without one, by its keys: exactly ``fileName`` and
``data`` is a file, exactly ``startTime``, ``period`` and ``multiplier`` with whole numbers a
timer, and any other object of strings a map.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

STRING = "STRING"
NUMBER = "NUMBER"
BOOLEAN = "BOOLEAN"
LIST = "LIST"
MAP = "MAP"
FILE_RESOURCE = "FILE_RESOURCE"
TIMER_SETTINGS = "TIMER_SETTINGS"

MAX_TYPE_NAME_CHARS = 64
_INT64 = 2**63


@dataclass(frozen=True)
class FileResource:
    """A file stored in an instance (``FILE_RESOURCE``): its name and its bytes."""

    file_name: str
    data: bytes

    def __repr__(self) -> str:
        # The bytes may be anything (a customer's greeting, a key file): never dumped.
        return f"FileResource({self.file_name!r}, {len(self.data)} bytes)"


@dataclass(frozen=True)
class TimerSettings:
    """When a module's timer runs (``TIMER_SETTINGS``)."""

    start_time: int
    """Epoch milliseconds of the first run."""
    period: str
    """STARFACE's ``TimerInterval`` name, e.g. ``DAY`` or ``HOUR``."""
    multiplier: int
    """Runs every ``multiplier`` periods."""


SettingValue: TypeAlias = str | int | float | bool | list[str] | dict[str, str] | FileResource | TimerSettings
"""A value stored in a module instance under a ``variableId``."""

JsonValue: TypeAlias = str | int | float | bool | list[str] | dict[str, Any]


def value_to_json(value: SettingValue) -> JsonValue:
    """The JSON form of ``value`` (binary as standard base64 without line breaks)."""
    if isinstance(value, FileResource):
        return {"fileName": value.file_name, "data": base64.b64encode(value.data).decode("ascii")}
    if isinstance(value, TimerSettings):
        return {"startTime": value.start_time, "period": value.period, "multiplier": value.multiplier}
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def value_from_json(raw: object, type_name: str | None = None) -> SettingValue:
    """Read one value in its JSON form; ``type_name`` is the variable's STARFACE type if known.

    Raises:
        ValueError: the value has no supported shape, or not the one its type names.
    """
    if isinstance(raw, str | bool) or (isinstance(raw, int | float) and not isinstance(raw, bool)):
        if type_name in (LIST, MAP, FILE_RESOURCE, TIMER_SETTINGS):
            raise ValueError(f"a {type_name} value must not be a plain {type(raw).__name__}")
        if isinstance(raw, int) and not isinstance(raw, bool) and not -_INT64 <= raw < _INT64:
            raise ValueError("a number is out of range")
        if isinstance(raw, float) and raw != raw:  # NaN never comes from JSON, but a caller may pass one
            raise ValueError("a number is not a number")
        return raw
    if isinstance(raw, list | tuple):
        if type_name not in (None, LIST):
            raise ValueError(f"a {type_name} value must not be a list")
        if not all(isinstance(item, str) for item in raw):
            raise ValueError("a list value may hold strings only")
        return [str(item) for item in raw]
    if isinstance(raw, Mapping):
        if not all(isinstance(key, str) for key in raw):
            raise ValueError("an object value must have string keys")
        if type_name in (MAP, FILE_RESOURCE, TIMER_SETTINGS):
            kind = type_name
        else:
            # Without a type the keys decide; a type the protocol gives no object shape for
            # (STARFACE_USER, ...) is kept as a map of strings when it is one.
            kind = _guess(raw) if type_name is None else MAP
        if kind == FILE_RESOURCE:
            return _file_resource(raw)
        if kind == TIMER_SETTINGS:
            return _timer_settings(raw)
        if not all(isinstance(item, str) for item in raw.values()):
            raise ValueError("a map value may hold strings only")
        return {str(key): str(item) for key, item in raw.items()}
    raise ValueError(f"unsupported value type {type(raw).__name__}")


def value_type(value: SettingValue) -> str:
    """The STARFACE type name a value of this shape has (what an agent reports in ``types``)."""
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, list):
        return LIST
    if isinstance(value, FileResource):
        return FILE_RESOURCE
    if isinstance(value, TimerSettings):
        return TIMER_SETTINGS
    if isinstance(value, dict):
        return MAP
    return STRING


def describe_value(value: SettingValue, *, limit: int = 80) -> str:
    """A one-line, language-neutral picture of a value for lists and previews.

    Control characters are shown as spaces and long text is cut, so a hostile value cannot
    redraw a terminal or a table cell.
    """
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, FileResource):
        text = f"{value.file_name or '(file)'} ({len(value.data)} B)"
    elif isinstance(value, TimerSettings):
        text = f"{value.start_time} {value.period} x{value.multiplier}"
    elif isinstance(value, list):
        text = ", ".join(value)
    elif isinstance(value, dict):
        text = ", ".join(f"{key}={item}" for key, item in value.items())
    else:
        text = str(value)
    text = "".join(char if char.isprintable() else " " for char in text)
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def _guess(raw: Mapping[str, Any]) -> str:
    keys = set(raw)
    if keys == {"fileName", "data"} and all(isinstance(item, str) for item in raw.values()):
        return FILE_RESOURCE
    if keys == {"startTime", "period", "multiplier"}:
        return TIMER_SETTINGS
    return MAP


def _file_resource(raw: Mapping[str, Any]) -> FileResource:
    name, data = raw.get("fileName"), raw.get("data")
    if not isinstance(name, str) or not isinstance(data, str):
        raise ValueError("a file value needs a fileName and base64 data")
    return FileResource(name, decode_base64(data))


def _timer_settings(raw: Mapping[str, Any]) -> TimerSettings:
    start, period, multiplier = raw.get("startTime"), raw.get("period"), raw.get("multiplier")
    if (
        not isinstance(start, int)
        or isinstance(start, bool)
        or not isinstance(multiplier, int)
        or isinstance(multiplier, bool)
        or not isinstance(period, str)
    ):
        raise ValueError("a timer value needs startTime and multiplier as whole numbers and a period")
    if not -_INT64 <= start < _INT64 or not -_INT64 <= multiplier < _INT64:
        raise ValueError("a timer value is out of range")
    return TimerSettings(start, period, multiplier)


def decode_base64(text: str) -> bytes:
    """Standard base64 (RFC 4648) without line breaks; ValueError for anything else."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError("not standard base64") from None
