"""Errors and outcome sentences in the interface language.

The lower layers speak English (the CLI prints their text as it is) and give every error a
user can meet a stable ``code`` with plain-string ``params`` (see :mod:`modmanager.core.errors`).
Here each code gets its sentence through ``QCoreApplication.translate("Errors", ...)``, so the
German interface never shows an English sentence. An error without a known code - or one whose
params do not fit - is shown with its English text: a readable sentence beats none.

Embedded errors are translated recursively: ``{cause}`` is the translated message of
``error.cause`` and ``{parts}`` the translated messages of ``error.parts`` (each without its
full stop, as they stand inside another sentence).

The sentences live by area - ``pbx.py`` (the PBX and its agent), ``updates.py`` (updates,
converging, recovery), ``backups.py`` (backups, passwords and secrets) - each registering its
codes in ``_registry.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from modmanager.core.errors import ModManagerError, Outcome, error_from_json
from modmanager.gui.errors import backups, pbx, updates
from modmanager.gui.errors._registry import BUILDERS as _BUILDERS
from modmanager.gui.errors._registry import translate

log = logging.getLogger(__name__)

AREAS = (pbx, updates, backups)
"""The modules that register translations (imported for that)."""


def describe(error: ModManagerError) -> tuple[str, str]:
    """The error's (message, hint) in the interface language; its English text for unknown codes."""
    build = _BUILDERS.get(error.code)
    if build is None:
        return error.message, error.hint
    params = _params(error)
    try:
        message, hint = build(params)
        return message.format_map(params), hint.format_map(params)
    except (KeyError, IndexError, ValueError):
        log.warning("Error %r lacks params for its translation (has %s)", error.code, sorted(error.params))
        return error.message, error.hint


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
    params = dict(error.params)
    if error.cause is not None:
        cause_message, cause_hint = describe(error.cause)
        params["cause"] = cause_message.rstrip(".")
        params["cause_hint"] = cause_hint
    if error.parts:
        params["parts"] = "; ".join(describe(part)[0].rstrip(".") for part in error.parts)
    if "detail" in params and not params["detail"]:
        params["detail"] = translate("Errors", "no details")
    return params
