"""Customers and tags as groups of PBXs, for the dialogs that let a fleet action be limited to them.

The readiness check offers them as its scope, the rollout ticks a group's PBXs; the fleet view
filters by them; an import reads only a file's rows of them. Customers and tags compare without
regard to case, as :class:`modmanager.ops.selection.PbxSelection` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from modmanager.core.text import clean_text
from modmanager.store.inventory import PbxRecord


@dataclass(frozen=True)
class PbxGroup:
    """A customer's or a tag's PBXs."""

    label: str
    """"Customer Müller GmbH (3)" / "Tag wartung (12)", in the interface language."""
    names: tuple[str, ...]
    customer: str = ""
    tag: str = ""


def pbx_groups(records: Iterable[PbxRecord]) -> list[PbxGroup]:
    """Every customer, then every tag, each with its PBXs (sorted by name)."""
    customers: dict[str, tuple[str, list[str]]] = {}
    tags: dict[str, tuple[str, list[str]]] = {}
    for record in sorted(records, key=lambda item: item.name.casefold()):
        customer = record.customer.strip()
        if customer:
            customers.setdefault(customer.casefold(), (customer, []))[1].append(record.name)
        for tag in record.tags:
            tags.setdefault(tag.casefold(), (tag, []))[1].append(record.name)
    groups = []
    customer_text = QCoreApplication.translate("PbxGroups", "Customer {customer} ({count})")
    for key in sorted(customers):
        customer, names = customers[key]
        label = customer_text.format(customer=clean_text(customer), count=len(names))
        groups.append(PbxGroup(label, tuple(names), customer=customer))
    tag_text = QCoreApplication.translate("PbxGroups", "Tag {tag} ({count})")
    for key in sorted(tags):
        tag, names = tags[key]
        groups.append(PbxGroup(tag_text.format(tag=clean_text(tag), count=len(names)), tuple(names), tag=tag))
    return groups
