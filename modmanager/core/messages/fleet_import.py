"""Sentences of the fleet import and export (``pbx import``/``pbx export``, the import dialog).

Problems of one row say what is wrong with that row; the row number is shown beside them by
the front end (:class:`modmanager.ops.fleet_import.RowProblem`), so they do not repeat it.
"""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words

_FIX_ROW = (
    "Correct it in the file, or skip the rows with problems.",
    "Korrigieren Sie sie in der Datei, oder überspringen Sie die fehlerhaften Zeilen.",
)

# --- the file as a whole ---------------------------------------------------------------------------

define(
    "import_file_missing",
    en=("The import file {path} does not exist.", "Check the path and the file name."),
    de=("Die Importdatei {path} existiert nicht.", "Prüfen Sie Pfad und Dateinamen."),
)
define(
    "import_not_text",
    en=(
        "The import file {path} is not UTF-8 text.",
        "In Excel save it as 'CSV UTF-8 (comma delimited)'; other editors: save as UTF-8.",
    ),
    de=(
        "Die Importdatei {path} ist kein UTF-8-Text.",
        "Speichern Sie sie in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“, in anderen Editoren als UTF-8.",
    ),
)

_JSON_REASONS = {
    "too_large": ("it is too large", "sie ist zu groß"),
    "not_utf8": ("it is not UTF-8 text", "sie ist kein UTF-8-Text"),
    "not_json": ("it is not valid JSON", "sie ist kein gültiges JSON"),
    "too_deep": ("it is nested too deeply", "sie ist zu tief verschachtelt"),
    "bad_number": ("it holds a number out of range", "sie enthält eine Zahl außerhalb des zulässigen Bereichs"),
    "wrong_type": ("it is not a list of PBXs", "sie ist keine Liste von Telefonanlagen"),
}


@builder("import_not_json")
def _not_json(p: Params, t: Pick) -> Texts:
    p["reason_words"] = words(_JSON_REASONS, p.get("reason", ""), t, ("it cannot be read", "sie ist nicht lesbar"))
    return (
        t(
            "The import file {path} cannot be used: {reason_words}.",
            "Die Importdatei {path} ist nicht verwendbar: {reason_words}.",
        ),
        t(
            "Give a JSON list of objects with the fields name, url, login, ... (see the user guide).",
            "Geben Sie eine JSON-Liste von Objekten mit den Feldern name, url, login, ... an (siehe Anleitung).",
        ),
    )


