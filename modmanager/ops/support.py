"""A support bundle: what a supporter needs to understand a problem, and no secret.

One zip file with

- ``logs/`` - the log files (already masked when written, masked once more on the way in);
- ``versions.json`` - modmanager, Python, the operating system and the libraries that matter;
- ``settings.json`` - the settings without window geometry (catalog sources are public);
- ``inventory.json`` - per PBX its name, address, customer, tags, last status and what it
  ran when last read (STARFACE version, modules and versions) - no login IDs, no passwords;
- ``state.json`` - interrupted updates waiting for recovery, operations holding a PBX now,
  catalogs that could not be used, where the secrets are kept (keyring or file, never them);
- ``README.txt`` - what the bundle holds.

Every text file passes :func:`modmanager.core.redact.redact` before it is added, and the
size is bounded (the logs are rotated; the newest part of each file is kept within
:data:`MAX_LOG_BYTES_PER_FILE`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import platform
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from modmanager import __version__
from modmanager.core.errors import ModManagerError, StoreError
from modmanager.core.redact import redact
from modmanager.ops.logs import LOG_FILE_NAME, log_path
from modmanager.ops.services import Services
from modmanager.store.atomic import write_atomic

MAX_LOG_BYTES_PER_FILE = 4 * 1024 * 1024
_LIBRARIES = (
    "PySide6-Essentials",
    "PySide6",
    "shiboken6",
    "requests",
    "urllib3",
    "cryptography",
    "keyring",
    "platformdirs",
    "defusedxml",
    "filelock",
    "packaging",
)

README = """\
modmanager support bundle

logs/            the log files (newest: modmanager.log); secrets are masked as [redacted]
versions.json    modmanager, Python, operating system, libraries
settings.json    the settings (no secrets are ever kept there)
inventory.json   the PBXs: name, address, customer, tags, last status, STARFACE version,
                 modules - no login IDs, no passwords
state.json       interrupted updates, operations holding a PBX, catalog problems

Passwords, agent secrets, the master password and backup contents are never included.
"""


def support_bundle(services: Services, *, now: dt.datetime | None = None) -> bytes:
    """The bundle as zip bytes (see the module docstring)."""
    created = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README + f"\nCreated {created}.\n")
        for name, text in _log_files():
            archive.writestr(f"logs/{name}", redact(text))
        for name, data in (
            ("versions.json", versions()),
            ("settings.json", _settings(services)),
            ("inventory.json", inventory_summary(services)),
            ("state.json", _state(services)),
        ):
            archive.writestr(name, redact(json.dumps(data, indent=2, ensure_ascii=False, default=str)) + "\n")
    return buffer.getvalue()


def write_support_bundle(services: Services, destination: Path) -> Path:
    """Write :func:`support_bundle` to ``destination`` (atomically); returns the path."""
    write_atomic(destination, support_bundle(services), mode=0o600)
    return destination


def default_bundle_name(now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M")
    return f"modmanager-support-{stamp}.zip"


def versions() -> dict[str, Any]:
    libraries = {}
    for name in _LIBRARIES:
        try:
            libraries[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return {
        "modmanager": __version__,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "libraries": libraries,
    }


def inventory_summary(services: Services) -> list[dict[str, Any]]:
    """Per PBX what a supporter needs to know; nothing that opens the PBX."""
    statuses = services.inventory.statuses()
    summary = []
    for record in services.inventory.list():
        stored = statuses.get(record.name)
        entry: dict[str, Any] = {
            "name": record.name,
            "url": record.url,
            "customer": record.customer,
            "tags": list(record.tags),
            "agentInstance": record.agent_instance,
            "certificatePinned": record.fingerprint is not None,
            "status": None if stored is None else stored.status,
            "statusMessage": None if stored is None else stored.message,
            "statusAt": None if stored is None else stored.updated_at.isoformat(timespec="seconds"),
        }
        try:
            snapshot = services.inventory.load_snapshot(record.name)
        except ModManagerError:
            snapshot = None
        if snapshot is not None:
            data, fetched_at = snapshot
            info = data.get("info", {}) if isinstance(data, dict) else {}
            modules = data.get("modules", []) if isinstance(data, dict) else []
            entry["readAt"] = fetched_at.isoformat(timespec="seconds")
            entry["starfaceVersion"] = info.get("starfaceVersion")
            entry["edition"] = info.get("edition")
            entry["agentVersion"] = info.get("agentVersion")
            entry["modules"] = [
                {
                    "id": module.get("id"),
                    "name": module.get("name"),
                    "version": module.get("version"),
                    "instances": len(module.get("instances", []) or []),
                }
                for module in modules
                if isinstance(module, dict)
            ]
        summary.append(entry)
    return summary


def _settings(services: Services) -> dict[str, Any]:
    data = services.settings.to_json()
    data.pop("window_geometry", None)
    return data


def _state(services: Services) -> dict[str, Any]:
    state: dict[str, Any] = {"secretsKeptIn": services.credentials.backend_name}
    try:
        state["interruptedUpdates"] = [
            {
                "op": entry.op_id,
                "pbx": entry.pbx_name,
                "module": entry.module_name,
                "fromVersion": entry.from_version,
                "toVersion": entry.to_version,
                "step": entry.step,
                "startedAt": entry.started_at,
                "history": list(entry.history),
            }
            for entry in services.journal.unfinished()
        ]
    except ModManagerError as error:
        state["interruptedUpdates"] = f"unreadable: {error.message}"
    try:
        state["runningOperations"] = [
            {"pbx": h.pbx, "kind": h.kind, "op": h.op_id, "pid": h.pid, "since": h.started_at, "title": h.title}
            for h in services.pbx_locks.holders()
        ]
    except ModManagerError as error:
        state["runningOperations"] = f"unreadable: {error.message}"
    if services.catalogs.loaded:
        state["catalogProblems"] = [problem.to_json() for problem in services.catalogs.unavailable()]
        state["catalogNotes"] = [note.message for note in services.catalogs.notes()]
    return state


def _log_files() -> list[tuple[str, str]]:
    folder = log_path().parent
    files = sorted(folder.glob(LOG_FILE_NAME + "*")) if folder.is_dir() else []
    found = []
    for path in files:
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                if size > MAX_LOG_BYTES_PER_FILE:
                    handle.seek(size - MAX_LOG_BYTES_PER_FILE)
                data = handle.read(MAX_LOG_BYTES_PER_FILE)
        except OSError as error:
            raise StoreError(
                code="log_unreadable", params={"path": str(path), "detail": error.strerror or str(error)}
            ) from error
        found.append((path.name, data.decode("utf-8", "replace")))
    return found
