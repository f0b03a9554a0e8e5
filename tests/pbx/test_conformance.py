"""Protocol conformance: does an agent implementation keep docs/agent-protocol.md?

Written against :class:`AgentUnderTest` (URL, credentials, pin, one installed module with at
least one instance, and a newer build of that module that may be installed), not against the
simulator's internals, so any agent can be run through it by adding a parameter to the
``agent_under_test`` fixture. The suite changes the PBX (locks, uploads, installs, instances):
point it at test PBXs only.
"""

from __future__ import annotations

import hashlib
import time
import xmlrpc.client
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.protocol import (
    PROTOCOL_VERSION,
    CommittedUpload,
    EntryPoint,
    FaultCode,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    SystemInfo,
    UploadState,
)
from modmanager.core.sfm import parse_descriptor
from modmanager.simulator.testing import SAMPLE_MODULE_ID, make_pbx, running_fleet, sample_module
from tests.pbx.pbx_helpers import AgentUnderTest, RawAgent


@pytest.fixture(params=["simulator"])
def agent_under_test(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AgentUnderTest]:
    """The agent implementations this suite runs against."""
    assert request.param == "simulator"
    with running_fleet(tmp_path, [make_pbx("conformance")]) as fleet:
        sim = fleet.pbxs[0]
        yield AgentUnderTest(
            url=sim.url,
            login_id=sim.state.login_id,
            password=sim.state.password,
            fingerprint=sim.fingerprint,
            agent_instance=sim.state.agent_instance,
            module_id=SAMPLE_MODULE_ID,
            module_file=sample_module(127),
        )


@pytest.fixture
def agent(agent_under_test: AgentUnderTest) -> Iterator[RawAgent]:
    raw = RawAgent(agent_under_test)
    try:
        yield raw
    finally:
        raw.close()


def fault_of(call: Callable[[], Any]) -> xmlrpc.client.Fault:
    with pytest.raises(xmlrpc.client.Fault) as caught:
        call()
    return caught.value


def lock(agent: RawAgent, owner: str = "conformance@suite", ttl: int = 300) -> str:
    grant = LockGrant.from_struct(agent.call(EntryPoint.ACQUIRE_LOCK, {"owner": owner, "ttlSeconds": ttl}))
    assert grant.owner == owner
    return grant.token


def installed(agent: RawAgent, module_id: str) -> InstalledModule:
    modules = [InstalledModule.from_struct(item) for item in agent.call(EntryPoint.LIST_MODULES)["modules"]]
    return next(module for module in modules if module.id == module_id)


# --- transport and envelope ----------------------------------------------------------------------


def test_read_only_answers_parse_and_carry_the_protocol_version(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    info = agent.call(EntryPoint.SYSTEM_INFO)
    assert SystemInfo.from_struct(info).protocol_version == PROTOCOL_VERSION
    answers = [
        info,
        agent.call(EntryPoint.LIST_MODULES),
        agent.call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id}),
        agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}),
    ]
    assert all(answer["protocolVersion"] == PROTOCOL_VERSION for answer in answers)
    assert installed(agent, module_id).instances
    assert ModuleConfig.from_struct(answers[3]).module_id == module_id
    assert parse_descriptor(answers[2]["descriptor"]).id == module_id


def test_module_file_is_returned_on_request(agent: RawAgent) -> None:
    answer = agent.call(EntryPoint.GET_DESCRIPTOR, {"moduleId": agent.target.module_id, "includeModuleFile": True})
    assert isinstance(answer["moduleFile"], bytes) and answer["moduleFile"].startswith(b"PK")


@pytest.mark.parametrize("version", [None, PROTOCOL_VERSION + 1])
def test_missing_or_foreign_protocol_version_is_refused(agent: RawAgent, version: int | None) -> None:
    fault = fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, protocol_version=version))
    assert fault.faultCode == FaultCode.PROTOCOL_UNSUPPORTED


def test_wrong_password_is_auth_failed(agent: RawAgent) -> None:
    assert fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, password="wrong")).faultCode == FaultCode.AUTH_FAILED


