"""Protocol 2 as data: the JSON envelope, the XML-RPC envelope, strict bounded parsing, records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.protocol import (
    MAX_JSON_DEPTH,
    MAX_TEXT_CHARS,
    PROTOCOL_VERSION,
    AnswerError,
    Capability,
    Edition,
    Fault,
    FaultCode,
    InstalledModule,
    InstallResult,
    InstanceConfig,
    InstanceState,
    License,
    LicenseKind,
    LockGrant,
    ModuleConfig,
    SystemInfo,
    XmlRpcFault,
    _module_field_by_field,
    _module_quickly,
    decode_answer,
    decode_request,
    encode_fault,
    encode_request,
    encode_result,
    parse_json,
    parse_xmlrpc_response,
    split_method_name,
    xmlrpc_fault,
    xmlrpc_request,
    xmlrpc_response,
)
from modmanager.core.values import FileResource, TimerSettings


def test_fault_codes_are_the_contract_table() -> None:
    assert {code.name: int(code) for code in FaultCode} == {
        "AUTH_FAILED": 1, "UNKNOWN_METHOD": 2, "BAD_REQUEST": 3, "PROTOCOL_UNSUPPORTED": 4, "STARFACE_TOO_OLD": 5,
        "NOT_SUPPORTED": 6, "SECRET_INVALID": 7, "MODULE_NOT_FOUND": 10, "INSTANCE_NOT_FOUND": 11,
        "INSTANCE_EXISTS": 12, "UPLOAD_NOT_FOUND": 20, "CHECKSUM_MISMATCH": 21, "OFFSET_MISMATCH": 22,
        "INVALID_MODULE": 23, "UPLOAD_INCOMPLETE": 24, "UPLOAD_TOO_LARGE": 25, "LOCKED": 30, "LOCK_REQUIRED": 31,
        "INTERNAL": 50,
    }  # fmt: skip
    assert {capability.value for capability in Capability} == {
        "deleteInstance", "moduleFile", "internalData", "licenses", "selfUpdate"
    }  # fmt: skip


def test_request_carries_version_and_secret_and_travels_in_one_string_member() -> None:
    text = encode_request({"moduleId": "m", "note": "a & b < c"}, "s3cret")
    assert json.loads(text) == {"moduleId": "m", "note": "a & b < c", "protocolVersion": 2, "agentSecret": "s3cret"}
    body = xmlrpc_request("mod.manager.systemInfo", text)
    assert b"<name>request</name><value><string>" in body and b"a &amp; b &lt; c" in body
    assert split_method_name("mod.manager.systemInfo") == ("mod.manager", "systemInfo")
    assert decode_request(text)["agentSecret"] == "s3cret"


def test_non_ascii_travels_escaped_so_any_xml_string_carries_it() -> None:
    text = encode_request({"name": "Müller \x07 \u2028"}, "s")
    assert text.isascii()
    assert json.loads(text)["name"] == "Müller \x07 \u2028"


def test_answers_round_trip_through_both_envelopes() -> None:
    result = {"released": True}
    assert decode_answer(parse_xmlrpc_response(xmlrpc_response(encode_result(result)))) == result  # type: ignore[arg-type]
    fault = decode_answer(encode_fault(Fault.of(FaultCode.LOCKED, "locked by anna until 2026-01-01T00:00:00Z")))
    assert fault == Fault(30, "LOCKED", "locked by anna until 2026-01-01T00:00:00Z")
    assert parse_xmlrpc_response(xmlrpc_fault(2, "no such handler")) == XmlRpcFault(2, "no such handler")


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<methodResponse/>",
        b"<methodResponse><params><param><value><string>x</string></value></param></params></methodResponse>",
        b"<methodResponse><params><param><value><struct></struct></value></param></params></methodResponse>",
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY e "x">]><methodResponse/>',
        b"<methodResponse><fault><value><struct><member><name>faultCode</name><value><string>x</string>"
        b"</value></member></struct></value></fault></methodResponse>",
    ],
    ids=["empty", "nothing", "no-struct", "no-response", "dtd", "fault-code-not-int"],
)
def test_foreign_xml_is_an_answer_error(body: bytes) -> None:
    with pytest.raises(AnswerError):
        parse_xmlrpc_response(body)


def test_a_bare_value_is_a_string_and_extra_members_are_ignored() -> None:
    body = (
        b"<methodResponse><params><param><value><struct>"
        b"<member><name>other</name><value><int>1</int></value></member>"
        b"<member><name>response</name><value>{}</value></member>"
        b"</struct></value></param></params></methodResponse>"
    )
    assert parse_xmlrpc_response(body) == "{}"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "nested"),
        ("[" * 50_000 + "]" * 50_000, "nested"),
        ('{"a": 1, "a": 2}', "valid JSON"),
        ('{"a": NaN}', "valid JSON"),
        ('{"a": Infinity}', "valid JSON"),
        ("1" * 5000, "valid JSON"),
        ("[" + ",".join(["0"] * 100_001) + "]", "entries"),
        (b"\xff\xfe", "valid JSON"),
    ],
)
def test_json_outside_the_limits_is_refused(text: str | bytes, problem: str) -> None:
    with pytest.raises(AnswerError, match=problem):
        parse_json(text)


def test_json_larger_than_allowed_is_refused_before_parsing() -> None:
    with pytest.raises(AnswerError, match="larger"):
        decode_request('{"x": "' + "a" * (1024 * 1024) + '"}')


@pytest.mark.parametrize(
    "document",
    [
        {"result": {}},
        {"protocolVersion": 1, "result": {}},
        {"protocolVersion": 2.0, "result": {}},
        {"protocolVersion": True, "result": {}},
        {"protocolVersion": 2},
        {"protocolVersion": 2, "result": {}, "fault": {"code": 1, "name": "A", "message": ""}},
        {"protocolVersion": 2, "result": []},
        {"protocolVersion": 2, "fault": {"code": "1", "name": "A", "message": ""}},
    ],
)
def test_envelopes_that_break_the_contract_are_refused(document: dict[str, Any]) -> None:
    with pytest.raises(AnswerError):
        decode_answer(json.dumps(document))


def _system_info() -> SystemInfo:
    return SystemInfo(
        agent_version="200",
        starface_version="9.0.1.3",
        edition=Edition.UNKNOWN,
        server_license_key=None,
        hardware_id="HW-1",
        licenses=(License(LicenseKind.DEMO, 5, "2027-01-31"),),
        hostname="pbx",
        capabilities=frozenset({"moduleFile", "fromTheFuture"}),
        max_upload_size=1000,
        max_chunk_size=100,
    )


def test_system_info_round_trips_and_keeps_unknown_capabilities() -> None:
    info = _system_info()
    assert SystemInfo.from_struct(json.loads(json.dumps(info.to_struct()))) == info
    assert info.supports(Capability.MODULE_FILE) and not info.supports(Capability.DELETE_INSTANCE)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("capabilities", "moduleFile"),
        ("capabilities", [1]),
        ("maxChunkSize", 0),
        ("maxUploadSize", "1000"),
        ("hostname", "pbx\x1b[31m"),
        ("agentVersion", "x" * 5000),
        ("agentModuleId", None),
    ],
)
def test_system_info_fields_are_checked(key: str, value: Any) -> None:
    struct = {**_system_info().to_struct(), key: value}
    if value is None:
        del struct[key]
    with pytest.raises(AnswerError):
        SystemInfo.from_struct(struct)


def test_instance_values_of_every_shape_round_trip_with_their_types() -> None:
    values = {
        "text": "Zeile 1\nZeile 2",
        "number": 25,
        "ratio": 0.5,
        "flag": True,
        "days": ["Mo", "Di"],
        "routes": {"110": "Zentrale"},
        "greeting": FileResource("ansage.wav", b"\x00\x01RIFF"),
        "schedule": TimerSettings(1_700_000_000_000, "DAY", 2),
    }
    config = ModuleConfig("m", 3, (InstanceConfig("A", True, values),), b"\x00db")
    struct = json.loads(json.dumps(config.to_struct()))
    assert struct["instances"][0]["types"] == {
        "text": "STRING", "number": "NUMBER", "ratio": "NUMBER", "flag": "BOOLEAN", "days": "LIST", "routes": "MAP",
        "greeting": "FILE_RESOURCE", "schedule": "TIMER_SETTINGS",
    }  # fmt: skip
    assert struct["instances"][0]["values"]["greeting"] == {"fileName": "ansage.wav", "data": "AAFSSUZG"}
    assert ModuleConfig.from_struct(struct) == config


def test_the_agent_reported_type_decides_the_shape_of_an_object() -> None:
    raw = {"name": "A", "active": True, "values": {"x": {"fileName": "f", "data": "not base64!"}}, "types": {}}
    with pytest.raises(AnswerError):
        InstanceConfig.from_struct(raw)  # looks like a file without a type: its data must be base64
    as_map = InstanceConfig.from_struct({**raw, "types": {"x": "MAP"}})
    assert as_map.values["x"] == {"fileName": "f", "data": "not base64!"}
    with pytest.raises(AnswerError):
        InstanceConfig.from_struct({**raw, "values": {"x": "text"}, "types": {"x": "LIST"}})


@pytest.mark.parametrize(
    "values",
    [
        {"x": [1, 2]},
        {"x": {"a": 1}},
        {"x": None},
        {"x": {"startTime": "1", "period": "DAY", "multiplier": 1}},
        {"x": "a" * (1024 * 1024 + 1)},
        {"x\n": "key with a line break"},
    ],
)
def test_values_of_no_supported_shape_are_refused(values: dict[str, Any]) -> None:
    with pytest.raises(AnswerError):
        InstanceConfig.from_struct({"name": "A", "active": True, "values": values})


def test_install_result_needs_deferred_and_lock_grants_hide_their_token() -> None:
    result = InstallResult("m", 2, None, ("A",), False, deferred=True)
    assert InstallResult.from_struct(result.to_struct()) == result
    struct = result.to_struct()
    del struct["deferred"]
    with pytest.raises(AnswerError):
        InstallResult.from_struct(struct)
    grant = LockGrant("tok-123", "anna", "2026-01-01T00:00:00Z")
    assert "tok-123" not in repr(grant)


def test_protocol_version_is_two() -> None:
    assert PROTOCOL_VERSION == 2


# --- the quick way through a listed module -----------------------------------------------------

_ODD_TEXTS = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["", "a\x00b", "x\u2028", "\x7f", "ok", "Modul Ä"]),
    st.just("x" * (MAX_TEXT_CHARS + 1)),
)
_ANY_VALUE = st.one_of(st.none(), st.booleans(), st.integers(-(2**64), 2**64), _ODD_TEXTS, st.just([]), st.just({}))
_INSTANCE = st.dictionaries(st.sampled_from(["name", "active", "other"]), st.one_of(_ANY_VALUE, st.booleans()))
_MODULE = st.dictionaries(
    st.sampled_from(["id", "name", "vendor", "version", "moduleType", "instances", "licenseState", "extra"]),
    st.one_of(_ANY_VALUE, st.lists(st.one_of(_INSTANCE, _ANY_VALUE), max_size=3)),
)


def _slowly(struct: Any) -> InstalledModule | str:
    """What the field-by-field checks make of ``struct`` (the error message when they refuse it)."""
    try:
        return _module_field_by_field(struct)
    except AnswerError as error:
        return str(error)


@settings(max_examples=400, deadline=None)
@given(_MODULE)
def test_the_quick_module_check_accepts_exactly_what_the_field_checks_accept(struct: dict[str, Any]) -> None:
    expected = _slowly(struct)
    try:
        got: InstalledModule | str = InstalledModule.from_struct(struct)
    except AnswerError as error:
        got = str(error)
    assert got == expected


def test_a_plain_module_takes_the_quick_way_and_an_odd_one_the_field_checks() -> None:
    plain = {"id": "m-1", "name": "Fax", "vendor": "V", "version": 7, "moduleType": "", "licenseState": "licensed",
             "instances": [{"name": "Zentrale", "active": True}]}
    assert _module_quickly(plain) == InstalledModule("m-1", "Fax", "V", 7, "", (InstanceState("Zentrale", True),),
                                                     "licensed")
    assert _module_quickly({**plain, "name": "Fa\x1bx"}) is None
    with pytest.raises(AnswerError, match="name contains control characters"):
        InstalledModule.from_struct({**plain, "name": "Fa\x1bx"})
    assert _module_quickly({**plain, "version": True}) is None
