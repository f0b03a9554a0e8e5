"""Licensing and planning: which release each module should get on one PBX, and at what cost.

Pure functions over the catalog model (:mod:`modmanager.core.catalog`), the STARFACE facts of
one PBX and its installed modules. Every decision carries short English ``reasons`` so the
GUI and the CLI can explain it; the GUI translates its own labels, not these sentences.

Rules (from the vendor FAQ and ``docs``; each one has a table-driven test):

- Compatibility statements are about STARFACE *releases*: on an alpha/beta/rc STARFACE no
  module release is compatible, so nothing is offered (the reasons say why).
- A release without a statement for this STARFACE is "untested", not incompatible: it is
  never a target, but newer untested releases are listed in ``untested_newer``.
- The stable channel ignores pre-release module releases; the pre-release channel considers
  both. A pre-release is never offered on the stable channel, however new.
- Downgrades are never proposed. An installed release newer than the catalog is up to date.
- Paid: updating *to or past* a paid release (catalog flag, or a paid marker in the
  release's changelog) needs a new module license key; staying below it does not, so
  ``free_target`` is the newest compatible release below the first paid one crossed.
  Subscription customers get every update at no cost.
- NFR: an NFR server license selects the NFR build of modules that ship one; an NFR user
  license only for modules that honour it (``CatalogModule.nfr_user_license``). STARFACE
  Cloud has no NFR licenses: a cloud PBX claiming one is ignored, with a note. Modules
  without an NFR build get the standard file. When the NFR build is used, the module runs
  without a module license key, so crossing a paid release costs that PBX nothing.
- Module updates are published only for the newest STARFACE: when newer releases exist but
  state compatibility only with a newer STARFACE, ``blocked_by_starface`` names it.
- Free Edition PBXs license modules to the hardware ID, redundancy PBXs need their own module
  keys: facts kept for the GUI, no difference in planning.
- Holds and skips (:mod:`modmanager.core.holds`): a held module gets status HELD with no
  target (nothing offers it; ``held_back`` names what would have been offered); a skipped
  release is never a target, newer ones are.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from modmanager.core.catalog import Catalog, CatalogModule, Channel, Release, ReleaseFile, merge_catalogs
from modmanager.core.changelog import DEFAULT_PAID_MARKERS, is_paid_text
from modmanager.core.holds import NO_RULES, Hold, ModuleRules, rules_for
from modmanager.core.protocol import AGENT_MODULE_ID, Edition, InstalledModule, LicenseKind, SystemInfo
from modmanager.core.versions import StarfaceVersion, Verdict

__all__ = [
    "NEW_MODULE_DAYS",
    "AvailableModule",
    "ModulePlan",
    "ModuleReadiness",
    "ModuleStatus",
    "PbxFacts",
    "PbxPlan",
    "PbxStatus",
    "Readiness",
    "ReadinessState",
    "brings",
    "choose_file",
    "earlier_releases",
    "is_paid_release",
    "on_channel",
    "paid_crossing",
    "pbx_status",
    "plan_module",
    "plan_pbx",
    "short_version",
    "starface_suggestions",
    "upgrade_readiness",
]

NEW_MODULE_DAYS = 90
"""A module counts as new while its first release is at most this many days old."""

_NFR_KINDS = frozenset({LicenseKind.NFR_SERVER, LicenseKind.NFR_USER})


@dataclass(frozen=True)
class PbxFacts:
    """What planning needs to know about one PBX.

    ``licenses`` keeps what the PBX reported, even an NFR license on STARFACE Cloud; the
    properties apply the rules (Cloud has no NFR licenses), so callers never re-check them.
    """

    starface: StarfaceVersion
    edition: Edition
    licenses: frozenset[LicenseKind] = frozenset()
    demo_expires: str | None = None
    """ISO date a demo server license ends (bought keys never expire); informational."""

    @classmethod
    def from_system_info(cls, info: SystemInfo) -> PbxFacts:
        """Facts from the agent's ``systemInfo`` answer; an unreadable version raises InvalidVersion."""
        demo_dates = sorted(lic.expires for lic in info.licenses if lic.kind is LicenseKind.DEMO and lic.expires)
        return cls(
            starface=StarfaceVersion.parse(info.starface_version),
            edition=info.edition,
            licenses=frozenset(lic.kind for lic in info.licenses),
            demo_expires=demo_dates[0] if demo_dates else None,
        )

    @property
    def is_cloud(self) -> bool:
        return self.edition is Edition.CLOUD

    @property
    def nfr_server(self) -> bool:
        """An NFR server license that counts (never on STARFACE Cloud)."""
        return LicenseKind.NFR_SERVER in self.licenses and not self.is_cloud

    @property
    def nfr_user(self) -> bool:
        """An NFR user license that counts (never on STARFACE Cloud)."""
        return LicenseKind.NFR_USER in self.licenses and not self.is_cloud

    @property
    def nfr_ignored(self) -> bool:
        """The PBX claims an NFR license that cannot exist because it is a Cloud instance."""
        return self.is_cloud and bool(self.licenses & _NFR_KINDS)

    @property
    def subscription(self) -> bool:
        """Subscription customers get every update at no cost."""
        return LicenseKind.SUBSCRIPTION in self.licenses

    @property
    def licensed_to_hardware(self) -> bool:
        """Free Edition module keys belong to the hardware ID, not to a server license key."""
        return self.edition is Edition.FREE

    @property
    def redundancy(self) -> bool:
        """A redundancy PBX needs its own module license keys (the primary's do not work)."""
        return LicenseKind.REDUNDANCY in self.licenses

    def notes(self) -> tuple[str, ...]:
        """PBX-wide sentences that explain planning decisions or licensing facts."""
        notes: list[str] = []
        if not self.starface.is_release:
            notes.append(
                f"STARFACE {self.starface} is a pre-release; compatibility is only stated for releases, "
                "so no module release counts as compatible."
            )
        if self.nfr_ignored:
            notes.append("STARFACE Cloud instances have no NFR licenses; the reported NFR license is ignored.")
        if self.subscription:
            notes.append("The subscription covers all module updates at no cost.")
        if self.licensed_to_hardware:
            notes.append("On a Free Edition, module license keys belong to the hardware ID of the installation.")
        if self.redundancy:
            notes.append("A redundancy system needs its own module license keys.")
        if self.demo_expires:
            notes.append(f"The demo license expires on {self.demo_expires}.")
        return tuple(notes)


