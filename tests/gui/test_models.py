"""The item models behind the main window: fleet tree and its filter, badges, backups, changelog."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt

from modmanager.core.catalog import CatalogModule, Channel, Release, ReleaseFile
from modmanager.core.planner import ModulePlan, ModuleStatus, PbxFacts, PbxPlan
from modmanager.core.protocol import Edition, InstalledModule, InstanceState, SystemInfo
from modmanager.core.versions import Compatibility, Verdict
from modmanager.gui.models.backups import BackupsModel
from modmanager.gui.models.badges import Badge, installed_badges
from modmanager.gui.models.fleet import FleetFilterProxy, FleetModel
from modmanager.gui.models.modules import InstalledModulesModel
from modmanager.gui.views.details import changelog_html
from modmanager.ops.refresh import FleetStatus, PbxSnapshot
from modmanager.store.backups import BackupInfo
from modmanager.store.inventory import PbxRecord

FILE = ReleaseFile("x.sfm", 1, "0" * 64)


def record(name: str, customer: str = "", tags: tuple[str, ...] = ()) -> PbxRecord:
    return PbxRecord(name=name, url="https://pbx.example:443", login_id="0001", customer=customer, tags=tags)


def fleet() -> FleetModel:
    model = FleetModel()
    model.set_records(
        [
            record("weber-kanzlei", "Kanzlei Weber"),
            record("sommer-zentrale", "Autohaus Sommer", ("berlin",)),
            record("sommer-filiale", "Autohaus Sommer"),
            record("labor"),
        ],
        {"weber-kanzlei": (FleetStatus.UNREACHABLE, "The PBX cannot be reached.")},
    )
    return model


def texts(model: FleetModel | FleetFilterProxy, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_the_fleet_is_grouped_by_customer_with_stored_statuses(english: str) -> None:
    model = fleet()
    assert texts(model) == ["Autohaus Sommer (2)", "Kanzlei Weber (1)", "Without customer (1)"]
    assert texts(model, model.index(0, 0)) == ["sommer-filiale", "sommer-zentrale"]
    weber = model.index_of("weber-kanzlei", FleetModel.COLUMN_STATUS)
    assert weber.data() == "Unreachable"
    assert "The PBX cannot be reached." in weber.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_of("labor", FleetModel.COLUMN_STATUS).data() == "Not checked yet"

    model.update_entry("labor", status=FleetStatus.UPDATES_AVAILABLE, busy=True)
    assert model.index_of("labor", FleetModel.COLUMN_STATUS).data() == "Updates available (checking…)"


def test_the_fleet_filter_finds_pbxs_by_name_customer_tag_and_status(english: str) -> None:
    proxy = FleetFilterProxy()
    proxy.setSourceModel(fleet())

    def shown(text: str) -> list[str]:
        proxy.setFilterFixedString(text)
        return [name for row in range(proxy.rowCount()) for name in texts(proxy, proxy.index(row, 0))]

    assert shown("autohaus") == ["sommer-filiale", "sommer-zentrale"], "a customer match keeps all its PBXs"
    assert shown("filiale") == ["sommer-filiale"]
    assert shown("BERLIN") == ["sommer-zentrale"]
    assert shown("unreachable") == ["weber-kanzlei"]
    assert shown("") == ["sommer-filiale", "sommer-zentrale", "weber-kanzlei", "labor"]


def plan(**changes: object) -> ModulePlan:
    values: dict[str, object] = dict(
        module_id="m",
        name="M",
        installed_version=1,
        installed_verdict=Verdict.COMPATIBLE,
        status=ModuleStatus.UP_TO_DATE,
        target=None,
        target_is_paid=False,
        paid_release=None,
        free_target=None,
        use_nfr=False,
        untested_newer=(),
        blocked_by_starface=None,
        reasons=(),
    )
    values.update(changes)
    return ModulePlan(**values)  # type: ignore[arg-type]


def release(version: int, changelog: str = "", *, paid: bool = False, channel: Channel = Channel.STABLE) -> Release:
    return Release(
        version, f"v{version}", "2025-03-01", channel, Compatibility.parse("9.X"), changelog, paid, FILE, None
    )


def test_badges_follow_the_plan() -> None:
    module = InstalledModule("m", "M", "V", 1, instances=(InstanceState("a", True),), license_state="nfr")
    assert installed_badges(module, plan()) == (Badge.NFR,)
    paid_pre = plan(
        status=ModuleStatus.UPDATE_AVAILABLE, target=release(3, channel=Channel.PRERELEASE), target_is_paid=True
    )
    assert installed_badges(module, paid_pre) == (Badge.UPDATE, Badge.PAID, Badge.NFR, Badge.PRERELEASE)
    broken = plan(status=ModuleStatus.INCOMPATIBLE, installed_verdict=Verdict.INCOMPATIBLE)
    assert installed_badges(module, broken)[0] is Badge.INCOMPATIBLE
    assert Badge.UNTESTED in installed_badges(module, plan(untested_newer=(release(4),)))


def test_installed_table_texts(english: str) -> None:
    module = InstalledModule(
        "m", "Modul", "Hersteller", 1, instances=(InstanceState("a", True), InstanceState("b", False))
    )
    catalog = CatalogModule("m", {"en": "Module M"}, "Vendor GmbH", {}, (release(1), release(2), release(3)))
    paid = plan(status=ModuleStatus.UPDATE_AVAILABLE, target=release(3), target_is_paid=True, free_target=release(2))
    info = SystemInfo("200", "9.1.0.2", Edition.VM, "SFL-1", None)
    facts = PbxFacts.from_system_info(info)
    snapshot = PbxSnapshot("p", info, (module,), PbxPlan(facts, Channel.STABLE, (paid,), (), ()), datetime.now(UTC))
    model = InstalledModulesModel()
    model.set_snapshot(snapshot, lambda module_id: catalog if module_id == "m" else None)
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["Module M", "Vendor GmbH", "v1", "v3 (free: v2)", "Update, Paid", "2 (1 active)"]


def test_backups_are_listed_with_reason_and_instances(english: str) -> None:
    info = BackupInfo(
        "a" * 32,
        "kunde-a",
        "SFL-1",
        "m",
        "Telefonbuch",
        3,
        "2025-08-12T09:31:47+00:00",
        "pre-update",
        (("Zentrale", True), ("Filiale", False)),
    )
    model = BackupsModel()
    model.set_backups([info])
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row[1:] == ["kunde-a", "Telefonbuch", "v3", "Before update", "Zentrale, Filiale (inactive)"]
    assert "2025" in row[0] or "25" in row[0]


def test_the_changelog_highlights_what_an_update_brings_and_marks_paid_releases(english: str) -> None:
    module = CatalogModule(
        "m",
        {"en": "M"},
        "V",
        {},
        (
            release(1, "- Erste Version."),
            release(2, "- **Neu:** Export <script>alert(1)</script>"),
            release(3, "- Neue Oberfläche", paid=True),
            release(4, "- Später"),
        ),
    )
    html = changelog_html(module, installed=1, target=3)
    assert html.count("bgcolor=") == 2, "v2 and v3 are what the update brings"
    assert html.count("Paid: needs a new module license key") == 1
    assert "<strong>Neu:</strong>" in html, "Markdown is rendered"
    assert "<script>" not in html and "&lt;script&gt;" in html, "vendor HTML is shown as text"
    assert re.search(r"installed", html) and "update target" in html
    assert html.index("v4") < html.index("v3") < html.index("v1"), "newest first"
