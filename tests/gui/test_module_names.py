"""The module list names a module by its descriptor when its localized names were copied from
another module: the catalog built from the file carries the right name (tests/core/test_sfm_names.py)."""

from __future__ import annotations

from pathlib import Path

from modmanager.catalog.builder import build_catalog
from modmanager.core.planner import PbxFacts, plan_module
from modmanager.core.protocol import Edition, InstalledModule
from modmanager.core.versions import StarfaceVersion
from modmanager.gui.models.modules import InstalledRow
from tests.core.test_sfm_names import NAME, copied_module_file, spec


def test_the_installed_row_shows_the_descriptors_name(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "vendor" / "9.X"
    folder.mkdir(parents=True)
    (folder / "Rufumleitung_Plus_v126.sfm").write_bytes(copied_module_file("owner-in-entry-key"))
    catalog, _ = build_catalog(tmp_path / "vendor", name="Hersteller")
    (module,) = catalog.modules
    installed = InstalledModule(
        id=spec().module_id, name="(as the PBX says)", vendor="", version=126, module_type="EXTENDED", instances=()
    )
    facts = PbxFacts(StarfaceVersion.parse("9.0.1.3"), Edition.APPLIANCE)
    row = InstalledRow(installed, plan_module(facts, installed, module), module)
    assert row.display_name == NAME
