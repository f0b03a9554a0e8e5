"""The adapters a use case needs, bundled and handed in from outside.

Front ends open one :class:`Services` at start (``open_services()``) and pass it to every use
case; tests build one pointing at a temporary folder and the simulator. Nothing in ``ops/``
reaches for global state, so two services objects never share anything by accident.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from modmanager.ops.catalogs import CatalogSet
from modmanager.ops.connections import ClientPool
from modmanager.ops.operation import current_operation
from modmanager.pbx.client import AgentClient, connect
from modmanager.store.audit import AuditLog
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import CredentialStore, open_credentials
from modmanager.store.holds import HoldStore
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.journal import Journal
from modmanager.store.pbxlock import PbxLocks
from modmanager.store.schedules import ScheduleStore
from modmanager.store.settings import Settings, load_settings
from modmanager.store.sfmcache import SfmCache
from modmanager.store.windows import WindowStore

if TYPE_CHECKING:
    from modmanager.ops.read_worker import ReadWorker

ClientFactory = Callable[[PbxRecord], AgentClient]


def workstation_id() -> str:
    """This user on this machine: the first part of every agent lock owner (see :meth:`Services.agent_owner`)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return f"modmanager:{user}@{socket.gethostname()}"


@dataclass
class Services:
    inventory: Inventory
    credentials: CredentialStore
    backups: BackupStore
    journal: Journal
    sfm_cache: SfmCache
    settings: Settings
    catalogs: CatalogSet
    connect: ClientFactory
    owner: str = field(default_factory=workstation_id)
    """This workstation; the agent is told :meth:`agent_owner`, which adds the operation."""
    pbx_locks: PbxLocks = field(default_factory=PbxLocks)
    """The workstation-wide per-PBX locks (see :func:`modmanager.ops.operation.pbx_exclusive`)."""

    def agent_owner(self) -> str:
        """The owner the agent's lock is taken for: unique to the running operation.

        Two operations of this workstation never share an agent lock; the agent lock keeps
        guarding against other workstations.
        """
        op = current_operation()
        return self.owner if op is None else op.owner(self.owner)
    readers: ClientPool = field(init=False, repr=False)
    """Clients kept between reads of a PBX (refresh), so a read reuses the PBX's connection."""
    client_options: dict[str, float | int] = field(default_factory=dict)
    """The clients' timeouts and retries (a helper process makes its clients the same way)."""
    fleet_reader: ReadWorker | None = field(default=None, repr=False)
    """The window's helper process that reads many PBXs at once (:mod:`modmanager.ops.read_worker`)."""

    def __post_init__(self) -> None:
        self.readers = ClientPool(self.connect)

    def client(self, pbx_name: str) -> AgentClient:
        return self.connect(self.inventory.get(pbx_name))

    # Views on the inventory database (cheap; no state of their own).
    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.inventory)

    @property
    def holds(self) -> HoldStore:
        return HoldStore(self.inventory)

    @property
    def windows(self) -> WindowStore:
        return WindowStore(self.inventory)

    @property
    def schedules(self) -> ScheduleStore:
        return ScheduleStore(self.inventory)

    def close(self) -> None:
        if self.fleet_reader is not None:
            self.fleet_reader.close()
        self.readers.close()
        self.inventory.close()


def open_services(
    *,
    prompt: Callable[[], str] | None = None,
    client_options: dict[str, float | int] | None = None,
    credentials: CredentialStore | None = None,
) -> Services:
    """Open every adapter on the data folder (``MODMANAGER_HOME`` or the platform default).

    ``credentials`` replaces the credential store chosen from the machine (the demo keeps its
    throwaway secrets out of the user's keyring this way).
    """
    settings = load_settings()
    credentials = credentials or open_credentials(prompt=prompt)
    options = dict(client_options or {})

    def connect_record(record: PbxRecord) -> AgentClient:
        return connect(record, credentials, **options)

    sfm_cache = SfmCache()
    return Services(
        inventory=Inventory(),
        credentials=credentials,
        backups=BackupStore(credentials),
        journal=Journal(),
        sfm_cache=sfm_cache,
        settings=settings,
        catalogs=CatalogSet(settings.catalog_sources, cache=sfm_cache),
        connect=connect_record,
        client_options=options,
    )
