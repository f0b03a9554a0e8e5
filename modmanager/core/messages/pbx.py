"""Errors of the PBX and its agent: login, protocol, connection, certificates, addresses."""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words


@builder("auth_failed")
def _auth_failed(p: Params, t: Pick) -> Texts:
    p["name"] = p.get("name") or t("<name>", "<Name>")
    return t(
        "The PBX refused the login ID or password.", "Die Telefonanlage hat die Login-ID oder das Passwort abgelehnt."
    ), t(
        "Check the login ID and store the right password: under Edit PBX, or with "
        "'modmanager pbx edit {name} --password-stdin'.",
        "Prüfen Sie die Login-ID und hinterlegen Sie das richtige Passwort: unter „Telefonanlage bearbeiten“ "
        "oder mit „modmanager pbx edit {name} --password-stdin“.",
    )


define(
    "agent_missing",
    en=(
        "The modmanager agent does not answer on this PBX.",
        "Install the modmanager agent module on this PBX ('modmanager agent export FILE' writes it; the steps are "
        "in docs/agent-install.en.md, linked under Edit PBX), or correct the agent instance name.",
    ),
    de=(
        "Der modmanager-Agent antwortet auf dieser Telefonanlage nicht.",
        "Installieren Sie das modmanager-Agentenmodul auf dieser Telefonanlage („modmanager agent export DATEI“ "
        "schreibt es; die Schritte stehen in docs/agent-install.de.md, verlinkt unter „Telefonanlage bearbeiten“), "
        "oder korrigieren Sie den Namen der Agent-Instanz.",
    ),
)


@builder("secret_invalid")
def _secret_invalid(p: Params, t: Pick) -> Texts:
    p["name"] = p.get("name") or t("<name>", "<Name>")
    return t(
        "The agent on {pbx} refused the agent secret.", "Der Agent auf {pbx} hat das Agent-Geheimnis abgelehnt."
    ), t(
        "Enter the secret set in the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration): "
        "under Edit PBX, or with 'modmanager pbx edit {name} --agent-secret-stdin'.",
        "Tragen Sie das Geheimnis ein, das in der Modulkonfiguration des Agenten hinterlegt ist "
        "(STARFACE-Administration > Module > Modul-Konfiguration): unter „Telefonanlage bearbeiten“ oder mit "
        "„modmanager pbx edit {name} --agent-secret-stdin“.",
    )


define(
    "not_supported",
    en=(
        "The agent on this PBX cannot do this ({detail}).",
        "Update the modmanager agent module on the PBX ('modmanager agent export FILE' writes the current one).",
    ),
    de=(
        "Der Agent auf dieser Telefonanlage kann das nicht ({detail}).",
        "Aktualisieren Sie das modmanager-Agentenmodul auf der Telefonanlage („modmanager agent export DATEI“ "
        "schreibt das aktuelle).",
    ),
)

define(
    "upload_too_large",
    en=(
        "The module file is larger than the agent on this PBX accepts ({detail}).",
        "Check that this is the right module file; a module file is normally far smaller.",
    ),
    de=(
        "Die Moduldatei ist größer, als der Agent auf dieser Telefonanlage annimmt ({detail}).",
        "Prüfen Sie, ob es die richtige Moduldatei ist; eine Moduldatei ist normalerweise weit kleiner.",
    ),
)

define(
    "request_too_large",
    en=(
        "The data to send is larger than the agent accepts in one request ({size_kib} KiB; at most {limit_kib} KiB).",
        "Restore the settings of this module by hand; the agent cannot take them in one piece.",
    ),
    de=(
        (
            "Die zu sendenden Daten sind größer, als der Agent in einer Anfrage annimmt ({size_kib} KiB; höchstens "
            "{limit_kib} KiB)."
        ),
        (
            "Stellen Sie die Einstellungen dieses Moduls von Hand wieder her; der Agent kann sie nicht in einem "
            "Stück übernehmen."
        ),
    ),
)


