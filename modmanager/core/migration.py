"""Carry an instance's settings from one module version to another.

STARFACE keeps instance values under each input's ``variableId``; between versions the form
gains, loses and changes inputs. "Settings are restored as far as the new version supports
them" therefore means: match stored values by ``variableId`` against the new form, keep
those it still has, report those it no longer has, and name the inputs that are new.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from modmanager.core.sfm import ConfigInput, ConfigSchema, SettingValue

MigrationStatus = Literal["carried", "dropped", "new"]

_BOOLEAN_KINDS = ("checkbox", "boolean", "toggle", "switch")
_NUMBER_KINDS = ("number", "integer", "numeric", "spinner")
_TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
_FALSE_WORDS = frozenset({"false", "no", "off", "0"})
_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")
_DECIMAL = re.compile(
    r"[+-]?(?:[0-9]{1,30}\.[0-9]{0,30}|\.[0-9]{1,30})(?:[eE][+-]?[0-9]{1,3})?|[+-]?[0-9]{1,30}[eE][+-]?[0-9]{1,3}"
)


@dataclass(frozen=True)
class SettingMigration:
    """What happens to one variable when the module version changes."""

    variable_id: str
    label: str
    status: MigrationStatus
    old_value: SettingValue | None
    new_value: SettingValue | None


@dataclass(frozen=True)
class Migration:
    """The outcome for one instance.

    ``values`` is exactly what to write into the instance of the new version: every
    carried value plus the descriptor default of each new input that has one, as the type
    the input declares (:func:`typed_default`). Inputs in both versions without a stored value are left alone so
    the new version's own default applies.
    """

    carried: tuple[SettingMigration, ...]
    dropped: tuple[SettingMigration, ...]
    added: tuple[SettingMigration, ...]
    values: dict[str, SettingValue]

    @property
    def loses_settings(self) -> bool:
        """Whether a stored value has no place in the new version (worth a warning)."""
        return bool(self.dropped)


def migrate_settings(old: ConfigSchema, new: ConfigSchema, values: Mapping[str, SettingValue]) -> Migration:
    """Match stored ``values`` against the ``new`` form by ``variableId``.

    A stored value is carried when the new form has a value-storing input with its
    variableId (whether or not the old form knew it; the stored value wins over the new
    default) and dropped otherwise. Inputs only the new form has are reported as new
    with their default. Layout inputs such as headlines never take part.
    """
    carried: list[SettingMigration] = []
    dropped: list[SettingMigration] = []
    added: list[SettingMigration] = []
    result: dict[str, SettingValue] = {}
    for variable_id, value in values.items():
        target = new.get(variable_id)
        if target is not None:
            carried.append(SettingMigration(variable_id, target.label, "carried", value, value))
            result[variable_id] = value
        else:
            source = old.get(variable_id)
            label = source.label if source is not None else variable_id
            dropped.append(SettingMigration(variable_id, label, "dropped", value, None))
    for target in new.value_inputs:
        variable_id = target.variable_id
        if variable_id in values or old.get(variable_id) is not None:
            continue
        default = typed_default(target)
        added.append(SettingMigration(variable_id, target.label, "new", None, default))
        if default is not None:
            result[variable_id] = default
    return Migration(tuple(carried), tuple(dropped), tuple(added), result)


def typed_default(item: ConfigInput) -> SettingValue | None:
    """The descriptor's default of ``item`` as the value type its input declares.

    A descriptor writes every default as text; the module itself stores a number input's value
    as a number and a checkbox's as true/false. So ``"20"`` of a number input becomes ``20``
    (``"2.5"`` becomes ``2.5``) and ``"true"`` of a checkbox becomes ``True``; other inputs keep
    the text. A default that does not fit its declared type (``"abc"`` for a number) gives
    ``None``: nothing is written and the module's own default applies.
    """
    text = item.default
    if text is None:
        return None
    kind = item.kind.casefold()
    if any(word in kind for word in _BOOLEAN_KINDS):
        word = text.strip().casefold()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        return None
    if any(word in kind for word in _NUMBER_KINDS):
        number = text.strip()
        if _INTEGER.fullmatch(number):
            return int(number)
        if _DECIMAL.fullmatch(number):
            value = float(number)
            return value if math.isfinite(value) else None
        return None
    return text


def compare_schemas(old: ConfigSchema, new: ConfigSchema) -> tuple[SettingMigration, ...]:
    """How the form changes between two versions, before any instance is involved.

    One record per value-storing variableId, in new-form order then dropped ones:
    ``carried`` (in both), ``dropped`` (old only), ``new`` (new only). ``old_value`` and
    ``new_value`` are the descriptors' defaults, so a changed default is visible.
    """
    changes: list[SettingMigration] = []
    for target in new.value_inputs:
        source = old.get(target.variable_id)
        if source is None:
            changes.append(SettingMigration(target.variable_id, target.label, "new", None, target.default))
        else:
            changes.append(
                SettingMigration(target.variable_id, target.label, "carried", source.default, target.default)
            )
    for source in old.value_inputs:
        if new.get(source.variable_id) is None:
            changes.append(SettingMigration(source.variable_id, source.label, "dropped", source.default, None))
    return tuple(changes)
