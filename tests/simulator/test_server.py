"""The simulated PBX over real HTTPS sockets, spoken to with plain xmlrpc.client and requests."""

from __future__ import annotations

import base64
import hashlib
import json
import ssl
import time
import xmlrpc.client
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests

from modmanager.core.protocol import (
    AGENT_MODULE_ID,
    AUTH_PARAMETER,
    PROTOCOL_VERSION,
    XMLRPC_PATH,
    Capability,
    CommittedUpload,
    EntryPoint,
    Fault,
    FaultCode,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    ModuleDescriptor,
    SystemInfo,
    UploadState,
    auth_token,
    decode_answer,
    xmlrpc_request,
)
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm, example_spec
from modmanager.core.values import FileResource, TimerSettings
from modmanager.simulator import server as server_module
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import SimInstance, agent_module
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
    TEST_AGENT_SECRET,
    database_module,
    make_pbx,
    raw_call,
    running_fleet,
    sample_module,
)
from tests.simulator.sim_helpers import fault_code, fault_of, install, lock, sha256, upload

NEW_MODULE = ModuleSpec(
    module_id="0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f",
    name="Warteschleife",
    vendor="Musik GmbH",
    version=7,
    inputs=(InputSpec("melody", "Melodie", default="Vivaldi"), InputSpec("volume", "Lautstärke", kind="numberInput")),
)


def _post(sim: SimulatedPbx, body: bytes, *, auth: str | None = None) -> requests.Response:
    token = auth if auth is not None else auth_token(sim.state.login_id, sim.state.password)
    return requests.post(
        f"{sim.url}{XMLRPC_PATH}", params={AUTH_PARAMETER: token}, data=body, verify=str(sim.cert_path), timeout=10
    )


def _request(fields: dict[str, Any]) -> str:
    return json.dumps({"protocolVersion": PROTOCOL_VERSION, "agentSecret": TEST_AGENT_SECRET, **fields})


def _json_fault(sim: SimulatedPbx, body: bytes) -> Fault:
    """The JSON fault a raw request answers (in a successful XML-RPC answer)."""
    response = _post(sim, body)
    assert response.status_code == 200
    (answer,), _ = xmlrpc.client.loads(response.content)
    decoded = decode_answer(answer["response"])
    assert isinstance(decoded, Fault), decoded
    return decoded


# --- authentication and dispatch ---------------------------------------------------------------


def test_system_info_answers_the_pbx_facts(sim: SimulatedPbx) -> None:
    info = SystemInfo.from_struct(raw_call(sim, EntryPoint.SYSTEM_INFO))
    assert info.starface_version == sim.state.starface_version
    assert info.server_license_key == sim.state.server_license_key
    assert info.hostname == sim.state.name
    assert list(info.licenses) == sim.state.licenses
    assert (info.agent_module_id, info.agent_version) == (AGENT_MODULE_ID, "200")
    assert info.capabilities == {capability.value for capability in Capability}
    assert (info.max_chunk_size, info.max_upload_size) == (256 * 1024, 32 * 1024 * 1024)


def test_the_request_and_the_answer_are_json_strings_in_one_struct_member(sim: SimulatedPbx) -> None:
    response = _post(sim, xmlrpc_request("modmanager.listModules", _request({})))
    assert b"<name>response</name><value><string>" in response.content
    (answer,), _ = xmlrpc.client.loads(response.content)
    assert set(answer) == {"response"}
    document = json.loads(answer["response"])
    assert document["protocolVersion"] == PROTOCOL_VERSION
    assert set(document) == {"protocolVersion", "result"}


@pytest.mark.parametrize(
    "params",
    [("not a struct",), ({"request": 42},), ({"other": "{}"},), ({"request": "[1, 2]"},), ({"request": "{oops"},)],
    ids=["no-struct", "not-a-string", "no-request", "not-an-object", "not-json"],
)
def test_anything_but_a_json_object_in_request_is_a_bad_request(sim: SimulatedPbx, params: tuple[Any, ...]) -> None:
    body = xmlrpc.client.dumps(params, "modmanager.systemInfo").encode()
    assert _json_fault(sim, body).code == FaultCode.BAD_REQUEST


def test_requests_over_one_mib_are_bad_requests(sim: SimulatedPbx) -> None:
    body = xmlrpc_request("modmanager.systemInfo", _request({"padding": "x" * (1024 * 1024)}))
    assert _json_fault(sim, body).code == FaultCode.BAD_REQUEST


