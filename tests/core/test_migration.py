"""Settings migration: stored values matched to the new form by variableId."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.migration import compare_schemas, migrate_settings
from modmanager.core.sfm import ConfigInput, ConfigSchema, SettingValue


def _schema(*inputs: tuple[str, str | None] | tuple[str, str | None, str]) -> ConfigSchema:
    """Inputs as (variableId, default[, kind]); an empty variableId makes a headline."""
    built = []
    for number, spec in enumerate(inputs):
        variable_id, default = spec[0], spec[1]
        kind = spec[2] if len(spec) == 3 else ("headline" if not variable_id else "textInput")
        built.append(ConfigInput("Allgemein", variable_id, f"Feld {variable_id}", kind, f"i{number}", default))
    return ConfigSchema(tuple(built))


OLD = _schema(("", None), ("target", "100"), ("ring", "20"), ("legacy", "x"))
NEW = _schema(("", None), ("target", "200"), ("ring", "30"), ("holiday", "off"), ("note", None))


@pytest.mark.parametrize(
    ("values", "carried", "dropped", "added", "written"),
    [
        pytest.param(
            {"target": "+49 30 1", "legacy": "alt"},
            {"target"},
            {"legacy"},
            {"holiday", "note"},
            {"target": "+49 30 1", "holiday": "off"},
            id="stored value wins over new default; unstored old input keeps the new default",
        ),
        pytest.param(
            {},
            set(),
            set(),
            {"holiday", "note"},
            {"holiday": "off"},
            id="nothing stored: only new inputs with a default are written",
        ),
        pytest.param(
            {"holiday": "on"},
            {"holiday"},
            set(),
            {"note"},
            {"holiday": "on"},
            id="value the old form did not know but the new one does is carried",
        ),
        pytest.param(
            {"": "x", "gone": ["a", "b"], "ring": 25},
            {"ring"},
            {"", "gone"},
            {"holiday", "note"},
            {"ring": 25, "holiday": "off"},
            id="values for headlines and unknown ids are dropped; types are kept",
        ),
    ],
)
def test_migration_table(
    values: Mapping[str, SettingValue],
    carried: set[str],
    dropped: set[str],
    added: set[str],
    written: dict[str, SettingValue],
) -> None:
    migration = migrate_settings(OLD, NEW, values)

    assert {m.variable_id for m in migration.carried} == carried
    assert {m.variable_id for m in migration.dropped} == dropped
    assert {m.variable_id for m in migration.added} == added
    assert migration.values == written
    assert migration.loses_settings == bool(dropped)


def test_records_carry_labels_and_values() -> None:
    migration = migrate_settings(OLD, NEW, {"target": "+49 30 1", "legacy": "alt"})

    (target,) = migration.carried
    assert (target.label, target.status, target.old_value, target.new_value) == (
        "Feld target",
        "carried",
        "+49 30 1",
        "+49 30 1",
    )
    (legacy,) = migration.dropped
    assert (legacy.label, legacy.status, legacy.old_value, legacy.new_value) == ("Feld legacy", "dropped", "alt", None)
    added = {m.variable_id: m for m in migration.added}
    assert (added["holiday"].status, added["holiday"].old_value, added["holiday"].new_value) == ("new", None, "off")
    assert added["note"].new_value is None


def test_dropped_value_unknown_to_both_forms_is_labelled_with_its_id() -> None:
    (dropped,) = migrate_settings(OLD, NEW, {"mystery": 1}).dropped
    assert dropped.label == "mystery"


def test_layout_inputs_never_take_part_even_with_a_variable_id() -> None:
    new = _schema(("banner", None, "headline"), ("target", "1"))
    migration = migrate_settings(_schema(), new, {"banner": "x"})

    assert [m.variable_id for m in migration.dropped] == ["banner"]
    assert [m.variable_id for m in migration.added] == ["target"]


def test_compare_schemas_shows_kept_dropped_and_new_inputs_with_defaults() -> None:
    changes = {c.variable_id: c for c in compare_schemas(OLD, NEW)}

    assert set(changes) == {"target", "ring", "holiday", "note", "legacy"}
    assert (changes["target"].status, changes["target"].old_value, changes["target"].new_value) == (
        "carried",
        "100",
        "200",
    )
    assert (changes["legacy"].status, changes["legacy"].old_value) == ("dropped", "x")
    assert (changes["holiday"].status, changes["holiday"].new_value) == ("new", "off")


_ids = st.sampled_from(["a", "b", "c", "d", "e", ""])
_values = st.one_of(
    st.text(max_size=5), st.integers(), st.booleans(), st.floats(allow_nan=False), st.lists(st.text(max_size=3))
)
_schemas = st.lists(
    st.tuples(_ids, st.none() | st.text(max_size=3), st.sampled_from(["textInput", "headline"])), max_size=6
).map(lambda specs: _schema(*specs))


@settings(max_examples=100, deadline=None)
@given(old=_schemas, new=_schemas, values=st.dictionaries(_ids, _values, max_size=6))
def test_every_stored_value_is_carried_or_dropped_exactly_once(
    old: ConfigSchema, new: ConfigSchema, values: dict[str, SettingValue]
) -> None:
    migration = migrate_settings(old, new, values)

    handled = [m.variable_id for m in (*migration.carried, *migration.dropped)]
    assert sorted(handled) == sorted(values)
    assert set(migration.values) <= set(new.variable_ids)
    assert all(migration.values[m.variable_id] == values[m.variable_id] for m in migration.carried)
    assert not {m.variable_id for m in migration.added} & set(values)
    assert not {m.variable_id for m in migration.added} & set(old.variable_ids)


# -- new defaults keep the type the form declares ----------------------------------------------


def _new_input(kind: str, default: str | None) -> ConfigSchema:
    return _schema(("neu", default, kind))


@pytest.mark.parametrize(
    ("kind", "default", "written"),
    [
        ("numberInput", "20", 20),
        ("numberInput", " -7 ", -7),
        ("numberInput", "2.5", 2.5),
        ("numberInput", "abc", None),
        ("numberInput", "1e999", None),
        ("checkBoxInput", "true", True),
        ("checkBoxInput", "FALSE", False),
        ("checkBoxInput", "vielleicht", None),
        ("booleanInput", "on", True),
        ("textInput", "20", "20"),
        ("passwordInput", "true", "true"),
    ],
)
def test_a_new_default_is_written_as_the_type_its_input_declares(
    kind: str, default: str, written: SettingValue | None
) -> None:
    migration = migrate_settings(ConfigSchema(), _new_input(kind, default), {})
    assert migration.values.get("neu") == written
    assert type(migration.values.get("neu")) is type(written), "20 is not 20.0 and True is not 1"
    (added,) = migration.added
    assert added.new_value == written


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=-(10**17), max_value=10**17))
def test_any_whole_number_default_of_a_number_input_is_that_number(number: int) -> None:
    value = migrate_settings(ConfigSchema(), _new_input("numberInput", str(number)), {}).values["neu"]
    assert value == number and type(value) is int


@settings(max_examples=100, deadline=None)
@given(st.booleans(), st.sampled_from([str.lower, str.upper, str.title]))
def test_any_spelling_of_a_checkbox_default_is_a_boolean(flag: bool, spelling: object) -> None:
    assert callable(spelling)
    value = migrate_settings(ConfigSchema(), _new_input("checkBoxInput", spelling(str(flag))), {}).values["neu"]
    assert value is flag


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["numberInput", "checkBoxInput", "textInput", "selectInput"]), st.text(max_size=40))
def test_any_default_text_gives_a_value_of_the_declared_type_or_none(kind: str, default: str) -> None:
    value = migrate_settings(ConfigSchema(), _new_input(kind, default), {}).values.get("neu")
    allowed = {"numberInput": (int, float), "checkBoxInput": (bool,)}.get(kind, (str,))
    assert value is None or (isinstance(value, allowed) and not (kind == "numberInput" and isinstance(value, bool)))
    if kind in ("textInput", "selectInput"):
        assert value == default, "text inputs keep the descriptor's text exactly"