class ModuleStatus(enum.StrEnum):
    """The outcome of planning one installed module."""

    UP_TO_DATE = "up-to-date"
    UPDATE_AVAILABLE = "update-available"
    PAID_UPDATE_ONLY = "paid-update-only"
    INCOMPATIBLE = "incompatible"
    """The installed release is stated incompatible and no compatible release is newer."""
    NO_COMPATIBLE_RELEASE = "no-compatible-release"
    UNTESTED_ONLY = "untested-only"
    """Neither the installed nor any newer release is stated compatible; some are untested."""
    NOT_IN_CATALOG = "not-in-catalog"
    HELD = "held"
    """A hold keeps the module at the installed version; no update is offered."""


@dataclass(frozen=True)
class ModulePlan:
    """The decision for one module on one PBX.

    ``paid_release`` and ``free_target`` describe the catalog (which releases cross a paid
    one); ``target_is_paid`` is the cost for *this* PBX, which is False with a subscription
    or when the NFR build is used.
    """

    module_id: str
    name: str
    installed_version: int | None
    installed_verdict: Verdict | None
    """The installed release's verdict on this STARFACE; None when the catalog does not list it."""
    status: ModuleStatus
    target: Release | None
    """The newest compatible release on the channel that is newer than the installed one."""
    target_is_paid: bool
    paid_release: Release | None
    """The first paid release between the installed release (exclusive) and the target."""
    free_target: Release | None
    """The newest compatible newer release that crosses no paid release."""
    use_nfr: bool
    untested_newer: tuple[Release, ...]
    """Untested releases newer than both the installed release and the target, newest first."""
    blocked_by_starface: StarfaceVersion | None
    """The oldest newer STARFACE that newer releases are stated compatible with, if they exist."""
    reasons: tuple[str, ...]
    hold: Hold | None = None
    """The hold that keeps this module where it is (status HELD)."""
    held_back: Release | None = None
    """What would be offered without the hold."""
    skipped: tuple[Hold, ...] = ()
    """Skips of releases newer than the installed one that kept them from being offered."""


@dataclass(frozen=True)
class AvailableModule:
    """A catalog module that is not installed but has a release compatible with the PBX."""

    module: CatalogModule
    release: Release
    use_nfr: bool
    is_new: bool
    """The module's first release is at most :data:`NEW_MODULE_DAYS` days old."""


class PbxStatus(enum.StrEnum):
    """One summary per PBX. Ordered from best to worst; the worst module decides.

    A PBX with at least one free update shows UPDATES_AVAILABLE even if other modules only
    have paid updates: there is something to do at no cost. An incompatible module wins over
    everything because the PBX may already be broken.
    """

    UP_TO_DATE = "up-to-date"
    PAID_UPDATES_ONLY = "paid-updates-only"
    UPDATES_AVAILABLE = "updates-available"
    CATALOG_UNAVAILABLE = "catalog-unavailable"
    """A configured catalog could not be used, so the plan may miss updates: never "up to date"."""
    INCOMPATIBLE_MODULE = "incompatible-module"

    @property
    def rank(self) -> int:
        return _PBX_STATUS_RANKS[self]


_PBX_STATUS_RANKS = {status: rank for rank, status in enumerate(PbxStatus)}