@pytest.mark.parametrize("secret", [None, "", "wrong secret"], ids=["missing", "empty", "wrong"])
def test_the_agent_secret_is_checked_for_every_call_even_system_info(sim: SimulatedPbx, secret: str | None) -> None:
    body = xmlrpc_request("modmanager.systemInfo", json.dumps({"protocolVersion": 2, "agentSecret": secret}))
    fault = _json_fault(sim, body)
    assert (fault.code, fault.name) == (FaultCode.SECRET_INVALID, "SECRET_INVALID")
    assert TEST_AGENT_SECRET not in fault.message and "wrong secret" not in fault.message


def test_an_agent_without_a_secret_refuses_everything_and_says_so(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(agent_secret="")]) as fleet:
        fault = fault_of(fleet.pbxs[0], EntryPoint.SYSTEM_INFO, secret="anything")
    assert fault.faultCode == FaultCode.SECRET_INVALID
    assert "no secret configured" in fault.faultString


def test_the_protocol_version_is_checked_before_the_secret(sim: SimulatedPbx) -> None:
    body = xmlrpc_request("modmanager.systemInfo", json.dumps({"protocolVersion": 1, "agentSecret": "wrong"}))
    assert _json_fault(sim, body).code == FaultCode.PROTOCOL_UNSUPPORTED


def test_the_agent_is_a_listed_module_whose_instance_holds_the_secret(sim: SimulatedPbx) -> None:
    listed = raw_call(sim, EntryPoint.LIST_MODULES)["modules"]
    modules = {item["id"]: InstalledModule.from_struct(item) for item in listed}
    agent = modules[AGENT_MODULE_ID]
    assert (agent.name, agent.version, agent.active_instances) == ("modmanager Agent", 200, ("modmanager",))
    config = ModuleConfig.from_struct(raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=AGENT_MODULE_ID))
    assert config.instances[0].values == {"agentSecret": TEST_AGENT_SECRET}


def test_a_new_secret_imported_into_the_agent_instance_counts_from_the_next_call(sim: SimulatedPbx) -> None:
    token = lock(sim)
    instances = [{"name": "modmanager", "values": {"agentSecret": "rotated"}}]
    raw_call(sim, EntryPoint.IMPORT_CONFIG, lockToken=token, moduleId=AGENT_MODULE_ID, instances=instances)
    assert fault_code(sim, EntryPoint.SYSTEM_INFO, secret=TEST_AGENT_SECRET) is FaultCode.SECRET_INVALID
    assert sim.agent_secret == "rotated"
    assert raw_call(sim, EntryPoint.SYSTEM_INFO, secret="rotated")["hostname"] == "pbx1"


def test_wrong_password_is_an_auth_fault_in_an_http_200(sim: SimulatedPbx) -> None:
    assert fault_code(sim, EntryPoint.SYSTEM_INFO, password="wrong") is FaultCode.AUTH_FAILED
    body = xmlrpc_request("modmanager.systemInfo", _request({}))
    response = _post(sim, body, auth=auth_token(sim.state.login_id, "wrong"))
    assert response.status_code == 200
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(response.content)
    assert caught.value.faultCode == FaultCode.AUTH_FAILED


def test_authentication_is_checked_before_the_body_is_read(sim: SimulatedPbx) -> None:
    response = _post(sim, b"<not xml", auth=auth_token(sim.state.login_id, "wrong"))
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(response.content)
    assert caught.value.faultCode == FaultCode.AUTH_FAILED


def test_missing_auth_parameter_is_refused(sim: SimulatedPbx) -> None:
    body = xmlrpc_request("modmanager.systemInfo", _request({}))
    response = requests.post(f"{sim.url}{XMLRPC_PATH}", data=body, verify=str(sim.cert_path), timeout=10)
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(response.content)
    assert caught.value.faultCode == FaultCode.AUTH_FAILED


def test_unknown_entry_point_or_instance_is_unknown_method(sim: SimulatedPbx) -> None:
    assert fault_code(sim, "formatDisk") is FaultCode.UNKNOWN_METHOD
    body = xmlrpc_request("otherInstance.systemInfo", _request({}))
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, body).content)
    assert caught.value.faultCode == FaultCode.UNKNOWN_METHOD


def test_pbx_without_agent_answers_unknown_method_for_everything(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(agent_installed=False)]) as fleet:
        sim = fleet.pbxs[0]
        for entry_point in (EntryPoint.SYSTEM_INFO, EntryPoint.LIST_MODULES, EntryPoint.ACQUIRE_LOCK):
            assert fault_code(sim, entry_point, owner="x") is FaultCode.UNKNOWN_METHOD


