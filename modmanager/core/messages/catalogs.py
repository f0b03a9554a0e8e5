"""Catalogs: reading and checking them (:mod:`modmanager.core.catalog`), building them
(:mod:`modmanager.catalog.builder`), fetching them and their module files
(:mod:`modmanager.catalog.source`), and the files the ``catalog`` and ``plan`` commands read.

Where one sentence holds several problems, the problem is a key param (``problem``, ``why``,
``kind``) whose words the tables here hold in both languages.
"""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words
from modmanager.core.messages.jsonwords import json_problem

# -- reading a catalog -------------------------------------------------------------------------

_REBUILD = (
    "Ask the catalog's publisher to rebuild it (modmanager catalog build); see docs/catalog-format.md.",
    "Bitten Sie den Herausgeber des Katalogs, ihn neu zu erstellen (modmanager catalog build); "
    "siehe docs/catalog-format.md.",
)
_CHECK_SOURCE = (
    "Check the source address; it may not point to a catalog.",
    "Prüfen Sie die Adresse der Quelle; sie zeigt vielleicht nicht auf einen Katalog.",
)

_FIELD_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_object": ("is not an object", "ist kein Objekt"),
    "missing": ("is missing", "fehlt"),
    "unknown_field": ("is not a known field", "ist kein bekanntes Feld"),
    "not_text": ("is not a text", "ist kein Text"),
    "empty": ("is empty", "ist leer"),
    "too_long": ("is longer than {limit} characters", "ist länger als {limit} Zeichen"),
    "not_flag": ("is not true or false", "ist weder true noch false"),
    "not_number": ("is not a whole number", "ist keine ganze Zahl"),
    "negative": ("is negative", "ist negativ"),
    "too_big": ("is larger than {limit}", "ist größer als {limit}"),
    "not_locale_texts": ("is not an object of locale -> text", "ist kein Objekt aus Sprache -> Text"),
    "not_locale": ("is not a locale such as de or en", "ist keine Sprache wie de oder en"),
    "no_text": ("has no text in any locale", "hat in keiner Sprache einen Text"),
    "not_datetime": ("is not an ISO date and time", "ist kein ISO-Datum mit Uhrzeit"),
    "not_list": ("is not a list", "ist keine Liste"),
    "repeated_id": ("repeats the module id of {other}", "wiederholt die Modul-ID von {other}"),
    "not_module_id": (
        "is not a module id (letters, digits, '.', '_', ':', '-')",
        "ist keine Modul-ID (Buchstaben, Ziffern, '.', '_', ':', '-')",
    ),
    "repeated_version": ("repeats version {version} of {other}", "wiederholt die Version {version} von {other}"),
    "not_date": ("is not an ISO date (YYYY-MM-DD)", "ist kein ISO-Datum (JJJJ-MM-TT)"),
    "bad_channel": ("is neither 'stable' nor 'pre-release'", "ist weder 'stable' noch 'pre-release'"),
    "bad_compatibility": ("is wrong: {cause}", "ist falsch: {cause}"),
    "no_file": ("has neither a standard nor an nfr file", "hat weder eine Standard- noch eine NFR-Datei"),
    "not_sha256": (
        "is not a SHA-256 (64 lowercase hex digits)",
        "ist kein SHA-256-Wert (64 kleingeschriebene Hexziffern)",
    ),
    # where a file may be (core.catalog's location rules)
    "location_length": ("is empty or longer than {limit} characters", "ist leer oder länger als {limit} Zeichen"),
    "location_control": ("contains control characters", "enthält Steuerzeichen"),
    "location_no_host": ("is a URL without a host", "ist eine URL ohne Host"),
    "location_http": (
        "is a plain http URL; only https is allowed (http only for 127.0.0.1 and localhost)",
        "ist eine einfache http-URL; erlaubt ist nur https (http nur für 127.0.0.1 und localhost)",
    ),
    "location_scheme": (
        "uses the scheme '{scheme}'; only https URLs and relative paths are allowed",
        "verwendet das Schema „{scheme}“; erlaubt sind nur https-URLs und relative Pfade",
    ),
    "location_backslash": (
        "contains a backslash; relative paths use forward slashes",
        "enthält einen Backslash; relative Pfade verwenden Schrägstriche",
    ),
    "location_absolute": (
        "is an absolute path; paths must be relative to the catalog",
        "ist ein absoluter Pfad; Pfade müssen relativ zum Katalog sein",
    ),
    "location_unclean": (
        "is not a clean relative path (empty, '.' or '..' segments)",
        "ist kein sauberer relativer Pfad (leere, '.'- oder '..'-Abschnitte)",
    ),
}


