"""Module files: an ``.sfm`` file that cannot be read or trusted, comparing two of them, and the
JSON file of instance values ``sfm diff --values`` reads.

The errors of :mod:`modmanager.core.sfm` carry ``file`` (the file's name, "" when it has none);
the sentences name it as "the module file NAME" (``{label}``, ``{Label}`` at the start of a
sentence, and in German ``{label_of}`` for "der Moduldatei NAME").
"""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define
from modmanager.core.messages.jsonwords import json_problem

_NOT_NORMAL = (
    "This is not a normal module; do not install it.",
    "Das ist kein gewöhnliches Modul; installieren Sie es nicht.",
)
_ATTACK = (
    "Do not install this file; it may be an attack.",
    "Installieren Sie diese Datei nicht; sie könnte ein Angriff sein.",
)
_VENDOR_BUILD = (
    "Ask the vendor for a correct build of the module.",
    "Bitten Sie den Hersteller um einen korrekten Build des Moduls.",
)
_NOT_INSTALL_BUILD = (
    "Do not install this file; ask the vendor for a correct build.",
    "Installieren Sie diese Datei nicht; bitten Sie den Hersteller um einen korrekten Build.",
)
_PUBLISHED = (
    "Choose the .sfm file the vendor published.",
    "Wählen Sie die .sfm-Datei, die der Hersteller veröffentlicht hat.",
)
_DOWNLOAD = ("Download the module file again.", "Laden Sie die Moduldatei erneut herunter.")
_DOWNLOAD_OR_BUILD = (
    "Download the module file again or ask the vendor for a correct build.",
    "Laden Sie die Moduldatei erneut herunter oder bitten Sie den Hersteller um einen korrekten Build.",
)