define(
    "import_csv_broken",
    en=(
        "The import file {path} is not valid CSV near line {line}.",
        "Check that line for an unclosed quotation mark; save it from Excel again if unsure.",
    ),
    de=(
        "Die Importdatei {path} ist in der Nähe von Zeile {line} kein gültiges CSV.",
        "Prüfen Sie die Zeile auf ein nicht geschlossenes "
        "Anführungszeichen; speichern Sie sie im Zweifel erneut aus Excel.",
    ),
)
define(
    "import_empty",
    en=("The import file {path} holds no PBXs.", "Give a file with a header line and one line per PBX."),
    de=(
        "Die Importdatei {path} enthält keine Telefonanlagen.",
        "Geben Sie eine Datei mit einer Kopfzeile und einer Zeile je Telefonanlage an.",
    ),
)
define(
    "import_missing_columns",
    en=(
        "The import file {path} lacks the columns {columns}.",
        "Its first line must name the columns, e.g. name;customer;tags;url;login (German headers work too).",
    ),
    de=(
        "In der Importdatei {path} fehlen die Spalten {columns}.",
        "Ihre erste Zeile muss die Spalten benennen, z. B. "
        "Name;Kunde;Schlagworte;URL;Login (englische Namen gehen auch).",
    ),
)
define(
    "import_column_twice",
    en=(
        "The import file {path} has two columns for {field} (one of them is {column}).",
        "Delete or rename one of them.",
    ),
    de=(
        "Die Importdatei {path} hat zwei Spalten für {field} (eine davon ist {column}).",
        "Löschen oder benennen Sie eine davon um.",
    ),
)
define(
    "import_too_many_rows",
    en=("The import file {path} has more than {limit} rows.", "Split it into several files."),
    de=("Die Importdatei {path} hat mehr als {limit} Zeilen.", "Teilen Sie sie auf mehrere Dateien auf."),
)
define(
    "import_nothing_selected",
    en=(
        "No row of the import file {path} matches {selection}.",
        "Check the customer and tag, or leave them out to import every row.",
    ),
    de=(
        "Keine Zeile der Importdatei {path} passt zu {selection}.",
        "Prüfen Sie Kunde und Schlagwort, oder lassen Sie sie weg, um alle Zeilen zu importieren.",
    ),
)
define(
    "import_invalid_rows",
    en=(
        "{count} of {total} rows of the import file have problems; nothing was added.",
        "Correct them in the file, or import the valid rows only with --skip-invalid.",
    ),
    de=(
        "{count} von {total} Zeilen der Importdatei sind fehlerhaft; es wurde nichts hinzugefügt.",
        "Korrigieren Sie sie in der Datei, oder importieren Sie nur die gültigen Zeilen mit --skip-invalid.",
    ),
)
define(
    "import_nothing_valid",
    en=("No row of the import file can be added; nothing was added.", "Correct the rows listed above in the file."),
    de=(
        "Keine Zeile der Importdatei kann hinzugefügt werden; es wurde nichts hinzugefügt.",
        "Korrigieren Sie die oben genannten Zeilen in der Datei.",
    ),
)
define(
    "import_needs_confirmation",
    en=(
        "{count} certificates need your confirmation, and there is no terminal to ask on; nothing was added.",
        "Compare the fingerprints shown with the PBXs' own, then run the command again with --accept-fingerprints.",
    ),
    de=(
        "{count} Zertifikate brauchen Ihre Bestätigung, und es gibt kein "
        "Terminal für die Frage; es wurde nichts hinzugefügt.",
        "Vergleichen Sie die gezeigten Fingerabdrücke mit denen der Telefonanlagen und "
        "führen Sie den Befehl dann mit --accept-fingerprints erneut aus.",
    ),
)
define(
    "import_declined",
    en=("Cancelled; nothing was added.", ""),
    de=("Abgebrochen; es wurde nichts hinzugefügt.", ""),
)
define(
    "export_unknown_format",
    en=("The export format {format} is not known.", "Choose csv or json."),
    de=("Das Exportformat {format} ist unbekannt.", "Wählen Sie csv oder json."),
)
define(
    "export_file_exists",
    en=("The file {path} exists already.", "Choose another file name, or add --force to replace it."),
    de=("Die Datei {path} gibt es bereits.", "Wählen Sie einen anderen Dateinamen, oder ersetzen Sie sie mit --force."),
)
define(
    "export_nothing",
    en=("There is no PBX to export.", "Add PBXs first, or check the customer and tag."),
    de=(
        "Es gibt keine Telefonanlage zum Exportieren.",
        "Fügen Sie zuerst Telefonanlagen hinzu, oder prüfen Sie Kunde und Schlagwort.",
    ),
)

# --- one row -----------------------------------------------------------------------------------------

_FIELDS = {
    "name": ("name", "Name"),
    "customer": ("customer", "Kunde"),
    "tags": ("tags", "Schlagworte"),
    "url": ("address", "Adresse"),
    "login": ("login", "Login"),
    "agent_instance": ("agent instance", "Agent-Instanz"),
    "window": ("maintenance window", "Wartungsfenster"),
    "fingerprint": ("fingerprint", "Fingerabdruck"),
    "notes": ("notes", "Notizen"),
    "password": ("password", "Passwort"),
    "agent_secret": ("agent secret", "Agent-Geheimnis"),
}


def _field(p: Params, t: Pick) -> None:
    p["field_words"] = words(_FIELDS, p.get("field", ""), t, (p.get("field", ""), p.get("field", "")))


