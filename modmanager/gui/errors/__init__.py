"""Errors and outcome sentences in the interface language.

The lower layers speak English (the CLI prints their text as it is) and give every error a
user can meet a stable ``code`` with plain-string ``params`` (see :mod:`modmanager.core.errors`).
Here each code gets its sentence through ``QCoreApplication.translate("Errors", ...)``, so the
German interface never shows an English sentence. An error without a known code - or one whose
params do not fit - is shown with its English text: a readable sentence beats none.

Embedded errors are translated recursively: ``{cause}`` is the translated message of
``error.cause`` and ``{parts}`` the translated messages of ``error.parts`` (each without its
full stop, as they stand inside another sentence).

Message and hint are one clean line each (:func:`~modmanager.core.text.clean_text`), and so is
every param: a message can quote what a PBX or a file said.

The sentences live by area - ``pbx.py`` (the PBX and its agent), ``updates.py`` (updates,
converging, recovery), ``backups.py`` (backups, passwords and secrets), ``files.py`` (damaged
local files, certificates), ``unattended.py`` (holds, health checks, schedules, reports,
e-mail) - each registering its codes in ``_registry.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from modmanager.core.errors import ModManagerError, Outcome, error_from_json
from modmanager.core.text import clean_text
from modmanager.gui.errors import backups, files, pbx, unattended, updates
from modmanager.gui.errors._registry import BUILDERS as _BUILDERS
from modmanager.gui.errors._registry import translate
from modmanager.gui.errors.files import why_text

__all__ = ["AREAS", "describe", "describe_outcome", "describe_stored", "describe_text", "known_codes", "why_text"]

log = logging.getLogger(__name__)

_MAX_SENTENCE = 2000
_MAX_PARAM = 500

AREAS = (pbx, updates, backups, files, unattended)
"""The modules that register translations (imported for that)."""


def describe(error: ModManagerError) -> tuple[str, str]:
    """The error's (message, hint) in the interface language; its English text for unknown codes.

    Both are one clean line each (:func:`~modmanager.core.text.clean_text`): a message can quote
    what a PBX or a file said, and that must not break lines or reorder text where it is shown.
    """
    build = _BUILDERS.get(error.code)
    if build is None:
        return _one_line(error.message), _one_line(error.hint)
    params = _params(error)
    try:
        message, hint = build(params)
        return _one_line(message.format_map(params)), _one_line(hint.format_map(params))
    except (KeyError, IndexError, ValueError):
        log.warning("Error %r lacks params for its translation (has %s)", error.code, sorted(error.params))
        return _one_line(error.message), _one_line(error.hint)


def _one_line(text: str) -> str:
    return clean_text(text, _MAX_SENTENCE)


def describe_text(error: ModManagerError) -> str:
    """Message and hint as one text, for logs, lists and labels."""
    return " ".join(part for part in describe(error) if part)


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
    """Every code this module translates (tests check that each has German)."""
    return frozenset(_BUILDERS)


def _params(error: ModManagerError) -> dict[str, str]:
    params = {key: clean_text(value, _MAX_PARAM) for key, value in error.params.items()}
    if error.cause is not None:
        cause_message, cause_hint = describe(error.cause)
        params["cause"] = cause_message.rstrip(".")
        params["cause_hint"] = cause_hint
    if error.parts:
        params["parts"] = "; ".join(describe(part)[0].rstrip(".") for part in error.parts)
    if "detail" in params and not params["detail"]:
        params["detail"] = translate("Errors", "no details")
    return params