# code: ((English message, English hint), (German message, German hint))
_MODULE_FILE: dict[str, tuple[Texts, Texts]] = {
    "sfm_truncated": (
        ("{Label} is a truncated or damaged ZIP archive.", _DOWNLOAD[0]),
        ("{Label} ist ein abgeschnittenes oder beschädigtes ZIP-Archiv.", _DOWNLOAD[1]),
    ),
    "sfm_not_zip": (
        ("{Label} is not a ZIP archive, so it is not an .sfm module file.", _PUBLISHED[0]),
        ("{Label} ist kein ZIP-Archiv und damit keine .sfm-Moduldatei.", _PUBLISHED[1]),
    ),
    "sfm_no_descriptor": (
        ("{Label} has no {entry}, so it is not a STARFACE module.", _PUBLISHED[0]),
        ("{Label} enthält keine Datei {entry} und ist damit kein STARFACE-Modul.", _PUBLISHED[1]),
    ),
    "sfm_no_manifest": (
        (
            "{Label} has no {entry}, so it is not a complete module file.",
            "Download the module file again or ask the vendor for a proper build.",
        ),
        ("{Label} enthält keine Datei {entry} und ist damit keine vollständige Moduldatei.", _DOWNLOAD_OR_BUILD[1]),
    ),
    "sfm_id_mismatch": (
        (
            "In {label} the manifest and descriptor disagree on the module id.",
            "The file was tampered with or built wrongly; ask the vendor for a correct build.",
        ),
        (
            "In {label_of} nennen Manifest und Moduldeskriptor verschiedene Modul-IDs.",
            "Die Datei wurde verändert oder falsch gebaut; bitten Sie den Hersteller um einen korrekten Build.",
        ),
    ),
    "sfm_manifest_invalid": (
        ("The manifest of {label} is not a valid JAR manifest.", _VENDOR_BUILD[0]),
        ("Das Manifest {label_of} ist kein gültiges JAR-Manifest.", _VENDOR_BUILD[1]),
    ),
    "sfm_descriptor_too_large": (
        ("The module descriptor of {label} is larger than {limit_mb} MB.", _NOT_NORMAL[0]),
        ("Der Moduldeskriptor {label_of} ist größer als {limit_mb} MB.", _NOT_NORMAL[1]),
    ),
    "sfm_descriptor_dtd": (
        (
            "The module descriptor of {label} uses a DTD or entity declarations, which are refused for safety.",
            "Do not install this file; ask the vendor for a standard build.",
        ),
        (
            "Der Moduldeskriptor {label_of} verwendet eine DTD oder Entity-Deklarationen; "
            "diese werden aus Sicherheitsgründen abgelehnt.",
            "Installieren Sie diese Datei nicht; bitten Sie den Hersteller um einen Standard-Build.",
        ),
    ),
    "sfm_descriptor_not_xml": (
        ("The module descriptor of {label} is not well-formed XML.", _DOWNLOAD_OR_BUILD[0]),
        ("Der Moduldeskriptor {label_of} ist kein wohlgeformtes XML.", _DOWNLOAD_OR_BUILD[1]),
    ),
    "sfm_descriptor_no_module": (
        ("The module descriptor of {label} does not start with a <module> element.", _PUBLISHED[0]),
        ("Der Moduldeskriptor {label_of} beginnt nicht mit einem <module>-Element.", _PUBLISHED[1]),
    ),
    "sfm_descriptor_no_id": (
        ("The module descriptor of {label} has no module id.", _VENDOR_BUILD[0]),
        ("Der Moduldeskriptor {label_of} enthält keine Modul-ID.", _VENDOR_BUILD[1]),
    ),
    "sfm_descriptor_no_name": (
        ("The module descriptor of {label} has no module name.", _VENDOR_BUILD[0]),
        ("Der Moduldeskriptor {label_of} enthält keinen Modulnamen.", _VENDOR_BUILD[1]),
    ),
    "sfm_descriptor_bad_version": (
        ("The module descriptor of {label} has version '{version}', which is not a whole number.", _VENDOR_BUILD[0]),
        ("Der Moduldeskriptor {label_of} nennt die Version „{version}“, die keine ganze Zahl ist.", _VENDOR_BUILD[1]),
    ),
    "sfm_too_many_entries": (
        ("{Label} has {count} entries, more than the {limit} a module file may have.", _NOT_NORMAL[0]),
        ("{Label} hat {count} Einträge, mehr als die {limit}, die eine Moduldatei haben darf.", _NOT_NORMAL[1]),
    ),
    "sfm_directory_too_large": (
        ("{Label} has a table of contents of {size_kb} KB, far more than a module file needs.", _NOT_NORMAL[0]),
        (
            "{Label} hat ein Inhaltsverzeichnis von {size_kb} KB, weit mehr, als eine Moduldatei braucht.",
            _NOT_NORMAL[1],
        ),
    ),
    "sfm_entry_outside": (
        ("{Label} contains the entry '{entry}', whose path points outside the module.", _ATTACK[0]),
        ("{Label} enthält den Eintrag „{entry}“, dessen Pfad aus dem Modul hinausführt.", _ATTACK[1]),
    ),
    "sfm_entry_twice": (
        ("{Label} contains the entry '{entry}' twice.", _NOT_INSTALL_BUILD[0]),
        ("{Label} enthält den Eintrag „{entry}“ zweimal.", _NOT_INSTALL_BUILD[1]),
    ),
    "sfm_entry_encrypted": (
        (
            "{Label} contains the encrypted entry '{entry}'.",
            "Module files are never encrypted; ask the vendor for a correct build.",
        ),
        (
            "{Label} enthält den verschlüsselten Eintrag „{entry}“.",
            "Moduldateien sind nie verschlüsselt; bitten Sie den Hersteller um einen korrekten Build.",
        ),
    ),
    "sfm_entry_bomb": (
        ("{Label} contains the entry '{entry}' that unpacks to an absurd size (a ZIP bomb).", _ATTACK[0]),
        ("{Label} enthält den Eintrag „{entry}“, der entpackt absurd groß wird (eine ZIP-Bombe).", _ATTACK[1]),
    ),
    "sfm_unpacks_too_large": (
        ("{Label} unpacks to more than {limit_mb} MB (a ZIP bomb).", _ATTACK[0]),
        ("{Label} wird entpackt größer als {limit_mb} MB (eine ZIP-Bombe).", _ATTACK[1]),
    ),
    "sfm_entries_overlap": (
        ("{Label} contains entries that overlap each other (a ZIP bomb).", _ATTACK[0]),
        ("{Label} enthält Einträge, die einander überlappen (eine ZIP-Bombe).", _ATTACK[1]),
    ),
    "sfm_entry_damaged": (
        ("{Label} is damaged: the entry '{entry}' cannot be unpacked.", _DOWNLOAD[0]),
        ("{Label} ist beschädigt: Der Eintrag „{entry}“ lässt sich nicht entpacken.", _DOWNLOAD[1]),
    ),
    "sfm_entry_too_large": (
        ("In {label} the entry {entry} is larger than {limit_kb} KB.", _NOT_NORMAL[0]),
        ("In {label_of} ist der Eintrag {entry} größer als {limit_kb} KB.", _NOT_NORMAL[1]),
    ),
    "sfm_too_large": (
        ("{Label} is {size_mb} MB, larger than the {limit_mb} MB a module file may be.", _NOT_NORMAL[0]),
        ("{Label} ist {size_mb} MB groß, mehr als die {limit_mb} MB, die eine Moduldatei haben darf.", _NOT_NORMAL[1]),
    ),
}


