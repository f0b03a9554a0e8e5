"""The language the CLI says errors and outcomes in: ``--lang de|en``, else the locale.

The sentences come from :mod:`modmanager.core.messages` (the GUI renders the same ones). The
CLI's own words - tables, headings, confirmations - stay English, and so do logs and ``--json``
output (their ``error`` / ``message`` fields keep the English text scripts match on).
"""

from __future__ import annotations

from modmanager.core.errors import ModManagerError, Outcome
from modmanager.core.messages import Language, language_from, render_error, render_text

_language: Language = "en"


def choose(choice: str | None) -> Language:
    """Use ``choice`` ("de"/"en") or, when None, the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE)."""
    global _language
    _language = language_from(choice)
    return _language


def language() -> Language:
    return _language


def error_text(error: ModManagerError) -> str:
    """The error's message and hint as one line, in the CLI's language."""
    return render_text(error, _language)


def error_message(error: ModManagerError) -> str:
    """The error's message alone (for a table cell or a list line), in the CLI's language."""
    return render_error(error, _language)[0]


def outcome_text(outcome: Outcome | str) -> str:
    """An outcome's sentence in the CLI's language (a plain string is shown as it is)."""
    if isinstance(outcome, str):
        return outcome
    return error_message(ModManagerError(outcome.message, code=outcome.code, params=outcome.params))
