"""Errors of unattended work: holds, health checks, schedules, reports, e-mail."""

from __future__ import annotations

from modmanager.gui.errors._registry import templates, translate

# -- unattended work: holds, health checks, schedules, reports, e-mail ---------------------------


@templates("update_held")
def _update_held(p: dict[str, str]) -> tuple[str, str]:
    if p.get("reason"):
        message = translate("Errors", "{module} is held on {pbx}: {reason}.")
    else:
        message = translate("Errors", "{module} is held on {pbx}.")
    return message, translate("Errors", "Release the hold first, or choose the version to install.")


@templates("health_check_failed")
def _health_check_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "the health check failed: {parts}"),
        translate("Errors", "The module did not come up as it should; see the failed check."),
    )


@templates("health_instance_inactive")
def _health_instance_inactive(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "instance {instances} did not stay active"), ""


@templates("health_settings_differ")
def _health_settings_differ(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the configuration of {instances} does not read back as restored"), ""


@templates("health_wrong_version")
def _health_wrong_version(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the PBX runs v{found} instead of v{version}"), ""


@templates("health_module_missing")
def _health_module_missing(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module is no longer installed"), ""


@templates("health_agent_silent")
def _health_agent_silent(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the agent does not answer ({cause})"), ""


@templates("health_config_unreadable")
def _health_config_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the configuration cannot be read ({cause})"), ""


@templates("health_modules_unreadable")
def _health_modules_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "the module list cannot be read ({cause})"), ""


@templates("hold_not_found")
def _hold_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no such hold or skip of {module}."),
        translate("Errors", "The list of holds shows which exist."),
    )


@templates("hold_needs_module")
def _hold_needs_module(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "A hold needs a module."), translate("Errors", "Choose a module.")


@templates("hold_needs_customer")
def _hold_needs_customer(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A customer hold needs the customer's name."),
        translate("Errors", "Give the PBX a customer first."),
    )


@templates("hold_needs_version")
def _hold_needs_version(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "A skip needs the release to skip."), translate("Errors", "Choose a release.")


@templates("hold_reason_too_long")
def _hold_reason_too_long(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The reason is longer than {limit} characters."),
        translate("Errors", "Say it shorter."),
    )


@templates("window_invalid")
def _window_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The maintenance window {window} cannot be read."),
        translate("Errors", "Write it like 'Mon-Fri 22:00-02:00 Europe/Berlin' (weekdays, time range, time zone)."),
    )


@templates("window_import_invalid")
def _window_import_invalid(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Line {line} of the window list cannot be used ({problem})."),
        translate("Errors", "Fix that line; nothing was imported."),
    )


@templates("schedule_no_pbx")
def _schedule_no_pbx(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "No PBX was chosen."), translate("Errors", "Choose at least one PBX.")


@templates("schedule_no_window")
def _schedule_no_window(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No maintenance window is set for {pbxs}, so nothing was scheduled."),
        translate("Errors", "Set a window for the PBX or its customer first."),
    )


@templates("schedule_unknown_module")
def _schedule_unknown_module(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No catalog lists the module {module}."),
        translate("Errors", "Choose a module of a configured catalog."),
    )


@templates("schedule_unknown_release")
def _schedule_unknown_release(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The catalog has no release {version} of {module}."),
        translate("Errors", "Choose a release the catalog lists."),
    )


@templates("schedule_duplicate")
def _schedule_duplicate(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The same job is already scheduled for {pbx} in that window (job {job})."),
        translate("Errors", "Nothing was scheduled; remove the existing job first to change it."),
    )


@templates("schedule_unknown_job")
def _schedule_unknown_job(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "There is no scheduled job {job}."), translate("Errors", "Reload the list of jobs.")


@templates("schedule_job_running")
def _schedule_job_running(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Job {job} is running right now and cannot be removed."),
        translate("Errors", "Wait until it has finished."),
    )


@templates("schedule_runner_busy")
def _schedule_runner_busy(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "Another modmanager is running the due jobs right now."),
        translate("Errors", "Nothing to do: that one takes care of them."),
    )


@templates("schedule_interrupted_update")
def _schedule_interrupted_update(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "An interrupted update waits on {pbx}; nothing was changed."),
        translate("Errors", "Finish it in the Interrupted updates dialog first."),
    )


@templates("report_unknown_customer")
def _report_unknown_customer(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no customer named {customer} and no recorded change for one."),
        translate("Errors", "Choose the customer as it is set on its PBXs."),
    )


@templates("notify_not_configured")
def _notify_not_configured(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The e-mail summary is not set up ({missing} missing)."),
        translate("Errors", "Fill in the e-mail settings."),
    )


@templates("notify_no_password")
def _notify_no_password(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "No SMTP password is stored."), translate("Errors", "Enter the SMTP password.")


@templates("notify_failed")
def _notify_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The e-mail summary could not be sent via {server} ({reason})."),
        translate("Errors", "Check the e-mail settings."),
    )