_PBX_STATUS_OF_MODULE = {
    ModuleStatus.UP_TO_DATE: PbxStatus.UP_TO_DATE,
    ModuleStatus.UPDATE_AVAILABLE: PbxStatus.UPDATES_AVAILABLE,
    ModuleStatus.PAID_UPDATE_ONLY: PbxStatus.PAID_UPDATES_ONLY,
    ModuleStatus.INCOMPATIBLE: PbxStatus.INCOMPATIBLE_MODULE,
    # Nothing to act on: no release is known to be better than what runs now.
    ModuleStatus.NO_COMPATIBLE_RELEASE: PbxStatus.UP_TO_DATE,
    ModuleStatus.UNTESTED_ONLY: PbxStatus.UP_TO_DATE,
    ModuleStatus.NOT_IN_CATALOG: PbxStatus.UP_TO_DATE,
    # Held on purpose: not "update available".
    ModuleStatus.HELD: PbxStatus.UP_TO_DATE,
}


@dataclass(frozen=True)
class PbxPlan:
    """Plans for every installed module of one PBX plus what else could be installed."""

    facts: PbxFacts
    channel: Channel
    modules: tuple[ModulePlan, ...]
    """One plan per installed module, in the order given."""
    available: tuple[AvailableModule, ...]
    """Compatible modules that are not installed, by English name."""
    notes: tuple[str, ...]
    """PBX-wide explanations (pre-release STARFACE, NFR ignored on Cloud, ...)."""
    missing_catalogs: tuple[str, ...] = ()
    """Configured catalogs that could not be used: the plan was made without them."""

    @functools.cached_property
    def status(self) -> PbxStatus:
        """Worked out once: the GUI and the fleet views ask every plan often."""
        return pbx_status(self)

    @property
    def incomplete(self) -> bool:
        """True when a configured catalog was missing: updates it lists cannot show."""
        return bool(self.missing_catalogs)


class ReadinessState(enum.StrEnum):
    """Where one installed module stands for a proposed STARFACE upgrade."""

    COMPATIBLE_NOW = "compatible-now"
    """The installed release is stated compatible with the target STARFACE."""
    UPDATE_REQUIRED = "update-required"
    """A newer release is compatible; install it before (or right after) the upgrade."""
    UNTESTED = "untested"
    """No release is stated compatible, but some make no statement either way."""
    NO_RELEASE = "no-release"
    """No release is compatible or untested: the module blocks the upgrade."""
    NOT_IN_CATALOG = "not-in-catalog"
    """The catalogs do not know the module, so its compatibility is unknown."""


_READY_STATES = frozenset({ReadinessState.COMPATIBLE_NOW, ReadinessState.UPDATE_REQUIRED})


@dataclass(frozen=True)
class ModuleReadiness:
    module_id: str
    name: str
    installed_version: int
    state: ReadinessState
    release: Release | None
    """The newest release (not older than the installed one) compatible with the target."""
    installed_compatible: bool
    is_paid: bool
    """Getting ``release`` crosses a paid release and this PBX has to pay for it."""
    untested: tuple[Release, ...]
    """Releases (not older than the installed one) with no statement for the target, newest first."""
    reasons: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return self.state in _READY_STATES


@dataclass(frozen=True)
class Readiness:
    """Whether every installed module has a release compatible with a proposed STARFACE."""

    target_starface: StarfaceVersion
    modules: tuple[ModuleReadiness, ...]
    notes: tuple[str, ...]

    @property
    def ready(self) -> bool:
        return all(module.ready for module in self.modules)

    @property
    def untested(self) -> tuple[ModuleReadiness, ...]:
        return tuple(module for module in self.modules if module.state is ReadinessState.UNTESTED)

    @property
    def blocking(self) -> tuple[ModuleReadiness, ...]:
        """Modules that keep the upgrade from being ready, untested ones included."""
        return tuple(module for module in self.modules if not module.ready)


# --- small helpers ---------------------------------------------------------------------------


def short_version(version: StarfaceVersion) -> str:
    """``10.0.0.0`` -> ``10.0``, ``9.1.2.0`` -> ``9.1.2``: how people name STARFACE series."""
    parts = list(version.parts)
    while len(parts) > 2 and parts[-1] == 0:
        parts.pop()
    text = ".".join(str(part) for part in parts)
    return text if version.prerelease is None else f"{text}-{version.prerelease}"


def _label(release: Release) -> str:
    return release.display_version or f"v{release.version}"


def is_paid_release(release: Release, markers: Sequence[str] = DEFAULT_PAID_MARKERS) -> bool:
    """True if the catalog flags the release as paid or its changelog carries a paid marker."""
    return release.paid or bool(is_paid_text(release.changelog, markers))


def on_channel(release: Release, channel: Channel) -> bool:
    """The stable channel sees stable releases only; the pre-release channel sees all."""
    return channel is Channel.PRERELEASE or release.channel is Channel.STABLE


