"""The audit trail: append-only rows in a hash chain; any edit of the database file is found."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import StoreError
from modmanager.store.audit import (
    AuditAction,
    AuditEvent,
    AuditLog,
    AuditOutcome,
    InstanceChange,
    current_actor,
)
from modmanager.store.inventory import Inventory, PbxRecord


@pytest.fixture
def inventory(tmp_path: Path) -> Iterator[Inventory]:
    with Inventory(tmp_path / "inventory.sqlite3") as opened:
        yield opened


def _update(pbx: str = "mueller-hq", outcome: str = AuditOutcome.OK, code: str = "") -> AuditEvent:
    return AuditEvent(
        AuditAction.UPDATE,
        pbx=pbx,
        customer="Müller GmbH",
        module_id="6f1c2d3e-0000-4000-8000-00000000aaaa",
        module_name="Anrufweiterleitung",
        from_version=126,
        to_version=130,
        instances=(InstanceChange("Zentrale", ("targetNumber",), ("ringSeconds",), (("voicemailBox", "false"),)),),
        outcome=outcome,
        error_code=code,
        detail={"backup": "b1"},
    )


def _raw(inventory: Inventory) -> sqlite3.Connection:
    return sqlite3.connect(inventory.path, isolation_level=None)


def test_rows_carry_who_when_and_what(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    record = log.append(_update())
    assert record.seq == 1
    assert (record.os_user, record.workstation) == current_actor()
    assert record.at.tzinfo is not None
    assert record.instances[0].dropped == ("ringSeconds",)
    assert record.instances[0].new == (("voicemailBox", "false"),)
    assert log.query() == [record]
    assert log.verify().ok


def test_pbx_added_renamed_removed_are_recorded_with_the_change(inventory: Inventory) -> None:
    inventory.add(PbxRecord("a", "https://a.example", "0001", customer="Kunde A"))
    inventory.rename("a", "b")
    inventory.remove("b")
    rows = AuditLog(inventory).query()
    assert [(row.action, row.pbx, row.customer) for row in rows] == [
        ("pbx-added", "a", "Kunde A"),
        ("pbx-renamed", "b", "Kunde A"),
        ("pbx-removed", "b", "Kunde A"),
    ]
    assert rows[1].detail == {"from": "a"}


def test_filters(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    log.append(_update("x"))
    log.append(AuditEvent(AuditAction.HOLD, pbx="y", customer="Other"))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    assert [row.pbx for row in log.query(pbx="x")] == ["x"]
    assert [row.pbx for row in log.query(customer="müller gmbh")] == ["x"]
    assert [row.pbx for row in log.query(customer="Müller GmbH")] == ["x"]
    assert log.query(since=later) == []
    assert [row.action for row in log.query(actions=["hold"])] == ["hold"]
    assert [row.seq for row in log.query(limit=1)] == [2]
    assert log.customers() == ["Müller GmbH", "Other"]


def test_the_database_refuses_update_and_delete(inventory: Inventory) -> None:
    AuditLog(inventory).append(_update())
    with _raw(inventory) as raw:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("UPDATE audit SET outcome = 'ok'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute("DELETE FROM audit")


def _tamper(inventory: Inventory, *statements: str) -> None:
    raw = _raw(inventory)
    try:
        raw.execute("DROP TRIGGER audit_no_update")
        raw.execute("DROP TRIGGER audit_no_delete")
        for statement in statements:
            raw.execute(statement)
    finally:
        raw.close()


def test_an_edited_row_is_found(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    for _ in range(3):
        log.append(_update())
    _tamper(inventory, "UPDATE audit SET outcome = 'rolled-back' WHERE seq = 2")
    check = log.verify()
    assert not check.ok
    assert [(problem.seq, problem.problem) for problem in check.problems] == [
        (2, "was changed after it was written (its hash does not match)")
    ]


def test_a_deleted_row_is_found(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    for _ in range(3):
        log.append(_update())
    _tamper(inventory, "DELETE FROM audit WHERE seq = 2")
    problems = log.verify().problems
    assert problems[0].seq == 2 and "missing" in problems[0].problem
    assert any(problem.seq == 3 and "does not follow" in problem.problem for problem in problems)


def test_a_removed_tail_is_found(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    for _ in range(3):
        log.append(_update())
    _tamper(inventory, "DELETE FROM audit WHERE seq = 3")
    problems = log.verify().problems
    assert [problem.problem for problem in problems] == ["rows 3 to 3 at the end are missing"]


def test_a_rewritten_row_with_a_fresh_hash_breaks_the_next_link(inventory: Inventory) -> None:
    log = AuditLog(inventory)
    for _ in range(2):
        log.append(_update())
    first = log.query()[0]
    from modmanager.store.audit import row_hash

    forged = [
        1, first.at.isoformat(timespec="microseconds"), "someone", first.workstation, "update", "mueller-hq",
        "Müller GmbH", first.module_id, first.module_name, 126, 130, "[]", "ok", "", "{}", first.prev_hash,
    ]  # fmt: skip
    digest = row_hash(forged)
    _tamper(
        inventory,
        f"UPDATE audit SET os_user = 'someone', instances = '[]', detail = '{{}}', hash = '{digest}' WHERE seq = 1",
    )
    problems = log.verify().problems
    assert [problem.seq for problem in problems] == [2]


def test_rows_survive_reopening_and_chain_on(tmp_path: Path) -> None:
    path = tmp_path / "inv.sqlite3"
    with Inventory(path) as first:
        AuditLog(first).append(_update())
    with Inventory(path) as second:
        log = AuditLog(second)
        log.append(_update())
        assert [row.seq for row in log.query()] == [1, 2]
        assert log.verify().ok


def test_store_errors_are_store_errors(tmp_path: Path) -> None:
    with Inventory(tmp_path / "inv.sqlite3") as inventory:
        inventory.close()
        with pytest.raises((StoreError, sqlite3.ProgrammingError)):
            AuditLog(inventory).append(_update())
