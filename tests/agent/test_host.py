"""The STARFACE test host (agent/host) over real TLS sockets, with raw XML-RPC.

Most tests run a tiny module compiled here (tests/agent/host_module.py), so they do not depend
on the real agent; the last one runs the real agent's .sfm through its own descriptor.
"""

from __future__ import annotations

import base64
import http.client
import json
import ssl
import xmlrpc.client
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.protocol import AUTH_PARAMETER, XMLRPC_PATH, auth_token
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
    database_module,
    default_instances,
    sample_module,
)
from tests.agent.host_module import MODULE_ID, Variant, build_module, compile_classes
from tests.pbx.java_agent import AGENT_BUILD, JavaAgentEndpoint, build_agent, build_host, running_java_agent

SECRET = "host-test-secret"
AGENT_MODULE_ID = "4f1c9e2a-7b3d-4a5e-8c6f-0d2b9a1e3c57"


class HostClient:
    """XML-RPC calls pinned to the host's certificate; raw requests for what xmlrpc.client cannot send."""

    def __init__(self, endpoint: JavaAgentEndpoint) -> None:
        self.endpoint = endpoint
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.context.load_verify_locations(cadata=endpoint.cert_pem)
        self.context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN

    def query(self, password: str | None = None) -> str:
        token = auth_token(self.endpoint.login_id, self.endpoint.password if password is None else password)
        return f"{AUTH_PARAMETER}={token}"

    def call(
        self,
        entry_point: str,
        struct: dict[str, Any] | None = None,
        *,
        password: str | None = None,
        instance: str | None = None,
    ) -> dict[str, Any]:
        url = f"{self.endpoint.url}{XMLRPC_PATH}?{self.query(password)}"
        transport = xmlrpc.client.SafeTransport(context=self.context)
        with xmlrpc.client.ServerProxy(url, transport=transport) as proxy:
            answer = getattr(proxy, f"{instance or self.endpoint.agent_instance}.{entry_point}")(struct or {})
        assert isinstance(answer, dict)
        return answer

    def echo(self, request: str) -> str:
        response = self.call("echo", {"request": request})["response"]
        assert isinstance(response, str)
        return response

    def post(
        self, body: bytes, *, query: str | None = None, method: str = "POST", path: str = XMLRPC_PATH
    ) -> tuple[int, bytes]:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", int(self.endpoint.url.rsplit(":", 1)[1]), context=self.context, timeout=10
        )
        try:
            connection.request(
                method,
                f"{path}?{self.query() if query is None else query}",
                body=body,
                headers={"Content-Type": "text/xml"},
            )
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()


def fault_of(call: Any) -> xmlrpc.client.Fault:
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    return caught.value


@pytest.fixture(scope="session")
def module_classes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return compile_classes(build_host(), tmp_path_factory.mktemp("host-module"))


@pytest.fixture(scope="module")
def shared_host(tmp_path_factory: pytest.TempPathFactory, module_classes: dict[str, bytes]) -> Iterator[HostClient]:
    """One host for the tests that change nothing: the test module as the 'agent'."""
    folder = tmp_path_factory.mktemp("shared-host")
    with running_java_agent(folder, agent_sfm=build_module(module_classes), secret=SECRET) as endpoint:
        yield HostClient(endpoint)


# --- the XML-RPC surface -------------------------------------------------------------------------


def test_wrapped_entry_points_carry_parameters_and_typed_answers(shared_host: HostClient) -> None:
    assert shared_host.echo('Grüße & <Tags> "quoted"') == 'Grüße & <Tags> "quoted"'
    assert shared_host.call("add", {"a": "2", "b": 3.5}) == {"sum": 5.5, "positive": True}  # string -> NUMBER
    body = xmlrpc.client.dumps(({"a": 1, "b": -4},), methodname=f"{shared_host.endpoint.agent_instance}.add")
    status, answer = shared_host.post(body.encode())
    assert status == 200
    assert b"<double>-3.0</double>" in answer and b"<boolean>0</boolean>" in answer


def test_a_missing_member_leaves_the_input_null_and_unknown_members_are_ignored(shared_host: HostClient) -> None:
    assert shared_host.call("echo", {"other": "x"}) == {"response": "<null>"}


