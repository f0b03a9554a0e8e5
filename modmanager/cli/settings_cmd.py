"""``modmanager settings``: show and change the application settings, and the catalog sources.

The same settings the desktop application's settings dialog edits, validated by the one
schema in :mod:`modmanager.store.settings`, so a headless workstation or a script can set up
catalogs and options without the GUI.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from modmanager.cli.output import add_json_flag, emit
from modmanager.core.errors import StoreError
from modmanager.core.localfile import read_regular_file
from modmanager.store.paths import config_path, data_dir
from modmanager.store.settings import SETTINGS_SCHEMA, CatalogSource, load_settings, save_settings

# Settings a person sets here; the rest have their own commands or belong to the GUI.
_SCALAR_KEYS = (
    "language", "prerelease_channel", "concurrency", "backup_retention", "debug_logging", "health_check_seconds"
)
_MAX_KEY_FILE_BYTES = 64 * 1024


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``settings show|set`` and ``settings source add|list|remove``."""
    group = subparsers.add_parser("settings", help="show and change settings and catalog sources")
    commands = group.add_subparsers(dest="settings_command", metavar="COMMAND", required=True)

    show = commands.add_parser("show", help="show every setting, the catalog sources and the data folder")
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    change = commands.add_parser("set", help="change one setting", description=_set_description())
    change.add_argument("key", choices=_SCALAR_KEYS, metavar="KEY", help=", ".join(_SCALAR_KEYS))
    change.add_argument("value", metavar="VALUE")
    change.set_defaults(handler=run_set)

    sources = commands.add_parser("source", help="manage the catalogs modules are looked up in")
    source_commands = sources.add_subparsers(dest="source_command", metavar="COMMAND", required=True)
    add = source_commands.add_parser(
        "add",
        help="add a catalog (https URL of catalog.json, or a folder holding it)",
        description="Add a catalog source. A signed catalog needs the vendor's public key; an unsigned local "
        "folder can be trusted explicitly with --trusted-unsigned.",
    )
    add.add_argument("name", help="a name for the source, e.g. the vendor")
    add.add_argument("location", help="https URL of the catalog file, or a local folder")
    key = add.add_mutually_exclusive_group(required=True)
    key.add_argument("--key", metavar="PUB", help="the public key: a .pub file or its base64 text")
    key.add_argument("--trusted-unsigned", action="store_true", help="trust an unsigned local folder")
    add.set_defaults(handler=run_source_add)

    listing = source_commands.add_parser("list", help="list the catalog sources")
    add_json_flag(listing)
    listing.set_defaults(handler=run_source_list)

    remove = source_commands.add_parser("remove", help="remove a catalog source")
    remove.add_argument("name")
    remove.set_defaults(handler=run_source_remove)


def _set_description() -> str:
    lines = [f"{spec.key}: {spec.description}" for spec in SETTINGS_SCHEMA if spec.key in _SCALAR_KEYS]
    return "Change one setting.\n" + "\n".join(lines)


def _parse_value(key: str, text: str) -> Any:
    if key in ("prerelease_channel", "debug_logging"):
        lowered = text.strip().lower()
        if lowered in ("true", "yes", "on", "1", "ja"):
            return True
        if lowered in ("false", "no", "off", "0", "nein"):
            return False
        raise StoreError(code="setting_not_yes_no", params={"text": text[:80]})
    if key in ("concurrency", "backup_retention", "health_check_seconds"):
        try:
            return int(text)
        except ValueError:
            raise StoreError(code="setting_not_number", params={"text": text[:80], "key": key}) from None
    return text


def run_show(args: argparse.Namespace) -> int:
    settings = load_settings()
    data = {key: getattr(settings, key) for key in _SCALAR_KEYS}
    sources = [dataclasses.asdict(source) for source in settings.catalog_sources]
    lines = [f"{key:<20} {json.dumps(value, ensure_ascii=False)}" for key, value in data.items()]
    lines.append(f"{'catalog sources':<20} {len(sources)} (modmanager settings source list)")
    lines.append(f"{'data folder':<20} {data_dir()}")
    lines.append(f"{'settings file':<20} {config_path()}")
    emit(args, "\n".join(lines), {**data, "catalogSources": sources, "dataFolder": str(data_dir())})
    return 0


def run_set(args: argparse.Namespace) -> int:
    settings = load_settings()
    updated = settings.with_changes(**{args.key: _parse_value(args.key, args.value)})
    save_settings(updated)
    print(f"{args.key} is now {json.dumps(getattr(updated, args.key), ensure_ascii=False)}.")
    return 0


def _public_key(text: str) -> str:
    path = Path(text)
    if path.is_file():
        data = read_regular_file(path, _MAX_KEY_FILE_BYTES, what="public key file", error=StoreError)
        return data.decode("ascii", errors="replace").strip()
    return text.strip()


def run_source_add(args: argparse.Namespace) -> int:
    settings = load_settings()
    if any(source.name == args.name for source in settings.catalog_sources):
        raise StoreError(code="catalog_source_exists", params={"name": args.name})
    location = args.location
    if "://" not in location:
        location = str(Path(location).expanduser().absolute())
    source = CatalogSource(
        name=args.name,
        location=location,
        public_key=_public_key(args.key) if args.key else "",
        trusted_unsigned=args.trusted_unsigned,
    )
    save_settings(settings.with_changes(catalog_sources=(*settings.catalog_sources, source)))
    print(f"Added the catalog source {args.name} ({location}).")
    return 0


def run_source_list(args: argparse.Namespace) -> int:
    sources = load_settings().catalog_sources
    lines = [
        f"{source.name}: {source.location} ({'signed' if source.public_key else 'unsigned, trusted'})"
        for source in sources
    ] or ["No catalog sources yet. Add one: modmanager settings source add NAME LOCATION --key PUB"]
    emit(args, "\n".join(lines), [dataclasses.asdict(source) for source in sources])
    return 0


def run_source_remove(args: argparse.Namespace) -> int:
    settings = load_settings()
    kept = tuple(source for source in settings.catalog_sources if source.name != args.name)
    if len(kept) == len(settings.catalog_sources):
        raise StoreError(code="catalog_source_unknown", params={"name": args.name})
    save_settings(settings.with_changes(catalog_sources=kept))
    print(f"Removed the catalog source {args.name}.")
    return 0

