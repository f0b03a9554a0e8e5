"""``modmanager pbx import/export`` and tags on the command line, against simulated PBXs over TLS."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from modmanager.cli.main import run
from modmanager.pbx.tls import format_fingerprint
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, make_pbx, running_fleet
from modmanager.store.credentials import open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.windows import WindowStore

FILE_PASSWORD = "Import-Kennwort-5521"
"""The simulated PBXs' password; only the import file holds it."""
HEADER = "Name;Kunde;Schlagworte;URL;Login;Passwort;Agent-Geheimnis;Wartungsfenster\r\n"


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[SimulatorFleet]:
    pbxs = [make_pbx(f"sim{index}", password=FILE_PASSWORD) for index in range(4)]
    with running_fleet(tmp_path, pbxs) as running:
        yield running


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _row(name: str, sim: SimulatedPbx, *, customer: str = "Müller GmbH", tags: str = "", window: str = "") -> str:
    return f"{name};{customer};{tags};{sim.url};{TEST_LOGIN};{FILE_PASSWORD};{TEST_AGENT_SECRET};{window}\r\n"


def _csv(path: Path, rows: list[str], header: str = HEADER) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + (header + "".join(rows)).encode("utf-8"))
    return path


def _names() -> list[str]:
    with Inventory() as inventory:
        return sorted(record.name for record in inventory.list())


def _assert_no_secret_on_disk(home: Path, *texts: str) -> None:
    for path in home.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert FILE_PASSWORD.encode() not in content and TEST_AGENT_SECRET.encode() not in content, path
    for text in texts:
        assert FILE_PASSWORD not in text and TEST_AGENT_SECRET not in text


def test_two_hundred_pbxs_are_one_command(
    tmp_path: Path,
    fleet: SimulatorFleet,
    isolated_state: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 200 PBX names over the four simulators, each reachable as 127.0.0.1 and as localhost.
    addresses = [url for sim in fleet.pbxs for url in (sim.url, sim.url.replace("127.0.0.1", "localhost"))]
    rows = []
    for index in range(200):
        url = addresses[index % len(addresses)]
        customer = f"Kunde {index // 10:02d}"
        tags = "wartung, vip" if index % 2 else "cloud"
        rows.append(f"pbx-{index:03d};{customer};{tags};{url};{TEST_LOGIN};{FILE_PASSWORD};{TEST_AGENT_SECRET};\r\n")
    path = _csv(tmp_path / "flotte.csv", rows)
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints")
    assert code == 0, err
    assert "Pinned the certificates of 200 PBXs:" in out and "Added 200 of 200 PBXs" in out
    assert format_fingerprint(fleet.pbxs[0].fingerprint) in out
    assert f"{path} holds passwords or agent secrets" in err and "Delete the file" in err
    with Inventory() as inventory:
        records = inventory.list()
    assert len(records) == 200
    by_url = {sim.url: sim.fingerprint for sim in fleet.pbxs}
    by_url.update({url.replace("127.0.0.1", "localhost"): pin for url, pin in by_url.items()})
    assert all(record.fingerprint == by_url[record.url] for record in records)
    assert {record.tags for record in records} == {("wartung", "vip"), ("cloud",)}
    assert open_credentials().get_password("pbx-199", TEST_LOGIN) == FILE_PASSWORD
    _assert_no_secret_on_disk(isolated_state, out, err)
    # An imported PBX answers with what the import stored.
    code, out, err = _run(monkeypatch, capsys, "pbx", "test", "pbx-007")
    assert code == 0, err
    assert "STARFACE 9.0.1.3" in out


def test_a_file_with_broken_rows_adds_nothing_and_names_each_row(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = fleet.pbxs[0]
    with Inventory() as inventory:
        inventory.add(PbxRecord("vorhanden", sim.url, TEST_LOGIN, fingerprint=sim.fingerprint))
    rows = [
        _row("gut", sim),
        _row("doppelt", sim),
        _row("doppelt", fleet.pbxs[1]),
        _row("vorhanden", sim),
        f"http;X;;http://pbx.example.com;{TEST_LOGIN};;;\r\n",
        _row("fenster", sim, window="Mo-Fr 25:00-26:00"),
    ]
    path = _csv(tmp_path / "kaputt.csv", rows)
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints")
    assert code == 1
    assert err.count("\n") == 1 and "5 of 6 rows of the import file have problems; nothing was added" in err
    assert "--skip-invalid" in err
    assert "row 3 (doppelt): The name doppelt is in the file more than once (also in row 4)." in out
    assert "row 5 (vorhanden): A PBX named vorhanden exists already." in out
    assert "row 6 (http): The address http://pbx.example.com does not use https." in out
    assert "row 7 (fenster): The maintenance window Mo-Fr 25:00-26:00 cannot be read" in out
    assert _names() == ["vorhanden"]
    assert FILE_PASSWORD not in out + err

    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints", "--skip-invalid")
    assert code == 0, err
    assert "Rows with problems, not added (5 rows):" in out and "Added 1 of 6 PBXs" in out
    assert _names() == ["gut", "vorhanden"]


def test_an_unreachable_pbx_counts_as_a_problem(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = fleet.pbxs[3]
    gone.stop()
    path = _csv(tmp_path / "p.csv", [_row("da", fleet.pbxs[0]), _row("weg", gone)])
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints")
    assert code == 1 and "1 of 2 rows" in err
    assert f"row 3 (weg): The PBX at {gone.url} cannot be reached" in out
    assert _names() == []
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints", "--skip-invalid")
    assert code == 0 and _names() == ["da"]


def test_without_a_terminal_the_certificates_need_the_flag(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path / "p.csv", [_row("eins", fleet.pbxs[0]), _row("zwei", fleet.pbxs[1])])
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path))
    assert code == 1
    assert err.strip().endswith("run the command again with --accept-fingerprints.")
    assert err.count("\n") == 1 and "nothing was added" in err
    assert format_fingerprint(fleet.pbxs[0].fingerprint) in out  # the table was shown
    assert _names() == []


@pytest.mark.parametrize(("answer", "added"), [("y\n", ["eins", "zwei"]), ("n\n", [])])
def test_on_a_terminal_one_question_covers_every_certificate(
    tmp_path: Path,
    fleet: SimulatorFleet,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    added: list[str],
) -> None:
    monkeypatch.setattr("modmanager.cli.services.has_terminal", lambda: True)
    path = _csv(tmp_path / "p.csv", [_row("eins", fleet.pbxs[0]), _row("zwei", fleet.pbxs[1])])
    code, _out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), stdin=answer)
    assert err.count("Trust and pin these 2 certificates and add 2 PBXs? [y/N]") == 1
    assert code == (0 if added else 1)
    assert _names() == added
    if not added:
        assert "Cancelled; nothing was added." in err


