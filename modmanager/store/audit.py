"""The audit trail: every change to a PBX, append-only, in the inventory database.

Each row says when, who (OS user and workstation), which PBX and customer, which module from
which version to which, per instance which settings were carried, dropped or new, the outcome
and the error code. Rows form a hash chain: each row's ``hash`` is the SHA-256 of its own
fields and the previous row's hash, and a one-row ``audit_head`` table holds the last
sequence number and hash. :meth:`AuditLog.verify` recomputes the chain, so a changed, deleted
or inserted row - and a removed tail - is detected. Triggers refuse UPDATE and DELETE on the
table, so only someone who edits the database file by hand (and drops the triggers) can
change it, and then ``verify`` says where.

No secret goes into a row: settings are named by their variableId, never with their values,
except the default a new setting got from the module's form (never for password inputs).
"""

from __future__ import annotations

import builtins
import datetime as dt
import enum
import getpass
import hashlib
import json
import socket
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

GENESIS_HASH = "0" * 64
"""The ``prev_hash`` of the first row."""

AUDIT_SCHEMA = f"""
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    os_user TEXT NOT NULL,
    workstation TEXT NOT NULL,
    action TEXT NOT NULL,
    pbx TEXT NOT NULL DEFAULT '',
    customer TEXT NOT NULL DEFAULT '',
    module_id TEXT NOT NULL DEFAULT '',
    module_name TEXT NOT NULL DEFAULT '',
    from_version INTEGER,
    to_version INTEGER,
    instances TEXT NOT NULL DEFAULT '[]',
    outcome TEXT NOT NULL,
    error_code TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{{}}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_pbx ON audit (pbx, at);
CREATE INDEX audit_customer ON audit (customer, at);
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{GENESIS_HASH}');
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
"""
"""The inventory migration that creates the audit tables (see :mod:`modmanager.store.inventory`)."""


class AuditAction(enum.StrEnum):
    """What kind of change a row records."""

    INSTALL = "install"
    UPDATE = "update"
    ROLLBACK = "rollback"
    RECOVERY = "recovery"
    RESTORE = "restore"
    INSTANCE_STATE = "instance-state"
    AGENT_SECRET = "agent-secret"
    PBX_ADDED = "pbx-added"
    PBX_REMOVED = "pbx-removed"
    PBX_RENAMED = "pbx-renamed"
    HOLD = "hold"
    UNHOLD = "unhold"
    SKIP = "skip"
    UNSKIP = "unskip"


class AuditOutcome(enum.StrEnum):
    OK = "ok"
    FAILED = "failed"
    """Failed before anything changed, or the PBX is left as it was."""
    ROLLED_BACK = "rolled-back"
    """Failed after changing the PBX, and the previous state was put back."""
    KEPT_NEW = "kept-new"
    """Failed, no way back existed, the new version was kept with the settings restored."""
    NOT_FINISHED = "not-finished"
    """Failed and could not be undone yet; the journal keeps the way back (recovery)."""


@dataclass(frozen=True)
class InstanceChange:
    """What happened to one instance's settings."""

    name: str
    carried: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    new: tuple[tuple[str, str], ...] = ()
    """``(variableId, default as text)``; the default is ``""`` when none or a password input."""
    labels: tuple[tuple[str, str], ...] = ()
    """``(variableId, label)`` from the module's form, for people reading a report."""

    def label(self, variable_id: str) -> str:
        return dict(self.labels).get(variable_id, variable_id)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "carried": list(self.carried),
            "dropped": list(self.dropped),
            "new": [[variable, default] for variable, default in self.new],
        }
        if self.labels:
            data["labels"] = dict(self.labels)
        return data

    @classmethod
    def from_json(cls, data: Any) -> InstanceChange:
        if not isinstance(data, Mapping):
            return cls(name=str(data))
        new = tuple((str(item[0]), str(item[1])) for item in data.get("new", ()) if isinstance(item, list | tuple))
        labels = data.get("labels", {})
        return cls(
            name=str(data.get("name", "")),
            carried=tuple(str(item) for item in data.get("carried", ())),
            dropped=tuple(str(item) for item in data.get("dropped", ())),
            new=new,
            labels=tuple((str(key), str(value)) for key, value in labels.items()) if isinstance(labels, dict) else (),
        )


