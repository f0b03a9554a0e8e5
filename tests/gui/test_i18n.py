"""Translations: every GUI text is in the German .ts, translated, and compiled into the .qm.

These tests read all of ``modmanager/gui``, so a text added anywhere in the GUI later fails
here until ``scripts/translations.sh update`` ran, the German entry was written and
``scripts/translations.sh release`` compiled it.
"""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from modmanager.gui import i18n
from modmanager.gui.resources import translations_dir

REPO = Path(__file__).resolve().parents[2]
GUI_SOURCES = REPO / "modmanager" / "gui"
WORKFLOW = (
    "Run 'scripts/translations.sh update', translate the new entries in "
    "resources/translations/modmanager_de.ts, then run 'scripts/translations.sh release' and commit both."
)

Message = tuple[str, str]
"""(context, source text)"""


def qt_tool(name: str) -> str:
    tool = Path(sys.executable).parent / f"pyside6-{name}"
    if not tool.exists():
        pytest.skip(f"pyside6-{name} is not installed next to the test interpreter")
    return str(tool)


def read_ts(path: Path) -> dict[Message, tuple[str, str]]:
    """(context, source) -> (translation text, translation type) of a .ts file."""
    messages: dict[Message, tuple[str, str]] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            messages[(name, message.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type", ""),
            )
    return messages


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Message]:
    """The texts lupdate finds in all of modmanager/gui right now."""
    target = tmp_path_factory.mktemp("lupdate") / "extracted_de.ts"
    sources = sorted(str(path) for path in GUI_SOURCES.rglob("*.py"))
    subprocess.run(
        [qt_tool("lupdate"), "-no-obsolete", "-target-language", "de", *sources, "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    return set(read_ts(target))


def test_every_gui_text_is_in_the_german_translation(extracted: set[Message]) -> None:
    committed = set(read_ts(translations_dir() / "modmanager_de.ts"))
    missing = sorted(extracted - committed)
    stale = sorted(committed - extracted)
    assert not missing, f"Texts not in modmanager_de.ts: {missing[:10]}. {WORKFLOW}"
    assert not stale, f"modmanager_de.ts holds texts the code no longer has: {stale[:10]}. {WORKFLOW}"


def test_the_english_file_lists_the_same_texts(extracted: set[Message]) -> None:
    assert set(read_ts(translations_dir() / "modmanager_en.ts")) == extracted, WORKFLOW


def test_every_german_translation_is_written_and_finished() -> None:
    problems = [
        f"{context}: {source!r}"
        for (context, source), (text, kind) in read_ts(translations_dir() / "modmanager_de.ts").items()
        if not text.strip() or kind in ("unfinished", "vanished", "obsolete")
    ]
    assert not problems, f"Untranslated German entries: {problems[:10]}. {WORKFLOW}"


def test_german_translations_keep_their_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    wrong = [
        source
        for (_context, source), (text, _kind) in read_ts(translations_dir() / "modmanager_de.ts").items()
        if fields(source) != fields(text)
    ]
    assert not wrong, f"German texts whose {{placeholders}} differ from the source: {wrong}"


@pytest.mark.parametrize("language", ["de", "en"])
def test_committed_qm_files_are_compiled_from_the_ts_files(language: str, tmp_path: Path) -> None:
    rebuilt = tmp_path / f"modmanager_{language}.qm"
    subprocess.run(
        [qt_tool("lrelease"), "-removeidentical", "-nounfinished",
         str(translations_dir() / f"modmanager_{language}.ts"), "-qm", str(rebuilt)],
        check=True,
        capture_output=True,
    )
    committed = translations_dir() / f"modmanager_{language}.qm"
    assert committed.is_file(), WORKFLOW
    assert committed.read_bytes() == rebuilt.read_bytes(), f"modmanager_{language}.qm is out of date. {WORKFLOW}"


def test_installing_german_translates_texts_and_sets_the_locale(qapp: QApplication) -> None:
    try:
        assert i18n.install_translator(qapp, "de", system=QLocale("en_US")) == "de"
        assert QCoreApplication.translate("PbxDialog", "Add PBX") == "Telefonanlage hinzufügen"
        assert QLocale().language() == QLocale.Language.German
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own texts too
    finally:
        i18n.install_translator(qapp, "en")
    assert QCoreApplication.translate("PbxDialog", "Add PBX") == "Add PBX"
    assert QLocale().language() == QLocale.Language.English


def test_a_german_system_locale_keeps_its_regional_formats(qapp: QApplication) -> None:
    try:
        assert i18n.install_translator(qapp, None, system=QLocale("de_CH")) == "de"
        assert QLocale().territory() == QLocale.Country.Switzerland
    finally:
        i18n.install_translator(qapp, "en")


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        (None, "de_DE", "de"),
        ("", "de_AT", "de"),
        (None, "fr_FR", "en"),
        (None, "en_US", "en"),
        ("en", "de_DE", "en"),
        ("de", "en_US", "de"),
    ],
)
def test_resolve_language(setting: str | None, system: str, expected: str) -> None:
    assert i18n.resolve_language(setting, QLocale(system)) == expected