@builder("catalog_invalid")
def _catalog_invalid(p: Params, t: Pick) -> Texts:
    if not p.get("path"):
        p["path"] = t("its top level", "seine oberste Ebene")
    problem = words(_FIELD_PROBLEMS, p.get("problem", ""), t, ("is not valid", "ist ungültig"))
    return (
        t("The catalog {catalog} is invalid: {path} ", "Der Katalog {catalog} ist ungültig: {path} ") + problem + ".",
        t(*_REBUILD),
    )


define(
    "catalog_too_large",
    en=(
        "The catalog {catalog} is larger than {limit_mb} MB.",
        "This is not a normal catalog; check the source address.",
    ),
    de=(
        "Der Katalog {catalog} ist größer als {limit_mb} MB.",
        "Das ist kein gewöhnlicher Katalog; prüfen Sie die Adresse der Quelle.",
    ),
)


@builder("catalog_unreadable")
def _catalog_unreadable(p: Params, t: Pick) -> Texts:
    return t("The catalog {catalog} ", "Der Katalog {catalog} ") + json_problem(p, t) + ".", t(*_CHECK_SOURCE)


define(
    "catalog_format_version",
    en=(
        "The catalog {catalog} uses format version {version}; this modmanager reads version {supported}.",
        "Update modmanager, or ask the publisher for a catalog in format version {supported}.",
    ),
    de=(
        "Der Katalog {catalog} verwendet das Format in Version {version}; dieser modmanager liest Version {supported}.",
        "Aktualisieren Sie modmanager oder bitten Sie den Herausgeber um einen Katalog im Format Version {supported}.",
    ),
)

# -- signatures --------------------------------------------------------------------------------

define(
    "signing_key_invalid",
    en=(
        "The signing key is not an unencrypted Ed25519 private key in PEM (PKCS8) form.",
        "Use a key made by 'modmanager catalog keygen'.",
    ),
    de=(
        "Der Signaturschlüssel ist kein unverschlüsselter privater Ed25519-Schlüssel im PEM-Format (PKCS8).",
        "Verwenden Sie einen Schlüssel, den 'modmanager catalog keygen' erzeugt hat.",
    ),
)
define(
    "public_key_invalid",
    en=(
        "Trusted public key number {position} is not an Ed25519 public key (base64 of 32 bytes).",
        "Copy the one line from the publisher's .pub file.",
    ),
    de=(
        "Der vertrauenswürdige öffentliche Schlüssel Nummer {position} ist kein öffentlicher Ed25519-Schlüssel "
        "(Base64 aus 32 Byte).",
        "Kopieren Sie die eine Zeile aus der .pub-Datei des Herausgebers.",
    ),
)

_UNSIGNED_HINTS: dict[str, tuple[str, str]] = {
    "no_signature": (
        "It has no signature; ask its publisher to sign it (modmanager catalog build --sign).",
        "Er hat keine Signatur; bitten Sie seinen Herausgeber, ihn zu signieren (modmanager catalog build --sign).",
    ),
    "no_key": (
        "No public key is configured for this catalog source; add the publisher's .pub key.",
        "Für diese Katalogquelle ist kein öffentlicher Schlüssel eingerichtet; fügen Sie den .pub-Schlüssel "
        "des Herausgebers hinzu.",
    ),
    "damaged": (
        "Its signature file is damaged; fetch the catalog and its .sig file again.",
        "Seine Signaturdatei ist beschädigt; laden Sie den Katalog und seine .sig-Datei erneut.",
    ),
    "mismatch": (
        "The catalog was changed after signing or signed with another key; "
        "check the configured public key or fetch the catalog again.",
        "Der Katalog wurde nach dem Signieren verändert oder mit einem anderen Schlüssel signiert; "
        "prüfen Sie den eingerichteten öffentlichen Schlüssel oder laden Sie den Katalog erneut.",
    ),
}


@builder("catalog_not_signed")
def _catalog_not_signed(p: Params, t: Pick) -> Texts:
    return (
        t(
            "The catalog {catalog} is not signed by a trusted key.",
            "Der Katalog {catalog} ist nicht mit einem vertrauenswürdigen Schlüssel signiert.",
        ),
        words(_UNSIGNED_HINTS, p.get("why", ""), t, _UNSIGNED_HINTS["mismatch"]),
    )


# -- building a catalog ------------------------------------------------------------------------

define(
    "vendor_folder_missing",
    en=("The vendor folder {folder} does not exist.", "Give the folder holding the .sfm files."),
    de=("Den Herstellerordner {folder} gibt es nicht.", "Geben Sie den Ordner mit den .sfm-Dateien an."),
)


