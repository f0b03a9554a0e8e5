"""Errors of damaged local files (settings, journal, secrets, caches) and of certificates to trust."""

from __future__ import annotations

from modmanager.core.messages import Language, Params, Pick, Texts, builder, define, words

WHY: dict[str, tuple[str, str]] = {
    "too_large": ("it is larger than expected", "sie ist größer als erwartet"),
    "not_utf8": ("it is not UTF-8 text", "sie ist kein UTF-8-Text"),
    "not_json": ("it is not valid JSON", "sie ist kein gültiges JSON"),
    "too_deep": ("it is nested too deeply", "sie ist zu tief verschachtelt"),
    "bad_number": ("it holds a number out of range", "sie enthält eine Zahl außerhalb des erlaubten Bereichs"),
    "wrong_type": ("a field is missing or of the wrong type", "ein Feld fehlt oder hat den falschen Typ"),
    "invalid_value": ("a setting has an invalid value", "eine Einstellung hat einen ungültigen Wert"),
    "not_regular": ("it is not a regular file", "sie ist keine normale Datei"),
    "unreadable": ("it cannot be read", "sie kann nicht gelesen werden"),
    "not_backup": ("it is not a modmanager backup", "sie ist keine modmanager-Sicherung"),
    "truncated": ("it is truncated", "sie ist abgeschnitten"),
    "header": ("its header cannot be read", "ihre Kopfdaten sind unlesbar"),
    "name_mismatch": ("its file name and its header disagree", "Dateiname und Kopfdaten passen nicht zusammen"),
    "checksum": ("its contents do not match its checksum", "ihr Inhalt passt nicht zu ihrer Prüfsumme"),
    "contents": ("its contents cannot be read", "ihr Inhalt ist nicht lesbar"),
    "not_moved": ("it cannot be moved aside", "sie lässt sich nicht beiseitelegen"),
}
"""Why a local file cannot be used, by the damage key of ``core.safejson``, ``core.localfile`` or
``store.backups`` (the ``why_key`` param): (English, German)."""


def why_text(key: str, language: Language = "en") -> str:
    """Why a local file cannot be used, for a damage key; "" for an unknown key."""
    english, german = WHY.get(key, ("", ""))
    return german if language == "de" else english


def why_words(p: Params, t: Pick) -> None:
    """Put the rendered language's words for ``why_key`` in place of the English ``why``."""
    if p.get("why_key", "") in WHY:
        p["why"] = words(WHY, p["why_key"], t)


KINDS: dict[str, tuple[str, str]] = {
    "directory": ("a folder", "ein Ordner"),
    "fifo": ("a named pipe (FIFO)", "eine benannte Pipe (FIFO)"),
    "device": ("a device", "ein Gerät"),
    "socket": ("a socket", "ein Socket"),
}
"""What a path that is not a regular file is instead (``kind`` of ``file_not_regular``)."""


FILE_WHAT: dict[str, tuple[str, str]] = {
    "file": ("The file", "Die Datei"),
    "module file": ("The module file", "Die Moduldatei"),
    "values file": ("The values file", "Die Wertedatei"),
    "public key file": ("The public key file", "Die Datei mit dem öffentlichen Schlüssel"),
    "catalog file": ("The catalog file", "Die Katalogdatei"),
    "signature file": ("The signature file", "Die Signaturdatei"),
    "backup": ("The backup", "Die Sicherung"),
    "backup export": ("The backup export", "Der Sicherungsexport"),
    "settings file": ("The settings file", "Die Einstellungsdatei"),
    "secrets file": ("The secrets file", "Die Datei mit den Zugangsdaten"),
    "cached module file": ("The cached module file", "Die zwischengespeicherte Moduldatei"),
    ".sfm cache index": ("The index of the module file cache", "Der Index des Moduldatei-Zwischenspeichers"),
    "journal entry": ("The journal entry", "Der Journaleintrag"),
}
"""What a file is, as the sentences about reading it start (``what`` of the ``file_*`` errors)."""

OS_REASONS: dict[str, tuple[str, str]] = {
    "ENOENT": ("no such file or folder", "Datei oder Ordner nicht gefunden"),
    "EACCES": ("permission denied", "Zugriff verweigert"),
    "EPERM": ("operation not permitted", "Vorgang nicht erlaubt"),
    "EISDIR": ("it is a folder", "es ist ein Ordner"),
    "ENOTDIR": ("a part of the path is not a folder", "ein Teil des Pfads ist kein Ordner"),
    "EIO": ("input/output error", "Ein-/Ausgabefehler"),
    "ELOOP": ("too many symbolic links", "zu viele symbolische Links"),
    "ENAMETOOLONG": ("the name is too long", "der Name ist zu lang"),
    "EBUSY": ("it is in use", "sie wird gerade verwendet"),
}
"""Why the system could not read a file (``errno`` of ``file_unreadable``, e.g. "ENOENT"); other
errors are quoted as the system said them (``reason``)."""


def _what(p: Params, t: Pick) -> None:
    p["the_what"] = words(FILE_WHAT, p.get("what", ""), t, FILE_WHAT["file"])


@builder("file_not_regular")
def _file_not_regular(p: Params, t: Pick) -> Texts:
    _what(p, t)
    p["kind_words"] = words(KINDS, p.get("kind", ""), t, ("something else", "etwas anderes"))
    return (
        t(
            "{the_what} {path} is {kind_words}, not a file; nothing was read from it.",
            "{the_what} {path} ist {kind_words}, keine Datei; daraus wurde nichts gelesen.",
        ),
        t("Choose a regular file.", "Wählen Sie eine normale Datei."),
    )


