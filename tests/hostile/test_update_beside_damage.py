"""A damaged file never fails work it has nothing to do with.

The issue's case: one crafted file in ``backups/`` (deep nesting, 1e999) broke ``backup list``
and made a successful update exit 1 (the retention step after the update listed the folder).
Here the data folder holds crafted backups, a damaged update journal and a damaged cache index
while a real update runs against a simulated PBX: it succeeds (exit 0), every crafted file is
left byte for byte, ``backup list`` shows each damaged file with its reason next to the real
backups, and ``recover`` names the damaged journal entry in one sentence.
"""

from __future__ import annotations

import json
import os

from modmanager.store.paths import backups_dir, journal_dir, sfm_cache_dir
from tests.cli.conftest import PBX_A, CliWorld
from tests.hostile.conftest import Run, refused
from tests.hostile.crafted import JSON_BOMBS, crafted_backup
from tests.ops.world import MODULE_B

CRAFTED_BACKUPS = {
    "20250101T000000Z-0000dee9.mmb": crafted_backup(JSON_BOMBS["deep nesting"]),
    "20250101T000000Z-00001e99.mmb": crafted_backup(b'{"moduleVersion": 1e999}'),
    "20250101T000000Z-0000ba5e.mmb": bytes(range(256)),
    "20250101T000000Z-0000cafe.mmb": crafted_backup(),
}


def test_an_update_succeeds_beside_crafted_files_and_leaves_them_as_they_were(mm: Run, cli_world: CliWorld) -> None:
    crafted = {backups_dir() / name: data for name, data in CRAFTED_BACKUPS.items()}
    crafted[journal_dir() / ("d" * 32 + ".json")] = JSON_BOMBS["1e999"]
    crafted[sfm_cache_dir() / "installed.json"] = JSON_BOMBS["deep nesting"]
    for path, data in crafted.items():
        path.write_bytes(data)
    if hasattr(os, "mkfifo"):
        os.mkfifo(backups_dir() / "20250101T000000Z-0000f1f0.mmb")

    update = mm("update", "--pbx", PBX_A, "--module", MODULE_B, "--yes")
    assert update.code == 0, update.err
    assert "now runs v4" in update.out
    assert cli_world.module(PBX_A, MODULE_B).version == 4

    for path, data in crafted.items():
        if path.name == "installed.json":
            assert (path.parent / "installed.json.damaged").read_bytes() == data, "set aside, not lost"
        else:
            assert path.read_bytes() == data, f"{path.name} was changed"

    listing = mm("backup", "list", "--json")
    assert listing.code == 0, listing.err
    data = json.loads(listing.out)
    assert [(b["pbxName"], b["moduleId"], b["reason"]) for b in data["backups"]] == [(PBX_A, MODULE_B, "pre-update")]
    damaged = {item["file"].rsplit("/", 1)[-1]: item["kind"] for item in data["damaged"]}
    expected = set(CRAFTED_BACKUPS) | ({"20250101T000000Z-0000f1f0.mmb"} if hasattr(os, "mkfifo") else set())
    assert set(damaged) == expected
    assert damaged["20250101T000000Z-0000cafe.mmb"] == "name_mismatch"  # its header names another backup
    text = mm("backup", "list")
    assert text.code == 0 and f"{len(expected)} damaged files" in text.out

    refused(mm("recover"), "d" * 32, "damaged")
    refresh = mm("refresh")
    assert refresh.code == 0, refresh.err