define(
    "import_row_name_missing",
    en=("The row has no name.", _FIX_ROW[0]),
    de=("Die Zeile hat keinen Namen.", _FIX_ROW[1]),
)
define(
    "import_row_name_invalid",
    en=(
        "The name {name} contains a slash, backslash or control character.",
        "Use letters, digits, spaces, dots, dashes or underscores.",
    ),
    de=(
        "Der Name {name} enthält einen Schrägstrich, einen umgekehrten Schrägstrich oder ein Steuerzeichen.",
        "Verwenden Sie Buchstaben, Ziffern, Leerzeichen, Punkte, Binde- oder Unterstriche.",
    ),
)
define(
    "import_row_name_too_long",
    en=("The name {name} is longer than {limit} characters.", "Choose a shorter name."),
    de=("Der Name {name} ist länger als {limit} Zeichen.", "Wählen Sie einen kürzeren Namen."),
)
define(
    "import_row_name_twice",
    en=("The name {name} is in the file more than once (also in row {other_line}).", "Give each PBX its own name."),
    de=(
        "Der Name {name} steht mehrmals in der Datei (auch in Zeile {other_line}).",
        "Geben Sie jeder Telefonanlage einen eigenen Namen.",
    ),
)
define(
    "import_row_name_exists",
    en=(
        "A PBX named {name} exists already.",
        "Rename the row, or remove the existing PBX first; or skip the rows with problems.",
    ),
    de=(
        "Eine Telefonanlage namens {name} gibt es bereits.",
        "Benennen Sie die Zeile um oder entfernen Sie zuerst die vorhandene "
        "Telefonanlage, oder überspringen Sie die fehlerhaften Zeilen.",
    ),
)


@builder("import_row_control")
def _row_control(p: Params, t: Pick) -> Texts:
    _field(p, t)
    return (
        t(
            "The {field_words} contains a line break or control character.",
            "Das Feld {field_words} enthält einen Zeilenumbruch oder ein Steuerzeichen.",
        ),
        t(*_FIX_ROW),
    )


@builder("import_row_too_long")
def _row_too_long(p: Params, t: Pick) -> Texts:
    _field(p, t)
    return (
        t(
            "The {field_words} is longer than {limit} characters.",
            "Das Feld {field_words} ist länger als {limit} Zeichen.",
        ),
        t(*_FIX_ROW),
    )


@builder("import_row_not_text")
def _row_not_text(p: Params, t: Pick) -> Texts:
    _field(p, t)
    return (
        t("The {field_words} is not text.", "Das Feld {field_words} ist kein Text."),
        t(
            'Write it in quotation marks, e.g. "login": "0001".',
            'Schreiben Sie es in Anführungszeichen, z. B. "login": "0001".',
        ),
    )


define(
    "import_row_extra_fields",
    en=(
        "The row has {count} fields, but the header names {columns} columns.",
        "Check the row for a separator (; or ,) inside a value; put such values in quotation marks.",
    ),
    de=(
        "Die Zeile hat {count} Felder, die Kopfzeile nennt aber {columns} Spalten.",
        "Prüfen Sie die Zeile auf ein Trennzeichen (; oder ,) in einem "
        "Wert; setzen Sie solche Werte in Anführungszeichen.",
    ),
)
define(
    "import_row_not_object",
    en=("The entry is not an object with fields.", 'Write each PBX as {{"name": ..., "url": ..., "login": ...}}.'),
    de=(
        "Der Eintrag ist kein Objekt mit Feldern.",
        'Schreiben Sie jede Telefonanlage als {{"name": ..., "url": ..., "login": ...}}.',
    ),
)
define(
    "import_row_url_missing",
    en=("The row has no address.", "Give the PBX's address as https://host or https://host:port."),
    de=(
        "Die Zeile hat keine Adresse.",
        "Geben Sie die Adresse der Telefonanlage als https://host oder https://host:port an.",
    ),
)

_URL_REASONS = {
    "not_https": ("does not use https", "verwendet kein https"),
    "no_host": ("has no host name", "hat keinen Hostnamen"),
    "user_info": ("contains a user name or password", "enthält einen Benutzernamen oder ein Passwort"),
    "path": ("has a path, query or fragment", "hat einen Pfad, eine Abfrage oder einen Anker"),
    "invalid": ("is not a valid address", "ist keine gültige Adresse"),
}


@builder("import_row_url_invalid")
def _row_url(p: Params, t: Pick) -> Texts:
    p["reason_words"] = words(_URL_REASONS, p.get("reason", ""), t, _URL_REASONS["invalid"])
    return (
        t("The address {url} {reason_words}.", "Die Adresse {url} {reason_words}."),
        t(
            "Give it as https://host or https://host:port (only https: the agent carries STARFACE credentials).",
            "Geben Sie sie als https://host oder https://host:port an (nur "
            "https: der Agent überträgt STARFACE-Zugangsdaten).",
        ),
    )


