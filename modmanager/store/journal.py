"""The update journal: what an update was doing, written to disk before every destructive step.

An update that dies half-way (crash, power cut, killed process) must be recoverable by a later
process that knows nothing of the one that died. So before the first step that changes a PBX,
the update writes an entry here - which PBX and module, from which version to which, the
backup that holds the old settings, the file of the old version for a rollback - and
advances its ``step`` as it goes. Each write is atomic and fsynced. On start, every entry
that is still open is offered for resume or rollback (:mod:`modmanager.ops.recovery`).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.localfile import read_problem
from modmanager.core.text import bound_json
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import journal_dir

_ENTRY_LIMIT = 1024 * 1024
_MAX_FIELD_CHARS = 4096
_ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class JournalEntry:
    """One update in flight. ``step`` is the last step that was *started*."""

    op_id: str
    pbx_name: str
    module_id: str
    module_name: str
    from_version: int | None
    to_version: int
    backup_id: str | None
    target_sha256: str
    previous_sha256: str | None
    """SHA-256 of the previously installed file in the local .sfm cache (rollback source)."""
    step: str
    started_at: str
    updated_at: str
    history: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    """Facts a resume needs: active instances before the update, the migration plan, ..."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["history"] = list(self.history)
        return data

    @classmethod
    def from_json(cls, data: Any) -> JournalEntry:
        """The entry a file holds; ``ValueError`` naming the first field that is missing or of the wrong type."""
        if not isinstance(data, dict):
            raise ValueError("journal entry is not a JSON object")
        history = data.get("history", [])
        details = data.get("details", {})
        if not isinstance(history, list) or not all(isinstance(item, str) for item in history):
            raise ValueError("journal entry field 'history' is not a list of texts")
        if not isinstance(details, dict):
            raise ValueError("journal entry field 'details' is not an object")
        op_id = _text(data, "op_id")
        if not _ID_PATTERN.match(op_id):
            raise ValueError("journal entry field 'op_id' is malformed")
        return cls(
            op_id=op_id,
            pbx_name=_text(data, "pbx_name"),
            module_id=_text(data, "module_id"),
            module_name=_text(data, "module_name"),
            from_version=_whole(data, "from_version", optional=True),
            to_version=_whole(data, "to_version"),
            backup_id=_text(data, "backup_id", optional=True),
            target_sha256=_text(data, "target_sha256"),
            previous_sha256=_text(data, "previous_sha256", optional=True),
            step=_text(data, "step"),
            started_at=_text(data, "started_at"),
            updated_at=_text(data, "updated_at"),
            history=tuple(history),
            details=dict(details),
        )


def _text(data: dict[str, Any], name: str, *, optional: bool = False) -> Any:
    if name not in data:
        raise ValueError(f"journal entry is incomplete: {name!r} is missing")
    value = data[name]
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > _MAX_FIELD_CHARS:
        raise ValueError(f"journal entry field {name!r} is not a text")
    return value


def _whole(data: dict[str, Any], name: str, *, optional: bool = False) -> Any:
    if name not in data:
        raise ValueError(f"journal entry is incomplete: {name!r} is missing")
    value = data[name]
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"journal entry field {name!r} is not a whole number")
    return value


