"""Errors and outcome sentences in the interface language.

The lower layers speak English (the CLI prints their text as it is) and give every error a
user can meet a stable ``code`` with plain-string ``params`` (see :mod:`modmanager.core.errors`).
Here each code gets its sentence through ``QCoreApplication.translate("Errors", ...)``, so the
German interface never shows an English sentence. An error without a known code - or one whose
params do not fit - is shown with its English text: a readable sentence beats none.

Embedded errors are translated recursively: ``{cause}`` is the translated message of
``error.cause`` and ``{parts}`` the translated messages of ``error.parts`` (each without its
full stop, as they stand inside another sentence).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from modmanager.core.errors import ModManagerError, Outcome, error_from_json
from modmanager.core.text import clean_text

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

_MAX_SENTENCE = 2000
_MAX_PARAM = 500
_Builder = Callable[[dict[str, str]], tuple[str, str]]
"""Gets the params (it may add computed ones) and returns the (message, hint) templates."""
_BUILDERS: dict[str, _Builder] = {}


def describe(error: ModManagerError) -> tuple[str, str]:
    """The error's (message, hint) in the interface language; its English text for unknown codes.

    Both are one clean line each (:func:`~modmanager.core.text.clean_text`): a message can quote
    what a PBX or a file said, and that must not break lines or reorder text where it is shown.
    """
    build = _BUILDERS.get(error.code)
    if build is None:
        return _one_line(error.message), _one_line(error.hint)
    params = _params(error)
    try:
        message, hint = build(params)
        return _one_line(message.format_map(params)), _one_line(hint.format_map(params))
    except (KeyError, IndexError, ValueError):
        log.warning("Error %r lacks params for its translation (has %s)", error.code, sorted(error.params))
        return _one_line(error.message), _one_line(error.hint)


def _one_line(text: str) -> str:
    return clean_text(text, _MAX_SENTENCE)


def describe_text(error: ModManagerError) -> str:
    """Message and hint as one text, for logs, lists and labels."""
    return " ".join(part for part in describe(error) if part)


def describe_outcome(outcome: Outcome | str) -> str:
    """An outcome sentence in the interface language; the English sentence for unknown codes."""
    if isinstance(outcome, str):
        return outcome
    return describe(ModManagerError(outcome.message, code=outcome.code, params=outcome.params))[0]


def describe_stored(detail: Mapping[str, Any], fallback: str) -> str:
    """A stored status's error (JSON from ``core.errors.error_to_json``) as :func:`describe_text` does."""
    error = error_from_json(dict(detail)) if detail else None
    return fallback if error is None else describe_text(error)


def known_codes() -> frozenset[str]:
    """Every code this module translates (tests check that each has German)."""
    return frozenset(_BUILDERS)


def _params(error: ModManagerError) -> dict[str, str]:
    params = {key: clean_text(value, _MAX_PARAM) for key, value in error.params.items()}
    if error.cause is not None:
        cause_message, cause_hint = describe(error.cause)
        params["cause"] = cause_message.rstrip(".")
        params["cause_hint"] = cause_hint
    if error.parts:
        params["parts"] = "; ".join(describe(part)[0].rstrip(".") for part in error.parts)
    if "detail" in params and not params["detail"]:
        params["detail"] = translate("Errors", "no details")
    return params


def _templates(*codes: str) -> Callable[[_Builder], _Builder]:
    def register(build: _Builder) -> _Builder:
        for code in codes:
            _BUILDERS[code] = build
        return build

    return register


# -- the PBX and its agent -----------------------------------------------------------------------


@_templates("auth_failed")
def _auth_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused the login ID or password."),
        translate("Errors", "Check the login ID and store the right password under Edit PBX."),
    )


@_templates("agent_missing")
def _agent_missing(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The modmanager agent does not answer on this PBX."),
        translate(
            "Errors",
            "Install the modmanager agent module on this PBX (Edit PBX links the installation guide), "
            "or correct the agent instance under Edit PBX.",
        ),
    )


@_templates("secret_invalid")
def _secret_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on {pbx} refused the agent secret."),
        translate(
            "Errors",
            "Enter the secret set in the agent's module configuration "
            "(STARFACE admin > Module > Modul-Konfiguration) under Edit PBX.",
        ),
    )


@_templates("not_supported")
def _not_supported(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on this PBX cannot do this ({detail})."),
        translate("Errors", "Update the modmanager agent module on the PBX."),
    )