def test_custom_agent_instance_name_is_honoured(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(agent_instance="mm.agent")]) as fleet:
        assert raw_call(fleet.pbxs[0], EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


def test_an_inactive_agent_instance_does_not_answer(sim: SimulatedPbx) -> None:
    token = lock(sim)
    raw_call(
        sim, EntryPoint.SET_INSTANCE_ACTIVE, lockToken=token, moduleId=AGENT_MODULE_ID, instanceName="modmanager",
        active=False,
    )
    assert fault_code(sim, EntryPoint.SYSTEM_INFO) is FaultCode.UNKNOWN_METHOD


@pytest.mark.parametrize("version", [None, 0, 1, 3, "2"])
def test_missing_or_unsupported_protocol_version_is_refused(sim: SimulatedPbx, version: Any) -> None:
    fields = {"agentSecret": TEST_AGENT_SECRET} if version is None else {"protocolVersion": version}
    body = xmlrpc_request("modmanager.listModules", json.dumps({"agentSecret": TEST_AGENT_SECRET, **fields}))
    assert _json_fault(sim, body).code == FaultCode.PROTOCOL_UNSUPPORTED


def test_starface_older_than_7_answers_only_system_info(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(starface="6.5.1.5")]) as fleet:
        sim = fleet.pbxs[0]
        assert raw_call(sim, EntryPoint.SYSTEM_INFO)["starfaceVersion"] == "6.5.1.5"
        assert fault_code(sim, EntryPoint.LIST_MODULES) is FaultCode.STARFACE_TOO_OLD
        assert fault_code(sim, EntryPoint.ACQUIRE_LOCK, owner="x") is FaultCode.STARFACE_TOO_OLD


def test_malformed_xml_is_refused_by_starface_itself(sim: SimulatedPbx) -> None:
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, b"<methodCall><oops").content)
    assert caught.value.faultCode == FaultCode.BAD_REQUEST


def test_only_post_to_the_xmlrpc_path_is_served(sim: SimulatedPbx) -> None:
    assert requests.get(f"{sim.url}{XMLRPC_PATH}", verify=str(sim.cert_path), timeout=10).status_code == 405
    assert requests.post(f"{sim.url}/rest/login", data=b"", verify=str(sim.cert_path), timeout=10).status_code == 404


def test_serves_tls_with_the_published_fingerprint(sim: SimulatedPbx) -> None:
    der = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate(("127.0.0.1", sim.port)))
    assert hashlib.sha256(der).hexdigest() == sim.fingerprint


def test_plain_http_when_tls_is_off(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx()], tls=False) as fleet:
        sim = fleet.pbxs[0]
        assert sim.url.startswith("http://")
        assert raw_call(sim, EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


# --- read-only entry points --------------------------------------------------------------------


def test_list_modules_reports_modules_and_instances(sim: SimulatedPbx) -> None:
    answer = raw_call(sim, EntryPoint.LIST_MODULES)
    modules = [InstalledModule.from_struct(item) for item in answer["modules"]]
    assert [(m.id, m.version) for m in modules] == [(AGENT_MODULE_ID, 200), (SAMPLE_MODULE_ID, 126)]
    assert modules[1].active_instances == ("Weiterleitung Zentrale",)


def test_get_descriptor_answers_the_descriptor_and_on_request_the_file(sim: SimulatedPbx) -> None:
    answer = ModuleDescriptor.from_struct(raw_call(sim, EntryPoint.GET_DESCRIPTOR, moduleId=SAMPLE_MODULE_ID))
    assert answer.descriptor == sim.state.modules[SAMPLE_MODULE_ID].descriptor_xml
    assert answer.module_file == b""
    with_file = raw_call(sim, EntryPoint.GET_DESCRIPTOR, moduleId=SAMPLE_MODULE_ID, includeModuleFile=True)
    assert base64.b64decode(with_file["moduleFile"]) == sample_module()
    assert "\n" not in with_file["moduleFile"]  # base64 without line breaks
    assert fault_code(sim, EntryPoint.GET_DESCRIPTOR, moduleId="nope") is FaultCode.MODULE_NOT_FOUND


def test_capabilities_switched_off_answer_less_and_refuse_delete(tmp_path: Path) -> None:
    pbx = make_pbx(capabilities=frozenset())
    pbx.modules[SAMPLE_MODULE_ID].internal_data = b"blob"
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        info = SystemInfo.from_struct(raw_call(sim, EntryPoint.SYSTEM_INFO))
        assert info.capabilities == frozenset() and info.licenses == ()
        with_file = raw_call(sim, EntryPoint.GET_DESCRIPTOR, moduleId=SAMPLE_MODULE_ID, includeModuleFile=True)
        assert with_file["moduleFile"] == ""
        assert raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID)["internalData"] == ""
        token = lock(sim)
        fields: dict[str, Any] = {"lockToken": token, "moduleId": SAMPLE_MODULE_ID}
        answer = raw_call(
            sim, EntryPoint.IMPORT_CONFIG, instances=[], restoreInternalData=True, internalData=b"other", **fields
        )
        assert answer["internalDataRestored"] is False
        assert sim.state.modules[SAMPLE_MODULE_ID].internal_data == b"blob"
        fields["instanceName"] = "Weiterleitung Zentrale"
        assert fault_code(sim, EntryPoint.DELETE_INSTANCE, **fields) is FaultCode.NOT_SUPPORTED
        assert sim.state.modules[SAMPLE_MODULE_ID].instance("Weiterleitung Zentrale") is not None