@dataclass(frozen=True)
class AuditEvent:
    """A change to record; who and when are added by :meth:`AuditLog.append`."""

    action: AuditAction | str
    pbx: str = ""
    customer: str = ""
    module_id: str = ""
    module_name: str = ""
    from_version: int | None = None
    to_version: int | None = None
    instances: tuple[InstanceChange, ...] = ()
    outcome: AuditOutcome | str = AuditOutcome.OK
    error_code: str = ""
    detail: Mapping[str, Any] = field(default_factory=dict)
    """JSON-ready facts: the message, backup id, health checks, job id... never a secret."""


@dataclass(frozen=True)
class AuditRecord:
    """One stored row."""

    seq: int
    at: dt.datetime
    os_user: str
    workstation: str
    action: str
    pbx: str
    customer: str
    module_id: str
    module_name: str
    from_version: int | None
    to_version: int | None
    instances: tuple[InstanceChange, ...]
    outcome: str
    error_code: str
    detail: Mapping[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "osUser": self.os_user,
            "workstation": self.workstation,
            "action": self.action,
            "pbx": self.pbx,
            "customer": self.customer,
            "moduleId": self.module_id,
            "moduleName": self.module_name,
            "fromVersion": self.from_version,
            "toVersion": self.to_version,
            "instances": [item.to_json() for item in self.instances],
            "outcome": self.outcome,
            "errorCode": self.error_code,
            "detail": dict(self.detail),
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    problem: str


@dataclass(frozen=True)
class AuditCheck:
    """The result of :meth:`AuditLog.verify`."""

    rows: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class _Database(Protocol):
    """What the audit log needs from the inventory."""

    def write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> builtins.list[tuple[Any, ...]]: ...


def current_actor() -> tuple[str, str]:
    """(OS user, workstation) of this process."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return user, socket.gethostname() or "unknown"


_COLUMNS = (
    "seq, at, os_user, workstation, action, pbx, customer, module_id, module_name, from_version, to_version,"
    " instances, outcome, error_code, detail, prev_hash, hash"
)


def row_hash(row: Sequence[Any]) -> str:
    """SHA-256 over every stored column but ``hash`` (``row`` in :data:`_COLUMNS` order, without hash)."""
    text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append_in(
    conn: sqlite3.Connection,
    event: AuditEvent,
    *,
    now: dt.datetime | None = None,
    actor: tuple[str, str] | None = None,
) -> AuditRecord:
    """Append ``event`` inside the caller's open write transaction (so it commits with the change)."""
    seq_before, prev_hash = conn.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    seq = int(seq_before) + 1
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    user, workstation = actor or current_actor()
    values: list[Any] = [
        seq,
        moment.isoformat(timespec="microseconds"),
        user,
        workstation,
        str(event.action),
        event.pbx,
        event.customer,
        event.module_id,
        event.module_name,
        event.from_version,
        event.to_version,
        json.dumps([item.to_json() for item in event.instances], ensure_ascii=False, sort_keys=True),
        str(event.outcome),
        event.error_code,
        json.dumps(dict(event.detail), ensure_ascii=False, sort_keys=True, default=str),
        str(prev_hash),
    ]
    digest = row_hash(values)
    conn.execute(f"INSERT INTO audit ({_COLUMNS}) VALUES ({', '.join('?' * 17)})", (*values, digest))
    conn.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, digest))
    return _record((*values, digest))