def _first_paid(module: CatalogModule, after: int, up_to: int, markers: Sequence[str]) -> Release | None:
    """The oldest paid release in ``(after, up_to]``, on any channel.

    Every channel counts: the license boundary is where the vendor put it, even if the paid
    release itself was a beta the stable user never saw.
    """
    crossed = [
        release for release in module.releases if after < release.version <= up_to and is_paid_release(release, markers)
    ]
    return min(crossed, key=lambda release: release.version) if crossed else None


def paid_crossing(
    module: CatalogModule,
    from_version: int | None,
    release: Release,
    facts: PbxFacts,
    *,
    nfr_build: bool | None = None,
    markers: Sequence[str] = DEFAULT_PAID_MARKERS,
) -> Release | None:
    """The paid release this PBX pays for when it goes from ``from_version`` to ``release``.

    The one paid-crossing rule: going *to or past* a paid release needs a new module license
    key - the oldest paid release crossed is returned - unless the PBX pays nothing anyway: a
    fresh installation (``from_version`` None: it needs a key in any case), a subscription
    (it covers every update) or the NFR build (it runs without a module key). ``nfr_build``
    says which build is installed; None means the one :func:`choose_file` picks.
    """
    if from_version is None or facts.subscription:
        return None
    if nfr_build is None:
        nfr_build = choose_file(release, facts, module)[1]
    if nfr_build:
        return None
    return _first_paid(module, from_version, release.version, markers)


def earlier_releases(module: CatalogModule, installed_version: int, starface: StarfaceVersion | None) -> list[Release]:
    """The releases older than the installed one that a PBX may go back to, newest first.

    A release stated incompatible with the PBX's STARFACE is left out; untested ones stay (the
    preview warns about them). Without a known STARFACE every older release counts.
    """
    return sorted(
        (
            release
            for release in module.releases
            if release.version < installed_version
            and (starface is None or release.compatibility.verdict(starface) is not Verdict.INCOMPATIBLE)
        ),
        key=lambda release: release.version,
        reverse=True,
    )


def brings(release: Release, installed: int | None, target: int | None) -> bool:
    """Whether updating from ``installed`` (None: not installed) to ``target`` brings ``release``.

    True for the releases in ``(installed, target]`` - the changes an update would install.
    """
    return target is not None and (installed is None or installed < release.version) and release.version <= target


def starface_suggestions(modules: Iterable[CatalogModule], limit: int = 12) -> list[StarfaceVersion]:
    """The STARFACE releases the catalogs name as the start of a range, newest first (at most ``limit``)."""
    found: set[StarfaceVersion] = set()
    for module in modules:
        for release in module.releases:
            for statement in (*release.compatibility.compatible, *release.compatibility.incompatible):
                if statement.lower is not None and statement.lower.is_release:
                    found.add(statement.lower)
    return sorted(found, reverse=True)[:limit]


def _nfr_applies(module: CatalogModule, facts: PbxFacts) -> bool:
    return facts.nfr_server or (facts.nfr_user and module.nfr_user_license)


def choose_file(release: Release, facts: PbxFacts, module: CatalogModule) -> tuple[ReleaseFile | None, bool]:
    """The build to install on this PBX and whether it is the NFR build.

    NFR server license: the NFR build whenever the release has one. NFR user license: only
    for modules that honour it. Never on STARFACE Cloud. Otherwise (or without an NFR build)
    the standard build; ``(None, False)`` when the release has no build this PBX may use.
    """
    if release.nfr is not None and _nfr_applies(module, facts):
        return release.nfr, True
    return release.standard, False


def _installable(release: Release, facts: PbxFacts, module: CatalogModule) -> bool:
    return choose_file(release, facts, module)[0] is not None


def _blocked_by(releases: Iterable[Release], starface: StarfaceVersion) -> StarfaceVersion | None:
    """The oldest STARFACE newer than ``starface`` that any of ``releases`` states compatible."""
    lowers = [
        item.lower
        for release in releases
        for item in release.compatibility.compatible
        if item.lower is not None and item.lower > starface
    ]
    return min(lowers) if lowers else None


# --- one module ------------------------------------------------------------------------------