def test_not_supported_comes_after_the_secret_and_before_the_lock(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(capabilities=frozenset())]) as fleet:
        sim = fleet.pbxs[0]
        assert fault_code(sim, EntryPoint.DELETE_INSTANCE, secret="wrong") is FaultCode.SECRET_INVALID
        assert fault_code(sim, EntryPoint.DELETE_INSTANCE, lockToken="none") is FaultCode.NOT_SUPPORTED


def test_export_config_answers_values_and_active_flags(sim: SimulatedPbx) -> None:
    config = ModuleConfig.from_struct(raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID))
    instance = sim.state.modules[SAMPLE_MODULE_ID].instances[0]
    assert config.version == 126
    assert config.instance(instance.name) is not None
    assert config.instance(instance.name).values == instance.values  # type: ignore[union-attr]
    assert config.instances[0].active is True
    assert config.instances[0].types == {"targetNumber": "STRING", "ringSeconds": "NUMBER", "logCalls": "BOOLEAN"}
    assert fault_code(sim, EntryPoint.EXPORT_CONFIG) is FaultCode.BAD_REQUEST


def test_resource_values_travel_in_their_json_shapes_and_survive_a_restart(sim: SimulatedPbx) -> None:
    values: dict[str, Any] = {
        "days": ["Mo", "Di"],
        "routes": {"110": "Zentrale", "112": "Pforte"},
        "greeting": {"fileName": "ansage.wav", "data": base64.b64encode(b"RIFF\x00wave").decode()},
        "schedule": {"startTime": 1_700_000_000_000, "period": "DAY", "multiplier": 1},
    }
    token = lock(sim)
    instances = [{"name": "Weiterleitung Zentrale", "values": values}]
    raw_call(sim, EntryPoint.IMPORT_CONFIG, lockToken=token, moduleId=SAMPLE_MODULE_ID, instances=instances)
    sim.restart()
    stored = sim.state.modules[SAMPLE_MODULE_ID].instances[0].values
    assert stored["greeting"] == FileResource("ansage.wav", b"RIFF\x00wave")
    assert stored["schedule"] == TimerSettings(1_700_000_000_000, "DAY", 1)
    exported = raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID)["instances"][0]
    assert exported["values"] == values
    types = {"days": "LIST", "routes": "MAP", "greeting": "FILE_RESOURCE", "schedule": "TIMER_SETTINGS"}
    assert exported["types"] == types


# --- locks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entry_point",
    [
        EntryPoint.IMPORT_CONFIG,
        EntryPoint.UPLOAD_BEGIN,
        EntryPoint.UPLOAD_CHUNK,
        EntryPoint.UPLOAD_COMMIT,
        EntryPoint.INSTALL_UPLOADED,
        EntryPoint.CREATE_INSTANCE,
        EntryPoint.SET_INSTANCE_ACTIVE,
        EntryPoint.DELETE_INSTANCE,
    ],
)
def test_mutating_calls_need_a_valid_lock(sim: SimulatedPbx, entry_point: EntryPoint) -> None:
    assert fault_code(sim, entry_point, moduleId=SAMPLE_MODULE_ID) is FaultCode.LOCK_REQUIRED
    assert fault_code(sim, entry_point, moduleId=SAMPLE_MODULE_ID, lockToken="forged") is FaultCode.LOCK_REQUIRED


def test_lock_contention_names_the_holder(sim: SimulatedPbx) -> None:
    grant = LockGrant.from_struct(raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="alice@desk"))
    fault = fault_of(sim, EntryPoint.ACQUIRE_LOCK, owner="bob")
    assert fault.faultCode == FaultCode.LOCKED
    assert "alice@desk" in fault.faultString

    again = LockGrant.from_struct(raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="alice@desk"))
    assert again.token != grant.token
    assert raw_call(sim, EntryPoint.RELEASE_LOCK, lockToken=grant.token)["released"] is False
    assert raw_call(sim, EntryPoint.RELEASE_LOCK, lockToken=again.token)["released"] is True
    assert raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="bob")["owner"] == "bob"