def test_the_function_sees_its_own_instance_and_only_the_starface_api(shared_host: HostClient) -> None:
    assert shared_host.echo("!secret") == SECRET
    assert shared_host.echo("!hostclass") == "hidden"
    assert shared_host.echo("!version") == "9.0.1.3|9.0.1.3"
    # Reflective look-ups on the objects' own classes work, as on STARFACE (public classes).
    assert shared_host.echo("!reflect") == "de.vertico.starface.module.core.ModuleRegistry"


def test_wrong_or_missing_login_is_fault_1(shared_host: HostClient) -> None:
    assert fault_of(lambda: shared_host.call("echo", {"request": "x"}, password="wrong")).faultCode == 1
    body = xmlrpc.client.dumps(({"request": "x"},), methodname=f"{shared_host.endpoint.agent_instance}.echo").encode()
    status, answer = shared_host.post(body, query="")
    assert status == 200 and b"<int>1</int>" in answer
    assert shared_host.echo("still serving") == "still serving"


def test_unknown_instance_or_entry_point_is_fault_2(shared_host: HostClient) -> None:
    assert fault_of(lambda: shared_host.call("noSuchEntryPoint")).faultCode == 2
    assert fault_of(lambda: shared_host.call("echo", {"request": "x"}, instance="not-the-agent")).faultCode == 2
    status, answer = shared_host.post(xmlrpc.client.dumps(({},), methodname="nodot").encode())
    assert status == 200 and b"<int>2</int>" in answer


def test_an_exception_in_execute_is_a_fault_and_the_host_keeps_serving(shared_host: HostClient) -> None:
    fault = fault_of(lambda: shared_host.echo("!boom"))
    assert fault.faultCode == 0 and "boom requested" in fault.faultString
    assert shared_host.echo("after the boom") == "after the boom"


def test_anything_but_one_struct_fills_no_input(shared_host: HostClient) -> None:
    method = f"{shared_host.endpoint.agent_instance}.echo"
    for params in [(), ({"request": "a"}, {"request": "b"}), ("just a string",)]:
        status, answer = shared_host.post(xmlrpc.client.dumps(params, methodname=method).encode())
        assert status == 200
        assert xmlrpc.client.loads(answer)[0] == ({"response": "<null>"},)


def test_hostile_or_odd_requests_are_refused(shared_host: HostClient) -> None:
    method = f"{shared_host.endpoint.agent_instance}.echo"
    with_dtd = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<methodCall><methodName>{method}</methodName><params><param><value><struct><member><name>request</name>"
        "<value><string>&x;</string></value></member></struct></value></param></params></methodCall>"
    )
    status, answer = shared_host.post(with_dtd.encode())
    assert status == 200 and b"faultCode" in answer and b"root:" not in answer
    status, _ = shared_host.post(b"<methodCall>" + b" " * (2 * 1024 * 1024) + b"</methodCall>")
    assert status == 413
    assert shared_host.post(b"", method="GET")[0] == 405
    assert shared_host.post(b"<x/>", path="/other")[0] == 404
    status, answer = shared_host.post(b"<methodCall><methodName>broken")
    assert status == 200 and b"faultCode" in answer


def test_http_401_when_configured(tmp_path: Path, module_classes: dict[str, bytes]) -> None:
    with running_java_agent(tmp_path, agent_sfm=build_module(module_classes), auth_failure="http401") as endpoint:
        client = HostClient(endpoint)
        with pytest.raises(xmlrpc.client.ProtocolError) as caught:
            client.call("echo", {"request": "x"}, password="wrong")
        assert caught.value.errcode == 401
        assert client.echo("ok") == "ok"


def test_instance_names_may_contain_dots(tmp_path: Path, module_classes: dict[str, bytes]) -> None:
    with running_java_agent(
        tmp_path, agent_sfm=build_module(module_classes), agent_instance="kunde.a.modmanager"
    ) as endpoint:
        assert HostClient(endpoint).call("echo", {"request": "dots"}, instance="kunde.a.modmanager") == {
            "response": "dots"
        }


@pytest.mark.parametrize(("api_style", "expected"), [("9", "9.0.1.3|-"), ("10", "-|10.0.2.5")])
def test_api_style_hides_the_other_releases_members(
    tmp_path: Path, module_classes: dict[str, bytes], api_style: str, expected: str
) -> None:
    version = "9.0.1.3" if api_style == "9" else "10.0.2.5"
    sfm = build_module(module_classes)
    with running_java_agent(tmp_path, agent_sfm=sfm, starface_version=version, api_style=api_style) as endpoint:
        client = HostClient(endpoint)
        assert client.echo("!version") == expected
        assert "module " + MODULE_ID in client.echo("!state")  # the registry is found either way


