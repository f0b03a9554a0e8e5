"""A made-up fleet of any size over the demo catalog: hundreds of PBXs for screenshots and benchmarks.

The eight demo PBXs tell a story each; a partner's real fleet is a crowd. :func:`generate_fleet`
makes that crowd - customers with one to a dozen PBXs, tags such as ``wartung`` or ``cloud``,
STARFACE releases from 7.3 to 10.0 and a mix of module releases old and new, so every status of
the fleet view shows up - from the demo world's catalog files, the same way for the same seed.
:func:`register_fleet` puts a running simulated fleet into an inventory with its passwords, as
``pbx add`` would.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from modmanager.core.catalog import CatalogModule, Release, parse_catalog, resolve_location
from modmanager.core.protocol import Edition, License, LicenseKind
from modmanager.simulator.demo import DemoWorld, demo_agent_secret, demo_password
from modmanager.simulator.server import SimulatorFleet
from modmanager.simulator.state import SimInstance, SimPbx
from modmanager.store.credentials import CredentialStore
from modmanager.store.inventory import Inventory, PbxRecord

STARFACE_RELEASES = ("7.3.0.5", "8.1.3.0", "9.0.1.3", "9.1.0.2", "9.1.0.2", "10.0.0.4", "10.0.0.4", "10.0.0.4")
"""Releases the made-up PBXs run; repeats weight the choice towards current ones."""
TAGS = ("wartung", "cloud", "filiale", "zentrale", "vip", "test", "hotline", "ausschreibung")
_TOWNS = (
    "Aachen", "Bamberg", "Celle", "Detmold", "Erfurt", "Fulda", "Görlitz", "Hameln", "Ingolstadt", "Jena",
    "Kassel", "Lübeck", "Mainz", "Nürnberg", "Oldenburg", "Passau", "Regensburg", "Siegen", "Trier", "Ulm",
)  # fmt: skip
_TRADES = (
    "Autohaus", "Bäckerei", "Steuerbüro", "Zahnarztpraxis", "Stadtwerke", "Logistik", "Hotel", "Kanzlei",
    "Brauerei", "Sanitätshaus", "Elektro", "Immobilien", "Druckerei", "Klinikum", "Versicherung",
)  # fmt: skip
_FORMS = ("GmbH", "AG", "KG", "e.K.", "GmbH & Co. KG")
_SITES = ("Zentrale", "Filiale", "Lager", "Werk", "Büro", "Praxis", "Hotline")
_INSTALL_SHARE = 0.45
"""How likely a PBX runs any one catalog module."""


@dataclass(frozen=True)
class GeneratedPbx:
    """A made-up PBX: what the simulator serves, and the tags the partner gave it."""

    pbx: SimPbx
    tags: tuple[str, ...]


def generate_fleet(world: DemoWorld, count: int, *, customers: int | None = None, seed: int = 1) -> list[GeneratedPbx]:
    """``count`` PBXs spread over ``customers`` customers (default: about one per five PBXs).

    Each runs a random choice of the demo catalog's modules, each at a random release, so
    updates, paid updates, incompatible and untested releases all appear. The same arguments
    give the same fleet.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    rng = random.Random(seed)
    catalog = parse_catalog(world.catalog_file.read_bytes(), source=str(world.catalog_dir))
    modules = [module for module in catalog.modules if module.releases]
    files: dict[tuple[str, int], bytes] = {}
    names = _customer_names(rng, customers if customers is not None else max(1, count // 5))
    fleet: list[GeneratedPbx] = []
    used: set[str] = set()
    for number in range(1, count + 1):
        customer = names[rng.randrange(len(names))] if number > len(names) else names[number - 1]
        name = _pbx_name(rng, customer, used)
        starface = rng.choice(STARFACE_RELEASES)
        edition = Edition.CLOUD if rng.random() < 0.15 else rng.choice((Edition.VM, Edition.APPLIANCE))
        pbx = SimPbx(
            name=name,
            customer=customer,
            starface_version=starface,
            edition=edition,
            server_license_key=f"SFL-{rng.getrandbits(64):016X}"[:23],
            hardware_id=None,
            licenses=[License(LicenseKind.SERVER, 1), License(LicenseKind.USER, rng.choice((10, 25, 45, 120)))],
            login_id=f"{number:04d}",
            password=demo_password(name),
            agent_secret=demo_agent_secret(name),
        )
        for module in modules:
            if rng.random() >= _INSTALL_SHARE:
                continue
            release = _installed_release(rng, module)
            data = _file(files, world, module, release)
            if data is not None:
                instances = [SimInstance(module.display_name("de"), active=rng.random() < 0.9)]
                pbx.add_module(data, instances).license_state = "licensed"
        tags = tuple(sorted(rng.sample(TAGS, k=rng.choice((0, 1, 1, 2, 2, 3)))))
        if edition is Edition.CLOUD and "cloud" not in tags:
            tags = tuple(sorted((*tags, "cloud")))
        fleet.append(GeneratedPbx(pbx, tags))
    return fleet


def register_fleet(
    fleet: SimulatorFleet, generated: Sequence[GeneratedPbx], inventory: Inventory, credentials: CredentialStore
) -> None:
    """Add every generated PBX of a running simulated fleet to the inventory, password and pin included."""
    tags = {item.pbx.name: item.tags for item in generated}
    for simulated in fleet.pbxs:
        state = simulated.state
        if state.name not in tags:
            continue
        inventory.add(
            PbxRecord(
                name=state.name,
                url=simulated.url,
                login_id=state.login_id,
                customer=state.customer,
                tags=tags[state.name],
                agent_instance=state.agent_instance,
                fingerprint=simulated.fingerprint or None,
            )
        )
        credentials.set_password(state.name, state.login_id, state.password)
        credentials.set_agent_secret(state.name, state.agent_secret)


def _customer_names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(_TRADES)} {rng.choice(_TOWNS)} {rng.choice(_FORMS)}"
        if name not in names:
            names.append(name)
        elif len(names) >= len(_TRADES) * len(_TOWNS):
            names.append(f"{name} {len(names)}")
    return names


def _pbx_name(rng: random.Random, customer: str, used: set[str]) -> str:
    stem = customer.split(" ")[0] + " " + customer.split(" ")[1]
    for _attempt in range(50):
        name = f"{stem} {rng.choice(_SITES)} {rng.randint(1, 99)}"
        if name not in used:
            used.add(name)
            return name
    name = f"{stem} {len(used) + 1}"
    used.add(name)
    return name


def _installed_release(rng: random.Random, module: CatalogModule) -> Release:
    """Mostly one of the newer releases, sometimes a much older one."""
    releases = sorted(module.releases, key=lambda release: release.version, reverse=True)
    if rng.random() < 0.35:
        return releases[0]
    return releases[min(len(releases) - 1, int(rng.expovariate(0.8)) + 1)]


def _file(
    files: dict[tuple[str, int], bytes], world: DemoWorld, module: CatalogModule, release: Release
) -> bytes | None:
    key = (module.id, release.version)
    if key not in files:
        build = release.standard or release.nfr
        if build is None:
            return None
        files[key] = Path(resolve_location(str(world.catalog_dir), build.location)).read_bytes()
    return files[key]


def import_rows(fleet: SimulatorFleet, generated: Sequence[GeneratedPbx]) -> list[dict[str, str]]:
    """The generated PBXs of a running simulated fleet as the rows of an import file
    (``modmanager pbx import``, the import dialog): name, customer, tags, address, login and the
    secrets, in the fields :mod:`modmanager.ops.fleet_import` reads."""
    tags = {item.pbx.name: item.tags for item in generated}
    return [
        {
            "name": simulated.state.name,
            "customer": simulated.state.customer,
            "tags": ", ".join(tags[simulated.state.name]),
            "url": simulated.url,
            "login": simulated.state.login_id,
            "password": simulated.state.password,
            "agent_secret": simulated.state.agent_secret,
        }
        for simulated in fleet.pbxs
        if simulated.state.name in tags
    ]