def test_an_expired_lock_goes_to_the_next_owner(sim: SimulatedPbx, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [1_000_000.0]

    class FakeTime:
        @staticmethod
        def time() -> float:
            return clock[0]

    monkeypatch.setattr(server_module, "time", FakeTime)
    old = raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="alice", ttlSeconds=60)["lockToken"]
    clock[0] += 61
    assert fault_code(sim, EntryPoint.CREATE_INSTANCE, lockToken=old, moduleId=SAMPLE_MODULE_ID, instanceName="x") is (
        FaultCode.LOCK_REQUIRED
    )
    assert raw_call(sim, EntryPoint.ACQUIRE_LOCK, owner="bob")["owner"] == "bob"


# --- instances and settings -------------------------------------------------------------------


def test_created_instance_needs_a_cycle_before_its_ui_appears(sim: SimulatedPbx) -> None:
    token = lock(sim)
    fields: dict[str, Any] = {"lockToken": token, "moduleId": SAMPLE_MODULE_ID, "instanceName": "Neu"}
    assert raw_call(sim, EntryPoint.CREATE_INSTANCE, **fields) == {"name": "Neu", "active": False}
    assert fault_code(sim, EntryPoint.CREATE_INSTANCE, **fields) is FaultCode.INSTANCE_EXISTS

    def created() -> SimInstance:
        found = sim.state.modules[SAMPLE_MODULE_ID].instance("Neu")
        assert found is not None
        return found

    assert created().values["targetNumber"] == "+49 30 1234567"  # the form's default
    assert raw_call(sim, EntryPoint.SET_INSTANCE_ACTIVE, active=True, **fields)["active"] is True
    assert created().needs_cycle
    raw_call(sim, EntryPoint.SET_INSTANCE_ACTIVE, active=False, **fields)
    assert created().needs_cycle
    raw_call(sim, EntryPoint.SET_INSTANCE_ACTIVE, active=True, **fields)
    assert not created().needs_cycle
    config = ModuleConfig.from_struct(raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID))
    assert config.instance("Neu").active is True  # type: ignore[union-attr]

    assert raw_call(sim, EntryPoint.DELETE_INSTANCE, **fields)["deleted"] is True
    assert sim.state.modules[SAMPLE_MODULE_ID].instance("Neu") is None
    assert fault_code(sim, EntryPoint.DELETE_INSTANCE, **fields) is FaultCode.INSTANCE_NOT_FOUND


def test_import_config_writes_values_and_optionally_internal_data(sim: SimulatedPbx) -> None:
    token = lock(sim)
    values = {"targetNumber": "+43 1 555", "ringSeconds": 5, "days": ["Mo", "Di"]}
    answer = raw_call(
        sim,
        EntryPoint.IMPORT_CONFIG,
        lockToken=token,
        moduleId=SAMPLE_MODULE_ID,
        instances=[{"name": "Weiterleitung Zentrale", "values": values}],
        restoreInternalData=True,
        internalData=b"\x00db-blob",
    )
    assert answer["internalDataRestored"] is True
    module = sim.state.modules[SAMPLE_MODULE_ID]
    assert module.instances[0].values == values
    assert module.instances[0].active is True  # import does not touch activation
    assert module.internal_data == b"\x00db-blob"


def test_import_config_to_an_unknown_instance_writes_nothing(sim: SimulatedPbx) -> None:
    token = lock(sim)
    before = dict(sim.state.modules[SAMPLE_MODULE_ID].instances[0].values)
    code = fault_code(
        sim,
        EntryPoint.IMPORT_CONFIG,
        lockToken=token,
        moduleId=SAMPLE_MODULE_ID,
        instances=[{"name": "Weiterleitung Zentrale", "values": {"x": "1"}}, {"name": "Gibt es nicht", "values": {}}],
    )
    assert code is FaultCode.INSTANCE_NOT_FOUND
    assert sim.state.modules[SAMPLE_MODULE_ID].instances[0].values == before


# --- uploads ------------------------------------------------------------------------------------


def test_chunked_upload_commits_a_valid_module(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    upload_id = upload(sim, token, data, chunk_size=700)
    status = UploadState.from_struct(raw_call(sim, EntryPoint.UPLOAD_STATUS, uploadId=upload_id))
    assert (status.offset, status.size, status.sha256) == (len(data), len(data), sha256(data))
    committed = CommittedUpload.from_struct(
        raw_call(sim, EntryPoint.UPLOAD_COMMIT, lockToken=token, uploadId=upload_id)
    )
    assert (committed.module_id, committed.version) == (SAMPLE_MODULE_ID, 130)


def test_upload_begin_with_the_same_checksum_resumes(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    begin: dict[str, Any] = {"lockToken": token, "size": len(data), "sha256": sha256(data)}
    first = raw_call(sim, EntryPoint.UPLOAD_BEGIN, **begin)
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=first["uploadId"], offset=0, data=data[:500])
    resumed = raw_call(sim, EntryPoint.UPLOAD_BEGIN, **begin)
    assert (resumed["uploadId"], resumed["offset"]) == (first["uploadId"], 500)
    other = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=3, sha256=sha256(b"abc"))
    assert other["uploadId"] != first["uploadId"]
    assert other["offset"] == 0


