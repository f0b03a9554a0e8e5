"""Changelog entries, paid-upgrade markers and the releases an update crosses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.changelog import (
    DEFAULT_PAID_MARKERS,
    ChangelogEntry,
    entries_between,
    is_paid_text,
    paid_between,
    parse_changelog,
)

GERMAN_MARKDOWN = """\
# Changelog Wetterdienst-Modul

Legende: € = kostenpflichtiges Update, alle anderen Updates sind kostenlos.

## v126 (12.08.2025)
- Neu: Unterstützung für STARFACE 10
- **Upgrade kostenpflichtig** (€)

### Fehlerbehebungen
- 126 Benutzer gleichzeitig möglich

## v122 (2024-11-02)
- Fix: Zeitzonen bei Ansagen
- Dieses Update ist nicht kostenpflichtig

## Version 2.3 (117)
- Preis: 0 €

## v20220729
- Erste Version
"""

ENGLISH_MARKDOWN = """\
Release notes

### Version 117 - 2024-03-01 - paid upgrade
* New: REST client for the CRM
### Version 113 - 2023-12-01
* Fixed: unpaid invoices no longer block the module
* This is not a paid upgrade
### Version 110 - 2023-06-15
* Free of charge for all customers
"""

PLAIN_GERMAN = """\
Anrufweiterleitung - Änderungen
v126 (2025-08-12)
- v2 API von OpenWeather
- Upgrade kostenpflichtig
Version 122 - 12.08.2024:
- Fehler behoben
126:
* v113
- 126 users
"""


def labels(entries: tuple[ChangelogEntry, ...]) -> list[tuple[str, int | None, str | None, bool]]:
    return [(entry.label, entry.module_version, entry.date, entry.paid) for entry in entries]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GERMAN_MARKDOWN,
            [
                ("v126 (12.08.2025)", 126, "2025-08-12", True),
                ("v122 (2024-11-02)", 122, "2024-11-02", False),
                ("Version 2.3 (117)", 117, None, False),
                ("v20220729", 20220729, None, False),
            ],
        ),
        (
            ENGLISH_MARKDOWN,
            [
                ("Version 117 - 2024-03-01 - paid upgrade", 117, "2024-03-01", True),
                ("Version 113 - 2023-12-01", 113, "2023-12-01", False),
                ("Version 110 - 2023-06-15", 110, "2023-06-15", False),
            ],
        ),
        (
            PLAIN_GERMAN,
            [
                ("v126 (2025-08-12)", 126, "2025-08-12", True),
                ("Version 122 - 12.08.2024", 122, "2024-08-12", False),
                ("126", 126, None, False),
                ("v113", 113, None, False),
            ],
        ),
        (
            "## [126] - 2025-08-12\n### Added\n- paid: new licence\n## [125] - 2025-01-02\n- fixes\n",
            [("[126] - 2025-08-12", 126, "2025-08-12", True), ("[125] - 2025-01-02", 125, "2025-01-02", False)],
        ),
        (
            "v126\n====\nkostenpflichtig\n\nv125\n====\nFixes\n",
            [("v126", 126, None, True), ("v125", 125, None, False)],
        ),
        (
            "**v126 (12.08.2025)**\nNeu: Warteschleife\n**v125 (01.02.2025)**\nFix\n",
            [("v126 (12.08.2025)", 126, "2025-08-12", False), ("v125 (01.02.2025)", 125, "2025-02-01", False)],
        ),
        (
            "## 2025-08-12\n- Wartung\n## Version 2.4\n- Neu\n",
            [("2025-08-12", None, "2025-08-12", False), ("Version 2.4", None, None, False)],
        ),
    ],
)
def test_parse_realistic_changelogs(text: str, expected: list[tuple[str, int | None, str | None, bool]]) -> None:
    assert labels(parse_changelog(text)) == expected


def test_entry_body_keeps_subsections_and_drops_the_preamble() -> None:
    newest = parse_changelog(GERMAN_MARKDOWN)[0]
    assert newest.text.startswith("- Neu: Unterstützung für STARFACE 10")
    assert "### Fehlerbehebungen\n- 126 Benutzer gleichzeitig möglich" in newest.text
    assert "Legende" not in "".join(entry.text for entry in parse_changelog(GERMAN_MARKDOWN))
    assert newest.markers == ("€", "kostenpflichtig", "Upgrade kostenpflichtig")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Dies ist ein Modul für die STARFACE.\nEs unterstützt 126 Benutzer.\n- v2 API unterstützt",
        "# Installation\n## 2 Voraussetzungen\n## 1. Einleitung\nText",
        "Version 2 of the API is no longer supported.\n126 users were affected.",
        "```\n# v999\n```\n",
    ],
)
def test_text_without_releases_gives_no_entries(text: str) -> None:
    assert parse_changelog(text) == ()


def test_headings_in_code_blocks_do_not_start_entries() -> None:
    text = "## v2\n```sh\n# v999 not a release\n```\n## v1\n- first\n"
    assert [entry.module_version for entry in parse_changelog(text)] == [2, 1]


def test_deeper_version_headings_stay_in_the_body() -> None:
    text = "## v126\n### Version 3 der REST-API\n- neu\n## v125\n- fix\n"
    entries = parse_changelog(text)
    assert [entry.module_version for entry in entries] == [126, 125]
    assert "### Version 3 der REST-API" in entries[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Upgrade kostenpflichtig", ("kostenpflichtig", "Upgrade kostenpflichtig")),
        ("Kostenpflichtiges Upgrade auf die neue Version", ("kostenpflichtig", "kostenpflichtiges Upgrade")),
        ("Preis: 49,00 €", ("€",)),
        ("Price: CHF 59", ("CHF",)),
        ("paid upgrade", ("paid", "paid upgrade")),
        ("This release is chargeable.", ("chargeable",)),
        ("nicht kostenpflichtig", ()),
        ("Kein kostenpflichtiges Upgrade", ()),
        ("Das Update ist kostenfrei", ()),
        ("kostenlos für alle Kunden", ()),
        ("free of charge", ()),
        ("This is not a paid upgrade.", ()),
        ("Fixed: unpaid invoices; prepaid cards supported", ()),
        ("Preis: 0 €", ()),
        ("€ 0,00", ()),
        ("€ 0,50 pro Monat", ("€",)),
        ("Version 2.0 kostenpflichtig", ("kostenpflichtig",)),
        ("Nicht mehr unterstützt. Upgrade kostenpflichtig.", ("kostenpflichtig", "Upgrade kostenpflichtig")),
        ("Für Abo-Kunden kostenlos, sonst kostenpflichtig", ("kostenpflichtig",)),
    ],
)
def test_paid_markers_and_negations(text: str, expected: tuple[str, ...]) -> None:
    assert is_paid_text(text) == expected


def test_marker_list_is_configurable() -> None:
    assert is_paid_text("Upgrade: $49") == ()
    assert is_paid_text("Upgrade: $49", ["$"]) == ("$",)
    assert is_paid_text("Lizenzpflichtiges Update", ["lizenzpflichtig", ""]) == ("lizenzpflichtig",)
    entries = parse_changelog("## v2\n- $49\n## v1\n- kostenpflichtig\n", markers=["$"])
    assert [entry.paid for entry in entries] == [True, False]
    assert "€" in DEFAULT_PAID_MARKERS


def _entry(version: int | None, paid: bool) -> ChangelogEntry:
    return ChangelogEntry(
        label=f"v{version}", module_version=version, date=None, text="", paid=paid, markers=("€",) if paid else ()
    )


HISTORY = (_entry(130, True), _entry(126, False), _entry(None, True), _entry(122, True), _entry(117, False))


@pytest.mark.parametrize(
    ("installed", "target", "crossed", "paid"),
    [
        (117, 126, [126, 122], 122),
        (122, 126, [126], None),
        (117, 130, [130, 126, 122], 122),
        (126, 130, [130], 130),
        (126, 117, [], None),
        (126, 126, [], None),
        (100, 117, [117], None),
    ],
)
def test_entries_and_paid_release_crossed(installed: int, target: int, crossed: list[int], paid: int | None) -> None:
    assert [entry.module_version for entry in entries_between(HISTORY, installed, target)] == crossed
    found = paid_between(HISTORY, installed, target)
    assert (found.module_version if found else None) == paid


def test_paid_between_on_a_parsed_changelog() -> None:
    entries = parse_changelog(GERMAN_MARKDOWN)
    crossed = paid_between(entries, 122, 126)
    assert crossed is not None and crossed.label == "v126 (12.08.2025)"
    assert paid_between(entries, 117, 122) is None


changelog_alphabet = st.sampled_from(
    ["#", "## ", "v", "V", "Version ", "1", "2", "0", ".", "-", ":", "(", ")", "[", "]", "*", "€", " ", "\n",
     "```", "kostenpflichtig", "nicht ", "paid", "12.08.2025", "2025-13-45", "x", "ü", "\t", "\r\n", "\ufeff"]
)  # fmt: skip


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=300), st.lists(changelog_alphabet, max_size=60).map("".join)))
def test_parse_changelog_never_raises(text: str) -> None:
    entries = parse_changelog(text)
    for entry in entries:
        assert entry.paid == bool(entry.markers)
        assert entry.label in text.replace("**", "").replace("__", "").replace("`", "")
        assert entry.date is None or len(entry.date) == 10
