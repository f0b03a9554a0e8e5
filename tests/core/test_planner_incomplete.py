"""A plan made without a configured catalog is incomplete: never "up to date"."""

from __future__ import annotations

import pytest

from modmanager.core.planner import PbxStatus, pbx_status, plan_pbx
from tests.core.test_planner import BROKEN, FREE, PAID, UP, catalog, inst, mod, pbx


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        (None, PbxStatus.CATALOG_UNAVAILABLE),  # nothing installed: still not "up to date"
        (UP, PbxStatus.CATALOG_UNAVAILABLE),
        (PAID, PbxStatus.CATALOG_UNAVAILABLE),
        (FREE, PbxStatus.CATALOG_UNAVAILABLE),  # the missing catalog may list more
        (BROKEN, PbxStatus.INCOMPATIBLE_MODULE),  # a module that may already be broken stays first
    ],
)
def test_a_missing_catalog_marks_the_plan_incomplete(module: object, expected: PbxStatus) -> None:
    installed, modules = [], []
    if module is not None:
        _, releases, version = module  # type: ignore[misc]
        modules.append(mod(*releases))
        installed.append(inst(version))
    plan = plan_pbx(pbx(), installed, [catalog(*modules)], missing_catalogs=["Vendor X"])
    assert plan.incomplete and plan.missing_catalogs == ("Vendor X",)
    assert pbx_status(plan) is expected
    assert any("Vendor X" in note for note in plan.notes)
    complete = plan_pbx(pbx(), installed, [catalog(*modules)])
    assert not complete.incomplete and complete.status is not PbxStatus.CATALOG_UNAVAILABLE
