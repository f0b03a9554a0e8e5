"""Protocol conformance: does an agent implementation keep docs/agent-protocol.md (protocol 2)?

Written against :class:`AgentUnderTest` (URL, credentials, agent secret, pin, one installed
module with at least one instance, a newer build of that module that may be installed, and
optionally a newer build of the agent itself), not against the simulator's internals, so any
agent can be run through it by adding a parameter to the ``agent_under_test`` fixture. What an
agent reports in ``capabilities`` decides which optional behaviour is checked and how. The
suite changes the PBX (locks, uploads, installs, instances): point it at test PBXs only.
"""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.protocol import (
    CommittedUpload,
    EntryPoint,
    FaultCode,
    InstalledModule,
    InstallResult,
    LockGrant,
    ModuleConfig,
    ModuleDescriptor,
    SystemInfo,
    UploadState,
)
from modmanager.core.sfm import parse_descriptor, read_sfm
from modmanager.simulator.state import agent_module
from modmanager.simulator.testing import (
    SAMPLE_MODULE_ID,
    TEST_AGENT_SECRET,
    default_instances,
    make_pbx,
    running_fleet,
    sample_module,
)
from tests.pbx.java_agent import build_agent, running_java_agent, with_descriptor_version
from tests.pbx.pbx_helpers import OMIT, AgentFaultAnswer, AgentUnderTest, RawAgent, TransportRefusal

SIMULATED = {"simulator": None, "simulator-without-capabilities": frozenset()}
JAVA_AGENT = "java-agent"


@pytest.fixture(params=[*SIMULATED, JAVA_AGENT])
def agent_under_test(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AgentUnderTest]:
    """The agent implementations this suite runs against: the simulator (with and without its
    optional abilities) and the Java agent in the STARFACE test host (agent/host)."""
    if request.param == JAVA_AGENT:
        preinstalled = [(sample_module(126), default_instances())]
        with running_java_agent(tmp_path, preinstalled=preinstalled, secret=TEST_AGENT_SECRET) as pbx:
            newer_agent = with_descriptor_version(build_agent().read_bytes(), 201)
            yield pbx.agent_under_test(SAMPLE_MODULE_ID, sample_module(127), agent_module_file=newer_agent)
        return
    capabilities = SIMULATED[request.param]
    overrides: dict[str, Any] = {} if capabilities is None else {"capabilities": capabilities}
    with running_fleet(tmp_path, [make_pbx("conformance", **overrides)]) as fleet:
        sim = fleet.pbxs[0]
        sim.self_update_delay, sim.self_update_downtime = 0.2, 0.3
        yield AgentUnderTest(
            url=sim.url,
            login_id=sim.state.login_id,
            password=sim.state.password,
            fingerprint=sim.fingerprint,
            agent_instance=sim.state.agent_instance,
            agent_secret=sim.agent_secret,
            module_id=SAMPLE_MODULE_ID,
            module_file=sample_module(127),
            agent_module_file=agent_module(201),
        )


@pytest.fixture
def agent(agent_under_test: AgentUnderTest) -> Iterator[RawAgent]:
    raw = RawAgent(agent_under_test)
    try:
        yield raw
    finally:
        raw.close()


def fault_of(call: Callable[[], Any]) -> AgentFaultAnswer:
    with pytest.raises(AgentFaultAnswer) as caught:
        call()
    return caught.value


def refusal_of(call: Callable[[], Any]) -> TransportRefusal:
    with pytest.raises(TransportRefusal) as caught:
        call()
    return caught.value


def info(agent: RawAgent) -> SystemInfo:
    return SystemInfo.from_struct(agent.call(EntryPoint.SYSTEM_INFO))


def lock(agent: RawAgent, owner: str = "conformance@suite", ttl: int = 300) -> str:
    grant = LockGrant.from_struct(agent.call(EntryPoint.ACQUIRE_LOCK, {"owner": owner, "ttlSeconds": ttl}))
    assert grant.owner == owner and grant.expires.endswith("Z")
    return grant.token


def modules(agent: RawAgent) -> dict[str, InstalledModule]:
    return {
        module.id: module
        for module in (InstalledModule.from_struct(item) for item in agent.call(EntryPoint.LIST_MODULES)["modules"])
    }


