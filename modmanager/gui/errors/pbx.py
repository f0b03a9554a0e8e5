"""Errors of the PBX and its agent: login, protocol, connection, certificates, addresses."""

from __future__ import annotations

from modmanager.gui.errors._registry import templates, translate

# -- the PBX and its agent -----------------------------------------------------------------------


@templates("auth_failed")
def _auth_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused the login ID or password."),
        translate("Errors", "Check the login ID and store the right password under Edit PBX."),
    )


@templates("agent_missing")
def _agent_missing(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The modmanager agent does not answer on this PBX."),
        translate(
            "Errors",
            "Install the modmanager agent module on this PBX (Edit PBX links the installation guide), "
            "or correct the agent instance under Edit PBX.",
        ),
    )


@templates("secret_invalid")
def _secret_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on {pbx} refused the agent secret."),
        translate(
            "Errors",
            "Enter the secret set in the agent's module configuration "
            "(STARFACE admin > Module > Modul-Konfiguration) under Edit PBX.",
        ),
    )


@templates("not_supported")
def _not_supported(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on this PBX cannot do this ({detail})."),
        translate("Errors", "Update the modmanager agent module on the PBX."),
    )


@templates("upload_too_large")
def _upload_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file is larger than the agent on this PBX accepts ({detail})."),
        translate("Errors", "Check that this is the right module file; a module file is normally far smaller."),
    )


@templates("request_too_large")
def _request_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The data to send is larger than the agent accepts in one request ({size_kib} KiB; "
            "at most {limit_kib} KiB).",
        ),
        translate("Errors", "Restore the settings of this module by hand; the agent cannot take them in one piece."),
    )


@templates("agent_update_timeout")
def _agent_update_timeout(p: dict[str, str]) -> tuple[str, str]:
    if p.get("cause"):
        message = translate("Errors", "The agent on {pbx} did not come back as version {version} in time ({cause}).")
    else:
        message = translate("Errors", "The agent on {pbx} did not come back as version {version} in time.")
    return message, translate(
        "Errors", "Check the module page of the agent in the STARFACE admin interface, then refresh the PBX."
    )


@templates("bad_request")
def _bad_request(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent rejected a request as malformed ({detail})."),
        translate("Errors", "Update modmanager and the agent module to matching versions."),
    )


@templates("protocol_unsupported")
def _protocol_unsupported(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on this PBX speaks another protocol version than this modmanager ({detail})."),
        translate(
            "Errors", "Update the agent module on the PBX or modmanager so both speak the same protocol version."
        ),
    )


@templates("starface_too_old")
def _starface_too_old(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "This STARFACE release is too old for the modmanager agent ({detail})."),
        translate("Errors", "Update STARFACE on this PBX, or manage its modules by hand."),
    )


@templates("module_not_found")
def _module_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module is not installed on the PBX ({detail})."),
        translate("Errors", "Refresh the PBX to see its current modules."),
    )


@templates("instance_not_found")
def _instance_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module instance does not exist on the PBX ({detail})."),
        translate("Errors", "Refresh the PBX to see its current module instances."),
    )


@templates("instance_exists")
def _instance_exists(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A module instance of that name exists already ({detail})."),
        translate("Errors", "Choose another instance name."),
    )


@templates("upload_not_found")
def _upload_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX no longer holds the uploaded module file ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@templates("checksum_mismatch")
def _checksum_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file arrived damaged on the PBX ({detail})."),
        translate("Errors", "Upload the module again; if it repeats, check the network path to the PBX."),
    )


@templates("offset_mismatch")
def _offset_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX expected another part of the module file ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@templates("invalid_module")
def _invalid_module(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused the file as not a valid module ({detail})."),
        translate("Errors", "Check that the file is an intact .sfm module."),
    )


