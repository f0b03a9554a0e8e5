"""Errors of backups and restores, and of passwords and secrets."""

from __future__ import annotations

from modmanager.gui.errors._registry import templates, translate
from modmanager.gui.errors.files import _why

# -- backup and restore --------------------------------------------------------------------------


@templates("backup_module_not_installed", "restore_module_not_installed")
def _module_not_installed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The module {module} is not installed on {pbx}."),
        translate("Errors", "Install the module there first, or refresh the PBX."),
    )


@templates("restore_no_instances")
def _restore_no_instances(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The backup has none of the chosen instances."),
        translate("Errors", "Choose instances from the backup."),
    )


@templates("backup_damaged")
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


@templates("backup_not_found", "backup_invalid_id")
def _backup_not_found(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "There is no backup {backup}."),
        translate("Errors", "Reopen the backups to see the current list."),
    )


@templates("backup_not_verified")
def _backup_not_verified(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The backup of {module} could not be verified after writing."),
        translate("Errors", "Check the disk holding {folder}."),
    )


@templates("retention_zero")
def _retention_zero(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "At least one backup per module must be kept."),
        translate("Errors", "Set the retention to 1 or more."),
    )


@templates("export_password_empty")
def _export_password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "An exported backup needs a password."),
        translate("Errors", "Choose a password and keep it safe."),
    )


@templates("export_password_wrong")
def _export_password_wrong(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The password for {file} is wrong, or the file was changed."),
        translate("Errors", "Check the password; if it is right, export the backup again."),
    )


@templates("export_damaged")
def _export_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The file {file} is not a modmanager backup export or is damaged ({why})."),
        translate("Errors", "Export the backup again."),
    )


@templates("export_unreadable")
def _export_unreadable(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The contents of {file} cannot be read."),
        translate("Errors", "Export the backup again."),
    )


@templates("file_not_found")
def _file_not_found(p: dict[str, str]) -> tuple[str, str]:
    return translate("Errors", "The file {path} does not exist."), translate("Errors", "Check the path.")


# -- passwords and secrets -----------------------------------------------------------------------


@templates("no_password")
def _no_password(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No password is stored for the PBX {pbx} (login {login})."),
        translate("Errors", "Enter the password under Edit PBX."),
    )


@templates("no_agent_secret")
def _no_agent_secret(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No agent secret is stored for the PBX {pbx}."),
        translate(
            "Errors",
            "Enter the secret of the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration) "
            "under Edit PBX.",
        ),
    )


@templates("password_empty")
def _password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The PBX's password is empty."),
        translate("Errors", "Give the password of the STARFACE login."),
    )


@templates("agent_secret_empty")
def _agent_secret_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The agent secret is empty."),
        translate(
            "Errors",
            "Enter the secret set in the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration).",
        ),
    )


@templates("pbx_name_taken")
def _pbx_name_taken(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "A PBX named {pbx} exists already."),
        translate("Errors", "Choose another name, or remove the existing PBX first."),
    )


@templates("master_password_wrong", "secrets_recreated")
def _master_password_wrong(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The master password is wrong."),
        translate("Errors", "Give the master password that {path} was created with."),
    )


@templates("master_password_empty")
def _master_password_empty(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The master password is empty."),
        translate("Errors", "Give the master password for the secrets file."),
    )


@templates("secrets_damaged")
def _secrets_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The secrets file {path} was modified or is damaged."),
        translate("Errors", "Restore it from a backup, or delete it and store the passwords again."),
    )


@templates("secret_key_damaged")
def _secret_key_damaged(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "The stored secret key {name} is damaged."),
        translate("Errors", "Backups encrypted with it cannot be read; remove the entry to create a new key."),
    )


@templates("keyring_failed")
def _keyring_failed(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "modmanager cannot use the system keyring ({error_type})."),
        translate("Errors", "Unlock the keyring (log in to the desktop session) and retry."),
    )


@templates("no_keyring")
def _no_keyring(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No keyring is available on this machine."),
        translate("Errors", "Install and unlock a keyring backend (e.g. GNOME Keyring, KWallet)."),
    )


@templates("no_master_password")
def _no_master_password(p: dict[str, str]) -> tuple[str, str]:
    return (
        translate("Errors", "No keyring is available on this machine and no master password was given."),
        translate("Errors", "Set {variable} or install a keyring backend (e.g. GNOME Keyring, KWallet)."),
    )
