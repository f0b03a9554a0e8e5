"""The command line: its questions without a terminal, what a command was given, and how a
command that touched several PBXs or modules ended (:mod:`modmanager.cli`)."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words

_RECOVER_PBX = (
    "Each line above says where that PBX stands; run 'modmanager recover' if one could not be rolled back.",
    "Jede Zeile oben sagt, wo diese Telefonanlage steht; führen Sie 'modmanager recover' aus, falls eine nicht "
    "zurückgerollt werden konnte.",
)
_RECOVER_MODULE = (
    "Each line above says where that module stands; run 'modmanager recover' if one could not be rolled back.",
    "Jede Zeile oben sagt, wo dieses Modul steht; führen Sie 'modmanager recover' aus, falls eines nicht "
    "zurückgerollt werden konnte.",
)


def _pbxs(count: str, t: Pick) -> str:
    """ "1 PBX", "3 PBXs" in the language being rendered."""
    return f"{count} " + (t("PBX", "Telefonanlage") if count == "1" else t("PBXs", "Telefonanlagen"))


# -- questions without a terminal --------------------------------------------------------------

define(
    "master_password_needs_terminal",
    en=(
        "No keyring is available and no master password was given, and there is no terminal to ask for it.",
        "Set {variable} or install a keyring backend (e.g. GNOME Keyring, KWallet).",
    ),
    de=(
        "Es ist kein Schlüsselbund verfügbar, kein Master-Passwort angegeben und kein Terminal da, um danach "
        "zu fragen.",
        "Setzen Sie {variable} oder installieren Sie einen Schlüsselbund (z. B. GNOME Keyring, KWallet).",
    ),
)
define(
    "agent_secret_needs_terminal",
    en=(
        "The agent secret is needed and there is no terminal to ask for it.",
        "Pass it as the next line of stdin with --agent-secret-stdin, or set {variable}.",
    ),
    de=(
        "Das Agent-Geheimnis wird gebraucht, und es ist kein Terminal da, um danach zu fragen.",
        "Übergeben Sie es mit --agent-secret-stdin als nächste Zeile auf stdin oder setzen Sie {variable}.",
    ),
)
define(
    "password_needs_terminal",
    en=("A password is needed and there is no terminal to ask for it.", "Pass it on stdin with --password-stdin."),
    de=(
        "Ein Passwort wird gebraucht, und es ist kein Terminal da, um danach zu fragen.",
        "Übergeben Sie es mit --password-stdin auf stdin.",
    ),
)
define(
    "confirm_needs_terminal",
    en=(
        "{question}: not confirmed, because there is no terminal to ask on; nothing was changed.",
        "Add --yes to confirm from a script.",
    ),
    de=(
        "{question}: nicht bestätigt, weil kein Terminal da ist, um zu fragen; nichts wurde geändert.",
        "Bestätigen Sie in einem Skript mit --yes.",
    ),
)
define("confirm_cancelled", en="Cancelled; nothing was changed.", de="Abgebrochen; nichts wurde geändert.")
define(
    "passwords_differ",
    en=("The two passwords differ; nothing was written.", "Try again."),
    de=("Die beiden Passwörter sind verschieden; nichts wurde geschrieben.", "Versuchen Sie es erneut."),
)

# -- what a command was given ------------------------------------------------------------------

_WHERE: dict[str, tuple[str, str]] = {
    "installed": ("installed on {pbx}", "unter den auf {pbx} installierten Modulen"),
    "catalogs": ("in the catalogs", "in den Katalogen"),
    "pbx_or_catalogs": ("on {pbx} or in the catalogs", "auf {pbx} oder in den Katalogen"),
    "pbxs_or_catalogs": ("on your PBXs or in the catalogs", "auf Ihren Telefonanlagen oder in den Katalogen"),
}


@builder("module_name_unknown")
def _module_name_unknown(p: Params, t: Pick) -> Texts:
    where = words(_WHERE, p.get("where", ""), t, _WHERE["catalogs"])
    return (
        t("There is no module named '{name}' ", "Es gibt kein Modul namens „{name}“ ") + where + ".",
        t("Give the module's id or exact name.", "Geben Sie die ID oder den genauen Namen des Moduls an."),
    )


@builder("module_name_ambiguous")
def _module_name_ambiguous(p: Params, t: Pick) -> Texts:
    where = words(_WHERE, p.get("where", ""), t, _WHERE["catalogs"])
    return (
        t("The name '{name}' fits several modules ", "Der Name „{name}“ passt zu mehreren Modulen ")
        + where
        + ": {matches}.",
        t("Give the module id instead.", "Geben Sie stattdessen die ID des Moduls an."),
    )


define(
    "audit_limit_invalid",
    en=("--limit must be at least 1.", "Give a positive number."),
    de=("--limit muss mindestens 1 sein.", "Geben Sie eine positive Zahl an."),
)
define(
    "output_file_exists",
    en=("{path} already exists; nothing was written.", "Choose another file name."),
    de=("{path} gibt es bereits; nichts wurde geschrieben.", "Wählen Sie einen anderen Dateinamen."),
)
define(
    "backup_instances_unknown",
    en=(
        "The backup has no instance named {names}.",
        "Run 'modmanager backup show {backup}' to see its instances.",
    ),
    de=(
        "Die Sicherung hat keine Instanz namens {names}.",
        "Mit 'modmanager backup show {backup}' sehen Sie ihre Instanzen.",
    ),
)
define(
    "backup_in_use",
    en=(
        "Backup {backup} holds the settings of an unfinished update; it was not deleted.",
        "Run 'modmanager recover' first.",
    ),
    de=(
        "Die Sicherung {backup} enthält die Einstellungen eines unvollendeten Updates; sie wurde nicht gelöscht.",
        "Führen Sie zuerst 'modmanager recover' aus.",
    ),
)
define(
    "report_output_type",
    en=("{name} is neither a .pdf nor an .html file.", "Name the output FILE.pdf or FILE.html."),
    de=("{name} ist weder eine .pdf- noch eine .html-Datei.", "Nennen Sie die Ausgabedatei DATEI.pdf oder DATEI.html."),
)
define(
    "report_write_failed",
    en=("{path} cannot be written ({detail}).", "Choose another place."),
    de=("{path} kann nicht geschrieben werden ({detail}).", "Wählen Sie einen anderen Ort."),
)
define(
    "report_not_written",
    en=("{path} could not be written.", "Choose a folder you can write to."),
    de=("{path} konnte nicht geschrieben werden.", "Wählen Sie einen Ordner, in den Sie schreiben dürfen."),
)
define(
    "window_file_too_large",
    en=("{path} is larger than {limit}.", "Split it into smaller files."),
    de=("{path} ist größer als {limit}.", "Teilen Sie sie in kleinere Dateien auf."),
)
define(
    "window_file_unreadable",
    en=("{path} cannot be read ({detail}).", "Check the file name."),
    de=("{path} kann nicht gelesen werden ({detail}).", "Prüfen Sie den Dateinamen."),
)
define(
    "window_file_not_utf8",
    en=("{path} is not UTF-8 text.", "Save the CSV file as UTF-8."),
    de=("{path} ist kein UTF-8-Text.", "Speichern Sie die CSV-Datei als UTF-8."),
)
define(
    "schedule_customer_unknown",
    en=("No PBX belongs to the customer '{customer}'.", "Give the customer as 'modmanager pbx list' shows it."),
    de=(
        "Keine Telefonanlage gehört zum Kunden „{customer}“.",
        "Geben Sie den Kunden so an, wie 'modmanager pbx list' ihn zeigt.",
    ),
)
define(
    "schedule_rollout_needs_version",
    en=("--rollout needs --version.", "Name the release, e.g. --version 130."),
    de=("--rollout braucht --version.", "Nennen Sie die Version, z. B. --version 130."),
)
define(
    "setting_not_yes_no",
    en=("'{text}' is not yes or no.", "Use true or false."),
    de=("„{text}“ ist weder ja noch nein.", "Verwenden Sie true oder false."),
)
define(
    "setting_not_number",
    en=("'{text}' is not a whole number.", "Give {key} as a number."),
    de=("„{text}“ ist keine ganze Zahl.", "Geben Sie {key} als Zahl an."),
)
define(
    "catalog_source_exists",
    en=("There is already a catalog source named '{name}'.", "Remove it first or pick a name."),
    de=(
        "Es gibt bereits eine Katalogquelle namens „{name}“.",
        "Entfernen Sie sie zuerst oder wählen Sie einen anderen Namen.",
    ),
)
define(
    "catalog_source_unknown",
    en=("There is no catalog source named '{name}'.", "See: modmanager settings source list"),
    de=("Es gibt keine Katalogquelle namens „{name}“.", "Siehe: modmanager settings source list"),
)
define(
    "sim_unknown_pbx",
    en=("--unstable names the PBX '{pbx}', which this world does not have.", "Use one of: {names}."),
    de=(
        "--unstable nennt die Telefonanlage „{pbx}“, die es in dieser Welt nicht gibt.",
        "Verwenden Sie eine von: {names}.",
    ),
)


@builder("update_paid_needs_flag")
def _update_paid_needs_flag(p: Params, t: Pick) -> Texts:
    message = t(
        "{module} {version} is a paid upgrade that needs a new module license key; nothing was changed.",
        "{module} {version} ist ein kostenpflichtiges Upgrade, das einen neuen Modul-Lizenzschlüssel braucht; "
        "nichts wurde geändert.",
    )
    if p.get("free_version"):
        return message, t(
            "Add --accept-paid once you have the key, or take the free release {free_version} with --to {free_number}.",
            "Geben Sie --accept-paid an, sobald Sie den Schlüssel haben, oder nehmen Sie die kostenlose Version "
            "{free_version} mit --to {free_number}.",
        )
    return message, t(
        "Add --accept-paid once you have the key.", "Geben Sie --accept-paid an, sobald Sie den Schlüssel haben."
    )


# -- how a command over several PBXs or modules ended ------------------------------------------

_FLEET_ACTIONS: dict[str, tuple[str, str]] = {
    "refreshed": ("refreshed", "aktualisiert"),
    "checked": ("checked", "geprüft"),
}


@builder("fleet_incomplete")
def _fleet_incomplete(p: Params, t: Pick) -> Texts:
    p["total_pbxs"] = _pbxs(p.get("total", ""), t)
    p["action_words"] = words(_FLEET_ACTIONS, p.get("action", ""), t, _FLEET_ACTIONS["checked"])
    return (
        t(
            "{failed} of {total_pbxs} could not be {action_words}: {names}.",
            "{failed} von {total_pbxs} konnten nicht {action_words} werden: {names}.",
        ),
        t(
            "The table says why; check the connection or the PBX and try again.",
            "Die Tabelle nennt den Grund; prüfen Sie die Verbindung oder die Telefonanlage "
            "und versuchen Sie es erneut.",
        ),
    )


@builder("rollout_stopped")
def _rollout_stopped(p: Params, t: Pick) -> Texts:
    p["total_pbxs"] = _pbxs(p.get("total", ""), t)
    p["verb"] = "ist" if p.get("failed") == "1" else "sind"
    message = t(
        "The rollout of {module} stopped: {failed} of {total_pbxs} failed",
        "Der Rollout von {module} wurde angehalten: {failed} von {total_pbxs} {verb} fehlgeschlagen",
    )
    if p.get("not_started", "0") != "0":
        message += t(", {not_started} not started", ", {not_started} nicht begonnen")
    return message + ".", t(*_RECOVER_PBX)


@builder("updates_failed")
def _updates_failed(p: Params, t: Pick) -> Texts:
    p["verb"] = "ist" if p.get("failed") == "1" else "sind"
    message = t(
        "{failed} of {total} updates on {pbx} failed", "{failed} von {total} Updates auf {pbx} {verb} fehlgeschlagen"
    )
    if p.get("skipped", "0") != "0":
        message += t("; {skipped} not attempted", "; {skipped} nicht versucht")
    return message + ".", t(*_RECOVER_MODULE)


define(
    "recover_incomplete",
    en=(
        "{failed} of {total} interrupted updates could not be finished yet.",
        "They stay listed; try again with 'modmanager recover' when the PBX is reachable.",
    ),
    de=(
        "{failed} von {total} unterbrochenen Updates konnten noch nicht abgeschlossen werden.",
        "Sie bleiben aufgeführt; versuchen Sie es erneut mit 'modmanager recover', sobald die Telefonanlage "
        "erreichbar ist.",
    ),
)
