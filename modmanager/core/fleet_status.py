"""What the PBX list shows per PBX: the one status a refresh (or its failure) leaves behind.

Derived in :mod:`modmanager.ops.refresh` for the GUI and the CLI alike and kept in the inventory
as its value, so a front end shows the fleet from the inventory alone, before anything else is
loaded (the desktop's first paint). Pure data, no imports beyond the standard library.
"""

from __future__ import annotations

import enum


class FleetStatus(enum.StrEnum):
    """What the PBX list shows per PBX, worst first when sorting by urgency."""

    INTERRUPTED = "update-interrupted"
    CERTIFICATE_CHANGED = "certificate-changed"
    UNREACHABLE = "unreachable"
    ACCESS_PROBLEM = "access-problem"
    INCOMPATIBLE_MODULE = "incompatible-module"
    CATALOG_UNAVAILABLE = "catalog-unavailable"
    """A configured catalog could not be used: the PBX may have updates nobody can see."""
    UPDATES_AVAILABLE = "updates-available"
    PAID_UPDATES_ONLY = "paid-updates-only"
    UP_TO_DATE = "up-to-date"
    UNKNOWN = "unknown"
