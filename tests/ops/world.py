"""A small world for use-case tests: a signed vendor catalog, one simulated PBX, real services.

Module A ("Anrufweiterleitung", no internal database): v126 installed, v130 in the catalog
with a changed form (``ringSeconds`` dropped, ``voicemailBox`` new), v140 paid.
Module B ("Telefonbuch-Sync", internal database - the PBX wipes its settings on upload): v3
installed with values and internal data, v4 in the catalog (form gains ``fullSync``).
Module C ("Notfallumleitung") is only in the catalog, for fresh installs.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from modmanager.catalog.builder import build_catalog
from modmanager.core.catalog import dump_catalog, generate_signing_key, sign_catalog
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm, example_spec
from modmanager.ops.catalogs import CatalogSet
from modmanager.ops.services import Services
from modmanager.pbx.client import connect
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import (
    DATABASE_MODULE_ID,
    SAMPLE_MODULE_ID,
    TEST_AGENT_SECRET,
    TEST_PASSWORD,
    database_module_spec,
    make_pbx,
    running_fleet,
)
from modmanager.store.backups import BackupStore
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.journal import Journal
from modmanager.store.settings import CatalogSource, Settings
from modmanager.store.sfmcache import SfmCache

MODULE_A = SAMPLE_MODULE_ID
MODULE_B = DATABASE_MODULE_ID
MODULE_C = "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
PBX = "kunde-a"

A_VALUES = {"targetNumber": "+49 30 9876543", "ringSeconds": 25, "logCalls": True, "apiPassword": "geheim-123"}
B_VALUES = {"serverUrl": "https://crm.kunde-a.de", "syncMinutes": 30}
B_INTERNAL = b"H2-DATABASE:" + bytes(range(256)) * 4


def spec_a(version: int) -> ModuleSpec:
    spec = example_spec(version)
    if version < 130:
        return spec
    inputs = tuple(item for item in spec.inputs if item.variable_id != "ringSeconds")
    inputs += (InputSpec("voicemailBox", "Mailbox bei Nichterreichen", kind="checkBoxInput", default="false"),)
    return replace(spec, inputs=inputs)


def spec_b(version: int) -> ModuleSpec:
    spec = database_module_spec(version)
    if version < 4:
        return spec
    return replace(
        spec, inputs=(*spec.inputs, InputSpec("fullSync", "Vollabgleich", kind="checkBoxInput", default="true"))
    )


def spec_c(version: int) -> ModuleSpec:
    return ModuleSpec(
        module_id=MODULE_C,
        name="Notfallumleitung",
        vendor="Beispiel Telekommunikation GmbH & Co. KG",
        version=version,
        names={"de": "Notfallumleitung", "en": "Emergency Redirect"},
        inputs=(InputSpec("fallbackNumber", "Ersatzrufnummer", default="+49 30 110"),),
    )


def write_vendor_tree(root: Path, extra_files: Mapping[str, bytes] | None = None) -> None:
    files = {
        "9.X/Anrufweiterleitung_v126.sfm": build_sfm(spec_a(126)),
        "9.X/Anrufweiterleitung_v130.sfm": build_sfm(spec_a(130)),
        "9.X/Anrufweiterleitung_v140.sfm": build_sfm(spec_a(140)),
        "9.X/Telefonbuch_v3.sfm": build_sfm(spec_b(3)),
        "9.X/Telefonbuch_v4.sfm": build_sfm(spec_b(4)),
        "9.X/Notfallumleitung_v7.sfm": build_sfm(spec_c(7)),
        **(extra_files or {}),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "9.X" / "Anrufweiterleitung_v140.sfm.json").write_text(
        json.dumps({"paid": True, "changelog": "Neue Oberfläche. Upgrade kostenpflichtig."})
    )


def signed_catalog(tmp_path: Path, extra_files: Mapping[str, bytes] | None = None) -> tuple[Path, str]:
    vendor = tmp_path / "vendor"
    write_vendor_tree(vendor, extra_files)
    catalog, _ = build_catalog(vendor, name="Testkatalog")
    private, public = generate_signing_key()
    data = dump_catalog(catalog)
    (vendor / "catalog.json").write_bytes(data)
    (vendor / "catalog.json.sig").write_bytes(sign_catalog(data, private))
    public_text = public.decode() if isinstance(public, bytes) else public
    return vendor, public_text


@dataclass
class World:
    services: Services
    fleet: SimulatorFleet
    sim: SimulatedPbx
    tmp_path: Path

    def module(self, module_id: str):  # -> SimModule
        return self.sim.state.modules[module_id]


def services_for(tmp_path: Path, catalog_dir: Path, public_key: str, *, timeout: float = 5.0) -> Services:
    credentials = open_credentials()
    cache = SfmCache(tmp_path / "cache")
    settings = Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),), backup_retention=3)
    return Services(
        inventory=Inventory(tmp_path / "inventory.sqlite3"),
        credentials=credentials,
        backups=BackupStore(credentials, tmp_path / "backups"),
        journal=Journal(tmp_path / "journal"),
        sfm_cache=cache,
        settings=settings,
        catalogs=CatalogSet(settings.catalog_sources, cache=cache),
        connect=lambda record: connect(record, credentials, timeout=timeout, retries=1),
        owner="modmanager:test@workstation",
    )


@contextmanager
def world(
    tmp_path: Path,
    *,
    timeout: float = 5.0,
    vendor_files: Mapping[str, bytes] | None = None,
    **pbx_overrides: Any,
) -> Iterator[World]:
    """The world with its PBX running; ``vendor_files`` are added to the catalog (path -> file),
    ``pbx_overrides`` set :class:`SimPbx` fields (e.g. ``capabilities=frozenset()`` for an agent
    without any optional capability)."""
    catalog_dir, public_key = signed_catalog(tmp_path, vendor_files)
    pbx = make_pbx(
        PBX,
        modules=[
            (build_sfm(spec_a(126)), [SimInstance("Weiterleitung Zentrale", True, dict(A_VALUES))]),
            (
                build_sfm(spec_b(3)),
                [
                    SimInstance("Telefonbuch", True, dict(B_VALUES)),
                    SimInstance("Telefonbuch Filiale", False, {"serverUrl": "https://crm-filiale.kunde-a.de"}),
                ],
            ),
        ],
        **pbx_overrides,
    )
    pbx.modules[MODULE_B].internal_data = B_INTERNAL
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        services = services_for(tmp_path, catalog_dir, public_key, timeout=timeout)
        services.inventory.add(PbxRecord(PBX, sim.url, "0001", fingerprint=sim.fingerprint))
        services.credentials.set_password(PBX, "0001", TEST_PASSWORD)
        services.credentials.set_agent_secret(PBX, TEST_AGENT_SECRET)
        try:
            yield World(services, fleet, sim, tmp_path)
        finally:
            services.close()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
