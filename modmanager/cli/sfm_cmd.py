"""``modmanager sfm``: look into module files and preview how settings carry over.

``inspect`` shows what a partner needs before installing a file (identity, build, entry
points, the configuration form by tab). ``diff`` shows which settings survive an update
from one file to another, optionally for a concrete instance's stored values. Password
inputs are always masked, in text and JSON alike.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import Any

from modmanager.cli.output import add_json_flag, emit
from modmanager.cli.services import MASK
from modmanager.core import safejson
from modmanager.core.errors import InvalidModuleFile, ModManagerError
from modmanager.core.localfile import read_regular_file
from modmanager.core.messages.jsonwords import json_params
from modmanager.core.migration import SettingMigration, compare_schemas, migrate_settings
from modmanager.core.sfm import (
    ConfigInput,
    ConfigSchema,
    EntryPoint,
    ModuleFile,
    SettingValue,
    one_line,
    read_sfm_path,
)

_MAX_VALUES_FILE_BYTES = 1024 * 1024


class InvalidValuesFile(ModManagerError):
    """The ``--values`` JSON file cannot be used as stored instance values."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``sfm inspect`` and ``sfm diff`` to the top-level parser."""
    group = subparsers.add_parser("sfm", help="inspect and compare .sfm module files")
    commands = group.add_subparsers(dest="sfm_command", metavar="COMMAND", required=True)

    inspect = commands.add_parser("inspect", help="show what a module file contains")
    inspect.add_argument("file", metavar="FILE", help="the .sfm module file")
    add_json_flag(inspect)
    inspect.set_defaults(handler=run_inspect)

    diff = commands.add_parser("diff", help="show which settings carry over from OLD to NEW")
    diff.add_argument("old", metavar="OLD", help="the installed (older) .sfm file")
    diff.add_argument("new", metavar="NEW", help="the .sfm file to update to")
    diff.add_argument(
        "--values",
        metavar="FILE.json",
        help="stored instance values (a JSON object variableId -> value) to migrate",
    )
    add_json_flag(diff)
    diff.set_defaults(handler=run_diff)


def run_inspect(args: argparse.Namespace) -> int:
    module = read_sfm_path(args.file)
    emit(args, _inspect_text(module), _module_json(module))
    return 0


def run_diff(args: argparse.Namespace) -> int:
    old = read_sfm_path(args.old)
    new = read_sfm_path(args.new)
    if old.descriptor.id.lower() != new.descriptor.id.lower():
        raise InvalidModuleFile(
            code="sfm_different_modules",
            params={
                "old": one_line(old.source),
                "old_name": one_line(old.descriptor.name),
                "new": one_line(new.source),
                "new_name": one_line(new.descriptor.name),
            },
        )
    secret_ids = _secret_ids(old.descriptor.schema, new.descriptor.schema)
    header = (
        f"{new.descriptor.name}: version {old.descriptor.version} ({old.source}) "
        f"-> version {new.descriptor.version} ({new.source})"
    )
    data: dict[str, Any] = {
        "module_id": new.descriptor.id,
        "old": {"file": old.source, "version": old.descriptor.version},
        "new": {"file": new.source, "version": new.descriptor.version},
    }
    if args.values is None:
        changes = compare_schemas(old.descriptor.schema, new.descriptor.schema)
        data["settings"] = [_change_json(change, secret_ids) for change in changes]
        text = header + "\n" + _schema_text(changes, secret_ids)
    else:
        values = _read_values(args.values)
        migration = migrate_settings(old.descriptor.schema, new.descriptor.schema, values)
        records = (*migration.carried, *migration.dropped, *migration.added)
        data["settings"] = [_change_json(record, secret_ids) for record in records]
        data["values"] = {key: _shown(key, value, secret_ids) for key, value in migration.values.items()}
        text = header + "\n" + _migration_text(migration.carried, migration.dropped, migration.added, secret_ids)
    emit(args, text, data)
    return 0


# --- inspect ---------------------------------------------------------------------------


