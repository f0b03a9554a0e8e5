"""Errors and outcome sentences in the interface language.

The sentences live once, in English and German, in the Qt-free catalogue
:mod:`modmanager.core.messages` (the CLI renders the same texts); this module renders an error's
or outcome's ``code`` and ``params`` in the language :func:`modmanager.gui.i18n.install_translator`
chose. An error without a known code - or one whose params do not fit - is shown with its stored
English text: a readable sentence beats none. Message and hint are one clean line each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from modmanager.core import messages
from modmanager.core.errors import ModManagerError, Outcome, error_from_json
from modmanager.core.messages.files import why_text as _why_text
from modmanager.gui.i18n import current_language

__all__ = ["describe", "describe_outcome", "describe_stored", "describe_text", "known_codes", "why_text"]


def describe(error: ModManagerError) -> tuple[str, str]:
    """The error's (message, hint) in the interface language; its English text for unknown codes."""
    return messages.render_error(error, current_language())


def describe_text(error: ModManagerError) -> str:
    """Message and hint as one text, for logs, lists and labels."""
    return messages.render_text(error, current_language())


def describe_outcome(outcome: Outcome | str) -> str:
    """An outcome sentence in the interface language; the English sentence for unknown codes."""
    if isinstance(outcome, str):
        return outcome
    return describe(ModManagerError(outcome.message, code=outcome.code, params=outcome.params))[0]


def describe_stored(detail: Mapping[str, Any], fallback: str) -> str:
    """A stored status's error (JSON from ``core.errors.error_to_json``) as :func:`describe_text` does."""
    error = error_from_json(dict(detail)) if detail else None
    return fallback if error is None else describe_text(error)


def known_codes() -> frozenset[str]:
    """Every code the catalogue has text for."""
    return messages.known_codes()


def why_text(key: str) -> str:
    """Why a local file cannot be used (a damage key), in the interface language; "" for an unknown key."""
    return _why_text(key, current_language())
