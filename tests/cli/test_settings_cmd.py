"""``modmanager settings``: options and catalog sources without the GUI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modmanager.cli.main import run
from modmanager.core.catalog import generate_signing_key
from modmanager.store.settings import load_settings


def test_set_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["settings", "set", "prerelease_channel", "ja"]) == 0
    assert run(["settings", "set", "concurrency", "8"]) == 0
    assert load_settings().prerelease_channel is True and load_settings().concurrency == 8
    capsys.readouterr()
    assert run(["settings", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["concurrency"] == 8 and shown["prerelease_channel"] is True


@pytest.mark.parametrize(("key", "value"), [("concurrency", "0"), ("concurrency", "viele"), ("language", "fr")])
def test_bad_values_are_refused_with_one_line(key: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["settings", "set", key, value]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("modmanager: ")
    assert load_settings().concurrency == 4


def test_catalog_source_add_list_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, public = generate_signing_key()
    key_file = tmp_path / "vendor.pub"
    key_file.write_bytes(public + b"\n")
    assert run(["settings", "source", "add", "Vendor", str(tmp_path), "--key", str(key_file)]) == 0
    (source,) = load_settings().catalog_sources
    assert source.public_key == public.decode() and source.location == str(tmp_path)
    assert run(["settings", "source", "add", "Vendor", str(tmp_path), "--trusted-unsigned"]) == 1
    assert "already" in capsys.readouterr().err
    assert run(["settings", "source", "list"]) == 0
    assert "Vendor: " in capsys.readouterr().out
    assert run(["settings", "source", "remove", "Vendor"]) == 0
    assert load_settings().catalog_sources == ()
    assert run(["settings", "source", "remove", "Vendor"]) == 1


def test_a_url_cannot_be_trusted_unsigned(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["settings", "source", "add", "Web", "https://vendor.example/catalog.json", "--trusted-unsigned"]) == 1
    assert capsys.readouterr().err.startswith("modmanager: ")
    assert load_settings().catalog_sources == ()
