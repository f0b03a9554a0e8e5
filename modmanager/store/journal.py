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

from modmanager.core.errors import StoreError
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import journal_dir

_ENTRY_LIMIT = 1024 * 1024
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
    def from_json(cls, data: dict[str, Any]) -> JournalEntry:
        try:
            return cls(
                op_id=str(data["op_id"]),
                pbx_name=str(data["pbx_name"]),
                module_id=str(data["module_id"]),
                module_name=str(data["module_name"]),
                from_version=None if data["from_version"] is None else int(data["from_version"]),
                to_version=int(data["to_version"]),
                backup_id=None if data["backup_id"] is None else str(data["backup_id"]),
                target_sha256=str(data["target_sha256"]),
                previous_sha256=None if data["previous_sha256"] is None else str(data["previous_sha256"]),
                step=str(data["step"]),
                started_at=str(data["started_at"]),
                updated_at=str(data["updated_at"]),
                history=tuple(str(item) for item in data.get("history", ())),
                details=dict(data.get("details", {})),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"journal entry is incomplete: {error}") from error


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Journal:
    """Open update entries, one JSON file each, in the journal folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or journal_dir()
        self._folder.mkdir(parents=True, exist_ok=True)

    def _path(self, op_id: str) -> Path:
        if not _ID_PATTERN.match(op_id):
            raise StoreError(
                f"The journal entry id {op_id!r} is not valid.", "Use the id shown by 'modmanager recover'."
            )
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
                f"The journal entry {entry.op_id} cannot be removed ({error.strerror}).",
                "Check the permissions of the data folder.",
            ) from error

    def get(self, op_id: str) -> JournalEntry:
        path = self._path(op_id)
        try:
            return self._read(path)
        except FileNotFoundError as error:
            raise StoreError(
                f"There is no unfinished update with id {op_id}.", "Run 'modmanager recover' to list them."
            ) from error

    def unfinished(self) -> list[JournalEntry]:
        """Every open entry, oldest first. A damaged entry is reported, not skipped silently."""
        entries = []
        for path in sorted(self._folder.glob("*.json")):
            try:
                entries.append(self._read(path))
            except FileNotFoundError:
                continue  # closed by another update between listing and reading: no longer open

        return sorted(entries, key=lambda entry: entry.started_at)

    def backup_ids_in_use(self) -> set[str]:
        """Backups that open entries need; retention must never delete them."""
        return {entry.backup_id for entry in self.unfinished() if entry.backup_id}

    def _read(self, path: Path) -> JournalEntry:
        try:
            return JournalEntry.from_json(json.loads(read_bytes_limited(path, _ENTRY_LIMIT)))
        except (ValueError, UnicodeDecodeError) as error:
            raise StoreError(
                f"The journal entry {path.name} is damaged ({error}).",
                f"Check the PBX by hand, then delete {path} to dismiss it.",
            ) from error

    def _write(self, entry: JournalEntry) -> None:
        data = json.dumps(entry.to_json(), indent=2, sort_keys=True).encode("utf-8")
        write_atomic(self._path(entry.op_id), data)
