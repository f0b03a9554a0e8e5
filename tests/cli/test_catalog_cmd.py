"""``modmanager catalog keygen|build|verify|show`` end to end on files made in tmp_path."""

from __future__ import annotations

import base64
import dataclasses
import json
import stat
from pathlib import Path

import pytest

from modmanager.catalog.source import CatalogSource, load_catalog
from modmanager.cli.main import run
from modmanager.core.sfmbuild import build_sfm, example_spec
from tests.fixtures.hostile import truncated_sfm

SPEC = example_spec(126)


@pytest.fixture
def vendor(tmp_path: Path) -> Path:
    """A vendor folder: one build valid for 8.X and 9.X, its NFR build, an older release, a broken file."""
    root = tmp_path / "Beispiel"
    for relative, data in {
        "8.X/Anrufweiterleitung_v126.sfm": build_sfm(SPEC),
        "9.X/Anrufweiterleitung_v126.sfm": build_sfm(SPEC),
        "9.X/NFR/Anrufweiterleitung_v126_NFR.sfm": build_sfm(dataclasses.replace(SPEC, description="NFR")),
        "7.3-7.X/Anrufweiterleitung_v117.sfm": build_sfm(example_spec(117)),
        "7.3-7.X/kaputt.sfm": truncated_sfm(),
    }.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "CHANGELOG.md").write_text("## v126\n- Neue Funktionen (kostenpflichtig)\n\n## v117\n- Erste Version\n")
    return root


