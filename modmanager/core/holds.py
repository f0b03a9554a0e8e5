"""Holds and skips: a partner's decisions about which module releases a PBX should not get.

- A **hold** keeps a module at whatever version a PBX runs: no update is offered, update-all,
  rollouts and scheduled jobs leave it alone. It applies to one PBX, to every PBX of a
  customer, or to the whole fleet; the narrowest one counts (its reason is shown).
- A **skip** passes over one release: it is never offered again where the skip applies, while
  newer releases are.

The planner (:mod:`modmanager.core.planner`) applies them; the inventory stores them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["NO_RULES", "Hold", "HoldKind", "HoldScope", "ModuleRules", "rules_for"]


class HoldKind(enum.StrEnum):
    HOLD = "hold"
    SKIP = "skip"


class HoldScope(enum.StrEnum):
    """Where a hold or skip applies; narrower scopes win."""

    PBX = "pbx"
    CUSTOMER = "customer"
    FLEET = "fleet"

    @property
    def rank(self) -> int:
        """0 for the narrowest scope."""
        return list(HoldScope).index(self)


@dataclass(frozen=True)
class Hold:
    """One hold or skip as stored.

    ``target`` names the PBX (scope PBX) or the customer (scope CUSTOMER); it is empty for the
    fleet. ``version`` is the skipped release of a skip, and for a hold the version the PBX ran
    when it was held (informational: a hold keeps whatever runs).
    """

    kind: HoldKind
    scope: HoldScope
    target: str
    module_id: str
    version: int | None = None
    reason: str = ""
    module_name: str = ""
    created_at: dt.datetime | None = None
    created_by: str = ""

    def applies_to(self, pbx_name: str, customer: str) -> bool:
        if self.scope is HoldScope.FLEET:
            return True
        if self.scope is HoldScope.CUSTOMER:
            return bool(customer) and self.target.casefold() == customer.casefold()
        return self.target == pbx_name

    def describe(self) -> str:
        """``held for customer Müller: waiting for the new hardware`` - short English text."""
        where = {
            HoldScope.PBX: "on this PBX",
            HoldScope.CUSTOMER: f"for customer {self.target}",
            HoldScope.FLEET: "for every PBX",
        }[self.scope]
        what = "held" if self.kind is HoldKind.HOLD else f"v{self.version} skipped"
        reason = f": {self.reason}" if self.reason else ""
        return f"{what} {where}{reason}"


@dataclass(frozen=True)
class ModuleRules:
    """What holds and skips mean for one module on one PBX."""

    hold: Hold | None = None
    """The narrowest hold that applies, if any."""
    skips: tuple[Hold, ...] = ()
    """Every skip that applies (several scopes may skip several releases)."""

    @property
    def skipped_versions(self) -> frozenset[int]:
        return frozenset(skip.version for skip in self.skips if skip.version is not None)

    def skip_for(self, version: int) -> Hold | None:
        """The narrowest skip of ``version``."""
        matches = [skip for skip in self.skips if skip.version == version]
        return min(matches, key=lambda skip: skip.scope.rank) if matches else None

    @property
    def empty(self) -> bool:
        return self.hold is None and not self.skips


NO_RULES = ModuleRules()


def rules_for(holds: Iterable[Hold], module_id: str, pbx_name: str, customer: str) -> ModuleRules:
    """The holds and skips of ``module_id`` that apply on PBX ``pbx_name`` of ``customer``."""
    wanted = module_id.casefold()
    applying = [h for h in holds if h.module_id.casefold() == wanted and h.applies_to(pbx_name, customer)]
    held = [h for h in applying if h.kind is HoldKind.HOLD]
    hold = min(held, key=lambda item: item.scope.rank) if held else None
    skips = tuple(sorted((h for h in applying if h.kind is HoldKind.SKIP), key=lambda item: item.scope.rank))
    return ModuleRules(hold, skips)
