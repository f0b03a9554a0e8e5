"""Interface language: German or English, with dates and numbers to match.

Every text a user sees goes through ``self.tr()`` or ``QCoreApplication.translate(context,
text)`` with an English source string. ``scripts/translations.sh`` extracts them into
``resources/translations/modmanager_{de,en}.ts`` and compiles the shipped ``.qm`` files;
``tests/gui/test_i18n.py`` fails when a string is new, untranslated or not compiled.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from modmanager.core.messages import Language
from modmanager.gui.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")
"""The interface languages modmanager ships."""

_FALLBACK_LOCALES = {"de": "de_DE", "en": "en_GB"}
"""Locale for dates and numbers when the chosen language differs from the system's.

British English, because the partners choosing English mostly work in Europe: day before
month, 24-hour clock.
"""

_installed: list[QTranslator] = []
"""The translators in use; kept referenced so they are not garbage collected."""

_language: Language = "en"
"""The interface language :func:`install_translator` chose last."""


def current_language() -> Language:
    """The interface language in use, ``"de"`` or ``"en"`` (errors and outcomes are rendered in it)."""
    return _language


def resolve_language(lang: str | None, system: QLocale | None = None) -> str:
    """``"de"`` or ``"en"`` for a setting; ``None`` or ``""`` follow the system locale.

    The system locale means German for any German locale (de_DE, de_AT, de_CH, ...) and
    English for everything else.
    """
    if lang in LANGUAGES:
        return lang
    if lang:
        log.warning("Unknown interface language %r; following the system locale", lang)
    system = system or QLocale.system()
    return "de" if system.language() == QLocale.Language.German else "en"


def install_translator(app: QApplication, lang: str | None, *, system: QLocale | None = None) -> str:
    """Load modmanager's and Qt's translations for ``lang`` and set the default locale.

    Replaces translators installed by an earlier call, so it can be called again (tests).
    Call it before any window is built: widgets take their texts when they are created.

    Args:
        app: the application.
        lang: ``"de"``, ``"en"``, or ``None`` / ``""`` for the system language.
        system: the system locale (tests pass one in; default ``QLocale.system()``).

    Returns:
        The language in use, ``"de"`` or ``"en"``.
    """
    system = system or QLocale.system()
    chosen = resolve_language(lang, system)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    own = QTranslator(app)
    if own.load(f"modmanager_{chosen}", str(translations_dir())):
        app.installTranslator(own)
        _installed.append(own)
    elif chosen != "en":  # English is the source language: nothing to load is fine
        log.warning("The %s translation of modmanager is missing in %s", chosen, translations_dir())

    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)

    locale = system if system.language() == _language_of(chosen) else QLocale(_FALLBACK_LOCALES[chosen])
    QLocale.setDefault(locale)
    global _language
    _language = "de" if chosen == "de" else "en"
    return chosen


def _language_of(lang: str) -> QLocale.Language:
    return QLocale.Language.German if lang == "de" else QLocale.Language.English