def _inspect_text(module: ModuleFile) -> str:
    descriptor = module.descriptor
    manifest = module.manifest
    names = ", ".join(f"{locale}: {name}" for locale, name in descriptor.names.items()) or "-"
    if descriptor.leftover_names:
        copied = ", ".join(f"{locale}: {name}" for locale, name in descriptor.leftover_names.items())
        names += f" (ignored, copied from another module: {copied})"
    rows = [
        ("Id", descriptor.id),
        ("Names", names),
        ("Vendor", descriptor.vendor or "-"),
        ("Version", str(descriptor.version)),
        ("Module type", descriptor.module_type or "-"),
        ("Created with", descriptor.created_with or "-"),
        ("Created by", manifest.created_by or "-"),
        ("Create date", manifest.create_date or "-"),
        ("File", f"{module.source or '-'}, {module.size} bytes, {len(module.entry_names)} entries"),
        ("SHA-256", module.sha256),
    ]
    if descriptor.short_description:
        rows.append(("Summary", descriptor.short_description))
    lines = [f"{descriptor.name} (version {descriptor.version})"]
    lines += [f"  {label + ':':<14}{value}" for label, value in rows]
    lines.append("Entry points:")
    lines += [f"  {_entry_point_text(point)}" for point in descriptor.entry_points] or ["  (none)"]
    lines.append("Configuration form:")
    lines += _form_lines(descriptor.schema) or ["  (no inputs)"]
    return "\n".join(lines)


def _entry_point_text(point: EntryPoint) -> str:
    text = f"{point.kind} {point.name or '-'}"
    if point.type:
        text += f" ({point.type})"
    if point.stages:
        text += f": {', '.join(point.stages)}"
    return text


def _form_lines(schema: ConfigSchema) -> list[str]:
    lines: list[str] = []
    for tab in schema.tabs:
        lines.append(f"  Tab {tab or '(unnamed)'}:")
        for config_input in (i for i in schema.inputs if i.tab == tab):
            if not config_input.stores_value:
                lines.append(f"    -- {config_input.label} --")
                continue
            default = _default_text(config_input)
            lines.append(f"    {config_input.variable_id:<20} {config_input.kind:<20} {config_input.label}{default}")
    return lines


def _default_text(config_input: ConfigInput) -> str:
    if config_input.default is None:
        return ""
    shown = MASK if config_input.is_secret else config_input.default
    return f" (default: {shown!r})"


def _module_json(module: ModuleFile) -> dict[str, Any]:
    descriptor = module.descriptor
    return {
        "file": module.source,
        "size": module.size,
        "sha256": module.sha256,
        "id": descriptor.id,
        "name": descriptor.name,
        "names": dict(descriptor.names),
        "leftoverNames": dict(descriptor.leftover_names),
        "vendor": descriptor.vendor,
        "version": descriptor.version,
        "module_type": descriptor.module_type,
        "spec_version": descriptor.spec_version,
        "created_with": descriptor.created_with,
        "created_by": module.manifest.created_by,
        "create_date": module.manifest.create_date,
        "short_description": descriptor.short_description,
        "description": descriptor.description,
        "entry_points": [
            {"kind": point.kind, "name": point.name, "type": point.type, "stages": list(point.stages)}
            for point in descriptor.entry_points
        ],
        "form": [
            {
                "tab": config_input.tab,
                "kind": config_input.kind,
                "variable_id": config_input.variable_id or None,
                "label": config_input.label,
                "default": MASK
                if config_input.is_secret and config_input.default is not None
                else config_input.default,
            }
            for config_input in descriptor.schema.inputs
        ],
        "entries": list(module.entry_names),
    }


# --- diff ------------------------------------------------------------------------------