@builder("vendor_folder_empty")
def _vendor_folder_empty(p: Params, t: Pick) -> Texts:
    hint = t(
        "Check the folder; skipped files are listed as warnings.",
        "Prüfen Sie den Ordner; übersprungene Dateien werden als Warnungen aufgeführt.",
    )
    if p.get("skipped", "0") != "0":
        return (
            t(
                "No valid .sfm module file was found below {folder} ({skipped} file(s) skipped).",
                "Unter {folder} wurde keine gültige .sfm-Moduldatei gefunden ({skipped} Datei(en) übersprungen).",
            ),
            hint,
        )
    return t(
        "No valid .sfm module file was found below {folder}.",
        "Unter {folder} wurde keine gültige .sfm-Moduldatei gefunden.",
    ), hint


define(
    "base_url_invalid",
    en=(
        "The base URL '{url}' is not an https URL.",
        "Give the https address the files will be published under (http only for 127.0.0.1).",
    ),
    de=(
        "Die Basis-URL „{url}“ ist keine https-URL.",
        "Geben Sie die https-Adresse an, unter der die Dateien veröffentlicht werden (http nur für 127.0.0.1).",
    ),
)
define(
    "catalog_outside_vendor_folder",
    en=(
        "{path} cannot be given relative to the catalog file's folder {folder}, "
        "which is neither the vendor folder nor above it.",
        "Write the catalog inside or above the vendor folder, or give --base-url.",
    ),
    de=(
        "{path} lässt sich nicht relativ zum Ordner der Katalogdatei {folder} angeben, denn dieser ist weder "
        "der Herstellerordner noch liegt er darüber.",
        "Schreiben Sie den Katalog in den Herstellerordner oder darüber, oder geben Sie --base-url an.",
    ),
)

_FLAVOURS: dict[str, tuple[str, str]] = {"standard": ("standard", "Standard"), "nfr": ("NFR", "NFR")}


@builder("duplicate_build")
def _duplicate_build(p: Params, t: Pick) -> Texts:
    p["flavour_words"] = words(_FLAVOURS, p.get("flavour", ""), t, ("", ""))
    return (
        t(
            "{first} and {second} are different files that both claim to be the {flavour_words} build "
            "of module {module} version {version}.",
            "{first} und {second} sind verschiedene Dateien, die beide der {flavour_words}-Build "
            "des Moduls {module} in Version {version} sein wollen.",
        ),
        t(
            "Remove one of them or give them different versions.",
            "Entfernen Sie eine davon oder geben Sie ihnen verschiedene Versionen.",
        ),
    )


_METADATA_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_object": ("is not a JSON object", "ist kein JSON-Objekt"),
    "unknown_field": ("has the unknown field '{field}'", "enthält das unbekannte Feld „{field}“"),
    "not_flag": (
        'has "{field}" that is not true or false',
        'enthält ein Feld "{field}", das weder true noch false ist',
    ),
    "bad_channel": (
        'has "channel" that is neither "stable" nor "pre-release"',
        'enthält ein Feld "channel", das weder "stable" noch "pre-release" ist',
    ),
    "not_list": (
        'has "{field}" that is not a list of texts',
        'enthält ein Feld "{field}", das keine Liste von Texten ist',
    ),
    "bad_range": ('has a wrong "{field}" range: {cause}', 'enthält einen falschen Bereich in "{field}": {cause}'),
    "bad_description": (
        'has "description" that is not an object of locale -> text',
        'enthält ein Feld "description", das kein Objekt aus Sprache -> Text ist',
    ),
    "bad_date": ('has "date" that is not YYYY-MM-DD', 'enthält ein Feld "date", das nicht die Form JJJJ-MM-TT hat'),
    "not_text": ('has "{field}" that is not a text', 'enthält ein Feld "{field}", das kein Text ist'),
}


@builder("metadata_invalid")
def _metadata_invalid(p: Params, t: Pick) -> Texts:
    if p.get("json_problem"):
        problem = t("cannot be used: it ", "ist nicht verwendbar, denn sie ") + json_problem(p, t)
    else:
        problem = words(_METADATA_PROBLEMS, p.get("problem", ""), t, ("is not valid", "ist ungültig"))
    return (
        t("The metadata file {file} ", "Die Metadatendatei {file} ") + problem + ".",
        t(
            "Fix it; the allowed fields are listed in docs/catalog-format.md.",
            "Korrigieren Sie sie; die erlaubten Felder stehen in docs/catalog-format.md.",
        ),
    )


# -- fetching catalogs and module files --------------------------------------------------------

