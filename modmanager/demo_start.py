"""Start-up of the built-in demo: simulated customer PBXs and a signed demo catalog, ready to use.

``modmanager --demo`` shows a new user everything working without a PBX. This is front-end
start-up code (``gui/app.py`` calls it; ``scripts/screenshots.py`` and tests too), not a use
case: it starts the simulator, and it owns the process the way a front end does. The demo lives
in a folder of its own (``<data folder>/demo``) and points ``MODMANAGER_HOME`` of this process
at it, so the application runs exactly the code paths it runs for real PBXs - inventory, pinned
certificates, credential store, backups, journal - without touching the user's real data;
:meth:`DemoSession.stop` points it back. Every start begins from the same fresh fleet; the
built catalog is reused between starts. ``ops/`` knows nothing of the demo or the simulator
(``tests/test_architecture.py``).
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from modmanager.ops.services import Services, open_services
from modmanager.simulator.demo import DemoWorld, build_demo_world
from modmanager.simulator.server import SimulatorFleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.paths import HOME_ENV, data_dir
from modmanager.store.settings import CatalogSource, Settings, save_settings

WORLD_FOLDER = "world"
"""Kept between starts: the vendor tree, signed catalog and signing key take a moment to build."""


@dataclass
class DemoSession:
    """A running demo: its services, simulated PBXs and world, in its own data folder.

    Attributes:
        previous_home: ``MODMANAGER_HOME`` before the demo started (None: it was not set).
    """

    services: Services
    fleet: SimulatorFleet
    world: DemoWorld
    home: Path
    previous_home: str | None = None

    @property
    def pbx_names(self) -> list[str]:
        return [pbx.name for pbx in self.world.pbxs]

    def stop(self) -> None:
        """Close the services, stop the simulated PBXs and point MODMANAGER_HOME back."""
        try:
            self.services.close()
            self.fleet.stop()
        finally:
            _set_home(self.previous_home)


def _set_home(value: str | None) -> None:
    if value is None:
        os.environ.pop(HOME_ENV, None)
    else:
        os.environ[HOME_ENV] = value


def default_demo_home() -> Path:
    return data_dir() / "demo"


def start_demo(home: Path | None = None) -> DemoSession:
    """Build (or reuse) the demo world, start its PBXs and open services on the demo folder.

    Sets ``MODMANAGER_HOME`` for this process to the demo folder until :meth:`DemoSession.stop`.
    """
    home = (home or default_demo_home()).absolute()
    home.mkdir(parents=True, exist_ok=True)
    for child in home.iterdir():
        if child.name == WORLD_FOLDER:
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    previous_home = os.environ.get(HOME_ENV)
    _set_home(str(home))

    world = build_demo_world(home / WORLD_FOLDER)
    fleet = SimulatorFleet(home / "sim")
    for pbx in world.pbxs:
        fleet.add(pbx)
    fleet.start()
    try:
        # The demo's secrets are throwaway: they stay out of the user's keyring, in an encrypted
        # file under a random master password that lives only in this process.
        master_password = secrets.token_urlsafe(24)
        credentials = open_credentials(backend="file", prompt=lambda: master_password)
        save_settings(
            Settings(
                catalog_sources=(CatalogSource("Demo-Katalog", str(world.catalog_dir), world.catalog_public_key),),
            )
        )
        with Inventory() as inventory:
            for simulated in fleet.pbxs:
                state = simulated.state
                inventory.add(
                    PbxRecord(
                        name=state.name,
                        url=simulated.url,
                        login_id=state.login_id,
                        customer=state.customer,
                        agent_instance=state.agent_instance,
                        fingerprint=simulated.fingerprint or None,
                        notes=world.notes.get(state.name, ""),
                    )
                )
                credentials.set_password(state.name, state.login_id, state.password)
                credentials.set_agent_secret(state.name, simulated.agent_secret)
        services = open_services(credentials=credentials, client_options={"timeout": 5.0, "retries": 1})
    except BaseException:
        fleet.stop()
        _set_home(previous_home)
        raise
    return DemoSession(services=services, fleet=fleet, world=world, home=home, previous_home=previous_home)
