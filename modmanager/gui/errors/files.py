"""Errors of damaged local files (settings, journal, secrets, caches) and of certificates to trust."""

from __future__ import annotations

from modmanager.gui.errors._registry import templates, translate

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


@templates("file_not_regular")
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


@templates("file_too_large")
def _file_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {path} is larger than the {limit} bytes expected; it may be damaged."),
        translate("Errors", "Check that it is the right file; fix or delete it."),
    )


@templates("file_unreadable")
def _file_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {path} cannot be read ({reason})."),
        translate("Errors", "Check that it exists and that you may read it."),
    )


@templates("settings_damaged")
def _settings_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The settings file {path} cannot be used: {why}."),
        translate("Errors", "Fix or delete it (deleting restores the default settings)."),
    )


@templates("journal_damaged")
def _journal_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The journal entry {entry} of an interrupted update is damaged ({why})."),
        translate("Errors", "Check the PBX by hand, then delete {path} to dismiss it."),
    )


@templates("journal_too_large")
def _journal_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The journal entry of the update of {module} is too large to write."),
        translate("Errors", "Report this; the update was not continued."),
    )


@templates("sfm_cache_damaged")
def _sfm_cache_damaged(p: dict[str, str]) -> tuple[str, str]:
    _why(p)
    return (
        translate("Errors", "The index of the module file cache {path} is damaged ({why})."),
        translate("Errors", "Delete it; it is rebuilt on the next update."),
    )


@templates("snapshot_too_large")
def _snapshot_too_large(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The facts of the PBX {pbx} are too large to keep."),
        translate("Errors", "Check the PBX's agent; it answers with far more than a PBX holds."),
    )


@templates("export_kdf_refused")
def _export_kdf_refused(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors", "The file {file} asks for a key derivation beyond modmanager's fixed limits; it was not opened."
        ),
        translate(
            "Errors", "Export the backup again with modmanager; a file made elsewhere or changed is not accepted."
        ),
    )


@templates("secrets_kdf_refused")
def _secrets_kdf_refused(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate(
            "Errors",
            "The secrets file {path} asks for a key derivation beyond modmanager's fixed limits; it was not opened.",
        ),
        translate("Errors", "Restore it from a backup, or delete it and store the passwords again."),
    )


@templates("trust_fingerprint_mismatch")
def _trust_fingerprint_mismatch(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX {pbx} presents the certificate {presented}, not {expected}; nothing was pinned."),
        translate("Errors", "Compare the fingerprint with the one the PBX's web interface shows, then try again."),
    )