@builder("agent_update_timeout")
def _agent_update_timeout(p: Params, t: Pick) -> Texts:
    if p.get("cause"):
        message = t(
            "The agent on {pbx} did not come back as version {version} in time ({cause}).",
            "Der Agent auf {pbx} meldete sich nicht rechtzeitig in Version {version} zurück ({cause}).",
        )
    else:
        message = t(
            "The agent on {pbx} did not come back as version {version} in time.",
            "Der Agent auf {pbx} meldete sich nicht rechtzeitig in Version {version} zurück.",
        )
    return (
        message,
        t(
            "Check the module page of the agent in the STARFACE admin interface, then refresh the PBX.",
            (
                "Prüfen Sie die Modulseite des Agenten in der STARFACE-Administration und aktualisieren Sie dann "
                "die Ansicht der Telefonanlage."
            ),
        ),
    )


define(
    "bad_request",
    en=(
        "The agent rejected a request as malformed ({detail}).",
        "Update modmanager and the agent module to matching versions.",
    ),
    de=(
        "Der Agent hat eine Anfrage als fehlerhaft abgelehnt ({detail}).",
        "Bringen Sie modmanager und das Agent-Modul auf zueinander passende Versionen.",
    ),
)

define(
    "protocol_unsupported",
    en=(
        "The agent on this PBX speaks another protocol version than this modmanager ({detail}).",
        "Update the agent module on the PBX or modmanager so both speak the same protocol version.",
    ),
    de=(
        "Der Agent auf dieser Telefonanlage spricht eine andere Protokollversion als dieser modmanager ({detail}).",
        (
            "Aktualisieren Sie das Agent-Modul auf der Telefonanlage oder modmanager, damit beide dieselbe "
            "Protokollversion sprechen."
        ),
    ),
)

define(
    "starface_too_old",
    en=(
        "This STARFACE release is too old for the modmanager agent ({detail}).",
        "Update STARFACE on this PBX, or manage its modules by hand.",
    ),
    de=(
        "Diese STARFACE-Version ist zu alt für den modmanager-Agenten ({detail}).",
        "Aktualisieren Sie STARFACE auf dieser Telefonanlage oder verwalten Sie ihre Module von Hand.",
    ),
)

define(
    "module_not_found",
    en=("The module is not installed on the PBX ({detail}).", "Refresh the PBX to see its current modules."),
    de=(
        "Das Modul ist auf der Telefonanlage nicht installiert ({detail}).",
        "Lesen Sie die Telefonanlage neu ein, um ihre aktuellen Module zu sehen.",
    ),
)

define(
    "instance_not_found",
    en=(
        "The module instance does not exist on the PBX ({detail}).",
        "Refresh the PBX to see its current module instances.",
    ),
    de=(
        "Die Modulinstanz gibt es auf der Telefonanlage nicht ({detail}).",
        "Lesen Sie die Telefonanlage neu ein, um ihre aktuellen Modulinstanzen zu sehen.",
    ),
)

define(
    "instance_exists",
    en=("A module instance of that name exists already ({detail}).", "Choose another instance name."),
    de=("Eine Modulinstanz mit diesem Namen gibt es bereits ({detail}).", "Wählen Sie einen anderen Instanznamen."),
)

define(
    "upload_not_found",
    en=("The PBX no longer holds the uploaded module file ({detail}).", "Upload the module again."),
    de=("Die Telefonanlage hat die hochgeladene Moduldatei nicht mehr ({detail}).", "Laden Sie das Modul erneut hoch."),
)

define(
    "checksum_mismatch",
    en=(
        "The module file arrived damaged on the PBX ({detail}).",
        "Upload the module again; if it repeats, check the network path to the PBX.",
    ),
    de=(
        "Die Moduldatei ist beschädigt auf der Telefonanlage angekommen ({detail}).",
        "Laden Sie das Modul erneut hoch; passiert es wieder, prüfen Sie die Netzwerkverbindung zur Telefonanlage.",
    ),
)

define(
    "offset_mismatch",
    en=("The PBX expected another part of the module file ({detail}).", "Upload the module again."),
    de=(
        "Die Telefonanlage hat einen anderen Teil der Moduldatei erwartet ({detail}).",
        "Laden Sie das Modul erneut hoch.",
    ),
)

define(
    "invalid_module",
    en=("The PBX refused the file as not a valid module ({detail}).", "Check that the file is an intact .sfm module."),
    de=(
        "Die Telefonanlage hat die Datei als ungültiges Modul abgelehnt ({detail}).",
        "Prüfen Sie, ob die Datei ein unbeschädigtes .sfm-Modul ist.",
    ),
)

