"""Simulated PBX state: persistence round trip, internal-database detection, the activation cycle."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from modmanager.core.protocol import Edition, License, LicenseKind
from modmanager.core.sfm import read_sfm
from modmanager.core.sfmbuild import build_sfm, example_spec
from modmanager.simulator.state import (
    PendingUpload,
    SimInstance,
    UploadStore,
    load_pbx,
    save_pbx,
    uses_internal_database,
)
from modmanager.simulator.testing import DATABASE_MODULE_ID, SAMPLE_MODULE_ID, database_module, make_pbx


def test_saved_pbx_loads_back_equal(tmp_path: Path) -> None:
    pbx = make_pbx(
        "Bäckerei Kranz",
        starface="7.3.0.5",
        edition=Edition.FREE,
        server_license_key=None,
        hardware_id="HW-1",
        licenses=[License(LicenseKind.DEMO, expires="2026-01-31")],
    )
    pbx.add_module(database_module(), [SimInstance("CRM", False, {"days": ["Mo"], "n": 1.5}, needs_cycle=True)])
    pbx.modules[DATABASE_MODULE_ID].internal_data = b"\x00\x01blob"
    pbx.modules[SAMPLE_MODULE_ID].license_state = "nfr"
    save_pbx(tmp_path, pbx)

    loaded = load_pbx(tmp_path)

    assert loaded.name == pbx.name
    assert loaded.licenses == pbx.licenses
    assert (loaded.edition, loaded.hardware_id, loaded.server_license_key) == (Edition.FREE, "HW-1", None)
    assert loaded.modules.keys() == pbx.modules.keys()
    for module_id, module in pbx.modules.items():
        again = loaded.modules[module_id]
        assert (again.sfm, again.instances, again.internal_data) == (module.sfm, module.instances, module.internal_data)
        assert again.license_state == module.license_state


def test_saving_drops_files_of_removed_modules(tmp_path: Path) -> None:
    pbx = make_pbx(modules=[(database_module(), [])], agent_installed=False)
    pbx.modules[DATABASE_MODULE_ID].internal_data = b"x"
    save_pbx(tmp_path, pbx)
    del pbx.modules[DATABASE_MODULE_ID]
    save_pbx(tmp_path, pbx)
    assert list((tmp_path / "modules").iterdir()) == []
    assert load_pbx(tmp_path).modules == {}


def test_the_agent_is_put_on_a_pbx_as_its_own_module_with_the_secret(tmp_path: Path) -> None:
    pbx = make_pbx(agent_secret="s3", agent_instance="mm.agent", capabilities=frozenset({"moduleFile"}))
    assert pbx.agent is not None and pbx.agent.version == 200
    assert pbx.configured_secret("mm.agent") == "s3" and pbx.configured_secret("other") == ""
    assert set(pbx.user_modules()) == {SAMPLE_MODULE_ID}
    save_pbx(tmp_path, pbx)
    loaded = load_pbx(tmp_path)
    assert loaded.configured_secret("mm.agent") == "s3"
    assert loaded.capabilities == frozenset({"moduleFile"})
    assert make_pbx(agent_installed=False).agent is None


def test_internal_database_is_recognised_by_entries_or_builder_flag() -> None:
    plain = example_spec()
    assert not uses_internal_database(read_sfm(build_sfm(plain)))
    for entry in ("database/schema.sql", "db/data.bin", "lib/init.sql", "store/module.mv.db"):
        spec = replace(plain, extra_entries={entry: b"x"})
        assert uses_internal_database(read_sfm(build_sfm(spec))), entry
    assert uses_internal_database(read_sfm(build_sfm(replace(plain, uses_internal_database=True))))


def test_a_new_instance_needs_one_full_cycle() -> None:
    instance = SimInstance("Neu", active=False, needs_cycle=True)
    instance.set_active(False)  # already inactive: not half a cycle
    instance.set_active(True)
    assert instance.active and instance.needs_cycle
    instance.set_active(False)
    assert not instance.active and instance.needs_cycle
    instance.set_active(True)
    assert instance.active and not instance.needs_cycle


def test_upload_store_keeps_bytes_and_refuses_foreign_ids(tmp_path: Path) -> None:
    store = UploadStore(tmp_path)
    store.create(PendingUpload("ab12", size=10, sha256="0" * 64, file_name="x.sfm"))
    store.append("ab12", b"hello")
    again = UploadStore(tmp_path).get("ab12")
    assert again == PendingUpload("ab12", 10, "0" * 64, received=5, file_name="x.sfm")
    assert store.read("ab12", 1, 3) == b"ell"
    assert store.get("../state") is None
    store.delete("ab12")
    assert store.all() == []