def test_unknown_entry_point_or_instance_is_unknown_method(agent: RawAgent) -> None:
    assert fault_of(lambda: agent.call("noSuchEntryPoint")).faultCode == FaultCode.UNKNOWN_METHOD
    other_instance = fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, instance="not-the-agent"))
    assert other_instance.faultCode == FaultCode.UNKNOWN_METHOD


def test_anything_but_one_struct_is_a_bad_request(agent: RawAgent) -> None:
    two = ({"protocolVersion": PROTOCOL_VERSION}, {"protocolVersion": PROTOCOL_VERSION})
    assert fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, params=two)).faultCode == FaultCode.BAD_REQUEST


def test_unknown_module_is_module_not_found(agent: RawAgent) -> None:
    fault = fault_of(lambda: agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": "00000000-0000-0000-0000-000000000000"}))
    assert fault.faultCode == FaultCode.MODULE_NOT_FOUND


# --- locks ---------------------------------------------------------------------------------------


def test_lock_is_exclusive_and_names_its_holder(agent: RawAgent) -> None:
    token = lock(agent, "anna@ws-1")
    fault = fault_of(lambda: lock(agent, "ben@ws-2"))
    assert fault.faultCode == FaultCode.LOCKED
    assert fault.faultString.startswith("locked by anna@ws-1")
    assert agent.call(EntryPoint.RELEASE_LOCK, {"lockToken": token})["released"] is True
    assert agent.call(EntryPoint.RELEASE_LOCK, {"lockToken": token})["released"] is False  # harmless twice
    lock(agent, "ben@ws-2")


def test_same_owner_gets_a_fresh_token_and_the_old_one_stops_working(agent: RawAgent) -> None:
    old = lock(agent, "anna@ws-1")
    new = lock(agent, "anna@ws-1")
    assert new != old
    module_id, name = agent.target.module_id, installed(agent, agent.target.module_id).instances[0].name
    change = {"moduleId": module_id, "instanceName": name, "active": True}
    assert fault_of(lambda: agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**change, "lockToken": old})).faultCode == (
        FaultCode.LOCK_REQUIRED
    )
    agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**change, "lockToken": new})


def test_lock_expires_after_its_ttl(agent: RawAgent) -> None:
    lock(agent, "anna@ws-1", ttl=1)
    time.sleep(1.5)
    lock(agent, "ben@ws-2")


@pytest.mark.parametrize(
    "entry_point",
    [EntryPoint.IMPORT_CONFIG, EntryPoint.UPLOAD_BEGIN, EntryPoint.CREATE_INSTANCE, EntryPoint.SET_INSTANCE_ACTIVE],
)
def test_mutating_calls_need_a_lock(agent: RawAgent, entry_point: EntryPoint) -> None:
    fault = fault_of(lambda: agent.call(entry_point, {"moduleId": agent.target.module_id}))
    assert fault.faultCode == FaultCode.LOCK_REQUIRED


# --- uploads and installing ----------------------------------------------------------------------


def begin(agent: RawAgent, token: str, data: bytes, sha256: str | None = None) -> UploadState:
    request = {"fileName": "module.sfm", "size": len(data), "sha256": sha256 or hashlib.sha256(data).hexdigest()}
    return UploadState.from_struct(agent.call(EntryPoint.UPLOAD_BEGIN, {**request, "lockToken": token}))


def chunk(agent: RawAgent, token: str, upload_id: str, offset: int, data: bytes) -> UploadState:
    request = {"uploadId": upload_id, "offset": offset, "data": data, "lockToken": token}
    return UploadState.from_struct(agent.call(EntryPoint.UPLOAD_CHUNK, request))