def test_a_dry_run_and_json_output_add_nothing(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = fleet.pbxs[0]
    path = _csv(tmp_path / "p.csv", [_row("eins", sim, tags="a,b")])
    code, out, _err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--dry-run", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["dry_run"] and data["holds_secrets"] and data["problems"] == []
    [row] = data["rows"]
    assert (row["name"], row["tags"], row["has_password"], row["certificate"]["sha256"]) == (
        "eins",
        ["a", "b"],
        True,
        sim.fingerprint,
    )
    assert row["certificate"]["needs_trust"] and FILE_PASSWORD not in out
    assert _names() == []

    code, out, _err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints", "--json")
    data = json.loads(out)
    assert code == 0 and data["added"] == ["eins"] and data["pinned"] == [{"name": "eins", "sha256": sim.fingerprint}]


def test_customer_and_tag_limit_the_import(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = fleet.pbxs[0]
    rows = [
        _row("a1", sim, customer="Alpha", tags="wartung"),
        _row("a2", sim, customer="Alpha"),
        _row("b1", sim, customer="Beta", tags="wartung"),
        f"kaputt;Beta;;http://x;{TEST_LOGIN};;;\r\n",
    ]
    path = _csv(tmp_path / "p.csv", rows)
    code, _out, err = _run(
        monkeypatch, capsys, "pbx", "import", str(path), "--customer", "alpha", "--accept-fingerprints"
    )
    assert code == 0, err
    assert "2 rows of another customer or tag left out" in err
    assert _names() == ["a1", "a2"]
    code, _out, err = _run(
        monkeypatch, capsys, "pbx", "import", str(path), "--tag", "wartung", "--skip-invalid", "--accept-fingerprints"
    )
    assert code == 0, err
    assert _names() == ["a1", "a2", "b1"]  # a1 was skipped as existing


def test_rows_without_secrets_are_added_and_named(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = fleet.pbxs[0]
    path = tmp_path / "ohne.csv"
    path.write_text(f"name,url,login\nohne,{sim.url},{TEST_LOGIN}\n")
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(path), "--accept-fingerprints")
    assert code == 0, err
    assert "No password in the file for ohne: store it with 'modmanager pbx edit NAME --password-stdin'" in out
    assert "No agent secret in the file for ohne" in out
    assert "holds passwords" not in err
    code, _out, _err = _run(
        monkeypatch,
        capsys,
        "pbx",
        "edit",
        "ohne",
        "--password-stdin",
        "--agent-secret-stdin",
        stdin=f"{FILE_PASSWORD}\n{TEST_AGENT_SECRET}\n",
    )
    assert code == 0
    assert _run(monkeypatch, capsys, "pbx", "test", "ohne")[0] == 0


def test_secrets_go_to_the_encrypted_file_where_there_is_no_keyring(
    tmp_path: Path,
    fleet: SimulatorFleet,
    isolated_state: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("MODMANAGER_MASTER_PASSWORD", "master-of-the-fleet")
    path = _csv(tmp_path / "p.csv", [_row("eins", fleet.pbxs[0])])
    code, out, err = _run(monkeypatch, capsys, "--verbose", "pbx", "import", str(path), "--accept-fingerprints")
    assert code == 0, err
    assert "they are now in the encrypted secrets file only" in err
    assert (isolated_state / "secrets.enc").exists() and (isolated_state / "logs" / "modmanager.log").exists()
    _assert_no_secret_on_disk(isolated_state, out, err)
    assert _run(monkeypatch, capsys, "pbx", "test", "eins")[0] == 0


def test_export_then_import_into_an_empty_home_gives_the_same_pbxs(
    tmp_path: Path,
    fleet: SimulatorFleet,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [_row("eins", fleet.pbxs[0], tags="a,b", window="Sa 06:00-08:00"), _row("zwei", fleet.pbxs[1])]
    source = _csv(tmp_path / "p.csv", rows)
    assert _run(monkeypatch, capsys, "pbx", "import", str(source), "--accept-fingerprints")[0] == 0
    exported = tmp_path / "export.csv"
    code, out, _err = _run(monkeypatch, capsys, "pbx", "export", str(exported))
    assert code == 0 and "Exported 2 PBXs" in out and "no passwords or agent secrets" in out
    content = exported.read_bytes()
    assert content.startswith(b"\xef\xbb\xbfname;customer;tags;url;login;agent_instance;window;fingerprint;notes\r\n")
    assert FILE_PASSWORD.encode() not in content and TEST_AGENT_SECRET.encode() not in content
    assert _run(monkeypatch, capsys, "pbx", "export", str(exported))[0] == 1  # no silent overwrite
    assert _run(monkeypatch, capsys, "pbx", "export", str(tmp_path / "e.json"), "--tag", "a")[0] == 0
    assert [entry["name"] for entry in json.loads((tmp_path / "e.json").read_text())] == ["eins"]

    def shape() -> tuple[list[tuple[object, ...]], str | None]:
        with Inventory() as inventory:
            window = WindowStore(inventory).pbx_window("eins")
            records = [
                (r.name, r.url, r.login_id, r.customer, r.tags, r.agent_instance, r.fingerprint, r.notes)
                for r in inventory.list()
            ]
            return records, window.spec() if window else None

    before = shape()
    empty_home = tmp_path / "empty-home"
    empty_home.mkdir()
    monkeypatch.setenv("MODMANAGER_HOME", str(empty_home))
    # The export carries the pins: no certificate needs a confirmation, so no flag is needed.
    code, out, err = _run(monkeypatch, capsys, "pbx", "import", str(exported))
    assert code == 0, err
    assert shape() == before
    assert "No password in the file for eins, zwei" in out


def test_tags_are_edited_on_the_command_line_without_asking_the_pbx(
    tmp_path: Path, fleet: SimulatorFleet, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = fleet.pbxs[0]
    with Inventory() as inventory:
        inventory.add(PbxRecord("hq", sim.url, TEST_LOGIN, customer="Alpha", fingerprint=sim.fingerprint))
        inventory.add(PbxRecord("br", sim.url, TEST_LOGIN, customer="Beta", tags=("alt",), fingerprint=sim.fingerprint))
    sim.stop()  # a tag change needs no PBX to answer, and no stored secret
    assert _run(monkeypatch, capsys, "pbx", "edit", "hq", "--tags", "a, b,c")[0] == 0
    assert (
        _run(monkeypatch, capsys, "pbx", "edit", "hq", "--add-tag", "d", "--remove-tag", "B", "--add-tag", "A")[0] == 0
    )
    code, out, _err = _run(monkeypatch, capsys, "pbx", "list")
    assert code == 0 and "TAGS" in out and "a, c, d" in out
    code, out, _err = _run(
        monkeypatch, capsys, "pbx", "tag", "--add", "wartung", "--remove", "alt", "--customer", "beta"
    )
    assert code == 0 and "Changed the tags of 1 of 1 PBXs" in out
    code, out, _err = _run(monkeypatch, capsys, "pbx", "tag", "--add", "x", "hq", "br", "--json")
    assert code == 0 and json.loads(out) == [
        {"name": "hq", "tags": ["a", "c", "d", "x"]},
        {"name": "br", "tags": ["wartung", "x"]},
    ]
    code, out, _err = _run(monkeypatch, capsys, "pbx", "list", "--json")
    assert {entry["name"]: entry["tags"] for entry in json.loads(out)} == {
        "hq": ["a", "c", "d", "x"],
        "br": ["wartung", "x"],
    }
    code, _out, err = _run(monkeypatch, capsys, "pbx", "tag", "--add", "x")
    assert code == 1 and "No PBX was named" in err
    code, _out, err = _run(monkeypatch, capsys, "pbx", "tag", "hq")
    assert code == 1 and "No tag to add or remove" in err