define(
    "catalog_fetch_failed",
    en=("The catalog {catalog} cannot be fetched ({cause}).", "Check the network connection and the catalog address."),
    de=(
        "Der Katalog {catalog} kann nicht abgerufen werden ({cause}).",
        "Prüfen Sie die Netzwerkverbindung und die Adresse des Katalogs.",
    ),
)
# Why a fetch failed, quoted as the cause of catalog_fetch_failed and module_download_failed.
define("fetch_http_status", en="HTTP {status} for {url}", de="HTTP {status} für {url}")
define("fetch_connection", en="{error} for {url}", de="{error} bei {url}")
define("fetch_no_catalog_file", en="there is no {file} in {folder}", de="in {folder} gibt es keine Datei {file}")

define(
    "tls_checks_off",
    en=(
        "TLS certificate checks are switched off for this connection.",
        "Catalogs and module files are only fetched with certificate checks.",
    ),
    de=(
        "Für diese Verbindung ist die Prüfung der TLS-Zertifikate abgeschaltet.",
        "Kataloge und Moduldateien werden nur mit Zertifikatsprüfung abgerufen.",
    ),
)
define(
    "catalog_address_not_https",
    en=("The catalog address of {catalog} '{url}' is not an https URL.", "Use an https address."),
    de=("Die Adresse „{url}“ des Katalogs {catalog} ist keine https-URL.", "Verwenden Sie eine https-Adresse."),
)
define(
    "module_address_not_https",
    en=("The module file address '{url}' is not an https URL.", "Use an https address."),
    de=("Die Adresse „{url}“ der Moduldatei ist keine https-URL.", "Verwenden Sie eine https-Adresse."),
)
define(
    "redirect_not_https",
    en=(
        "The server redirected {url} to an address that is not https.",
        "Ask the catalog's publisher to serve it over https only.",
    ),
    de=(
        "Der Server hat {url} auf eine Adresse umgeleitet, die nicht https ist.",
        "Bitten Sie den Herausgeber des Katalogs, ihn nur über https bereitzustellen.",
    ),
)
define(
    "catalog_tls_untrusted",
    en=(
        "The TLS certificate of {host} is not trusted.",
        "Check the address; catalogs are only fetched from servers with a valid certificate.",
    ),
    de=(
        "Dem TLS-Zertifikat von {host} wird nicht vertraut.",
        "Prüfen Sie die Adresse; Kataloge werden nur von Servern mit gültigem Zertifikat abgerufen.",
    ),
)
define(
    "download_too_large",
    en=("{url} is larger than the {limit} bytes allowed.", "Check the address."),
    de=("{url} ist größer als die erlaubten {limit} Byte.", "Prüfen Sie die Adresse."),
)
define(
    "catalog_file_size_impossible",
    en=(
        "The catalog lists {file} with {size} bytes, more than any module file may have.",
        "Ask the catalog's publisher to check the entry.",
    ),
    de=(
        "Der Katalog führt {file} mit {size} Byte, mehr als eine Moduldatei haben darf.",
        "Bitten Sie den Herausgeber des Katalogs, den Eintrag zu prüfen.",
    ),
)
define(
    "module_download_failed",
    en=("The module file {file} cannot be downloaded ({cause}).", "Check the network connection and try again."),
    de=(
        "Die Moduldatei {file} kann nicht heruntergeladen werden ({cause}).",
        "Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.",
    ),
)
define(
    "module_file_missing",
    en=(
        "The module file {file} is missing from the catalog folder.",
        "Ask the catalog's publisher to rebuild the catalog.",
    ),
    de=(
        "Die Moduldatei {file} fehlt im Katalogordner.",
        "Bitten Sie den Herausgeber des Katalogs, den Katalog neu zu erstellen.",
    ),
)

_MISMATCHES: dict[str, tuple[str, str]] = {
    "too_large": ("is larger than the catalog says", "ist größer, als der Katalog angibt"),
    "size": ("has {size} bytes instead of {expected}", "hat {size} Byte statt {expected}"),
    "sha256": ("does not have the SHA-256 the catalog lists", "hat nicht den SHA-256-Wert, den der Katalog nennt"),
}


@builder("module_file_mismatch")
def _module_file_mismatch(p: Params, t: Pick) -> Texts:
    problem = words(_MISMATCHES, p.get("why", ""), t, _MISMATCHES["sha256"])
    return (
        t("The module file {file} ", "Die Moduldatei {file} ")
        + problem
        + t(", so it was not used.", " und wurde daher nicht verwendet."),
        t(
            "It was changed or damaged on the way; try again later or tell the catalog's publisher.",
            "Sie wurde unterwegs verändert oder beschädigt; versuchen Sie es später erneut oder informieren Sie "
            "den Herausgeber des Katalogs.",
        ),
    )


