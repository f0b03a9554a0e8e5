"""Planner rules, one table row per rule from STARFACE.md "Licensing rules" and the vendor FAQ."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.catalog import Catalog, CatalogModule, Channel, Release, ReleaseFile
from modmanager.core.planner import (
    ModuleStatus,
    PbxFacts,
    PbxStatus,
    ReadinessState,
    brings,
    choose_file,
    earlier_releases,
    is_paid_release,
    managed_modules,
    on_channel,
    paid_crossing,
    pbx_status,
    plan_module,
    plan_pbx,
    short_version,
    starface_suggestions,
    upgrade_readiness,
)
from modmanager.core.protocol import AGENT_MODULE_ID, Edition, InstalledModule, License, LicenseKind, SystemInfo
from modmanager.core.versions import Compatibility, StarfaceVersion, Verdict

MODULE_ID = "6f1c2d3e-0000-4000-8000-00000000aaaa"
STABLE = Channel.STABLE
PRE = Channel.PRERELEASE


def _file(version: int, flavour: str) -> ReleaseFile:
    return ReleaseFile(location=f"{flavour}/Module_v{version}.sfm", size=1000 + version, sha256=f"{version:064x}")


def rel(
    version: int,
    compatible: str = "",
    incompatible: str = "",
    *,
    channel: Channel = STABLE,
    paid: bool = False,
    changelog: str = "",
    nfr: bool = False,
    standard: bool = True,
    date: str | None = None,
) -> Release:
    return Release(
        version=version,
        display_version=f"v{version}",
        date=date,
        channel=channel,
        compatibility=Compatibility.parse(compatible, incompatible),
        changelog=changelog,
        paid=paid,
        standard=_file(version, "standard") if standard else None,
        nfr=_file(version, "nfr") if nfr else None,
    )


def mod(
    *releases: Release, module_id: str = MODULE_ID, name: str = "Presence Sync", nfr_user: bool = False
) -> CatalogModule:
    return CatalogModule(
        id=module_id,
        names={"en": name, "de": name},
        vendor="Example GmbH",
        description={},
        releases=tuple(sorted(releases, key=lambda release: release.version, reverse=True)),
        nfr_user_license=nfr_user,
    )


def pbx(starface: str = "9.0.1.3", *licenses: LicenseKind, edition: Edition = Edition.APPLIANCE) -> PbxFacts:
    return PbxFacts(StarfaceVersion.parse(starface), edition, frozenset(licenses))


def inst(version: int, module_id: str = MODULE_ID, name: str = "Presence Sync") -> InstalledModule:
    return InstalledModule(id=module_id, name=name, vendor="Example GmbH", version=version)


def catalog(*modules: CatalogModule) -> Catalog:
    return Catalog(name="test", generated="2025-08-01T00:00:00+00:00", modules=modules)


# --- plan_module: one row per rule ------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    facts: PbxFacts
    installed: int | None
    releases: tuple[Release, ...]
    status: ModuleStatus
    target: int | None = None
    paid: bool = False
    paid_release: int | None = None
    free_target: int | None = None
    nfr: bool = False
    untested: tuple[int, ...] = ()
    blocked_by: str | None = None
    channel: Channel = STABLE
    nfr_user_license: bool = False
    reason: str | None = None  # a fragment one of the reasons must contain
    verdict: Verdict | None = field(default=None)


CASES = {
    # Compatibility statements refer to releases: newest compatible release is the target.
    "compatible-update": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        verdict=Verdict.COMPATIBLE,
    ),
    # Alpha/beta STARFACE releases are never supported: nothing is offered as compatible.
    "prerelease-starface": Case(
        pbx("9.1.0.0-beta1"),
        100,
        (rel(100, "9.X"), rel(110, "9.X")),
        ModuleStatus.UNTESTED_ONLY,
        untested=(110,),
        verdict=Verdict.UNTESTED,
        reason="pre-release",
    ),
    # ... and a stated incompatibility still applies to the pre-release of that release.
    "prerelease-starface-incompatible": Case(
        pbx("9.1.0.0-beta1"), 100, (rel(100, "9.X", "9.1"),), ModuleStatus.INCOMPATIBLE, verdict=Verdict.INCOMPATIBLE
    ),
    # Untested is not incompatible: not offered, but listed (and it names the STARFACE it is for).
    "untested-not-offered": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110)),
        ModuleStatus.UP_TO_DATE,
        untested=(110,),
        reason="untested",
    ),
    # Untested releases newer than the target are listed beside the target.
    "untested-beyond-target": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X"), rel(120)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        untested=(120,),
    ),
    # Untested releases older than the target are not worth showing.
    "untested-below-target-hidden": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(105), rel(110, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
    ),
    # Only untested releases, installed one included: UNTESTED_ONLY, not incompatible.
    "untested-only": Case(
        pbx(), 100, (rel(100, "8.X"), rel(110)), ModuleStatus.UNTESTED_ONLY, untested=(110,), verdict=Verdict.UNTESTED
    ),
    # Stable channel ignores pre-release releases, however new.
    "stable-ignores-prerelease": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(105, "9.X"), rel(110, "9.X", channel=PRE)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=105,
        free_target=105,
        reason="pre-release(s) hidden",
    ),
    "stable-only-prerelease-newer": Case(
        pbx(), 100, (rel(100, "9.X"), rel(110, "9.X", channel=PRE)), ModuleStatus.UP_TO_DATE
    ),
    # The pre-release channel considers both.
    "prerelease-channel": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(105, "9.X"), rel(110, "9.X", channel=PRE)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        channel=PRE,
    ),
    # Updating to a paid release needs a new key; nothing free is newer: paid update only.
    "paid-target": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X", paid=True)),
        ModuleStatus.PAID_UPDATE_ONLY,
        target=110,
        paid=True,
        paid_release=110,
        reason="new module license key",
    ),
    # Updating past a paid release needs a new key too.
    "paid-crossed": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X", paid=True), rel(120, "9.X")),
        ModuleStatus.PAID_UPDATE_ONLY,
        target=120,
        paid=True,
        paid_release=110,
    ),
    # Staying below the paid release does not: free_target is the newest release below it.
    "paid-free-alternative": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(105, "9.X"), rel(110, "9.X", paid=True), rel(120, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=120,
        paid=True,
        paid_release=110,
        free_target=105,
        reason="v105 is the newest update",
    ),
    # A paid marker in the changelog makes a release paid even without the catalog flag.
    "paid-by-changelog-marker": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X", changelog="Neu: Teams. Kostenpflichtiges Upgrade.")),
        ModuleStatus.PAID_UPDATE_ONLY,
        target=110,
        paid=True,
        paid_release=110,
    ),
    # A negated marker is not a paid release.
    "negated-marker-free": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X", changelog="Nicht kostenpflichtig.")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
    ),
    # The installed release itself being paid is already licensed: nothing is crossed.
    "installed-paid-not-crossed": Case(
        pbx(),
        110,
        (rel(110, "9.X", paid=True), rel(120, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=120,
        free_target=120,
    ),
    # A paid pre-release still moves the license boundary for stable users crossing it.
    "paid-prerelease-crossed": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(110, "9.X", channel=PRE, paid=True), rel(120, "9.X")),
        ModuleStatus.PAID_UPDATE_ONLY,
        target=120,
        paid=True,
        paid_release=110,
    ),
    # Subscription customers get all updates at no cost.
    "subscription-not-paid": Case(
        pbx("9.0.1.3", LicenseKind.SUBSCRIPTION),
        100,
        (rel(100, "9.X"), rel(110, "9.X", paid=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        paid_release=110,
        reason="subscription covers",
    ),
    # Downgrades are never proposed: installed newer than the catalog is up to date.
    "installed-newer-than-catalog": Case(
        pbx(),
        130,
        (rel(110, "9.X"), rel(120, "9.X")),
        ModuleStatus.UP_TO_DATE,
        reason="newer than every stable catalog release",
    ),
    # ... nor when only an older release would be compatible.
    "only-older-compatible": Case(
        pbx(), 125, (rel(120, "9.X"), rel(130, "", "9.X")), ModuleStatus.NO_COMPATIBLE_RELEASE
    ),
    # NFR server license: the NFR build of modules that ship one.
    "nfr-server": Case(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER),
        100,
        (rel(100, "9.X"), rel(110, "9.X", nfr=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        nfr=True,
    ),
    # Modules without an NFR build get the standard file.
    "nfr-server-no-nfr-build": Case(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER),
        100,
        (rel(100, "9.X"), rel(110, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
    ),
    # NFR user license: only modules that recognise it.
    "nfr-user-honoured": Case(
        pbx("9.0.1.3", LicenseKind.NFR_USER),
        100,
        (rel(100, "9.X"), rel(110, "9.X", nfr=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        nfr=True,
        nfr_user_license=True,
    ),
    "nfr-user-not-honoured": Case(
        pbx("9.0.1.3", LicenseKind.NFR_USER),
        100,
        (rel(100, "9.X"), rel(110, "9.X", nfr=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
    ),
    # STARFACE Cloud has no NFR licenses: a claimed one is ignored, and the plan says so.
    "cloud-ignores-nfr": Case(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER, edition=Edition.CLOUD),
        100,
        (rel(100, "9.X"), rel(110, "9.X", nfr=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        reason="STARFACE Cloud",
    ),
    # With the NFR build the module runs without a key: a paid release costs nothing.
    "nfr-paid-free": Case(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER),
        100,
        (rel(100, "9.X"), rel(110, "9.X", paid=True, nfr=True)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        paid_release=110,
        nfr=True,
        reason="NFR build runs without",
    ),
    # ... but an NFR license without an NFR build keeps the paid warning.
    "nfr-no-build-still-paid": Case(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER),
        100,
        (rel(100, "9.X"), rel(110, "9.X", paid=True)),
        ModuleStatus.PAID_UPDATE_ONLY,
        target=110,
        paid=True,
        paid_release=110,
    ),
    # A release with only an NFR build cannot go to a PBX without NFR license.
    "nfr-only-build-skipped": Case(
        pbx(),
        100,
        (rel(100, "9.X"), rel(105, "9.X"), rel(110, "9.X", nfr=True, standard=False)),
        ModuleStatus.UPDATE_AVAILABLE,
        target=105,
        free_target=105,
        reason="no build this PBX can use",
    ),
    # Updates are published for the newest STARFACE only: an old STARFACE is up to date but blocked.
    "blocked-by-old-starface": Case(
        pbx("8.1.3.0"),
        100,
        (rel(100, "8.X"), rel(110, "9.X"), rel(120, "9.X-10.X")),
        ModuleStatus.UP_TO_DATE,
        untested=(120, 110),  # no statement about 8.1, so listed as untested, never offered
        blocked_by="9.0",
        reason="newer releases need a newer STARFACE (9.0)",
    ),
    # Installed release stated incompatible, nothing newer compatible: INCOMPATIBLE.
    "installed-incompatible": Case(
        pbx(),
        100,
        (rel(100, "8.X", "9.X"), rel(110, "10.X")),
        ModuleStatus.INCOMPATIBLE,
        untested=(110,),
        blocked_by="10.0",
        verdict=Verdict.INCOMPATIBLE,
    ),
    # ... but a newer compatible release is the way out.
    "installed-incompatible-update": Case(
        pbx(),
        100,
        (rel(100, "8.X", "9.X"), rel(110, "9.X")),
        ModuleStatus.UPDATE_AVAILABLE,
        target=110,
        free_target=110,
        verdict=Verdict.INCOMPATIBLE,
    ),
    # Installed release unknown to the catalog and no newer compatible: no compatible release.
    "newer-all-incompatible": Case(pbx(), 95, (rel(100, "8.X", "9.X"),), ModuleStatus.NO_COMPATIBLE_RELEASE),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_plan_module_rules(case: Case) -> None:
    module = mod(*case.releases, nfr_user=case.nfr_user_license)
    installed = inst(case.installed) if case.installed is not None else None
    plan = plan_module(case.facts, installed, module, channel=case.channel)

    def version(release: Release | None) -> int | None:
        return release.version if release is not None else None

    assert plan.status is case.status, plan.reasons
    assert version(plan.target) == case.target
    assert plan.target_is_paid is case.paid
    assert version(plan.paid_release) == case.paid_release
    assert version(plan.free_target) == case.free_target
    assert plan.use_nfr is case.nfr
    assert tuple(r.version for r in plan.untested_newer) == case.untested
    blocked = short_version(plan.blocked_by_starface) if plan.blocked_by_starface else None
    assert blocked == case.blocked_by
    assert plan.installed_verdict is case.verdict or case.verdict is None
    if case.reason is not None:
        assert any(case.reason.lower() in reason.lower() for reason in plan.reasons), plan.reasons
    assert plan.reasons, "every plan explains itself"


def test_not_in_catalog() -> None:
    plan = plan_module(pbx(), inst(100), None)
    assert plan.status is ModuleStatus.NOT_IN_CATALOG
    assert plan.installed_verdict is None and plan.target is None
    assert plan.name == "Presence Sync"


def test_installed_release_missing_from_catalog_has_no_verdict() -> None:
    plan = plan_module(pbx(), inst(105), mod(rel(100, "9.X"), rel(110, "9.X")))
    assert plan.installed_verdict is None
    assert plan.target is not None and plan.target.version == 110


def test_fresh_installation_plan_crosses_nothing() -> None:
    plan = plan_module(pbx(), None, mod(rel(100, "9.X", paid=True), rel(110, "9.X", paid=True)))
    assert plan.installed_version is None
    assert plan.target is not None and plan.target.version == 110
    assert plan.paid_release is None and not plan.target_is_paid


def test_plan_module_needs_something_to_plan() -> None:
    with pytest.raises(ValueError):
        plan_module(pbx(), None, None)


def test_custom_paid_markers() -> None:
    module = mod(rel(100, "9.X"), rel(110, "9.X", changelog="Upgrade costs $"))
    assert plan_module(pbx(), inst(100), module).status is ModuleStatus.UPDATE_AVAILABLE
    assert plan_module(pbx(), inst(100), module, paid_markers=("$",)).status is ModuleStatus.PAID_UPDATE_ONLY


@pytest.mark.parametrize(
    ("release", "paid"),
    [
        (rel(1, paid=True), True),  # catalog flag
        (rel(1, changelog="€ neue Funktionen"), True),  # currency sign in the vendor wiki
        (rel(1, changelog="paid upgrade: new license key required"), True),  # plain English marker
        (rel(1, changelog="kein kostenpflichtiges Update"), False),  # negated
        (rel(1, changelog="prepaid cards supported"), False),  # word boundary
        (rel(1), False),
    ],
)
def test_is_paid_release(release: Release, paid: bool) -> None:
    assert is_paid_release(release) is paid


# --- paid crossing, earlier releases, what an update brings ----------------------------------------

PAID_AT_110 = mod(rel(100, "9.X"), rel(105, "9.X"), rel(110, "9.X", paid=True), rel(120, "9.X", nfr=True))


@pytest.mark.parametrize(
    ("facts", "from_version", "to_version", "nfr_build", "crossed"),
    [
        (pbx(), 100, 105, None, None),  # below the paid release
        (pbx(), 100, 110, None, 110),  # onto it
        (pbx(), 100, 120, None, 110),  # past it: the oldest paid release crossed is named
        (pbx(), 110, 120, None, None),  # already paid for
        (pbx(), None, 120, None, None),  # a fresh installation needs a key anyway
        (pbx("9.0.1.3", LicenseKind.SUBSCRIPTION), 100, 120, None, None),  # the subscription covers it
        (pbx("9.0.1.3", LicenseKind.NFR_SERVER), 100, 120, None, None),  # the NFR build runs without a key
        (pbx("9.0.1.3", LicenseKind.NFR_SERVER), 100, 120, False, 110),  # ... unless the standard build is chosen
        (pbx(), 100, 110, True, None),  # the NFR build chosen by hand
    ],
)
def test_paid_crossing(
    facts: PbxFacts, from_version: int | None, to_version: int, nfr_build: bool | None, crossed: int | None
) -> None:
    release = PAID_AT_110.release(to_version)
    assert release is not None
    found = paid_crossing(PAID_AT_110, from_version, release, facts, nfr_build=nfr_build)
    assert (found.version if found is not None else None) == crossed


def test_paid_crossing_is_the_rule_the_plan_applies() -> None:
    """The plan's cost for this PBX is exactly paid_crossing's answer for its target."""
    for facts in (pbx(), pbx("9.0.1.3", LicenseKind.SUBSCRIPTION), pbx("9.0.1.3", LicenseKind.NFR_SERVER)):
        plan = plan_module(facts, inst(100), PAID_AT_110)
        assert plan.target is not None
        assert plan.target_is_paid is (paid_crossing(PAID_AT_110, 100, plan.target, facts) is not None)


def test_paid_crossing_honours_custom_markers() -> None:
    module = mod(rel(100, "9.X"), rel(110, "9.X", changelog="Upgrade costs $"))
    release = module.release(110)
    assert release is not None
    assert paid_crossing(module, 100, release, pbx()) is None
    assert paid_crossing(module, 100, release, pbx(), markers=("$",)) == release


def test_earlier_releases_are_older_newest_first_and_never_incompatible() -> None:
    module = mod(rel(90, "8.X"), rel(95, "9.X"), rel(97, "", "9.X"), rel(99), rel(100, "9.X"), rel(101, "9.X"))
    starface = StarfaceVersion.parse("9.0.1.3")
    assert [r.version for r in earlier_releases(module, 100, starface)] == [99, 95, 90], "97 is stated incompatible"
    assert [r.version for r in earlier_releases(module, 100, None)] == [99, 97, 95, 90], "unknown STARFACE: all"
    assert earlier_releases(module, 90, starface) == []


@pytest.mark.parametrize(
    ("version", "installed", "target", "brought"),
    [
        (101, 100, 105, True),
        (105, 100, 105, True),
        (100, 100, 105, False),  # the installed release is not brought again
        (106, 100, 105, False),  # beyond the target
        (101, 100, None, False),  # no update
        (101, None, 105, True),  # a fresh installation brings everything up to its release
    ],
)
def test_brings(version: int, installed: int | None, target: int | None, brought: bool) -> None:
    assert brings(rel(version), installed, target) is brought


def test_on_channel() -> None:
    assert on_channel(rel(1), STABLE) and on_channel(rel(1), PRE)
    assert on_channel(rel(1, channel=PRE), PRE) and not on_channel(rel(1, channel=PRE), STABLE)


def test_starface_suggestions_name_range_starts_newest_first() -> None:
    module = mod(rel(1, "8.X"), rel(2, "9.0-9.X", "10.0"), rel(3, ">=10.0"))
    assert [str(v) for v in starface_suggestions([module])] == ["10.0.0.0", "9.0.0.0", "8.0.0.0"]
    assert [str(v) for v in starface_suggestions([module], limit=1)] == ["10.0.0.0"]


# --- choose_file ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("licenses", "edition", "nfr_user", "has_nfr", "has_standard", "expected"),
    [
        # NFR server license: NFR build if the release ships one.
        ({LicenseKind.NFR_SERVER}, Edition.APPLIANCE, False, True, True, "nfr"),
        ({LicenseKind.NFR_SERVER}, Edition.VM, False, False, True, "standard"),
        # NFR user license: only for modules that honour it.
        ({LicenseKind.NFR_USER}, Edition.APPLIANCE, True, True, True, "nfr"),
        ({LicenseKind.NFR_USER}, Edition.APPLIANCE, False, True, True, "standard"),
        # Cloud instances have no NFR licenses, whatever they report.
        ({LicenseKind.NFR_SERVER}, Edition.CLOUD, True, True, True, "standard"),
        ({LicenseKind.NFR_USER}, Edition.CLOUD, True, True, True, "standard"),
        # No NFR license: standard build; an NFR-only release has nothing for this PBX.
        ({LicenseKind.SERVER}, Edition.APPLIANCE, True, True, True, "standard"),
        ({LicenseKind.SERVER}, Edition.APPLIANCE, False, True, False, None),
        # Free Edition (hardware ID licensing) plans like any other edition.
        ({LicenseKind.NFR_SERVER}, Edition.FREE, False, True, True, "nfr"),
    ],
)
def test_choose_file(
    licenses: set[LicenseKind],
    edition: Edition,
    nfr_user: bool,
    has_nfr: bool,
    has_standard: bool,
    expected: str | None,
) -> None:
    release = rel(7, "9.X", nfr=has_nfr, standard=has_standard)
    module = mod(release, nfr_user=nfr_user)
    chosen, is_nfr = choose_file(release, pbx("9.0.1.3", *licenses, edition=edition), module)
    assert chosen == {"nfr": release.nfr, "standard": release.standard, None: None}[expected]
    assert is_nfr is (expected == "nfr")


# --- PbxFacts ---------------------------------------------------------------------------------


def _info(edition: Edition, *licenses: License, version: str = "9.0.1.3") -> SystemInfo:
    return SystemInfo(
        agent_version="1.0",
        starface_version=version,
        edition=edition,
        server_license_key=None,
        hardware_id="HW-1",
        licenses=licenses,
    )


@pytest.mark.parametrize(
    ("edition", "kinds", "nfr_server", "nfr_user", "subscription", "nfr_ignored"),
    [
        (Edition.APPLIANCE, (LicenseKind.SERVER,), False, False, False, False),
        (Edition.VM, (LicenseKind.NFR_SERVER,), True, False, False, False),
        (Edition.APPLIANCE, (LicenseKind.NFR_USER,), False, True, False, False),
        # Cloud instances have no NFR licenses: a claim is ignored and flagged.
        (Edition.CLOUD, (LicenseKind.NFR_SERVER, LicenseKind.NFR_USER), False, False, False, True),
        (Edition.CLOUD, (LicenseKind.SUBSCRIPTION,), False, False, True, False),
    ],
)
def test_facts_license_rules(
    edition: Edition,
    kinds: tuple[LicenseKind, ...],
    nfr_server: bool,
    nfr_user: bool,
    subscription: bool,
    nfr_ignored: bool,
) -> None:
    facts = PbxFacts.from_system_info(_info(edition, *(License(kind) for kind in kinds)))
    assert (facts.nfr_server, facts.nfr_user, facts.subscription, facts.nfr_ignored) == (
        nfr_server,
        nfr_user,
        subscription,
        nfr_ignored,
    )
    assert facts.licenses == frozenset(kinds)


def test_facts_keep_informational_licensing() -> None:
    facts = PbxFacts.from_system_info(
        _info(
            Edition.FREE,
            License(LicenseKind.REDUNDANCY),
            License(LicenseKind.DEMO, expires="2025-12-31"),
            version="STARFACE 9.0.1.3",
        )
    )
    assert facts.starface == StarfaceVersion.of(9, 0, 1, 3)
    assert facts.licensed_to_hardware  # Free Edition: module keys belong to the hardware ID
    assert facts.redundancy  # redundancy systems need their own module keys
    assert facts.demo_expires == "2025-12-31"  # demo licenses carry an expiry date
    notes = " ".join(facts.notes())
    assert "hardware ID" in notes and "redundancy" in notes and "2025-12-31" in notes


# --- plan_pbx and pbx_status ----------------------------------------------------------------


OTHER_ID = "6f1c2d3e-0000-4000-8000-00000000bbbb"
THIRD_ID = "6f1c2d3e-0000-4000-8000-00000000cccc"


def test_plan_pbx_lists_available_modules() -> None:
    today = dt.date(2025, 8, 1)
    installed_module = mod(rel(100, "9.X"), rel(110, "9.X"))
    brand_new = mod(rel(3, "9.X", date="2025-07-01", nfr=True), module_id=OTHER_ID, name="Call Board")
    old_incompatible = mod(rel(5, "8.X", date="2020-01-01"), module_id=THIRD_ID, name="Archive")
    plan = plan_pbx(
        pbx("9.0.1.3", LicenseKind.NFR_SERVER),
        [inst(100, module_id=MODULE_ID.upper())],  # module ids compare case-insensitively
        [catalog(installed_module), catalog(brand_new, old_incompatible)],
        today=today,
    )
    assert [p.status for p in plan.modules] == [ModuleStatus.UPDATE_AVAILABLE]
    assert [(a.module.id, a.release.version, a.use_nfr, a.is_new) for a in plan.available] == [
        (OTHER_ID, 3, True, True)
    ]
    assert plan.status is PbxStatus.UPDATES_AVAILABLE


def test_a_fleet_of_one_kind_plans_the_catalog_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Planning a PBX costs what its installed modules cost: what a fresh install would get is
    # decided once per catalog set and kind of PBX, not for every catalog module on every PBX.
    import modmanager.core.planner as planner

    modules = [mod(rel(1, "9.X"), rel(2, "9.X"), module_id=f"6f1c2d3e-0000-4000-8000-{n:012d}") for n in range(30)]
    catalogs = [catalog(*modules)]
    asked: list[str] = []
    newest = planner._newest_installable

    def counting(facts: PbxFacts, module: CatalogModule, channel: Channel) -> Release | None:
        asked.append(module.id)
        return newest(facts, module, channel)

    monkeypatch.setattr(planner, "_newest_installable", counting)
    plans = [plan_pbx(pbx(), [inst(1, module_id=modules[n].id)], catalogs) for n in range(20)]
    assert len(asked) == len(modules)
    for n, plan in enumerate(plans):
        assert modules[n].id not in [item.module.id for item in plan.available]
        assert len(plan.available) == len(modules) - 1
    plan_pbx(pbx("9.0.1.3", LicenseKind.NFR_SERVER), [], catalogs)  # another kind of PBX: asked again
    assert len(asked) == 2 * len(modules)


def test_another_catalog_set_is_planned_against_its_own_modules() -> None:
    first = plan_pbx(pbx(), [], [catalog(mod(rel(1, "9.X"), name="Alpha"))])
    second = plan_pbx(pbx(), [], [catalog(mod(rel(1, "9.X"), module_id=OTHER_ID, name="Beta"))])
    assert [item.module.id for item in first.available] == [MODULE_ID]
    assert [item.module.id for item in second.available] == [OTHER_ID]


@pytest.mark.parametrize(
    ("first_date", "today", "is_new"),
    [
        ("2025-07-01", dt.date(2025, 8, 1), True),
        ("2025-01-01", dt.date(2025, 8, 1), False),
        (None, dt.date(2025, 8, 1), False),
        ("2025-07-01", None, False),
    ],
)
def test_is_new_rule(first_date: str | None, today: dt.date | None, is_new: bool) -> None:
    module = mod(rel(1, "9.X", date=first_date), rel(2, "9.X", date="2025-07-30"))
    plan = plan_pbx(pbx(), [], [catalog(module)], today=today)
    assert [a.is_new for a in plan.available] == [is_new]


def test_plan_pbx_notes_prerelease_and_cloud() -> None:
    plan = plan_pbx(pbx("10.0.0.0-beta2", LicenseKind.NFR_SERVER, edition=Edition.CLOUD), [], [catalog()])
    notes = " ".join(plan.notes)
    assert "pre-release" in notes and "Cloud" in notes


def _plan_with(*statuses_releases: tuple[str, tuple[Release, ...], int]) -> PbxStatus:
    installed = []
    modules = []
    for index, (_, releases, version) in enumerate(statuses_releases):
        module_id = f"mod-{index}"
        modules.append(mod(*releases, module_id=module_id))
        installed.append(inst(version, module_id=module_id))
    return pbx_status(plan_pbx(pbx(), installed, [catalog(*modules)]))


UP = ("up", (rel(100, "9.X"),), 100)
FREE = ("free", (rel(100, "9.X"), rel(110, "9.X")), 100)
PAID = ("paid", (rel(100, "9.X"), rel(110, "9.X", paid=True)), 100)
BROKEN = ("broken", (rel(100, "", "9.X"),), 100)
UNTESTED = ("untested", (rel(100), rel(110)), 100)


@pytest.mark.parametrize(
    ("modules", "expected"),
    [
        ((), PbxStatus.UP_TO_DATE),
        ((UP, UNTESTED), PbxStatus.UP_TO_DATE),  # untested only: nothing to act on
        ((UP, PAID), PbxStatus.PAID_UPDATES_ONLY),
        ((PAID, FREE), PbxStatus.UPDATES_AVAILABLE),  # a free update beats "paid only"
        ((FREE, BROKEN, PAID), PbxStatus.INCOMPATIBLE_MODULE),  # worst wins
    ],
)
def test_pbx_status_worst_wins(modules: tuple[tuple[str, tuple[Release, ...], int], ...], expected: PbxStatus) -> None:
    assert _plan_with(*modules) is expected


# --- upgrade readiness ------------------------------------------------------------------------


def test_upgrade_readiness_per_module() -> None:
    modules = [
        mod(rel(100, "9.X-10.X"), module_id="now"),
        mod(rel(100, "9.X"), rel(110, "9.X"), rel(120, "10.X"), module_id="update"),
        mod(rel(100, "9.X"), rel(110, "10.X", paid=True), module_id="paid"),
        mod(rel(100, "9.X"), rel(110), module_id="untested"),
        # Only stated incompatibilities make "no release"; a silent release is untested.
        mod(rel(100, "9.X", "10.X"), rel(110, "9.X", "10.X"), module_id="none"),
        mod(rel(100, "9.X", "10.X"), rel(90, "10.X"), module_id="only-older"),  # downgrades are not proposed
    ]
    installed = [inst(100, module_id=m.id, name=m.id) for m in modules] + [inst(1, module_id="unknown")]
    readiness = upgrade_readiness(pbx(), installed, [catalog(*modules)], StarfaceVersion.parse("10.0.1.0"))
    states = {m.module_id: (m.state, m.release.version if m.release else None, m.is_paid) for m in readiness.modules}
    assert states == {
        "now": (ReadinessState.COMPATIBLE_NOW, 100, False),
        "update": (ReadinessState.UPDATE_REQUIRED, 120, False),
        "paid": (ReadinessState.UPDATE_REQUIRED, 110, True),
        "untested": (ReadinessState.UNTESTED, None, False),
        "none": (ReadinessState.NO_RELEASE, None, False),
        "only-older": (ReadinessState.NO_RELEASE, None, False),
        "unknown": (ReadinessState.NOT_IN_CATALOG, None, False),
    }
    assert not readiness.ready
    assert [m.module_id for m in readiness.untested] == ["untested"]
    assert {m.module_id for m in readiness.blocking} == {"untested", "none", "only-older", "unknown"}
    assert next(m for m in readiness.modules if m.module_id == "now").installed_compatible


@pytest.mark.parametrize(
    ("licenses", "target", "ready"),
    [
        ((), "10.0.1.0", True),
        ((LicenseKind.SUBSCRIPTION,), "10.0.1.0", True),
        # Alpha/beta releases are never supported: nothing can be ready for one.
        ((), "10.0.1.0-beta1", False),
    ],
)
def test_upgrade_readiness_ready(licenses: tuple[LicenseKind, ...], target: str, ready: bool) -> None:
    module = mod(rel(100, "9.X"), rel(110, "10.X", paid=True))
    readiness = upgrade_readiness(
        pbx("9.0.1.3", *licenses), [inst(100)], [catalog(module)], StarfaceVersion.parse(target)
    )
    assert readiness.ready is ready
    if ready:
        # Subscription customers get all updates at no cost.
        assert readiness.modules[0].is_paid is (LicenseKind.SUBSCRIPTION not in licenses)
    else:
        assert any("pre-release" in note for note in readiness.notes)


def test_upgrade_readiness_stable_channel_ignores_prereleases() -> None:
    module = mod(rel(100, "9.X"), rel(110, "10.X", channel=PRE))
    target = StarfaceVersion.parse("10.0.0.0")
    assert not upgrade_readiness(pbx(), [inst(100)], [catalog(module)], target).ready
    assert upgrade_readiness(pbx(), [inst(100)], [catalog(module)], target, channel=PRE).ready


# --- properties -------------------------------------------------------------------------------

_COMPAT = st.sampled_from([("9.X", ""), ("", ""), ("", "9.X"), ("10.X", ""), ("8.X", "")])


@st.composite
def _scenarios(draw: st.DrawFn) -> tuple[PbxFacts, int, CatalogModule, Channel]:
    versions = draw(st.lists(st.integers(1, 40), min_size=1, max_size=8, unique=True))
    releases = []
    for version in versions:
        compatible, incompatible = draw(_COMPAT)
        has_nfr = draw(st.booleans())
        releases.append(
            rel(
                version,
                compatible,
                incompatible,
                channel=draw(st.sampled_from([STABLE, PRE])),
                paid=draw(st.booleans()),
                nfr=has_nfr,
                standard=not has_nfr or draw(st.booleans()),
            )
        )
    licenses = draw(
        st.frozensets(st.sampled_from([LicenseKind.NFR_SERVER, LicenseKind.NFR_USER, LicenseKind.SUBSCRIPTION]))
    )
    facts = PbxFacts(
        StarfaceVersion.parse(draw(st.sampled_from(["9.0.1.3", "9.1.0.0-beta1", "8.1.3.0"]))),
        draw(st.sampled_from(list(Edition))),
        licenses,
    )
    module = mod(*releases, nfr_user=draw(st.booleans()))
    return facts, draw(st.integers(0, 45)), module, draw(st.sampled_from([STABLE, PRE]))


@settings(max_examples=150, deadline=None)
@given(_scenarios())
def test_plan_invariants(scenario: tuple[PbxFacts, int, CatalogModule, Channel]) -> None:
    facts, installed, module, channel = scenario
    plan = plan_module(facts, inst(installed), module, channel=channel)
    paid_versions = {r.version for r in module.releases if is_paid_release(r)}
    for offered in (plan.target, plan.free_target):
        if offered is None:
            continue
        # Never older than installed (no downgrades), never anything but compatible.
        assert offered.version > installed
        assert offered.compatibility.verdict(facts.starface) is Verdict.COMPATIBLE
        assert channel is PRE or offered.channel is STABLE
        assert choose_file(offered, facts, module)[0] is not None
    if plan.free_target is not None:
        # The free alternative never crosses a paid release.
        assert not any(installed < v <= plan.free_target.version for v in paid_versions)
        assert plan.target is not None and plan.free_target.version <= plan.target.version
    if plan.target_is_paid:
        assert plan.paid_release is not None and not facts.subscription and not plan.use_nfr
    if plan.target is None:
        assert plan.status not in (ModuleStatus.UPDATE_AVAILABLE, ModuleStatus.PAID_UPDATE_ONLY)
    if facts.is_cloud:
        assert not plan.use_nfr
    for release in plan.untested_newer:
        assert release.version > installed
        assert release.compatibility.verdict(facts.starface) is Verdict.UNTESTED


# --- the agent's own module -------------------------------------------------------------------


def test_the_agent_itself_is_managed_only_when_a_catalog_lists_it() -> None:
    agent = inst(200, module_id=AGENT_MODULE_ID, name="modmanager Agent")
    other = inst(3)
    assert managed_modules([agent, other], [catalog(mod(rel(3)))]) == [other]
    listed = catalog(mod(rel(200), rel(201), module_id=AGENT_MODULE_ID.upper(), name="modmanager Agent"))
    assert managed_modules([agent, other], [listed]) == [agent, other]
    assert managed_modules([agent], [], agent_module_id="another-agent-id") == [agent]