def plan_module(
    facts: PbxFacts,
    installed: InstalledModule | None,
    module: CatalogModule | None,
    *,
    channel: Channel = Channel.STABLE,
    paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
    rules: ModuleRules = NO_RULES,
) -> ModulePlan:
    """Decide what one module should be updated to (see the module docs for the rules).

    With ``installed=None`` it plans a fresh installation: every release counts as newer and
    nothing is "crossed", because a first installation needs a license key anyway. ``rules``
    are the holds and skips that apply to this module on this PBX.
    """
    if installed is None and module is None:
        raise ValueError("plan_module needs an installed module, a catalog module or both")
    if module is None:
        assert installed is not None
        unknown = ModulePlan(
            module_id=installed.id,
            name=installed.name,
            installed_version=installed.version,
            installed_verdict=None,
            status=ModuleStatus.NOT_IN_CATALOG,
            target=None,
            target_is_paid=False,
            paid_release=None,
            free_target=None,
            use_nfr=False,
            untested_newer=(),
            blocked_by_starface=None,
            reasons=("No catalog lists this module, so there is nothing to compare with.",),
        )
        return unknown if rules.hold is None else _held(unknown, rules.hold)

    starface = facts.starface
    installed_version = installed.version if installed is not None else None
    reasons: list[str] = []
    installed_release = module.release(installed_version) if installed_version is not None else None
    installed_verdict = installed_release.compatibility.verdict(starface) if installed_release else None

    skipped = tuple(
        skip
        for skip in rules.skips
        if skip.version is not None and (installed_version is None or skip.version > installed_version)
    )
    skipped_versions = {skip.version for skip in skipped}
    visible = [r for r in module.releases if on_channel(r, channel) and r.version not in skipped_versions]
    for version in sorted((v for v in skipped_versions if v is not None), reverse=True):
        narrowest = rules.skip_for(version)
        if narrowest is not None and module.release(version) is not None:
            reasons.append(f"v{version} is not offered: {narrowest.describe()}.")
    newer = sorted(
        (r for r in visible if installed_version is None or r.version > installed_version),
        key=lambda release: release.version,
        reverse=True,
    )
    compatible = [r for r in newer if r.compatibility.verdict(starface) is Verdict.COMPATIBLE]
    usable = [r for r in compatible if _installable(r, facts, module)]
    usable_versions = {release.version for release in usable}
    for release in compatible:
        if release.version not in usable_versions:
            reasons.append(f"{_label(release)} has no build this PBX can use.")
    target = usable[0] if usable else None

    def crosses_paid(release: Release) -> Release | None:
        if installed_version is None:
            return None
        return _first_paid(module, installed_version, release.version, paid_markers)

    free_target = next((r for r in usable if crosses_paid(r) is None), None)
    paid_release = crosses_paid(target) if target is not None else None
    use_nfr = choose_file(target, facts, module)[1] if target is not None else False
    target_is_paid = (
        target is not None
        and paid_crossing(module, installed_version, target, facts, nfr_build=use_nfr, markers=paid_markers) is not None
    )

    # Releases above what the PBX will have anyway: the installed one or the target.
    floor = max(installed_version or 0, target.version if target is not None else 0)
    beyond = [r for r in newer if r.version > floor]
    untested_newer = tuple(r for r in beyond if r.compatibility.verdict(starface) is Verdict.UNTESTED)
    blocked_by = _blocked_by(
        (r for r in beyond if r.compatibility.verdict(starface) is not Verdict.COMPATIBLE), starface
    )

    if facts.nfr_ignored and any(r.nfr is not None for r in module.releases):
        reasons.append("The NFR build is not used: STARFACE Cloud instances have no NFR licenses.")
    if not starface.is_release:
        reasons.append(f"STARFACE {starface} is a pre-release, so no module release is stated compatible with it.")

    if target is not None:
        reasons.append(f"{_label(target)} is the newest release compatible with STARFACE {starface}.")
        if paid_release is not None:
            if facts.subscription:
                reasons.append(f"{_label(paid_release)} is a paid release, but the subscription covers it.")
            elif use_nfr:
                reasons.append(
                    f"{_label(paid_release)} is a paid release, but the NFR build runs without a module license key."
                )
            else:
                reasons.append(f"Updating to or past {_label(paid_release)} needs a new module license key.")
                if free_target is not None:
                    reasons.append(f"{_label(free_target)} is the newest update that needs no new license key.")
                else:
                    reasons.append("There is no free update below the paid release.")
        if use_nfr:
            reasons.append("The NFR build is used because the PBX has an NFR license this module honours.")
        only_paid = target_is_paid and free_target is None
        status = ModuleStatus.PAID_UPDATE_ONLY if only_paid else ModuleStatus.UPDATE_AVAILABLE
    else:
        status = _status_without_target(installed_version, installed_verdict, visible, untested_newer, channel, reasons)

    if untested_newer:
        names = ", ".join(_label(r) for r in untested_newer)
        reasons.append(f"Not offered because untested on STARFACE {starface}: {names}.")
    if blocked_by is not None:
        reasons.append(f"Newer releases need a newer STARFACE ({short_version(blocked_by)}).")
    if channel is Channel.STABLE:
        hidden = [r for r in module.releases if r.channel is not Channel.STABLE and r.version > floor]
        if hidden:
            reasons.append(f"{len(hidden)} newer pre-release(s) hidden on the stable channel.")

    plan = ModulePlan(
        module_id=module.id,
        name=installed.name if installed is not None else module.display_name("en"),
        installed_version=installed_version,
        installed_verdict=installed_verdict,
        status=status,
        target=target,
        target_is_paid=target_is_paid,
        paid_release=paid_release,
        free_target=free_target,
        use_nfr=use_nfr,
        untested_newer=untested_newer,
        blocked_by_starface=blocked_by,
        reasons=tuple(reasons),
        skipped=skipped,
    )
    if rules.hold is not None and installed is not None:
        return _held(plan, rules.hold)
    return plan