define(
    "upload_incomplete",
    en=("The module file on the PBX is incomplete ({detail}).", "Upload the module again."),
    de=("Die Moduldatei auf der Telefonanlage ist unvollständig ({detail}).", "Laden Sie das Modul erneut hoch."),
)


@builder("locked")
def _locked(p: Params, t: Pick) -> Texts:
    hint = t(
        "Wait until it has finished, or until its lock expires, and retry.",
        "Warten Sie, bis er fertig ist oder seine Sperre abläuft, und versuchen Sie es dann erneut.",
    )
    if "owner" in p and p.get("until"):
        return (
            t(
                "The PBX is locked by {owner} until {until}: another workstation is changing it.",
                "Die Telefonanlage ist bis {until} von {owner} gesperrt: Ein anderer Arbeitsplatz ändert sie gerade.",
            ),
            hint,
        )
    if "owner" in p:
        return (
            t(
                "The PBX is locked by {owner}: another workstation is changing it.",
                "Die Telefonanlage ist von {owner} gesperrt: Ein anderer Arbeitsplatz ändert sie gerade.",
            ),
            hint,
        )
    return (
        t(
            "Another workstation is changing this PBX ({detail}).",
            "Ein anderer Arbeitsplatz ändert diese Telefonanlage gerade ({detail}).",
        ),
        hint,
    )


define(
    "lock_required",
    en=(
        "The PBX refused a change without a valid lock (it may have expired: {detail}).",
        "Retry the operation; it takes a new lock.",
    ),
    de=(
        (
            "Die Telefonanlage hat eine Änderung ohne gültige Sperre abgelehnt (sie ist vielleicht abgelaufen: "
            "{detail})."
        ),
        "Wiederholen Sie den Vorgang; er holt sich eine neue Sperre.",
    ),
)


@builder("pbx_busy", "pbx_busy_timeout", "pbx_wait_cancelled")
def _pbx_busy(p: Params, t: Pick) -> Texts:
    if "holder" not in p:
        return (
            t(
                "Waiting for {pbx} was cancelled; nothing was changed.",
                "Das Warten auf {pbx} wurde abgebrochen; es wurde nichts geändert.",
            ),
            "",
        )
    if "minutes" in p:
        return (
            t(
                (
                    "{pbx} is still busy after waiting {minutes} min: {holder} is changing it on this workstation; "
                    "nothing was changed."
                ),
                (
                    "{pbx} ist nach {minutes} Min. Warten noch belegt: {holder} ändert sie an diesem Arbeitsplatz; "
                    "es wurde nichts geändert."
                ),
            ),
            t(
                "Check that operation (the log names it), then try again.",
                "Prüfen Sie diesen Vorgang (das Protokoll nennt ihn) und versuchen Sie es dann erneut.",
            ),
        )
    return (
        t(
            "{pbx} is busy: {holder} is changing it on this workstation; nothing was changed.",
            "{pbx} ist belegt: {holder} ändert sie gerade an diesem Arbeitsplatz; es wurde nichts geändert.",
        ),
        t(
            "Wait until it has finished, then try again; on the command line, --wait starts as soon as it has.",
            "Warten Sie, bis dieser Vorgang beendet ist, und versuchen Sie es dann erneut; auf der Kommandozeile "
            "startet --wait, sobald er beendet ist.",
        ),
    )


define(
    "agent_internal",
    en=(
        "The agent on the PBX failed ({detail}).",
        "Retry; if it repeats, check the PBX's log for the modmanager agent.",
    ),
    de=(
        "Der Agent auf der Telefonanlage ist auf einen Fehler gestoßen ({detail}).",
        (
            "Versuchen Sie es erneut; passiert es wieder, sehen Sie im Protokoll der Telefonanlage nach dem "
            "modmanager-Agenten."
        ),
    ),
)


@builder("agent_error")
def _agent_error(p: Params, t: Pick) -> Texts:
    if p.get("source") == "xmlrpc":
        return (
            t(
                "The PBX answered with an XML-RPC error {fault_code} ({detail}).",
                "Die Telefonanlage antwortete mit dem XML-RPC-Fehler {fault_code} ({detail}).",
            ),
            t(
                "Check that the modmanager agent is installed and active on this PBX, and retry.",
                (
                    "Prüfen Sie, ob der modmanager-Agent auf dieser Telefonanlage installiert und aktiv ist, und "
                    "versuchen Sie es erneut."
                ),
            ),
        )
    return (
        t(
            "The agent on the PBX reported an unknown error {fault_code} ({detail}).",
            "Der Agent auf der Telefonanlage hat einen unbekannten Fehler {fault_code} gemeldet ({detail}).",
        ),
        t(
            "Update modmanager to a version that matches the agent module.",
            "Aktualisieren Sie modmanager auf eine Version, die zum Agent-Modul passt.",
        ),
    )


