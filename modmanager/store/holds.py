"""Holds and skips in the inventory (see :mod:`modmanager.core.holds` for what they mean).

A PBX hold refers to the PBX's row, so it follows a rename and goes with the PBX; customer
holds are matched by customer name (case-insensitive), fleet holds apply to every PBX. Every
change is written to the audit trail in the same transaction.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3

from modmanager.core.errors import StoreError
from modmanager.core.holds import Hold, HoldKind, HoldScope
from modmanager.store.audit import AuditAction, AuditEvent, append_in, current_actor
from modmanager.store.inventory import Inventory

_SELECT = (
    "SELECT h.kind, h.scope, IFNULL(p.name, ''), h.customer, h.module_id, h.version, h.reason, h.module_name,"
    " h.created_at, h.created_by FROM module_hold AS h LEFT JOIN pbx AS p ON p.id = h.pbx_id"
)
MAX_REASON_LENGTH = 500


class HoldStore:
    """Set, remove and list holds and skips."""

    def __init__(self, inventory: Inventory) -> None:
        self._inventory = inventory

    def set(self, hold: Hold) -> Hold:
        """Store ``hold`` (replacing the same hold or skip with another reason); returns it as stored."""
        _check(hold)
        user, workstation = current_actor()
        created = dt.datetime.now(dt.UTC)
        with self._inventory.write() as conn:
            pbx_id, customer = self._scope_key(conn, hold)
            conn.execute(
                "DELETE FROM module_hold WHERE kind = ? AND scope = ? AND IFNULL(pbx_id, 0) = ?"
                " AND customer = ? COLLATE NOCASE AND module_id = ? AND (kind = 'hold' OR version = ?)",
                (hold.kind.value, hold.scope.value, pbx_id or 0, customer, hold.module_id.lower(), hold.version),
            )
            conn.execute(
                "INSERT INTO module_hold (kind, scope, pbx_id, customer, module_id, module_name, version, reason,"
                " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    hold.kind.value,
                    hold.scope.value,
                    pbx_id,
                    customer,
                    hold.module_id.lower(),
                    hold.module_name,
                    hold.version,
                    hold.reason.strip(),
                    created.isoformat(),
                    f"{user}@{workstation}",
                ),
            )
            action = AuditAction.HOLD if hold.kind is HoldKind.HOLD else AuditAction.SKIP
            append_in(conn, _event(action, hold, conn, pbx_id))
        return Hold(
            hold.kind,
            hold.scope,
            hold.target,
            hold.module_id.lower(),
            hold.version,
            hold.reason.strip(),
            hold.module_name,
            created,
            f"{user}@{workstation}",
        )

    def remove(self, kind: HoldKind, scope: HoldScope, target: str, module_id: str, version: int | None = None) -> Hold:
        """Remove one hold (or the skip of ``version``); StoreError when there is none."""
        probe = Hold(kind, scope, target, module_id, version)
        with self._inventory.write() as conn:
            pbx_id, customer = self._scope_key(conn, probe)
            params: tuple[object, ...] = (kind.value, scope.value, pbx_id or 0, customer, module_id.lower())
            where = "kind = ? AND scope = ? AND IFNULL(pbx_id, 0) = ? AND customer = ? COLLATE NOCASE AND module_id = ?"
            if kind is HoldKind.SKIP:
                where += " AND version = ?"
                params = (*params, version)
            row = conn.execute(f"SELECT module_name, version, reason FROM module_hold WHERE {where}", params).fetchone()
            if row is None:
                raise StoreError(
                    code="hold_not_found",
                    params={
                        "module": module_id,
                        "kind": kind.value,
                        "version": "" if version is None else str(version),
                        "scope": scope.value,
                        "target": target,
                    },
                )
            conn.execute(f"DELETE FROM module_hold WHERE {where}", params)
            removed = Hold(kind, scope, target, module_id.lower(), row[1], row[2], row[0])
            action = AuditAction.UNHOLD if kind is HoldKind.HOLD else AuditAction.UNSKIP
            append_in(conn, _event(action, removed, conn, pbx_id))
        return removed

    def all(self) -> builtins.list[Hold]:
        """Every hold and skip, fleet first, then customers, then PBXs."""
        rows = self._inventory.read(_SELECT + " ORDER BY h.scope DESC, h.customer, p.name, h.module_id, h.version")
        return [_hold(row) for row in rows]

    def for_pbx(self, pbx_name: str, customer: str) -> builtins.list[Hold]:
        """The holds and skips that can apply to one PBX (its own, its customer's, the fleet's)."""
        return [hold for hold in self.all() if hold.applies_to(pbx_name, customer)]

    def _scope_key(self, conn: sqlite3.Connection, hold: Hold) -> tuple[int | None, str]:
        if hold.scope is HoldScope.PBX:
            return self._inventory.pbx_id(conn, hold.target), ""
        if hold.scope is HoldScope.CUSTOMER:
            return None, hold.target.strip()
        return None, ""


def _check(hold: Hold) -> None:
    if not hold.module_id.strip():
        raise StoreError(code="hold_needs_module")
    if hold.scope is HoldScope.CUSTOMER and not hold.target.strip():
        raise StoreError(code="hold_needs_customer")
    if hold.kind is HoldKind.SKIP and hold.version is None:
        raise StoreError(code="hold_needs_version")
    if len(hold.reason) > MAX_REASON_LENGTH:
        raise StoreError(code="hold_reason_too_long", params={"limit": str(MAX_REASON_LENGTH)})


def _event(action: AuditAction, hold: Hold, conn: sqlite3.Connection, pbx_id: int | None) -> AuditEvent:
    customer = hold.target if hold.scope is HoldScope.CUSTOMER else ""
    pbx = hold.target if hold.scope is HoldScope.PBX else ""
    if pbx_id is not None:
        row = conn.execute("SELECT customer FROM pbx WHERE id = ?", (pbx_id,)).fetchone()
        customer = row[0] if row else ""
    return AuditEvent(
        action,
        pbx=pbx,
        customer=customer,
        module_id=hold.module_id.lower(),
        module_name=hold.module_name,
        from_version=hold.version if hold.kind is HoldKind.HOLD else None,
        to_version=hold.version if hold.kind is HoldKind.SKIP else None,
        detail={"scope": hold.scope.value, "target": hold.target, "reason": hold.reason},
    )


def _hold(row: tuple[object, ...]) -> Hold:
    kind, scope, pbx_name, customer, module_id, version, reason, module_name, created_at, created_by = row
    scope_value = HoldScope(str(scope))
    target = str(pbx_name) if scope_value is HoldScope.PBX else str(customer)
    return Hold(
        kind=HoldKind(str(kind)),
        scope=scope_value,
        target=target,
        module_id=str(module_id),
        version=None if version is None else int(str(version)),
        reason=str(reason),
        module_name=str(module_name),
        created_at=dt.datetime.fromisoformat(str(created_at)),
        created_by=str(created_by),
    )