def _label(p: Params, t: Pick) -> None:
    """Name the file in ``p``: ``label``, ``Label`` (sentence start) and ``label_of`` (German dative)."""
    name = p.get("file", "")
    english = f"the module file {name}" if name else "the module file"
    german = f"die Moduldatei {name}" if name else "die Moduldatei"
    p["label"] = t(english, german)
    p["Label"] = t("T" + english[1:], "D" + german[1:])
    p["label_of"] = t(english, "der" + german[3:])


def _module_file(code: str, en: Texts, de: Texts) -> None:
    @builder(code)
    def build(p: Params, t: Pick) -> Texts:
        _label(p, t)
        return t(en[0], de[0]), t(en[1], de[1])


for _code, (_en, _de) in _MODULE_FILE.items():
    _module_file(_code, _en, _de)


# -- sfm diff ----------------------------------------------------------------------------------

define(
    "sfm_different_modules",
    en=(
        "{old} ({old_name}) and {new} ({new_name}) are different modules, so their settings cannot be carried over.",
        "Compare two versions of the same module.",
    ),
    de=(
        "{old} ({old_name}) und {new} ({new_name}) sind verschiedene Module; ihre Einstellungen lassen sich "
        "nicht übertragen.",
        "Vergleichen Sie zwei Versionen desselben Moduls.",
    ),
)
define(
    "values_file_unreadable",
    en=("The values file {path} cannot be read ({detail}).", "Check the path given to --values."),
    de=("Die Wertedatei {path} kann nicht gelesen werden ({detail}).", "Prüfen Sie den bei --values angegebenen Pfad."),
)


@builder("values_file_invalid")
def _values_file_invalid(p: Params, t: Pick) -> Texts:
    return (
        t("The values file {path} cannot be used: it ", "Die Wertedatei {path} ist nicht verwendbar, denn sie ")
        + json_problem(p, t)
        + ".",
        t(
            'Write it as a JSON object such as {{"targetNumber": "+49 30 1234567"}}.',
            'Schreiben Sie sie als JSON-Objekt, etwa {{"targetNumber": "+49 30 1234567"}}.',
        ),
    )


define(
    "values_file_bad_value",
    en=(
        "In the values file {path} the value of '{key}' is neither text, number, true/false nor a list of texts.",
        "Fix that value or leave it out.",
    ),
    de=(
        "In der Wertedatei {path} ist der Wert von „{key}“ weder Text, Zahl, true/false noch eine Liste von Texten.",
        "Korrigieren Sie diesen Wert oder lassen Sie ihn weg.",
    ),
)
