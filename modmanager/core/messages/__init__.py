"""Every sentence an error or an outcome can show, written once, in English and in German.

An error or outcome carries a stable ``code`` and plain-string ``params``
(:mod:`modmanager.core.errors`); its text lives here, once per language, and every front end
renders it in its own language: the CLI from ``--lang`` or the locale, the GUI from its interface
language. English text is also what logs and ``str(error)`` show.

The texts live by area in the modules of this package; each registers its codes when the
package is imported, either as two fixed pairs of templates::

    define(
        "file_too_large",
        en=("The file {path} is larger than expected.", "Check that it is the right file."),
        de=("Die Datei {path} ist größer als erwartet.", "Prüfen Sie, ob es die richtige Datei ist."),
    )

or, when the sentence depends on its params, as a builder that picks each text with ``t(en, de)``::

    @builder("agent_update_timeout")
    def _agent_update_timeout(p: Params, t: Pick) -> Texts:
        if p.get("cause"):
            return t("... ({cause}).", "... ({cause})."), t("Check ...", "Prüfen ...")
        return t("...", "..."), t("Check ...", "Prüfen ...")

Templates use ``str.format`` fields named after params. Embedded errors are rendered
recursively: ``{cause}`` is the rendered message of ``error.cause`` (without its full stop),
``{cause_hint}`` its hint, ``{parts}`` the messages of ``error.parts`` joined by "; ".
Message, hint and every param are one clean line each (:func:`~modmanager.core.text.clean_text`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal

from modmanager.core.text import clean_text

if TYPE_CHECKING:
    from modmanager.core.errors import ModManagerError

log = logging.getLogger(__name__)

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

Params = dict[str, str]
Texts = tuple[str, str]
"""The (message, hint) templates of one language."""
Pick = Callable[[str, str], str]
"""``t(english, german)``: the text of the language being rendered."""
Builder = Callable[[Params, Pick], Texts]

_BUILDERS: dict[str, Builder] = {}
_MAX_SENTENCE = 2000
_MAX_PARAM = 500


def define(code: str, *, en: Texts | str, de: Texts | str) -> None:
    """Register the fixed English and German (message, hint) of ``code`` (a str: no hint)."""
    en_texts = (en, "") if isinstance(en, str) else en
    de_texts = (de, "") if isinstance(de, str) else de
    if not de_texts[0] or bool(en_texts[1]) != bool(de_texts[1]):
        raise ValueError(f"message {code!r} needs German text for each English text")

    def build(_params: Params, t: Pick) -> Texts:
        return t(en_texts[0], de_texts[0]), t(en_texts[1], de_texts[1])

    _register(code, build)


def builder(*codes: str) -> Callable[[Builder], Builder]:
    """Register the decorated builder for ``codes``; it may add computed params to ``p``."""

    def register(build: Builder) -> Builder:
        for code in codes:
            _register(code, build)
        return build

    return register


def _register(code: str, build: Builder) -> None:
    if code in _BUILDERS:
        raise ValueError(f"message {code!r} is defined twice")
    _BUILDERS[code] = build


def words(table: Mapping[str, tuple[str, str]], key: str, t: Pick, default: tuple[str, str] = ("", "")) -> str:
    """The words for ``key`` in a table of (English, German) pairs, e.g. a damage reason."""
    english, german = table.get(key, default)
    return t(english, german)


def known_codes() -> frozenset[str]:
    """Every code that has text (tests check raises against it)."""
    _load()
    return frozenset(_BUILDERS)


def render(code: str, params: Mapping[str, str], language: Language = "en") -> Texts | None:
    """The (message, hint) of ``code`` in ``language``; None for an unknown code or missing params."""
    _load()
    build = _BUILDERS.get(code)
    if build is None:
        return None
    values = {key: clean_text(str(value), _MAX_PARAM) for key, value in params.items()}

    def pick(english: str, german: str) -> str:
        return german if language == "de" else english

    try:
        message, hint = build(values, pick)
        return _one_line(message.format_map(values)), _one_line(hint.format_map(values))
    except (KeyError, IndexError, ValueError):
        log.warning("Message %r lacks params for its text (has %s)", code, sorted(params))
        return None


def render_error(error: ModManagerError, language: Language = "en") -> Texts:
    """The error's (message, hint) in ``language``; its stored text when its code has none here."""
    params: Params = dict(error.params)
    if error.cause is not None:
        cause_message, cause_hint = render_error(error.cause, language)
        params["cause"] = cause_message.rstrip(".")
        params["cause_hint"] = cause_hint
    if error.parts:
        params["parts"] = "; ".join(render_error(part, language)[0].rstrip(".") for part in error.parts)
    if "detail" in params and not params["detail"]:
        params["detail"] = "keine Angaben" if language == "de" else "no details"
    texts = render(error.code, params, language) if error.code else None
    if texts is None:
        # An error being built has no message yet (ModManagerError.__init__ renders it here).
        return _one_line(getattr(error, "message", "") or error.code), _one_line(getattr(error, "hint", ""))
    return texts


def render_text(error: ModManagerError, language: Language = "en") -> str:
    """Message and hint as one line, for the CLI, logs, lists and labels."""
    return " ".join(part for part in render_error(error, language) if part)


def language_from(choice: str | None = None, environ: Mapping[str, str] | None = None) -> Language:
    """``choice`` when given ("de"/"en"), else the locale's language (LC_ALL, LC_MESSAGES, LANG,
    LANGUAGE as POSIX orders them); English for anything but German."""
    if choice == "de":
        return "de"
    if choice == "en":
        return "en"
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "de" if value.split(":")[0].lower().startswith("de") else "en"
    return "en"


def _one_line(text: str) -> str:
    return clean_text(text, _MAX_SENTENCE)


_loaded = False


def _load() -> None:
    """Import the area modules (they register their texts) on first use, so importing
    :mod:`modmanager.core.errors` stays cheap for commands that never show an error."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    from modmanager.core.messages import areas  # noqa: F401  (registers every area)