@builder("file_too_large")
def _file_too_large(p: Params, t: Pick) -> Texts:
    _what(p, t)
    return (
        t(
            "{the_what} {path} is larger than the {limit} bytes expected; it may be damaged.",
            "{the_what} {path} ist größer als die erwarteten {limit} Bytes und vielleicht beschädigt.",
        ),
        t(
            "Check that it is the right file; fix or delete it.",
            "Prüfen Sie, ob es die richtige Datei ist; reparieren oder löschen Sie die Datei.",
        ),
    )


@builder("file_unreadable")
def _file_unreadable(p: Params, t: Pick) -> Texts:
    _what(p, t)
    p["reason_text"] = words(OS_REASONS, p.get("errno", ""), t, (p.get("reason", ""), p.get("reason", "")))
    return (
        t(
            "{the_what} {path} cannot be read ({reason_text}).",
            "{the_what} {path} kann nicht gelesen werden ({reason_text}).",
        ),
        t(
            "Check that the file exists and that you may read it.",
            "Prüfen Sie, ob die Datei existiert und ob Sie sie lesen dürfen.",
        ),
    )


@builder("settings_damaged")
def _settings_damaged(p: Params, t: Pick) -> Texts:
    why_words(p, t)
    if p.get("cause"):
        message = t(
            "The settings file {path} cannot be used ({cause}).",
            "Die Einstellungsdatei {path} ist unbrauchbar ({cause}).",
        )
    else:
        message = t(
            "The settings file {path} cannot be used: {why}.", "Die Einstellungsdatei {path} ist unbrauchbar: {why}."
        )
    return (
        message,
        t(
            "Fix or delete it (deleting restores the default settings).",
            "Reparieren oder löschen Sie sie (Löschen stellt die Standardeinstellungen her).",
        ),
    )


@builder("journal_damaged")
def _journal_damaged(p: Params, t: Pick) -> Texts:
    why_words(p, t)
    return (
        t(
            "The journal entry {entry} of an interrupted update is damaged ({why}).",
            "Der Journaleintrag {entry} einer unterbrochenen Aktualisierung ist beschädigt ({why}).",
        ),
        t(
            "Check the PBX by hand, then delete {path} to dismiss it.",
            "Prüfen Sie die Telefonanlage von Hand und löschen Sie dann {path}, um ihn zu verwerfen.",
        ),
    )


define(
    "journal_too_large",
    en=(
        "The journal entry of the update of {module} is too large to write.",
        "Report this; the update was not continued.",
    ),
    de=(
        "Der Journaleintrag zur Aktualisierung von {module} ist zu groß zum Schreiben.",
        "Melden Sie diesen Fehler; die Aktualisierung wurde nicht fortgesetzt.",
    ),
)


@builder("sfm_cache_damaged")
def _sfm_cache_damaged(p: Params, t: Pick) -> Texts:
    why_words(p, t)
    return (
        t(
            "The index of the module file cache {path} is damaged ({why}).",
            "Das Verzeichnis des Moduldatei-Zwischenspeichers {path} ist beschädigt ({why}).",
        ),
        t(
            "Delete it; it is rebuilt on the next update.",
            "Löschen Sie es; es wird bei der nächsten Aktualisierung neu angelegt.",
        ),
    )


define(
    "snapshot_too_large",
    en=(
        "The facts of the PBX {pbx} are too large to keep.",
        "Check the PBX's agent; it answers with far more than a PBX holds.",
    ),
    de=(
        "Die Angaben der Telefonanlage {pbx} sind zu groß zum Speichern.",
        "Prüfen Sie den Agenten der Telefonanlage; er antwortet mit weit mehr, als eine Telefonanlage enthält.",
    ),
)

define(
    "export_kdf_refused",
    en=(
        "The file {file} asks for a key derivation beyond modmanager's fixed limits; it was not opened.",
        "Export the backup again with modmanager; a file made elsewhere or changed is not accepted.",
    ),
    de=(
        (
            "Die Datei {file} verlangt eine Schlüsselableitung jenseits der festen Grenzen von modmanager; sie "
            "wurde nicht geöffnet."
        ),
        (
            "Exportieren Sie die Sicherung erneut mit modmanager; eine anderswo erstellte oder veränderte Datei "
            "wird nicht angenommen."
        ),
    ),
)

define(
    "secrets_kdf_refused",
    en=(
        "The secrets file {path} asks for a key derivation beyond modmanager's fixed limits; it was not opened.",
        "Restore it from a backup, or delete it and store the passwords again.",
    ),
    de=(
        (
            "Die Geheimnisdatei {path} verlangt eine Schlüsselableitung jenseits der festen Grenzen von "
            "modmanager; sie wurde nicht geöffnet."
        ),
        (
            "Stellen Sie sie aus einer Datensicherung wieder her oder löschen Sie sie und hinterlegen Sie die "
            "Passwörter erneut."
        ),
    ),
)

define(
    "trust_fingerprint_mismatch",
    en=(
        "The PBX {pbx} presents the certificate {presented}, not {expected}; nothing was pinned.",
        "Compare the fingerprint with the one the PBX's web interface shows, then try again.",
    ),
    de=(
        "Die Telefonanlage {pbx} zeigt das Zertifikat {presented}, nicht {expected}; es wurde nichts hinterlegt.",
        (
            "Vergleichen Sie den Fingerabdruck mit dem in der Weboberfläche der Telefonanlage und versuchen Sie es "
            "erneut."
        ),
    ),
)


define(
    "file_exists",
    en=("{file} exists already; nothing was written.", "Choose another file name, or add --force to replace it."),
    de=(
        "{file} gibt es bereits; es wurde nichts geschrieben.",
        "Wählen Sie einen anderen Dateinamen oder ersetzen Sie die Datei mit --force.",
    ),
)
