"""The agent client against the simulated STARFACE over real HTTPS sockets: every entry point,
each injected fault mapped to its documented error code, resumed uploads, fewer round trips,
agents without optional capabilities, the agent updating itself, and no secret leaks."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import pytest

from modmanager.core.errors import PbxError
from modmanager.core.protocol import (
    AGENT_MODULE_ID,
    Capability,
    EntryPoint,
    FaultCode,
    InstanceConfig,
    ModuleConfig,
    auth_token,
)
from modmanager.core.values import FileResource, TimerSettings
from modmanager.pbx.client import FAULT_ERRORS, AgentClient
from modmanager.simulator.faults import CorruptMode, FaultKind
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.state import agent_module
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
    TEST_AGENT_SECRET,
    TEST_LOGIN,
    TEST_PASSWORD,
    database_module,
    make_pbx,
    running_fleet,
    sample_module,
)
from tests.fixtures.recording import recorded_calls

INSTANCE = "Weiterleitung Zentrale"


def _client(sim: SimulatedPbx, *, secret: str = TEST_AGENT_SECRET, **options: Any) -> AgentClient:
    options.setdefault("timeout", 2.0)
    return AgentClient(
        sim.url, TEST_LOGIN, options.pop("password", TEST_PASSWORD), agent_secret=secret,
        fingerprint=sim.fingerprint, **options,
    )


def _error(call: object) -> PbxError:
    assert callable(call)
    with pytest.raises(PbxError) as caught:
        call()
    return caught.value


# --- reading ---------------------------------------------------------------------------------


def test_system_info_reports_the_pbx_and_the_agent(client: AgentClient, sim: SimulatedPbx) -> None:
    info = client.system_info()
    assert info.starface_version == sim.state.starface_version
    assert info.server_license_key == sim.state.server_license_key
    assert info.licenses == tuple(sim.state.licenses)
    assert info.agent_version == sim.state.agent_version == "200"
    assert info.agent_module_id == AGENT_MODULE_ID
    assert all(client.supports(capability) for capability in Capability)


def test_every_request_carries_version_and_secret_as_json(client: AgentClient, sim: SimulatedPbx) -> None:
    import json
    import xmlrpc.client

    seen: list[dict[str, Any]] = []
    original = sim.handle_request

    def spy(auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
        (params,), _ = xmlrpc.client.loads(body)
        seen.append(json.loads(params["request"]))
        return original(auth, body, stopped)

    sim.handle_request = spy  # type: ignore[method-assign]
    client.list_modules()
    client.export_config(SAMPLE_MODULE_ID)
    assert [(item["protocolVersion"], item["agentSecret"]) for item in seen] == [(2, TEST_AGENT_SECRET)] * 2


def test_list_modules_shows_instances_and_their_state(client: AgentClient) -> None:
    modules = {module.id: module for module in client.list_modules()}
    sample = modules[SAMPLE_MODULE_ID]
    assert sample.version == 126
    assert sample.active_instances == (INSTANCE,)


def test_descriptor_and_module_file_of_the_installed_module(client: AgentClient, sim: SimulatedPbx) -> None:
    assert client.get_descriptor(SAMPLE_MODULE_ID) == sim.state.modules[SAMPLE_MODULE_ID].descriptor_xml
    assert client.get_module_file(SAMPLE_MODULE_ID) == sample_module(126)


def test_an_agent_without_optional_capabilities(tmp_path: Path) -> None:
    pbx = make_pbx(capabilities=frozenset())
    pbx.modules[SAMPLE_MODULE_ID].internal_data = b"kept"
    with running_fleet(tmp_path, [pbx]) as fleet, _client(fleet.pbxs[0]) as client:
        sim = fleet.pbxs[0]
        with recorded_calls(sim) as calls:
            assert client.get_module_file(SAMPLE_MODULE_ID) == b""  # not even asked for
        assert calls == ["systemInfo"]
        config = client.export_config(SAMPLE_MODULE_ID)
        assert config.internal_data == b""
        with client.locked("anna@ws-1") as lock:
            restored = client.import_config(lock, ModuleConfig(SAMPLE_MODULE_ID, 126, config.instances, b"other"))
            assert restored.internal_data_restored is False
            error = _error(lambda: client.delete_instance(lock, SAMPLE_MODULE_ID, INSTANCE))
        assert error.code == "not_supported"
        assert "update the modmanager agent module" in error.hint.lower()
        assert sim.state.modules[SAMPLE_MODULE_ID].internal_data == b"kept"


def test_export_config_returns_values_by_variable_id(client: AgentClient, sim: SimulatedPbx) -> None:
    config = client.export_config(SAMPLE_MODULE_ID)
    instance = config.instance(INSTANCE)
    assert instance is not None and instance.active
    assert instance.values == sim.state.modules[SAMPLE_MODULE_ID].instances[0].values


def test_unknown_module_is_module_not_found(client: AgentClient) -> None:
    assert _error(lambda: client.export_config("no-such-module")).code == "module_not_found"


# --- locks -----------------------------------------------------------------------------------


def test_lock_held_by_another_names_its_owner(client: AgentClient) -> None:
    with client.locked("anna@ws-1"):
        error = _error(lambda: client.acquire_lock("ben@ws-2"))
        assert error.code == "locked"
        assert "anna@ws-1" in error.message
    client.release_lock(client.acquire_lock("ben@ws-2"))  # released by the with block


def test_changes_without_a_valid_lock_are_refused(client: AgentClient) -> None:
    stale = client.acquire_lock("anna@ws-1")
    client.release_lock(stale)
    error = _error(lambda: client.set_instance_active(stale, SAMPLE_MODULE_ID, INSTANCE, False))
    assert error.code == "lock_required"


# --- upload, install, restore ----------------------------------------------------------------


def test_update_round_trip_restores_settings(client: AgentClient, sim: SimulatedPbx) -> None:
    before = client.export_config(SAMPLE_MODULE_ID)
    seen: list[tuple[int, int]] = []
    with client.locked("anna@ws-1") as lock:
        with recorded_calls(sim) as calls:
            uploaded = client.upload(
                lock, sample_module(127), "Sample_v127.sfm", progress=lambda a, b: seen.append((a, b))
            )
            result = client.install_uploaded(lock, uploaded)
        # A module file fits into the first request: no chunk, no separate commit.
        assert calls == ["systemInfo", "uploadBegin", "installUploaded"]
        assert uploaded.committed is None
        assert (result.module_id, result.deferred) == (SAMPLE_MODULE_ID, False)
        assert (result.version, result.previous_version) == (127, 126)
        assert result.deactivated_instances == (INSTANCE,)
        assert result.settings_wiped is False
        client.import_config(lock, before)
        client.set_instance_active(lock, SAMPLE_MODULE_ID, INSTANCE, True)
    after = client.export_config(SAMPLE_MODULE_ID)
    assert after.version == 127
    assert after.instances == before.instances
    assert seen[-1] == (len(sample_module(127)), len(sample_module(127)))


def test_a_file_larger_than_a_chunk_goes_in_chunks_and_is_committed(tmp_path: Path) -> None:
    data = sample_module(127)
    with running_fleet(tmp_path, [make_pbx(max_chunk_size=1024)]) as fleet, _client(fleet.pbxs[0]) as client:
        sim = fleet.pbxs[0]
        with client.locked("anna@ws-1") as lock:
            with recorded_calls(sim) as calls:
                uploaded = client.upload(lock, data, "Sample_v127.sfm")
            chunks = -(-len(data) // 1024) - 1
            assert calls == ["systemInfo", "uploadBegin", *["uploadChunk"] * chunks, "uploadCommit"]
            assert uploaded.committed is not None and uploaded.committed.version == 127
            assert client.install_uploaded(lock, uploaded).version == 127


def test_resource_values_round_trip(client: AgentClient, sim: SimulatedPbx) -> None:
    values = {
        "days": ["Mo", "Di"],
        "routes": {"110": "Zentrale"},
        "greeting": FileResource("ansage.wav", bytes(range(256))),
        "schedule": TimerSettings(1_700_000_000_000, "DAY", 2),
    }
    config = ModuleConfig(SAMPLE_MODULE_ID, 126, (InstanceConfig(INSTANCE, True, values),))
    with client.locked("anna@ws-1") as lock:
        client.import_config(lock, config)
    exported = client.export_config(SAMPLE_MODULE_ID).instance(INSTANCE)
    assert exported is not None and exported.values == values
    assert exported.types["greeting"] == "FILE_RESOURCE"


def test_settings_too_large_for_one_request_are_refused_before_sending(client: AgentClient, sim: SimulatedPbx) -> None:
    big = FileResource("huge.bin", b"x" * (1024 * 1024))
    config = ModuleConfig(SAMPLE_MODULE_ID, 126, (InstanceConfig(INSTANCE, True, {"blob": big}),))
    with client.locked("anna@ws-1") as lock, recorded_calls(sim) as calls:
        error = _error(lambda: client.import_config(lock, config))
    assert error.code == "request_too_large"
    assert "importConfig" not in calls


def test_the_agent_updates_itself_and_the_client_waits_for_it(client: AgentClient, sim: SimulatedPbx) -> None:
    sim.self_update_delay, sim.self_update_downtime = 0.3, 0.5
    with client.locked("anna@ws-1") as lock:
        result = client.install_uploaded(lock, client.upload(lock, agent_module(201), "agent.sfm"))
        assert (result.module_id, result.version, result.previous_version, result.deferred) == (
            AGENT_MODULE_ID, 201, 200, True
        )
        info = client.wait_for_agent(201, poll_seconds=0.1)
    assert info.agent_version == "201"
    assert sim.state.modules[AGENT_MODULE_ID].instances[0].active


def test_waiting_for_an_agent_that_never_comes_back_gives_up(client: AgentClient, sim: SimulatedPbx) -> None:
    error = _error(lambda: client.wait_for_agent(999, wait_seconds=0.5, poll_seconds=0.1))
    assert error.code == "agent_update_timeout"
    assert "999" in error.message


def test_install_wipes_a_module_with_an_internal_database(tmp_path: Path) -> None:
    pbx = make_pbx("db", modules=[(database_module(3), [])])
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        with _client(sim) as client:
            with client.locked("anna@ws-1") as lock:
                client.create_instance(lock, DATABASE_MODULE_ID, "Sync")
                result = client.install_uploaded(lock, client.upload(lock, database_module(4), "db.sfm"))
            assert result.settings_wiped is True


def test_invalid_module_file_is_refused(client: AgentClient) -> None:
    with client.locked("anna@ws-1") as lock:
        uploaded = client.upload(lock, b"not a zip file at all", "broken.sfm")
        error = _error(lambda: client.install_uploaded(lock, uploaded))  # the install commits, and checks
    assert error.code == "invalid_module"


def test_upload_resumes_after_a_dropped_connection(tmp_path: Path) -> None:
    data = sample_module(127)
    with running_fleet(tmp_path, [make_pbx(max_chunk_size=512)]) as fleet, _client(fleet.pbxs[0]) as client:
        sim = fleet.pbxs[0]
        sim.faults.drop_mid_upload()
        seen: list[int] = []
        with client.locked("anna@ws-1") as lock:
            uploaded = client.upload(lock, data, "Sample_v127.sfm", progress=lambda done, total: seen.append(done))
        assert uploaded.committed is not None and uploaded.committed.version == 127
        assert FaultKind.DROP_MID_UPLOAD in sim.faults.fired_kinds()
        assert any(0 < done < len(data) and done % 512 for done in seen)  # resumed from the agent's partial offset


def test_a_file_larger_than_the_agent_takes_is_refused_before_sending(tmp_path: Path) -> None:
    with (
        running_fleet(tmp_path, [make_pbx(max_upload_size=1000)]) as fleet,
        _client(fleet.pbxs[0]) as client,
        client.locked("anna@ws-1") as lock,
    ):
        error = _error(lambda: client.upload(lock, sample_module(127), "big.sfm"))
    assert error.code == "upload_too_large"


def test_cancelled_upload_stops_before_sending(client: AgentClient) -> None:
    with client.locked("anna@ws-1") as lock:
        error = _error(lambda: client.upload(lock, sample_module(127), "x.sfm", cancelled=lambda: True))
    assert error.code == "cancelled"


def test_instances_can_be_created_switched_and_deleted(client: AgentClient, sim: SimulatedPbx) -> None:
    with client.locked("anna@ws-1") as lock:
        client.create_instance(lock, SAMPLE_MODULE_ID, "Filiale")
        assert _error(lambda: client.create_instance(lock, SAMPLE_MODULE_ID, "Filiale")).code == "instance_exists"
        client.set_instance_active(lock, SAMPLE_MODULE_ID, "Filiale", True)
        client.set_instance_active(lock, SAMPLE_MODULE_ID, "Filiale", True)  # idempotent
        module = next(m for m in client.list_modules() if m.id == SAMPLE_MODULE_ID)
        assert set(module.active_instances) == {INSTANCE, "Filiale"}
        client.delete_instance(lock, SAMPLE_MODULE_ID, "Filiale")
        missing = _error(lambda: client.delete_instance(lock, SAMPLE_MODULE_ID, "Filiale"))
        assert missing.code == "instance_not_found"


# --- errors a person can act on --------------------------------------------------------------


def test_wrong_password_is_auth_failed(sim: SimulatedPbx) -> None:
    with _client(sim, password="wrong") as client:
        assert _error(client.system_info).code == "auth_failed"


def test_wrong_agent_secret_is_secret_invalid_and_says_where_to_look(sim: SimulatedPbx) -> None:
    with _client(sim, secret="not the secret") as client:
        error = _error(client.system_info)
    assert error.code == "secret_invalid"
    assert error.message == f"The agent on {sim.url} refused the agent secret."
    assert error.hint.startswith(
        "Enter the secret set in the agent's module configuration (STARFACE admin > Module > Modul-Konfiguration)"
    )
    assert "not the secret" not in str(error) and TEST_AGENT_SECRET not in str(error)


def test_wrong_agent_instance_is_agent_missing(sim: SimulatedPbx) -> None:
    with _client(sim, agent_instance="nope") as client:
        error = _error(client.list_modules)
    assert error.code == "agent_missing"
    assert "modmanager agent export" in error.hint and "docs/agent-install" in error.hint


def test_old_starface_is_reported(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx("old", starface="6.5.1.5")]) as fleet:
        sim = fleet.pbxs[0]
        with _client(sim) as client:
            assert client.system_info().starface_version == "6.5.1.5"
            assert _error(client.list_modules).code == "starface_too_old"


@pytest.mark.parametrize("fault", list(FaultCode), ids=lambda f: f.name)
def test_every_fault_code_maps_to_its_documented_error(
    client: AgentClient, sim: SimulatedPbx, fault: FaultCode
) -> None:
    sim.faults.fail(EntryPoint.LIST_MODULES, code=fault)
    error = _error(client.list_modules)
    assert error.code == FAULT_ERRORS[fault]
    assert error.message and error.hint


@pytest.mark.parametrize("mode", list(CorruptMode), ids=str)
def test_garbled_answers_are_bad_answer(client: AgentClient, sim: SimulatedPbx, mode: CorruptMode) -> None:
    sim.faults.corrupt(EntryPoint.SYSTEM_INFO, mode=mode)
    error = _error(client.system_info)
    assert error.code == "bad_answer"
    assert error.message == "The PBX sent an answer modmanager cannot read."


def test_idempotent_call_is_retried_after_a_timeout(client: AgentClient, sim: SimulatedPbx) -> None:
    sim.faults.timeout_on(EntryPoint.LIST_MODULES, seconds=3)
    assert client.list_modules()
    assert sim.faults.fired_kinds() == [FaultKind.TIMEOUT]


def test_mutating_call_is_not_retried_after_a_timeout(client: AgentClient, sim: SimulatedPbx) -> None:
    with client.locked("anna@ws-1") as lock:
        sim.faults.timeout_on(EntryPoint.CREATE_INSTANCE, times=None, seconds=3)
        error = _error(lambda: client.create_instance(lock, SAMPLE_MODULE_ID, "Filiale"))
        sim.faults.clear()
    assert error.code == "unreachable"
    assert "may or may not have taken effect" in error.message
    assert sim.faults.fired_kinds() == [FaultKind.TIMEOUT]


def test_refused_connections_are_unreachable(client: AgentClient, sim: SimulatedPbx) -> None:
    sim.faults.refuse_connections = True
    assert _error(client.system_info).code == "unreachable"
    assert sim.faults.fired_kinds().count(FaultKind.REFUSE) >= 3  # first try plus two retries


def test_stopped_pbx_is_unreachable(client: AgentClient, sim: SimulatedPbx) -> None:
    sim.stop()
    assert _error(client.system_info).code == "unreachable"


def test_a_restart_keeps_the_lock(client: AgentClient, sim: SimulatedPbx) -> None:
    lock = client.acquire_lock("anna@ws-1")
    sim.faults.restart_before(EntryPoint.SET_INSTANCE_ACTIVE)
    client.set_instance_active(lock, SAMPLE_MODULE_ID, INSTANCE, False)
    assert client.release_lock(lock) is True


def test_an_expired_lock_is_lock_required(client: AgentClient, sim: SimulatedPbx) -> None:
    lock = client.acquire_lock("anna@ws-1")
    sim.forget_lock()
    error = _error(lambda: client.set_instance_active(lock, SAMPLE_MODULE_ID, INSTANCE, False))
    assert error.code == "lock_required"


# --- secrets ---------------------------------------------------------------------------------


def test_password_token_and_agent_secret_never_leak(sim: SimulatedPbx, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = "Geheim-Passwort-42"
    secret = "Agenten-Geheimnis-43"
    token = auth_token(TEST_LOGIN, password).split(":", 1)[1]
    texts: list[str] = []
    with _client(sim, password=password, secret=secret, timeout=0.5, retries=1) as client:
        texts.append(repr(client))
        texts.append(str(_error(client.system_info)))  # auth failure
    with _client(sim, secret=secret, timeout=0.5, retries=1) as client:
        texts.append(str(_error(client.system_info)))  # wrong secret
    with _client(sim, password=password, secret=secret, timeout=0.5, retries=1) as client:
        sim.faults.timeout_on(EntryPoint.SYSTEM_INFO, times=None, seconds=2)
        texts.append(str(_error(client.system_info)))  # timeout
        sim.faults.clear()
        sim.stop()
        timeout_error = _error(client.system_info)  # refused
        texts.append(str(timeout_error))
    assert timeout_error.__cause__ is None and timeout_error.__suppress_context__
    own_logs = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("modmanager.pbx"))
    everything = "\n".join(texts) + own_logs
    assert password not in everything
    assert token not in everything
    assert "de.vertico.starface.auth" not in everything
    assert secret not in everything