def test_chunk_at_the_wrong_offset_names_the_expected_one(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    upload_id = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))["uploadId"]
    chunk: dict[str, Any] = {"lockToken": token, "uploadId": upload_id}
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, offset=0, data=data[:400], **chunk)
    fault = fault_of(sim, EntryPoint.UPLOAD_CHUNK, offset=800, data=data[800:900], **chunk)
    assert fault.faultCode == FaultCode.OFFSET_MISMATCH
    assert fault.faultString.endswith("expected offset 400")
    # A re-sent chunk that matches what arrived is fine, and so is one that overlaps and extends.
    assert raw_call(sim, EntryPoint.UPLOAD_CHUNK, offset=0, data=data[:400], **chunk)["offset"] == 400
    assert raw_call(sim, EntryPoint.UPLOAD_CHUNK, offset=200, data=data[200:600], **chunk)["offset"] == 600
    # Different bytes at an offset already held are not.
    assert fault_code(sim, EntryPoint.UPLOAD_CHUNK, offset=0, data=b"X" * 10, **chunk) is FaultCode.OFFSET_MISMATCH


def test_commit_checks_completeness_checksum_and_module(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)

    def begin(size: int, digest: str) -> str:
        upload_id: str = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=size, sha256=digest)["uploadId"]
        return upload_id

    def send(upload_id: str, payload: bytes) -> None:
        raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=upload_id, offset=0, data=payload)

    incomplete = begin(len(data), sha256(data))
    send(incomplete, data[:100])
    assert fault_code(sim, EntryPoint.UPLOAD_COMMIT, lockToken=token, uploadId=incomplete) is (
        FaultCode.UPLOAD_INCOMPLETE
    )

    tampered = begin(len(data), "0" * 64)
    send(tampered, data)
    assert fault_code(sim, EntryPoint.UPLOAD_COMMIT, lockToken=token, uploadId=tampered) is FaultCode.CHECKSUM_MISMATCH
    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId=tampered) is FaultCode.UPLOAD_NOT_FOUND

    junk = b"this is not a zip archive"
    invalid = begin(len(junk), sha256(junk))
    send(invalid, junk)
    fault = fault_of(sim, EntryPoint.UPLOAD_COMMIT, lockToken=token, uploadId=invalid)
    assert fault.faultCode == FaultCode.INVALID_MODULE
    assert "ZIP" in fault.faultString

    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId="0123abcd") is FaultCode.UPLOAD_NOT_FOUND
    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId="../../state") is FaultCode.UPLOAD_NOT_FOUND


def test_install_commits_a_complete_upload_and_refuses_an_incomplete_one(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    upload_id = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))["uploadId"]
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=upload_id, offset=0, data=data[:100])
    assert fault_code(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=upload_id) is (
        FaultCode.UPLOAD_INCOMPLETE
    )
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=upload_id, offset=100, data=data[100:])
    result = InstallResult.from_struct(raw_call(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=upload_id))
    assert (result.version, result.deferred) == (130, False)


def test_install_of_an_uncommitted_upload_checks_like_a_commit(sim: SimulatedPbx) -> None:
    token = lock(sim)
    junk = b"this is not a zip archive"
    state = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(junk), sha256=sha256(junk), data=junk)
    assert state["offset"] == len(junk)
    assert fault_code(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=state["uploadId"]) is (
        FaultCode.INVALID_MODULE
    )
    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId=state["uploadId"]) is FaultCode.UPLOAD_NOT_FOUND


