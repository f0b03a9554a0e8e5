"""The SQLite inventory: the user's PBXs, their pinned certificates and last known facts.

One connection is shared by all threads and guarded by a lock, because the GUI task runner
calls the inventory from worker threads; SQLite in WAL mode lets other processes (a CLI run
next to the GUI) read while one writes.

The snapshot of a PBX (its last refreshed facts) is defined by ``ops``; it is stored here as
JSON text so the GUI and CLI can show something before the next refresh.
"""

from __future__ import annotations

import builtins
import ipaddress
import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.text import bound_json, bound_text
from modmanager.store.audit import AUDIT_SCHEMA, AuditAction, AuditEvent, append_in
from modmanager.store.paths import inventory_path

DEFAULT_AGENT_INSTANCE = "modmanager"
MAX_NAME_LENGTH = 64
MAX_SNAPSHOT_BYTES = 16 * 1024 * 1024
"""The most JSON text one PBX's stored facts (or status detail) may take."""
_FINGERPRINT_RE = re.compile(r"[0-9a-f]{64}")
def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PbxRecord:
    """A PBX the user manages. ``name`` is the user's handle for it and unique.

    The URL is normalized to ``https://host:port`` and the fingerprint to 64 lowercase hex
    digits on construction, so two spellings of the same PBX compare equal.
    """

    name: str
    url: str
    login_id: str
    customer: str = ""
    tags: tuple[str, ...] = ()
    agent_instance: str = DEFAULT_AGENT_INSTANCE
    fingerprint: str | None = None
    notes: str = ""
    added_at: datetime = field(default_factory=_now)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", validate_pbx_name(self.name))
        object.__setattr__(self, "url", normalize_pbx_url(self.url))
        if not self.login_id.strip():
            raise StoreError(code="pbx_login_missing", params={"pbx": self.name})
        if not self.agent_instance.strip():
            raise StoreError(
                code="pbx_agent_instance_missing", params={"pbx": self.name, "default": DEFAULT_AGENT_INSTANCE}
            )
        tags = tuple(dict.fromkeys(tag.strip() for tag in self.tags if tag.strip()))
        object.__setattr__(self, "tags", tags)
        if self.fingerprint is not None:
            object.__setattr__(self, "fingerprint", normalize_fingerprint(self.fingerprint))
        if self.added_at.tzinfo is None:
            raise ValueError("A PBX's added_at time must carry a time zone (use datetime.now(UTC)).")


@dataclass(frozen=True)
class PbxStatus:
    """The outcome of the last operation on a PBX, for display before the next refresh."""

    status: str
    message: str
    updated_at: datetime
    detail: Mapping[str, Any] = field(default_factory=dict)
    """The error behind the status as JSON data (``core.errors.error_to_json``), so a front end
    can show a stored status in its own language; empty when there was none."""


