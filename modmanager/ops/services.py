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

from modmanager.ops.catalogs import CatalogSet
from modmanager.ops.connections import ClientPool
from modmanager.pbx.client import AgentClient, connect
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import CredentialStore, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.journal import Journal
from modmanager.store.settings import Settings, load_settings
from modmanager.store.sfmcache import SfmCache

ClientFactory = Callable[[PbxRecord], AgentClient]


def workstation_id() -> str:
    """Who holds a PBX's operation lock: stable across processes of the same user and machine,
    so a recovery after a crash can take over the lock the crashed process held."""
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
    readers: ClientPool = field(init=False, repr=False)
    """Clients kept between reads of a PBX (refresh), so a read reuses the PBX's connection."""

    def __post_init__(self) -> None:
        self.readers = ClientPool(self.connect)

    def client(self, pbx_name: str) -> AgentClient:
        return self.connect(self.inventory.get(pbx_name))

    def close(self) -> None:
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
    )