@_templates("upload_too_large")
def _upload_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file is larger than the agent on this PBX accepts ({detail})."),
        translate("Errors", "Check that this is the right module file; a module file is normally far smaller."),
    )


@_templates("request_too_large")
def _request_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The data to send is larger than the agent accepts in one request ({size_kib} KiB; "
            "at most {limit_kib} KiB).",
        ),
        translate("Errors", "Restore the settings of this module by hand; the agent cannot take them in one piece."),
    )


@_templates("agent_update_timeout")
def _agent_update_timeout(p: dict[str, str]) -> tuple[str, str]:
    if p.get("cause"):
        message = translate("Errors", "The agent on {pbx} did not come back as version {version} in time ({cause}).")
    else:
        message = translate("Errors", "The agent on {pbx} did not come back as version {version} in time.")
    return message, translate(
        "Errors", "Check the module page of the agent in the STARFACE admin interface, then refresh the PBX."
    )


@_templates("bad_request")
def _bad_request(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent rejected a request as malformed ({detail})."),
        translate("Errors", "Update modmanager and the agent module to matching versions."),
    )


@_templates("protocol_unsupported")
def _protocol_unsupported(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on this PBX speaks another protocol version than this modmanager ({detail})."),
        translate(
            "Errors", "Update the agent module on the PBX or modmanager so both speak the same protocol version."
        ),
    )


@_templates("starface_too_old")
def _starface_too_old(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "This STARFACE release is too old for the modmanager agent ({detail})."),
        translate("Errors", "Update STARFACE on this PBX, or manage its modules by hand."),
    )


@_templates("module_not_found")
def _module_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module is not installed on the PBX ({detail})."),
        translate("Errors", "Refresh the PBX to see its current modules."),
    )


@_templates("instance_not_found")
def _instance_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module instance does not exist on the PBX ({detail})."),
        translate("Errors", "Refresh the PBX to see its current module instances."),
    )


@_templates("instance_exists")
def _instance_exists(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A module instance of that name exists already ({detail})."),
        translate("Errors", "Choose another instance name."),
    )


@_templates("upload_not_found")
def _upload_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX no longer holds the uploaded module file ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@_templates("checksum_mismatch")
def _checksum_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file arrived damaged on the PBX ({detail})."),
        translate("Errors", "Upload the module again; if it repeats, check the network path to the PBX."),
    )


@_templates("offset_mismatch")
def _offset_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX expected another part of the module file ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@_templates("invalid_module")
def _invalid_module(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused the file as not a valid module ({detail})."),
        translate("Errors", "Check that the file is an intact .sfm module."),
    )


@_templates("upload_incomplete")
def _upload_incomplete(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file on the PBX is incomplete ({detail})."),
        translate("Errors", "Upload the module again."),
    )


@_templates("locked")
def _locked(p: dict[str, str]) -> tuple[str, str]:
    hint = translate("Errors", "Wait until it has finished, or until its lock expires, and retry.")
    if "owner" in p and p.get("until"):
        return translate(
            "Errors", "The PBX is locked by {owner} until {until}: another workstation is changing it."
        ), hint
    if "owner" in p:
        return translate("Errors", "The PBX is locked by {owner}: another workstation is changing it."), hint
    return translate("Errors", "Another workstation is changing this PBX ({detail})."), hint


@_templates("lock_required")
def _lock_required(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX refused a change without a valid lock (it may have expired: {detail})."),
        translate("Errors", "Retry the operation; it takes a new lock."),
    )


@_templates("pbx_busy", "pbx_busy_timeout", "pbx_wait_cancelled")
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


@_templates("agent_internal")
def _agent_internal(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent on the PBX failed ({detail})."),
        translate("Errors", "Retry; if it repeats, check the PBX's log for the modmanager agent."),
    )


@_templates("agent_error")
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


@_templates("bad_answer")
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


@_templates("cancelled")
def _cancelled(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The upload was cancelled; the PBX keeps the part already sent for a later resume."),
        translate("Errors", "Start the update again to continue."),
    )


@_templates("http_error")
def _http_error(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX answered with HTTP status {status} instead of an agent answer."),
        translate("Errors", "Check that the address points to the STARFACE web interface and that the PBX is running."),
    )


@_templates("unreachable")
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


