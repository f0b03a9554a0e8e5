"""Errors and outcomes of updates, converging and verifying, and recovery."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define

define(
    "update_no_catalog",
    en=(
        "No catalog lists the module {module}.",
        "Add the vendor's catalog: under Settings, Catalog sources, or with 'modmanager settings source add'.",
    ),
    de=(
        "Kein Katalog führt das Modul {module}.",
        "Fügen Sie den Katalog des Herstellers hinzu: unter „Einstellungen“, „Katalogquellen“ oder mit "
        "„modmanager settings source add“.",
    ),
)

define(
    "update_incompatible",
    en=(
        "{module} {version} is not compatible with STARFACE {starface}.",
        "Choose a release that is compatible with this PBX.",
    ),
    de=(
        "{module} {version} ist nicht mit STARFACE {starface} kompatibel.",
        "Wählen Sie eine Version, die mit dieser Telefonanlage kompatibel ist.",
    ),
)

define(
    "update_no_file",
    en=("The catalog has no file for {module} {version}.", "Choose another release or flavour."),
    de=("Der Katalog enthält keine Datei für {module} {version}.", "Wählen Sie eine andere Version oder Ausführung."),
)

define(
    "update_no_nfr_file",
    en=("The catalog has no NFR file for {module} {version}.", "Choose another release or flavour."),
    de=(
        "Der Katalog enthält keine NFR-Datei für {module} {version}.",
        "Wählen Sie eine andere Version oder Ausführung.",
    ),
)

define(
    "update_wrong_file",
    en=("The downloaded file is the module {found}, not {expected}.", "The catalog is wrong; tell its publisher."),
    de=(
        "Die heruntergeladene Datei ist das Modul {found}, nicht {expected}.",
        "Der Katalog ist fehlerhaft; melden Sie das seinem Herausgeber.",
    ),
)

define(
    "update_no_release",
    en=(
        "The catalog has no release {version} of {module}.",
        "The module's details (or 'modmanager plan') show its releases.",
    ),
    de=(
        "Der Katalog enthält keine Version {version} von {module}.",
        "Die Details des Moduls (oder „modmanager plan“) zeigen seine Versionen.",
    ),
)

define(
    "update_up_to_date",
    en=("{module} is up to date.", "There is nothing to update."),
    de=("{module} ist auf dem neuesten Stand.", "Es gibt nichts zu aktualisieren."),
)

define(
    "update_no_compatible_release",
    en=("{module} has no release compatible with this PBX.", "There is nothing to update."),
    de=(
        "Für {module} gibt es keine Version, die mit dieser Telefonanlage kompatibel ist.",
        "Es gibt nichts zu aktualisieren.",
    ),
)


@builder("update_paid_refused")
def _update_paid_refused(p: Params, t: Pick) -> Texts:
    hint = t(
        "Confirm the paid upgrade explicitly, or choose the free release.",
        "Bestätigen Sie das kostenpflichtige Upgrade ausdrücklich oder wählen Sie die kostenlose Version.",
    )
    if p.get("free_version"):
        message = t(
            (
                "{module} {version} is a paid upgrade: it needs a new module license key. The newest free release "
                "is {free_version}."
            ),
            (
                "{module} {version} ist ein kostenpflichtiges Upgrade: Es braucht einen neuen "
                "Modullizenzschlüssel. Die neueste kostenlose Version ist {free_version}."
            ),
        )
    else:
        message = t(
            "{module} {version} is a paid upgrade: it needs a new module license key.",
            "{module} {version} ist ein kostenpflichtiges Upgrade: Es braucht einen neuen Modullizenzschlüssel.",
        )
    return (message, hint)


define(
    "update_file_not_cached",
    en=("The downloaded module file is no longer in the cache.", "Prepare the update again."),
    de=("Die heruntergeladene Moduldatei ist nicht mehr im Zwischenspeicher.", "Bereiten Sie das Update erneut vor."),
)

define(
    "update_module_file_missing",
    en=(
        "The module file of {label} is missing from the local cache.",
        "Prepare the update again so modmanager can download it.",
    ),
    de=(
        "Die Moduldatei von {label} fehlt im lokalen Zwischenspeicher.",
        "Bereiten Sie das Update erneut vor, damit modmanager sie herunterladen kann.",
    ),
)

define(
    "update_changed_since_preview",
    en=("{module} on {pbx} changed since the preview.", "Refresh the PBX and start the update again."),
    de=(
        "{module} auf {pbx} hat sich seit der Vorschau geändert.",
        "Lesen Sie die Telefonanlage neu ein und starten Sie das Update erneut.",
    ),
)

define(
    "update_cancelled",
    en="The update was cancelled; nothing was changed.",
    de="Das Update wurde abgebrochen. Es wurde nichts geändert.",
)


@builder("update_not_started")
def _update_not_started(p: Params, t: Pick) -> Texts:
    message = t(
        "The update of {module} on {pbx} could not start ({cause}). Nothing was changed on the PBX.",
        (
            "Das Update von {module} auf {pbx} konnte nicht beginnen ({cause}). Auf der Telefonanlage wurde nichts "
            "geändert."
        ),
    )
    if p.get("cause_hint"):
        return (message, "{cause_hint}")
    return (message, t("Check the connection and try again.", "Prüfen Sie die Verbindung und versuchen Sie es erneut."))


define(
    "update_upload_failed",
    en=(
        "The update of {module} on {pbx} failed while uploading ({cause}). Nothing was changed on the PBX.",
        "Check the connection and try again.",
    ),
    de=(
        (
            "Das Update von {module} auf {pbx} ist beim Hochladen fehlgeschlagen ({cause}). Auf der Telefonanlage "
            "wurde nichts geändert."
        ),
        "Prüfen Sie die Verbindung und versuchen Sie es erneut.",
    ),
)


def _nothing_lost(t: Pick) -> str:
    return t(
        "Nothing was lost. Check the PBX and try again later.",
        "Es ging nichts verloren. Prüfen Sie die Telefonanlage und versuchen Sie es später erneut.",
    )


@builder("update_rolled_back")
def _update_rolled_back(p: Params, t: Pick) -> Texts:
    return (
        t(
            (
                "The update of {module} on {pbx} failed ({cause}). The previous version v{from_version} was put "
                "back with all its settings."
            ),
            (
                "Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}). Die vorherige Version "
                "v{from_version} wurde mit allen Einstellungen wiederhergestellt."
            ),
        ),
        _nothing_lost(t),
    )


@builder("update_kept_new_version")
def _update_kept_new_version(p: Params, t: Pick) -> Texts:
    return (
        t(
            (
                "The update of {module} on {pbx} failed ({cause}). No copy of v{from_version} was available, so "
                "the new version v{to_version} was kept and all supported settings were restored into it."
            ),
            (
                "Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}). Es gab keine Kopie von "
                "v{from_version}, deshalb bleibt die neue Version v{to_version} installiert; alle unterstützten "
                "Einstellungen wurden in sie übernommen."
            ),
        ),
        _nothing_lost(t),
    )


@builder("update_installed_second_attempt")
def _update_installed_second_attempt(p: Params, t: Pick) -> Texts:
    return (
        t(
            (
                "The installation of {module} on {pbx} failed ({cause}). A second attempt installed v{to_version} "
                "and set it up."
            ),
            (
                "Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}). Ein zweiter Versuch hat "
                "v{to_version} installiert und eingerichtet."
            ),
        ),
        _nothing_lost(t),
    )


def _run_recovery_hint(t: Pick) -> str:
    return t(
        "When the PBX is reachable again, finish it in the Interrupted updates dialog (modmanager offers it on "
        "start) or with 'modmanager recover'.",
        "Sobald die Telefonanlage wieder erreichbar ist, schließen Sie den Vorgang im Dialog „Unterbrochene "
        "Updates“ ab (modmanager bietet ihn beim Start an) oder mit „modmanager recover“.",
    )


@builder("update_not_rolled_back")
def _update_not_rolled_back(p: Params, t: Pick) -> Texts:
    if p.get("backup"):
        message = t(
            (
                "The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts}). The "
                "settings are safe in backup {backup}."
            ),
            (
                "Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht "
                "zurückgesetzt werden ({parts}). Die Einstellungen sind in der Sicherung {backup} sicher."
            ),
        )
    else:
        message = t(
            "The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts}).",
            (
                "Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht "
                "zurückgesetzt werden ({parts})."
            ),
        )
    return (message, _run_recovery_hint(t))


@builder("update_not_finished")
def _update_not_finished(p: Params, t: Pick) -> Texts:
    if p.get("backup"):
        message = t(
            (
                "The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts}). "
                "The settings are safe in backup {backup}."
            ),
            (
                "Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht "
                "abgeschlossen werden ({parts}). Die Einstellungen sind in der Sicherung {backup} sicher."
            ),
        )
    else:
        message = t(
            "The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts}).",
            (
                "Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht "
                "abgeschlossen werden ({parts})."
            ),
        )
    return (message, _run_recovery_hint(t))


define("unexpected", en="an unexpected error occurred", de="ein unerwarteter Fehler ist aufgetreten")

define(
    "cache_failed",
    en=("The downloaded module file could not be kept in the local cache.", "Try again."),
    de=(
        "Die heruntergeladene Moduldatei konnte nicht im lokalen Zwischenspeicher abgelegt werden.",
        "Versuchen Sie es erneut.",
    ),
)


def _run_again_hint(t: Pick) -> str:
    return t(
        "Run the update again or restore the backup.",
        "Führen Sie das Update erneut aus oder stellen Sie die Sicherung wieder her.",
    )


define(
    "converge_wrong_upload",
    en=(
        "The PBX read the uploaded file as module {found_module} v{found_version}, not {module} v{version}.",
        "The file may be damaged; download it again.",
    ),
    de=(
        (
            "Die Telefonanlage hat die hochgeladene Datei als Modul {found_module} v{found_version} gelesen, nicht "
            "als {module} v{version}."
        ),
        "Die Datei ist möglicherweise beschädigt; laden Sie sie erneut herunter.",
    ),
)


@builder("verify_not_installed")
def _verify_not_installed(p: Params, t: Pick) -> Texts:
    return (
        t(
            "After the update the PBX reports the module as not installed, not v{version}.",
            "Nach dem Update meldet die Telefonanlage das Modul als nicht installiert statt v{version}.",
        ),
        _run_again_hint(t),
    )


@builder("verify_wrong_version")
def _verify_wrong_version(p: Params, t: Pick) -> Texts:
    return (
        t(
            "After the update the PBX reports the module as v{found}, not v{version}.",
            "Nach dem Update meldet die Telefonanlage das Modul als v{found} statt v{version}.",
        ),
        _run_again_hint(t),
    )


@builder("verify_settings_differ")
def _verify_settings_differ(p: Params, t: Pick) -> Texts:
    return (
        t(
            "The PBX does not show the settings that were written: {parts}.",
            "Die Telefonanlage zeigt nicht die Einstellungen, die geschrieben wurden: {parts}.",
        ),
        _run_again_hint(t),
    )


define("verify_instance_missing", en="instance “{instance}” is missing", de="die Instanz „{instance}“ fehlt")

define(
    "verify_values_differ",
    en="instance “{instance}” has different values for {keys}",
    de="die Instanz „{instance}“ hat andere Werte für {keys}",
)

define(
    "verify_instance_not_active",
    en="instance “{instance}” is not active",
    de="die Instanz „{instance}“ ist nicht aktiv",
)

define(
    "verify_instance_not_inactive",
    en="instance “{instance}” is not inactive",
    de="die Instanz „{instance}“ ist nicht inaktiv",
)

define(
    "verify_internal_data_differs",
    en="the module's internal data differs",
    de="die internen Daten des Moduls weichen ab",
)

define(
    "recovery_unreachable",
    en=(
        "{pbx} cannot be reached ({cause}); the interrupted update of {module} stays pending.",
        "Try again when the PBX is reachable.",
    ),
    de=(
        "{pbx} ist nicht erreichbar ({cause}); das unterbrochene Update von {module} bleibt offen.",
        "Versuchen Sie es erneut, wenn die Telefonanlage erreichbar ist.",
    ),
)

define(
    "recovery_no_rollback",
    en=(
        "The update of {module} on {pbx} cannot be rolled back: no copy of the previous version is available.",
        "Finish it instead; the settings are restored into the new version.",
    ),
    de=(
        (
            "Das Update von {module} auf {pbx} lässt sich nicht zurücksetzen: Es gibt keine Kopie der vorherigen "
            "Version."
        ),
        "Schließen Sie es stattdessen ab; die Einstellungen werden in die neue Version übernommen.",
    ),
)

define(
    "recovered_rollback",
    en="{module} on {pbx} is back on v{version} with all its settings.",
    de="{module} auf {pbx} läuft wieder mit v{version} und allen Einstellungen.",
)

define(
    "recovered_resume",
    en="{module} on {pbx} now runs v{version} with every supported setting restored.",
    de="{module} auf {pbx} läuft jetzt mit v{version}; alle unterstützten Einstellungen wurden wiederhergestellt.",
)


# -- fleet refresh and rollouts --------------------------------------------------------------------

define(
    "refresh_cancelled",
    en=("{pbx} was not read: the refresh was cancelled.", "Refresh again to read it."),
    de=(
        "{pbx} wurde nicht eingelesen: Das Einlesen wurde abgebrochen.",
        "Lesen Sie die Telefonanlagen erneut ein, um sie einzulesen.",
    ),
)


@builder("catalogs_unavailable")
def _catalogs_unavailable(p: Params, t: Pick) -> Texts:
    if p.get("count") == "1":
        what = t("1 catalog could not be used", "1 Katalog konnte nicht verwendet werden")
    else:
        what = t("{count} catalogs could not be used", "{count} Kataloge konnten nicht verwendet werden")
    if p.get("pbx"):
        p["what"] = t(
            "The list of updates for {pbx} is incomplete", "Die Liste der Updates für {pbx} ist unvollständig"
        )
    else:
        p["what"] = t("The refresh is incomplete", "Das Einlesen ist unvollständig")
    p["what"] = p["what"].format_map(p)
    return "{what}: " + what + " ({parts}).", t(
        "Fix the catalog source (address, network, key) and try again: 'modmanager settings show' lists them.",
        "Korrigieren Sie die Katalogquelle (Adresse, Netzwerk, Schlüssel) und versuchen Sie es erneut: "
        "„modmanager settings show“ listet die Quellen auf.",
    )


define(
    "rollout_no_catalog",
    en=(
        "No catalog lists the module {module}.",
        "Add the vendor's catalog: under Settings, Catalog sources, or with 'modmanager settings source add'.",
    ),
    de=(
        "Kein Katalog führt das Modul {module}.",
        "Fügen Sie den Katalog des Herstellers hinzu: unter „Einstellungen“, „Katalogquellen“ oder mit "
        "„modmanager settings source add“.",
    ),
)

define(
    "rollout_no_release",
    en=(
        "The catalog has no release {version} of {module}.",
        "The module's details (or 'modmanager plan') show its releases.",
    ),
    de=(
        "Der Katalog enthält keine Version {version} von {module}.",
        "Die Details des Moduls (oder „modmanager plan“) zeigen seine Versionen.",
    ),
)


@builder("rollout_changed_since_plan")
def _rollout_changed_since_plan(p: Params, t: Pick) -> Texts:
    if p.get("found"):
        message = t(
            "{module} on {pbx} changed since the rollout was planned (planned from v{planned}, found v{found}). "
            "Nothing was changed on the PBX.",
            "{module} auf {pbx} hat sich seit der Planung des Rollouts geändert (geplant ab v{planned}, "
            "vorgefunden v{found}). Auf der Telefonanlage wurde nichts geändert.",
        )
    else:
        message = t(
            "{module} on {pbx} changed since the rollout was planned (planned from v{planned}, now not "
            "installed). Nothing was changed on the PBX.",
            "{module} auf {pbx} hat sich seit der Planung des Rollouts geändert (geplant ab v{planned}, jetzt "
            "nicht installiert). Auf der Telefonanlage wurde nichts geändert.",
        )
    return message, t("Plan the rollout again.", "Planen Sie den Rollout neu.")


define(
    "rollout_unexpected",
    en=(
        "The update of {module} on {pbx} stopped with an unexpected error.",
        "Refresh the PBX to see what it runs; if it lists an interrupted update, finish it in the Interrupted "
        "updates dialog or with 'modmanager recover'.",
    ),
    de=(
        "Das Update von {module} auf {pbx} wurde durch einen unerwarteten Fehler abgebrochen.",
        "Lesen Sie die Telefonanlage neu ein, um zu sehen, was sie ausführt; zeigt sie ein unterbrochenes Update, "
        "schließen Sie es im Dialog „Unterbrochene Updates“ oder mit „modmanager recover“ ab.",
    ),
)