def test_upload_resumes_checks_offsets_and_installs_with_side_effects(agent: RawAgent) -> None:
    data, module_id = agent.target.module_file, agent.target.module_id
    were_active = set(installed(agent, module_id).active_instances)
    token = lock(agent)
    state = begin(agent, token, data)
    assert state.offset == 0 and state.chunk_size > 0
    half = len(data) // 2
    assert chunk(agent, token, state.upload_id, 0, data[:half]).offset == half

    resumed = begin(agent, token, data)  # same file again: the pending upload, not a new one
    assert (resumed.upload_id, resumed.offset) == (state.upload_id, half)
    status = UploadState.from_struct(agent.call(EntryPoint.UPLOAD_STATUS, {"uploadId": state.upload_id}))
    assert status.offset == half

    gap = fault_of(lambda: chunk(agent, token, state.upload_id, half + 1, data[half + 1 :]))
    assert gap.faultCode == FaultCode.OFFSET_MISMATCH and gap.faultString.endswith(f"expected offset {half}")
    early = fault_of(lambda: agent.call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": token}))
    assert early.faultCode == FaultCode.UPLOAD_INCOMPLETE

    assert chunk(agent, token, state.upload_id, 0, data).offset == len(data)  # overlap re-sent: accepted
    committed = CommittedUpload.from_struct(
        agent.call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": token})
    )
    assert committed.module_id == module_id and committed.sha256 == hashlib.sha256(data).hexdigest()

    before = installed(agent, module_id).version
    result = InstallResult.from_struct(
        agent.call(EntryPoint.INSTALL_UPLOADED, {"uploadId": state.upload_id, "lockToken": token})
    )
    assert (result.module_id, result.version, result.previous_version) == (module_id, committed.version, before)
    assert set(result.deactivated_instances) == were_active
    after = installed(agent, module_id)
    assert after.version == committed.version and after.active_instances == ()
    gone = fault_of(lambda: agent.call(EntryPoint.UPLOAD_STATUS, {"uploadId": state.upload_id}))
    assert gone.faultCode == FaultCode.UPLOAD_NOT_FOUND


@pytest.mark.parametrize(
    ("payload", "expected"),
    [(b"not a module at all", FaultCode.INVALID_MODULE), (None, FaultCode.CHECKSUM_MISMATCH)],
)
def test_commit_verifies_checksum_and_module(agent: RawAgent, payload: bytes | None, expected: FaultCode) -> None:
    token = lock(agent)
    data = payload or agent.target.module_file
    announced = None if payload else hashlib.sha256(b"other bytes").hexdigest()
    state = begin(agent, token, data, announced)
    chunk(agent, token, state.upload_id, 0, data)
    fault = fault_of(lambda: agent.call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": token}))
    assert fault.faultCode == expected


# --- configuration and instances -----------------------------------------------------------------


def test_import_of_an_unknown_instance_writes_nothing(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    before = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))
    known = before.instances[0].name
    instances = [{"name": known, "values": {}}, {"name": "no such instance", "values": {}}]
    request = {"moduleId": module_id, "instances": instances, "lockToken": lock(agent)}
    assert fault_of(lambda: agent.call(EntryPoint.IMPORT_CONFIG, request)).faultCode == FaultCode.INSTANCE_NOT_FOUND
    assert ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id})) == before


def test_import_replaces_values_and_keeps_the_active_state(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    before = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))
    target = before.instances[0]
    values = {key: value for key, value in target.values.items() if isinstance(value, str)}
    request = {"moduleId": module_id, "instances": [{"name": target.name, "values": values}], "lockToken": lock(agent)}
    agent.call(EntryPoint.IMPORT_CONFIG, request)
    after = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id})).instance(
        target.name
    )
    assert after is not None and after.values == values and after.active == target.active


def test_instance_life_cycle(agent: RawAgent) -> None:
    module_id, token = agent.target.module_id, lock(agent)
    base = {"moduleId": module_id, "instanceName": "Konformität", "lockToken": token}
    created = agent.call(EntryPoint.CREATE_INSTANCE, base)
    assert (created["name"], created["active"]) == ("Konformität", False)
    assert fault_of(lambda: agent.call(EntryPoint.CREATE_INSTANCE, base)).faultCode == FaultCode.INSTANCE_EXISTS
    for _ in range(2):  # setting the same state twice is harmless
        assert agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**base, "active": True})["active"] is True
    assert "Konformität" in installed(agent, module_id).active_instances
    assert agent.call(EntryPoint.DELETE_INSTANCE, base)["deleted"] is True
    assert fault_of(lambda: agent.call(EntryPoint.DELETE_INSTANCE, base)).faultCode == FaultCode.INSTANCE_NOT_FOUND
