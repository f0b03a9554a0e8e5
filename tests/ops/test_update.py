"""The update transaction against a simulated PBX over real HTTPS."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.core.protocol import AGENT_MODULE_ID
from modmanager.core.sfmbuild import build_sfm
from modmanager.ops.converge import InstanceTarget, ModuleTarget, converge
from modmanager.ops.update import prepare_update, run_update
from modmanager.simulator.state import agent_module
from modmanager.simulator.testing import TEST_AGENT_SECRET
from tests.ops.world import A_VALUES, B_INTERNAL, B_VALUES, MODULE_A, MODULE_B, MODULE_C, PBX, spec_b, world


def test_update_of_a_module_whose_settings_the_pbx_wipes(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        assert (preview.from_version, preview.release.version) == (3, 4)
        assert not preview.paid and preview.rollback_available
        added = {item.variable_id for inst in preview.instances for item in inst.migration.added}
        assert added == {"fullSync"}

        result = run_update(w.services, preview)

        module = w.module(MODULE_B)
        assert module.version == 4
        by_name = {inst.name: inst for inst in module.instances}
        assert by_name["Telefonbuch"].active and not by_name["Telefonbuch Filiale"].active
        assert by_name["Telefonbuch"].values == {**B_VALUES, "fullSync": True}  # a checkbox default is a boolean
        assert by_name["Telefonbuch Filiale"].values["serverUrl"] == "https://crm-filiale.kunde-a.de"
        assert module.internal_data == B_INTERNAL
        assert result.backup_id is not None
        assert w.services.journal.unfinished() == []


def test_form_change_carries_supported_settings_and_drops_the_rest(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        newest = prepare_update(w.services, PBX, MODULE_A)
        assert newest.release.version == 140 and newest.paid
        assert newest.free_alternative is not None and newest.free_alternative.version == 130
        preview = prepare_update(w.services, PBX, MODULE_A, to_version=newest.free_alternative.version)
        assert not preview.paid
        (instance,) = preview.instances
        assert {item.variable_id for item in instance.migration.dropped} == {"ringSeconds"}
        assert {item.variable_id for item in instance.migration.added} == {"voicemailBox"}

        run_update(w.services, preview)

        (inst,) = w.module(MODULE_A).instances
        expected = {key: value for key, value in A_VALUES.items() if key != "ringSeconds"}
        assert inst.values == {**expected, "voicemailBox": False}
        assert inst.active


def test_paid_upgrade_needs_confirmation_and_names_the_free_release(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_A, to_version=140)
        assert preview.paid and preview.paid_release is not None and preview.paid_release.version == 140
        assert preview.free_alternative is not None and preview.free_alternative.version == 130
        with pytest.raises(OperationError, match="paid upgrade") as refused:
            run_update(w.services, preview)
        assert "v130" in refused.value.message or "130" in refused.value.message
        assert w.module(MODULE_A).version == 126, "nothing may change before the user confirms"

        run_update(w.services, preview, confirm_paid=True)
        assert w.module(MODULE_A).version == 140


def test_fresh_install_creates_and_activates_an_instance(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_C)
        assert preview.is_fresh_install
        result = run_update(w.services, preview)
        (instance,) = w.module(MODULE_C).instances
        assert instance.active
        assert not instance.needs_cycle, "a fresh instance needs one off/on cycle before its UI appears"
        assert result.created_instances == (instance.name,)
        assert instance.values["fallbackNumber"] == "+49 30 110"


def test_failure_after_install_rolls_back_to_the_old_version_with_its_settings(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        w.sim.faults.fail("importConfig", times=1)
        with pytest.raises(OperationError, match="previous version v3 was put back") as failed:
            run_update(w.services, preview)
        assert "Nothing was lost" in failed.value.hint
        module = w.module(MODULE_B)
        assert module.version == 3
        by_name = {inst.name: inst for inst in module.instances}
        assert by_name["Telefonbuch"].values == B_VALUES and by_name["Telefonbuch"].active
        assert module.internal_data == B_INTERNAL
        assert w.services.journal.unfinished() == []


def test_upload_failure_changes_nothing(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        w.sim.faults.fail("uploadBegin", times=None)
        with pytest.raises(OperationError, match="Nothing was changed"):
            run_update(w.services, preview)
        module = w.module(MODULE_B)
        assert module.version == 3 and module.instances[0].active
        assert w.services.journal.unfinished() == []


def test_rollback_source_is_the_file_the_pbx_runs_when_no_catalog_has_it(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        # A build no catalog lists (a vendor hotfix installed by hand): v2 of module B.
        hotfix = build_sfm(spec_b(2))
        w.module(MODULE_B).sfm = hotfix
        w.sim.save()
        preview = prepare_update(w.services, PBX, MODULE_B)
        assert preview.from_version == 2 and preview.rollback_available
        assert preview.previous_sha256 == hashlib.sha256(hotfix).hexdigest()

        w.sim.faults.fail("importConfig", times=1)
        with pytest.raises(OperationError, match="previous version v2 was put back"):
            run_update(w.services, preview)
        module = w.module(MODULE_B)
        assert module.sfm == hotfix
        assert {inst.name: inst.values for inst in module.instances}["Telefonbuch"] == B_VALUES
        assert module.internal_data == B_INTERNAL


# --- an agent with nothing but the core entry points ------------------------------------------------


def test_update_and_rollback_work_without_optional_capabilities(tmp_path: Path) -> None:
    with world(tmp_path, capabilities=frozenset()) as w:
        preview = prepare_update(w.services, PBX, MODULE_A, to_version=130)
        assert preview.rollback_available  # the installed version comes from the catalog instead
        assert any("internal data" in warning for warning in preview.warnings)

        w.sim.faults.fail("importConfig", times=1)
        with pytest.raises(OperationError, match="previous version v126 was put back"):
            run_update(w.services, preview)
        (inst,) = w.module(MODULE_A).instances
        assert (w.module(MODULE_A).version, inst.values, inst.active) == (126, A_VALUES, True)

        result = run_update(w.services, prepare_update(w.services, PBX, MODULE_A, to_version=130))
        assert result.to_version == 130 and w.module(MODULE_A).instances[0].active


def test_without_a_module_file_from_the_pbx_a_hotfix_has_no_way_back(tmp_path: Path) -> None:
    with world(tmp_path, capabilities=frozenset()) as w:
        w.module(MODULE_B).sfm = build_sfm(spec_b(2))  # no catalog has v2
        w.sim.save()
        preview = prepare_update(w.services, PBX, MODULE_B)
        assert not preview.rollback_available
        w.sim.faults.fail("importConfig", times=1)
        with pytest.raises(OperationError, match="new version v4 was kept"):
            run_update(w.services, preview)
        assert w.module(MODULE_B).version == 4


def test_an_instance_the_target_does_not_name_is_left_and_reported(tmp_path: Path) -> None:
    with world(tmp_path, capabilities=frozenset()) as w:
        target = ModuleTarget(
            module_id=MODULE_B,
            version=4,
            sfm=build_sfm(spec_b(4)),
            instances=(InstanceTarget("Telefonbuch", B_VALUES, True),),  # not "Telefonbuch Filiale"
            internal_data=B_INTERNAL,
        )
        client = w.services.client(PBX)
        try:
            with client.locked("test@ws") as lock:
                report = converge(client, lock, target)
        finally:
            client.close()
        names = {inst.name for inst in w.module(MODULE_B).instances}
        assert names == {"Telefonbuch", "Telefonbuch Filiale"}  # nothing deleted
        assert report.left_instances == ["Telefonbuch Filiale"] and report.internal_data_skipped
        notes = " ".join(report.notes())
        assert "Telefonbuch Filiale" in notes and "internal data" in notes


# --- the agent updates itself ------------------------------------------------------------------------


def test_updating_the_agent_goes_through_the_normal_update_and_keeps_its_secret(tmp_path: Path) -> None:
    agents = {"9.X/modmanager-agent_v200.sfm": agent_module(200), "9.X/modmanager-agent_v201.sfm": agent_module(201)}
    with world(tmp_path, vendor_files=agents) as w:
        w.sim.self_update_delay, w.sim.self_update_downtime = 0.2, 0.4
        preview = prepare_update(w.services, PBX, AGENT_MODULE_ID)
        assert (preview.from_version, preview.release.version) == (200, 201)
        result = run_update(w.services, preview)
        assert result.to_version == 201
        agent = w.module(AGENT_MODULE_ID)
        assert agent.version == 201
        (instance,) = agent.instances
        assert instance.active and instance.values == {"agentSecret": TEST_AGENT_SECRET}
        client = w.services.client(PBX)
        try:
            assert client.system_info().agent_version == "201"
        finally:
            client.close()
        assert w.services.journal.unfinished() == []
