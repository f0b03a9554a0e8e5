"""The simulated PBX over real HTTPS sockets, spoken to with plain xmlrpc.client and requests."""

from __future__ import annotations

import hashlib
import ssl
import xmlrpc.client
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import requests

from modmanager.core.protocol import (
    AUTH_PARAMETER,
    PROTOCOL_VERSION,
    XMLRPC_PATH,
    CommittedUpload,
    EntryPoint,
    FaultCode,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    SystemInfo,
    UploadState,
    auth_token,
)
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm, example_spec
from modmanager.simulator import server as server_module
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
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


# --- authentication and dispatch ---------------------------------------------------------------


def test_system_info_answers_the_pbx_facts(sim: SimulatedPbx) -> None:
    info = SystemInfo.from_struct(raw_call(sim, EntryPoint.SYSTEM_INFO))
    assert info.protocol_version == PROTOCOL_VERSION
    assert info.starface_version == sim.state.starface_version
    assert info.server_license_key == sim.state.server_license_key
    assert info.hostname == sim.state.name
    assert list(info.licenses) == sim.state.licenses


def test_wrong_password_is_an_auth_fault_in_an_http_200(sim: SimulatedPbx) -> None:
    assert fault_code(sim, EntryPoint.SYSTEM_INFO, password="wrong") is FaultCode.AUTH_FAILED
    body = xmlrpc.client.dumps(({"protocolVersion": PROTOCOL_VERSION},), "modmanager.systemInfo").encode()
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
    body = xmlrpc.client.dumps(({"protocolVersion": PROTOCOL_VERSION},), "modmanager.systemInfo").encode()
    response = requests.post(f"{sim.url}{XMLRPC_PATH}", data=body, verify=str(sim.cert_path), timeout=10)
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(response.content)
    assert caught.value.faultCode == FaultCode.AUTH_FAILED


def test_unknown_entry_point_or_instance_is_unknown_method(sim: SimulatedPbx) -> None:
    assert fault_code(sim, "formatDisk") is FaultCode.UNKNOWN_METHOD
    body = xmlrpc.client.dumps(({"protocolVersion": PROTOCOL_VERSION},), "otherInstance.systemInfo").encode()
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, body).content)
    assert caught.value.faultCode == FaultCode.UNKNOWN_METHOD


def test_pbx_without_agent_answers_unknown_method_for_everything(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(agent_installed=False)]) as fleet:
        sim = fleet.pbxs[0]
        for entry_point in (EntryPoint.SYSTEM_INFO, EntryPoint.LIST_MODULES, EntryPoint.ACQUIRE_LOCK):
            assert fault_code(sim, entry_point, owner="x") is FaultCode.UNKNOWN_METHOD


def test_custom_agent_instance_name_is_honoured(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(agent_instance="mm-agent")]) as fleet:
        assert raw_call(fleet.pbxs[0], EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


@pytest.mark.parametrize("version", [None, 0, 2, "1"])
def test_missing_or_unsupported_protocol_version_is_refused(sim: SimulatedPbx, version: Any) -> None:
    fields = {} if version is None else {"protocolVersion": version}
    body = xmlrpc.client.dumps((fields,), "modmanager.listModules").encode()
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, body).content)
    assert caught.value.faultCode == FaultCode.PROTOCOL_UNSUPPORTED


def test_starface_older_than_7_answers_only_system_info(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx(starface="6.5.1.5")]) as fleet:
        sim = fleet.pbxs[0]
        assert raw_call(sim, EntryPoint.SYSTEM_INFO)["starfaceVersion"] == "6.5.1.5"
        assert fault_code(sim, EntryPoint.LIST_MODULES) is FaultCode.STARFACE_TOO_OLD
        assert fault_code(sim, EntryPoint.ACQUIRE_LOCK, owner="x") is FaultCode.STARFACE_TOO_OLD


def test_malformed_request_is_bad_request(sim: SimulatedPbx) -> None:
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, b"<methodCall><oops").content)
    assert caught.value.faultCode == FaultCode.BAD_REQUEST
    body = xmlrpc.client.dumps(("not a struct",), "modmanager.listModules").encode()
    with pytest.raises(xmlrpc.client.Fault) as caught:
        xmlrpc.client.loads(_post(sim, body).content)
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
    assert [(m.id, m.version) for m in modules] == [(SAMPLE_MODULE_ID, 126)]
    assert modules[0].active_instances == ("Weiterleitung Zentrale",)
    assert answer["protocolVersion"] == PROTOCOL_VERSION