def test_upload_begin_takes_the_first_chunk_inline(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    begin: dict[str, Any] = {"lockToken": token, "size": len(data), "sha256": sha256(data)}
    first = raw_call(sim, EntryPoint.UPLOAD_BEGIN, data=data[:1000], **begin)
    assert first["offset"] == 1000
    again = raw_call(sim, EntryPoint.UPLOAD_BEGIN, data=data[:1500], **begin)  # resumes, keeps the new tail
    assert (again["uploadId"], again["offset"]) == (first["uploadId"], 1500)
    whole = raw_call(sim, EntryPoint.UPLOAD_BEGIN, data=data, **begin)
    assert whole["offset"] == len(data)
    result = raw_call(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=whole["uploadId"])
    assert result["version"] == 130


def test_upload_limits(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(max_upload_size=4000, max_chunk_size=1000)]) as fleet:
        sim = fleet.pbxs[0]
        token = lock(sim)
        assert raw_call(sim, EntryPoint.SYSTEM_INFO)["maxChunkSize"] == 1000
        too_big = fault_of(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=4001, sha256="0" * 64)
        assert too_big.faultCode == FaultCode.UPLOAD_TOO_LARGE
        state = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=3000, sha256="1" * 64)
        assert state["chunkSize"] == 1000
        chunk: dict[str, Any] = {"lockToken": token, "uploadId": state["uploadId"], "offset": 0}
        assert fault_code(sim, EntryPoint.UPLOAD_CHUNK, data=b"x" * 1001, **chunk) is FaultCode.BAD_REQUEST
        begin: dict[str, Any] = {"lockToken": token, "size": 3000, "sha256": "2" * 64}
        assert fault_code(sim, EntryPoint.UPLOAD_BEGIN, data=b"x" * 1001, **begin) is FaultCode.BAD_REQUEST


def test_at_most_eight_uploads_are_kept_and_the_oldest_goes_first(sim: SimulatedPbx) -> None:
    token = lock(sim)
    ids = [
        raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=10, sha256=f"{number:x}" * 64)["uploadId"]
        for number in range(9)
    ]
    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId=ids[0]) is FaultCode.UPLOAD_NOT_FOUND
    assert all(raw_call(sim, EntryPoint.UPLOAD_STATUS, uploadId=upload_id)["offset"] == 0 for upload_id in ids[1:])


def test_uploads_untouched_for_a_day_are_discarded(sim: SimulatedPbx) -> None:
    import os

    token = lock(sim)
    old = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=10, sha256="a" * 64)["uploadId"]
    day_ago = time.time() - 24 * 3600 - 60
    for path in (sim.folder / "uploads").glob(f"{old}.*"):
        os.utime(path, (day_ago, day_ago))
    raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=10, sha256="b" * 64)
    assert fault_code(sim, EntryPoint.UPLOAD_STATUS, uploadId=old) is FaultCode.UPLOAD_NOT_FOUND


@pytest.mark.parametrize("ttl", [0, 3601])
def test_lock_ttl_must_be_between_one_second_and_an_hour(sim: SimulatedPbx, ttl: int) -> None:
    assert fault_code(sim, EntryPoint.ACQUIRE_LOCK, owner="x", ttlSeconds=ttl) is FaultCode.BAD_REQUEST


# --- installing: what a real PBX does ----------------------------------------------------------


def test_install_replaces_deactivates_and_keeps_settings_without_internal_database(sim: SimulatedPbx) -> None:
    before = dict(sim.state.modules[SAMPLE_MODULE_ID].instances[0].values)
    result = InstallResult.from_struct(install(sim, sample_module(130)))
    assert result == InstallResult(SAMPLE_MODULE_ID, 130, 126, ("Weiterleitung Zentrale",), settings_wiped=False)
    module = sim.state.modules[SAMPLE_MODULE_ID]
    assert module.version == 130
    assert [(inst.name, inst.active) for inst in module.instances] == [("Weiterleitung Zentrale", False)]
    assert module.instances[0].values == before
    assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"][1]["version"] == 130


def test_downgrade_works_like_an_upgrade(sim: SimulatedPbx) -> None:
    result = InstallResult.from_struct(install(sim, sample_module(117)))
    assert (result.previous_version, result.version) == (126, 117)
    assert sim.state.modules[SAMPLE_MODULE_ID].version == 117


def test_install_wipes_settings_of_modules_with_an_internal_database(tmp_path: Path) -> None:
    instances = [SimInstance("CRM", True, {"serverUrl": "https://crm.kunde.de", "syncMinutes": 30})]
    pbx = make_pbx(modules=[(database_module(3), instances), (sample_module(), [SimInstance("A", True, {"k": "v"})])])
    pbx.modules[DATABASE_MODULE_ID].internal_data = b"h2-database"
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        result = InstallResult.from_struct(install(sim, database_module(4)))
        assert result.settings_wiped is True
        assert result.deactivated_instances == ("CRM",)
        module = sim.state.modules[DATABASE_MODULE_ID]
        defaults = {"serverUrl": "https://crm.example.com", "syncMinutes": 15}  # the new form's
        assert [(inst.name, inst.active, inst.values) for inst in module.instances] == [("CRM", False, defaults)]
        assert module.internal_data == b""
        assert sim.state.modules[SAMPLE_MODULE_ID].instances[0].values == {"k": "v"}