def _held(plan: ModulePlan, hold: Hold) -> ModulePlan:
    """The plan of a held module: nothing is offered; what would have been is kept as ``held_back``."""
    would = plan.free_target if plan.target_is_paid and plan.free_target is not None else plan.target
    reasons = [f"Held at v{plan.installed_version}: {hold.describe()}."]
    if would is not None:
        reasons.append(f"{_label(would)} would be offered without the hold.")
    return ModulePlan(
        module_id=plan.module_id,
        name=plan.name,
        installed_version=plan.installed_version,
        installed_verdict=plan.installed_verdict,
        status=ModuleStatus.HELD,
        target=None,
        target_is_paid=False,
        paid_release=None,
        free_target=None,
        use_nfr=False,
        untested_newer=plan.untested_newer,
        blocked_by_starface=plan.blocked_by_starface,
        reasons=(*reasons, *plan.reasons),
        hold=hold,
        held_back=would,
        skipped=plan.skipped,
    )


def _status_without_target(
    installed_version: int | None,
    installed_verdict: Verdict | None,
    visible: Sequence[Release],
    untested_newer: Sequence[Release],
    channel: Channel,
    reasons: list[str],
) -> ModuleStatus:
    """Status when no newer compatible release exists; appends the reason."""
    newest = max((r.version for r in visible), default=None)
    if installed_version is not None and (newest is None or installed_version > newest):
        reasons.append(
            f"The installed version {installed_version} is newer than every {channel.value} catalog release; "
            "it is never downgraded."
        )
        return ModuleStatus.UP_TO_DATE
    if installed_verdict is Verdict.COMPATIBLE:
        reasons.append("The installed release is compatible and no newer compatible release exists.")
        return ModuleStatus.UP_TO_DATE
    if installed_verdict is Verdict.INCOMPATIBLE:
        reasons.append("The installed release is stated incompatible and no newer release is compatible.")
        return ModuleStatus.INCOMPATIBLE
    if untested_newer or installed_verdict is Verdict.UNTESTED:
        reasons.append("No release is stated compatible with this STARFACE; only untested ones exist.")
        return ModuleStatus.UNTESTED_ONLY
    reasons.append("No release newer than the installed one is compatible with this STARFACE.")
    return ModuleStatus.NO_COMPATIBLE_RELEASE


# --- one PBX ---------------------------------------------------------------------------------


def _parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def managed_modules(
    installed: Sequence[InstalledModule], catalogs: Sequence[Catalog], *, agent_module_id: str = AGENT_MODULE_ID
) -> list[InstalledModule]:
    """The installed modules modmanager plans, backs up and checks for a STARFACE upgrade.

    The agent lists its own module like any other. It is part of modmanager's connection to the
    PBX rather than a module the partner manages, so it is left out - unless a catalog lists it:
    then it is planned and updated like every other module (the update of the agent itself).
    """
    known = _by_id(catalogs)
    agent = agent_module_id.lower()
    return [module for module in installed if module.id.lower() != agent or module.id.lower() in known]


def _by_id(catalogs: Sequence[Catalog]) -> dict[str, CatalogModule]:
    """Merged catalog modules by lower-case id (module UUIDs compare case-insensitively)."""
    return _index(catalogs).modules