@_templates("certificate_changed")
def _certificate_changed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The certificate of the PBX at {url} has changed: trusted {pinned}, now {presented}."),
        translate(
            "Errors",
            "If the PBX got a new certificate, compare the new fingerprint with the one the PBX shows and trust it "
            "under Edit PBX; otherwise someone may be intercepting the connection: do not continue.",
        ),
    )


@_templates("certificate_untrusted")
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


@_templates("certificate_invalid")
def _certificate_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The trusted certificate of the PBX at {url} is no longer valid (it expired on {expires} or is malformed).",
        ),
        translate("Errors", "Renew the certificate on the PBX, then trust the new fingerprint under Edit PBX."),
    )


@_templates("tls_failed")
def _tls_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The secure connection to the PBX at {url} failed."),
        translate("Errors", "Check that the address points to the PBX's HTTPS port."),
    )


@_templates("invalid_fingerprint")
def _invalid_fingerprint(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The certificate fingerprint is not a SHA-256 fingerprint (64 hex digits)."),
        translate("Errors", "Copy the SHA-256 fingerprint exactly as modmanager or the PBX shows it."),
    )


@_templates("invalid_url")
def _invalid_url(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX address is not an https address."),
        translate("Errors", "Give the address as https://host or https://host:port."),
    )


# -- updates -------------------------------------------------------------------------------------


@_templates("update_no_catalog")
def _update_no_catalog(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No catalog lists the module {module}."),
        translate("Errors", "Add the vendor's catalog under Settings, Catalog sources."),
    )


@_templates("update_incompatible")
def _update_incompatible(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} {version} is not compatible with STARFACE {starface}."),
        translate("Errors", "Choose a release that is compatible with this PBX."),
    )


@_templates("update_no_file")
def _update_no_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no file for {module} {version}."),
        translate("Errors", "Choose another release or flavour."),
    )


@_templates("update_no_nfr_file")
def _update_no_nfr_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no NFR file for {module} {version}."),
        translate("Errors", "Choose another release or flavour."),
    )


@_templates("update_wrong_file")
def _update_wrong_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded file is the module {found}, not {expected}."),
        translate("Errors", "The catalog is wrong; tell its publisher."),
    )


@_templates("update_no_release")
def _update_no_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no release {version} of {module}."),
        translate("Errors", "Look at the module's details to see its releases."),
    )


@_templates("update_up_to_date")
def _update_up_to_date(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} is up to date."), translate("Errors", "There is nothing to update.")


@_templates("update_no_compatible_release")
def _update_no_compatible_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} has no release compatible with this PBX."),
        translate("Errors", "There is nothing to update."),
    )


@_templates("update_paid_refused")
def _update_paid_refused(p: dict[str, str]) -> tuple[str, str]:
    hint = translate("Errors", "Confirm the paid upgrade explicitly, or choose the free release.")
    if p.get("free_version"):
        message = translate(
            "Errors",
            "{module} {version} is a paid upgrade: it needs a new module license key. "
            "The newest free release is {free_version}.",
        )
    else:
        message = translate("Errors", "{module} {version} is a paid upgrade: it needs a new module license key.")
    return message, hint


@_templates("update_file_not_cached")
def _update_file_not_cached(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded module file is no longer in the cache."),
        translate("Errors", "Prepare the update again."),
    )


@_templates("update_module_file_missing")
def _update_module_file_missing(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file of {label} is missing from the local cache."),
        translate("Errors", "Prepare the update again so modmanager can download it."),
    )


@_templates("update_changed_since_preview")
def _update_changed_since_preview(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} on {pbx} changed since the preview."),
        translate("Errors", "Refresh the PBX and start the update again."),
    )


@_templates("update_cancelled")
def _update_cancelled(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The update was cancelled; nothing was changed."), ""


@_templates("update_not_started")
def _update_not_started(p: dict[str, str]) -> tuple[str, str]:
    message = translate(
        "Errors", "The update of {module} on {pbx} could not start ({cause}). Nothing was changed on the PBX."
    )
    if p.get("cause_hint"):
        return message, "{cause_hint}"
    return message, translate("Errors", "Check the connection and try again.")


@_templates("update_upload_failed")
def _update_upload_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} failed while uploading ({cause}). Nothing was changed on the PBX.",
        ),
        translate("Errors", "Check the connection and try again."),
    )


def _nothing_lost() -> str:
    return translate("Errors", "Nothing was lost. Check the PBX and try again later.")


