"""Every kind of injected fault is observable by a client over a real socket, and recorded."""

from __future__ import annotations

import time
import xmlrpc.client
from xml.parsers.expat import ExpatError

import pytest

from modmanager.core.protocol import AnswerError, EntryPoint, FaultCode, SystemInfo
from modmanager.simulator.faults import CorruptMode, FaultKind, FaultPlan, FiredFault
from modmanager.simulator.server import SimulatedPbx
from modmanager.simulator.testing import SAMPLE_MODULE_ID, raw_call, sample_module
from tests.simulator.sim_helpers import fault_code, lock, sha256, upload


def test_latency_delays_every_answer(sim: SimulatedPbx) -> None:
    sim.faults.latency_ms = 60
    started = time.monotonic()
    raw_call(sim, EntryPoint.SYSTEM_INFO)
    assert time.monotonic() - started >= 0.06


def test_refused_connections_until_switched_off(sim: SimulatedPbx) -> None:
    sim.faults.refuse_connections = True
    with pytest.raises(OSError):
        raw_call(sim, EntryPoint.SYSTEM_INFO, timeout=2)
    assert FaultKind.REFUSE in sim.faults.fired_kinds()
    sim.faults.refuse_connections = False
    assert raw_call(sim, EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


def test_a_hanging_call_times_out_once(sim: SimulatedPbx) -> None:
    sim.faults.timeout_on(EntryPoint.LIST_MODULES, seconds=5)
    with pytest.raises(TimeoutError):
        raw_call(sim, EntryPoint.LIST_MODULES, timeout=0.3)
    assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"]
    assert sim.faults.fired == [FiredFault(FaultKind.TIMEOUT, "listModules")]


def test_a_call_can_take_effect_although_its_answer_never_comes(sim: SimulatedPbx) -> None:
    token = lock(sim)
    sim.faults.timeout_on(EntryPoint.CREATE_INSTANCE, seconds=5, after_processing=True)
    with pytest.raises(TimeoutError):
        raw_call(
            sim, EntryPoint.CREATE_INSTANCE, timeout=0.3, lockToken=token, moduleId=SAMPLE_MODULE_ID, instanceName="N"
        )
    assert sim.state.modules[SAMPLE_MODULE_ID].instance("N") is not None


def test_stop_wakes_a_hanging_call(sim: SimulatedPbx) -> None:
    sim.faults.timeout_on(EntryPoint.SYSTEM_INFO, seconds=30)
    with pytest.raises(TimeoutError):
        raw_call(sim, EntryPoint.SYSTEM_INFO, timeout=0.2)
    sim.stop()  # returns although a request thread still sleeps in the hang
    assert not sim.running


def test_connection_dropped_mid_upload_keeps_part_of_the_chunk(sim: SimulatedPbx) -> None:
    token = lock(sim)
    data = sample_module(130)
    upload_id = raw_call(sim, EntryPoint.UPLOAD_BEGIN, lockToken=token, size=len(data), sha256=sha256(data))["uploadId"]
    sim.faults.drop_mid_upload()
    with pytest.raises(OSError):
        raw_call(sim, EntryPoint.UPLOAD_CHUNK, lockToken=token, uploadId=upload_id, offset=0, data=data[:1000])
    held = raw_call(sim, EntryPoint.UPLOAD_STATUS, uploadId=upload_id)["offset"]
    assert 0 < held < 1000
    assert upload(sim, token, data) == upload_id  # resumes from what the PBX holds
    assert sim.faults.fired_kinds() == [FaultKind.DROP_MID_UPLOAD]


def test_fail_answers_the_fault_once_or_always(sim: SimulatedPbx) -> None:
    sim.faults.fail(EntryPoint.LIST_MODULES, code=FaultCode.INTERNAL)
    assert fault_code(sim, EntryPoint.LIST_MODULES) is FaultCode.INTERNAL
    assert raw_call(sim, EntryPoint.LIST_MODULES)["modules"]

    sim.faults.fail(EntryPoint.EXPORT_CONFIG, times=None, code=FaultCode.MODULE_NOT_FOUND)
    for _ in range(3):
        assert fault_code(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID) is FaultCode.MODULE_NOT_FOUND
    sim.faults.clear()
    assert raw_call(sim, EntryPoint.EXPORT_CONFIG, moduleId=SAMPLE_MODULE_ID)["version"] == 126
    assert sim.faults.fired_kinds() == [FaultKind.FAIL] * 4


def test_restart_before_a_call_reloads_from_disk_and_keeps_the_lock(sim: SimulatedPbx) -> None:
    token = lock(sim)
    sim.state.customer = "changed in memory only"
    sim.faults.restart_before(EntryPoint.SET_INSTANCE_ACTIVE)
    fields = {"lockToken": token, "moduleId": SAMPLE_MODULE_ID, "instanceName": "Weiterleitung Zentrale"}
    assert raw_call(sim, EntryPoint.SET_INSTANCE_ACTIVE, active=False, **fields)["active"] is False
    assert sim.state.customer == "Kunde pbx1"
    assert sim.faults.fired_kinds() == [FaultKind.RESTART]


def test_saved_changes_survive_a_restart_before_a_call(sim: SimulatedPbx) -> None:
    sim.state.starface_version = "10.0.0.4"
    sim.save()
    sim.faults.restart_before(EntryPoint.SYSTEM_INFO)
    assert raw_call(sim, EntryPoint.SYSTEM_INFO)["starfaceVersion"] == "10.0.0.4"


def test_garbled_answer_is_not_xml(sim: SimulatedPbx) -> None:
    sim.faults.corrupt(EntryPoint.SYSTEM_INFO)
    with pytest.raises((ExpatError, xmlrpc.client.ResponseError)):
        raw_call(sim, EntryPoint.SYSTEM_INFO)
    assert raw_call(sim, EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


def test_answer_with_wrong_types_fails_strict_parsing(sim: SimulatedPbx) -> None:
    sim.faults.corrupt(EntryPoint.SYSTEM_INFO, mode=CorruptMode.WRONG_TYPES)
    answer = raw_call(sim, EntryPoint.SYSTEM_INFO)
    assert answer["maxChunkSize"] == str(256 * 1024)
    with pytest.raises(AnswerError):
        SystemInfo.from_struct(answer)


def test_answer_that_is_not_json_fails_to_decode(sim: SimulatedPbx) -> None:
    sim.faults.corrupt(EntryPoint.SYSTEM_INFO, mode=CorruptMode.NOT_JSON)
    with pytest.raises(AnswerError):
        raw_call(sim, EntryPoint.SYSTEM_INFO)
    assert raw_call(sim, EntryPoint.SYSTEM_INFO)["hostname"] == "pbx1"


def test_fault_plan_refuses_zero_times() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        FaultPlan().fail(EntryPoint.SYSTEM_INFO, times=0)
