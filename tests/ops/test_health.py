"""The health check after an update, and the audit rows an update leaves - over real HTTPS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.ops.health import CheckName, HealthReport
from modmanager.ops.update import prepare_update, run_update
from modmanager.store.audit import AuditOutcome
from tests.ops.world import A_VALUES, MODULE_A, PBX, world


def test_a_good_update_passes_every_check_and_says_the_log_was_not_read(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        result = run_update(w.services, prepare_update(w.services, PBX, MODULE_A, to_version=130))
        assert result.health is not None and result.health.ok
        states = {check.name: check.passed for check in result.health.checks}
        assert states == {
            CheckName.AGENT: True,
            CheckName.VERSION: True,
            CheckName.INSTANCES_ACTIVE: True,
            CheckName.SETTINGS: True,
            CheckName.INSTANCE_LOG: None,
        }
        (row,) = w.services.audit.query(actions=["update"])
        assert (row.pbx, row.module_id, row.from_version, row.to_version) == (PBX, MODULE_A, 126, 130)
        assert row.outcome == AuditOutcome.OK and row.error_code == ""
        (instance,) = row.instances
        assert instance.name == "Weiterleitung Zentrale"
        assert set(instance.carried) == {"targetNumber", "logCalls", "apiPassword"}
        assert instance.dropped == ("ringSeconds",)
        assert instance.new == (("voicemailBox", "false"),)
        assert row.detail["backup"] == result.backup_id
        assert [item["check"] for item in row.detail["health"]] == [name.value for name in CheckName]
        # Settings are named, never their values.
        stored = json.dumps(row.to_json(), ensure_ascii=False)
        assert A_VALUES["apiPassword"] not in stored and A_VALUES["targetNumber"] not in stored
        assert w.services.audit.verify().ok


def test_a_module_that_does_not_stay_up_fails_the_check_and_is_rolled_back(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        w.sim.faults.unstable_instances(MODULE_A, version=130)
        preview = prepare_update(w.services, PBX, MODULE_A, to_version=130)
        with pytest.raises(OperationError) as caught:
            run_update(w.services, preview)
        error = caught.value
        assert error.code == "update_rolled_back"
        assert error.cause is not None and error.cause.code == "health_check_failed"
        assert error.cause.params["check"] == "instances-active"
        assert "health check failed: instance Weiterleitung Zentrale did not stay active" in error.message
        assert "previous version v126 was put back" in error.message
        # The PBX is as it was: old version, settings, active.
        module = w.module(MODULE_A)
        assert module.version == 126
        (inst,) = module.instances
        assert inst.active and inst.values == A_VALUES
        assert w.services.journal.unfinished() == []
        assert [fault.kind.value for fault in w.sim.faults.fired] == ["unstable"]
        (row,) = w.services.audit.query(actions=["update"])
        assert row.outcome == AuditOutcome.ROLLED_BACK
        assert row.error_code == "health_check_failed"
        assert row.detail["failedChecks"] == [
            {
                "code": "health_instance_inactive",
                "message": "instance Weiterleitung Zentrale did not stay active",
                "params": {"instances": "Weiterleitung Zentrale"},
            }
        ]
        assert row.instances == ()  # the old settings are back, nothing moved
        assert w.services.audit.verify().ok


def test_the_health_check_waits_the_configured_time(tmp_path: Path) -> None:
    from dataclasses import replace

    from modmanager.ops.converge import InstanceTarget, ModuleTarget
    from modmanager.ops.health import check_health

    with world(tmp_path) as w:
        waited: list[float] = []
        target = ModuleTarget(MODULE_A, 126, b"", (InstanceTarget("Weiterleitung Zentrale", A_VALUES, True),))
        with w.services.client(PBX) as client:
            report = check_health(client, target, delay_seconds=2.5, wait=waited.append)
            assert report.ok and waited == [2.5]
            wrong = check_health(client, replace(target, version=130))
        assert [check.code for check in wrong.failed] == ["health_wrong_version"]
        assert wrong.error().params["check"] == "version"


def test_one_read_tells_a_silent_agent_a_missing_module_and_an_unreadable_configuration_apart(
    tmp_path: Path,
) -> None:
    from modmanager.ops.converge import InstanceTarget, ModuleTarget
    from modmanager.ops.health import check_health

    with world(tmp_path) as w:
        target = ModuleTarget(MODULE_A, 126, b"", (InstanceTarget("Weiterleitung Zentrale", A_VALUES, True),))
        with w.services.client(PBX) as client:
            missing = check_health(client, ModuleTarget("0f0f0f0f-0000-4000-8000-000000000000", 1, b"", ()))
            w.sim.faults.fail("exportConfig", times=None)
            unreadable = check_health(client, target)
            w.sim.faults.clear()
            w.sim.stop()
            silent = check_health(client, target)

        def states(report: HealthReport) -> dict[str, tuple[bool | None, str]]:
            return {check.name.value: (check.passed, check.code) for check in report.checks}

        assert states(missing) == {
            "agent": (True, ""),
            "version": (False, "health_module_missing"),
            "instances-active": (None, ""),
            "settings": (None, ""),
            "instance-log": (None, "health_log_unreadable"),
        }
        assert states(unreadable)["agent"] == (True, "")
        assert states(unreadable)["version"] == (None, "")
        assert states(unreadable)["instances-active"] == (False, "health_config_unreadable")
        assert states(silent)["agent"] == (False, "health_agent_silent")
        assert [states(silent)[name][0] for name in ("version", "instances-active", "settings")] == [None] * 3