@_templates("update_rolled_back")
def _update_rolled_back(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} failed ({cause}). "
            "The previous version v{from_version} was put back with all its settings.",
        ),
        _nothing_lost(),
    )


@_templates("update_kept_new_version")
def _update_kept_new_version(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} failed ({cause}). No copy of v{from_version} was available, so the new "
            "version v{to_version} was kept and all supported settings were restored into it.",
        ),
        _nothing_lost(),
    )


@_templates("update_installed_second_attempt")
def _update_installed_second_attempt(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The installation of {module} on {pbx} failed ({cause}). A second attempt installed v{to_version} "
            "and set it up.",
        ),
        _nothing_lost(),
    )


def _run_recovery_hint() -> str:
    return translate(
        "Errors",
        "When the PBX is reachable again, finish it in the Interrupted updates dialog (modmanager offers it on start).",
    )


@_templates("update_not_rolled_back")
def _update_not_rolled_back(p: dict[str, str]) -> tuple[str, str]:
    if p.get("backup"):
        message = translate(
            "Errors",
            "The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts}). "
            "The settings are safe in backup {backup}.",
        )
    else:
        message = translate(
            "Errors", "The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts})."
        )
    return message, _run_recovery_hint()


@_templates("update_not_finished")
def _update_not_finished(p: dict[str, str]) -> tuple[str, str]:
    if p.get("backup"):
        message = translate(
            "Errors",
            "The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts}). "
            "The settings are safe in backup {backup}.",
        )
    else:
        message = translate(
            "Errors", "The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts})."
        )
    return message, _run_recovery_hint()


@_templates("unexpected")
def _unexpected(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "an unexpected error occurred"), ""


@_templates("cache_failed")
def _cache_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded module file could not be kept in the local cache."),
        translate("Errors", "Try again."),
    )


# -- converge and verify -------------------------------------------------------------------------


def _run_again_hint() -> str:
    return translate("Errors", "Run the update again or restore the backup.")


@_templates("converge_wrong_upload")
def _converge_wrong_upload(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The PBX read the uploaded file as module {found_module} v{found_version}, not {module} v{version}.",
        ),
        translate("Errors", "The file may be damaged; download it again."),
    )


@_templates("verify_not_installed")
def _verify_not_installed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "After the update the PBX reports the module as not installed, not v{version}."),
        _run_again_hint(),
    )


@_templates("verify_wrong_version")
def _verify_wrong_version(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "After the update the PBX reports the module as v{found}, not v{version}."),
        _run_again_hint(),
    )


@_templates("verify_settings_differ")
def _verify_settings_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The PBX does not show the settings that were written: {parts}."), _run_again_hint()


@_templates("verify_instance_missing")
def _verify_instance_missing(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is missing"), ""


@_templates("verify_values_differ")
def _verify_values_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” has different values for {keys}"), ""


@_templates("verify_instance_not_active")
def _verify_instance_not_active(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is not active"), ""


@_templates("verify_instance_not_inactive")
def _verify_instance_not_inactive(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is not inactive"), ""


@_templates("verify_internal_data_differs")
def _verify_internal_data_differs(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module's internal data differs"), ""


# -- recovery ------------------------------------------------------------------------------------


@_templates("recovery_unreachable")
def _recovery_unreachable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{pbx} cannot be reached ({cause}); the interrupted update of {module} stays pending."),
        translate("Errors", "Try again when the PBX is reachable."),
    )


@_templates("recovery_no_rollback")
def _recovery_no_rollback(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} cannot be rolled back: no copy of the previous version is available.",
        ),
        translate("Errors", "Finish it instead; the settings are restored into the new version."),
    )


@_templates("recovered_rollback")
def _recovered_rollback(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} on {pbx} is back on v{version} with all its settings."), ""


@_templates("recovered_resume")
def _recovered_resume(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} on {pbx} now runs v{version} with every supported setting restored."), ""


# -- backup and restore --------------------------------------------------------------------------


@_templates("backup_module_not_installed", "restore_module_not_installed")
def _module_not_installed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module {module} is not installed on {pbx}."),
        translate("Errors", "Install the module there first, or refresh the PBX."),
    )


@_templates("restore_no_instances")
def _restore_no_instances(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The backup has none of the chosen instances."),
        translate("Errors", "Choose instances from the backup."),
    )


