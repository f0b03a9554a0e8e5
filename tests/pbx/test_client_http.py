"""How the client reads what a STARFACE (not only the agent) may answer: HTTP statuses, broken or
foreign answers, unknown faults, dropped connections; and what exactly it sends."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest

from modmanager.core.errors import PbxError
from modmanager.core.protocol import AUTH_PARAMETER, PROTOCOL_VERSION, FaultCode, LockGrant, auth_token
from modmanager.pbx.client import AgentClient
from tests.pbx.pbx_helpers import ScriptedServer, answer, fault_answer, system_info_struct


@pytest.fixture
def client(scripted_server: ScriptedServer) -> Iterator[AgentClient]:
    pin = scripted_server.cert.sha256
    with AgentClient(scripted_server.url, "0042", "s3cret", fingerprint=pin, timeout=2, retries=2) as c:
        yield c


def _code(client: AgentClient) -> str:
    with pytest.raises(PbxError) as caught:
        client.system_info()
    return caught.value.code


def test_request_is_one_struct_with_version_auth_and_method_name(
    client: AgentClient, scripted_server: ScriptedServer
) -> None:
    scripted_server.respond = lambda path, body: (200, answer(system_info_struct()))
    client.system_info()
    path, _ = scripted_server.requests[0]
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    assert urllib.parse.urlsplit(path).path == "/xml-rpc"
    assert query[AUTH_PARAMETER] == [auth_token("0042", "s3cret")]
    assert scripted_server.decoded_requests() == [("modmanager.systemInfo", {"protocolVersion": PROTOCOL_VERSION})]


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
    "body",
    [
        b"<html>STARFACE login</html>",
        answer(system_info_struct(), protocol_version=None),
        answer(system_info_struct(), protocol_version=PROTOCOL_VERSION + 1),
        answer({"agentVersion": "1.0"}),
        answer({**system_info_struct(), "edition": "mainframe"}),
    ],
    ids=["not-xml", "no-version", "other-version", "missing-fields", "unknown-edition"],
)
def test_unreadable_answers_are_bad_answer(client: AgentClient, scripted_server: ScriptedServer, body: bytes) -> None:
    scripted_server.respond = lambda path, _: (200, body)
    assert _code(client) == "bad_answer"


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