def installed(agent: RawAgent, module_id: str) -> InstalledModule:
    return modules(agent)[module_id]


# --- transport and envelope ----------------------------------------------------------------------


def test_read_only_answers_parse(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    facts = info(agent)
    assert facts.max_chunk_size > 0 and facts.max_upload_size > 0
    assert facts.agent_module_id in modules(agent)  # the agent lists itself
    assert installed(agent, module_id).instances
    descriptor = ModuleDescriptor.from_struct(agent.call(EntryPoint.GET_DESCRIPTOR, {"moduleId": module_id}))
    assert parse_descriptor(descriptor.descriptor).id == module_id
    config = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))
    assert config.module_id == module_id and config.instances


def test_module_file_is_returned_when_the_agent_can(agent: RawAgent) -> None:
    request = {"moduleId": agent.target.module_id, "includeModuleFile": True}
    module_file = ModuleDescriptor.from_struct(agent.call(EntryPoint.GET_DESCRIPTOR, request)).module_file
    if "moduleFile" not in info(agent).capabilities:
        assert module_file == b""
    elif module_file:  # "" is allowed: the agent may not have the file (installed before it)
        assert read_sfm(module_file).descriptor.id == agent.target.module_id


@pytest.mark.parametrize("version", [OMIT, 1, 3, "2"], ids=["missing", "1", "3", "string"])
def test_missing_or_foreign_protocol_version_is_refused(agent: RawAgent, version: Any) -> None:
    fault = fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, protocol_version=version))
    assert (fault.code, fault.name) == (FaultCode.PROTOCOL_UNSUPPORTED, "PROTOCOL_UNSUPPORTED")


@pytest.mark.parametrize("text", ["{not json", "[2]", '"text"', ""], ids=["invalid", "array", "string", "empty"])
def test_a_request_that_is_no_json_object_is_a_bad_request(agent: RawAgent, text: str) -> None:
    assert fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, request_text=text)).code == FaultCode.BAD_REQUEST


@pytest.mark.parametrize("secret", [OMIT, "", "not-the-secret"], ids=["missing", "empty", "wrong"])
def test_a_missing_or_wrong_secret_is_refused_for_every_entry_point(agent: RawAgent, secret: Any) -> None:
    for entry_point in (EntryPoint.SYSTEM_INFO, EntryPoint.LIST_MODULES, EntryPoint.ACQUIRE_LOCK):
        fault = fault_of(lambda point=entry_point: agent.call(point, {"owner": "x"}, secret=secret))  # type: ignore[misc]
        assert (fault.code, fault.name) == (FaultCode.SECRET_INVALID, "SECRET_INVALID")
        assert "not-the-secret" not in fault.message and agent.target.agent_secret not in fault.message


def test_checks_come_in_the_documented_order(agent: RawAgent) -> None:
    # version before secret, secret before lock and fields
    assert fault_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, protocol_version=1, secret="x")).code == (
        FaultCode.PROTOCOL_UNSUPPORTED
    )
    assert fault_of(lambda: agent.call(EntryPoint.IMPORT_CONFIG, {}, secret="x")).code == FaultCode.SECRET_INVALID
    assert fault_of(lambda: agent.call(EntryPoint.IMPORT_CONFIG, {})).code == FaultCode.LOCK_REQUIRED


def test_wrong_password_is_refused_by_starface(agent: RawAgent) -> None:
    refusal = refusal_of(lambda: agent.call(EntryPoint.SYSTEM_INFO, password="wrong"))
    assert refusal.http_status in (401, 403) or refusal.fault_code == FaultCode.AUTH_FAILED


def test_unknown_entry_point_or_instance_is_refused_by_starface(agent: RawAgent) -> None:
    for call in (lambda: agent.call("noSuchEntryPoint"), lambda: agent.call("systemInfo", instance="not-the-agent")):
        refusal = refusal_of(call)
        assert refusal.http_status == 404 or refusal.fault_code == FaultCode.UNKNOWN_METHOD or (
            "method" in refusal.text.lower() or "handler" in refusal.text.lower()
        )


