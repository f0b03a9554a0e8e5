"""Settings: one schema, defaults, validation, atomic JSON file, unknown keys kept."""

from __future__ import annotations

import base64
import dataclasses
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.errors import StoreError
from modmanager.store.paths import config_path
from modmanager.store.settings import (
    MAX_CONCURRENCY,
    SETTINGS_SCHEMA,
    CatalogSource,
    Settings,
    load_settings,
    save_settings,
)


def _public_key_b64() -> str:
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def test_schema_describes_every_setting_with_its_default() -> None:
    fields = [f.name for f in dataclasses.fields(Settings) if f.name != "unknown"]
    defaults = Settings()

    assert [spec.key for spec in SETTINGS_SCHEMA] == fields
    for spec in SETTINGS_SCHEMA:
        assert getattr(defaults, spec.key) == spec.default
        assert spec.description


def test_missing_file_means_defaults(isolated_state: Path) -> None:
    assert not config_path().exists()

    assert load_settings() == Settings()


def test_round_trip_through_the_file() -> None:
    source = CatalogSource("vendor", "https://catalog.example/catalog.json", _public_key_b64())
    changed = Settings().with_changes(
        language="de",
        prerelease_channel=True,
        concurrency=8,
        backup_retention=3,
        catalog_sources=[source, {"name": "local", "location": "/srv/sfm", "trusted_unsigned": True}],
        window_geometry=base64.b64encode(b"\x01\x02geometry").decode("ascii"),
        paid_markers=["kostenpflichtig", "€"],
    )

    save_settings(changed)

    loaded = load_settings()
    assert loaded == changed
    assert loaded.catalog_sources[1] == CatalogSource("local", "/srv/sfm", "", True)
    assert loaded.paid_markers == ("kostenpflichtig", "€")


def test_file_is_private_json(isolated_state: Path) -> None:
    save_settings(Settings().with_changes(concurrency=2))

    path = config_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text(encoding="utf-8"))["concurrency"] == 2


def test_explicit_path_is_honoured(tmp_path: Path) -> None:
    target = tmp_path / "other.json"

    save_settings(Settings().with_changes(language="en"), target)

    assert load_settings(target).language == "en"
    assert not config_path().exists()


def test_unknown_keys_in_the_file_are_kept_on_save() -> None:
    config_path().write_text(json.dumps({"concurrency": 6, "future_option": {"a": [1, 2]}}))

    loaded = load_settings()
    save_settings(loaded.with_changes(language="de"))

    stored = json.loads(config_path().read_text())
    assert stored["future_option"] == {"a": [1, 2]}
    assert stored["concurrency"] == 6
    assert stored["language"] == "de"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("language", "fr"),
        ("language", None),
        ("prerelease_channel", "yes"),
        ("prerelease_channel", 1),
        ("concurrency", 0),
        ("concurrency", MAX_CONCURRENCY + 1),
        ("concurrency", True),
        ("concurrency", 2.5),
        ("backup_retention", 0),
        ("window_geometry", "not base64!"),
        ("window_geometry", 5),
        ("paid_markers", "paid"),
        ("paid_markers", ["paid", " "]),
        ("catalog_sources", {"name": "x"}),
        ("catalog_sources", [{"location": "/srv"}]),
        ("catalog_sources", [{"name": "x"}]),
        ("catalog_sources", [{"name": "x", "location": "/srv", "public_key": "AAAA"}]),
        ("catalog_sources", [{"name": "x", "location": "/srv", "trusted_unsigned": "yes"}]),
        ("catalog_sources", [{"name": "x", "location": "/srv", "colour": "red"}]),
        ("catalog_sources", [{"name": "x", "location": "https://c.example", "trusted_unsigned": True}]),
        ("catalog_sources", [{"name": "x", "location": "/a"}, {"name": "x", "location": "/b"}]),
    ],
)
def test_invalid_values_are_refused_naming_the_setting(key: str, value: Any) -> None:
    with pytest.raises(StoreError) as caught:
        Settings().with_changes(**{key: value})

    assert repr(key) in caught.value.message
    assert caught.value.hint


@settings(max_examples=30)
@given(st.integers(min_value=-100, max_value=100))
def test_concurrency_accepts_exactly_its_range(value: int) -> None:
    if 1 <= value <= MAX_CONCURRENCY:
        assert Settings().with_changes(concurrency=value).concurrency == value
    else:
        with pytest.raises(StoreError):
            Settings().with_changes(concurrency=value)


def test_unknown_setting_name_is_refused() -> None:
    with pytest.raises(StoreError) as caught:
        Settings().with_changes(colour="blue")

    assert "'colour'" in caught.value.message
    assert "concurrency" in caught.value.hint


def test_with_changes_leaves_the_original_untouched() -> None:
    original = Settings()

    original.with_changes(concurrency=9)

    assert original.concurrency == 4


def test_remote_source_is_recognised() -> None:
    assert CatalogSource("a", "HTTPS://c.example/x.json").is_remote
    assert not CatalogSource("b", "/srv/catalog").is_remote


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "a field is missing or of the wrong type"),
        (b'{"concurrency": 99}', "'concurrency'"),
        (b"\xff\xfe", "not UTF-8 text"),
    ],
)
def test_broken_file_names_the_file_and_says_fix_or_delete(content: bytes, problem: str) -> None:
    config_path().write_bytes(content)

    with pytest.raises(StoreError) as caught:
        load_settings()

    assert str(config_path()) in caught.value.message
    assert problem in caught.value.message
    assert "Fix or delete it" in caught.value.hint
