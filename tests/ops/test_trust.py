"""Re-pinning a PBX's certificate: look first, pin only what the PBX presents."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from modmanager.core.errors import PbxError, StoreError
from modmanager.ops.trust import check_certificate, trust_certificate
from modmanager.simulator.testing import make_pbx, running_fleet
from modmanager.store.inventory import Inventory, PbxRecord


def test_check_shows_both_fingerprints_and_trust_pins_the_presented_one(tmp_path: Path) -> None:
    with running_fleet(tmp_path, [make_pbx("pbx1")]) as fleet, Inventory(tmp_path / "inv.sqlite3") as inventory:
        sim = fleet.pbxs[0]
        inventory.add(PbxRecord("hq", sim.url, "0001", fingerprint="ab" * 32))
        check = check_certificate(inventory, "hq")
        assert check.changed and check.pinned == "ab" * 32 and check.presented.sha256 == sim.fingerprint
        assert inventory.get("hq").fingerprint == "ab" * 32, "looking changes nothing"

        with pytest.raises(PbxError) as caught:
            trust_certificate(inventory, "hq", "cd" * 32)
        assert caught.value.code == "trust_fingerprint_mismatch"
        assert inventory.get("hq").fingerprint == "ab" * 32

        spelled = ":".join(sim.fingerprint[i : i + 2].upper() for i in range(0, 64, 2))
        trusted = trust_certificate(inventory, "hq", spelled)
        assert trusted.presented.sha256 == sim.fingerprint
        assert inventory.get("hq").fingerprint == sim.fingerprint
        assert not check_certificate(inventory, "hq").changed


def test_an_unreachable_or_unknown_pbx_is_one_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Inventory(tmp_path / "inv.sqlite3") as inventory:
        inventory.add(PbxRecord("gone", f"https://127.0.0.1:{port}", "0001", fingerprint="ab" * 32))
        with pytest.raises(PbxError) as caught:
            trust_certificate(inventory, "gone", "ab" * 32, timeout=2.0)
        assert caught.value.code == "unreachable"
        with pytest.raises(StoreError):
            check_certificate(inventory, "nirgends")
        assert inventory.get("gone").fingerprint == "ab" * 32
