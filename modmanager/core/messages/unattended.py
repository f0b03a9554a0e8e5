"""Errors of unattended work: holds, health checks, schedules, reports, e-mail."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words


@builder("update_held")
def _update_held(p: Params, t: Pick) -> Texts:
    if p.get("reason"):
        message = t("{module} is held on {pbx}: {reason}.", "{module} ist auf {pbx} festgehalten: {reason}.")
    else:
        message = t("{module} is held on {pbx}.", "{module} ist auf {pbx} festgehalten.")
    return (
        message,
        t(
            "Release the hold first (in the application, or with 'modmanager unhold'), or choose the version to "
            "install.",
            "Heben Sie das Festhalten zuerst auf (in der Anwendung oder mit „modmanager unhold“) oder wählen Sie die "
            "Version, die installiert werden soll.",
        ),
    )


define(
    "health_check_failed",
    en=("the health check failed: {parts}", "The module did not come up as it should; see the failed check."),
    de=(
        "die Funktionsprüfung schlug fehl: {parts}",
        "Das Modul lief danach nicht wie erwartet; siehe die fehlgeschlagene Prüfung.",
    ),
)


@builder("health_instance_inactive")
def _health_instance_inactive(p: Params, t: Pick) -> Texts:
    if ", " in p.get("instances", ""):
        return t("instances {instances} did not stay active", "Instanzen {instances} blieben nicht aktiv"), ""
    return t("instance {instances} did not stay active", "Instanz {instances} blieb nicht aktiv"), ""


define(
    "health_settings_differ",
    en="the configuration of {instances} does not read back as restored",
    de="die Konfiguration von {instances} liest sich nicht wie wiederhergestellt zurück",
)

define(
    "health_wrong_version",
    en="the PBX runs v{found} instead of v{version}",
    de="die Telefonanlage meldet v{found} statt v{version}",
)

define("health_module_missing", en="the module is no longer installed", de="das Modul ist nicht mehr installiert")

define("health_agent_silent", en="the agent does not answer ({cause})", de="der Agent antwortet nicht ({cause})")

define(
    "health_config_unreadable",
    en="the configuration cannot be read ({cause})",
    de="die Konfiguration lässt sich nicht lesen ({cause})",
)

# No longer raised (the check reads exportConfig only); kept so health reports stored by
# earlier versions, which the history and reports show again, still read in both languages.
define(
    "health_modules_unreadable",
    en="the module list cannot be read ({cause})",
    de="die Modulliste lässt sich nicht lesen ({cause})",
)

HOLD_PLACES: dict[str, tuple[str, str]] = {
    "pbx": ("on {target}", "auf {target}"),
    "customer": ("for the customer {target}", "für den Kunden {target}"),
    "fleet": ("for every PBX", "für alle Telefonanlagen"),
}
"""Where a hold or skip applies (``scope`` of ``hold_not_found``)."""


@builder("hold_not_found")
def _hold_not_found(p: Params, t: Pick) -> Texts:
    p["place"] = words(HOLD_PLACES, p.get("scope", ""), t).format_map(p)
    hint = t(
        "The list of holds (or 'modmanager holds') shows which exist.",
        "Die Liste der Festhaltungen (oder „modmanager holds“) zeigt, welche bestehen.",
    )
    if p.get("kind") == "skip" and p.get("version"):
        return t(
            "There is no skip of v{version} of {module} {place}.",
            "Für {module} gibt es {place} kein Überspringen von v{version}.",
        ), hint
    if p.get("kind") == "hold":
        return t("There is no hold of {module} {place}.", "Für {module} gibt es {place} kein Festhalten."), hint
    return t(
        "There is no such hold or skip of {module}.", "Für {module} gibt es dieses Festhalten oder Überspringen nicht."
    ), hint


define(
    "hold_needs_module",
    en=("A hold needs a module.", "Choose a module (by id or name)."),
    de=("Zum Festhalten gehört ein Modul.", "Wählen Sie ein Modul (über seine ID oder seinen Namen)."),
)

define(
    "hold_needs_customer",
    en=(
        "A customer hold needs the customer's name.",
        "Name the customer (--customer NAME), or give the PBX a customer first.",
    ),
    de=(
        "Zum Festhalten für einen Kunden gehört der Kundenname.",
        "Nennen Sie den Kunden (--customer NAME) oder tragen Sie bei der Telefonanlage zuerst einen Kunden ein.",
    ),
)

define(
    "hold_needs_version",
    en=("A skip needs the release to skip.", "Choose a release (e.g. --version 130)."),
    de=(
        "Zum Überspringen gehört die Version, die übersprungen werden soll.",
        "Wählen Sie eine Version (z. B. --version 130).",
    ),
)

define(
    "hold_reason_too_long",
    en=("The reason is longer than {limit} characters.", "Say it shorter."),
    de=("Die Begründung ist länger als {limit} Zeichen.", "Fassen Sie sie kürzer."),
)

WINDOW_PROBLEMS: dict[str, tuple[str, str]] = {
    "format": (
        "The maintenance window '{window}' is not 'weekdays start-end [time zone]'.",
        "Das Wartungsfenster „{window}“ hat nicht die Form „Wochentage Beginn-Ende [Zeitzone]“.",
    ),
    "no_range": (
        "The maintenance window '{window}' has no time range like 22:00-02:00.",
        "Das Wartungsfenster „{window}“ hat keinen Zeitraum wie 22:00-02:00.",
    ),
    "unknown_weekday": (
        "The maintenance window '{window}' has the unknown weekday '{value}'.",
        "Das Wartungsfenster „{window}“ nennt den unbekannten Wochentag „{value}“.",
    ),
    "bad_time": (
        "The maintenance window '{window}' has the time '{value}', not HH:MM.",
        "Das Wartungsfenster „{window}“ hat die Uhrzeit „{value}“ statt HH:MM.",
    ),
    "unknown_zone": (
        "The maintenance window '{window}' names the unknown time zone '{value}'.",
        "Das Wartungsfenster „{window}“ nennt die unbekannte Zeitzone „{value}“.",
    ),
    "no_weekday": (
        "The maintenance window '{window}' names no weekday.",
        "Das Wartungsfenster „{window}“ nennt keinen Wochentag.",
    ),
    "whole_minutes": (
        "The maintenance window '{window}' must use whole minutes without a time zone in its times.",
        "Das Wartungsfenster „{window}“ muss ganze Minuten ohne Zeitzone in seinen Uhrzeiten verwenden.",
    ),
}
"""What is wrong with a maintenance window (``problem`` of ``window_invalid``): (English, German)."""


@builder("window_invalid")
def _window_invalid(p: Params, t: Pick) -> Texts:
    message = words(
        WINDOW_PROBLEMS,
        p.get("problem", ""),
        t,
        ("The maintenance window {window} cannot be read.", "Das Wartungsfenster {window} ist so nicht lesbar."),
    )
    return message, t(
        "Write it like 'Mon-Fri 22:00-02:00 Europe/Berlin' (weekdays, time range, time zone).",
        "Schreiben Sie es wie „Mo-Fr 22:00-02:00 Europe/Berlin“ (Wochentage, Uhrzeiten, Zeitzone).",
    )


IMPORT_PROBLEMS: dict[str, tuple[str, str]] = {
    "fields": (
        "Line {line} of the window list does not have three fields (scope, name, window).",
        "Zeile {line} der Fensterliste hat nicht drei Felder (scope, name, window).",
    ),
    "scope": (
        "Line {line} of the window list has the scope '{value}', not customer or pbx.",
        "Zeile {line} der Fensterliste hat den Bereich „{value}“ statt customer oder pbx.",
    ),
    "no_name": ("Line {line} of the window list has no name.", "Zeile {line} der Fensterliste hat keinen Namen."),
    "unknown_pbx": (
        "Line {line} of the window list names the PBX '{value}', which is not in the inventory.",
        "Zeile {line} der Fensterliste nennt die Telefonanlage „{value}“, die modmanager nicht kennt.",
    ),
    "window": (
        "Line {line} of the window list cannot be used ({cause}).",
        "Zeile {line} der Fensterliste ist unbrauchbar ({cause}).",
    ),
}
"""What is wrong with a line of an imported window list (``problem`` of ``window_import_invalid``)."""


@builder("window_import_invalid")
def _window_import_invalid(p: Params, t: Pick) -> Texts:
    message = words(
        IMPORT_PROBLEMS,
        p.get("problem", ""),
        t,
        (
            "Line {line} of the window list cannot be used ({problem}).",
            "Zeile {line} der Fensterliste ist unbrauchbar ({problem}).",
        ),
    )
    return message, t(
        "Fix that line (scope,name,window - e.g. customer,Müller GmbH,Mon-Fri 22:00-02:00 Europe/Berlin); "
        "nothing was imported.",
        "Korrigieren Sie diese Zeile (scope,name,window – z. B. customer,Müller GmbH,Mon-Fri 22:00-02:00 "
        "Europe/Berlin); es wurde nichts übernommen.",
    )


define(
    "schedule_no_pbx",
    en=("No PBX was chosen.", "Choose at least one PBX."),
    de=("Es ist keine Telefonanlage ausgewählt.", "Wählen Sie mindestens eine Telefonanlage."),
)

define(
    "schedule_no_window",
    en=(
        "No maintenance window is set for {pbxs}, so nothing was scheduled.",
        "Set a window for the PBX or its customer first (Maintenance windows, or 'modmanager window set').",
    ),
    de=(
        "Für {pbxs} ist kein Wartungsfenster eingestellt, daher wurde nichts geplant.",
        "Stellen Sie zuerst ein Wartungsfenster für die Telefonanlage oder ihren Kunden ein („Wartungsfenster“ "
        "oder „modmanager window set“).",
    ),
)

define(
    "schedule_unknown_module",
    en=("No catalog lists the module {module}.", "Choose a module of a configured catalog."),
    de=("Kein Katalog führt das Modul {module}.", "Wählen Sie ein Modul aus einem eingerichteten Katalog."),
)

define(
    "schedule_unknown_release",
    en=("The catalog has no release {version} of {module}.", "Choose a release the catalog lists."),
    de=("Der Katalog enthält keine Version {version} von {module}.", "Wählen Sie eine Version, die der Katalog führt."),
)

define(
    "schedule_duplicate",
    en=(
        "The same job is already scheduled for {pbx} in that window (job {job}).",
        "Nothing was scheduled; remove the existing job first to change it.",
    ),
    de=(
        "Derselbe Auftrag ist für {pbx} in diesem Fenster schon geplant (Auftrag {job}).",
        "Es wurde nichts geplant; entfernen Sie zuerst den bestehenden Auftrag, um ihn zu ändern.",
    ),
)

define(
    "schedule_unknown_job",
    en=("There is no scheduled job {job}.", "Reload the list of jobs ('modmanager schedule list')."),
    de=(
        "Einen geplanten Auftrag {job} gibt es nicht.",
        "Laden Sie die Auftragsliste neu („modmanager schedule list“).",
    ),
)

define(
    "schedule_job_running",
    en=("Job {job} is running right now and cannot be removed.", "Wait until it has finished."),
    de=("Auftrag {job} läuft gerade und kann nicht entfernt werden.", "Warten Sie, bis er fertig ist."),
)

define(
    "schedule_runner_busy",
    en=("Another modmanager is running the due jobs right now.", "Nothing to do: that one takes care of them."),
    de=(
        "Ein anderer modmanager führt die fälligen Aufträge gerade aus.",
        "Hier ist nichts zu tun: jener erledigt sie.",
    ),
)

define(
    "schedule_interrupted_update",
    en=(
        "An interrupted update waits on {pbx}; nothing was changed.",
        "Finish it first: in the Interrupted updates dialog, or with 'modmanager recover'.",
    ),
    de=(
        "Auf {pbx} wartet ein unterbrochenes Update; es wurde nichts verändert.",
        "Schließen Sie es zuerst ab: im Dialog „Unterbrochene Updates“ oder mit „modmanager recover“.",
    ),
)

define(
    "report_unknown_customer",
    en=(
        "There is no customer named {customer} and no recorded change for one.",
        "Choose the customer as it is set on its PBXs.",
    ),
    de=(
        "Einen Kunden {customer} gibt es nicht, und für ihn ist keine Änderung verzeichnet.",
        "Wählen Sie den Kunden so, wie er bei seinen Telefonanlagen eingetragen ist.",
    ),
)

define(
    "notify_not_configured",
    en=(
        "The e-mail summary is not set up ({missing} missing).",
        "Fill in the e-mail settings (in the application, or with 'modmanager notify setup').",
    ),
    de=(
        "Die E-Mail-Zusammenfassung ist nicht eingerichtet (es fehlt: {missing}).",
        "Füllen Sie die E-Mail-Einstellungen aus (in der Anwendung oder mit „modmanager notify setup“).",
    ),
)

define(
    "notify_no_password",
    en=(
        "No SMTP password is stored.",
        "Enter the SMTP password (in the e-mail settings, or with 'modmanager notify set-password').",
    ),
    de=(
        "Es ist kein SMTP-Passwort gespeichert.",
        "Geben Sie das SMTP-Passwort ein (in den E-Mail-Einstellungen oder mit „modmanager notify set-password“).",
    ),
)

NOTIFY_PROBLEMS: dict[str, tuple[str, str]] = {
    "no_starttls": ("the server does not offer STARTTLS", "der Server bietet kein STARTTLS an"),
    "login_refused": ("the server refused the login", "der Server hat die Anmeldung abgelehnt"),
    "recipients_refused": ("the server refused every recipient", "der Server hat alle Empfänger abgelehnt"),
    "some_refused": ("the server refused {value}", "der Server hat {value} abgelehnt"),
    "untrusted": ("the server's certificate is not trusted", "dem Zertifikat des Servers wird nicht vertraut"),
    "timeout": ("the server did not answer in time", "der Server hat nicht rechtzeitig geantwortet"),
    "connection_refused": ("the connection was refused", "die Verbindung wurde abgelehnt"),
    "smtp_code": ("the server answered {value}", "der Server hat mit {value} geantwortet"),
    "other": ("{value}", "{value}"),
}
"""Why the e-mail summary could not be sent (``problem`` of ``notify_failed``): (English, German)."""


@builder("notify_failed")
def _notify_failed(p: Params, t: Pick) -> Texts:
    problem = p.get("problem", "")
    unknown = ("{reason}", "{reason}") if "reason" in p else ("{value}", "{value}")  # "reason": stored before keys
    p["reason_text"] = words(NOTIFY_PROBLEMS, problem, t, unknown).format_map(p)
    message = t(
        "The e-mail summary could not be sent via {server} ({reason_text}).",
        "Die E-Mail-Zusammenfassung konnte über {server} nicht versendet werden ({reason_text}).",
    )
    if problem == "login_refused":
        return message, t("Check smtp_user and the SMTP password.", "Prüfen Sie smtp_user und das SMTP-Passwort.")
    if problem in ("recipients_refused", "some_refused"):
        return message, t("Check smtp_recipients.", "Prüfen Sie smtp_recipients.")
    return message, t(
        "Check the e-mail settings (in the application, or try them with 'modmanager notify test').",
        "Prüfen Sie die E-Mail-Einstellungen (in der Anwendung, oder testen Sie sie mit „modmanager notify test“).",
    )


# -- choosing PBXs by customer and tag -----------------------------------------------------------


@builder("unknown_customer")
def _unknown_customer(p: Params, t: Pick) -> Texts:
    message = t("No PBX belongs to the customer '{customer}'.", "Zum Kunden „{customer}“ gehört keine Telefonanlage.")
    if p.get("known"):
        return message, t("Customers: {known}.", "Kunden: {known}.")
    return message, t("No PBX has a customer yet.", "Noch keine Telefonanlage hat einen Kunden.")


@builder("unknown_tag")
def _unknown_tag(p: Params, t: Pick) -> Texts:
    message = t("No PBX has the tag '{tag}'.", "Keine Telefonanlage hat das Tag „{tag}“.")
    if p.get("known"):
        return message, t("Tags: {known}.", "Tags: {known}.")
    return message, t("No PBX has tags yet.", "Noch keine Telefonanlage hat Tags.")


define(
    "nothing_selected",
    en=(
        "No PBX has the customer {customers} and the tag {tags}.",
        "Leave out a customer or tag, or check them in the list of PBXs ('modmanager pbx list').",
    ),
    de=(
        "Keine Telefonanlage hat den Kunden {customers} und das Tag {tags}.",
        "Lassen Sie einen Kunden oder ein Tag weg oder prüfen Sie sie in der Liste der Telefonanlagen "
        "(„modmanager pbx list“).",
    ),
)