# --- what a wrong descriptor or build does ----------------------------------------------------------


def test_entry_point_aimed_straight_at_the_java_function_gets_no_parameters(
    tmp_path: Path, module_classes: dict[str, bytes]
) -> None:
    broken = build_module(module_classes, Variant(direct_entry_point=True))
    with running_java_agent(tmp_path, agent_sfm=broken) as endpoint:
        client = HostClient(endpoint)
        assert client.call("echo", {"request": "hello"}) == {"response": "<unset>"}  # the field kept its initializer
        assert client.call("add", {"a": 1, "b": 2}) == {"sum": 3.0, "positive": True}  # the wrapped one still works


def test_a_wrong_license_hash_refuses_to_run(tmp_path: Path, module_classes: dict[str, bytes]) -> None:
    with running_java_agent(
        tmp_path, agent_sfm=build_module(module_classes, Variant(license_hash="wrong"))
    ) as endpoint:
        fault = fault_of(lambda: HostClient(endpoint).echo("x"))
        assert fault.faultCode == 0 and "Unzureichende Modullizenz" in fault.faultString


def test_class_files_newer_than_java_8_fail_to_load(tmp_path: Path) -> None:
    newer = compile_classes(build_host(), tmp_path / "java11", release=11)
    with running_java_agent(tmp_path, agent_sfm=build_module(newer)) as endpoint:
        fault = fault_of(lambda: HostClient(endpoint).echo("x"))
        assert fault.faultCode == 0 and "class file version 55" in fault.faultString


# --- the registry and uploads ------------------------------------------------------------------------


def state_lines(client: HostClient) -> list[str]:
    return client.echo("!state").splitlines()


def test_preinstalled_values_become_typed_variables_and_resources(
    tmp_path: Path, module_classes: dict[str, bytes]
) -> None:
    values = {
        "targetNumber": "+49 40 112233",
        "ringSeconds": 30,
        "logCalls": False,
        "schedule": {"startTime": 1767225600000, "period": "DAY", "multiplier": 2},
        "greetingFile": {"fileName": "ansage.wav", "data": base64.b64encode(b"RIFF").decode()},
        "blocked": ["0900", "0137"],
        "labels": {"de": "Zentrale", "en": "Reception"},
    }
    preinstalled = [(sample_module(126), [{"name": "Typen", "active": False, "values": values}])]
    with running_java_agent(tmp_path, agent_sfm=build_module(module_classes), preinstalled=preinstalled) as endpoint:
        line = next(line for line in state_lines(HostClient(endpoint)) if line.startswith("instance Typen"))
        assert line == (
            "instance Typen active=false targetNumber=+49 40 112233 schedule=2xDAY@1767225600000 ringSeconds=30"
            " apiPassword=null logCalls=false greetingFile=ansage.wav:RIFF blocked=[0900, 0137]"
            " labels={de=Zentrale, en=Reception}"
        )


def test_upload_replaces_keeps_instances_deactivated_and_renews_classes(
    tmp_path: Path, module_classes: dict[str, bytes]
) -> None:
    sfm = build_module(module_classes)
    with running_java_agent(
        tmp_path, agent_sfm=sfm, preinstalled=[(sample_module(126), default_instances())]
    ) as endpoint:
        client = HostClient(endpoint)
        repo = endpoint.data_root / "var/starface/module/modules/repo" / SAMPLE_MODULE_ID
        assert b'version="126"' in (repo / "module-descriptor.xml").read_bytes()
        (repo / "written-by-the-module.txt").write_text("kept")
        assert [client.echo("!calls"), client.echo("!calls")] == ["1", "2"]

        newer = endpoint.data_root / "upload.sfm"
        newer.write_bytes(sample_module(127))
        assert client.echo(f"!import:{newer}") == "imported"

        lines = state_lines(client)
        assert f"module {SAMPLE_MODULE_ID} 127" in lines
        sample = next(line for line in lines if line.startswith("instance Weiterleitung Zentrale"))
        assert "active=false" in sample and "targetNumber=+49 30 9876543" in sample and "ringSeconds=25" in sample
        assert any(line.startswith("instance modmanager active=true") for line in lines)  # other modules untouched
        assert b'version="127"' in (repo / "module-descriptor.xml").read_bytes()
        assert (repo / "written-by-the-module.txt").read_text() == "kept"
        assert client.echo("!calls") == "1"  # a new revision: classes (and statics) start afresh

        newer.write_bytes(sample_module(126))  # a downgrade replaces just the same
        client.echo(f"!import:{newer}")
        assert f"module {SAMPLE_MODULE_ID} 126" in state_lines(client)