def test_unknown_module_is_module_not_found(agent: RawAgent) -> None:
    fault = fault_of(lambda: agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": "00000000-0000-0000-0000-000000000000"}))
    assert fault.code == FaultCode.MODULE_NOT_FOUND


def test_unknown_request_fields_are_ignored(agent: RawAgent) -> None:
    assert agent.call(EntryPoint.LIST_MODULES, {"fromTheFuture": {"x": [1]}})["modules"]


# --- locks ---------------------------------------------------------------------------------------


def test_lock_is_exclusive_and_names_its_holder(agent: RawAgent) -> None:
    token = lock(agent, "anna@ws-1")
    fault = fault_of(lambda: lock(agent, "ben@ws-2"))
    assert fault.code == FaultCode.LOCKED
    assert fault.message.startswith("locked by anna@ws-1 until ") and fault.message.endswith("Z")
    assert agent.call(EntryPoint.RELEASE_LOCK, {"lockToken": token})["released"] is True
    assert agent.call(EntryPoint.RELEASE_LOCK, {"lockToken": token})["released"] is False  # harmless twice
    lock(agent, "ben@ws-2")


def test_same_owner_gets_a_fresh_token_and_the_old_one_stops_working(agent: RawAgent) -> None:
    old = lock(agent, "anna@ws-1")
    new = lock(agent, "anna@ws-1")
    assert new != old
    module_id, name = agent.target.module_id, installed(agent, agent.target.module_id).instances[0].name
    change = {"moduleId": module_id, "instanceName": name, "active": True}
    assert fault_of(lambda: agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**change, "lockToken": old})).code == (
        FaultCode.LOCK_REQUIRED
    )
    agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**change, "lockToken": new})


def test_lock_expires_after_its_ttl(agent: RawAgent) -> None:
    lock(agent, "anna@ws-1", ttl=1)
    time.sleep(1.5)
    lock(agent, "ben@ws-2")


@pytest.mark.parametrize("ttl", [0, 3601])
def test_lock_ttl_is_one_second_to_an_hour(agent: RawAgent, ttl: int) -> None:
    assert fault_of(lambda: lock(agent, ttl=ttl)).code == FaultCode.BAD_REQUEST


@pytest.mark.parametrize(
    "entry_point",
    [EntryPoint.IMPORT_CONFIG, EntryPoint.UPLOAD_BEGIN, EntryPoint.CREATE_INSTANCE, EntryPoint.SET_INSTANCE_ACTIVE],
)
def test_mutating_calls_need_a_lock(agent: RawAgent, entry_point: EntryPoint) -> None:
    fault = fault_of(lambda: agent.call(entry_point, {"moduleId": agent.target.module_id}))
    assert fault.code == FaultCode.LOCK_REQUIRED


# --- uploads and installing ----------------------------------------------------------------------


def begin(
    agent: RawAgent, token: str, data: bytes, sha256: str | None = None, inline: bytes | None = None
) -> UploadState:
    request: dict[str, Any] = {
        "fileName": "module.sfm",
        "size": len(data),
        "sha256": sha256 or hashlib.sha256(data).hexdigest(),
        "lockToken": token,
    }
    if inline is not None:
        request["data"] = inline
    return UploadState.from_struct(agent.call(EntryPoint.UPLOAD_BEGIN, request))


def chunk(agent: RawAgent, token: str, upload_id: str, offset: int, data: bytes) -> UploadState:
    request = {"uploadId": upload_id, "offset": offset, "data": data, "lockToken": token}
    return UploadState.from_struct(agent.call(EntryPoint.UPLOAD_CHUNK, request))


