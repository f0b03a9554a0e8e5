"""How the client reads what a STARFACE (not only the agent) may answer: HTTP statuses, STARFACE's
own XML-RPC faults, broken, foreign or hostile answers, unknown faults, dropped and trickled
connections; and what exactly it sends."""

from __future__ import annotations

import gzip
import json
import logging
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from modmanager.core.errors import PbxError
from modmanager.core.protocol import (
    AUTH_PARAMETER,
    PROTOCOL_VERSION,
    FaultCode,
    LockGrant,
    auth_token,
    xmlrpc_response,
)
from modmanager.pbx import client as client_module
from modmanager.pbx.client import FAULT_ERRORS, AgentClient
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, TEST_PASSWORD
from tests.pbx.pbx_helpers import (
    RawReply,
    ScriptedServer,
    Trickle,
    answer,
    fault_answer,
    raw_answer,
    system_info_struct,
    xmlrpc_fault_answer,
)

SECRET = "agent-secret-123"


@pytest.fixture
def client(scripted_server: ScriptedServer) -> Iterator[AgentClient]:
    pin = scripted_server.cert.sha256
    with AgentClient(
        scripted_server.url, "0042", "s3cret", agent_secret=SECRET, fingerprint=pin, timeout=2, retries=2
    ) as c:
        yield c


def _error(client: AgentClient) -> PbxError:
    with pytest.raises(PbxError) as caught:
        client.system_info()
    return caught.value


def _code(client: AgentClient) -> str:
    return _error(client).code


def test_request_is_one_struct_with_one_json_string(client: AgentClient, scripted_server: ScriptedServer) -> None:
    scripted_server.respond = lambda path, body: (200, answer(system_info_struct()))
    client.system_info()
    path, body = scripted_server.requests[0]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    assert urllib.parse.urlsplit(path).path == "/xml-rpc"
    assert query[AUTH_PARAMETER] == [auth_token("0042", "s3cret")]
    assert b"<member><name>request</name><value><string>" in body
    assert b"<int>" not in body and b"<base64>" not in body and b"<array>" not in body
    assert scripted_server.decoded_requests() == [
        ("modmanager.systemInfo", {"protocolVersion": PROTOCOL_VERSION, "agentSecret": SECRET})
    ]


def test_binary_travels_as_base64_without_line_breaks(client: AgentClient, scripted_server: ScriptedServer) -> None:
    infos = iter([answer(system_info_struct())])

    def respond(path: str, body: bytes) -> tuple[int, bytes]:
        for info in infos:
            return 200, info
        request = scripted_server.decoded_requests()[-1][1]
        size = request["size"]
        state = {"uploadId": "u1", "offset": size, "size": size, "sha256": request["sha256"], "chunkSize": 4096}
        return 200, answer(state)

    scripted_server.respond = respond
    client.upload(LockGrant("token", "anna", "2026-01-01T00:00:00Z"), bytes(range(256)) * 12, "m.sfm")
    request = scripted_server.decoded_requests()[-1][1]
    assert "\n" not in request["data"] and len(request["data"]) == 4096


@pytest.mark.parametrize(("status", "code"), [(401, "auth_failed"), (403, "auth_failed"), (404, "agent_missing")])
def test_http_statuses_of_starface_itself(
    client: AgentClient, scripted_server: ScriptedServer, status: int, code: str
) -> None:
    scripted_server.respond = lambda path, body: (status, b"<html>no</html>")
    assert _code(client) == code


def test_other_http_status_is_http_error(client: AgentClient, scripted_server: ScriptedServer) -> None:
    scripted_server.respond = lambda path, body: (502, b"bad gateway")
    assert _code(client) == "http_error"


@pytest.mark.parametrize(
    ("fault_code", "text", "code"),
    [
        (1, "login failed", "auth_failed"),
        (2, "anything", "agent_missing"),
        (0, "No such handler: modmanager.systemInfo", "agent_missing"),
        (-32601, "Method modmanager.systemInfo not found", "agent_missing"),
        (500, "java.lang.NullPointerException", "agent_error"),
    ],
)
def test_starface_xmlrpc_faults(
    client: AgentClient, scripted_server: ScriptedServer, fault_code: int, text: str, code: str
) -> None:
    scripted_server.respond = lambda path, body: (200, xmlrpc_fault_answer(fault_code, text))
    assert _code(client) == code