@templates("upload_incomplete")
def _upload_incomplete(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file on the PBX is incomplete ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@templates("locked")
def _locked(p: dict[str, str]) -> tuple[str, str]:
    hint = translate("Errors", "Wait until it has finished, or until its lock expires, and retry.")
    if "owner" in p and p.get("until"):
        return translate(
            "Errors", "The PBX is locked by {owner} until {until}: another workstation is changing it."
        ), hint
    if "owner" in p:
        return translate("Errors", "The PBX is locked by {owner}: another workstation is changing it."), hint
    return translate("Errors", "Another workstation is changing this PBX ({detail})."), hint


@templates("lock_required")
def _lock_required(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused a change without a valid lock (it may have expired: {detail})."),
        translate("Errors", "Retry the operation; it takes a new lock."),
    )


@templates("pbx_busy", "pbx_busy_timeout", "pbx_wait_cancelled")
def _pbx_busy(p: dict[str, str]) -> tuple[str, str]:
    if "holder" not in p:
        return translate("Errors", "Waiting for {pbx} was cancelled; nothing was changed."), ""
    if "minutes" in p:
        return (
            translate(
                "Errors",
                "{pbx} is still busy after waiting {minutes} min: {holder} is changing it on this workstation; "
                "nothing was changed.",
            ),
            translate("Errors", "Check that operation (the log names it), then try again."),
        )
    return (
        translate("Errors", "{pbx} is busy: {holder} is changing it on this workstation; nothing was changed."),
        translate("Errors", "Wait until it has finished, then try again."),
    )


@templates("agent_internal")
def _agent_internal(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on the PBX failed ({detail})."),
        translate("Errors", "Retry; if it repeats, check the PBX's log for the modmanager agent."),
    )


@templates("agent_error")
def _agent_error(p: dict[str, str]) -> tuple[str, str]:
    if p.get("source") == "xmlrpc":
        return (
            translate("Errors", "The PBX answered with an XML-RPC error {fault_code} ({detail})."),
            translate("Errors", "Check that the modmanager agent is installed and active on this PBX, and retry."),
        )
    return (
        translate("Errors", "The agent on the PBX reported an unknown error {fault_code} ({detail})."),
        translate("Errors", "Update modmanager to a version that matches the agent module."),
    )


@templates("bad_answer")
def _bad_answer(p: dict[str, str]) -> tuple[str, str]:
    if "starface" in p:
        return (
            translate("Errors", "{pbx} reports a STARFACE version modmanager cannot read ({starface})."),
            translate("Errors", "Check the agent module on the PBX."),
        )
    return (
        translate("Errors", "The PBX sent an answer modmanager cannot read."),
        translate(
            "Errors", "Update modmanager and the agent module to matching versions; if it repeats, check the PBX."
        ),
    )


@templates("cancelled")
def _cancelled(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The upload was cancelled; the PBX keeps the part already sent for a later resume."),
        translate("Errors", "Start the update again to continue."),
    )


@templates("http_error")
def _http_error(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX answered with HTTP status {status} instead of an agent answer."),
        translate("Errors", "Check that the address points to the STARFACE web interface and that the PBX is running."),
    )


@templates("unreachable")
def _unreachable(p: dict[str, str]) -> tuple[str, str]:
    reasons = {
        "timeout": translate("Errors", "no answer in time"),
        "unknown_host": translate("Errors", "the host name is unknown"),
        "refused": translate("Errors", "connection refused"),
    }
    reason = reasons.get(p.get("reason", ""))
    p["reason_text"] = reason or ""
    if p.get("entry_point"):
        if reason:
            message = translate(
                "Errors",
                "The PBX at {url} cannot be reached ({reason_text}); {entry_point} may or may not have taken effect.",
            )
        else:
            message = translate(
                "Errors", "The PBX at {url} cannot be reached; {entry_point} may or may not have taken effect."
            )
        return message, translate("Errors", "Refresh the PBX to see its current state before you retry.")
    if reason:
        message = translate("Errors", "The PBX at {url} cannot be reached ({reason_text}).")
    else:
        message = translate("Errors", "The PBX at {url} cannot be reached.")
    return message, translate(
        "Errors", "Check the address, that the PBX is running and that a firewall lets you through to its HTTPS port."
    )


@templates("certificate_changed")
def _certificate_changed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The certificate of the PBX at {url} has changed: trusted {pinned}, now {presented}."),
        translate(
            "Errors",
            "If the PBX got a new certificate, compare the new fingerprint with the one the PBX shows and trust it "
            "under Edit PBX; otherwise someone may be intercepting the connection: do not continue.",
        ),
    )


@templates("certificate_untrusted")
def _certificate_untrusted(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The certificate of the PBX at {url} is not trusted by this computer "
            "(self-signed or for another name; SHA-256 {fingerprint}).",
        ),
        translate(
            "Errors",
            "Compare the fingerprint with the one the PBX shows, then trust it under Edit PBX (Test connection).",
        ),
    )


@templates("certificate_invalid")
def _certificate_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The trusted certificate of the PBX at {url} is no longer valid (it expired on {expires} or is malformed).",
        ),
        translate("Errors", "Renew the certificate on the PBX, then trust the new fingerprint under Edit PBX."),
    )


@templates("tls_failed")
def _tls_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The secure connection to the PBX at {url} failed."),
        translate("Errors", "Check that the address points to the PBX's HTTPS port."),
    )


@templates("invalid_fingerprint")
def _invalid_fingerprint(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The certificate fingerprint is not a SHA-256 fingerprint (64 hex digits)."),
        translate("Errors", "Copy the SHA-256 fingerprint exactly as modmanager or the PBX shows it."),
    )


@templates("invalid_url")
def _invalid_url(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX address is not an https address."),
        translate("Errors", "Give the address as https://host or https://host:port."),
    )