def _schema_text(changes: Iterable[SettingMigration], secret_ids: frozenset[str]) -> str:
    by_status = _group(changes)
    lines = [f"Carried over ({len(by_status['carried'])}):"]
    for change in by_status["carried"]:
        note = ""
        if change.old_value != change.new_value:
            note = (
                f"  default changes {_quoted(change.variable_id, change.old_value, secret_ids)}"
                f" -> {_quoted(change.variable_id, change.new_value, secret_ids)}"
            )
        lines.append(f"  {change.variable_id:<20} {change.label}{note}")
    lines.append(f"Dropped, stored values are lost ({len(by_status['dropped'])}):")
    lines += [f"  {change.variable_id:<20} {change.label}" for change in by_status["dropped"]]
    lines.append(f"New in this version ({len(by_status['new'])}):")
    for change in by_status["new"]:
        default = _quoted(change.variable_id, change.new_value, secret_ids)
        lines.append(f"  {change.variable_id:<20} {change.label}  default {default}")
    return "\n".join(lines)


def _migration_text(
    carried: Iterable[SettingMigration],
    dropped: Iterable[SettingMigration],
    added: Iterable[SettingMigration],
    secret_ids: frozenset[str],
) -> str:
    carried, dropped, added = tuple(carried), tuple(dropped), tuple(added)
    lines = [f"Carried over ({len(carried)}):"]
    lines += [
        f"  {change.variable_id:<20} {change.label} = {_quoted(change.variable_id, change.new_value, secret_ids)}"
        for change in carried
    ]
    lines.append(f"Dropped, these values are lost ({len(dropped)}):")
    lines += [
        f"  {change.variable_id:<20} {change.label} = {_quoted(change.variable_id, change.old_value, secret_ids)}"
        for change in dropped
    ]
    lines.append(f"New, set to the default ({len(added)}):")
    lines += [
        f"  {change.variable_id:<20} {change.label} = {_quoted(change.variable_id, change.new_value, secret_ids)}"
        for change in added
    ]
    return "\n".join(lines)


def _group(changes: Iterable[SettingMigration]) -> dict[str, list[SettingMigration]]:
    grouped: dict[str, list[SettingMigration]] = {"carried": [], "dropped": [], "new": []}
    for change in changes:
        grouped[change.status].append(change)
    return grouped


def _change_json(change: SettingMigration, secret_ids: frozenset[str]) -> dict[str, Any]:
    return {
        "variable_id": change.variable_id,
        "label": change.label,
        "status": change.status,
        "old_value": _shown(change.variable_id, change.old_value, secret_ids),
        "new_value": _shown(change.variable_id, change.new_value, secret_ids),
    }


def _shown(variable_id: str, value: SettingValue | None, secret_ids: frozenset[str]) -> SettingValue | None:
    if value is None or variable_id not in secret_ids:
        return value
    return MASK


def _quoted(variable_id: str, value: SettingValue | None, secret_ids: frozenset[str]) -> str:
    shown = _shown(variable_id, value, secret_ids)
    return "(none)" if shown is None else json.dumps(shown, ensure_ascii=False)


def _secret_ids(*schemas: ConfigSchema) -> frozenset[str]:
    return frozenset(i.variable_id for schema in schemas for i in schema.inputs if i.is_secret)


def _read_values(file_name: str) -> dict[str, SettingValue]:
    """Stored instance values from a JSON object; refuses anything a PBX could not hold."""
    path = one_line(file_name)
    try:
        raw = read_regular_file(
            file_name, _MAX_VALUES_FILE_BYTES, what="values file", error=InvalidValuesFile, shown=path
        )
    except FileNotFoundError as error:
        raise InvalidValuesFile(
            code="values_file_unreadable", params={"path": path, "detail": error.strerror or type(error).__name__}
        ) from None
    try:
        parsed = safejson.loads(raw, expect=dict)
    except safejson.JsonProblem as problem:
        raise InvalidValuesFile(code="values_file_invalid", params={"path": path, **json_params(problem)}) from None
    return {key: _setting_value(path, key, value) for key, value in parsed.items()}


def _setting_value(path: str, key: str, value: object) -> SettingValue:
    if isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [str(item) for item in value]
    raise InvalidValuesFile(code="values_file_bad_value", params={"path": path, "key": key[:80]})