def test_get_descriptor_answers_the_descriptor_and_on_request_the_file(sim: SimulatedPbx) -> None:
    answer = raw_call(sim, EntryPoint.GET_DESCRIPTOR, moduleId=SAMPLE_MODULE_ID)
    assert answer["descriptor"] == sim.state.modules[SAMPLE_MODULE_ID].descriptor_xml
    assert "moduleFile" not in answer
    with_file = raw_call(sim, EntryPoint.GET_DESCRIPTOR, moduleId=SAMPLE_MODULE_ID, includeModuleFile=True)
    assert with_file["moduleFile"] == sample_module()
    assert fault_code(sim, EntryPoint.GET_DESCRIPTOR, moduleId="nope") is FaultCode.MODULE_NOT_FOUND


def test_export_config_answers_values_and_active_flags(sim: SimulatedPbx) -> None:
    config = ModuleConfig.from_struct(raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID))
    instance = sim.state.modules[SAMPLE_MODULE_ID].instances[0]
    assert config.version == 126
    assert config.instance(instance.name) is not None
    assert config.instance(instance.name).values == instance.values  # type: ignore[union-attr]
    assert config.instances[0].active is True
    assert fault_code(sim, EntryPoint.EXPORT_CONFIG) is FaultCode.BAD_REQUEST


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
    assert raw_call(sim, EntryPoint.CREATE_INSTANCE, **fields) == {"name": "Neu", "active": False, "protocolVersion": 1}
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


def test_install_needs_a_committed_upload(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    upload_id = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))["uploadId"]
    raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=upload_id, offset=0, data=data)
    assert fault_code(sim, EntryPoint.INSTALL_UPLOADED, lockToken=token, uploadId=upload_id) is (
        FaultCode.UPLOAD_INCOMPLETE
    )


# --- installing: what a real PBX does ----------------------------------------------------------


def test_install_replaces_deactivates_and_keeps_settings_without_internal_database(sim: SimulatedPbx) -> None:
    before = dict(sim.state.modules[SAMPLE_MODULE_ID].instances[0].values)
    result = InstallResult.from_struct(install(sim, sample_module(130)))
    assert result == InstallResult(SAMPLE_MODULE_ID, 130, 126, ("Weiterleitung Zentrale",), settings_wiped=False)
    module = sim.state.modules[SAMPLE_MODULE_ID]
    assert module.version == 130
    assert [(inst.name, inst.active) for inst in module.instances] == [("Weiterleitung Zentrale", False)]
    assert module.instances[0].values == before
    assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"][0]["version"] == 130


def test_downgrade_works_like_an_upgrade(sim: SimulatedPbx) -> None:
    result = InstallResult.from_struct(install(sim, sample_module(117)))
    assert (result.previous_version, result.version) == (126, 117)
    assert sim.state.modules[SAMPLE_MODULE_ID].version == 117


def test_install_wipes_settings_of_modules_with_an_internal_database(tmp_path: Path) -> None:
    instances = [SimInstance("CRM", True, {"serverUrl": "https://crm.example.com"})]
    pbx = make_pbx(modules=[(database_module(3), instances), (sample_module(), [SimInstance("A", True, {"k": "v"})])])
    pbx.modules[DATABASE_MODULE_ID].internal_data = b"h2-database"
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        result = InstallResult.from_struct(install(sim, database_module(4)))
        assert result.settings_wiped is True
        assert result.deactivated_instances == ("CRM",)
        module = sim.state.modules[DATABASE_MODULE_ID]
        assert [(inst.name, inst.active, inst.values) for inst in module.instances] == [("CRM", False, {})]
        assert module.internal_data == b""
        assert sim.state.modules[SAMPLE_MODULE_ID].instances[0].values == {"k": "v"}


def test_a_new_module_is_installed_without_instances(sim: SimulatedPbx) -> None:
    result = InstallResult.from_struct(install(sim, build_sfm(NEW_MODULE)))
    assert result == InstallResult(NEW_MODULE.module_id, 7, None, (), settings_wiped=False)
    assert sim.state.modules[NEW_MODULE.module_id].instances == []


# --- persistence ----------------------------------------------------------------------------------


def test_state_survives_a_restart_but_the_lock_does_not(sim: SimulatedPbx) -> None:
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
    assert (
        fault_code(
            sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=pending["uploadId"], offset=600, data=data[600:]
        )
        is FaultCode.LOCK_REQUIRED
    )
    fresh = lock(sim)
    assert upload(sim, fresh, data) == pending["uploadId"]


def test_a_new_simulator_on_the_same_folder_resumes_the_saved_pbx(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx()]) as fleet:
        install(fleet.pbxs[0], sample_module(130))
        fingerprint = fleet.pbxs[0].fingerprint
    from modmanager.simulator.server import SimulatorFleet

    with SimulatorFleet(tmp_path / "sim") as again:
        sim = again.add(make_pbx(), resume=True)
        assert sim.fingerprint == fingerprint
        assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"][0]["version"] == 130


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
