"""Errors keep their code, params and causes through JSON (stored PBX statuses are JSON)."""

from __future__ import annotations

from modmanager.core.errors import (
    ModManagerError,
    OperationError,
    Outcome,
    PbxError,
    StoreError,
    error_from_json,
    error_to_json,
)


def test_an_error_survives_json_with_its_cause_and_parts() -> None:
    cause = PbxError("The PBX is locked by a.", "Wait.", "locked", params={"owner": "a", "until": ""})
    part = ModManagerError("instance 'x' is missing", code="verify_instance_missing", params={"instance": "x"})
    error = OperationError("m", "h", code="update_not_started", params={"module": "X"}, cause=cause, parts=(part,))
    again = error_from_json(error_to_json(error))
    assert isinstance(again, OperationError)
    assert (again.message, again.hint, again.code, dict(again.params)) == (
        "m",
        "h",
        "update_not_started",
        {"module": "X"},
    )
    assert isinstance(again.cause, PbxError) and again.cause.code == "locked" and again.cause.params == cause.params
    assert [p.code for p in again.parts] == ["verify_instance_missing"] and again.parts[0].params == {"instance": "x"}


def test_old_signatures_still_work_and_default_to_no_code() -> None:
    plain = StoreError("message", "hint")
    assert (plain.code, dict(plain.params), plain.cause, plain.parts) == ("", {}, None, ())
    assert str(plain) == "message hint"
    assert PbxError("m", "h", "unreachable").code == "unreachable"
    assert PbxError("m").code == "error"


def test_anything_but_this_version_of_the_format_is_refused() -> None:
    data = error_to_json(ModManagerError("m", code="c"))
    assert error_from_json({**data, "v": 2}) is None
    assert error_from_json({**data, "params": {"a": 1}}) is None
    assert error_from_json("text") is None
    assert error_from_json({**data, "kind": "SomethingElse"}).__class__ is ModManagerError


def test_an_outcome_reads_as_its_english_sentence() -> None:
    outcome = Outcome("Fax on kunde-a now runs v4.", "recovered_resume", {"module": "Fax"})
    assert str(outcome) == "Fax on kunde-a now runs v4."