@dataclass(frozen=True)
class DamagedEntry:
    """A file in the journal folder that cannot be read as an entry."""

    path: Path
    problem: str
    key: str = ""
    """The kind of damage (a ``core.safejson`` key, ``not_regular``, ``unreadable``)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Journal:
    """Open update entries, one JSON file each, in the journal folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or journal_dir()
        self._folder.mkdir(parents=True, exist_ok=True)

    def _path(self, op_id: str) -> Path:
        if not _ID_PATTERN.match(op_id):
            raise StoreError(code="journal_id_invalid", params={"op": op_id[:80]})
        return self._folder / f"{op_id}.json"

    def begin(
        self,
        *,
        pbx_name: str,
        module_id: str,
        module_name: str,
        from_version: int | None,
        to_version: int,
        backup_id: str | None,
        target_sha256: str,
        previous_sha256: str | None,
        details: dict[str, Any] | None = None,
    ) -> JournalEntry:
        """Record an update before its first destructive step."""
        now = _now()
        entry = JournalEntry(
            op_id=uuid.uuid4().hex,
            pbx_name=pbx_name,
            module_id=module_id,
            module_name=module_name,
            from_version=from_version,
            to_version=to_version,
            backup_id=backup_id,
            target_sha256=target_sha256,
            previous_sha256=previous_sha256,
            step="begin",
            started_at=now,
            updated_at=now,
            history=("begin",),
            details=dict(details or {}),
        )
        self._write(entry)
        return entry

    def advance(self, entry: JournalEntry, step: str, **details: Any) -> JournalEntry:
        """Record that ``step`` is starting; extra ``details`` are merged in."""
        updated = replace(
            entry,
            step=step,
            updated_at=_now(),
            history=(*entry.history, step),
            details={**entry.details, **details},
        )
        self._write(updated)
        return updated

    def close(self, entry: JournalEntry) -> None:
        """The update reached a safe end state (done or rolled back): forget it."""
        try:
            self._path(entry.op_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StoreError(
                code="journal_remove_failed", params={"op": entry.op_id, "detail": error.strerror or str(error)}
            ) from error

    def get(self, op_id: str) -> JournalEntry:
        path = self._path(op_id)
        try:
            return self._read(path)
        except FileNotFoundError as error:
            raise StoreError(code="journal_entry_unknown", params={"op": op_id}) from error

    def unfinished(self) -> list[JournalEntry]:
        """Every open entry, oldest first. A damaged entry is reported (StoreError), not skipped silently."""
        entries, damaged = self.scan()
        if damaged:
            raise _damaged_error(damaged[0].path, damaged[0].problem, damaged[0].key)
        return entries

    def scan(self) -> tuple[list[JournalEntry], list[DamagedEntry]]:
        """Every open entry (oldest first) and the files that could not be read as one.

        For views that must go on when one file is damaged (the fleet's status); a use case that
        acts on the entries (recovery, retention) calls :meth:`unfinished`, which refuses then.
        """
        entries: list[JournalEntry] = []
        damaged: list[DamagedEntry] = []
        for path in sorted(self._folder.glob("*.json")):
            try:
                entries.append(self._parse(path))
            except FileNotFoundError:
                continue  # closed by another update between listing and reading: no longer open
            except _Unreadable as problem:
                damaged.append(DamagedEntry(path, problem.reason, problem.key))
        return sorted(entries, key=lambda entry: entry.started_at), damaged

    def backup_ids_in_use(self) -> set[str]:
        """Backups that open entries need; retention must never delete them.

        A damaged entry raises StoreError: which backup it needs is unknown, so nothing may be pruned.
        """
        return {entry.backup_id for entry in self.unfinished() if entry.backup_id}

    def _read(self, path: Path) -> JournalEntry:
        try:
            return self._parse(path)
        except _Unreadable as problem:
            raise _damaged_error(path, problem.reason, problem.key) from None

    def _parse(self, path: Path) -> JournalEntry:
        try:
            raw = read_bytes_limited(path, _ENTRY_LIMIT, what="journal entry")
        except StoreError as error:
            raise _Unreadable(*read_problem(error)) from None
        try:
            entry = JournalEntry.from_json(safejson.loads(raw, max_bytes=_ENTRY_LIMIT, expect=dict))
        except safejson.JsonProblem as problem:
            raise _Unreadable(problem.key, problem.reason) from None
        except ValueError as problem:
            raise _Unreadable("wrong_type", str(problem)) from None
        if entry.op_id != path.stem:
            raise _Unreadable("wrong_type", "its id differs from its file name")
        return entry

    def _write(self, entry: JournalEntry) -> None:
        # Bounded as the reader bounds it, so every entry written can be read back by a recovery.
        data = json.dumps(bound_json(entry.to_json(), max_text=_MAX_FIELD_CHARS), indent=2, sort_keys=True)
        encoded = data.encode("utf-8")
        if len(encoded) > _ENTRY_LIMIT:
            raise StoreError(code="journal_too_large", params={"module": entry.module_name[:80]})
        write_atomic(self._path(entry.op_id), encoded)


class _Unreadable(Exception):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__(reason)
        self.key = key
        self.reason = reason


def _damaged_error(path: Path, problem: str, key: str = "") -> StoreError:
    return StoreError(
        code="journal_damaged",
        params={"entry": path.name, "path": str(path), "why": problem, "why_key": key},
    )
