"""What an operation changed: the notice every view gets and redraws itself from.

Every operation of the :class:`~modmanager.gui.controller.Controller` says what it changed (or
may have changed - a failed update leaves a backup and a journal entry behind) as one
:class:`Changes` record, emitted through ``Controller.changed``. Views subscribe to that one
signal and decide themselves whether the notice concerns them, as Anki's views do with
``OpChanges``; no operation calls a view, so a new view cannot be forgotten by an old
operation and a new operation cannot forget a view.

No Qt here: the record is plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of data an operation changed.

    Attributes:
        pbxs: PBXs whose entry in the list changed: snapshot, status, message or busy flag.
        pbx_list: the PBX list itself (a PBX added, edited or removed).
        backups: backups were made, restored from, imported or deleted.
        settings: the settings were saved.
        catalogs: the module catalogs were (re)loaded, so every PBX's plan may read differently.
        journal: an update was started, finished, rolled back or recovered (unfinished updates).
    """

    pbxs: frozenset[str] = frozenset()
    pbx_list: bool = False
    backups: bool = False
    settings: bool = False
    catalogs: bool = False
    journal: bool = False

    @classmethod
    def of_pbxs(cls, names: Iterable[str], **kinds: bool) -> Changes:
        """The entries of ``names`` changed, and the other kinds named."""
        return cls(pbxs=frozenset(names), **kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.pbxs | other.pbxs,
            *(getattr(self, item.name) or getattr(other, item.name) for item in fields(self)[1:]),
        )

    def __bool__(self) -> bool:
        return bool(self.pbxs) or any(getattr(self, item.name) for item in fields(self)[1:])

    def touches(self, pbx: str | None) -> bool:
        """Whether what is shown about ``pbx`` may read differently now (its entry, the list, catalogs, settings)."""
        return (pbx is not None and pbx in self.pbxs) or self.pbx_list or self.catalogs or self.settings


NO_CHANGES = Changes()
"""What a query (a preview, a readiness check, an export) changes: nothing."""