def ok(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert run(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Exit 1 with exactly one line on stderr and no traceback."""
    assert run(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("modmanager: ")
    assert "Traceback" not in captured.err
    return lines[0]


def keygen(capsys: pytest.CaptureFixture[str], name: Path) -> None:
    ok(capsys, ["catalog", "keygen", "--out", str(name)])


def test_keygen_writes_a_private_key_only_the_owner_can_read_and_a_one_line_public_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = ok(capsys, ["catalog", "keygen", "--out", str(tmp_path / "vendor-key"), "--json"])
    reported = json.loads(out)
    private = tmp_path / "vendor-key"
    public = tmp_path / "vendor-key.pub"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    public_lines = public.read_text().splitlines()
    assert len(public_lines) == 1 and len(base64.b64decode(public_lines[0])) == 32
    assert reported["publicKey"] == public_lines[0]
    assert "BEGIN PRIVATE KEY" not in out  # the secret is never printed


def test_keygen_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "key.pub").write_text("keep me\n")
    line = fails(capsys, ["catalog", "keygen", "--out", str(tmp_path / "key")])
    assert "key.pub already exists" in line
    assert (tmp_path / "key.pub").read_text() == "keep me\n" and not (tmp_path / "key").exists()


def test_build_sign_verify_show_and_load(vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "key"
    keygen(capsys, key)
    catalog_file = vendor / "catalog.json"
    summary = ok(capsys, ["catalog", "build", str(vendor), "--out", str(catalog_file), "--sign", str(key)])
    assert "2 module(s)" not in summary
    assert "1 module(s), 2 release(s) (1 with an NFR build), 1 warning(s)." in summary
    assert "warning: Skipped 7.3-7.X/kaputt.sfm" in summary
    assert (vendor / "catalog.json.sig").is_file()

    verified = ok(capsys, ["catalog", "verify", str(catalog_file), "--key", f"{key}.pub", "--check-files"])
    assert "valid and signed by a trusted key" in verified and "3 local file(s) match" in verified

    shown = ok(capsys, ["catalog", "show", str(catalog_file)])
    assert "Anrufweiterleitung (3f2c9a1e-5b7d-4e08-9c61-0a4b8d2e7f15)" in shown
    assert "v126 (version 126, 2025-08-12, stable, paid; standard + NFR): compatible: 8.0.0.0 - 8.x, 9.0.0.0 - 9.x" in (
        shown
    )
    shown_json = json.loads(ok(capsys, ["catalog", "show", str(catalog_file), "--json"]))
    assert shown_json["formatVersion"] == 1
    assert [release["version"] for release in shown_json["modules"][0]["releases"]] == [126, 117]

    # What a user of the catalog does with the published folder and the .pub key.
    public_key = (tmp_path / "key.pub").read_text().strip()
    loaded = load_catalog(CatalogSource("Beispiel", str(vendor), [public_key]))
    assert loaded.modules[0].releases[0].paid is True


def test_build_json_summary(vendor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = ok(capsys, ["catalog", "build", str(vendor), "--out", str(vendor / "c.json"), "--name", "Beispiel", "--json"])
    summary = json.loads(out)
    assert (summary["modules"], summary["releases"], summary["nfrBuilds"], summary["signature"]) == (1, 2, 1, None)
    assert len(summary["warnings"]) == 1
    assert json.loads((vendor / "c.json").read_text())["name"] == "Beispiel"


def test_build_with_base_url_can_write_the_catalog_anywhere(
    vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "elsewhere" / "catalog.json"
    out.parent.mkdir()
    ok(capsys, ["catalog", "build", str(vendor), "--out", str(out), "--base-url", "https://dl.example.com/beispiel"])
    document = json.loads(out.read_text())
    location = document["modules"][0]["releases"][0]["files"]["standard"]["location"]
    assert location == "https://dl.example.com/beispiel/8.X/Anrufweiterleitung_v126.sfm"


def test_build_outside_the_folder_without_base_url_fails(
    vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "elsewhere").mkdir()
    line = fails(capsys, ["catalog", "build", str(vendor), "--out", str(tmp_path / "elsewhere" / "catalog.json")])
    assert "neither the vendor folder nor above it" in line
    # A catalog in a parent folder is fine: the locations then start with the vendor folder's name.
    ok(capsys, ["catalog", "build", str(vendor), "--out", str(tmp_path / "catalog.json")])
    document = json.loads((tmp_path / "catalog.json").read_text())
    assert document["modules"][0]["releases"][1]["files"]["standard"]["location"] == (
        "Beispiel/7.3-7.X/Anrufweiterleitung_v117.sfm"
    )


def test_build_with_a_broken_key_writes_nothing(
    vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_key = tmp_path / "bad.pem"
    bad_key.write_text("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n")
    line = fails(
        capsys, ["catalog", "build", str(vendor), "--out", str(vendor / "catalog.json"), "--sign", str(bad_key)]
    )
    assert "not an unencrypted Ed25519 private key" in line and "c2VjcmV0" not in line
    assert not (vendor / "catalog.json").exists()


def test_verify_refuses_tampered_unsigned_and_foreign_catalogs(
    vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keygen(capsys, tmp_path / "key")
    keygen(capsys, tmp_path / "other")
    catalog_file = vendor / "catalog.json"
    ok(capsys, ["catalog", "build", str(vendor), "--out", str(catalog_file), "--sign", str(tmp_path / "key")])

    foreign = fails(capsys, ["catalog", "verify", str(catalog_file), "--key", str(tmp_path / "other.pub")])
    assert "is not signed by a trusted key" in foreign
    ok(
        capsys,
        ["catalog", "verify", str(catalog_file), "--key", str(tmp_path / "other.pub"), "--key", f"{tmp_path}/key.pub"],
    )

    original = catalog_file.read_bytes()
    catalog_file.write_bytes(original.replace(b'"paid": true', b'"paid": fals', 1))
    assert "is not signed by a trusted key" in fails(
        capsys, ["catalog", "verify", str(catalog_file), "--key", str(tmp_path / "key.pub")]
    )

    catalog_file.write_bytes(original)
    (vendor / "catalog.json.sig").unlink()
    unsigned = fails(capsys, ["catalog", "verify", str(catalog_file), "--key", str(tmp_path / "key.pub")])
    assert "not signed by a trusted key" in unsigned and "has no signature" in unsigned


def test_verify_check_files_notices_a_changed_module_file(
    vendor: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keygen(capsys, tmp_path / "key")
    catalog_file = vendor / "catalog.json"
    ok(capsys, ["catalog", "build", str(vendor), "--out", str(catalog_file), "--sign", str(tmp_path / "key")])
    (vendor / "9.X/NFR/Anrufweiterleitung_v126_NFR.sfm").write_bytes(build_sfm(example_spec(127)))
    line = fails(capsys, ["catalog", "verify", str(catalog_file), "--key", str(tmp_path / "key.pub"), "--check-files"])
    assert "9.X/NFR/Anrufweiterleitung_v126_NFR.sfm does not match its catalog entry" in line


def test_show_and_verify_name_invalid_or_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "catalog.json"
    broken.write_text(json.dumps({"formatVersion": 1, "name": "x", "generated": "2025-01-01T00:00:00", "modules": {}}))
    assert f"The catalog {broken} is invalid: modules is not a list." in fails(capsys, ["catalog", "show", str(broken)])
    assert "does not exist" in fails(capsys, ["catalog", "show", str(tmp_path / "missing.json")])
    keygen(capsys, tmp_path / "key")
    assert "does not exist" in fails(capsys, ["catalog", "verify", str(broken), "--key", str(tmp_path / "missing.pub")])


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["catalog", "build", "somewhere"])
    assert caught.value.code == 2
    capsys.readouterr()