def validate_pbx_name(name: str) -> str:
    """Check a PBX handle; it is used on the command line and in file names."""
    cleaned = name.strip()
    if not cleaned:
        raise StoreError(code="pbx_name_empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise StoreError(code="pbx_name_too_long", params={"start": cleaned[:20], "limit": str(MAX_NAME_LENGTH)})
    if any(char in "/\\" or not char.isprintable() for char in cleaned):
        raise StoreError(code="pbx_name_bad_character", params={"name": cleaned})
    return cleaned


def normalize_pbx_url(url: str) -> str:
    """Return ``https://host:port`` (lowercase host, port 443 by default) or raise StoreError.

    Only https is accepted: the agent carries STARFACE credentials.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise StoreError(code="pbx_address_invalid", params={"url": url}) from None
    if parts.scheme.lower() != "https":
        raise StoreError(code="pbx_address_not_https", params={"url": url})
    host = (parts.hostname or "").lower()
    if not host:
        raise StoreError(code="pbx_address_no_host", params={"url": url})
    if parts.username is not None or parts.password is not None:
        raise StoreError(code="pbx_address_credentials")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise StoreError(code="pbx_address_path", params={"url": url})
    try:
        is_ipv6 = ipaddress.ip_address(host).version == 6
    except ValueError:
        is_ipv6 = False
    shown_host = f"[{host}]" if is_ipv6 else host
    return f"https://{shown_host}:{port or 443}"


def normalize_fingerprint(fingerprint: str) -> str:
    """Return a SHA-256 fingerprint as 64 lowercase hex digits (colons and case ignored)."""
    cleaned = fingerprint.strip().replace(":", "").lower()
    if not _FINGERPRINT_RE.fullmatch(cleaned):
        raise StoreError(
            code="invalid_fingerprint",
        )
    return cleaned


_MIGRATIONS: tuple[str, ...] = (
    # 1: PBXs, their last known facts and the status of the last operation.
    """
    CREATE TABLE pbx (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        login_id TEXT NOT NULL,
        customer TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        agent_instance TEXT NOT NULL DEFAULT 'modmanager',
        fingerprint TEXT,
        notes TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
    );
    CREATE TABLE pbx_snapshot (
        pbx_id INTEGER PRIMARY KEY REFERENCES pbx(id) ON DELETE CASCADE,
        snapshot TEXT NOT NULL,
        fetched_at TEXT NOT NULL
    );
    CREATE TABLE pbx_status (
        pbx_id INTEGER PRIMARY KEY REFERENCES pbx(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        message TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 2: the error behind a status, structured (JSON), for showing it in the interface language.
    """
    ALTER TABLE pbx_status ADD COLUMN detail TEXT NOT NULL DEFAULT '{}';
    """,
    # 3: unattended work - holds and skips, maintenance windows, scheduled jobs, the audit trail.
    """
    CREATE TABLE module_hold (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('hold', 'skip')),
        scope TEXT NOT NULL CHECK (scope IN ('pbx', 'customer', 'fleet')),
        pbx_id INTEGER REFERENCES pbx(id) ON DELETE CASCADE,
        customer TEXT NOT NULL DEFAULT '',
        module_id TEXT NOT NULL,
        module_name TEXT NOT NULL DEFAULT '',
        version INTEGER,
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX module_hold_key ON module_hold (
        kind, scope, IFNULL(pbx_id, 0), customer COLLATE NOCASE, module_id,
        CASE kind WHEN 'skip' THEN version ELSE NULL END
    );
    CREATE TABLE maintenance_window (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('pbx', 'customer')),
        pbx_id INTEGER REFERENCES pbx(id) ON DELETE CASCADE,
        customer TEXT NOT NULL DEFAULT '',
        spec TEXT NOT NULL
    );
    CREATE UNIQUE INDEX maintenance_window_key ON maintenance_window (
        scope, IFNULL(pbx_id, 0), customer COLLATE NOCASE
    );
    CREATE TABLE scheduled_job (
        id INTEGER PRIMARY KEY,
        job_id TEXT NOT NULL UNIQUE,
        batch TEXT NOT NULL,
        kind TEXT NOT NULL,
        pbx_id INTEGER NOT NULL REFERENCES pbx(id) ON DELETE CASCADE,
        module_id TEXT NOT NULL DEFAULT '',
        to_version INTEGER,
        window_start TEXT NOT NULL,
        window_end TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT '',
        started_at TEXT,
        finished_at TEXT,
        runner TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX scheduled_job_due ON scheduled_job (state, window_start);
    """
    + AUDIT_SCHEMA,
)
SCHEMA_VERSION = len(_MIGRATIONS)

_PBX_COLUMNS = "name, url, login_id, customer, tags, agent_instance, fingerprint, notes, added_at"


class Inventory:
    """The PBX inventory; safe to share between threads. Close it when done."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or inventory_path()
        self._lock = threading.RLock()
        self._depth = 0
        """Open transactions of the thread holding ``_lock`` (see :meth:`batch`)."""
        try:
            self._conn = sqlite3.connect(
                self.path, check_same_thread=False, timeout=10.0, isolation_level=None
            )
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise self._db_error(exc) from exc

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Inventory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- PBXs -------------------------------------------------------------------------

    def add(self, record: PbxRecord) -> None:
        """Add a PBX; its name must not be taken yet. The audit trail records it."""
        with self._transaction() as conn:
            try:
                conn.execute(
                    f"INSERT INTO pbx ({_PBX_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _pbx_row(record),
                )
            except sqlite3.IntegrityError:
                raise StoreError(
                    code="pbx_name_taken",
                    params={"pbx": record.name},
                ) from None
            append_in(
                conn,
                AuditEvent(
                    AuditAction.PBX_ADDED, pbx=record.name, customer=record.customer, detail={"url": record.url}
                ),
            )

    def update(self, record: PbxRecord) -> None:
        """Replace every field of the PBX named ``record.name`` (``added_at`` is kept)."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE pbx SET url = ?, login_id = ?, customer = ?, tags = ?, agent_instance = ?,"
                " fingerprint = ?, notes = ? WHERE name = ?",
                (*_pbx_row(record)[1:8], record.name),
            )
            _require_found(cursor, record.name)

    def rename(self, old_name: str, new_name: str) -> None:
        """Give a PBX a new handle, keeping its snapshot, status and pin.

        Credentials are keyed by name too; callers move them with the credential store.
        """
        new_name = validate_pbx_name(new_name)
        with self._transaction() as conn:
            try:
                cursor = conn.execute("UPDATE pbx SET name = ? WHERE name = ?", (new_name, old_name))
            except sqlite3.IntegrityError:
                raise StoreError(
                    code="pbx_name_taken",
                    params={"pbx": new_name},
                ) from None
            _require_found(cursor, old_name)
            if new_name != old_name:
                customer = conn.execute("SELECT customer FROM pbx WHERE name = ?", (new_name,)).fetchone()[0]
                append_in(
                    conn,
                    AuditEvent(AuditAction.PBX_RENAMED, pbx=new_name, customer=customer, detail={"from": old_name}),
                )

    def remove(self, name: str) -> None:
        """Remove a PBX with its snapshot, status, holds, window and scheduled jobs (the audit keeps it)."""
        with self._transaction() as conn:
            row = conn.execute("SELECT customer, url FROM pbx WHERE name = ?", (name,)).fetchone()
            _require_found(conn.execute("DELETE FROM pbx WHERE name = ?", (name,)), name)
            append_in(conn, AuditEvent(AuditAction.PBX_REMOVED, pbx=name, customer=row[0], detail={"url": row[1]}))

    def get(self, name: str) -> PbxRecord:
        """The PBX named ``name``; StoreError if there is none."""
        with self._lock:
            row = self._query_one(f"SELECT {_PBX_COLUMNS} FROM pbx WHERE name = ?", (name,))
        if row is None:
            raise _unknown_pbx(name)
        return _record_from_row(row)

    def list(self) -> builtins.list[PbxRecord]:
        """All PBXs, ordered by customer and name."""
        with self._lock:
            rows = self._query_all(
                f"SELECT {_PBX_COLUMNS} FROM pbx ORDER BY customer COLLATE NOCASE, name COLLATE NOCASE"
            )
        return [_record_from_row(row) for row in rows]

    def set_fingerprint(self, name: str, fingerprint: str | None) -> None:
        """Pin (or with ``None`` unpin) the SHA-256 fingerprint of the PBX's certificate."""
        value = None if fingerprint is None else normalize_fingerprint(fingerprint)
        with self._transaction() as conn:
            cursor = conn.execute("UPDATE pbx SET fingerprint = ? WHERE name = ?", (value, name))
            _require_found(cursor, name)

    # -- last known facts ---------------------------------------------------------------

    def save_snapshot(
        self, name: str, snapshot: dict[str, Any], fetched_at: datetime, *, validated: bool = False
    ) -> None:
        """Keep the last refreshed facts of a PBX (replacing older ones).

        What a PBX said is bounded before it is kept (:func:`~modmanager.core.text.bound_json`):
        no string longer than 4096 characters, no list longer than 10,000 items, and at most
        :data:`MAX_SNAPSHOT_BYTES` in all - a PBX answering with a 200 MB name fills no disk.
        ``validated``: the snapshot was written from the protocol's checked types (every text
        within 4096 characters and free of control characters, a fixed depth), so walking it
        again would change nothing; only its size is checked (a refresh of a fleet stores one
        per PBX).
        """
        text = json.dumps(snapshot if validated else bound_json(snapshot), ensure_ascii=False, sort_keys=True)
        if len(text) > MAX_SNAPSHOT_BYTES:
            raise StoreError(code="snapshot_too_large", params={"pbx": name})
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO pbx_snapshot (pbx_id, snapshot, fetched_at) VALUES (?, ?, ?)"
                " ON CONFLICT(pbx_id) DO UPDATE SET snapshot = excluded.snapshot,"
                " fetched_at = excluded.fetched_at",
                (self._pbx_id(conn, name), text, _iso(fetched_at)),
            )

    def load_snapshot(self, name: str) -> tuple[dict[str, Any], datetime] | None:
        """The last saved facts and when they were fetched, or None if never refreshed."""
        with self._lock:
            pbx_id = self._pbx_id(self._conn, name)
            row = self._query_one(
                "SELECT snapshot, fetched_at FROM pbx_snapshot WHERE pbx_id = ?", (pbx_id,)
            )
        if row is None:
            return None
        try:  # a damaged row means "not known yet", never a failure: the next refresh replaces it
            snapshot = safejson.loads(str(row[0]), max_bytes=MAX_SNAPSHOT_BYTES, expect=dict)
            return snapshot, datetime.fromisoformat(str(row[1]))
        except ValueError:
            return None

    def save_status(
        self, name: str, status: str, message: str, detail: Mapping[str, Any] | None = None
    ) -> None:
        """Record the outcome of the last operation on a PBX (e.g. "ok", "unreachable").

        ``detail`` is JSON-ready data about it (see :attr:`PbxStatus.detail`).
        """
        detail_json = json.dumps(bound_json(dict(detail or {})), ensure_ascii=False, sort_keys=True)
        message = bound_text(message)
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO pbx_status (pbx_id, status, message, updated_at, detail) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(pbx_id) DO UPDATE SET status = excluded.status,"
                " message = excluded.message, updated_at = excluded.updated_at, detail = excluded.detail",
                (self._pbx_id(conn, name), status, message, _iso(_now()), detail_json),
            )

    def load_status(self, name: str) -> PbxStatus | None:
        """The last recorded status of a PBX, or None."""
        with self._lock:
            pbx_id = self._pbx_id(self._conn, name)
            row = self._query_one(
                "SELECT status, message, updated_at, detail FROM pbx_status WHERE pbx_id = ?", (pbx_id,)
            )
        return None if row is None else _status(*row)

    def statuses(self) -> dict[str, PbxStatus]:
        """The last recorded status of every PBX that has one, by PBX name."""
        with self._lock:
            rows = self._query_all(
                "SELECT pbx.name, s.status, s.message, s.updated_at, s.detail"
                " FROM pbx_status AS s JOIN pbx ON pbx.id = s.pbx_id"
            )
        return {row[0]: _status(*row[1:]) for row in rows}

    def starface_versions(self) -> dict[str, str]:
        """The STARFACE version in every stored snapshot, by PBX name, without parsing the snapshots
        (the desktop shows it before anything else is loaded); damaged snapshots are left out."""
        try:
            with self._lock:
                rows = self._query_all(
                    "SELECT pbx.name, CASE WHEN json_valid(s.snapshot)"
                    " THEN json_extract(s.snapshot, '$.info.starfaceVersion') END"
                    " FROM pbx_snapshot AS s JOIN pbx ON pbx.id = s.pbx_id"
                )
        except StoreError:  # an SQLite without JSON functions: the versions come with the snapshots
            return {}
        return {name: bound_text(version) for name, version in rows if isinstance(version, str)}

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes as one transaction: every write of this thread inside joins it.

        Committed when the block ends, rolled back entirely if it raises. A write (or a batch)
        inside that fails is undone alone (a savepoint), so the block may catch its error and
        go on. A fleet refresh stores the PBXs that ended together this way instead of two
        transactions per PBX. Other threads wait for the inventory meanwhile, so keep the block
        to the writes.
        """
        with self._transaction():
            yield

    # -- for the other stores of this database (holds, windows, schedules, audit) ------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): commits on success, rolls back on error."""
        with self._transaction() as conn:
            try:
                yield conn
            except sqlite3.Error as exc:
                raise self._db_error(exc) from exc

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> builtins.list[tuple[Any, ...]]:
        """Rows of one read-only query."""
        with self._lock:
            return self._query_all(sql, params)

    def pbx_id(self, conn: sqlite3.Connection, name: str) -> int:
        """The row id of PBX ``name`` (StoreError naming the PBX when there is none)."""
        return self._pbx_id(conn, name)

    # -- internals --------------------------------------------------------------------

    def _migrate(self) -> None:
        """Bring the schema up to :data:`SCHEMA_VERSION`, one step per transaction."""
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                code="inventory_newer",
                params={"path": str(self.path), "version": str(version), "variable": "MODMANAGER_HOME"},
            )
        for step in range(version, SCHEMA_VERSION):
            # executescript commits on its own; the version bump runs inside the same script.
            self._conn.executescript(
                f"BEGIN IMMEDIATE;\n{_MIGRATIONS[step]}\nPRAGMA user_version = {step + 1};\nCOMMIT;"
            )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._depth:  # inside a batch of this thread: a savepoint of its transaction
                savepoint = f"write_{self._depth}"
                self._depth += 1
                try:
                    try:
                        self._conn.execute(f"SAVEPOINT {savepoint}")
                    except sqlite3.Error as exc:
                        raise self._db_error(exc) from exc
                    try:
                        yield self._conn
                    except BaseException:
                        self._conn.execute(f"ROLLBACK TO {savepoint}")
                        self._conn.execute(f"RELEASE {savepoint}")
                        raise
                    try:
                        self._conn.execute(f"RELEASE {savepoint}")
                    except sqlite3.Error as exc:
                        raise self._db_error(exc) from exc
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._db_error(exc) from exc
            self._depth = 1
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise self._db_error(exc) from exc

    def _query_one(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
        try:
            row: tuple[Any, ...] | None = self._conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise self._db_error(exc) from exc
        return row

    def _query_all(self, sql: str, params: tuple[Any, ...] = ()) -> builtins.list[tuple[Any, ...]]:
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except sqlite3.Error as exc:
            raise self._db_error(exc) from exc

    def _pbx_id(self, conn: sqlite3.Connection, name: str) -> int:
        try:
            row = conn.execute("SELECT id FROM pbx WHERE name = ?", (name,)).fetchone()
        except sqlite3.Error as exc:
            raise self._db_error(exc) from exc
        if row is None:
            raise _unknown_pbx(name)
        return int(row[0])

    def _db_error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(code="inventory_unusable", params={"path": str(self.path), "detail": str(exc)})


def _status(status: str, message: str, updated_at: str, detail: str) -> PbxStatus:
    try:
        parsed = safejson.loads(str(detail), max_bytes=MAX_SNAPSHOT_BYTES, expect=dict)
    except ValueError:
        parsed = {}
    try:
        moment = datetime.fromisoformat(str(updated_at))
    except ValueError:
        moment = datetime.fromtimestamp(0, UTC)
    return PbxStatus(bound_text(str(status)), bound_text(str(message)), moment, parsed)


def _pbx_row(record: PbxRecord) -> tuple[Any, ...]:
    return (
        record.name,
        record.url,
        record.login_id,
        record.customer,
        json.dumps(list(record.tags), ensure_ascii=False),
        record.agent_instance,
        record.fingerprint,
        record.notes,
        _iso(record.added_at),
    )


def _record_from_row(row: tuple[Any, ...]) -> PbxRecord:
    name, url, login_id, customer, tags, agent_instance, fingerprint, notes, added_at = row
    return PbxRecord(
        name=name,
        url=url,
        login_id=login_id,
        customer=customer,
        tags=_tags(tags),
        agent_instance=agent_instance,
        fingerprint=fingerprint,
        notes=notes,
        added_at=datetime.fromisoformat(added_at),
    )


def _tags(text: str) -> tuple[str, ...]:
    try:
        tags = safejson.loads(str(text), max_bytes=1024 * 1024, expect=list)
    except ValueError:
        return ()
    return tuple(tag for tag in tags if isinstance(tag, str))


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("A stored time must carry a time zone (use datetime.now(UTC)).")
    return moment.astimezone(UTC).isoformat()


def _require_found(cursor: sqlite3.Cursor, name: str) -> None:
    if cursor.rowcount == 0:
        raise _unknown_pbx(name)


def _unknown_pbx(name: str) -> StoreError:
    return StoreError(code="pbx_unknown", params={"pbx": name})
