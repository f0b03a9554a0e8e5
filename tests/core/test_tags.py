"""How tags change: one rule for the CLI, the GUI and the fleet import."""

from __future__ import annotations

from modmanager.core.tags import changed_tags, split_tags


def test_typed_tags_split_on_commas_semicolons_and_bars_without_blanks_or_repeats() -> None:
    assert split_tags(" wartung, vip;;berlin |vip, ") == ("wartung", "vip", "berlin")
    assert split_tags("") == ()


def test_adding_keeps_the_spelling_a_pbx_has_and_ignores_case() -> None:
    assert changed_tags(("Berlin", "vip"), None, ["berlin", " cloud "], []) == ("Berlin", "vip", "cloud")


def test_removing_ignores_case_and_wins_over_adding_the_same_tag() -> None:
    assert changed_tags(("Berlin", "vip"), None, ["cloud"], ["BERLIN", "cloud"]) == ("vip",)


def test_a_replacement_text_sets_the_tags_before_adding_and_removing() -> None:
    assert changed_tags(("old",), "a, b", ["c"], ["a"]) == ("b", "c")
    assert changed_tags(("old",), "", [], []) == ()
