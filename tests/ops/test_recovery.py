"""Interrupted updates are finished later, by another process, from what is on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from modmanager.core.errors import OperationError
from modmanager.ops.recovery import RecoveryAction, assess, recover
from modmanager.ops.update import prepare_update, run_update
from tests.ops.world import B_INTERNAL, B_VALUES, MODULE_B, PBX, services_for, world


def test_rollback_that_cannot_finish_leaves_a_journal_that_recover_completes(tmp_path: Path) -> None:
    with world(tmp_path, timeout=2.0) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        w.sim.faults.fail("importConfig", times=None)
        with pytest.raises(OperationError, match="could not be rolled back yet") as failed:
            run_update(w.services, preview)
        assert "modmanager recover" in failed.value.hint
        (entry,) = w.services.journal.unfinished()
        assert w.module(MODULE_B).instances[0].values != B_VALUES, "the PBX wiped the settings on upload"

        w.sim.faults.clear()
        # A new process: fresh services objects on the same folders.
        catalog_dir = tmp_path / "vendor"
        later = services_for(tmp_path, catalog_dir, w.services.settings.catalog_sources[0].public_key)
        assessment = assess(later, entry)
        assert assessment.reachable and assessment.installed_version == 3
        assert assessment.recommended is RecoveryAction.ROLLBACK
        message = recover(later, entry.op_id)
        assert "back on v3" in message
        module = w.module(MODULE_B)
        assert module.version == 3
        assert {i.name: i.values for i in module.instances}["Telefonbuch"] == B_VALUES
        assert module.internal_data == B_INTERNAL
        assert later.journal.unfinished() == []
        later.close()


def test_resume_finishes_an_update_whose_new_version_already_runs(tmp_path: Path) -> None:
    with world(tmp_path, timeout=2.0) as w:
        preview = prepare_update(w.services, PBX, MODULE_B)
        w.sim.faults.fail("importConfig", times=None)
        with pytest.raises(OperationError):
            run_update(w.services, preview)
        (entry,) = w.services.journal.unfinished()
        w.sim.faults.clear()
        message = recover(w.services, entry.op_id, RecoveryAction.RESUME)
        assert "now runs v4" in message
        module = w.module(MODULE_B)
        assert module.version == 4
        assert {i.name: i.values for i in module.instances}["Telefonbuch"] == {**B_VALUES, "fullSync": True}
        assert module.internal_data == B_INTERNAL
