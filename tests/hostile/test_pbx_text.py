"""Names a PBX sends are shown cleaned and stored bounded.

A PBX (or whoever answers in its place) chooses module, vendor and instance names, its versions
and license keys. A line break in a name forged a table line, a bidi override (U+202E) reversed
what followed, and a name of hundreds of kilobytes was printed whole and kept in the inventory.
Protocol 2 refuses control characters (line breaks among them) and texts over 4,096
characters in any answer, so such an answer is one clear "cannot read" error. Here a simulated
PBX answers with bidi characters and long names over real HTTPS; the command line prints one
line per module, never a raw control or bidi character, no cell longer than its bound, and the
inventory keeps bounded strings only.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from modmanager.core.sfmbuild import build_sfm, example_spec
from modmanager.simulator.state import SimInstance
from modmanager.simulator.testing import TEST_PASSWORD, make_pbx, running_fleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from tests.hostile.conftest import Run

FORGED = "Fax\u2067EVIL-MODULE  Acme  999  (forged row)\u2069"
"""Bidi isolates reorder what follows; line breaks are refused by the protocol itself (below)."""
REVERSED = "Rechnung\u202efdp.exe"
HUGE = "Z" * 4000  # long, yet within the protocol's text limit (longer answers are refused as unreadable)
UNSAFE = ("\u202e", "\u2066", "\u200f", "\x1b", "\r")


def _hostile_pbx() -> object:
    spec = replace(example_spec(126), name=FORGED, vendor=f"Acme {REVERSED}", names={"de": FORGED, "en": FORGED})
    return make_pbx(
        "kunde-x",
        modules=[(build_sfm(spec), [SimInstance(REVERSED, True, {}), SimInstance(HUGE, False, {})])],
        server_license_key=f"SRV-{REVERSED}",
    )


def _printable_lines(text: str) -> list[str]:
    for char in UNSAFE:
        assert char not in text, f"{char!r} reached the terminal"
    return text.splitlines()


def test_hostile_names_are_printed_cleaned_and_stored_bounded(mm: Run, tmp_path: Path) -> None:
    with running_fleet(tmp_path, [_hostile_pbx()]) as fleet:  # type: ignore[list-item]
        sim = fleet.pbxs[0]
        with Inventory() as inventory:
            inventory.add(PbxRecord("kunde-x", sim.url, "0001", fingerprint=sim.fingerprint))
        credentials = open_credentials()
        credentials.set_password("kunde-x", "0001", TEST_PASSWORD)
        credentials.set_agent_secret("kunde-x", sim.state.agent_secret)

        modules = mm("modules", "--pbx", "kunde-x")
        assert modules.code == 0, modules.err
        lines = _printable_lines(modules.out)
        assert len(lines) == 3, "a header, the module and the agent: no forged row"
        assert "Rechnungfdp.exe" in lines[1] and "EVIL-MODULE" in lines[1]
        assert all(len(line) < 1000 for line in lines), "a 4,000 character name is cut"

        info = mm("info", "--pbx", "kunde-x")
        assert info.code == 0, info.err
        lines = _printable_lines(info.out)
        assert not any(line.startswith("| forged") for line in lines)

        as_json = mm("modules", "--pbx", "kunde-x", "--json")
        assert as_json.code == 0
        for char in UNSAFE:
            assert char not in as_json.out
        (module,) = [item for item in json.loads(as_json.out) if item["vendor"] != "modmanager"]
        assert module["name"] == FORGED, "JSON keeps what the PBX said, escaped"
        assert {inst["name"] for inst in module["instances"]} == {REVERSED, HUGE}

        refreshed = mm("refresh")
        assert refreshed.code == 0, refreshed.err
        _printable_lines(refreshed.out)
        with Inventory() as inventory:
            stored = inventory.load_snapshot("kunde-x")
        assert stored is not None
        names = [inst["name"] for module in stored[0]["modules"] for inst in module["instances"]]
        assert max(len(name) for name in names) <= 4096, "the inventory keeps bounded strings"


def test_a_name_with_a_line_break_is_refused_in_one_line(mm: Run, tmp_path: Path) -> None:
    spec = replace(example_spec(126), name="Fax\nEVIL-MODULE  (forged row)")
    pbx = make_pbx("kunde-y", modules=[(build_sfm(spec), [SimInstance("a", True, {})])])
    with running_fleet(tmp_path, [pbx]) as fleet:
        sim = fleet.pbxs[0]
        with Inventory() as inventory:
            inventory.add(PbxRecord("kunde-y", sim.url, "0001", fingerprint=sim.fingerprint))
        credentials = open_credentials()
        credentials.set_password("kunde-y", "0001", TEST_PASSWORD)
        credentials.set_agent_secret("kunde-y", sim.state.agent_secret)
        outcome = mm("modules", "--pbx", "kunde-y")
        assert outcome.code == 1 and outcome.out == ""
        assert len(outcome.err.splitlines()) == 1 and "cannot read" in outcome.err
        assert "EVIL" not in outcome.err