def test_a_new_module_is_installed_without_instances(sim: SimulatedPbx) -> None:
    result = InstallResult.from_struct(install(sim, build_sfm(NEW_MODULE)))
    assert result == InstallResult(NEW_MODULE.module_id, 7, None, (), settings_wiped=False)
    assert sim.state.modules[NEW_MODULE.module_id].instances == []


# --- persistence ----------------------------------------------------------------------------------


def test_state_uploads_and_the_lock_survive_a_restart(sim: SimulatedPbx) -> None:
    port, fingerprint = sim.port, sim.fingerprint
    install(sim, sample_module(130))
    token = lock(sim)
    data = build_sfm(replace(example_spec(140), description="x" * 2000))
    pending = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=pending["uploadId"], offset=0, data=data[:600])

    sim.restart()

    assert (sim.port, sim.fingerprint) == (port, fingerprint)
    assert sim.state.modules[SAMPLE_MODULE_ID].version == 130
    assert sim.state.modules[SAMPLE_MODULE_ID].instances[0].active is False
    assert raw_call(sim, EntryPoint.UPLOAD_STATUS, uploadId=pending["uploadId"])["offset"] == 600
    assert fault_code(sim, EntryPoint.ACQUIRE_LOCK, owner="someone else") is FaultCode.LOCKED
    assert upload(sim, token, data) == pending["uploadId"]  # the old token still holds the lock
    assert token not in (sim.folder / "lock.json").read_text()  # only its hash is on disk


def test_a_new_simulator_on_the_same_folder_resumes_the_saved_pbx(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx()]) as fleet:
        install(fleet.pbxs[0], sample_module(130))
        fingerprint = fleet.pbxs[0].fingerprint
    from modmanager.simulator.server import SimulatorFleet

    with SimulatorFleet(tmp_path / "sim") as again:
        sim = again.add(make_pbx(), resume=True)
        assert sim.fingerprint == fingerprint
        assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"][1]["version"] == 130


def test_unreachable_pbx_refuses_connections(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(reachable=False)]) as fleet:
        sim = fleet.pbxs[0]
        with pytest.raises(ConnectionRefusedError):
            raw_call(sim, EntryPoint.SYSTEM_INFO, timeout=2)
        assert fleet.describe()[0]["url"] == sim.url


def test_fleet_describes_how_to_reach_each_pbx(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx("a"), make_pbx("b", starface="10.0.0.4")]) as fleet:
        described = fleet.describe()
        assert [entry["name"] for entry in described] == ["a", "b"]
        assert {entry["url"] for entry in described} == {sim.url for sim in fleet.pbxs}
        assert all(len(entry["fingerprint"]) == 64 for entry in described)
        assert fleet.get("b").state.starface_version == "10.0.0.4"
        with pytest.raises(ValueError, match="already"):
            fleet.add(make_pbx("a"))


# --- the agent updates itself ---------------------------------------------------------------------


def test_installing_the_agent_itself_answers_deferred_and_imports_a_moment_later(sim: SimulatedPbx) -> None:
    sim.self_update_delay, sim.self_update_downtime = 0.2, 0.2
    result = InstallResult.from_struct(install(sim, agent_module(201)))
    assert (result.module_id, result.version, result.previous_version, result.deferred) == (
        AGENT_MODULE_ID, 201, 200, True
    )
    assert raw_call(sim, EntryPoint.SYSTEM_INFO)["agentVersion"] == "200"  # not yet
    deadline = time.monotonic() + 10
    seen_down = False
    while time.monotonic() < deadline:
        try:
            version = raw_call(sim, EntryPoint.SYSTEM_INFO)["agentVersion"]
        except xmlrpc.client.Fault as fault:
            assert fault.faultCode == FaultCode.UNKNOWN_METHOD  # re-importing itself
            seen_down = True
            continue
        if version == "201":
            break
    assert seen_down and version == "201"
    (instance,) = sim.state.modules[AGENT_MODULE_ID].instances
    assert instance.active and instance.values == {"agentSecret": TEST_AGENT_SECRET}
    sim.restart()
    assert sim.state.modules[AGENT_MODULE_ID].version == 201


def test_an_agent_without_self_update_refuses_to_install_itself(tmp_path: Path) -> None:
    with (
        running_fleet(tmp_path, [make_pbx(capabilities=frozenset({"moduleFile"}))]) as fleet,
        pytest.raises(xmlrpc.client.Fault) as caught,
    ):
        install(fleet.pbxs[0], agent_module(201))
    assert caught.value.faultCode == FaultCode.NOT_SUPPORTED