@builder("bad_answer")
def _bad_answer(p: Params, t: Pick) -> Texts:
    if "starface" in p:
        return (
            t(
                "{pbx} reports a STARFACE version modmanager cannot read ({starface}).",
                "{pbx} meldet eine STARFACE-Version, die modmanager nicht lesen kann ({starface}).",
            ),
            t("Check the agent module on the PBX.", "Prüfen Sie das Agent-Modul auf der Telefonanlage."),
        )
    return (
        t(
            "The PBX sent an answer modmanager cannot read.",
            "Die Telefonanlage hat eine Antwort geschickt, die modmanager nicht lesen kann.",
        ),
        t(
            "Update modmanager and the agent module to matching versions; if it repeats, check the PBX.",
            (
                "Bringen Sie modmanager und das Agent-Modul auf zueinander passende Versionen; passiert es wieder, "
                "prüfen Sie die Telefonanlage."
            ),
        ),
    )


define(
    "cancelled",
    en=(
        "The upload was cancelled; the PBX keeps the part already sent for a later resume.",
        "Start the update again to continue.",
    ),
    de=(
        (
            "Das Hochladen wurde abgebrochen; die Telefonanlage behält den bereits gesendeten Teil, damit es "
            "später fortgesetzt werden kann."
        ),
        "Starten Sie das Update erneut, um fortzufahren.",
    ),
)

define(
    "http_error",
    en=(
        "The PBX answered with HTTP status {status} instead of an agent answer.",
        "Check that the address points to the STARFACE web interface and that the PBX is running.",
    ),
    de=(
        "Die Telefonanlage hat mit HTTP-Status {status} statt mit einer Antwort des Agenten geantwortet.",
        "Prüfen Sie, ob die Adresse auf die STARFACE-Weboberfläche zeigt und ob die Telefonanlage läuft.",
    ),
)


UNREACHABLE_REASONS: dict[str, tuple[str, str]] = {
    "timeout": ("no answer in time", "keine Antwort in der erwarteten Zeit"),
    "unknown_host": ("the host name is unknown", "der Hostname ist unbekannt"),
    "refused": ("connection refused", "Verbindung abgelehnt"),
}
"""Why a PBX cannot be reached (``reason`` of ``unreachable``): (English, German)."""


@builder("unreachable")
def _unreachable(p: Params, t: Pick) -> Texts:
    reason = words(UNREACHABLE_REASONS, p.get("reason", ""), t)
    p["reason_text"] = reason
    if p.get("entry_point"):
        if reason:
            message = t(
                "The PBX at {url} cannot be reached ({reason_text}); {entry_point} may or may not have taken effect.",
                (
                    "Die Telefonanlage unter {url} ist nicht erreichbar ({reason_text}); ob {entry_point} noch "
                    "ausgeführt wurde, ist offen."
                ),
            )
        else:
            message = t(
                "The PBX at {url} cannot be reached; {entry_point} may or may not have taken effect.",
                (
                    "Die Telefonanlage unter {url} ist nicht erreichbar; ob {entry_point} noch ausgeführt wurde, "
                    "ist offen."
                ),
            )
        return (
            message,
            t(
                "Refresh the PBX to see its current state before you retry.",
                (
                    "Lesen Sie die Telefonanlage neu ein, um ihren aktuellen Stand zu sehen, bevor Sie es erneut "
                    "versuchen."
                ),
            ),
        )
    if reason:
        message = t(
            "The PBX at {url} cannot be reached ({reason_text}).",
            "Die Telefonanlage unter {url} ist nicht erreichbar ({reason_text}).",
        )
    else:
        message = t("The PBX at {url} cannot be reached.", "Die Telefonanlage unter {url} ist nicht erreichbar.")
    return (
        message,
        t(
            "Check the address, that the PBX is running and that a firewall lets you through to its HTTPS port.",
            (
                "Prüfen Sie die Adresse, ob die Telefonanlage läuft und ob eine Firewall den Zugriff auf ihren "
                "HTTPS-Port erlaubt."
            ),
        ),
    )