class AuditLog:
    """Append to, search and verify the audit trail of one inventory."""

    def __init__(self, database: _Database, *, clock: Callable[[], dt.datetime] | None = None) -> None:
        self._db = database
        self._clock = clock

    def append(self, event: AuditEvent) -> AuditRecord:
        with self._db.write() as conn:
            return append_in(conn, event, now=self._clock() if self._clock else None)

    def query(
        self,
        *,
        pbx: str | None = None,
        customer: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        module_id: str | None = None,
        actions: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> builtins.list[AuditRecord]:
        """Rows matching every given filter, oldest first (``limit``: the newest ``limit`` of them)."""
        where: list[str] = []
        params: list[Any] = []
        if pbx is not None:
            where.append("pbx = ?")
            params.append(pbx)
        if customer is not None:
            where.append("customer = ? COLLATE NOCASE")
            params.append(customer)
        if since is not None:
            where.append("at >= ?")
            params.append(since.astimezone(dt.UTC).isoformat(timespec="microseconds"))
        if until is not None:
            where.append("at < ?")
            params.append(until.astimezone(dt.UTC).isoformat(timespec="microseconds"))
        if module_id is not None:
            where.append("module_id = ? COLLATE NOCASE")
            params.append(module_id)
        if actions:
            where.append(f"action IN ({', '.join('?' * len(actions))})")
            params.extend(actions)
        sql = f"SELECT {_COLUMNS} FROM audit"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if limit is not None:
            sql = f"SELECT * FROM ({sql} ORDER BY seq DESC LIMIT {int(limit)})"
        sql += " ORDER BY seq"
        return [_record(row) for row in self._db.read(sql, tuple(params))]

    def customers(self) -> builtins.list[str]:
        """Every customer named in the trail (for filters), sorted."""
        rows = self._db.read(
            "SELECT DISTINCT customer FROM audit WHERE customer != '' ORDER BY customer COLLATE NOCASE"
        )
        return [str(row[0]) for row in rows]

    def verify(self) -> AuditCheck:
        """Recompute the hash chain; every break is named by its sequence number."""
        problems: list[AuditProblem] = []
        expected_seq = 1
        prev = GENESIS_HASH
        count = 0
        for row in self._iter_raw():
            count += 1
            seq = int(row[0])
            if seq != expected_seq:
                problems.append(AuditProblem(expected_seq, f"rows {expected_seq} to {seq - 1} are missing"))
            if row[15] != prev:
                problems.append(AuditProblem(seq, "does not follow the previous row (its chain link differs)"))
            if row_hash(row[:16]) != row[16]:
                problems.append(AuditProblem(seq, "was changed after it was written (its hash does not match)"))
            prev = str(row[16])
            expected_seq = seq + 1
        head = self._db.read("SELECT seq, hash FROM audit_head WHERE id = 1")
        if not head:
            problems.append(AuditProblem(0, "the chain's head is missing"))
        else:
            head_seq, head_hash = int(head[0][0]), str(head[0][1])
            if head_seq != expected_seq - 1 or head_hash != prev:
                last = expected_seq - 1
                if head_seq > last:
                    problem = f"rows {last + 1} to {head_seq} at the end are missing"
                else:
                    problem = "the chain's head does not match its last row"
                problems.append(AuditProblem(max(head_seq, last), problem))
        return AuditCheck(rows=count, problems=tuple(problems))

    def _iter_raw(self) -> Iterator[tuple[Any, ...]]:
        last = 0
        while True:
            rows = self._db.read(f"SELECT {_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT 500", (last,))
            if not rows:
                return
            yield from rows
            last = int(rows[-1][0])


def _record(row: Sequence[Any]) -> AuditRecord:
    (
        seq,
        at,
        os_user,
        workstation,
        action,
        pbx,
        customer,
        module_id,
        module_name,
        from_version,
        to_version,
        instances,
        outcome,
        error_code,
        detail,
        prev_hash,
        digest,
    ) = row
    return AuditRecord(
        seq=int(seq),
        at=dt.datetime.fromisoformat(at),
        os_user=os_user,
        workstation=workstation,
        action=action,
        pbx=pbx,
        customer=customer,
        module_id=module_id,
        module_name=module_name,
        from_version=from_version,
        to_version=to_version,
        instances=tuple(InstanceChange.from_json(item) for item in _json_list(instances)),
        outcome=outcome,
        error_code=error_code,
        detail=_json_dict(detail),
        prev_hash=prev_hash,
        hash=digest,
    )


def _json_list(text: str) -> builtins.list[Any]:
    try:
        value = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return []
    return value if isinstance(value, list) else []


def _json_dict(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, json.JSONDecodeError):
        return {}
    return value if isinstance(value, dict) else {}