def install(agent: RawAgent, token: str, upload_id: str) -> InstallResult:
    request = {"uploadId": upload_id, "lockToken": token}
    return InstallResult.from_struct(agent.call(EntryPoint.INSTALL_UPLOADED, request))


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
    assert gap.code == FaultCode.OFFSET_MISMATCH and gap.message.endswith(f"expected offset {half}")
    early = fault_of(lambda: agent.call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": token}))
    assert early.code == FaultCode.UPLOAD_INCOMPLETE
    too_early = fault_of(lambda: install(agent, token, state.upload_id))
    assert too_early.code == FaultCode.UPLOAD_INCOMPLETE

    assert chunk(agent, token, state.upload_id, 0, data).offset == len(data)  # overlap re-sent: accepted
    committed = CommittedUpload.from_struct(
        agent.call(EntryPoint.UPLOAD_COMMIT, {"uploadId": state.upload_id, "lockToken": token})
    )
    assert committed.module_id == module_id and committed.sha256 == hashlib.sha256(data).hexdigest()

    before = installed(agent, module_id).version
    result = install(agent, token, state.upload_id)
    assert (result.module_id, result.version, result.previous_version) == (module_id, committed.version, before)
    assert result.deferred is False
    assert set(result.deactivated_instances) == were_active
    after = installed(agent, module_id)
    assert after.version == committed.version and after.active_instances == ()
    gone = fault_of(lambda: agent.call(EntryPoint.UPLOAD_STATUS, {"uploadId": state.upload_id}))
    assert gone.code == FaultCode.UPLOAD_NOT_FOUND


def test_the_whole_file_inline_in_upload_begin_installs_with_an_implicit_commit(agent: RawAgent) -> None:
    data, module_id, facts = agent.target.module_file, agent.target.module_id, info(agent)
    assert len(data) <= facts.max_chunk_size
    token = lock(agent)
    state = begin(agent, token, data, inline=data)
    assert state.offset == len(data)
    result = install(agent, token, state.upload_id)
    assert (result.module_id, result.version) == (module_id, read_sfm(data).descriptor.version)
    assert installed(agent, module_id).version == result.version
    if "moduleFile" in facts.capabilities:  # a module installed through the agent: it has the file
        request = {"moduleId": module_id, "includeModuleFile": True}
        assert ModuleDescriptor.from_struct(agent.call(EntryPoint.GET_DESCRIPTOR, request)).module_file == data


def test_the_first_chunk_inline_continues_in_chunks(agent: RawAgent) -> None:
    data = agent.target.module_file
    token = lock(agent)
    state = begin(agent, token, data, inline=data[:100])
    assert state.offset == 100
    assert chunk(agent, token, state.upload_id, 100, data[100:]).offset == len(data)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [(b"not a module at all", FaultCode.INVALID_MODULE), (None, FaultCode.CHECKSUM_MISMATCH)],
)
@pytest.mark.parametrize("how", ["commit", "install"])
def test_commit_and_install_verify_checksum_and_module(
    agent: RawAgent, payload: bytes | None, expected: FaultCode, how: str
) -> None:
    token = lock(agent)
    data = payload or agent.target.module_file
    announced = None if payload else hashlib.sha256(b"other bytes").hexdigest()
    state = begin(agent, token, data, announced)
    chunk(agent, token, state.upload_id, 0, data)
    if how == "commit":
        request = {"uploadId": state.upload_id, "lockToken": token}
        fault = fault_of(lambda: agent.call(EntryPoint.UPLOAD_COMMIT, request))
    else:
        fault = fault_of(lambda: install(agent, token, state.upload_id))
    assert fault.code == expected
    gone = fault_of(lambda: agent.call(EntryPoint.UPLOAD_STATUS, {"uploadId": state.upload_id}))
    assert gone.code == FaultCode.UPLOAD_NOT_FOUND  # a failed check discards the upload


def test_upload_limits_are_enforced(agent: RawAgent) -> None:
    facts = info(agent)
    token = lock(agent)
    request = {"size": facts.max_upload_size + 1, "sha256": "0" * 64, "lockToken": token}
    too_large = fault_of(lambda: agent.call(EntryPoint.UPLOAD_BEGIN, request))
    assert too_large.code == FaultCode.UPLOAD_TOO_LARGE
    size = facts.max_chunk_size + 10
    state = begin(agent, token, b"\0" * size)
    oversized = fault_of(lambda: chunk(agent, token, state.upload_id, 0, b"\0" * (facts.max_chunk_size + 1)))
    assert oversized.code == FaultCode.BAD_REQUEST


# --- configuration and instances -----------------------------------------------------------------


def test_export_reports_values_with_their_types(agent: RawAgent) -> None:
    exported = agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": agent.target.module_id})
    assert isinstance(exported["internalData"], str)
    base64.b64decode(exported["internalData"], validate=True)
    for instance in exported["instances"]:
        assert isinstance(instance["types"], dict)
        assert set(instance["types"]) <= set(instance["values"])


