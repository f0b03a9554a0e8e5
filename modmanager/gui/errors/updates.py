"""Errors and outcomes of updates, converging and verifying, and recovery."""

from __future__ import annotations

from modmanager.gui.errors._registry import templates, translate

# -- updates -------------------------------------------------------------------------------------


@templates("update_no_catalog")
def _update_no_catalog(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No catalog lists the module {module}."),
        translate("Errors", "Add the vendor's catalog under Settings, Catalog sources."),
    )


@templates("update_incompatible")
def _update_incompatible(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} {version} is not compatible with STARFACE {starface}."),
        translate("Errors", "Choose a release that is compatible with this PBX."),
    )


@templates("update_no_file")
def _update_no_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no file for {module} {version}."),
        translate("Errors", "Choose another release or flavour."),
    )


@templates("update_no_nfr_file")
def _update_no_nfr_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no NFR file for {module} {version}."),
        translate("Errors", "Choose another release or flavour."),
    )


@templates("update_wrong_file")
def _update_wrong_file(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded file is the module {found}, not {expected}."),
        translate("Errors", "The catalog is wrong; tell its publisher."),
    )


@templates("update_no_release")
def _update_no_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no release {version} of {module}."),
        translate("Errors", "Look at the module's details to see its releases."),
    )


@templates("update_up_to_date")
def _update_up_to_date(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} is up to date."), translate("Errors", "There is nothing to update.")


@templates("update_no_compatible_release")
def _update_no_compatible_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} has no release compatible with this PBX."),
        translate("Errors", "There is nothing to update."),
    )


@templates("update_paid_refused")
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


@templates("update_file_not_cached")
def _update_file_not_cached(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded module file is no longer in the cache."),
        translate("Errors", "Prepare the update again."),
    )


@templates("update_module_file_missing")
def _update_module_file_missing(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module file of {label} is missing from the local cache."),
        translate("Errors", "Prepare the update again so modmanager can download it."),
    )


@templates("update_changed_since_preview")
def _update_changed_since_preview(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{module} on {pbx} changed since the preview."),
        translate("Errors", "Refresh the PBX and start the update again."),
    )


@templates("update_cancelled")
def _update_cancelled(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The update was cancelled; nothing was changed."), ""


@templates("update_not_started")
def _update_not_started(p: dict[str, str]) -> tuple[str, str]:
    message = translate(
        "Errors", "The update of {module} on {pbx} could not start ({cause}). Nothing was changed on the PBX."
    )
    if p.get("cause_hint"):
        return message, "{cause_hint}"
    return message, translate("Errors", "Check the connection and try again.")


@templates("update_upload_failed")
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


@templates("update_rolled_back")
def _update_rolled_back(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} failed ({cause}). "
            "The previous version v{from_version} was put back with all its settings.",
        ),
        _nothing_lost(),
    )


@templates("update_kept_new_version")
def _update_kept_new_version(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} failed ({cause}). No copy of v{from_version} was available, so the new "
            "version v{to_version} was kept and all supported settings were restored into it.",
        ),
        _nothing_lost(),
    )


@templates("update_installed_second_attempt")
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


@templates("update_not_rolled_back")
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


@templates("update_not_finished")
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


@templates("unexpected")
def _unexpected(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "an unexpected error occurred"), ""


@templates("cache_failed")
def _cache_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The downloaded module file could not be kept in the local cache."),
        translate("Errors", "Try again."),
    )


# -- converge and verify -------------------------------------------------------------------------


def _run_again_hint() -> str:
    return translate("Errors", "Run the update again or restore the backup.")


@templates("converge_wrong_upload")
def _converge_wrong_upload(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The PBX read the uploaded file as module {found_module} v{found_version}, not {module} v{version}.",
        ),
        translate("Errors", "The file may be damaged; download it again."),
    )


@templates("verify_not_installed")
def _verify_not_installed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "After the update the PBX reports the module as not installed, not v{version}."),
        _run_again_hint(),
    )


@templates("verify_wrong_version")
def _verify_wrong_version(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "After the update the PBX reports the module as v{found}, not v{version}."),
        _run_again_hint(),
    )


@templates("verify_settings_differ")
def _verify_settings_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The PBX does not show the settings that were written: {parts}."), _run_again_hint()


@templates("verify_instance_missing")
def _verify_instance_missing(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is missing"), ""


@templates("verify_values_differ")
def _verify_values_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” has different values for {keys}"), ""


@templates("verify_instance_not_active")
def _verify_instance_not_active(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is not active"), ""


@templates("verify_instance_not_inactive")
def _verify_instance_not_inactive(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance “{instance}” is not inactive"), ""


@templates("verify_internal_data_differs")
def _verify_internal_data_differs(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module's internal data differs"), ""


# -- recovery ------------------------------------------------------------------------------------


@templates("recovery_unreachable")
def _recovery_unreachable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "{pbx} cannot be reached ({cause}); the interrupted update of {module} stays pending."),
        translate("Errors", "Try again when the PBX is reachable."),
    )


@templates("recovery_no_rollback")
def _recovery_no_rollback(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The update of {module} on {pbx} cannot be rolled back: no copy of the previous version is available.",
        ),
        translate("Errors", "Finish it instead; the settings are restored into the new version."),
    )


@templates("recovered_rollback")
def _recovered_rollback(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} on {pbx} is back on v{version} with all its settings."), ""


@templates("recovered_resume")
def _recovered_resume(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "{module} on {pbx} now runs v{version} with every supported setting restored."), ""
