"""``modmanager sfm inspect`` and ``modmanager sfm diff`` on real files in tmp_path."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.sfmbuild import InputSpec, build_sfm, example_spec
from tests.fixtures.hostile import traversal_sfm, zip_bomb_sfm

NEW_SPEC = example_spec(version=126)
# The older release: no password and no logging yet, a setting that was later removed,
# and a different default for the ring time.
OLD_SPEC = replace(
    example_spec(version=122),
    inputs=(
        *(i for i in NEW_SPEC.inputs if i.variable_id not in ("apiPassword", "logCalls", "ringSeconds")),
        InputSpec("ringSeconds", "Klingeldauer (Sekunden)", kind="numberInput", default="15"),
        InputSpec("faxTarget", "Fax-Ziel", default="intern"),
    ),
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "Anrufweiterleitung_v122.sfm"
    new = tmp_path / "Anrufweiterleitung_v126.sfm"
    old.write_bytes(build_sfm(OLD_SPEC))
    new.write_bytes(build_sfm(NEW_SPEC))
    return old, new


def _failure(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run a command that must fail: exit 1, one line on stderr, no traceback, nothing on stdout."""
    assert run(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    return lines[0]


def test_inspect_shows_identity_build_and_form(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    assert run(["sfm", "inspect", str(files[1])]) == 0
    out = capsys.readouterr().out

    assert f"{NEW_SPEC.name} (version 126)" in out
    for expected in (
        NEW_SPEC.module_id,
        NEW_SPEC.vendor,
        "de: Anrufweiterleitung, en: Call Forwarding",
        NEW_SPEC.created_with,
        NEW_SPEC.created_by,
        NEW_SPEC.create_date,
        NEW_SPEC.module_type,
        "rpcEntryPoint getStatus (XMLRPC_auth)",
        "InstanceChanged, InstanceDeleted",
        "Tab General:",
        "Tab Erweitert:",
        "-- Ziel & Zeitplan --",
        "Öffnungszeiten",
    ):
        assert expected in out
    target_line = next(line for line in out.splitlines() if "targetNumber" in line)
    assert "textInput" in target_line and "Zielrufnummer" in target_line and "+49 30 1234567" in target_line


def test_inspect_json_lists_the_form_in_order(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    assert run(["sfm", "inspect", "--json", str(files[1])]) == 0
    data = json.loads(capsys.readouterr().out)

    assert (data["id"], data["version"], data["file"]) == (NEW_SPEC.module_id, 126, files[1].name)
    assert data["names"] == {"de": "Anrufweiterleitung", "en": "Call Forwarding"}
    assert [(i["kind"], i["variable_id"]) for i in data["form"]] == [
        (i.kind, i.variable_id or None) for i in NEW_SPEC.inputs
    ]
    assert {"kind": "rpcEntryPoint", "name": "getStatus", "type": "XMLRPC_auth", "stages": []} in data["entry_points"]


def test_diff_without_values_shows_how_the_form_changes(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    assert run(["sfm", "diff", str(files[0]), str(files[1]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)

    status = {s["variable_id"]: s["status"] for s in data["settings"]}
    assert status == {
        "targetNumber": "carried",
        "schedule": "carried",
        "ringSeconds": "carried",
        "apiPassword": "new",
        "logCalls": "new",
        "faxTarget": "dropped",
    }
    ring = next(s for s in data["settings"] if s["variable_id"] == "ringSeconds")
    assert (ring["old_value"], ring["new_value"]) == ("15", "20")
    assert (data["old"]["version"], data["new"]["version"]) == (122, 126)


def test_diff_text_names_lost_settings(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    assert run(["sfm", "diff", str(files[0]), str(files[1])]) == 0
    out = capsys.readouterr().out

    assert "version 122" in out and "version 126" in out
    assert "Dropped, stored values are lost (1):" in out
    assert 'default changes "15" -> "20"' in out
    assert "faxTarget" in out and 'logCalls             Anrufe protokollieren  default "true"' in out


def test_diff_applies_stored_values_and_masks_passwords(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    values = tmp_path / "instanz.json"
    values.write_text(
        json.dumps({"targetNumber": "+49 89 998877", "faxTarget": "extern", "apiPassword": "Geheim-123"}),
        encoding="utf-8",
    )

    assert run(["sfm", "diff", str(files[0]), str(files[1]), "--values", str(values), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert run(["sfm", "diff", str(files[0]), str(files[1]), "--values", str(values)]) == 0
    text = capsys.readouterr().out

    assert data["values"] == {"targetNumber": "+49 89 998877", "apiPassword": "********", "logCalls": True}
    assert {s["variable_id"]: s["status"] for s in data["settings"]}["faxTarget"] == "dropped"
    assert 'targetNumber         Zielrufnummer = "+49 89 998877"' in text
    assert 'faxTarget            Fax-Ziel = "extern"' in text
    assert "Geheim-123" not in text and "Geheim-123" not in json.dumps(data)


def test_diff_refuses_two_different_modules(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    other = tmp_path / "Zeiterfassung_v3.sfm"
    other.write_bytes(
        build_sfm(replace(NEW_SPEC, module_id="aaaaaaaa-0000-4000-8000-000000000001", name="Zeiterfassung"))
    )

    line = _failure(capsys, ["sfm", "diff", str(files[0]), str(other)])
    assert "are different modules" in line and "Zeiterfassung_v3.sfm" in line


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"[1, 2]", "does not hold a JSON object"),
        (b"{not json", "is not valid JSON"),
        (b'{"targetNumber": {"nested": 1}}', "'targetNumber' is neither text"),
        (b'{"targetNumber": null}', "'targetNumber' is neither text"),
    ],
)
def test_diff_refuses_unusable_values_files(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path, content: bytes, problem: str
) -> None:
    values = tmp_path / "values.json"
    values.write_bytes(content)
    assert problem in _failure(capsys, ["sfm", "diff", str(files[0]), str(files[1]), "--values", str(values)])


def test_missing_values_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    line = _failure(capsys, ["sfm", "diff", str(files[0]), str(files[1]), "--values", str(tmp_path / "nope.json")])
    assert "nope.json cannot be read" in line


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (zip_bomb_sfm(), "ZIP bomb"),
        (traversal_sfm(), "points outside the module"),
        (b"just text", "not a ZIP archive"),
    ],
)
def test_inspect_refuses_hostile_files_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "Boese_v1.sfm"
    path.write_bytes(content)
    line = _failure(capsys, ["sfm", "inspect", str(path)])
    assert problem in line and "Boese_v1.sfm" in line


def test_inspect_of_a_missing_file_is_one_clear_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "Fehlt.sfm cannot be read" in _failure(capsys, ["sfm", "inspect", str(tmp_path / "Fehlt.sfm")])


def test_sfm_without_a_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["sfm"])
    assert caught.value.code == 2
