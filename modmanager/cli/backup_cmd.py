"""``modmanager backup``: create, list, show, restore, export, import and delete settings backups.

A backup is what makes an update or a move to another PBX safe, so these commands show what a
backup holds before anything is done with it: ``show`` lists every instance and value (password
inputs masked, judged by the backup's own descriptor), ``restore`` first prints what will be
written, what the installed version has no place for, and which instances will be created,
then asks. A damaged or changed backup file is listed as damaged and never restored.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from modmanager.cli.language import error_text
from modmanager.cli.output import add_json_flag, emit, table
from modmanager.cli.selection import add_selection_flags, selected_names
from modmanager.cli.services import (
    MASK,
    cli_services,
    confirm,
    is_secret_input,
    plural,
    read_secret,
    resolve_module,
)
from modmanager.core.errors import ModManagerError, OperationError, StoreError
from modmanager.core.migration import Migration, SettingMigration, migrate_settings
from modmanager.core.protocol import InstanceConfig
from modmanager.core.sfm import ConfigSchema, SettingValue, parse_descriptor
from modmanager.core.values import FileResource, describe_value, value_to_json
from modmanager.ops.backup import backup_fleet, backup_module, backup_pbx, restore_backup
from modmanager.ops.converge import find_module
from modmanager.ops.services import Services
from modmanager.store.backups import Backup, BackupInfo, DamagedBackup

_SECRET_WORDS = ("password", "passwort", "kennwort", "secret", "token")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``backup`` and its subcommands to the top-level parser."""
    parser = subparsers.add_parser(
        "backup",
        help="back up, inspect and restore module settings",
        description="Back up module settings, look into backups, restore them onto the same or another PBX.",
    )
    commands = parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    create = commands.add_parser(
        "create", help="back up one module, every module of a PBX, or every module of every PBX (--fleet)"
    )
    where = create.add_mutually_exclusive_group(required=True)
    where.add_argument("--pbx", metavar="NAME", help="the PBX to back up")
    where.add_argument("--fleet", action="store_true", help="every module of every PBX in the inventory")
    which = create.add_mutually_exclusive_group()
    which.add_argument("--module", metavar="ID", help="module id or exact name")
    which.add_argument("--all", action="store_true", help="every installed module")
    add_selection_flags(create, "PBXs (with --fleet)")
    add_json_flag(create)
    create.set_defaults(handler=run_create, parser=create)

    listing = commands.add_parser("list", help="list backups (newest first) and damaged files")
    listing.add_argument("--pbx", metavar="NAME", help="only backups taken from this PBX")
    listing.add_argument("--module", metavar="ID", help="only backups of this module (id or exact name)")
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="show a backup's instances and values (passwords masked)")
    show.add_argument("backup_id", metavar="ID")
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    restore = commands.add_parser("restore", help="write a backup's settings onto a PBX (the same or another)")
    restore.add_argument("backup_id", metavar="ID")
    restore.add_argument("--pbx", required=True, metavar="NAME", help="the PBX to restore onto")
    restore.add_argument(
        "--instance", dest="instances", action="append", metavar="NAME", help="restore only this instance (repeatable)"
    )
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_json_flag(restore)
    restore.set_defaults(handler=run_restore)

    export = commands.add_parser("export", help="write a password-protected copy for another workstation")
    export.add_argument("backup_id", metavar="ID")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write (must not exist)")
    export.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    export.set_defaults(handler=run_export)

    imported = commands.add_parser("import", help="store an exported backup locally")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.add_argument("--password-stdin", action="store_true", help="read the password from stdin's first line")
    add_json_flag(imported)
    imported.set_defaults(handler=run_import)

    delete = commands.add_parser("delete", help="delete a backup")
    delete.add_argument("backup_id", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.set_defaults(handler=run_delete)


# --- create / list -----------------------------------------------------------------------------


def run_create(args: argparse.Namespace) -> int:
    if not args.fleet and (args.customers or args.tags):
        args.parser.error("--customer and --tag narrow --fleet; leave them out with --pbx")
    if args.fleet:
        if args.module or args.all:
            args.parser.error("--fleet backs up every module; leave out --module and --all")
        return _create_fleet(args)
    if not (args.module or args.all):
        args.parser.error("name the module with --module, or back up every module with --all")
    with cli_services() as services:
        if args.all:
            created = backup_pbx(services, args.pbx)
        else:
            created = [backup_module(services, args.pbx, _installed_module_id(services, args.pbx, args.module))]
    if not created:
        text = f"{args.pbx} has no modules installed; no backup was made."
    else:
        text = f"Backed up {plural(len(created), 'module')} of {args.pbx}:\n" + _info_table(created)
    emit(args, text, {"backups": [info.to_json() for info in created]})
    return 0


def _create_fleet(args: argparse.Namespace) -> int:
    with cli_services() as services:
        names = selected_names(services, args)
        results = backup_fleet(services, names)
    created = [info for result in results.values() if not isinstance(result, ModManagerError) for info in result]
    failed = {name: result for name, result in results.items() if isinstance(result, ModManagerError)}
    lines = [f"Backed up {plural(len(created), 'module')} on {plural(len(results) - len(failed), 'PBX')}:"]
    if created:
        lines.append(_info_table(created))
    lines.extend(f"{name}: not backed up - {error_text(error)}" for name, error in failed.items())
    data = {
        "backups": [info.to_json() for info in created],
        "failed": {name: str(error) for name, error in failed.items()},
    }
    emit(args, "\n".join(lines), data)
    return 1 if failed else 0


def _installed_module_id(services: Services, pbx_name: str, text: str) -> str:
    with services.client(pbx_name) as client:
        modules = client.list_modules()
    return resolve_module(text, ((module.id, (module.name,)) for module in modules), where="installed", pbx=pbx_name)


def run_list(args: argparse.Namespace) -> int:
    with cli_services() as services:
        infos, damaged = services.backups.list_backups(pbx_name=args.pbx)
    if args.module:
        wanted = args.module.strip().casefold()
        infos = [info for info in infos if wanted in (info.module_id.casefold(), info.module_name.casefold())]
        damaged = [
            item
            for item in damaged
            if item.info is None or wanted in (item.info.module_id.casefold(), item.info.module_name.casefold())
        ]
    emit(args, _list_text(infos, damaged), _list_json(infos, damaged))
    return 0


def _info_table(infos: list[BackupInfo]) -> str:
    rows = [
        (
            info.backup_id,
            _date(info.created_at),
            info.pbx_name,
            info.module_name,
            f"v{info.module_version}",
            info.reason,
            _instances_summary(info),
        )
        for info in infos
    ]
    return table(("ID", "DATE", "PBX", "MODULE", "VERSION", "REASON", "INSTANCES"), rows, indent="  ")


def _list_text(infos: list[BackupInfo], damaged: list[DamagedBackup]) -> str:
    parts = [_info_table(infos) if infos else "No backups."]
    if damaged:
        rows = (
            (
                item.path.name,
                item.info.pbx_name if item.info else "?",
                f"{item.info.module_name} v{item.info.module_version}" if item.info else "?",
                item.problem,
            )
            for item in damaged
        )
        parts.append(
            f"\n{plural(len(damaged), 'damaged file')} (never restored; delete or replace):\n"
            + table(("FILE", "PBX", "MODULE", "PROBLEM"), rows, indent="  ")
        )
    return "\n".join(parts)


def _list_json(infos: list[BackupInfo], damaged: list[DamagedBackup]) -> dict[str, Any]:
    return {
        "backups": [info.to_json() for info in infos],
        "damaged": [
            {
                "file": str(item.path),
                "backupId": item.backup_id or None,
                "problem": item.problem,
                "kind": item.key,
                "header": item.info.to_json() if item.info else None,
            }
            for item in damaged
        ],
    }


def _date(iso: str) -> str:
    """``2025-08-12T09:31:47+00:00`` -> ``2025-08-12 09:31 UTC``: short enough for a table."""
    day, _, time = iso.partition("T")
    return f"{day} {time[:5]} UTC" if time else iso


def _instances_summary(info: BackupInfo) -> str:
    active = sum(1 for _, is_active in info.instances if is_active)
    return f"{len(info.instances)} ({active} active)"


# --- show ----------------------------------------------------------------------------------------


def secret_variables(schema: ConfigSchema, values: dict[str, SettingValue]) -> set[str]:
    """Variables whose values must never be shown: password inputs of the backup's own form.

    A value the form does not describe is judged by its name, so a secret kept under an
    undeclared variable is not shown either.
    """
    secret = {item.variable_id for item in schema.value_inputs if is_secret_input(schema, item.variable_id)}
    undeclared = (variable for variable in values if schema.get(variable) is None)
    secret.update(variable for variable in undeclared if any(word in variable.casefold() for word in _SECRET_WORDS))
    return secret


def masked_values(schema: ConfigSchema, values: dict[str, SettingValue]) -> dict[str, SettingValue]:
    secret = secret_variables(schema, values)
    return {variable: MASK if variable in secret else value for variable, value in values.items()}


def _form_order(schema: ConfigSchema, values: dict[str, SettingValue]) -> list[str]:
    """Variables as the module's form shows them, then any the form does not know."""
    declared = [variable for variable in schema.variable_ids if variable in values]
    return declared + sorted(set(values) - set(declared))


def _shown(value: SettingValue) -> str:
    """One line per value; control characters shown as spaces, so no value can redraw the terminal."""
    return describe_value(value, limit=10_000)


def _json_value(value: SettingValue) -> Any:
    """A value for ``--json``: its protocol form, a file as its name and size (not its bytes)."""
    if isinstance(value, FileResource):
        return {"fileName": value.file_name, "bytes": len(value.data)}
    return value_to_json(value)


def _label(schema: ConfigSchema, variable: str) -> str:
    item = schema.get(variable)
    return f"{item.label} [{variable}]" if item is not None and item.label else variable


def run_show(args: argparse.Namespace) -> int:
    with cli_services() as services:
        backup = services.backups.load(args.backup_id)
    schema = parse_descriptor(backup.descriptor_xml).schema
    emit(args, _show_text(backup, schema), _show_json(backup, schema))
    return 0


def _show_text(backup: Backup, schema: ConfigSchema) -> str:
    info = backup.info
    lines = [
        f"Backup {info.backup_id}",
        table(
            None,
            (
                ("Module:", f"{info.module_name} v{info.module_version} ({info.module_id})"),
                ("PBX:", info.pbx_name),
                ("Date:", _date(info.created_at)),
                ("Reason:", info.reason),
                ("Internal data:", _size(len(backup.config.internal_data))),
            ),
            indent="  ",
        ),
    ]
    if not backup.config.instances:
        lines.append("\nNo instances.")
    for instance in backup.config.instances:
        state = "active" if instance.active else "inactive"
        lines.append(f'\nInstance "{instance.name}" ({state})')
        values = masked_values(schema, instance.values)
        if values:
            rows = ((_label(schema, variable), _shown(values[variable])) for variable in _form_order(schema, values))
            lines.append(table(None, rows, indent="  "))
        else:
            lines.append("  (no stored values)")
    return "\n".join(lines)


def _show_json(backup: Backup, schema: ConfigSchema) -> dict[str, Any]:
    return {
        **backup.info.to_json(),
        "internalDataBytes": len(backup.config.internal_data),
        "instances": [
            {
                "name": inst.name,
                "active": inst.active,
                "values": {key: _json_value(value) for key, value in masked_values(schema, inst.values).items()},
            }
            for inst in backup.config.instances
        ],
    }


def _size(count: int) -> str:
    if count == 0:
        return "none"
    if count < 1024:
        return f"{count} bytes"
    return f"{count / 1024:.1f} KiB"


# --- restore -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstanceRestore:
    """What a restore does to one instance, worked out before anything is written."""

    instance: InstanceConfig
    migration: Migration
    exists: bool


@dataclass(frozen=True)
class RestorePreview:
    pbx_name: str
    installed_version: int
    instances: tuple[InstanceRestore, ...]
    new_schema: ConfigSchema


def preview_restore(services: Services, backup: Backup, pbx_name: str, names: list[str] | None) -> RestorePreview:
    """Read the target PBX and compute, per instance, what is written, dropped and created."""
    if names:
        unknown = sorted(set(names) - {inst.name for inst in backup.config.instances})
        if unknown:
            raise OperationError(
                code="backup_instances_unknown",
                params={"names": ", ".join(f"'{name}'" for name in unknown), "backup": backup.info.backup_id},
            )
    with services.client(pbx_name) as client:
        installed = find_module(client.list_modules(), backup.info.module_id)
        if installed is None:
            raise OperationError(
                code="restore_module_not_installed",
                params={"module": backup.info.module_name, "pbx": pbx_name},
            )
        new_schema = parse_descriptor(client.get_descriptor(installed.id)).schema
        existing = {inst.name for inst in client.export_config(installed.id).instances}
    old_schema = parse_descriptor(backup.descriptor_xml).schema
    chosen = [inst for inst in backup.config.instances if not names or inst.name in names]
    return RestorePreview(
        pbx_name=pbx_name,
        installed_version=installed.version,
        instances=tuple(
            InstanceRestore(inst, migrate_settings(old_schema, new_schema, inst.values), inst.name in existing)
            for inst in chosen
        ),
        new_schema=new_schema,
    )


def _restore_text(backup: Backup, preview: RestorePreview) -> str:
    info = backup.info
    lines = [
        f"Restore backup {info.backup_id} ({info.module_name} v{info.module_version} from {info.pbx_name}, "
        f"{_date(info.created_at)}) onto {preview.pbx_name}, which runs v{preview.installed_version}:"
    ]
    for item in preview.instances:
        state = "active" if item.instance.active else "inactive"
        action = "overwrites the existing instance" if item.exists else "creates this instance"
        lines.append(f'  Instance "{item.instance.name}" ({state}) - {action}')
        migration = item.migration
        written = [_label(preview.new_schema, entry.variable_id) for entry in migration.carried]
        lines.append("    written: " + (", ".join(written) or "nothing"))
        if migration.dropped:
            dropped = ", ".join(f"{entry.label} [{entry.variable_id}]" for entry in migration.dropped)
            lines.append(f"    dropped: {dropped} (v{preview.installed_version} has no such setting)")
        if migration.added:
            added = ", ".join(_new_setting(preview.new_schema, entry) for entry in migration.added)
            lines.append(f"    new:     {added}")
    if backup.config.internal_data:
        lines.append(f"  Internal module data ({_size(len(backup.config.internal_data))}) is written back.")
    lines.append(f"The current settings on {preview.pbx_name} are backed up first, so this can be undone.")
    return "\n".join(lines)


def _new_setting(schema: ConfigSchema, entry: SettingMigration) -> str:
    """A setting only the installed version has, with the default it starts with (never a secret)."""
    label = _label(schema, entry.variable_id)
    if entry.new_value is None:
        return f"{label} (empty)"
    return f"{label} = {MASK if is_secret_input(schema, entry.variable_id) else _shown(entry.new_value)}"


def _restore_preview_json(preview: RestorePreview) -> list[dict[str, Any]]:
    return [
        {
            "name": item.instance.name,
            "active": item.instance.active,
            "exists": item.exists,
            "written": [entry.variable_id for entry in item.migration.carried],
            "dropped": [entry.variable_id for entry in item.migration.dropped],
            "new": [entry.variable_id for entry in item.migration.added],
        }
        for item in preview.instances
    ]


def run_restore(args: argparse.Namespace) -> int:
    with cli_services() as services:
        backup = services.backups.load(args.backup_id)
        preview = preview_restore(services, backup, args.pbx, args.instances)
        if not args.json:
            print(_restore_text(backup, preview))
        confirm(f"Restore these settings onto {args.pbx}?", assume_yes=args.yes)
        result = restore_backup(services, backup, args.pbx, instance_names=args.instances)
    created = f"; created {', '.join(result.created_instances)}" if result.created_instances else ""
    dropped = (
        f"; {plural(len(result.dropped), 'value')} had no place in the installed version" if result.dropped else ""
    )
    text = (
        f"Restored {plural(len(result.instances), 'instance')} of {result.module_name} onto {result.pbx_name}"
        f"{created}{dropped}. The previous settings are in backup {result.safety_backup_id}."
    )
    emit(
        args,
        text,
        {
            "backupId": backup.info.backup_id,
            "pbx": result.pbx_name,
            "module": result.module_name,
            "instances": _restore_preview_json(preview),
            "restored": list(result.instances),
            "created": list(result.created_instances),
            "dropped": list(result.dropped),
            "safetyBackupId": result.safety_backup_id,
        },
    )
    return 0


# --- export / import / delete ------------------------------------------------------------------


def run_export(args: argparse.Namespace) -> int:
    destination: Path = args.out
    if destination.exists():
        raise OperationError(code="output_file_exists", params={"path": str(destination)})
    with cli_services() as services:
        info = services.backups.load(args.backup_id).info
        password = read_secret("Password for the exported file", from_stdin=args.password_stdin, repeat=True)
        services.backups.export(args.backup_id, destination, password)
    print(
        f"Exported backup {info.backup_id} ({info.module_name} v{info.module_version} from {info.pbx_name}) "
        f"to {destination}. Keep the password: without it the file cannot be read."
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    with cli_services() as services:
        password = read_secret("Password of the exported file", from_stdin=args.password_stdin)
        info = services.backups.import_file(args.file, password)
    text = (
        f"Imported as backup {info.backup_id}: {info.module_name} v{info.module_version} from {info.pbx_name} "
        f"({_date(info.created_at)}, {plural(len(info.instances), 'instance')})."
    )
    emit(args, text, info.to_json())
    return 0


def run_delete(args: argparse.Namespace) -> int:
    with cli_services() as services:
        infos, damaged = services.backups.list_backups()
        if args.backup_id in services.journal.backup_ids_in_use():
            raise StoreError(code="backup_in_use", params={"backup": args.backup_id})
        info = next((item for item in infos if item.backup_id == args.backup_id), None)
        if info is not None:
            described = f"{info.module_name} v{info.module_version} from {info.pbx_name}, {_date(info.created_at)}"
        elif any(item.path.stem == args.backup_id for item in damaged):
            described = "a damaged file"
        else:
            raise StoreError(
                code="backup_not_found",
                params={"backup": args.backup_id},
            )
        confirm(f"Delete backup {args.backup_id} ({described})?", assume_yes=args.yes)
        services.backups.delete(args.backup_id)
    print(f"Deleted backup {args.backup_id}.")
    return 0