def test_upload_of_a_database_module_wipes_its_folder_and_settings(
    tmp_path: Path, module_classes: dict[str, bytes]
) -> None:
    instance = SimInstance("Sync", active=True, values={"serverUrl": "https://crm.intern", "syncMinutes": 30})
    with running_java_agent(
        tmp_path,
        agent_sfm=build_module(module_classes),
        preinstalled=[(database_module(3), [instance])],
        internal_files={0: {"data/contacts.mv.db": b"H2 data"}},
    ) as endpoint:
        client = HostClient(endpoint)
        repo = endpoint.data_root / "var/starface/module/modules/repo" / DATABASE_MODULE_ID
        assert (repo / "data/contacts.mv.db").read_bytes() == b"H2 data"
        upload = endpoint.data_root / "upload.sfm"
        upload.write_bytes(database_module(4))
        client.echo(f"!import:{upload}")
        sync = next(line for line in state_lines(client) if line.startswith("instance Sync"))
        assert sync == "instance Sync active=false serverUrl=https://crm.example.com syncMinutes=15"
        assert not (repo / "data").exists()
        assert (repo / "database/schema.sql").is_file()


def test_a_broken_upload_is_refused_and_changes_nothing(tmp_path: Path, module_classes: dict[str, bytes]) -> None:
    with running_java_agent(tmp_path, agent_sfm=build_module(module_classes)) as endpoint:
        client = HostClient(endpoint)
        before = state_lines(client)
        junk = endpoint.data_root / "junk.sfm"
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("module-descriptor.xml", "<module/>")
        junk.write_bytes(buffer.getvalue())
        fault = fault_of(lambda: client.echo(f"!import:{junk}"))
        assert "ModuleException" in fault.faultString and "Manifest fehlt!" in fault.faultString
        assert state_lines(client) == before


def test_instances_are_created_with_form_defaults_and_deactivation_makes_them_unreachable(
    tmp_path: Path, module_classes: dict[str, bytes]
) -> None:
    with running_java_agent(tmp_path, agent_sfm=build_module(module_classes), secret=SECRET) as endpoint:
        client = HostClient(endpoint)
        assert client.echo("!create:Neu") == "created"
        assert "instance Neu active=false agentSecret=null greeting=Hallo limit=5 numbers=null" in state_lines(client)
        assert client.call("greeting") == {"response": "<null>"}  # the agent instance has no greeting set
        assert client.echo("!set:modmanager:greeting=Moin") == "set"
        assert client.call("greeting") == {"response": "Moin"}  # functionCall input by reference to the setting
        assert client.echo("!deactivate-self") == "deactivated"
        assert fault_of(lambda: client.echo("x")).faultCode == 2


# --- the real agent ------------------------------------------------------------------------------------


def test_the_real_agent_answers_through_its_descriptor(tmp_path: Path) -> None:
    if not AGENT_BUILD.is_file():
        pytest.skip("the Java agent sources (agent/build.sh) are not in this tree")
    agent = build_agent()
    with zipfile.ZipFile(agent) as archive:
        names = archive.namelist()
    assert not [name for name in names if name.startswith(("de/vertico/", "de/starface/", "org/"))], (
        "STARFACE stub classes must not be packed into the agent"
    )
    with running_java_agent(
        tmp_path, secret=SECRET, preinstalled=[(sample_module(126), default_instances())]
    ) as endpoint:
        client = HostClient(endpoint)
        request = json.dumps({"protocolVersion": 2, "agentSecret": SECRET})
        answer = json.loads(client.call("systemInfo", {"request": request})["response"])
        assert answer["protocolVersion"] == 2
        assert answer["result"]["starfaceVersion"] == "9.0.1.3"
        wrong = json.loads(
            client.call("listModules", {"request": json.dumps({"protocolVersion": 2, "agentSecret": "x"})})["response"]
        )
        assert wrong["fault"]["code"] == 7
        listed = json.loads(client.call("listModules", {"request": request})["response"])["result"]["modules"]
        assert {module["id"] for module in listed} >= {SAMPLE_MODULE_ID, AGENT_MODULE_ID}