class _CatalogIndex:
    """One set of catalogs, merged once, with what a fresh install gets per kind of PBX.

    Planning a fleet asks the same catalogs for every PBX. Merging them and deciding, for
    every module nobody installed, which release a PBX of this STARFACE and these NFR licenses
    would get, is the same work for every PBX of that kind; it is done once here, so planning a
    PBX costs what its installed modules cost.
    """

    def __init__(self, catalogs: tuple[Catalog, ...]) -> None:
        self.catalogs = catalogs  # kept alive, so the identities this index is found by stay valid
        self.modules = {module.id.lower(): module for module in merge_catalogs(catalogs)}
        self._available: dict[tuple[object, ...], tuple[tuple[str, AvailableModule], ...]] = {}
        self._plans: dict[tuple[object, ...], ModulePlan] = {}

    def plan(
        self,
        facts: PbxFacts,
        installed: InstalledModule,
        channel: Channel,
        paid_markers: tuple[str, ...],
        rules: ModuleRules,
    ) -> ModulePlan:
        """:func:`plan_module` for an installed module, remembered for the next PBX of its kind.

        A fleet runs few STARFACE releases and few versions of each module, so most PBXs plan
        the same (module, version, STARFACE, licenses) again; the answer depends on nothing
        else (holds and skips are per PBX: a module with rules is planned every time).
        """
        module = self.modules.get(installed.id.lower())
        if not rules.empty:
            return plan_module(facts, installed, module, channel=channel, paid_markers=paid_markers, rules=rules)
        key = (installed.id.lower(), installed.version, installed.name, facts, channel, paid_markers)
        found = self._plans.get(key)
        if found is None:
            found = plan_module(facts, installed, module, channel=channel, paid_markers=paid_markers)
            if len(self._plans) >= _MAX_PLANS_PER_INDEX:
                self._plans.clear()
            self._plans[key] = found
        return found

    def available(self, facts: PbxFacts, channel: Channel, today: dt.date | None) -> tuple[
        tuple[str, AvailableModule], ...
    ]:
        """(lower-case id, module) for every catalog module such a PBX could install, by name."""
        key = (facts.starface, facts.nfr_server, facts.nfr_user, channel, today)
        found = self._available.get(key)
        if found is None:
            items = []
            for module_key, module in self.modules.items():
                release = _newest_installable(facts, module, channel)
                if release is not None:
                    use_nfr = choose_file(release, facts, module)[1]
                    items.append((module_key, AvailableModule(module, release, use_nfr, _is_new(module, today))))
            items.sort(key=lambda item: (item[1].module.display_name("en").casefold(), item[1].module.id))
            found = tuple(items)
            if len(self._available) >= _MAX_KINDS_PER_INDEX:
                self._available.clear()
            self._available[key] = found
        return found


_MAX_INDEXES = 2
_MAX_KINDS_PER_INDEX = 256
_MAX_PLANS_PER_INDEX = 50_000
_indexes: dict[tuple[int, ...], _CatalogIndex] = {}
_indexes_lock = threading.Lock()


def _index(catalogs: Sequence[Catalog]) -> _CatalogIndex:
    """The index of these very catalog objects (catalogs are immutable), made on first use.

    Found by the identities of the catalogs, which the index keeps alive; the few most recent
    sets are kept (the application plans against one set at a time). Thread-safe: a fleet is
    planned from several threads.
    """
    given = tuple(catalogs)
    key = tuple(id(catalog) for catalog in given)
    with _indexes_lock:
        index = _indexes.get(key)
    if index is not None:
        return index
    index = _CatalogIndex(given)  # outside the lock: merging is the slow part
    with _indexes_lock:
        if len(_indexes) >= _MAX_INDEXES:
            _indexes.pop(next(iter(_indexes)))
        return _indexes.setdefault(key, index)


def _is_new(module: CatalogModule, today: dt.date | None) -> bool:
    """New while the module's first (oldest) release is at most NEW_MODULE_DAYS old."""
    if today is None or not module.releases:
        return False
    first = min(module.releases, key=lambda release: release.version)
    released = _parse_date(first.date)
    return released is not None and 0 <= (today - released).days <= NEW_MODULE_DAYS


def _newest_installable(facts: PbxFacts, module: CatalogModule, channel: Channel) -> Release | None:
    """What a fresh installation would get: the newest compatible release with a usable build.

    The same answer ``plan_module(facts, None, module).target`` gives, without the paid and
    untested bookkeeping a fresh install does not need (it runs for every catalog module on
    every PBX of a fleet).
    """
    for release in sorted(module.releases, key=lambda item: item.version, reverse=True):
        if (
            on_channel(release, channel)
            and release.compatibility.verdict(facts.starface) is Verdict.COMPATIBLE
            and _installable(release, facts, module)
        ):
            return release
    return None


def plan_pbx(
    facts: PbxFacts,
    installed: Sequence[InstalledModule],
    catalogs: Sequence[Catalog],
    *,
    channel: Channel = Channel.STABLE,
    today: dt.date | None = None,
    paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
    missing_catalogs: Sequence[str] = (),
    holds: Sequence[Hold] = (),
    pbx_name: str = "",
    customer: str = "",
) -> PbxPlan:
    """Plan every installed module and list compatible modules that are not installed.

    ``today`` decides which available modules are new; without it none are (keeps this pure).
    ``missing_catalogs`` names configured catalogs that could not be used: the plan is then
    incomplete and its status is at least :attr:`PbxStatus.CATALOG_UNAVAILABLE`.
    ``holds`` are every stored hold and skip; those that apply to PBX ``pbx_name`` of
    ``customer`` are honoured.
    """
    index = _index(catalogs)
    markers = tuple(paid_markers)
    plans = tuple(
        index.plan(facts, item, channel, markers, rules_for(holds, item.id, pbx_name, customer) if holds else NO_RULES)
        for item in installed
    )
    installed_ids = {item.id.lower() for item in installed}
    available = tuple(item for key, item in index.available(facts, channel, today) if key not in installed_ids)
    missing = tuple(missing_catalogs)
    notes = facts.notes()
    if missing:
        notes += (f"The plan is incomplete: the catalog {', '.join(missing)} could not be used.",)
    return PbxPlan(
        facts=facts,
        channel=channel,
        modules=plans,
        available=available,
        notes=notes,
        missing_catalogs=missing,
    )


