"""Errors of backups and restores, and of passwords and secrets."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define
from modmanager.core.messages.files import why_words

define(
    "backup_module_not_installed",
    en=("The module {module} is not installed on {pbx}.", "Refresh the PBX to see its current modules."),
    de=(
        "Das Modul {module} ist auf {pbx} nicht installiert.",
        "Lesen Sie die Telefonanlage neu ein, um ihre aktuellen Module zu sehen.",
    ),
)

define(
    "restore_module_not_installed",
    en=("The module {module} is not installed on {pbx}.", "Install the module there first, then restore the backup."),
    de=(
        "Das Modul {module} ist auf {pbx} nicht installiert.",
        "Installieren Sie das Modul zuerst dort und stellen Sie dann die Sicherung wieder her.",
    ),
)


define(
    "restore_no_instances",
    en=("The backup has none of the chosen instances.", "Choose instances from the backup."),
    de=("Die Sicherung enthält keine der gewählten Instanzen.", "Wählen Sie Instanzen aus der Sicherung."),
)


@builder("backup_damaged")
def _backup_damaged(p: Params, t: Pick) -> Texts:
    why_words(p, t)
    return (
        t(
            "The backup {backup} is damaged or was changed ({why}); it will not be restored.",
            "Die Sicherung {backup} ist beschädigt oder wurde verändert ({why}); sie wird nicht wiederhergestellt.",
        ),
        t("Use another backup, or delete this one.", "Verwenden Sie eine andere Sicherung oder löschen Sie diese."),
    )


define(
    "backup_not_found",
    en=("There is no backup {backup}.", "The list of backups (or 'modmanager backup list') shows which exist."),
    de=(
        "Die Sicherung {backup} gibt es nicht.",
        "Die Liste der Sicherungen (oder „modmanager backup list“) zeigt, welche es gibt.",
    ),
)

define(
    "backup_invalid_id",
    en=("{backup} is not a backup id.", "The list of backups (or 'modmanager backup list') shows the ids."),
    de=(
        "{backup} ist keine Kennung einer Sicherung.",
        "Die Liste der Sicherungen (oder „modmanager backup list“) zeigt die Kennungen.",
    ),
)


define(
    "backup_not_verified",
    en=("The backup of {module} could not be verified after writing.", "Check the disk holding {folder}."),
    de=(
        "Die Sicherung von {module} konnte nach dem Schreiben nicht überprüft werden.",
        "Prüfen Sie das Laufwerk, auf dem {folder} liegt.",
    ),
)

define(
    "retention_zero",
    en=("At least one backup per module must be kept.", "Set the retention to 1 or more."),
    de=("Mindestens eine Sicherung pro Modul muss aufbewahrt werden.", "Stellen Sie die Aufbewahrung auf 1 oder mehr."),
)

define(
    "export_password_empty",
    en=("An exported backup needs a password.", "Choose a password and keep it safe."),
    de=("Eine exportierte Sicherung braucht ein Passwort.", "Wählen Sie ein Passwort und bewahren Sie es sicher auf."),
)

define(
    "export_password_wrong",
    en=(
        "The password for {file} is wrong, or the file was changed.",
        "Check the password; if it is right, export the backup again.",
    ),
    de=(
        "Das Passwort für {file} ist falsch oder die Datei wurde verändert.",
        "Prüfen Sie das Passwort; stimmt es, exportieren Sie die Sicherung erneut.",
    ),
)

define(
    "export_damaged",
    en=("The file {file} is not a modmanager backup export or is damaged ({why}).", "Export the backup again."),
    de=(
        "Die Datei {file} ist kein Sicherungsexport von modmanager oder beschädigt ({why}).",
        "Exportieren Sie die Sicherung erneut.",
    ),
)

define(
    "export_unreadable",
    en=("The contents of {file} cannot be read.", "Export the backup again."),
    de=("Der Inhalt von {file} ist nicht lesbar.", "Exportieren Sie die Sicherung erneut."),
)

define(
    "file_not_found",
    en=("The file {path} does not exist.", "Check the path."),
    de=("Die Datei {path} gibt es nicht.", "Prüfen Sie den Pfad."),
)

define(
    "no_password",
    en=(
        "No password is stored for the PBX {pbx} (login {login}).",
        "Enter it under Edit PBX, or store it with 'modmanager pbx edit {pbx} --password-stdin'.",
    ),
    de=(
        "Für die Telefonanlage {pbx} (Login {login}) ist kein Passwort hinterlegt.",
        "Geben Sie es unter „Telefonanlage bearbeiten“ ein oder hinterlegen Sie es mit "
        "„modmanager pbx edit {pbx} --password-stdin“.",
    ),
)

define(
    "no_agent_secret",
    en=(
        "No agent secret is stored for the PBX {pbx}.",
        "Enter the secret of the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration) "
        "under Edit PBX, or store it with 'modmanager pbx edit {pbx} --agent-secret-stdin'.",
    ),
    de=(
        "Für die Telefonanlage {pbx} ist kein Agent-Geheimnis hinterlegt.",
        "Tragen Sie das Geheimnis aus der Modulkonfiguration des Agenten (STARFACE-Administration > Module > "
        "Modul-Konfiguration) unter „Telefonanlage bearbeiten“ ein oder hinterlegen Sie es mit "
        "„modmanager pbx edit {pbx} --agent-secret-stdin“.",
    ),
)

define(
    "password_empty",
    en=("The PBX's password is empty.", "Give the password of the STARFACE login."),
    de=("Das Passwort der Telefonanlage ist leer.", "Geben Sie das Passwort des STARFACE-Logins an."),
)

define(
    "agent_secret_empty",
    en=(
        "The agent secret is empty.",
        "Enter the secret set in the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration).",
    ),
    de=(
        "Das Agent-Geheimnis ist leer.",
        (
            "Tragen Sie das Geheimnis ein, das in der Modulkonfiguration des Agenten hinterlegt ist "
            "(STARFACE-Administration > Module > Modul-Konfiguration)."
        ),
    ),
)

define(
    "pbx_name_taken",
    en=("A PBX named {pbx} exists already.", "Choose another name, or remove the existing PBX first."),
    de=(
        "Eine Telefonanlage namens {pbx} gibt es schon.",
        "Wählen Sie einen anderen Namen oder entfernen Sie zuerst die vorhandene Telefonanlage.",
    ),
)


define(
    "master_password_wrong",
    en=("The master password is wrong.", "Give the master password that {path} was created with."),
    de=("Das Master-Passwort ist falsch.", "Geben Sie das Master-Passwort ein, mit dem {path} angelegt wurde."),
)

define(
    "secrets_recreated",
    en=("The master password is wrong.", "{path} was re-created meanwhile; open it again with its master password."),
    de=(
        "Das Master-Passwort ist falsch.",
        "{path} wurde inzwischen neu angelegt; öffnen Sie die Datei erneut mit ihrem Master-Passwort.",
    ),
)


define(
    "master_password_empty",
    en=("The master password is empty.", "Give the master password for the secrets file."),
    de=("Das Master-Passwort ist leer.", "Geben Sie das Master-Passwort für die Datei mit den Zugangsdaten ein."),
)

define(
    "secrets_damaged",
    en=(
        "The secrets file {path} was modified or is damaged.",
        "Restore it from a backup, or delete it and store the passwords again.",
    ),
    de=(
        "Die Datei mit den Zugangsdaten {path} wurde verändert oder ist beschädigt.",
        (
            "Stellen Sie sie aus einer Datensicherung wieder her oder löschen Sie sie und hinterlegen Sie die "
            "Passwörter erneut."
        ),
    ),
)

define(
    "secret_key_damaged",
    en=(
        "The stored secret key {name} is damaged.",
        "Backups encrypted with it cannot be read; remove the entry to create a new key.",
    ),
    de=(
        "Der gespeicherte geheime Schlüssel {name} ist beschädigt.",
        (
            "Damit verschlüsselte Sicherungen sind nicht lesbar; entfernen Sie den Eintrag, damit ein neuer "
            "Schlüssel angelegt wird."
        ),
    ),
)

define(
    "keyring_failed",
    en=(
        "modmanager cannot use the system keyring ({error_type}).",
        "Unlock the keyring (log in to the desktop session) and retry.",
    ),
    de=(
        "modmanager kann den Schlüsselbund des Systems nicht verwenden ({error_type}).",
        "Entsperren Sie den Schlüsselbund (an der Desktop-Sitzung anmelden) und versuchen Sie es erneut.",
    ),
)

define(
    "no_keyring",
    en=(
        "No keyring is available on this machine.",
        "Install and unlock a keyring backend (e.g. GNOME Keyring, KWallet).",
    ),
    de=(
        "Auf diesem Computer ist kein Schlüsselbund verfügbar.",
        "Installieren und entsperren Sie einen Schlüsselbund (z. B. GNOME Keyring, KWallet).",
    ),
)

define(
    "no_master_password",
    en=(
        "No keyring is available on this machine and no master password was given.",
        "Set {variable} or install a keyring backend (e.g. GNOME Keyring, KWallet).",
    ),
    de=(
        "Auf diesem Computer ist kein Schlüsselbund verfügbar und es wurde kein Master-Passwort angegeben.",
        "Setzen Sie {variable} oder installieren Sie einen Schlüsselbund (z. B. GNOME Keyring, KWallet).",
    ),
)


@builder("secret_not_given")
def _secret_not_given(p: Params, t: Pick) -> Texts:
    if p.get("what") == "agent_secret":
        message = t("No agent secret was given on stdin.", "Über stdin wurde kein Agent-Geheimnis übergeben.")
    else:
        message = t("No password was given on stdin.", "Über stdin wurde kein Passwort übergeben.")
    return message, t(
        'Pipe it in, one line per secret: printf \'%s\\n%s\\n\' "$PW" "$SECRET" | '
        "modmanager pbx add ... --password-stdin --agent-secret-stdin.",
        'Übergeben Sie es per Pipe, eine Zeile je Geheimnis: printf \'%s\\n%s\\n\' "$PW" "$SECRET" | '
        "modmanager pbx add ... --password-stdin --agent-secret-stdin.",
    )
