"""The demo world: a signed catalog built by the real builder, and a fleet that shows every status."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.catalog import Catalog, Channel, Release, parse_catalog, resolve_location, verify_catalog
from modmanager.core.errors import CatalogError
from modmanager.core.planner import ModuleStatus, PbxFacts, PbxPlan, PbxStatus, is_paid_release, plan_pbx
from modmanager.core.protocol import (
    AGENT_MODULE_ID,
    EntryPoint,
    InstalledModule,
    InstanceState,
    LicenseKind,
    SystemInfo,
)
from modmanager.core.sfm import ModuleFile, read_sfm
from modmanager.core.versions import StarfaceVersion, Verdict
from modmanager.simulator.demo import DemoWorld, build_demo_world, demo_agent_secret, demo_password
from modmanager.simulator.demo_data import CUSTOM_MODULE_ID
from modmanager.simulator.server import SimulatorFleet
from modmanager.simulator.state import SimPbx, uses_internal_database
from modmanager.simulator.testing import raw_call

TODAY = dt.date(2025, 10, 1)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> DemoWorld:
    return build_demo_world(tmp_path_factory.mktemp("demo"), today=TODAY)


@pytest.fixture(scope="module")
def catalog(world: DemoWorld) -> Catalog:
    return parse_catalog(world.catalog_file.read_bytes(), source=str(world.catalog_dir))


@pytest.fixture(scope="module")
def plans(world: DemoWorld, catalog: Catalog) -> dict[str, PbxPlan]:
    """Stable-channel plans for the reachable PBXs, as the app would make them after a refresh."""
    return {pbx.name: _plan(pbx, catalog) for pbx in world.pbxs if pbx.reachable}


def _facts(pbx: SimPbx) -> PbxFacts:
    info = SystemInfo(
        agent_version=pbx.agent_version,
        starface_version=pbx.starface_version,
        edition=pbx.edition,
        server_license_key=pbx.server_license_key,
        hardware_id=pbx.hardware_id,
        licenses=tuple(pbx.licenses),
    )
    return PbxFacts.from_system_info(info)


def _installed(pbx: SimPbx) -> list[InstalledModule]:
    return [
        InstalledModule(
            id=module.id,
            name=module.name,
            vendor=module.vendor,
            version=module.version,
            instances=tuple(InstanceState(inst.name, inst.active) for inst in module.instances),
        )
        for module in pbx.modules.values()
    ]


def _plan(pbx: SimPbx, catalog: Catalog, channel: Channel = Channel.STABLE) -> PbxPlan:
    return plan_pbx(_facts(pbx), _installed(pbx), [catalog], channel=channel, today=TODAY)


def _catalog_files(catalog: Catalog) -> Iterator[tuple[str, int, str, int, str]]:
    """(module id, version, location, size, sha256) of every file the catalog lists."""
    for module in catalog.modules:
        for release in module.releases:
            for item in (release.standard, release.nfr):
                if item is not None:
                    yield module.id, release.version, item.location, item.size, item.sha256


def _read(catalog: Catalog, location: str) -> bytes:
    return Path(resolve_location(catalog.source, location)).read_bytes()


def _module_file(catalog: Catalog, module_id: str, version: int) -> ModuleFile:
    module = catalog.module(module_id)
    assert module is not None
    release = module.release(version)
    assert release is not None
    item = release.standard or release.nfr
    assert item is not None
    return read_sfm(_read(catalog, item.location))


# --- the catalog ---------------------------------------------------------------------------------


def test_catalog_verifies_with_the_world_public_key_and_not_when_changed(world: DemoWorld) -> None:
    data = world.catalog_file.read_bytes()
    signature = world.signature_file.read_bytes()
    verify_catalog(data, signature, [world.catalog_public_key])
    with pytest.raises(CatalogError):
        verify_catalog(data.replace(b'"paid": true', b'"paid": false', 1), signature, [world.catalog_public_key])


def test_every_catalog_file_is_a_readable_module_with_the_listed_sha256(catalog: Catalog) -> None:
    files = list(_catalog_files(catalog))
    assert files
    for module_id, version, location, size, sha256 in files:
        assert not Path(location).is_absolute()
        data = _read(catalog, location)
        assert len(data) == size
        assert hashlib.sha256(data).hexdigest() == sha256
        descriptor = read_sfm(data, source=location).descriptor
        assert (descriptor.id, descriptor.version) == (module_id, version)


def test_catalog_has_the_vendors_and_modules_a_partner_expects(catalog: Catalog) -> None:
    assert len({module.vendor for module in catalog.modules}) >= 3
    assert 12 <= len(catalog.modules) <= 16
    for module in catalog.modules:
        assert module.names.get("de") and module.names.get("en")
        assert len(module.releases) >= 1
        assert all(release.changelog.strip() for release in module.releases)
    assert sum(len(module.releases) >= 3 for module in catalog.modules) >= 8


def test_catalog_covers_every_release_kind(catalog: Catalog) -> None:
    releases = [(module, release) for module in catalog.modules for release in module.releases]
    assert any(is_paid_release(release) for _, release in releases)
    assert any(release.channel is Channel.PRERELEASE for _, release in releases)
    assert any(release.nfr is not None for _, release in releases)
    assert any(module.nfr_user_license for module in catalog.modules)
    assert any(release.compatibility.is_empty for _, release in releases), "an untested release (no range folder)"
    assert any(release.compatibility.incompatible for _, release in releases)
    assert any(release.version >= 20_000_000 and release.display_version[:4].isdigit() for _, release in releases)
    nine, ten = StarfaceVersion.parse("9.1.0.2"), StarfaceVersion.parse("10.0.0.4")

    def verdict(release: Release, version: StarfaceVersion) -> Verdict:
        return release.compatibility.verdict(version)

    assert any(verdict(r, nine) is verdict(r, ten) is Verdict.COMPATIBLE for _, r in releases)
    newest_only_on_ten = [
        module
        for module in catalog.modules
        if verdict(stable := next(r for r in module.releases if r.channel is Channel.STABLE), ten) is Verdict.COMPATIBLE
        and verdict(stable, nine) is Verdict.UNTESTED
    ]
    assert newest_only_on_ten
    old_ranges = {item.text for _, r in releases for item in r.compatibility.compatible}
    assert {"7.3-7.X", "8.X", "9.X", "10.X"} <= old_ranges


def test_changelogs_are_written_in_german_and_in_english(catalog: Catalog) -> None:
    texts = " ".join(release.changelog for module in catalog.modules for release in module.releases)
    assert "Kompatibel mit STARFACE" in texts and "Compatible with STARFACE" in texts
    assert "kostenpflichtig" in texts.lower() and "paid upgrade" in texts.lower()


def test_configuration_forms_change_between_releases(catalog: Catalog) -> None:
    added = removed = default_changed = 0
    for module in catalog.modules:
        versions = sorted(release.version for release in module.releases)
        for old_version, new_version in itertools.pairwise(versions):
            old = {
                i.variable_id: i for i in _module_file(catalog, module.id, old_version).descriptor.schema.value_inputs
            }
            new = {
                i.variable_id: i for i in _module_file(catalog, module.id, new_version).descriptor.schema.value_inputs
            }
            added += bool(set(new) - set(old))
            removed += bool(set(old) - set(new))
            default_changed += any(new[key].default != old[key].default for key in set(old) & set(new))
    assert added and removed and default_changed


def test_at_least_three_modules_keep_an_internal_database(catalog: Catalog) -> None:
    internal = [
        module
        for module in catalog.modules
        if uses_internal_database(_module_file(catalog, module.id, module.releases[0].version))
    ]
    assert len(internal) >= 3


# --- the customers' PBXs ---------------------------------------------------------------------------


def test_installed_modules_are_the_catalog_builds_except_the_custom_one(world: DemoWorld, catalog: Catalog) -> None:
    unknown = []
    for pbx in world.pbxs:
        for module_id, module in pbx.modules.items():
            listed = catalog.module(module_id)
            if listed is None:
                unknown.append(module_id)
                continue
            release = listed.release(module.version)
            assert release is not None, f"{pbx.name}: {module.name} v{module.version}"
            digest = hashlib.sha256(module.sfm).hexdigest()
            assert digest in {item.sha256 for item in (release.standard, release.nfr) if item is not None}
    assert sorted(set(unknown)) == sorted({CUSTOM_MODULE_ID, AGENT_MODULE_ID})  # the agent is no catalog module


def test_pbxs_are_varied_customers(world: DemoWorld) -> None:
    pbxs = world.pbxs
    assert 6 <= len(pbxs) <= 8
    assert set(world.notes) == {pbx.name for pbx in pbxs}
    assert len({pbx.starface_version for pbx in pbxs}) >= 4
    assert {pbx.edition.value for pbx in pbxs} == {"appliance", "vm", "cloud", "free"}
    for pbx in pbxs:
        assert 3 <= len(pbx.modules) <= 8, pbx.name
        assert all(1 <= len(module.instances) <= 3 for module in pbx.modules.values()), pbx.name
        if pbx.edition.value == "free":
            assert pbx.hardware_id and not pbx.server_license_key
        else:
            assert pbx.server_license_key and not pbx.hardware_id
    assert len({pbx.login_id for pbx in pbxs}) == len(pbxs)
    assert all(pbx.password == demo_password(pbx.name) for pbx in pbxs)
    assert all(pbx.agent_secret == demo_agent_secret(pbx.name) for pbx in pbxs)
    assert len({pbx.agent_secret for pbx in pbxs}) == len(pbxs)
    assert any(not instance.active for pbx in pbxs for module in pbx.modules.values() for instance in module.instances)


def test_licenses_cover_nfr_subscription_and_an_expiring_demo(world: DemoWorld) -> None:
    kinds = [{lic.kind for lic in pbx.licenses} for pbx in world.pbxs]
    assert any(LicenseKind.NFR_SERVER in item for item in kinds)
    assert any(LicenseKind.NFR_USER in item and LicenseKind.NFR_SERVER not in item for item in kinds)
    assert any(LicenseKind.SUBSCRIPTION in item for item in kinds)
    expiries = [lic.expires for pbx in world.pbxs for lic in pbx.licenses if lic.kind is LicenseKind.DEMO]
    assert expiries and all(expires and dt.date.fromisoformat(expires) > TODAY for expires in expiries)


def test_stored_values_fit_the_installed_form(world: DemoWorld) -> None:
    password_values = 0
    for pbx in world.pbxs:
        for module in pbx.modules.values():
            inputs = {item.variable_id: item for item in module.module_file.descriptor.schema.value_inputs}
            for instance in module.instances:
                assert set(instance.values) <= set(inputs), f"{pbx.name}: {module.name}/{instance.name}"
                password_values += sum(
                    1 for key, value in instance.values.items() if inputs[key].kind == "passwordInput" and value
                )
            assert bool(module.internal_data) <= module.has_internal_database, f"{pbx.name}: {module.name}"
    assert password_values
    assert any(module.internal_data for pbx in world.pbxs for module in pbx.modules.values())


def test_the_fleet_shows_every_status(world: DemoWorld, plans: dict[str, PbxPlan]) -> None:
    # Every status a PBX itself can have; "catalog unavailable" is about the workstation's catalogs.
    assert {plan.status for plan in plans.values()} == set(PbxStatus) - {PbxStatus.CATALOG_UNAVAILABLE}
    assert [pbx.name for pbx in world.pbxs if not pbx.reachable], "one PBX must be unreachable"
    module_plans = [module for plan in plans.values() for module in plan.modules]
    statuses = {module.status for module in module_plans}
    assert {ModuleStatus.NOT_IN_CATALOG, ModuleStatus.INCOMPATIBLE, ModuleStatus.PAID_UPDATE_ONLY} <= statuses
    assert any(module.blocked_by_starface for module in module_plans), "a STARFACE too old for newer releases"
    assert any(module.untested_newer for module in module_plans)
    assert any(module.use_nfr and module.paid_release for module in module_plans), "NFR makes a paid release free"
    assert any(module.paid_release and not module.target_is_paid and not module.use_nfr for module in module_plans), (
        "a subscription makes a paid release free"
    )
    assert any(item.is_new for plan in plans.values() for item in plan.available)


def test_pre_releases_are_offered_only_on_the_pre_release_channel(world: DemoWorld, catalog: Catalog) -> None:
    for pbx in world.pbxs:
        stable = _plan(pbx, catalog)
        assert all(m.target is None or m.target.channel is Channel.STABLE for m in stable.modules)
    offered = [
        module.target
        for pbx in world.pbxs
        for module in _plan(pbx, catalog, Channel.PRERELEASE).modules
        if module.target is not None and module.target.channel is Channel.PRERELEASE
    ]
    assert offered


# --- building ---------------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_same_day_gives_same_catalog_and_files_in_another_folder(world: DemoWorld, tmp_path: Path) -> None:
    other = build_demo_world(tmp_path, today=TODAY)
    assert other.catalog_file.read_bytes() == world.catalog_file.read_bytes()
    assert _tree(other.vendor_dir) == _tree(world.vendor_dir)
    assert other.catalog_public_key != world.catalog_public_key  # each data folder has its own key
    verify_catalog(other.catalog_file.read_bytes(), other.signature_file.read_bytes(), [other.catalog_public_key])
    assert [pbx.name for pbx in other.pbxs] == [pbx.name for pbx in world.pbxs]
    assert [sorted(pbx.modules) for pbx in other.pbxs] == [sorted(pbx.modules) for pbx in world.pbxs]


def test_rebuilding_reuses_the_folder_and_the_key(tmp_path: Path) -> None:
    first = build_demo_world(tmp_path, today=TODAY)
    stamps = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()}
    stray = first.vendor_dir / "Alt" / "Vergessen_v1.sfm"
    stray.parent.mkdir()
    stray.write_bytes(b"not a module")
    second = build_demo_world(tmp_path, today=TODAY)
    assert second.catalog_public_key == first.catalog_public_key
    assert not stray.exists() and not stray.parent.exists()
    assert {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*") if path.is_file()} == stamps


def test_a_missing_key_is_made_again_and_signs_the_catalog(tmp_path: Path) -> None:
    first = build_demo_world(tmp_path, today=TODAY)
    (tmp_path / "demo-catalog-key.pem").unlink()
    second = build_demo_world(tmp_path, today=TODAY)
    assert second.catalog_public_key != first.catalog_public_key
    verify_catalog(second.catalog_file.read_bytes(), second.signature_file.read_bytes(), [second.catalog_public_key])


def test_another_day_moves_the_relative_dates(world: DemoWorld, tmp_path: Path) -> None:
    later = build_demo_world(tmp_path, today=TODAY + dt.timedelta(days=10))
    assert parse_catalog(later.catalog_file.read_bytes()).generated.startswith("2025-10-11")

    def demo_expiries(item: DemoWorld) -> list[str | None]:
        return [lic.expires for pbx in item.pbxs for lic in pbx.licenses if lic.kind is LicenseKind.DEMO]

    assert [dt.date.fromisoformat(str(day)) - dt.timedelta(days=10) for day in demo_expiries(later)] == [
        dt.date.fromisoformat(str(day)) for day in demo_expiries(world)
    ]


# --- running it --------------------------------------------------------------------------------------


def test_the_world_runs_in_a_simulator_fleet(world: DemoWorld, tmp_path: Path) -> None:
    fleet = SimulatorFleet(tmp_path / "sim")
    for pbx in world.pbxs:
        fleet.add(pbx)
    with fleet:
        reachable = next(sim for sim in fleet.pbxs if sim.state.reachable and len(sim.state.modules) >= 5)
        answer = raw_call(reachable, EntryPoint.LIST_MODULES)
        listed = {item["id"]: item for item in answer["modules"]}
        assert set(listed) == set(reachable.state.modules)
        for module_id, module in reachable.state.modules.items():
            assert listed[module_id]["version"] == module.version
            assert [inst["name"] for inst in listed[module_id]["instances"]] == [i.name for i in module.instances]

        dark = next(sim for sim in fleet.pbxs if not sim.state.reachable)
        with socket.socket() as probe, pytest.raises(OSError):
            probe.settimeout(2)
            probe.connect(("127.0.0.1", dark.port))