@_templates("backup_damaged")
def _backup_damaged(p: dict[str, str]) -> tuple[str, str]:
    reasons = {
        "its contents do not match its checksum": translate("Errors", "its contents do not match its checksum"),
        "its contents cannot be read": translate("Errors", "its contents cannot be read"),
    }
    p["why"] = reasons.get(p.get("why", ""), p.get("why", ""))
    _why(p)
    return (
        translate("Errors", "The backup {backup} is damaged or was changed ({why}); it will not be restored."),
        translate("Errors", "Use another backup, or delete this one."),
    )


@_templates("backup_not_found", "backup_invalid_id")
def _backup_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no backup {backup}."),
        translate("Errors", "Reopen the backups to see the current list."),
    )


@_templates("backup_not_verified")
def _backup_not_verified(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The backup of {module} could not be verified after writing."),
        translate("Errors", "Check the disk holding {folder}."),
    )


@_templates("retention_zero")
def _retention_zero(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "At least one backup per module must be kept."),
        translate("Errors", "Set the retention to 1 or more."),
    )


@_templates("export_password_empty")
def _export_password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "An exported backup needs a password."),
        translate("Errors", "Choose a password and keep it safe."),
    )


@_templates("export_password_wrong")
def _export_password_wrong(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The password for {file} is wrong, or the file was changed."),
        translate("Errors", "Check the password; if it is right, export the backup again."),
    )


@_templates("export_damaged")
def _export_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {file} is not a modmanager backup export or is damaged ({why})."),
        translate("Errors", "Export the backup again."),
    )


@_templates("export_unreadable")
def _export_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The contents of {file} cannot be read."),
        translate("Errors", "Export the backup again."),
    )


@_templates("file_not_found")
def _file_not_found(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The file {path} does not exist."), translate("Errors", "Check the path.")


# -- passwords and secrets -----------------------------------------------------------------------


@_templates("no_password")
def _no_password(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No password is stored for the PBX {pbx} (login {login})."),
        translate("Errors", "Enter the password under Edit PBX."),
    )


@_templates("no_agent_secret")
def _no_agent_secret(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No agent secret is stored for the PBX {pbx}."),
        translate(
            "Errors",
            "Enter the secret of the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration) "
            "under Edit PBX.",
        ),
    )


@_templates("password_empty")
def _password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX's password is empty."),
        translate("Errors", "Give the password of the STARFACE login."),
    )


@_templates("agent_secret_empty")
def _agent_secret_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent secret is empty."),
        translate(
            "Errors",
            "Enter the secret set in the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration).",
        ),
    )


@_templates("pbx_name_taken")
def _pbx_name_taken(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A PBX named {pbx} exists already."),
        translate("Errors", "Choose another name, or remove the existing PBX first."),
    )


@_templates("master_password_wrong", "secrets_recreated")
def _master_password_wrong(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The master password is wrong."),
        translate("Errors", "Give the master password that {path} was created with."),
    )


@_templates("master_password_empty")
def _master_password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The master password is empty."),
        translate("Errors", "Give the master password for the secrets file."),
    )


@_templates("secrets_damaged")
def _secrets_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The secrets file {path} was modified or is damaged."),
        translate("Errors", "Restore it from a backup, or delete it and store the passwords again."),
    )


@_templates("secret_key_damaged")
def _secret_key_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The stored secret key {name} is damaged."),
        translate("Errors", "Backups encrypted with it cannot be read; remove the entry to create a new key."),
    )


@_templates("keyring_failed")
def _keyring_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "modmanager cannot use the system keyring ({error_type})."),
        translate("Errors", "Unlock the keyring (log in to the desktop session) and retry."),
    )


@_templates("no_keyring")
def _no_keyring(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No keyring is available on this machine."),
        translate("Errors", "Install and unlock a keyring backend (e.g. GNOME Keyring, KWallet)."),
    )


@_templates("no_master_password")
def _no_master_password(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No keyring is available on this machine and no master password was given."),
        translate("Errors", "Set {variable} or install a keyring backend (e.g. GNOME Keyring, KWallet)."),
    )


# -- damaged local files, certificates -------------------------------------------------------------


