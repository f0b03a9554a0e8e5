"""The agent client against the simulated STARFACE over real HTTPS sockets: every entry point,
each injected fault mapped to its documented error code, resumed uploads, and no secret leaks."""

from __future__ import annotations

import logging

import pytest

from modmanager.core.errors import PbxError
from modmanager.core.protocol import EntryPoint, FaultCode, auth_token
from modmanager.pbx.client import FAULT_ERRORS, AgentClient
from modmanager.simulator.faults import CorruptMode, FaultKind
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
    TEST_LOGIN,
    TEST_PASSWORD,
    database_module,
    make_pbx,
    running_fleet,
    sample_module,
)

INSTANCE = "Weiterleitung Zentrale"


def _error(call: object) -> PbxError:
    assert callable(call)
    with pytest.raises(PbxError) as caught:
        call()
    return caught.value


# --- reading ---------------------------------------------------------------------------------


def test_system_info_reports_the_pbx(client: AgentClient, sim: SimulatedPbx) -> None:
    info = client.system_info()
    assert info.starface_version == sim.state.starface_version
    assert info.server_license_key == sim.state.server_license_key
    assert info.licenses == tuple(sim.state.licenses)
    assert info.agent_version == sim.state.agent_version


def test_list_modules_shows_instances_and_their_state(client: AgentClient) -> None:
    modules = {module.id: module for module in client.list_modules()}
    sample = modules[SAMPLE_MODULE_ID]
    assert sample.version == 126
    assert sample.active_instances == (INSTANCE,)


def test_descriptor_and_module_file_of_the_installed_module(client: AgentClient, sim: SimulatedPbx) -> None:
    assert client.get_descriptor(SAMPLE_MODULE_ID) == sim.state.modules[SAMPLE_MODULE_ID].descriptor_xml
    assert client.get_module_file(SAMPLE_MODULE_ID) == sample_module(126)


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
        committed = client.upload(
            lock, sample_module(127), "Sample_v127.sfm", progress=lambda a, b: seen.append((a, b))
        )
        assert (committed.module_id, committed.version) == (SAMPLE_MODULE_ID, 127)
        result = client.install_uploaded(lock, committed)
        assert (result.version, result.previous_version) == (127, 126)
        assert result.deactivated_instances == (INSTANCE,)
        assert result.settings_wiped is False
        client.import_config(lock, before)
        client.set_instance_active(lock, SAMPLE_MODULE_ID, INSTANCE, True)
    after = client.export_config(SAMPLE_MODULE_ID)
    assert after.version == 127
    assert after.instances == before.instances
    assert seen[-1] == (len(sample_module(127)), len(sample_module(127)))


def test_install_wipes_a_module_with_an_internal_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pbx = make_pbx("db", modules=[(database_module(3), [])])
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        with AgentClient(sim.url, TEST_LOGIN, TEST_PASSWORD, fingerprint=sim.fingerprint, timeout=2) as client:
            with client.locked("anna@ws-1") as lock:
                client.create_instance(lock, DATABASE_MODULE_ID, "Sync")
                result = client.install_uploaded(lock, client.upload(lock, database_module(4), "db.sfm"))
            assert result.settings_wiped is True


def test_invalid_module_file_is_refused(client: AgentClient) -> None:
    with client.locked("anna@ws-1") as lock:
        error = _error(lambda: client.upload(lock, b"not a zip file at all", "broken.sfm"))
    assert error.code == "invalid_module"


def test_upload_resumes_after_a_dropped_connection(client: AgentClient, sim: SimulatedPbx) -> None:
    data = sample_module(127)
    sim.faults.drop_mid_upload()
    seen: list[int] = []
    with client.locked("anna@ws-1") as lock:
        committed = client.upload(lock, data, "Sample_v127.sfm", progress=lambda done, total: seen.append(done))
    assert committed.version == 127
    assert FaultKind.DROP_MID_UPLOAD in sim.faults.fired_kinds()
    assert any(0 < done < len(data) for done in seen)  # resumed from the agent's partial offset


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
    with AgentClient(sim.url, TEST_LOGIN, "wrong", fingerprint=sim.fingerprint, timeout=2) as client:
        assert _error(client.system_info).code == "auth_failed"


def test_wrong_agent_instance_is_agent_missing(sim: SimulatedPbx) -> None:
    with AgentClient(
        sim.url, TEST_LOGIN, TEST_PASSWORD, fingerprint=sim.fingerprint, agent_instance="nope", timeout=2
    ) as client:
        error = _error(client.list_modules)
    assert error.code == "agent_missing"
    assert "docs/agent-protocol.md#installing-the-agent" in error.hint


def test_old_starface_is_reported(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with running_fleet(tmp_path, [make_pbx("old", starface="6.5.1.5")]) as fleet:
        sim = fleet.pbxs[0]
        with AgentClient(sim.url, TEST_LOGIN, TEST_PASSWORD, fingerprint=sim.fingerprint, timeout=2) as client:
            assert client.system_info().starface_version == "6.5.1.5"
            assert _error(client.list_modules).code == "starface_too_old"


@pytest.mark.parametrize("fault", list(FaultCode), ids=lambda f: f.name)
def test_every_fault_code_maps_to_its_documented_error(
    client: AgentClient, sim: SimulatedPbx, fault: FaultCode
) -> None:
    sim.faults.fail(EntryPoint.LIST_MODULES, code=fault)
    error = _error(client.list_modules)
    assert error.code == FAULT_ERRORS[fault][0]
    assert error.message and error.hint


@pytest.mark.parametrize("mode", list(CorruptMode))
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


def test_restart_drops_the_lock(client: AgentClient, sim: SimulatedPbx) -> None:
    lock = client.acquire_lock("anna@ws-1")
    sim.faults.restart_before(EntryPoint.SET_INSTANCE_ACTIVE)
    error = _error(lambda: client.set_instance_active(lock, SAMPLE_MODULE_ID, INSTANCE, False))
    assert error.code == "lock_required"


# --- secrets ---------------------------------------------------------------------------------


def test_password_and_token_never_leak(sim: SimulatedPbx, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    password = "Geheim-Passwort-42"
    token = auth_token(TEST_LOGIN, password).split(":", 1)[1]
    texts: list[str] = []
    with AgentClient(sim.url, TEST_LOGIN, password, fingerprint=sim.fingerprint, timeout=0.5, retries=1) as client:
        texts.append(repr(client))
        texts.append(str(_error(client.system_info)))  # auth failure
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
