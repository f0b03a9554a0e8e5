"""Which PBXs a fleet action works on: all of them, or those of some customers and tags.

Every fleet action (refresh, readiness, backup, the targets of a rollout) can be narrowed the
same way. Names given for one criterion are alternatives (customer A *or* B), different
criteria must all hold (a PBX of customer A *and* tagged ``wartung``). Customers and tags
compare without regard to case. A customer or tag no PBX has is refused with the ones that
exist, so a typo never quietly selects nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from modmanager.core.errors import OperationError
from modmanager.store.inventory import PbxRecord

_LISTED = 12
"""At most this many known customers or tags are named in an error."""


@dataclass(frozen=True)
class PbxSelection:
    """Customers and tags a PBX must match; empty criteria match every PBX."""

    customers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, customers: Iterable[str] | None = None, tags: Iterable[str] | None = None) -> PbxSelection:
        return cls(_cleaned(customers), _cleaned(tags))

    def __bool__(self) -> bool:
        return bool(self.customers or self.tags)

    def matches(self, record: PbxRecord) -> bool:
        if self.customers and record.customer.strip().casefold() not in {c.casefold() for c in self.customers}:
            return False
        wanted = {tag.casefold() for tag in self.tags}
        return not wanted or any(tag.casefold() in wanted for tag in record.tags)

    def describe(self) -> str:
        """``customer A or B, tag x`` - for messages."""
        parts = []
        if self.customers:
            parts.append("customer " + " or ".join(repr(customer) for customer in self.customers))
        if self.tags:
            parts.append("tag " + " or ".join(repr(tag) for tag in self.tags))
        return ", ".join(parts) or "every PBX"


def select(records: Sequence[PbxRecord], selection: PbxSelection) -> list[PbxRecord]:
    """The records that match, in the order given; refuses unknown customers or tags and an empty result.

    Raises:
        OperationError: a customer or tag no PBX has (``unknown_customer`` / ``unknown_tag``), or
            no PBX with all the criteria (``nothing_selected``).
    """
    if not selection:
        return list(records)
    customers = {record.customer.strip() for record in records if record.customer.strip()}
    for customer in selection.customers:
        if customer.casefold() not in {known.casefold() for known in customers}:
            raise OperationError(code="unknown_customer", params={"customer": customer, "known": _listing(customers)})
    tags = {tag for record in records for tag in record.tags}
    for tag in selection.tags:
        if tag.casefold() not in {known.casefold() for known in tags}:
            raise OperationError(code="unknown_tag", params={"tag": tag, "known": _listing(tags)})
    chosen = [record for record in records if selection.matches(record)]
    if not chosen:
        raise OperationError(
            code="nothing_selected",
            params={
                "customers": " / ".join(repr(customer) for customer in selection.customers),
                "tags": " / ".join(repr(tag) for tag in selection.tags),
            },
        )
    return chosen


def _cleaned(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value.strip() for value in values or () if value.strip()))


def _listing(values: Iterable[str]) -> str:
    ordered = sorted(values, key=str.casefold)
    shown = ", ".join(ordered[:_LISTED])
    return shown + (f", ... (+{len(ordered) - _LISTED})" if len(ordered) > _LISTED else "")