def why_text(key: str) -> str:
    """Why a local file cannot be used, for a damage key of ``core.safejson``, ``core.localfile``
    or ``store.backups``; "" for an unknown key."""
    words = {
        "too_large": translate("Errors", "it is larger than expected"),
        "not_utf8": translate("Errors", "it is not UTF-8 text"),
        "not_json": translate("Errors", "it is not valid JSON"),
        "too_deep": translate("Errors", "it is nested too deeply"),
        "bad_number": translate("Errors", "it holds a number out of range"),
        "wrong_type": translate("Errors", "a field is missing or of the wrong type"),
        "invalid_value": translate("Errors", "a setting has an invalid value"),
        "not_regular": translate("Errors", "it is not a regular file"),
        "unreadable": translate("Errors", "it cannot be read"),
        "not_backup": translate("Errors", "it is not a modmanager backup"),
        "truncated": translate("Errors", "it is truncated"),
        "header": translate("Errors", "its header cannot be read"),
        "name_mismatch": translate("Errors", "its file name and its header disagree"),
        "checksum": translate("Errors", "its contents do not match its checksum"),
        "contents": translate("Errors", "its contents cannot be read"),
    }
    return words.get(key, "")


def _why(p: dict[str, str]) -> None:
    """Put the interface language's words for ``why_key`` in place of the English ``why``."""
    words = why_text(p.get("why_key", ""))
    if words:
        p["why"] = words


@_templates("file_not_regular")
def _file_not_regular(p: dict[str, str]) -> tuple[str, str]:
    kinds = {
        "directory": translate("Errors", "a folder"),
        "fifo": translate("Errors", "a named pipe (FIFO)"),
        "device": translate("Errors", "a device"),
        "socket": translate("Errors", "a socket"),
    }
    p["kind_words"] = kinds.get(p.get("kind", ""), translate("Errors", "something else"))
    return (
        translate("Errors", "{path} is {kind_words}, not a file; nothing was read from it."),
        translate("Errors", "Choose a regular file."),
    )


@_templates("file_too_large")
def _file_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {path} is larger than the {limit} bytes expected; it may be damaged."),
        translate("Errors", "Check that it is the right file; fix or delete it."),
    )


@_templates("file_unreadable")
def _file_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {path} cannot be read ({reason})."),
        translate("Errors", "Check that it exists and that you may read it."),
    )


@_templates("settings_damaged")
def _settings_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The settings file {path} cannot be used: {why}."),
        translate("Errors", "Fix or delete it (deleting restores the default settings)."),
    )


@_templates("journal_damaged")
def _journal_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The journal entry {entry} of an interrupted update is damaged ({why})."),
        translate("Errors", "Check the PBX by hand, then delete {path} to dismiss it."),
    )


@_templates("journal_too_large")
def _journal_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The journal entry of the update of {module} is too large to write."),
        translate("Errors", "Report this; the update was not continued."),
    )


@_templates("sfm_cache_damaged")
def _sfm_cache_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The index of the module file cache {path} is damaged ({why})."),
        translate("Errors", "Delete it; it is rebuilt on the next update."),
    )


@_templates("snapshot_too_large")
def _snapshot_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The facts of the PBX {pbx} are too large to keep."),
        translate("Errors", "Check the PBX's agent; it answers with far more than a PBX holds."),
    )


@_templates("export_kdf_refused")
def _export_kdf_refused(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors", "The file {file} asks for a key derivation beyond modmanager's fixed limits; it was not opened."
        ),
        translate(
            "Errors", "Export the backup again with modmanager; a file made elsewhere or changed is not accepted."
        ),
    )


@_templates("secrets_kdf_refused")
def _secrets_kdf_refused(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The secrets file {path} asks for a key derivation beyond modmanager's fixed limits; it was not opened.",
        ),
        translate("Errors", "Restore it from a backup, or delete it and store the passwords again."),
    )


@_templates("trust_fingerprint_mismatch")
def _trust_fingerprint_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX {pbx} presents the certificate {presented}, not {expected}; nothing was pinned."),
        translate("Errors", "Compare the fingerprint with the one the PBX's web interface shows, then try again."),
    )


# -- unattended work: holds, health checks, schedules, reports, e-mail ---------------------------


@_templates("update_held")
def _update_held(p: dict[str, str]) -> tuple[str, str]:
    if p.get("reason"):
        message = translate("Errors", "{module} is held on {pbx}: {reason}.")
    else:
        message = translate("Errors", "{module} is held on {pbx}.")
    return message, translate("Errors", "Release the hold first, or choose the version to install.")


