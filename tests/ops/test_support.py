"""The support bundle: logs, versions, settings, inventory summary and state - and no secret."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.protocol import auth_token
from modmanager.ops.logs import setup_logging, shutdown_logging
from modmanager.ops.operation import pbx_exclusive
from modmanager.ops.refresh import refresh_pbx
from modmanager.ops.support import support_bundle, write_support_bundle
from modmanager.simulator.testing import TEST_PASSWORD
from tests.ops.world import A_VALUES, MODULE_A, PBX, world


@pytest.fixture
def logging_to_the_data_folder() -> Iterator[None]:
    setup_logging(debug=True)
    try:
        yield
    finally:
        shutdown_logging()


def test_the_bundle_holds_what_support_needs_and_no_secret(tmp_path: Path, logging_to_the_data_folder: None) -> None:
    with world(tmp_path) as w:
        refresh_pbx(w.services, PBX)
        logging.getLogger("modmanager.test").warning(
            "a careless line: password=%s token %s", TEST_PASSWORD, auth_token("0001", TEST_PASSWORD)
        )
        with pbx_exclusive(w.services, PBX, "update") as op:
            data = support_bundle(w.services)
        written = write_support_bundle(w.services, tmp_path / "bundle.zip")
        assert written.stat().st_mode & 0o077 == 0

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        assert {"README.txt", "versions.json", "settings.json", "inventory.json", "state.json"} <= names
        assert "logs/modmanager.log" in names
        texts = {name: archive.read(name).decode("utf-8") for name in names}

    everything = "\n".join(texts.values())
    for secret in (TEST_PASSWORD, str(A_VALUES["apiPassword"]), auth_token("0001", TEST_PASSWORD).split(":")[1]):
        assert secret not in everything
    assert "a careless line: password=[redacted]" in texts["logs/modmanager.log"]

    versions = json.loads(texts["versions.json"])
    assert versions["modmanager"] and versions["python"] and "filelock" in versions["libraries"]
    settings = json.loads(texts["settings.json"])
    assert "window_geometry" not in settings and settings["catalog_sources"][0]["name"] == "Test"
    (pbx,) = json.loads(texts["inventory.json"])
    assert pbx["name"] == PBX and pbx["status"] == "updates-available" and pbx["starfaceVersion"]
    assert MODULE_A in {module["id"] for module in pbx["modules"]}
    assert not [key for key in pbx if "login" in key.lower()]  # no login ID
    state = json.loads(texts["state.json"])
    assert state["interruptedUpdates"] == []
    assert [(item["pbx"], item["kind"], item["op"]) for item in state["runningOperations"]] == [
        (PBX, "update", op.op_id)
    ]
    assert state["catalogProblems"] == []