def test_import_of_an_unknown_instance_writes_nothing(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    before = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))
    known = before.instances[0].name
    instances = [{"name": known, "values": {}}, {"name": "no such instance", "values": {}}]
    request = {"moduleId": module_id, "instances": instances, "lockToken": lock(agent)}
    assert fault_of(lambda: agent.call(EntryPoint.IMPORT_CONFIG, request)).code == FaultCode.INSTANCE_NOT_FOUND
    assert ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id})) == before


def test_import_replaces_values_and_keeps_the_active_state(agent: RawAgent) -> None:
    module_id = agent.target.module_id
    before = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id}))
    target = before.instances[0]
    values = {key: value for key, value in target.values.items() if isinstance(value, str)}
    request = {"moduleId": module_id, "instances": [{"name": target.name, "values": values}], "lockToken": lock(agent)}
    answer = agent.call(EntryPoint.IMPORT_CONFIG, request)
    assert answer["instances"] == [target.name] and answer["internalDataRestored"] is False
    after = ModuleConfig.from_struct(agent.call(EntryPoint.EXPORT_CONFIG, {"moduleId": module_id})).instance(
        target.name
    )
    assert after is not None and after.values == values and after.active == target.active


def test_instance_life_cycle(agent: RawAgent) -> None:
    module_id, token = agent.target.module_id, lock(agent)
    base = {"moduleId": module_id, "instanceName": "Konformität", "lockToken": token}
    created = agent.call(EntryPoint.CREATE_INSTANCE, base)
    assert (created["name"], created["active"]) == ("Konformität", False)
    assert fault_of(lambda: agent.call(EntryPoint.CREATE_INSTANCE, base)).code == FaultCode.INSTANCE_EXISTS
    for _ in range(2):  # setting the same state twice is harmless
        assert agent.call(EntryPoint.SET_INSTANCE_ACTIVE, {**base, "active": True})["active"] is True
    assert "Konformität" in installed(agent, module_id).active_instances
    if "deleteInstance" in info(agent).capabilities:
        assert agent.call(EntryPoint.DELETE_INSTANCE, base)["deleted"] is True
        assert fault_of(lambda: agent.call(EntryPoint.DELETE_INSTANCE, base)).code == FaultCode.INSTANCE_NOT_FOUND
    else:
        assert fault_of(lambda: agent.call(EntryPoint.DELETE_INSTANCE, base)).code == FaultCode.NOT_SUPPORTED
        assert "Konformität" in {inst.name for inst in installed(agent, module_id).instances}


def test_not_supported_comes_before_the_lock(agent: RawAgent) -> None:
    if "deleteInstance" in info(agent).capabilities:
        pytest.skip("this agent can delete instances")
    request = {"moduleId": agent.target.module_id, "instanceName": "x"}
    assert fault_of(lambda: agent.call(EntryPoint.DELETE_INSTANCE, request)).code == FaultCode.NOT_SUPPORTED


# --- the agent installs itself --------------------------------------------------------------------


def test_installing_the_agent_itself_is_deferred(agent: RawAgent) -> None:
    new_agent = agent.target.agent_module_file
    if new_agent is None:
        pytest.skip("no newer agent build given")
    facts = info(agent)
    token = lock(agent)
    state = begin(agent, token, new_agent, inline=new_agent)
    if "selfUpdate" not in facts.capabilities:
        assert fault_of(lambda: install(agent, token, state.upload_id)).code == FaultCode.NOT_SUPPORTED
        return
    version = read_sfm(new_agent).descriptor.version
    result = install(agent, token, state.upload_id)
    assert (result.module_id, result.version, result.deferred) == (facts.agent_module_id, version, True)
    give_up = time.monotonic() + 120
    while time.monotonic() < give_up:
        try:
            if installed(agent, facts.agent_module_id).version == version:
                break
        except (AgentFaultAnswer, TransportRefusal, OSError):
            pass  # the agent is re-importing itself
        time.sleep(0.2)
    assert installed(agent, facts.agent_module_id).version == version
    assert info(agent).agent_module_id == facts.agent_module_id  # answers with the same secret
    # The lock survives the agent's new revision.
    assert agent.call(EntryPoint.RELEASE_LOCK, {"lockToken": token})["released"] is True
