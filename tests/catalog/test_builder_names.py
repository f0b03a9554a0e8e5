"""The catalog builder names a module by its descriptor when its localized names were copied
from another module (see tests/core/test_sfm_names.py)."""

from __future__ import annotations

from pathlib import Path

from modmanager.catalog.builder import build_catalog
from tests.core.test_sfm_names import NAME, copied_module_file


def test_a_module_with_copied_localized_names_is_listed_under_its_own_name(tmp_path: Path) -> None:
    folder = tmp_path / "vendor" / "9.X"
    folder.mkdir(parents=True)
    (folder / "Rufumleitung_Plus_v126.sfm").write_bytes(copied_module_file("nested-map"))
    catalog, _ = build_catalog(tmp_path / "vendor", name="Hersteller")
    (module,) = catalog.modules
    assert dict(module.names) == {"de": NAME}
    assert module.display_name("en") == NAME and module.display_name("de") == NAME
