"""``modmanager plan`` end to end on catalog files written to tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.catalog import (
    Catalog,
    CatalogModule,
    Channel,
    Release,
    ReleaseFile,
    dump_catalog,
    generate_signing_key,
    sign_catalog,
)
from modmanager.core.versions import Compatibility

SYNC_ID = "6f1c2d3e-0000-4000-8000-00000000aaaa"
BOARD_ID = "6f1c2d3e-0000-4000-8000-00000000bbbb"
ARCHIVE_ID = "6f1c2d3e-0000-4000-8000-00000000cccc"


def _release(
    version: int,
    compatible: str,
    *,
    paid: bool = False,
    changelog: str = "",
    nfr: bool = False,
    channel: Channel = Channel.STABLE,
    date: str = "2025-01-10",
) -> Release:
    def file(flavour: str) -> ReleaseFile:
        return ReleaseFile(f"{flavour}/Module_v{version}.sfm", 2048, f"{version:064x}")

    return Release(
        version=version,
        display_version=f"v{version}",
        date=date,
        channel=channel,
        compatibility=Compatibility.parse(compatible, ""),
        changelog=changelog,
        paid=paid,
        standard=file("standard"),
        nfr=file("nfr") if nfr else None,
    )


def _module(module_id: str, name: str, *releases: Release) -> CatalogModule:
    return CatalogModule(
        id=module_id,
        names={"en": name},
        vendor="Example GmbH",
        description={},
        releases=tuple(sorted(releases, key=lambda release: release.version, reverse=True)),
    )


SYNC = _module(
    SYNC_ID,
    "Presence Sync",
    _release(100, "9.X"),
    _release(105, "9.X"),
    _release(110, "9.X", changelog="Teams-Anbindung. Kostenpflichtiges Upgrade."),
    _release(120, "9.X-10.X", nfr=True),
    _release(130, "9.X-10.X", channel=Channel.PRERELEASE),
)
BOARD = _module(BOARD_ID, "Call Board", _release(3, "9.X", date="2025-07-20"))
ARCHIVE = _module(ARCHIVE_ID, "Archive", _release(7, "8.X"))


@pytest.fixture
def keys() -> tuple[bytes, bytes]:
    return generate_signing_key()


@pytest.fixture
def catalog_file(tmp_path: Path, keys: tuple[bytes, bytes]) -> Path:
    path = tmp_path / "catalog.json"
    data = dump_catalog(Catalog("Example", "2025-08-01T00:00:00+00:00", (SYNC, BOARD, ARCHIVE)))
    path.write_bytes(data)
    path.with_name("catalog.json.sig").write_bytes(sign_catalog(data, keys[0]))
    return path


@pytest.fixture
def key_file(tmp_path: Path, keys: tuple[bytes, bytes]) -> Path:
    path = tmp_path / "example.pub"
    path.write_bytes(keys[1] + b"\n")
    return path


def _plan(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["plan", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_human_output_shows_paid_free_alternative_and_available(
    capsys: pytest.CaptureFixture[str], catalog_file: Path, key_file: Path
) -> None:
    code, out, err = _plan(
        capsys,
        "--catalog", str(catalog_file), "--key", str(key_file), "--starface", "9.0.1.3",
        "--installed", f"{SYNC_ID}=100", "--installed", f"{ARCHIVE_ID}=7", "--today", "2025-08-01",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "PBX status: updates-available" in out
    sync_row = next(line for line in out.splitlines() if line.strip().startswith("Presence Sync"))
    # The changelog marker of v110 makes v120 paid; v105 is the free alternative; pre-release v130 is hidden.
    assert "v120" in sync_row and "yes (from v110); free: v105" in sync_row and "update-available" in sync_row
    assert "needs a new module license key" in out
    board_row = next(line for line in out.splitlines() if line.strip().startswith("Call Board"))
    assert "v3" in board_row and board_row.rstrip().endswith("new")
    assert "Archive" in out and "untested-only" in out


def test_json_output_with_nfr_and_readiness(
    capsys: pytest.CaptureFixture[str], catalog_file: Path, keys: tuple[bytes, bytes]
) -> None:
    code, out, _ = _plan(
        capsys,
        "--catalog", str(catalog_file), "--key", keys[1].decode(), "--starface", "9.0.1.3",
        "--license", "nfr-server", "--installed", f"{SYNC_ID}=100", "--installed", f"{BOARD_ID}=3",
        "--target-starface", "10.0.1.0", "--json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    sync = data["modules"][0]
    assert sync["target"]["version"] == 120
    assert sync["useNfr"] is True and sync["targetIsPaid"] is False  # the NFR build needs no module key
    assert sync["paidRelease"]["version"] == 110 and sync["freeTarget"]["version"] == 105
    assert sync["targetFile"] == str(catalog_file.parent / "nfr" / "Module_v120.sfm")
    readiness = data["readiness"]
    assert readiness["ready"] is False
    states = {
        item["id"]: (item["state"], item["release"] and item["release"]["version"]) for item in readiness["modules"]
    }
    assert states == {SYNC_ID: ("update-required", 120), BOARD_ID: ("untested", None)}
    assert [item["id"] for item in data["available"]] == []  # Archive is not compatible with 9.0


def test_prerelease_channel_and_cloud_note(capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
    code, out, err = _plan(
        capsys,
        "--catalog", str(catalog_file), "--trust-unsigned", "--starface", "9.0.1.3", "--edition", "cloud",
        "--license", "nfr-server", "--license", "subscription", "--installed", "presence sync=100",
        "--channel", "pre-release", "--json",
    )  # fmt: skip
    assert code == 0
    assert "not checked" in err  # unsigned reading never passes silently
    data = json.loads(out)
    sync = data["modules"][0]
    assert sync["id"] == SYNC_ID  # matched by exact (case-insensitive) name
    assert sync["target"]["version"] == 130 and sync["useNfr"] is False and sync["targetIsPaid"] is False
    assert any("Cloud" in note for note in data["notes"])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--starface", "9.x", "--trust-unsigned"], "not a STARFACE version"),
        (["--starface", "9.0", "--trust-unsigned", "--installed", "no-equals-sign"], "MODULE=VERSION"),
        (["--starface", "9.0", "--trust-unsigned", "--installed", f"{SYNC_ID}=v100"], "MODULE=VERSION"),
        (["--starface", "9.0", "--trust-unsigned", "--license", "gold"], "invalid choice"),
        (["--starface", "9.0", "--trust-unsigned", "--edition", "mainframe"], "invalid choice"),
        (["--starface", "9.0", "--trust-unsigned", "--target-starface", "ten"], "not a STARFACE version"),
        (["--starface", "9.0", "--trust-unsigned", "--today", "tomorrow"], "not a date"),
        # Without a key, unsigned catalogs must be accepted explicitly.
        (["--starface", "9.0"], "--trust-unsigned"),
    ],
)
def test_bad_input_exits_with_usage_error(
    capsys: pytest.CaptureFixture[str], catalog_file: Path, extra: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(["plan", "--catalog", str(catalog_file), *extra])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "error:" in err and message in err


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ("data", "not signed by a trusted key"),  # changed after signing
        ("no-sig", "has no signature"),
        ("other-key", "not signed by a trusted key"),
    ],
)
def test_signature_problems_fail_with_one_line(
    capsys: pytest.CaptureFixture[str], catalog_file: Path, key_file: Path, tamper: str, message: str
) -> None:
    if tamper == "data":
        catalog_file.write_bytes(catalog_file.read_bytes().replace(b"Archive", b"Archivx"))
    elif tamper == "no-sig":
        catalog_file.with_name("catalog.json.sig").unlink()
    else:
        key_file.write_bytes(generate_signing_key()[1])
    code, out, err = _plan(capsys, "--catalog", str(catalog_file), "--key", str(key_file), "--starface", "9.0")
    assert code == 1 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_module_named_twice_fails(capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
    code, _, err = _plan(
        capsys,
        "--catalog", str(catalog_file), "--trust-unsigned", "--starface", "9.0",
        "--installed", f"{SYNC_ID}=100", "--installed", "Presence Sync=105",
    )  # fmt: skip
    assert code == 1 and "named twice" in err


def test_ambiguous_name_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    twin = _module(ARCHIVE_ID, "Presence Sync", _release(1, "9.X"))
    path = tmp_path / "twins.json"
    path.write_bytes(dump_catalog(Catalog("Twins", "2025-08-01T00:00:00+00:00", (SYNC, twin))))
    code, _, err = _plan(
        capsys, "--catalog", str(path), "--trust-unsigned", "--starface", "9.0", "--installed", "Presence Sync=1"
    )
    assert code == 1 and "fits 2 catalog modules" in err


def test_unreadable_or_invalid_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _plan(capsys, "--catalog", str(tmp_path / "missing.json"), "--trust-unsigned", "--starface", "9.0")
    assert code == 1 and "cannot be read" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = _plan(capsys, "--catalog", str(broken), "--trust-unsigned", "--starface", "9.0")
    assert code == 1 and "not valid JSON" in err