def pbx_status(plan: PbxPlan) -> PbxStatus:
    """The worst module status of the PBX, in :class:`PbxStatus` order.

    An incomplete plan (a catalog could not be used) is at least CATALOG_UNAVAILABLE: what it
    does not list cannot be called up to date.
    """
    statuses = [_PBX_STATUS_OF_MODULE[module.status] for module in plan.modules]
    if plan.missing_catalogs:
        statuses.append(PbxStatus.CATALOG_UNAVAILABLE)
    return max(statuses, key=lambda status: status.rank, default=PbxStatus.UP_TO_DATE)


# --- STARFACE upgrade readiness --------------------------------------------------------------


def upgrade_readiness(
    facts: PbxFacts,
    installed: Sequence[InstalledModule],
    catalogs: Sequence[Catalog],
    target_starface: StarfaceVersion,
    *,
    channel: Channel = Channel.STABLE,
    paid_markers: Sequence[str] = DEFAULT_PAID_MARKERS,
) -> Readiness:
    """Before updating the PBX to ``target_starface``: does every installed module have a release for it?

    Only releases at least as new as the installed one count (downgrades are never
    proposed). A module the catalogs do not know keeps the upgrade from being ready, since
    nothing says it works on the new STARFACE.
    """
    modules = _by_id(catalogs)
    results = tuple(
        _module_readiness(facts, item, modules.get(item.id.lower()), target_starface, channel, paid_markers)
        for item in installed
    )
    notes: list[str] = []
    if not target_starface.is_release:
        notes.append(
            f"STARFACE {target_starface} is a pre-release; compatibility is only stated for releases, "
            "so no module can be ready for it."
        )
    if target_starface <= facts.starface:
        notes.append(f"STARFACE {target_starface} is not newer than the installed {facts.starface}.")
    return Readiness(target_starface=target_starface, modules=results, notes=tuple(notes))


def _module_readiness(
    facts: PbxFacts,
    installed: InstalledModule,
    module: CatalogModule | None,
    target: StarfaceVersion,
    channel: Channel,
    paid_markers: Sequence[str],
) -> ModuleReadiness:
    if module is None:
        return ModuleReadiness(
            module_id=installed.id,
            name=installed.name,
            installed_version=installed.version,
            state=ReadinessState.NOT_IN_CATALOG,
            release=None,
            installed_compatible=False,
            is_paid=False,
            untested=(),
            reasons=("No catalog lists this module, so its compatibility is unknown.",),
        )
    candidates = sorted(
        (
            r
            for r in module.releases
            if r.version >= installed.version and (on_channel(r, channel) or r.version == installed.version)
        ),
        key=lambda release: release.version,
        reverse=True,
    )
    installed_release = module.release(installed.version)
    installed_compatible = (
        installed_release is not None and installed_release.compatibility.verdict(target) is Verdict.COMPATIBLE
    )
    compatible = [
        r
        for r in candidates
        if r.compatibility.verdict(target) is Verdict.COMPATIBLE
        and (r.version == installed.version or _installable(r, facts, module))
    ]
    untested = tuple(r for r in candidates if r.compatibility.verdict(target) is Verdict.UNTESTED)
    release = compatible[0] if compatible else None
    reasons: list[str] = []
    is_paid = False
    if release is not None:
        paid = paid_crossing(module, installed.version, release, facts, markers=paid_markers)
        is_paid = paid is not None
        if installed_compatible:
            state = ReadinessState.COMPATIBLE_NOW
            reasons.append(f"The installed release is compatible with STARFACE {target}.")
            if release.version != installed.version:
                reasons.append(f"{_label(release)} is newer and also compatible.")
        else:
            state = ReadinessState.UPDATE_REQUIRED
            reasons.append(f"Update to {_label(release)} for STARFACE {target}.")
        if paid is not None:
            reasons.append(f"Updating to or past {_label(paid)} needs a new module license key.")
    elif untested:
        state = ReadinessState.UNTESTED
        reasons.append(f"No release is stated compatible with STARFACE {target}; some are untested.")
    else:
        state = ReadinessState.NO_RELEASE
        reasons.append(f"No release is compatible with STARFACE {target}.")
    return ModuleReadiness(
        module_id=module.id,
        name=installed.name,
        installed_version=installed.version,
        state=state,
        release=release,
        installed_compatible=installed_compatible,
        is_paid=is_paid,
        untested=untested,
        reasons=tuple(reasons),
    )
