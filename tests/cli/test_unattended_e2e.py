"""Unattended and accountable, end to end through the command line, on three demo PBXs.

Windows that are open now, a scheduled "install all free updates" for the three PBXs, one
module that does not stay up on one PBX (simulator fault), ``run-due``, the audit trail
(``audit verify`` passes; editing a row in the database makes it fail) and the customer
reports (PDF and HTML, German and English).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from modmanager.ops.fleet import PlannedUpdate, free_updates
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.services import open_services
from modmanager.simulator.demo import build_demo_world
from modmanager.simulator.server import SimulatorFleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.paths import inventory_path
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.cli.conftest import Cli

PBXS = ("Partner-Demoanlage", "Autohaus Sommer GmbH", "Stadtwerke Talheim")
FAULTY = "Autohaus Sommer GmbH"


@dataclass
class Demo:
    fleet: SimulatorFleet
    updates: dict[str, list[PlannedUpdate]]


@pytest.fixture
def demo(tmp_path: Path, isolated_state: Path) -> Iterator[Demo]:
    world = build_demo_world(tmp_path / "world")
    chosen = [pbx for pbx in world.pbxs if pbx.name in PBXS]
    save_settings(Settings(catalog_sources=(CatalogSource("Demo", str(world.catalog_dir), world.catalog_public_key),)))
    fleet = SimulatorFleet(tmp_path / "sim")
    for pbx in chosen:
        fleet.add(pbx)
    with fleet:
        credentials = open_credentials()
        with Inventory() as inventory:
            for sim in fleet.pbxs:
                state = sim.state
                inventory.add(PbxRecord(state.name, sim.url, state.login_id, customer=state.customer,
                                        fingerprint=sim.fingerprint))  # fmt: skip
                credentials.set_password(state.name, state.login_id, state.password)
                credentials.set_agent_secret(state.name, state.agent_secret)
        services = open_services()
        try:
            updates = {name: free_updates(refresh_pbx(services, name)) for name in PBXS}
        finally:
            services.close()
        yield Demo(fleet, updates)


def test_scheduled_updates_health_check_rollback_audit_and_reports(demo: Demo, cli: Cli, tmp_path: Path) -> None:
    assert all(len(items) >= 2 for items in demo.updates.values()), demo.updates
    # The third update on the faulty PBX does not stay up: the first two go through.
    victim = demo.updates[FAULTY][2]
    demo.fleet.get(FAULTY).faults.unstable_instances(victim.module_id, version=victim.to_version)

    for name in PBXS:
        assert cli("window", "set", "--pbx", name, "daily 00:00-00:00 Europe/Berlin").code == 0
    listed = json.loads(cli("window", "list", "--json").out)
    assert all(item["openNow"] for item in listed)

    added = cli("schedule", "add", "--update-all", *[arg for name in PBXS for arg in ("--pbx", name)], "--json")
    assert added.code == 0, added.err
    assert len(json.loads(added.out)) == 3

    ran = cli("run-due")
    assert ran.code == 1
    assert "2 of 3 job(s) succeeded; 1 failed (Autohaus Sommer GmbH)" in ran.out
    assert ran.err.count("\n") == 1 and ran.err.startswith("modmanager: ")

    # The faulty PBX: two updates done, the third rolled back with its instances active again.
    faulty = demo.fleet.get(FAULTY).state.modules
    first, second = demo.updates[FAULTY][:2]
    assert faulty[first.module_id].version == first.to_version
    assert faulty[second.module_id].version == second.to_version
    assert faulty[victim.module_id].version == victim.from_version
    assert any(instance.active for instance in faulty[victim.module_id].instances)
    for name in ("Partner-Demoanlage", "Stadtwerke Talheim"):
        modules = demo.fleet.get(name).state.modules
        assert all(modules[item.module_id].version == item.to_version for item in demo.updates[name])

    rows = json.loads(cli("audit", "--customer", FAULTY, "--json").out)
    updates = [row for row in rows if row["action"] == "update"]
    assert [row["outcome"] for row in updates] == ["ok", "ok", "rolled-back"]
    assert updates[-1]["errorCode"] == "health_check_failed"
    assert all(row["detail"]["origin"] == "schedule" for row in updates)
    assert cli("audit", "--csv").out.startswith("seq,at,os_user,workstation,action,")
    verified = cli("audit", "verify")
    assert verified.code == 0 and "intact" in verified.out

    reports = {}
    for language in ("de", "en"):
        for suffix in ("html", "pdf"):
            out = tmp_path / f"report-{language}.{suffix}"
            made = cli("report", "--customer", FAULTY, "--since", "2000-01-01", "--out", str(out), "--lang", language)
            assert made.code == 0, made.err
            reports[(language, suffix)] = out
    german = reports[("de", "html")].read_text(encoding="utf-8")
    assert "Änderungen an den Telefonanlagen von Autohaus Sommer GmbH" in german
    assert "fehlgeschlagen, zurückgesetzt" in german
    assert "Die Funktionsprüfung nach der Aktualisierung schlug fehl" in german
    assert "Sicherungen der Einstellungen" in german
    english = reports[("en", "html")].read_text(encoding="utf-8")
    assert "failed, rolled back" in english and "was put back at once" in english
    for language in ("de", "en"):
        pdf = reports[(language, "pdf")].read_bytes()
        assert pdf.startswith(b"%PDF-") and len(pdf) > 5000

    # Someone edits a row in the database: verify finds it.
    with sqlite3.connect(inventory_path()) as raw:
        raw.execute("DROP TRIGGER audit_no_update")
        raw.execute("UPDATE audit SET outcome = 'ok' WHERE outcome = 'rolled-back'")
    broken = cli("audit", "verify")
    assert broken.code == 1
    assert "was changed after it was written" in broken.out
    assert broken.err.startswith("modmanager: the audit trail was altered")