@_templates("health_check_failed")
def _health_check_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "the health check failed: {parts}"),
        translate("Errors", "The module did not come up as it should; see the failed check."),
    )


@_templates("health_instance_inactive")
def _health_instance_inactive(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance {instances} did not stay active"), ""


@_templates("health_settings_differ")
def _health_settings_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the configuration of {instances} does not read back as restored"), ""


@_templates("health_wrong_version")
def _health_wrong_version(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the PBX runs v{found} instead of v{version}"), ""


@_templates("health_module_missing")
def _health_module_missing(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module is no longer installed"), ""


@_templates("health_agent_silent")
def _health_agent_silent(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the agent does not answer ({cause})"), ""


@_templates("health_config_unreadable")
def _health_config_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the configuration cannot be read ({cause})"), ""


@_templates("health_modules_unreadable")
def _health_modules_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module list cannot be read ({cause})"), ""


@_templates("hold_not_found")
def _hold_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no such hold or skip of {module}."),
        translate("Errors", "The list of holds shows which exist."),
    )


@_templates("hold_needs_module")
def _hold_needs_module(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "A hold needs a module."), translate("Errors", "Choose a module.")


@_templates("hold_needs_customer")
def _hold_needs_customer(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A customer hold needs the customer's name."),
        translate("Errors", "Give the PBX a customer first."),
    )


@_templates("hold_needs_version")
def _hold_needs_version(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "A skip needs the release to skip."), translate("Errors", "Choose a release.")


@_templates("hold_reason_too_long")
def _hold_reason_too_long(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The reason is longer than {limit} characters."),
        translate("Errors", "Say it shorter."),
    )


@_templates("window_invalid")
def _window_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The maintenance window {window} cannot be read."),
        translate("Errors", "Write it like 'Mon-Fri 22:00-02:00 Europe/Berlin' (weekdays, time range, time zone)."),
    )


@_templates("window_import_invalid")
def _window_import_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Line {line} of the window list cannot be used ({problem})."),
        translate("Errors", "Fix that line; nothing was imported."),
    )


@_templates("schedule_no_pbx")
def _schedule_no_pbx(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "No PBX was chosen."), translate("Errors", "Choose at least one PBX.")


@_templates("schedule_no_window")
def _schedule_no_window(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No maintenance window is set for {pbxs}, so nothing was scheduled."),
        translate("Errors", "Set a window for the PBX or its customer first."),
    )


@_templates("schedule_unknown_module")
def _schedule_unknown_module(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No catalog lists the module {module}."),
        translate("Errors", "Choose a module of a configured catalog."),
    )


@_templates("schedule_unknown_release")
def _schedule_unknown_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no release {version} of {module}."),
        translate("Errors", "Choose a release the catalog lists."),
    )


@_templates("schedule_duplicate")
def _schedule_duplicate(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The same job is already scheduled for {pbx} in that window (job {job})."),
        translate("Errors", "Nothing was scheduled; remove the existing job first to change it."),
    )


@_templates("schedule_unknown_job")
def _schedule_unknown_job(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "There is no scheduled job {job}."), translate("Errors", "Reload the list of jobs.")


@_templates("schedule_job_running")
def _schedule_job_running(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Job {job} is running right now and cannot be removed."),
        translate("Errors", "Wait until it has finished."),
    )


@_templates("schedule_runner_busy")
def _schedule_runner_busy(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Another modmanager is running the due jobs right now."),
        translate("Errors", "Nothing to do: that one takes care of them."),
    )


@_templates("schedule_interrupted_update")
def _schedule_interrupted_update(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "An interrupted update waits on {pbx}; nothing was changed."),
        translate("Errors", "Finish it in the Interrupted updates dialog first."),
    )


@_templates("report_unknown_customer")
def _report_unknown_customer(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no customer named {customer} and no recorded change for one."),
        translate("Errors", "Choose the customer as it is set on its PBXs."),
    )


@_templates("notify_not_configured")
def _notify_not_configured(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The e-mail summary is not set up ({missing} missing)."),
        translate("Errors", "Fill in the e-mail settings."),
    )


@_templates("notify_no_password")
def _notify_no_password(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "No SMTP password is stored."), translate("Errors", "Enter the SMTP password.")


@_templates("notify_failed")
def _notify_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The e-mail summary could not be sent via {server} ({reason})."),
        translate("Errors", "Check the e-mail settings."),
    )
