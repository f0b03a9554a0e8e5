"""Local state: the inventory of PBXs and their addresses, settings, the journal, locks, the data
folder and the files modmanager writes (:mod:`modmanager.store`)."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words

_DATA_FOLDER_PERMISSIONS = (
    "Check the permissions of the data folder.",
    "Prüfen Sie die Berechtigungen des Datenordners.",
)
_HTTPS_ADDRESS = (
    "Give the address as https://host or https://host:port.",
    "Geben Sie die Adresse als https://host oder https://host:port an.",
)

# -- files and folders -------------------------------------------------------------------------

define(
    "file_write_failed",
    en=("The file {path} cannot be written ({detail}).", "Check free disk space and the permissions of its folder."),
    de=(
        "Die Datei {path} kann nicht geschrieben werden ({detail}).",
        "Prüfen Sie den freien Speicherplatz und die Berechtigungen ihres Ordners.",
    ),
)
define(
    "data_folder_failed",
    en=(
        "The data folder {path} cannot be created ({detail}).",
        "Check the permissions of its parent folder or set {variable} to a writable folder.",
    ),
    de=(
        "Der Datenordner {path} kann nicht angelegt werden ({detail}).",
        "Prüfen Sie die Berechtigungen des übergeordneten Ordners oder setzen Sie {variable} auf einen "
        "beschreibbaren Ordner.",
    ),
)
define(
    "lock_folder_failed",
    en=("The lock folder {folder} cannot be created ({detail}).", _DATA_FOLDER_PERMISSIONS[0]),
    de=("Der Ordner für Sperren {folder} kann nicht angelegt werden ({detail}).", _DATA_FOLDER_PERMISSIONS[1]),
)
define(
    "lock_file_failed",
    en=("The lock file {path} cannot be used ({detail}).", _DATA_FOLDER_PERMISSIONS[0]),
    de=("Die Sperrdatei {path} kann nicht verwendet werden ({detail}).", _DATA_FOLDER_PERMISSIONS[1]),
)
define(
    "checksum_invalid",
    en=("'{value}' is not a SHA-256 checksum.", "Use the 64-character hex checksum."),
    de=("„{value}“ ist keine SHA-256-Prüfsumme.", "Verwenden Sie die Prüfsumme aus 64 Hexadezimalzeichen."),
)

# -- the inventory -----------------------------------------------------------------------------

define(
    "pbx_unknown",
    en=("There is no PBX named '{pbx}'.", "Run 'modmanager pbx list' to see the PBXs you have added."),
    de=(
        "Es gibt keine Telefonanlage namens „{pbx}“.",
        "Mit 'modmanager pbx list' sehen Sie die Telefonanlagen, die Sie hinzugefügt haben.",
    ),
)
define(
    "pbx_name_empty",
    en=("A PBX needs a name.", "Choose a short name such as 'mueller-hq'."),
    de=("Eine Telefonanlage braucht einen Namen.", "Wählen Sie einen kurzen Namen wie 'mueller-hq'."),
)
define(
    "pbx_name_too_long",
    en=("The PBX name '{start}'... is longer than {limit} characters.", "Choose a shorter name."),
    de=("Der Name der Telefonanlage „{start}“... ist länger als {limit} Zeichen.", "Wählen Sie einen kürzeren Namen."),
)
define(
    "pbx_name_bad_character",
    en=(
        "The PBX name '{name}' contains a slash, backslash or control character.",
        "Use letters, digits, spaces, dots, dashes or underscores.",
    ),
    de=(
        "Der Name der Telefonanlage „{name}“ enthält einen Schrägstrich, Backslash oder ein Steuerzeichen.",
        "Verwenden Sie Buchstaben, Ziffern, Leerzeichen, Punkte, Bindestriche oder Unterstriche.",
    ),
)
define(
    "pbx_login_missing",
    en=("The PBX '{pbx}' has no login ID.", "Give the STARFACE login ID."),
    de=("Die Telefonanlage „{pbx}“ hat keine Login-ID.", "Geben Sie die STARFACE-Login-ID an."),
)
define(
    "pbx_agent_instance_missing",
    en=(
        "The PBX '{pbx}' has no agent instance name.",
        "Leave it at the default '{default}' unless the agent runs elsewhere.",
    ),
    de=(
        "Die Telefonanlage „{pbx}“ hat keinen Namen für die Instanz des Agenten.",
        "Lassen Sie ihn beim Standard „{default}“, außer der Agent läuft in einer anderen Instanz.",
    ),
)
define(
    "pbx_address_invalid",
    en=("The PBX address '{url}' is not a valid URL.", _HTTPS_ADDRESS[0]),
    de=("Die Adresse der Telefonanlage „{url}“ ist keine gültige URL.", _HTTPS_ADDRESS[1]),
)
define(
    "pbx_address_not_https",
    en=("The PBX address '{url}' does not use https.", _HTTPS_ADDRESS[0]),
    de=("Die Adresse der Telefonanlage „{url}“ verwendet kein https.", _HTTPS_ADDRESS[1]),
)
define(
    "pbx_address_no_host",
    en=("The PBX address '{url}' has no host name.", _HTTPS_ADDRESS[0]),
    de=("Die Adresse der Telefonanlage „{url}“ enthält keinen Hostnamen.", _HTTPS_ADDRESS[1]),
)
define(
    "pbx_address_credentials",
    en=(
        "The PBX address contains a user name or password.",
        "Remove them from the address; the password is asked for separately.",
    ),
    de=(
        "Die Adresse der Telefonanlage enthält einen Benutzernamen oder ein Passwort.",
        "Entfernen Sie beides aus der Adresse; das Passwort wird getrennt abgefragt.",
    ),
)
define(
    "pbx_address_path",
    en=("The PBX address '{url}' has a path, query or fragment.", _HTTPS_ADDRESS[0]),
    de=("Die Adresse der Telefonanlage „{url}“ enthält einen Pfad, eine Abfrage oder ein Fragment.", _HTTPS_ADDRESS[1]),
)
define(
    "inventory_newer",
    en=(
        "The inventory {path} was written by a newer modmanager (schema {version}).",
        "Update modmanager, or use another data folder ({variable}).",
    ),
    de=(
        "Das Inventar {path} wurde von einem neueren modmanager geschrieben (Schema {version}).",
        "Aktualisieren Sie modmanager oder verwenden Sie einen anderen Datenordner ({variable}).",
    ),
)
define(
    "inventory_unusable",
    en=(
        "The inventory {path} cannot be used ({detail}).",
        "Close other modmanager windows and retry; if it persists, restore or delete the file.",
    ),
    de=(
        "Das Inventar {path} kann nicht verwendet werden ({detail}).",
        "Schließen Sie andere modmanager-Fenster und versuchen Sie es erneut; bleibt der Fehler, stellen Sie die "
        "Datei wieder her oder löschen Sie sie.",
    ),
)

# -- journal, schedules, windows ---------------------------------------------------------------

define(
    "journal_id_invalid",
    en=("The journal entry id '{op}' is not valid.", "Use the id shown by 'modmanager recover'."),
    de=("Die ID „{op}“ ist keine gültige Journal-ID.", "Verwenden Sie die ID, die 'modmanager recover' anzeigt."),
)
define(
    "journal_remove_failed",
    en=("The journal entry {op} cannot be removed ({detail}).", _DATA_FOLDER_PERMISSIONS[0]),
    de=("Der Journaleintrag {op} kann nicht entfernt werden ({detail}).", _DATA_FOLDER_PERMISSIONS[1]),
)
define(
    "journal_entry_unknown",
    en=("There is no unfinished update with id {op}.", "Run 'modmanager recover' to list them."),
    de=(
        "Es gibt kein unvollendetes Update mit der ID {op}.",
        "Mit 'modmanager recover' sehen Sie die unvollendeten Updates.",
    ),
)
define(
    "schedule_window_backwards",
    en=("A job's window must end after it starts.", "Choose another window."),
    de=("Das Zeitfenster eines Auftrags muss nach seinem Beginn enden.", "Wählen Sie ein anderes Zeitfenster."),
)
define(
    "window_customer_missing",
    en=("A customer window needs the customer's name.", "Give the customer as it is set on its PBXs."),
    de=(
        "Ein Wartungsfenster für einen Kunden braucht den Namen des Kunden.",
        "Geben Sie den Kunden so an, wie er bei seinen Telefonanlagen eingetragen ist.",
    ),
)
define(
    "window_list_too_large",
    en=("The window list is larger than {limit}.", "Split it into smaller files."),
    de=("Die Liste der Wartungsfenster ist größer als {limit}.", "Teilen Sie sie in kleinere Dateien auf."),
)

# -- settings ----------------------------------------------------------------------------------

_SETTING_PROBLEMS: dict[str, tuple[str, str]] = {
    "language": ('must be "" (system language), "de" or "en"', 'muss "" (Systemsprache), "de" oder "en" sein'),
    "flag": ("must be true or false", "muss true oder false sein"),
    "number_range": ("must be a whole number from {low} to {high}", "muss eine ganze Zahl von {low} bis {high} sein"),
    "number_min": ("must be a whole number {low} or more", "muss eine ganze Zahl ab {low} sein"),
    "text_line": (
        "must be one line of text (at most {limit} characters)",
        "muss eine Textzeile sein (höchstens {limit} Zeichen)",
    ),
    "smtp_security": ('must be "starttls" or "tls"', 'muss "starttls" oder "tls" sein'),
    "addresses": ("must be a list of e-mail addresses", "muss eine Liste von E-Mail-Adressen sein"),
    "address": (
        "contains '{address}', which is not an e-mail address",
        "enthält „{address}“, das keine E-Mail-Adresse ist",
    ),
    "text": ("must be text", "muss Text sein"),
    "base64": ("must be base64 text", "muss Base64-Text sein"),
    "texts": ("must be a list of texts", "muss eine Liste von Texten sein"),
    "empty_marker": ("must not contain empty markers", "darf keine leeren Markierungen enthalten"),
    "sources": ("must be a list of catalog sources", "muss eine Liste von Katalogquellen sein"),
    "source_twice": ("names the catalog source '{source}' twice", "nennt die Katalogquelle „{source}“ zweimal"),
    "source_not_object": (
        "must hold objects with name, location, public_key and trusted_unsigned",
        "muss Objekte mit name, location, public_key und trusted_unsigned enthalten",
    ),
    "source_unknown_field": (
        "has a source with the unknown field '{field}'",
        "enthält eine Quelle mit dem unbekannten Feld „{field}“",
    ),
    "source_no_name": ("has a source without a name", "enthält eine Quelle ohne Namen"),
    "source_no_location": (
        "has the source '{source}' without a location (URL or folder)",
        "enthält die Quelle „{source}“ ohne Ort (URL oder Ordner)",
    ),
    "source_key_not_text": (
        "has the source '{source}' whose public_key is not text",
        "enthält die Quelle „{source}“, deren public_key kein Text ist",
    ),
    "source_key_invalid": (
        "has the source '{source}' whose public_key is not a base64 Ed25519 public key",
        "enthält die Quelle „{source}“, deren public_key kein öffentlicher Ed25519-Schlüssel in Base64 ist",
    ),
    "source_trust_not_flag": (
        "has the source '{source}' whose trusted_unsigned is not true or false",
        "enthält die Quelle „{source}“, deren trusted_unsigned weder true noch false ist",
    ),
    "source_unsigned_remote": (
        "trusts the source '{source}' unsigned, which is only allowed for local folders",
        "vertraut der Quelle „{source}“ ohne Signatur, was nur für lokale Ordner erlaubt ist",
    ),
}


@builder("setting_invalid")
def _setting_invalid(p: Params, t: Pick) -> Texts:
    problem = words(_SETTING_PROBLEMS, p.get("problem", ""), t, ("is not valid", "ist ungültig"))
    return (
        t("The setting '{key}' ", "Die Einstellung „{key}“ ") + problem + ".",
        t("Change it to a valid value.", "Ändern Sie sie auf einen gültigen Wert."),
    )


define(
    "setting_unknown",
    en=("There is no setting named '{key}'.", "Known settings: {known}."),
    de=("Es gibt keine Einstellung namens „{key}“.", "Bekannte Einstellungen: {known}."),
)