define(
    "download_write_failed",
    en=("Writing {file} failed: the copy on disk differs.", "Check the disk and try again."),
    de=(
        "Das Schreiben von {file} ist fehlgeschlagen: Die Kopie auf dem Datenträger weicht ab.",
        "Prüfen Sie den Datenträger und versuchen Sie es erneut.",
    ),
)

# -- files the catalog and plan commands read and write ----------------------------------------

_INPUT_KINDS: dict[str, tuple[str, str]] = {
    "catalog": ("catalog file", "Katalogdatei"),
    "signature": ("signature file", "Signaturdatei"),
    "signing_key": ("signing key file", "Signaturschlüssel-Datei"),
    "public_key": ("public key file", "Public-Key-Datei"),
}


@builder("catalog_input_missing")
def _catalog_input_missing(p: Params, t: Pick) -> Texts:
    p["kind_words"] = words(_INPUT_KINDS, p.get("kind", ""), t, ("file", "Datei"))
    return t("The {kind_words} {path} does not exist.", "Die {kind_words} {path} gibt es nicht."), t(
        "Check the path.", "Prüfen Sie den Pfad."
    )


@builder("catalog_input_unreadable")
def _catalog_input_unreadable(p: Params, t: Pick) -> Texts:
    p["kind_words"] = words(_INPUT_KINDS, p.get("kind", ""), t, ("file", "Datei"))
    message = t("The {kind_words} {path} cannot be read", "Die {kind_words} {path} kann nicht gelesen werden")
    if "cause" in p:
        return message + " ({cause}).", "{cause_hint}"
    return message + " ({detail}).", t("Check the path and permissions.", "Prüfen Sie den Pfad und die Berechtigungen.")


define(
    "key_file_exists",
    en=("{path} already exists; it is not overwritten.", "Choose another name with --out."),
    de=("{path} gibt es bereits; die Datei wird nicht überschrieben.", "Wählen Sie mit --out einen anderen Namen."),
)
define(
    "key_file_create_failed",
    en=("{path} cannot be created ({detail}).", "Check the folder and its permissions."),
    de=("{path} kann nicht angelegt werden ({detail}).", "Prüfen Sie den Ordner und seine Berechtigungen."),
)
define(
    "catalog_lists_missing_file",
    en=("The catalog lists {location}, which does not exist.", "Rebuild the catalog."),
    de=("Der Katalog nennt {location}, doch diese Datei gibt es nicht.", "Erstellen Sie den Katalog neu."),
)
define(
    "catalog_file_differs",
    en=(
        "{location} does not match its catalog entry (size or SHA-256 differ).",
        "Rebuild the catalog after changing module files.",
    ),
    de=(
        "{location} passt nicht zu seinem Katalogeintrag (Größe oder SHA-256 weichen ab).",
        "Erstellen Sie den Katalog neu, nachdem Sie Moduldateien geändert haben.",
    ),
)
define(
    "plan_name_ambiguous",
    en=("The name '{name}' fits {count} catalog modules.", "Name the module by its id instead."),
    de=("Der Name „{name}“ passt zu {count} Modulen der Kataloge.", "Nennen Sie das Modul stattdessen bei seiner ID."),
)
define(
    "plan_module_twice",
    en=("The module '{name}' is named twice in --installed.", "Give each module once."),
    de=("Das Modul „{name}“ ist in --installed zweimal genannt.", "Nennen Sie jedes Modul nur einmal."),
)


# A catalog that could not be used, named with its reason: one part of catalogs_unavailable,
# a line of the CLI's warnings and of the GUI's status.
define("catalog_source_unusable", en="{source}: {cause}", de="{source}: {cause}")
define(
    "catalog_saved_copy_used",
    en="The catalog {catalog} cannot be fetched ({cause}); using the copy from {generated} saved earlier.",
    de="Der Katalog {catalog} kann nicht abgerufen werden ({cause}); die früher gespeicherte Kopie vom "
    "{generated} wird verwendet.",
)
define(
    "catalog_results_incomplete",
    en="warning: the catalog {source} cannot be used ({cause}); results are incomplete.",
    de="Warnung: Der Katalog {source} kann nicht verwendet werden ({cause}); die Ergebnisse sind unvollständig.",
)
define(
    "catalog_updates_may_be_missing",
    en="Updates may be missing: the catalog {source} could not be used ({cause}).",
    de="Möglicherweise fehlen Updates: Der Katalog {source} konnte nicht verwendet werden ({cause}).",
)
