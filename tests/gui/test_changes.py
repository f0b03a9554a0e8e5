"""The notice of what an operation changed: combined, empty, and whom it concerns."""

from __future__ import annotations

from modmanager.gui.changes import NO_CHANGES, Changes


def test_changes_combine_and_an_empty_notice_is_false() -> None:
    combined = Changes.of_pbxs(["a"], backups=True) | Changes(pbxs=frozenset({"b"}), journal=True)
    assert combined == Changes(pbxs=frozenset({"a", "b"}), backups=True, journal=True)
    assert not NO_CHANGES and not Changes() | Changes()
    assert Changes(settings=True) and Changes.of_pbxs(["a"])


def test_a_notice_touches_a_pbx_when_its_entry_or_everything_shown_may_have_changed() -> None:
    assert Changes.of_pbxs(["a"]).touches("a") and not Changes.of_pbxs(["a"]).touches("b")
    assert not Changes.of_pbxs(["a"]).touches(None)
    for kind in ("pbx_list", "catalogs", "settings"):
        assert Changes(**{kind: True}).touches("b"), kind
    assert not Changes(backups=True, journal=True).touches("a"), "backups and journal are not what the page shows"