@pytest.mark.parametrize("fault", list(FaultCode), ids=lambda f: f.name)
def test_every_json_fault_maps_to_its_documented_error(
    client: AgentClient, scripted_server: ScriptedServer, fault: FaultCode
) -> None:
    scripted_server.respond = lambda path, body: (200, fault_answer(int(fault), "details\x1b[2J here"))
    error = _error(client)
    assert error.code == FAULT_ERRORS[fault]
    assert error.message and error.hint
    assert "\x1b" not in error.message  # a terminal control sequence is shown as a space


def test_agent_missing_points_to_the_install_steps(client: AgentClient, scripted_server: ScriptedServer) -> None:
    scripted_server.respond = lambda path, body: (404, b"")
    error = _error(client)
    assert "modmanager agent export" in error.hint and "docs/agent-install.en.md" in error.hint


HOSTILE = {
    "not-xml": b"<html>STARFACE login</html>",
    "old-v1-struct": b"<?xml version='1.0'?><methodResponse><params><param><value><struct><member><name>"
    b"protocolVersion</name><value><int>1</int></value></member></struct></value></param></params></methodResponse>",
    "dtd-entities": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><methodResponse><params><param>'
    b"<value><struct><member><name>response</name><value><string>&a;</string></value></member></struct>"
    b"</value></param></params></methodResponse>",
    "no-response-member": xmlrpc_response("{}").replace(b"<name>response</name>", b"<name>other</name>"),
    "not-json": raw_answer("{protocolVersion: 2"),
    "json-array": raw_answer("[2]"),
    "no-version": answer(system_info_struct(), protocol_version=None),
    "version-1": answer(system_info_struct(), protocol_version=1),
    "version-3": answer(system_info_struct(), protocol_version=PROTOCOL_VERSION + 1),
    "version-as-string": raw_answer(json.dumps({"protocolVersion": "2", "result": system_info_struct()})),
    "result-and-fault": raw_answer(
        json.dumps({"protocolVersion": 2, "result": {}, "fault": {"code": 50, "name": "INTERNAL", "message": ""}})
    ),
    "neither": raw_answer(json.dumps({"protocolVersion": 2})),
    "missing-fields": answer({"agentVersion": "200"}),
    "unknown-edition": answer({**system_info_struct(), "edition": "mainframe"}),
    "wrong-types": answer({**system_info_struct(), "maxChunkSize": "262144"}),
    "bool-for-int": answer({**system_info_struct(), "maxChunkSize": True}),
    "float-for-int": answer({**system_info_struct(), "maxChunkSize": 1.5}),
    "huge-int": raw_answer(
        json.dumps({"protocolVersion": 2, "result": {**system_info_struct(), "maxUploadSize": 10**30}})
    ),
    "nan": raw_answer(
        json.dumps({"protocolVersion": 2, "result": system_info_struct()}).replace('"hostname"', '"x": NaN, "hostname"')
    ),
    "duplicate-keys": raw_answer('{"protocolVersion": 2, "protocolVersion": 2, "result": {}}'),
    "deep-json": raw_answer('{"protocolVersion": 2, "result": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    "moderately-deep": raw_answer('{"protocolVersion": 2, "result": {"x": ' + "[" * 40 + "]" * 40 + "}}"),
    "huge-string": answer({**system_info_struct(), "agentVersion": "9" * 5_000_000}),
    "control-chars": answer({**system_info_struct(), "hostname": "pbx\x1b]0;owned\x07"}),
    "long-list": answer({**system_info_struct(), "capabilities": ["x"] * 200_000}),
    "bad-license": answer({**system_info_struct(), "licenses": [{"kind": "server", "count": -1, "expires": ""}]}),
}


@pytest.mark.parametrize("body", list(HOSTILE.values()), ids=list(HOSTILE))
def test_unreadable_or_hostile_answers_are_bad_answer(
    client: AgentClient, scripted_server: ScriptedServer, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    scripted_server.respond = lambda path, _: (200, body)
    error = _error(client)
    assert error.code == "bad_answer"
    assert error.message == "The PBX sent an answer modmanager cannot read."
    assert all(len(record.getMessage()) < 2000 for record in caplog.records)


def test_unknown_answer_fields_are_ignored(client: AgentClient, scripted_server: ScriptedServer) -> None:
    document = {"protocolVersion": 2, "result": {**system_info_struct(), "newField": [1, 2]}, "trace": "x"}
    scripted_server.respond = lambda path, body: (200, raw_answer(json.dumps(document)))
    assert client.system_info().agent_version == "200"


def test_unknown_fault_code_is_agent_error(client: AgentClient, scripted_server: ScriptedServer) -> None:
    scripted_server.respond = lambda path, body: (200, fault_answer(999, "new in agent 7"))
    assert _code(client) == "agent_error"


def test_locked_fault_names_owner_and_expiry(client: AgentClient, scripted_server: ScriptedServer) -> None:
    text = "locked by anna@ws-1 until 2026-11-23T10:00:00Z"
    scripted_server.respond = lambda path, body: (200, fault_answer(int(FaultCode.LOCKED), text))
    with pytest.raises(PbxError) as caught:
        client.acquire_lock("ben@ws-2")
    assert caught.value.code == "locked"
    assert "anna@ws-1" in caught.value.message and "2026-11-23T10:00:00Z" in caught.value.message


def test_an_answer_over_64_mib_is_refused(client: AgentClient, scripted_server: ScriptedServer) -> None:
    big = b"x" * (64 * 1024 * 1024 + 1)
    scripted_server.respond = lambda path, body: Trickle(big, piece=len(big))
    assert _code(client) == "bad_answer"
    scripted_server.respond = lambda path, body: Trickle(b"", declared=64 * 1024 * 1024 + 1)
    assert _code(client) == "bad_answer"


def test_dropped_connection_is_retried_for_reads_only(client: AgentClient, scripted_server: ScriptedServer) -> None:
    scripted_server.respond = lambda path, body: None
    assert _code(client) == "unreachable"
    assert len(scripted_server.requests) == 3  # first try and two retries

    scripted_server.requests.clear()
    grant = LockGrant("token", "anna@ws-1", "2026-11-23T10:00:00Z")
    with pytest.raises(PbxError) as caught:
        client.create_instance(grant, "module", "Filiale")
    assert caught.value.code == "unreachable"
    assert "may or may not have taken effect" in caught.value.message
    assert len(scripted_server.requests) == 1


def test_an_answer_dropped_half_way_is_a_clean_unreachable(
    client: AgentClient, scripted_server: ScriptedServer
) -> None:
    body = answer(system_info_struct())
    scripted_server.respond = lambda path, _: Trickle(body, piece=64, stop_after=len(body) // 2)
    error = _error(client)
    assert error.code == "unreachable"
    assert error.__cause__ is None and error.__suppress_context__


def test_a_trickling_pbx_hits_the_deadline(scripted_server: ScriptedServer) -> None:
    body = answer(system_info_struct())
    # One byte every 0.3 s: every read gets a byte well within the 1 s read timeout.
    scripted_server.respond = lambda path, _: Trickle(body, piece=1, pause=0.3)
    with AgentClient(
        scripted_server.url, "0042", "s3cret", agent_secret=SECRET, fingerprint=scripted_server.cert.sha256,
        timeout=1.0, deadline=2.0, retries=0,
    ) as client:
        started = time.monotonic()
        error = _error(client)
        elapsed = time.monotonic() - started
    assert error.code == "unreachable"
    assert error.params["reason"] == "timeout"
    assert elapsed < len(body) * 0.3 / 4  # bounded by the deadline, not by the time the whole answer takes


def test_the_secret_stays_out_of_errors_and_logs(
    client: AgentClient, scripted_server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts = []
    for reply in (
        (200, fault_answer(7, "the agent secret is wrong")),
        (200, raw_answer("not json")),
        (500, b""),
        None,
    ):
        scripted_server.respond = lambda path, body, reply=reply: reply  # type: ignore[misc]
        texts.append(str(_error(client)))
    everything = "\n".join(texts) + "\n".join(record.getMessage() for record in caplog.records) + repr(client)
    assert SECRET not in everything


# --- the transport: framing, encodings and kept connections ----------------------------------------


def _http(body: bytes, *headers: str, status: str = "200 OK") -> bytes:
    head = "".join(f"{header}\r\n" for header in headers)
    return f"HTTP/1.1 {status}\r\n{head}\r\n".encode() + body


def _chunked(body: bytes, size: int = 100) -> bytes:
    pieces = [body[start : start + size] for start in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def test_a_chunked_answer_is_read_and_the_connection_kept(client: AgentClient, scripted_server: ScriptedServer) -> None:
    body = answer(system_info_struct())
    reply = RawReply(_http(_chunked(body), "Transfer-Encoding: chunked"), close=False)
    scripted_server.respond = lambda path, _: reply
    assert client.system_info().agent_version == "200"
    assert client.system_info().agent_version == "200"
    assert scripted_server.connections == 1


@pytest.mark.parametrize(
    "framing",
    [
        b"zz\r\n" + b"x" * 10,  # a chunk size that is not hex
        b"ffffffff\r\n" + b"<?xml",  # a chunk announced far larger than what comes
        b"10\r\n" + b"<?xml version=",  # the connection ends inside a chunk
        b"5\r\n<?xml\r\n",  # no last chunk
    ],
    ids=["not-hex", "huge-size", "short-chunk", "no-end"],
)
def test_a_broken_chunked_encoding_is_unreachable(
    client: AgentClient, scripted_server: ScriptedServer, framing: bytes
) -> None:
    scripted_server.respond = lambda path, _: RawReply(_http(framing, "Transfer-Encoding: chunked"))
    error = _error(client)
    assert error.code == "unreachable"
    assert error.__cause__ is None and error.__suppress_context__


def test_a_chunked_answer_beyond_the_limit_is_refused(
    client: AgentClient, scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "MAX_ANSWER_BYTES", 1000)
    body = answer({**system_info_struct(), "hostname": "x" * 2000})
    scripted_server.respond = lambda path, _: RawReply(_http(_chunked(body), "Transfer-Encoding: chunked"))
    assert _code(client) == "bad_answer"


def test_an_answer_shorter_than_announced_is_unreachable(client: AgentClient, scripted_server: ScriptedServer) -> None:
    body = answer(system_info_struct())
    scripted_server.respond = lambda path, _: RawReply(_http(body[:50], f"Content-Length: {len(body)}"))
    assert _code(client) == "unreachable"


def test_a_compressed_answer_is_read_within_the_limit(
    client: AgentClient, scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = gzip.compress(answer(system_info_struct()))
    scripted_server.respond = lambda path, _: RawReply(
        _http(body, "Content-Encoding: gzip", f"Content-Length: {len(body)}")
    )
    assert client.system_info().agent_version == "200"

    monkeypatch.setattr(client_module, "MAX_ANSWER_BYTES", 100_000)
    bomb = gzip.compress(b"<" * 10_000_000)  # 10 KB that would unpack to 10 MB
    scripted_server.respond = lambda path, _: RawReply(
        _http(bomb, "Content-Encoding: gzip", f"Content-Length: {len(bomb)}")
    )
    assert _code(client) == "bad_answer"

    scripted_server.respond = lambda path, _: RawReply(_http(b"x", "Content-Encoding: br", "Content-Length: 1"))
    assert _code(client) == "bad_answer"


def test_garbage_after_an_answer_is_never_read_as_the_next_one(
    client: AgentClient, scripted_server: ScriptedServer
) -> None:
    body = answer(system_info_struct())
    forged = _http(xmlrpc_fault_answer(1, "forged"), "Content-Length: 999")
    scripted_server.respond = lambda path, _: RawReply(
        _http(body, f"Content-Length: {len(body)}"), close=False, later=forged
    )
    assert client.system_info().agent_version == "200"
    time.sleep(0.3)  # the extra bytes have arrived
    assert client.system_info().agent_version == "200"  # on a new connection, not the forged answer
    assert scripted_server.connections == 2


def test_a_kept_connection_the_pbx_closed_is_replaced_unseen(sim: SimulatedPbx) -> None:
    with AgentClient(
        sim.url, TEST_LOGIN, TEST_PASSWORD, agent_secret=TEST_AGENT_SECRET, fingerprint=sim.fingerprint, retries=0
    ) as client:
        client.system_info()
        sim.restart()  # closes every connection
        assert client.list_modules()  # retries=0: no second attempt hid a failure


@pytest.mark.parametrize("host", ["bücher.invalid", "a" * 70 + ".invalid"], ids=["idna", "label-too-long"])
def test_a_host_name_that_cannot_be_reached_is_unreachable(host: str) -> None:
    with AgentClient(f"https://{host}", "0042", "s3cret", agent_secret=SECRET, timeout=2, retries=0) as client:
        error = _error(client)
    assert error.code == "unreachable"
