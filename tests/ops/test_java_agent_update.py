"""``modmanager update`` end to end against the Java agent in the STARFACE test host (agent/host).

The real command line, in process, with its data folder in ``MODMANAGER_HOME``: the PBX is
added with ``pbx add`` (password and agent secret on stdin, certificate pinned), a signed
catalog offers the newer release, and the module keeps its settings in a module-internal
database, so the host's upload wipes them (back to the form's defaults). The update must put
every setting and the active state back.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.sfm import SettingValue
from modmanager.core.sfmbuild import InputSpec, ModuleSpec, build_sfm
from modmanager.pbx.client import AgentClient
from modmanager.simulator.testing import TEST_AGENT_SECRET
from modmanager.store.settings import CatalogSource, Settings, save_settings
from tests.ops.world import signed_catalog
from tests.pbx.java_agent import running_java_agent

MODULE_ID = "5e8a1c2d-3b4f-4d6e-9a7b-8c9d0e1f2a3b"
PBX = "java-kunde"
ACTIVE_VALUES: dict[str, SettingValue] = {
    "serverUrl": "https://crm.kunde-j.de",
    "syncMinutes": 45,
    "fullSync": False,
    "extensions": ["201", "202", "300"],
}
IDLE_VALUES: dict[str, SettingValue] = {
    "serverUrl": "https://crm-filiale.kunde-j.de",
    "syncMinutes": 5,
    "fullSync": True,
    "extensions": ["401"],
}


def crm_module(version: int) -> bytes:
    """A module with a module-internal database: the upload loses its instances' values."""
    return build_sfm(
        ModuleSpec(
            module_id=MODULE_ID,
            name="CRM-Sync",
            vendor="Datenwerk AG",
            version=version,
            names={"de": "CRM-Sync", "en": "CRM Sync"},
            inputs=(
                InputSpec("serverUrl", "Server-URL", default="https://crm.example.com"),
                InputSpec("syncMinutes", "Intervall (Minuten)", kind="numberInput", default="15"),
                InputSpec("fullSync", "Vollabgleich", kind="checkBoxInput", default="true"),
                InputSpec("extensions", "Nebenstellen", kind="stringListInput"),
            ),
            uses_internal_database=True,
        )
    )


def test_update_through_the_java_agent_restores_every_setting_and_the_active_instance(
    tmp_path: Path, isolated_state: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog_dir, public_key = signed_catalog(
        tmp_path, {"9.X/CRM-Sync_v1.sfm": crm_module(1), "9.X/CRM-Sync_v2.sfm": crm_module(2)}
    )
    save_settings(Settings(catalog_sources=(CatalogSource("Test", str(catalog_dir), public_key),), backup_retention=5))
    instances = [
        {"name": "CRM", "active": True, "values": ACTIVE_VALUES},
        {"name": "CRM Filiale", "active": False, "values": IDLE_VALUES},
    ]
    with running_java_agent(tmp_path, preinstalled=[(crm_module(1), instances)], secret=TEST_AGENT_SECRET) as pbx:
        monkeypatch.setattr("sys.stdin", io.StringIO(f"{pbx.password}\n{pbx.agent_secret}\n"))
        flags = ["--login", pbx.login_id, "--password-stdin", "--agent-secret-stdin", "--fingerprint", pbx.fingerprint]
        added = run(["pbx", "add", PBX, pbx.url, *flags])
        assert added == 0, capsys.readouterr().err

        code = run(["update", "--pbx", PBX, "--module", MODULE_ID, "--yes"])
        out, err = capsys.readouterr()
        assert code == 0, f"{out}\n{err}\n--- host log ---\n{pbx.log_text()}"
        assert pbx.password not in out + err and pbx.agent_secret not in out + err

        with AgentClient(
            pbx.url, pbx.login_id, pbx.password, agent_secret=pbx.agent_secret, fingerprint=pbx.fingerprint
        ) as client:
            config = client.export_config(MODULE_ID)
    assert config.version == 2
    found = {instance.name: (instance.active, dict(instance.values)) for instance in config.instances}
    assert found == {"CRM": (True, ACTIVE_VALUES), "CRM Filiale": (False, IDLE_VALUES)}
