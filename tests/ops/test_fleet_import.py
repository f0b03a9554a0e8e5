"""The fleet import and export use case: reading and checking files, certificates of simulated PBXs
over real TLS, adding through add_pbx with the secrets in the credential store only."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.messages import known_codes, render_error
from modmanager.ops import fleet_import
from modmanager.ops.fleet_import import (
    CertificateCheck,
    ImportPlan,
    apply_import,
    export_fleet,
    fetch_certificates,
    read_import_file,
)
from modmanager.ops.pbxs import check_connection, fetch_certificate
from modmanager.ops.selection import PbxSelection
from modmanager.pbx.tls import format_fingerprint
from modmanager.simulator.server import SimulatedPbx, SimulatorFleet
from modmanager.simulator.testing import TEST_AGENT_SECRET, TEST_LOGIN, make_pbx, running_fleet
from modmanager.store.credentials import CredentialStore, ScryptParams, open_credentials
from modmanager.store.inventory import Inventory, PbxRecord
from modmanager.store.windows import WindowStore

FILE_PASSWORD = "Datei-Passwort-7731"
"""A password that only the import file holds; it must never show up anywhere but the credential store."""


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[SimulatorFleet]:
    with running_fleet(tmp_path, [make_pbx("a", password=FILE_PASSWORD), make_pbx("b")]) as running:
        yield running


@pytest.fixture
def inventory(isolated_state: Path) -> Iterator[Inventory]:
    with Inventory(isolated_state / "inventory.sqlite3") as opened:
        yield opened


@pytest.fixture
def credentials(isolated_state: Path) -> CredentialStore:
    """The encrypted file in the data folder (the harder case for "never on disk in clear")."""
    return open_credentials(
        backend="file", prompt=lambda: "master", path=isolated_state / "secrets.enc", kdf=ScryptParams(log2_n=10)
    )


def _write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _sims(fleet: SimulatorFleet) -> tuple[SimulatedPbx, SimulatedPbx]:
    return fleet.get("a"), fleet.get("b")


def _codes(plan: ImportPlan) -> dict[int, str]:
    return {problem.line: problem.error.code for problem in plan.problems}


# --- reading -----------------------------------------------------------------------------------------


def test_an_excel_csv_with_bom_semicolons_and_german_headers_is_read(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory
) -> None:
    a, b = _sims(fleet)
    path = _write(
        tmp_path / "anlagen.csv",
        "Name;Kunde;Schlagworte;Adresse;Benutzer;Kennwort;Agent-Geheimnis;Agent-Instanz;Wartungsfenster;Bemerkung;Ort\r\n"
        f"Müller Zentrale;Müller GmbH;wartung, vip;{a.url}/;{TEST_LOGIN};{FILE_PASSWORD};{TEST_AGENT_SECRET};"
        ";Mo-Fr 22:00-02:00;2. OG;Köln\r\n"
        "\r\n"
        f"Müller Filiale;Müller GmbH;;{b.url.upper().replace('HTTPS', 'https')};0002;;;sf-agent;;;Bonn\r\n",
        bom=True,
    )
    plan = read_import_file(path, inventory)
    assert plan.problems == () and plan.kind == "csv" and plan.holds_secrets
    assert plan.ignored_columns == ("Ort",)
    first, second = plan.rows
    assert (first.line, first.name, first.customer, first.tags, first.url) == (
        2,
        "Müller Zentrale",
        "Müller GmbH",
        ("wartung", "vip"),
        a.url,
    )
    assert (first.login, first.agent_instance, first.window, first.notes) == (
        TEST_LOGIN,
        "modmanager",
        "Mon-Fri 22:00-02:00 Europe/Berlin",
        "2. OG",
    )
    assert first.password == FILE_PASSWORD and first.agent_secret == TEST_AGENT_SECRET
    assert (second.line, second.url, second.agent_instance, second.password) == (4, b.url, "sf-agent", None)
    assert FILE_PASSWORD not in repr(plan) and TEST_AGENT_SECRET not in repr(plan)


def test_a_comma_csv_without_bom_with_quoted_tags_is_read(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory
) -> None:
    a, _b = _sims(fleet)
    path = _write(
        tmp_path / "pbxs.csv",
        f'name,customer,tags,url,login\nhq,"Meier, Sohn & Co","cloud,test",{a.url},{TEST_LOGIN}\n',
    )
    plan = read_import_file(path, inventory)
    assert [(row.name, row.customer, row.tags) for row in plan.rows] == [("hq", "Meier, Sohn & Co", ("cloud", "test"))]
    assert not plan.holds_secrets


def test_excels_sep_line_and_tab_separated_utf16_are_read(tmp_path: Path, inventory: Inventory) -> None:
    sep = _write(tmp_path / "sep.csv", "sep=,\nName,URL,Login\nhq,https://pbx.example.com,0001\n")
    assert [(row.line, row.url) for row in read_import_file(sep, inventory).rows] == [
        (3, "https://pbx.example.com:443")
    ]
    unicode_text = tmp_path / "unicode.txt"
    unicode_text.write_bytes("Name\tURL\tLogin\nKöln\thttps://pbx.example.com:8443\t0001\n".encode("utf-16"))
    assert [(row.name, row.url) for row in read_import_file(unicode_text, inventory).rows] == [
        ("Köln", "https://pbx.example.com:8443")
    ]


def test_a_json_list_is_read(tmp_path: Path, inventory: Inventory) -> None:
    path = tmp_path / "pbxs.json"
    path.write_text(
        json.dumps(
            [
                {"name": "hq", "url": "https://pbx.example.com", "login": "0001", "tags": ["a", "b"], "kunde": "X"},
                {"Name": "br", "Adresse": "https://br.example.com", "Benutzer": "0002", "password": FILE_PASSWORD},
            ]
        )
    )
    plan = read_import_file(path, inventory)
    assert plan.kind == "json" and plan.holds_secrets
    assert [(row.line, row.name, row.customer, row.tags, row.password) for row in plan.rows] == [
        (1, "hq", "X", ("a", "b"), None),
        (2, "br", "", (), FILE_PASSWORD),
    ]


def test_every_broken_row_is_named_with_its_reason_and_the_valid_rows_kept(
    tmp_path: Path, inventory: Inventory
) -> None:
    inventory.add(PbxRecord("vorhanden", "https://old.example.com", "0001"))
    lines = [
        "name;url;login;window;fingerprint;customer;password",
        "ok;https://ok.example.com;0001;;;;",  # 2
        ";https://x.example.com;0001;;;;",  # 3 no name
        "a/b;https://x.example.com;0001;;;;",  # 4 slash
        f"{'n' * 70};https://x.example.com;0001;;;;",  # 5 too long
        "http;http://x.example.com;0001;;;;",  # 6 not https
        "path;https://x.example.com/admin;0001;;;;",  # 7 path
        f"creds;https://admin:{FILE_PASSWORD}@x.example.com;0001;;;;",  # 8 credentials in the address
        "nologin;https://x.example.com;;;;;",  # 9 no login
        "window;https://x.example.com;0001;Mo-Fr 25:00-02:00;;;",  # 10 bad window
        "fp;https://x.example.com;0001;;abc;;",  # 11 bad fingerprint
        "ctrl;https://x.example.com;0001;;;Kunde\x1b[31m;",  # 12 control character
        f"shifted;{FILE_PASSWORD};0001;;;;;x",  # 13 a stray separator: more fields than columns
        "twice;https://x.example.com;0001;;;;",  # 14 twice in the file
        "twice;https://y.example.com;0001;;;;",  # 15
        "vorhanden;https://x.example.com;0001;;;;",  # 16 in the inventory
        "noaddress;;0001;;;;",  # 17 no address
        f"moved;{FILE_PASSWORD};0001;;;;{FILE_PASSWORD}",  # 18 the password where the address belongs
    ]
    plan = read_import_file(_write(tmp_path / "broken.csv", "\n".join(lines) + "\n"), inventory)
    assert [row.name for row in plan.rows] == ["ok"]
    assert _codes(plan) == {
        3: "import_row_name_missing",
        4: "import_row_name_invalid",
        5: "import_row_name_too_long",
        6: "import_row_url_invalid",
        7: "import_row_url_invalid",
        8: "import_row_url_invalid",
        9: "import_row_login_missing",
        10: "import_row_window",
        11: "import_row_fingerprint",
        12: "import_row_control",
        13: "import_row_extra_fields",
        14: "import_row_name_twice",
        15: "import_row_name_twice",
        16: "import_row_name_exists",
        17: "import_row_url_missing",
        18: "import_row_url_invalid",
    }
    by_line = {problem.line: problem for problem in plan.problems}
    assert by_line[14].error.params["other_line"] == "15" and by_line[15].error.params["other_line"] == "14"
    assert by_line[6].error.params["reason"] == "not_https" and by_line[7].error.params["reason"] == "path"
    assert "does not use https" in by_line[6].error.message
    for problem in plan.problems:
        assert problem.error.code in known_codes()
        for language in ("en", "de"):
            message, hint = render_error(problem.error, language)
            assert message and hint and FILE_PASSWORD not in message + hint
        assert FILE_PASSWORD not in problem.name and FILE_PASSWORD not in str(problem.error.params)
    assert "Wartungsfenster" in render_error(by_line[10].error, "de")[0]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "import_empty"),
        (b"name;url;login\n", "import_empty"),
        (b"name;customer\nhq;X\n", "import_missing_columns"),
        (b"name;url;login;Name\n", "import_column_twice"),
        ("name;url;login\nKöln;https://x;1\n".encode("latin-1"), "import_not_text"),
        (b'[{"name": "hq"', "import_not_json"),
        (b'{"name": "hq"}', "import_not_json"),
        (b'name;url;login\n"hq;https://x;1\n', "import_csv_broken"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_sentence(
    tmp_path: Path, inventory: Inventory, content: bytes, code: str
) -> None:
    path = tmp_path / "import.csv"
    path.write_bytes(content)
    with pytest.raises(OperationError) as caught:
        read_import_file(path, inventory)
    assert caught.value.code == code and str(path) in caught.value.message
    assert caught.value.code in known_codes()


def test_a_missing_file_a_folder_and_a_huge_file_are_refused(
    tmp_path: Path, inventory: Inventory, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(OperationError) as missing:
        read_import_file(tmp_path / "nope.csv", inventory)
    assert missing.value.code == "import_file_missing"
    with pytest.raises(ModManagerError) as folder:
        read_import_file(tmp_path, inventory)
    assert folder.value.code == "file_not_regular"
    monkeypatch.setattr(fleet_import, "MAX_FILE_BYTES", 100)
    huge = _write(tmp_path / "huge.csv", "name;url;login\n" + "hq;https://x.example.com;1\n" * 10)
    with pytest.raises(ModManagerError) as large:
        read_import_file(huge, inventory)
    assert large.value.code == "file_too_large"


def test_more_rows_than_the_limit_are_refused(
    tmp_path: Path, inventory: Inventory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fleet_import, "MAX_ROWS", 3)
    rows = "".join(f"pbx{index};https://pbx{index}.example.com;1\n" for index in range(4))
    for path in (
        _write(tmp_path / "many.csv", "name;url;login\n" + rows),
        _write(
            tmp_path / "many.json", json.dumps([{"name": f"p{i}", "url": "https://x", "login": "1"} for i in range(4)])
        ),
    ):
        with pytest.raises(OperationError) as caught:
            read_import_file(path, inventory)
        assert caught.value.code == "import_too_many_rows"


def test_json_values_must_be_text_and_entries_objects(tmp_path: Path, inventory: Inventory) -> None:
    path = tmp_path / "pbxs.json"
    path.write_text(
        json.dumps(
            [
                {"name": "hq", "url": "https://x.example.com", "login": 1},
                "hq",
                {"name": "t", "url": "https://x.example.com", "login": "1", "tags": [1]},
            ]
        )
    )
    plan = read_import_file(path, inventory)
    assert _codes(plan) == {1: "import_row_not_text", 2: "import_row_not_object", 3: "import_row_not_text"}
    assert plan.kind == "json"


def test_a_selection_keeps_the_rows_of_a_customer_or_tag(tmp_path: Path, inventory: Inventory) -> None:
    path = _write(
        tmp_path / "pbxs.csv",
        "name;customer;tags;url;login\n"
        "a1;Alpha;wartung;https://a1.example.com;1\n"
        "a2;alpha;;https://a2.example.com;1\n"
        "b1;Beta;Wartung,cloud;https://b1.example.com;1\n"
        "b2;Beta;;http://broken.example.com;1\n",
    )
    by_customer = read_import_file(path, inventory, PbxSelection.of(["ALPHA"]))
    assert [row.name for row in by_customer.rows] == ["a1", "a2"] and by_customer.outside_selection == 2
    assert by_customer.problems == ()  # the broken row belongs to another customer
    by_tag = read_import_file(path, inventory, PbxSelection.of(tags=["wartung"]))
    assert [row.name for row in by_tag.rows] == ["a1", "b1"]
    both = read_import_file(path, inventory, PbxSelection.of(["Beta"], ["cloud"]))
    assert [row.name for row in both.rows] == ["b1"]
    with pytest.raises(OperationError) as caught:
        read_import_file(path, inventory, PbxSelection.of(["Gamma"]))
    assert caught.value.code == "import_nothing_selected"


# --- certificates ------------------------------------------------------------------------------------


def test_certificates_are_read_concurrently_once_per_address(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory
) -> None:
    a, b = _sims(fleet)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    path = _write(
        tmp_path / "pbxs.csv",
        "name;url;login;fingerprint\n"
        f"a;{a.url};1;\n"
        f"a-too;{a.url};1;\n"
        f"b-pinned;{b.url};1;{format_fingerprint(b.fingerprint)}\n"
        f"b-wrong;{b.url};1;{'ab' * 32}\n"
        f"gone;https://127.0.0.1:{closed_port};1;\n",
    )
    plan = read_import_file(path, inventory)
    fetched: list[str] = []
    progress: list[tuple[int, int]] = []

    def counting_fetch(url: str, timeout: float) -> object:
        fetched.append(url)
        return fetch_certificate(url, timeout)

    checks = fetch_certificates(plan.rows, fetch=counting_fetch, progress=lambda *p: progress.append(p), timeout=5)  # type: ignore[arg-type]
    assert sorted(fetched) == sorted({a.url, b.url, f"https://127.0.0.1:{closed_port}"})
    assert progress[-1] == (5, 5)
    by_name = {check.row.name: check for check in checks}
    assert [check.row.name for check in checks] == ["a", "a-too", "b-pinned", "b-wrong", "gone"]
    assert by_name["a"].needs_trust and by_name["a"].pin == a.fingerprint and by_name["a-too"].pin == a.fingerprint
    assert not by_name["b-pinned"].needs_trust and by_name["b-pinned"].pin == b.fingerprint
    wrong = by_name["b-wrong"].error
    assert wrong is not None and wrong.code == "import_fingerprint_mismatch" and by_name["b-wrong"].pin is None
    gone = by_name["gone"].error
    assert gone is not None and gone.code == "unreachable" and by_name["gone"].certificate is None


def test_a_cancelled_fetch_contacts_no_further_pbx(tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory) -> None:
    a, _b = _sims(fleet)
    plan = read_import_file(_write(tmp_path / "p.csv", f"name;url;login\na;{a.url};1\n"), inventory)
    checks = fetch_certificates(plan.rows, cancelled=lambda: True)
    assert [check.error.code for check in checks if check.error] == ["import_cancelled"]


# --- adding ------------------------------------------------------------------------------------------


def _import_file(tmp_path: Path, fleet: SimulatorFleet) -> Path:
    a, b = _sims(fleet)
    return _write(
        tmp_path / "pbxs.csv",
        "name;customer;tags;url;login;password;agent_secret;window\n"
        f"zentrale;Müller;wartung,vip;{a.url};{TEST_LOGIN};{FILE_PASSWORD};{TEST_AGENT_SECRET};Sa 06:00-08:00\n"
        f"filiale;Müller;;{b.url};{TEST_LOGIN};;;\n",
        bom=True,
    )


def test_apply_adds_pins_stores_secrets_tags_and_windows_and_the_pbx_then_answers(
    tmp_path: Path,
    fleet: SimulatorFleet,
    inventory: Inventory,
    credentials: CredentialStore,
    isolated_state: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    a, b = _sims(fleet)
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    checks = fetch_certificates(plan.rows)
    result = apply_import(inventory, credentials, plan, checks)
    assert result.added == ("zentrale", "filiale") and result.skipped == ()
    assert result.pinned == (("zentrale", a.fingerprint), ("filiale", b.fingerprint))
    assert result.without_password == ("filiale",) and result.without_agent_secret == ("filiale",)
    zentrale = inventory.get("zentrale")
    assert (zentrale.customer, zentrale.tags, zentrale.fingerprint) == ("Müller", ("wartung", "vip"), a.fingerprint)
    window = WindowStore(inventory).pbx_window("zentrale")
    assert window is not None and window.spec() == "Sat 06:00-08:00 Europe/Berlin"
    assert WindowStore(inventory).pbx_window("filiale") is None
    # The PBX answers with what the import stored: the file's password, from the credential store.
    password = credentials.get_password("zentrale", TEST_LOGIN)
    assert password == FILE_PASSWORD
    check_connection(zentrale, password, credentials.get_agent_secret("zentrale"), timeout=5)
    with pytest.raises(ModManagerError) as missing:
        credentials.get_password("filiale", TEST_LOGIN)
    assert missing.value.code == "no_password"
    # Secrets only in the credential store: nowhere in the data folder in clear, nor in the log.
    for path in isolated_state.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert FILE_PASSWORD.encode() not in content and TEST_AGENT_SECRET.encode() not in content, path
    assert (isolated_state / "secrets.enc").exists()
    assert FILE_PASSWORD not in caplog.text and TEST_AGENT_SECRET not in caplog.text


def test_a_declined_or_unreachable_row_is_skipped_and_the_rest_added(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory, credentials: CredentialStore
) -> None:
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    checks = fetch_certificates(plan.rows)

    def only_zentrale(check: CertificateCheck) -> bool:
        return check.row.name == "zentrale"

    result = apply_import(inventory, credentials, plan, checks, accepted=only_zentrale)
    assert result.added == ("zentrale",)
    assert [(problem.name, problem.error.code) for problem in result.skipped] == [
        ("filiale", "import_certificate_declined")
    ]
    assert [record.name for record in inventory.list()] == ["zentrale"]


def test_a_name_taken_meanwhile_is_skipped_without_touching_the_existing_pbx(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory, credentials: CredentialStore
) -> None:
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    checks = fetch_certificates(plan.rows)
    inventory.add(PbxRecord("zentrale", "https://other.example.com", "0009"))
    credentials.set_password("zentrale", "0009", "other-password")
    result = apply_import(inventory, credentials, plan, checks)
    assert result.added == ("filiale",)
    assert [(problem.name, problem.error.code) for problem in result.skipped] == [("zentrale", "pbx_name_taken")]
    assert inventory.get("zentrale").url == "https://other.example.com:443"
    assert credentials.get_password("zentrale", "0009") == "other-password"


def test_a_stopped_import_adds_nothing_further(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory, credentials: CredentialStore
) -> None:
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    checks = fetch_certificates(plan.rows)
    result = apply_import(inventory, credentials, plan, checks, cancelled=lambda: True)
    assert result.added == () and {problem.error.code for problem in result.skipped} == {"import_cancelled"}
    assert inventory.list() == []


def test_a_stale_secret_of_an_earlier_pbx_of_that_name_is_not_used(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory, credentials: CredentialStore
) -> None:
    credentials.set_password("filiale", TEST_LOGIN, "left-behind")
    credentials.set_agent_secret("filiale", "left-behind")
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    apply_import(inventory, credentials, plan, fetch_certificates(plan.rows))
    with pytest.raises(ModManagerError):
        credentials.get_password("filiale", TEST_LOGIN)
    with pytest.raises(ModManagerError):
        credentials.get_agent_secret("filiale")


# --- exporting ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_an_export_imports_into_an_empty_inventory_as_the_same_records(
    tmp_path: Path, fleet: SimulatorFleet, inventory: Inventory, credentials: CredentialStore, file_format: str
) -> None:
    plan = read_import_file(_import_file(tmp_path, fleet), inventory)
    apply_import(inventory, credentials, plan, fetch_certificates(plan.rows))
    inventory.update(
        PbxRecord(
            "filiale",
            inventory.get("filiale").url,
            TEST_LOGIN,
            fingerprint=inventory.get("filiale").fingerprint,
            notes="Keller; Raum 2",
            tags=("a", "b c"),
        )
    )
    exported = tmp_path / f"export.{file_format}"
    assert export_fleet(inventory, exported, format=file_format) == 2  # type: ignore[arg-type]
    content = exported.read_bytes()
    assert FILE_PASSWORD.encode() not in content and TEST_AGENT_SECRET.encode() not in content
    if file_format == "csv":
        assert content.startswith(b"\xef\xbb\xbfname;customer;tags;url;login;")

    with Inventory(tmp_path / "empty.sqlite3") as empty:
        again = read_import_file(exported, empty)
        assert again.problems == () and not again.holds_secrets
        checks = fetch_certificates(again.rows)
        assert not any(check.needs_trust for check in checks)  # the export carries the pins
        apply_import(empty, credentials, again, checks, accepted=lambda check: False)

        def shape(records: list[PbxRecord]) -> list[tuple[object, ...]]:
            return [
                (r.name, r.url, r.login_id, r.customer, r.tags, r.agent_instance, r.fingerprint, r.notes)
                for r in records
            ]

        assert shape(empty.list()) == shape(inventory.list())
        window = WindowStore(empty).pbx_window("zentrale")
        assert window is not None and window.spec() == "Sat 06:00-08:00 Europe/Berlin"


def test_an_export_of_a_selection_and_of_nothing(tmp_path: Path, inventory: Inventory) -> None:
    with pytest.raises(OperationError) as nothing:
        export_fleet(inventory, tmp_path / "x.csv")
    assert nothing.value.code == "export_nothing" and not (tmp_path / "x.csv").exists()
    inventory.add(PbxRecord("a", "https://a.example.com", "1", customer="Alpha"))
    inventory.add(PbxRecord("b", "https://b.example.com", "1", customer="Beta", tags=("x",)))
    assert export_fleet(inventory, tmp_path / "beta.json", format="json", selection=PbxSelection.of(tags=["X"])) == 1
    assert [row["name"] for row in json.loads((tmp_path / "beta.json").read_text())] == ["b"]
    assert export_fleet(inventory, tmp_path / "comma.csv", delimiter=",") == 2
    assert (tmp_path / "comma.csv").read_text(encoding="utf-8-sig").startswith("name,customer,tags,url,login,")


def test_every_code_the_import_raises_has_english_and_german_text() -> None:
    import re

    sources = [Path(fleet_import.__file__), Path(fleet_import.__file__).parents[1] / "cli" / "pbx_import.py"]
    sources.append(Path(fleet_import.__file__).parents[1] / "cli" / "pbx_tags.py")
    codes = {code for source in sources for code in re.findall(r'code="([a-z_]+)"', source.read_text())}
    assert {"import_row_url_invalid", "import_invalid_rows", "tag_needs_change"} <= codes
    assert codes <= known_codes()


def test_the_sample_file_of_the_user_guide_is_read_without_problems(inventory: Inventory) -> None:
    sample = Path(__file__).parents[2] / "docs" / "samples" / "fleet-import.csv"
    plan = read_import_file(sample, inventory)
    assert plan.problems == () and plan.ignored_columns == () and not plan.holds_secrets
    assert [(row.name, row.customer, row.tags) for row in plan.rows] == [
        ("mueller-zentrale", "Müller GmbH", ("wartung", "vip")),
        ("mueller-filiale", "Müller GmbH", ("wartung",)),
        ("schmidt-hq", "Schmidt & Söhne KG", ("cloud",)),
    ]