define(
    "certificate_changed",
    en=(
        "The certificate of the PBX at {url} has changed: trusted {pinned}, now {presented}.",
        "If the PBX got a new certificate, compare the new fingerprint with the one the PBX shows and trust it "
        "(Trust new certificate in the PBX's header, or 'modmanager pbx trust <name>'); otherwise someone may be "
        "intercepting the connection: do not continue.",
    ),
    de=(
        "Das Zertifikat der Telefonanlage unter {url} hat sich geändert: vertraut war {pinned}, jetzt ist es "
        "{presented}.",
        "Hat die Telefonanlage ein neues Zertifikat bekommen, vergleichen Sie den neuen Fingerabdruck mit dem, den "
        "die Telefonanlage anzeigt, und vertrauen Sie ihm („Neuem Zertifikat vertrauen“ im Kopf der "
        "Telefonanlage oder „modmanager pbx trust <Name>“). Andernfalls hört womöglich jemand die Verbindung ab: "
        "Fahren Sie nicht fort.",
    ),
)

define(
    "certificate_untrusted",
    en=(
        "The certificate of the PBX at {url} is not trusted by this computer (self-signed or for another name; "
        "SHA-256 {fingerprint}).",
        "Compare the fingerprint with the one the PBX shows, then trust it: under Edit PBX (Test connection), or "
        "with 'modmanager pbx add <name> {url} ... --fingerprint {sha256}'.",
    ),
    de=(
        "Diesem Computer ist das Zertifikat der Telefonanlage unter {url} nicht vertrauenswürdig (selbst signiert "
        "oder für einen anderen Namen; SHA-256 {fingerprint}).",
        "Vergleichen Sie den Fingerabdruck mit dem, den die Telefonanlage anzeigt, und vertrauen Sie ihm dann: "
        "unter „Telefonanlage bearbeiten“ („Verbindung testen“) oder mit "
        "„modmanager pbx add <Name> {url} ... --fingerprint {sha256}“.",
    ),
)

define(
    "certificate_invalid",
    en=(
        "The trusted certificate of the PBX at {url} is no longer valid (it expired on {expires} or is malformed).",
        "Renew the certificate on the PBX, then trust the new fingerprint (Trust new certificate in the PBX's "
        "header, or 'modmanager pbx trust <name>').",
    ),
    de=(
        "Das vertraute Zertifikat der Telefonanlage unter {url} ist nicht mehr gültig (abgelaufen am {expires} "
        "oder fehlerhaft).",
        "Erneuern Sie das Zertifikat auf der Telefonanlage und vertrauen Sie dann dem neuen Fingerabdruck "
        "(„Neuem Zertifikat vertrauen“ im Kopf der Telefonanlage oder „modmanager pbx trust <Name>“).",
    ),
)

define(
    "tls_failed",
    en=("The secure connection to the PBX at {url} failed.", "Check that the address points to the PBX's HTTPS port."),
    de=(
        "Die sichere Verbindung zur Telefonanlage unter {url} ist fehlgeschlagen.",
        "Prüfen Sie, ob die Adresse auf den HTTPS-Port der Telefonanlage zeigt.",
    ),
)

define(
    "invalid_fingerprint",
    en=(
        "The certificate fingerprint is not a SHA-256 fingerprint (64 hex digits).",
        "Copy the SHA-256 fingerprint exactly as modmanager or the PBX shows it.",
    ),
    de=(
        "Der Zertifikats-Fingerabdruck ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).",
        "Übernehmen Sie den SHA-256-Fingerabdruck genau so, wie modmanager oder die Telefonanlage ihn anzeigt.",
    ),
)

define(
    "invalid_url",
    en=("The PBX address is not an https address.", "Give the address as https://host or https://host:port."),
    de=(
        "Die Adresse der Telefonanlage ist keine https-Adresse.",
        "Geben Sie die Adresse als https://host oder https://host:port an.",
    ),
)


define(
    "agent_not_built",
    en=("This installation has no agent module.", "Build it with 'make setup' in the source folder."),
    de=("Diese Installation enthält kein Agent-Modul.", "Bauen Sie es mit „make setup“ im Quellordner."),
)
