"""STARFACE versions, version ranges and compatibility statements that cannot be read
(:mod:`modmanager.core.versions`); ``text`` is what was written, cut to a readable length."""

from __future__ import annotations

from modmanager.core.messages import define

_WRITE_VERSION = ("Write it like 9.0.1.3.", "Schreiben Sie sie etwa so: 9.0.1.3.")
_WRITE_RANGE = (
    "Write it like 8.X, 7.3-7.X, 7.0-7.1.1.6, >=9.0 or 9.0.1.3.",
    "Schreiben Sie ihn etwa so: 8.X, 7.3-7.X, 7.0-7.1.1.6, >=9.0 oder 9.0.1.3.",
)

define(
    "version_bad_parts",
    en=("{parts} is not a STARFACE version: it needs four whole numbers from 0 to 999999.", _WRITE_VERSION[0]),
    de=("{parts} ist keine STARFACE-Version, denn dazu gehören vier ganze Zahlen von 0 bis 999999.", _WRITE_VERSION[1]),
)
define(
    "version_bad_prerelease",
    en=(
        "'{label}' is not a known pre-release label.",
        "Use alpha, beta or rc, optionally with a number such as beta2.",
    ),
    de=(
        "„{label}“ ist keine bekannte Bezeichnung einer Vorabversion.",
        "Verwenden Sie alpha, beta oder rc, wahlweise mit einer Nummer wie beta2.",
    ),
)
define(
    "version_invalid",
    en=("'{text}' is not a STARFACE version.", "Write it like 9.0.1.3 (pre-releases like 9.0.0.0-beta2)."),
    de=(
        "„{text}“ ist keine STARFACE-Version.",
        "Schreiben Sie sie etwa so: 9.0.1.3 (Vorabversionen wie 9.0.0.0-beta2).",
    ),
)
define(
    "range_prerelease",
    en=(
        "'{text}' names a pre-release; compatibility ranges cover releases only.",
        "Leave alpha, beta and rc builds out of compatibility statements.",
    ),
    de=(
        "„{text}“ nennt eine Vorabversion; Kompatibilitätsbereiche umfassen nur freigegebene Versionen.",
        "Lassen Sie alpha-, beta- und rc-Builds in Kompatibilitätsangaben weg.",
    ),
)
define(
    "range_invalid",
    en=("'{text}' is not a STARFACE version range.", _WRITE_RANGE[0]),
    de=("„{text}“ ist kein STARFACE-Versionsbereich.", _WRITE_RANGE[1]),
)
define(
    "range_empty",
    en=("An empty text is not a STARFACE version range.", "Write it like 8.X."),
    de=("Ein leerer Text ist kein STARFACE-Versionsbereich.", "Schreiben Sie ihn etwa so: 8.X."),
)
define(
    "range_too_many_parts",
    en=("'{text}' has more than four version parts.", "Write it like 9.0.1.3 or 9.0.X."),
    de=("„{text}“ hat mehr als vier Versionsteile.", "Schreiben Sie ihn etwa so: 9.0.1.3 oder 9.0.X."),
)
define(
    "range_operator_and_plus",
    en=("'{text}' mixes an operator with a trailing '+'.", "Write >=9.0 or 9.0+, not both."),
    de=(
        "„{text}“ verbindet einen Operator mit einem nachgestellten „+“.",
        "Schreiben Sie >=9.0 oder 9.0+, nicht beides.",
    ),
)
define(
    "range_covers_nothing",
    en=(
        "'{text}' contains no STARFACE release (its lower end is above its upper end).",
        "Put the older version first, e.g. 7.0-7.1.1.6.",
    ),
    de=(
        "„{text}“ umfasst keine STARFACE-Version (das untere Ende liegt über dem oberen).",
        "Nennen Sie die ältere Version zuerst, z. B. 7.0-7.1.1.6.",
    ),
)
define(
    "compatibility_not_object",
    en=("The compatibility data is not an object.", 'Expected {{"compatible": [...], "incompatible": [...]}}.'),
    de=("Die Kompatibilitätsangabe ist kein Objekt.", 'Erwartet wird {{"compatible": [...], "incompatible": [...]}}.'),
)
define(
    "compatibility_unknown_keys",
    en=("The compatibility data has unknown keys: {keys}.", 'Only "compatible" and "incompatible" are allowed.'),
    de=(
        "Die Kompatibilitätsangabe enthält unbekannte Schlüssel: {keys}.",
        'Erlaubt sind nur "compatible" und "incompatible".',
    ),
)
define(
    "compatibility_not_list",
    en=('The compatibility entry "{key}" is not a list of texts.', 'Write it like "compatible": ["8.X", "9.0-9.1.5"].'),
    de=(
        'Der Kompatibilitätseintrag "{key}" ist keine Liste von Texten.',
        'Schreiben Sie ihn etwa so: "compatible": ["8.X", "9.0-9.1.5"].',
    ),
)