define(
    "import_row_login_missing",
    en=("The row has no login.", "Give the STARFACE login ID modmanager uses on this PBX."),
    de=(
        "Die Zeile hat keinen Login.",
        "Geben Sie die STARFACE-Login-ID an, mit der modmanager auf diese Telefonanlage zugreift.",
    ),
)
define(
    "import_row_window",
    en=(
        "The maintenance window {window} cannot be read ({cause}).",
        "Write it like 'Mon-Fri 22:00-02:00 Europe/Berlin'.",
    ),
    de=(
        "Das Wartungsfenster {window} ist nicht lesbar ({cause}).",
        "Schreiben Sie es wie „Mo-Fr 22:00-02:00 Europe/Berlin“.",
    ),
)
define(
    "import_row_fingerprint",
    en=(
        "The fingerprint is not a SHA-256 fingerprint (64 hex digits).",
        "Copy it as the PBX shows it, or leave the column empty to check the certificate during the import.",
    ),
    de=(
        "Der Fingerabdruck ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).",
        "Kopieren Sie ihn so, wie die Telefonanlage ihn zeigt, oder lassen Sie die "
        "Spalte leer, um das Zertifikat beim Import zu prüfen.",
    ),
)

# --- certificates and adding -------------------------------------------------------------------------

define(
    "import_fingerprint_mismatch",
    en=(
        "The PBX at {url} presents the certificate {presented}, not {expected} as the file says.",
        "If the PBX got a new certificate, correct the fingerprint in the file; otherwise someone may be "
        "intercepting the connection: do not add it.",
    ),
    de=(
        "Die Telefonanlage unter {url} zeigt das Zertifikat {presented}, nicht {expected} wie in der Datei.",
        "Hat die Telefonanlage ein neues Zertifikat, korrigieren Sie den Fingerabdruck in der Datei; "
        "sonst hört womöglich "
        "jemand die Verbindung ab: Fügen Sie sie nicht hinzu.",
    ),
)
define(
    "import_certificate_unreadable",
    en=(
        "The certificate of the PBX at {url} cannot be read.",
        "Check that the address is the PBX's web interface (HTTPS port).",
    ),
    de=(
        "Das Zertifikat der Telefonanlage unter {url} ist nicht lesbar.",
        "Prüfen Sie, ob die Adresse die Weboberfläche der Telefonanlage (HTTPS-Port) ist.",
    ),
)
define(
    "import_certificate_declined",
    en=(
        "The certificate of the PBX at {url} was not accepted; the PBX was not added.",
        "Compare its fingerprint with the one the PBX shows, then import the row again.",
    ),
    de=(
        "Das Zertifikat der Telefonanlage unter {url} wurde nicht angenommen; "
        "die Telefonanlage wurde nicht hinzugefügt.",
        "Vergleichen Sie seinen Fingerabdruck mit dem der Telefonanlage und importieren Sie die Zeile dann erneut.",
    ),
)
define(
    "import_not_checked",
    en=("The certificate of {name} was not checked; the PBX was not added.", "Import the row again."),
    de=(
        "Das Zertifikat von {name} wurde nicht geprüft; die Telefonanlage wurde nicht hinzugefügt.",
        "Importieren Sie die Zeile erneut.",
    ),
)
define(
    "import_cancelled",
    en=(
        "The import was stopped before {name} was added.",
        "Import the file again and skip the rows that exist already to add the rest.",
    ),
    de=(
        "Der Import wurde beendet, bevor {name} hinzugefügt wurde.",
        "Importieren Sie die Datei erneut und überspringen Sie die vorhandenen Zeilen, um den Rest hinzuzufügen.",
    ),
)

# --- tags ---------------------------------------------------------------------------------------------

define(
    "tag_needs_change",
    en=("No tag to add or remove was given.", "Name one with --add TAG or --remove TAG."),
    de=(
        "Es wurde kein Schlagwort zum Hinzufügen oder Entfernen angegeben.",
        "Nennen Sie eines mit --add TAG oder --remove TAG.",
    ),
)
define(
    "tag_needs_pbxs",
    en=("No PBX was named.", "Name the PBXs, or choose them with --customer or --tag."),
    de=(
        "Es wurde keine Telefonanlage genannt.",
        "Nennen Sie die Telefonanlagen, oder wählen Sie sie mit --customer oder --tag.",
    ),
)
