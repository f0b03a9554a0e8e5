"""Which requests one update sends, entry point by entry point - over real TLS to the simulator.

An update costs round trips, not CPU (see docs/performance.md, figure ``update``). These tests pin
the exact calls of the preview and of the transaction, so a read that creeps back in (a second
``systemInfo``, a ``listModules`` per step, the off/on cycle for an instance that existed all
along) fails here, not only in the bench.
"""

from __future__ import annotations

import threading
from pathlib import Path

from modmanager.ops.update import prepare_update, run_update
from tests.fixtures.recording import recorded_calls
from tests.ops.world import MODULE_A, MODULE_B, MODULE_C, PBX, world

PREVIEW = ["systemInfo", "listModules", "getDescriptor", "exportConfig"]
"""The facts (compatibility, limits), the installed version, the installed form (with its file,
the way back) and the settings whose migration the preview shows."""


def test_an_update_sends_each_request_once(tmp_path: Path) -> None:
    """Module B: two instances, one active, internal data - the bench's update, in small."""
    with world(tmp_path) as w:
        with recorded_calls(w.sim) as preview_calls:
            preview = prepare_update(w.services, PBX, MODULE_B)
        assert preview_calls == PREVIEW
        assert preview.previous_sha256 is not None, "the way back came with the descriptor"

        with recorded_calls(w.sim) as calls:
            result = run_update(w.services, preview)
        assert calls == [
            "acquireLock",
            "exportConfig",  # under the lock: the version still the preview's, and the backup
            "uploadBegin",  # the whole file (below maxChunkSize); installUploaded commits it
            "installUploaded",
            "importConfig",  # no read before: the install's answer says what it switched off
            "setInstanceActive",  # one per active instance that existed before: no off/on cycle
            "exportConfig",  # verify: version, values, active flags, internal data
            "exportConfig",  # the health check's second look
            "releaseLock",
        ]
        assert len(preview_calls) + len(calls) == 13
        assert result.activated_instances == ("Telefonbuch",)
        by_name = {inst.name: inst for inst in w.module(MODULE_B).instances}
        assert by_name["Telefonbuch"].active and not by_name["Telefonbuch Filiale"].active
        assert result.health is not None and result.health.ok


def test_the_next_update_takes_the_installed_form_from_the_file_it_installed(tmp_path: Path) -> None:
    """Once modmanager installed a version, its file is at hand: no getDescriptor at all."""
    with world(tmp_path) as w:
        run_update(w.services, prepare_update(w.services, PBX, MODULE_A, to_version=130))
        with recorded_calls(w.sim) as preview_calls:
            preview = prepare_update(w.services, PBX, MODULE_A, to_version=140)
        assert preview_calls == ["systemInfo", "listModules", "exportConfig"]
        assert preview.previous_sha256 is not None
        with recorded_calls(w.sim) as calls:
            run_update(w.services, preview, confirm_paid=True)
        assert "getDescriptor" not in calls and "systemInfo" not in calls
        assert len(preview_calls) + len(calls) == 12
        assert w.module(MODULE_A).version == 140


def test_a_fresh_install_cycles_only_the_instance_it_creates(tmp_path: Path) -> None:
    with world(tmp_path) as w:
        with recorded_calls(w.sim) as preview_calls:
            preview = prepare_update(w.services, PBX, MODULE_C)
        assert preview_calls == ["systemInfo", "listModules"]
        with recorded_calls(w.sim) as calls:
            run_update(w.services, preview)
        assert calls == [
            "acquireLock",
            "listModules",  # still not installed
            "uploadBegin",
            "installUploaded",
            "exportConfig",  # which instances the install brought (none): nothing is known yet
            "createInstance",
            "importConfig",
            "setInstanceActive",  # on, off, on: a new instance shows its UI only after the cycle
            "setInstanceActive",
            "setInstanceActive",
            "exportConfig",
            "exportConfig",
            "releaseLock",
        ]
        (instance,) = w.module(MODULE_C).instances
        assert instance.active and not instance.needs_cycle


def test_an_instance_the_install_lost_is_read_again_and_re_created(tmp_path: Path) -> None:
    """The update's guess (the install keeps every instance) is checked by importConfig itself:
    an unknown instance writes nothing, so the update looks, re-creates it and writes again."""
    with world(tmp_path) as w:
        preview = prepare_update(w.services, PBX, MODULE_A, to_version=130)
        original = w.sim.handle_request

        def lose_after_install(auth: str | None, body: bytes, stopped: threading.Event) -> bytes | None:
            answer = original(auth, body, stopped)
            if b".installUploaded<" in body:
                w.module(MODULE_A).instances.clear()
            return answer

        w.sim.handle_request = lose_after_install  # type: ignore[method-assign]
        try:
            with recorded_calls(w.sim) as calls:
                result = run_update(w.services, preview)
        finally:
            w.sim.handle_request = original  # type: ignore[method-assign]
        assert calls[calls.index("installUploaded") + 1 :] == [
            "importConfig",  # instance_not_found: nothing written
            "exportConfig",
            "createInstance",
            "importConfig",
            "setInstanceActive",
            "setInstanceActive",
            "setInstanceActive",
            "exportConfig",
            "exportConfig",
            "releaseLock",
        ]
        assert result.created_instances == ("Weiterleitung Zentrale",)
        (instance,) = w.module(MODULE_A).instances
        assert instance.active and not instance.needs_cycle
        assert instance.values["targetNumber"] == "+49 30 9876543"
