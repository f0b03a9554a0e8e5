"""Catalog model: JSON round trip, strict validation with named fields, merging, signatures."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.catalog import (
    MAX_CATALOG_BYTES,
    Catalog,
    CatalogModule,
    Channel,
    Release,
    ReleaseFile,
    dump_catalog,
    generate_signing_key,
    merge_catalogs,
    parse_catalog,
    public_key_of,
    resolve_location,
    sign_catalog,
    verify_catalog,
)
from modmanager.core.errors import CatalogError
from modmanager.core.versions import Compatibility, StarfaceVersion, Verdict

SHA_A = "a" * 64
SHA_B = "b" * 64
MODULE_ID = "3f1c2a8e-5b7d-4c1e-9a0b-1234567890ab"


def release(version: int, **changes: Any) -> Release:
    fields: dict[str, Any] = {
        "version": version,
        "display_version": f"v{version}",
        "date": "2025-08-12",
        "channel": Channel.STABLE,
        "compatibility": Compatibility.parse("8.X, 9.0-9.1.5", "9.1.0.0"),
        "changelog": "- Fehler behoben",
        "paid": False,
        "standard": ReleaseFile(f"9.X/Module_v{version}.sfm", 1234, SHA_A),
        "nfr": None,
    }
    fields.update(changes)
    return Release(**fields)


def sample_catalog() -> Catalog:
    module = CatalogModule(
        id=MODULE_ID,
        names={"de": "Anrufweiterleitung", "en": "Call forwarding"},
        vendor="Müller & Söhne GmbH",
        description={"de": "Leitet Anrufe um."},
        releases=(
            release(126, paid=True, nfr=ReleaseFile("9.X/NFR/Module_v126_NFR.sfm", 1300, SHA_B)),
            release(117, channel=Channel.PRERELEASE, date=None, compatibility=Compatibility()),
        ),
        nfr_user_license=True,
    )
    other = CatalogModule("other-module", {"en": "Other"}, "Vendor", {}, (release(5),))
    return Catalog(name="Vendor catalog", generated="2025-08-12T10:00:00+02:00", modules=(module, other))


def sample_document() -> dict[str, Any]:
    return json.loads(dump_catalog(sample_catalog()))


def parse_document(document: object) -> Catalog:
    return parse_catalog(json.dumps(document).encode("utf-8"), source="test.json")


# --- round trip ---------------------------------------------------------------------------


def test_dump_then_parse_gives_the_same_catalog_and_the_same_bytes() -> None:
    catalog = sample_catalog()
    data = dump_catalog(catalog)
    parsed = parse_catalog(data, source="https://example.com/catalog.json")
    assert parsed == catalog
    assert parsed.source == "https://example.com/catalog.json"
    assert dump_catalog(parsed) == data
    assert data.endswith(b"\n")
    assert "Müller".encode() in data  # UTF-8, not \u escapes


def test_releases_are_sorted_newest_first_whatever_the_file_order() -> None:
    document = sample_document()
    document["modules"][0]["releases"].reverse()
    module = parse_document(document).modules[0]
    assert [item.version for item in module.releases] == [126, 117]


def test_optional_fields_take_documented_defaults() -> None:
    document = {
        "formatVersion": 1,
        "name": "Minimal",
        "generated": "2025-08-12T10:00:00Z",
        "modules": [
            {
                "id": MODULE_ID,
                "names": {"en": "Minimal"},
                "vendor": "V",
                "releases": [{"version": 7, "files": {"standard": {"location": "m.sfm", "size": 0, "sha256": SHA_A}}}],
            }
        ],
    }
    module = parse_document(document).modules[0]
    only = module.releases[0]
    assert (only.display_version, only.date, only.channel, only.paid, only.changelog) == (
        "v7",
        None,
        Channel.STABLE,
        False,
        "",
    )
    assert only.compatibility.is_empty and only.nfr is None
    assert module.description == {} and module.nfr_user_license is False


def test_extension_fields_starting_with_x_are_ignored() -> None:
    document = sample_document()
    document["x-publisher"] = "ACME"
    document["modules"][0]["releases"][0]["x-build"] = 42
    assert parse_document(document) == sample_catalog()


def test_compatibility_survives_the_round_trip_with_its_meaning() -> None:
    parsed = parse_catalog(dump_catalog(sample_catalog()))
    compatibility = parsed.modules[0].releases[0].compatibility
    assert compatibility.verdict(StarfaceVersion.parse("8.1.3.0")) is Verdict.COMPATIBLE
    assert compatibility.verdict(StarfaceVersion.parse("9.1.0.0")) is Verdict.INCOMPATIBLE
    assert compatibility.verdict(StarfaceVersion.parse("10.0.0.4")) is Verdict.UNTESTED
    assert compatibility.to_json()["compatible"] == ["8.X", "9.0-9.1.5"]


def test_lookups_and_display_names() -> None:
    catalog = sample_catalog()
    module = catalog.module(MODULE_ID.upper())
    assert module is not None and module.id == MODULE_ID
    assert catalog.module("missing") is None
    assert module.release(117) is not None and module.release(118) is None
    assert module.display_name("de_DE") == "Anrufweiterleitung"
    assert module.display_name("fr") == "Call forwarding"
    assert module.display_description("en") == "Leitet Anrufe um."
    nameless = CatalogModule("only-id", {"de": ""}, "V", {}, ())
    assert nameless.display_name("en") == "only-id"


@settings(max_examples=40)
@given(
    names=st.dictionaries(st.sampled_from(["de", "en", "fr"]), st.text(min_size=1, max_size=30), min_size=1),
    versions=st.sets(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=5),
    changelog=st.text(max_size=200),
    paid=st.booleans(),
)
def test_round_trip_holds_for_arbitrary_texts_and_versions(
    names: dict[str, str], versions: set[int], changelog: str, paid: bool
) -> None:
    if not any(text.strip() for text in names.values()):
        names = {**names, "en": "Name"}
    module = CatalogModule(
        MODULE_ID,
        names,
        "V",
        {},
        tuple(release(number, changelog=changelog, paid=paid) for number in sorted(versions, reverse=True)),
    )
    catalog = Catalog("Hypothesis", "2025-01-01T00:00:00", (module,))
    assert parse_catalog(dump_catalog(catalog)) == catalog


# --- validation ---------------------------------------------------------------------------


def mutate(change: Any) -> dict[str, Any]:
    document = copy.deepcopy(sample_document())
    change(document)
    return document


def first_release(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = document["modules"][0]["releases"][0]
    return result


def standard_file(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = first_release(document)["files"]["standard"]
    return result


INVALID_DOCUMENTS = [
    ("top level list", lambda d: d.clear() or d.update({"not": "used"}), "formatVersion is missing"),
    ("missing name", lambda d: d.pop("name"), "name is missing"),
    ("unknown field", lambda d: d.update({"extra": 1}), "extra is not a known field"),
    ("format version as text", lambda d: d.update({"formatVersion": "1"}), "formatVersion is not a whole number"),
    ("bad generated", lambda d: d.update({"generated": "yesterday"}), "generated is not an ISO date and time"),
    ("modules not a list", lambda d: d.update({"modules": {}}), "modules is not a list"),
    ("module not an object", lambda d: d["modules"].append("x"), "modules[2] is not an object"),
    ("module id with slash", lambda d: d["modules"][0].update({"id": "../x"}), "modules[0].id is not a module id"),
    (
        "duplicate module id",
        lambda d: d["modules"][1].update({"id": MODULE_ID.upper()}),
        "modules[1].id repeats the module id of modules[0]",
    ),
    ("names empty", lambda d: d["modules"][0].update({"names": {"de": " "}}), "modules[0].names has no text"),
    ("names as list", lambda d: d["modules"][0].update({"names": ["x"]}), "modules[0].names is not an object"),
    ("bad locale", lambda d: d["modules"][0]["names"].update({"de de!": "x"}), "is not a locale"),
    ("vendor number", lambda d: d["modules"][0].update({"vendor": 5}), "modules[0].vendor is not a text"),
    ("nfr flag text", lambda d: d["modules"][0].update({"nfrUserLicense": "yes"}), "nfrUserLicense is not true"),
    ("no releases", lambda d: d["modules"][0].update({"releases": []}), "modules[0].releases is empty"),
    (
        "duplicate version",
        lambda d: d["modules"][0]["releases"][1].update({"version": 126}),
        "modules[0].releases[1].version repeats version 126 of modules[0].releases[0]",
    ),
    ("version as text", lambda d: first_release(d).update({"version": "126"}), "releases[0].version is not a whole"),
    ("version as bool", lambda d: first_release(d).update({"version": True}), "releases[0].version is not a whole"),
    ("negative version", lambda d: first_release(d).update({"version": -1}), "releases[0].version is negative"),
    ("bad date", lambda d: first_release(d).update({"date": "2025-02-30"}), "releases[0].date is not an ISO date"),
    ("bad channel", lambda d: first_release(d).update({"channel": "beta"}), "releases[0].channel is neither"),
    (
        "bad range",
        lambda d: first_release(d).update({"compatibility": {"compatible": ["banana"]}}),
        "modules[0].releases[0].compatibility is wrong",
    ),
    ("paid as number", lambda d: first_release(d).update({"paid": 1}), "releases[0].paid is not true or false"),
    ("no files", lambda d: first_release(d).update({"files": {}}), "releases[0].files has neither"),
    ("unknown flavour", lambda d: first_release(d)["files"].update({"demo": {}}), "files.demo is not a known field"),
    ("bad sha", lambda d: standard_file(d).update({"sha256": "xyz"}), "files.standard.sha256 is not a SHA-256"),
    ("upper sha", lambda d: standard_file(d).update({"sha256": "A" * 64}), "files.standard.sha256 is not a SHA-256"),
    ("negative size", lambda d: standard_file(d).update({"size": -5}), "files.standard.size is negative"),
    ("huge size", lambda d: standard_file(d).update({"size": 2**40}), "files.standard.size is larger than"),
    ("missing sha", lambda d: standard_file(d).pop("sha256"), "files.standard.sha256 is missing"),
    ("traversal", lambda d: standard_file(d).update({"location": "../secret.sfm"}), "is not a clean relative path"),
    ("inner traversal", lambda d: standard_file(d).update({"location": "a/../../b.sfm"}), "not a clean relative"),
    ("absolute path", lambda d: standard_file(d).update({"location": "/etc/passwd"}), "is an absolute path"),
    ("drive path", lambda d: standard_file(d).update({"location": "C:/x.sfm"}), "is an absolute path"),
    ("backslash", lambda d: standard_file(d).update({"location": "a\\b.sfm"}), "contains a backslash"),
    ("plain http", lambda d: standard_file(d).update({"location": "http://example.com/a.sfm"}), "plain http URL"),
    ("file url", lambda d: standard_file(d).update({"location": "file:///etc/passwd"}), "uses the scheme 'file'"),
    ("control char", lambda d: standard_file(d).update({"location": "a\nb.sfm"}), "contains control characters"),
    ("hostless url", lambda d: standard_file(d).update({"location": "https:///a.sfm"}), "URL without a host"),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, expected, id=label) for label, change, expected in INVALID_DOCUMENTS],
)
def test_invalid_catalogs_are_refused_naming_the_field(change: Any, expected: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_document(mutate(change))
    assert expected in caught.value.message
    assert caught.value.message.startswith("The catalog test.json is invalid: ")
    assert caught.value.hint


@pytest.mark.parametrize(
    "location",
    ["https://downloads.example.com/m/Module_v126.sfm", "http://127.0.0.1:8080/a.sfm", "http://localhost/a.sfm"],
)
def test_https_and_local_http_urls_are_allowed(location: str) -> None:
    document = mutate(lambda d: standard_file(d).update({"location": location}))
    standard = parse_document(document).modules[0].releases[0].standard
    assert standard is not None and standard.location == location


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe{}", "is not UTF-8 text"),
        (b"{ not json", "is not valid JSON (line 1,"),
        (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply"),
        (b"[]", "is invalid: its top level is not an object"),
    ],
)
def test_unreadable_data_is_refused(data: bytes, expected: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(data, source="x.json")
    assert caught.value.message.startswith("The catalog x.json ")
    assert expected in caught.value.message


def test_catalog_larger_than_the_limit_is_refused_before_parsing() -> None:
    with pytest.raises(CatalogError, match="larger than 20 MB"):
        parse_catalog(b" " * (MAX_CATALOG_BYTES + 1))


def test_newer_format_version_asks_for_an_update() -> None:
    with pytest.raises(CatalogError, match="format version 2") as caught:
        parse_document(mutate(lambda d: d.update({"formatVersion": 2})))
    assert "Update modmanager" in caught.value.hint


# --- locations and merging ------------------------------------------------------------------


def test_resolve_location_against_url_and_folder() -> None:
    assert resolve_location("https://h.example/v/catalog.json", "9.X/a.sfm") == "https://h.example/v/9.X/a.sfm"
    assert resolve_location("https://h.example/v/catalog.json", "https://cdn.example/a.sfm") == (
        "https://cdn.example/a.sfm"
    )
    assert resolve_location("/srv/vendor", "9.X/a.sfm").replace("\\", "/") == "/srv/vendor/9.X/a.sfm"
    assert resolve_location("", "9.X/a.sfm") == "9.X/a.sfm"


def test_merge_keeps_one_module_per_id_with_releases_unioned_and_first_catalog_winning() -> None:
    first = Catalog("first", "2025-01-01T00:00:00", sample_catalog().modules[:1], source="https://a.example/c.json")
    newer = CatalogModule(
        MODULE_ID.upper(),
        {"en": "Renamed"},
        "Other vendor",
        {},
        (release(130), release(126, paid=False, standard=ReleaseFile("x.sfm", 1, SHA_B))),
    )
    second = Catalog("second", "2025-01-02T00:00:00", (newer,), source="/srv/second")
    merged = merge_catalogs([first, second])
    assert len(merged) == 1
    module = merged[0]
    assert module.display_name("en") == "Call forwarding"
    assert [item.version for item in module.releases] == [130, 126, 117]
    v126 = module.release(126)
    assert v126 is not None and v126.paid is True
    assert v126.standard is not None and v126.standard.location == "https://a.example/9.X/Module_v126.sfm"
    v130 = module.release(130)
    assert v130 is not None and v130.standard is not None
    assert v130.standard.location.replace("\\", "/") == "/srv/second/9.X/Module_v130.sfm"


# --- signatures ---------------------------------------------------------------------------


def test_signed_catalog_verifies_with_its_key_among_others() -> None:
    private, public = generate_signing_key()
    _, other_public = generate_signing_key()
    data = dump_catalog(sample_catalog())
    signature = sign_catalog(data, private)
    assert public_key_of(private) == public
    assert private.startswith(b"-----BEGIN PRIVATE KEY-----")
    verify_catalog(data, signature, [other_public, public.decode() + "\n"])


def test_a_tampered_byte_is_refused() -> None:
    private, public = generate_signing_key()
    data = dump_catalog(sample_catalog())
    signature = sign_catalog(data, private)
    tampered = data.replace(b'"paid": true', b'"paid": fals', 1)
    assert tampered != data
    with pytest.raises(CatalogError) as caught:
        verify_catalog(tampered, signature, [public], source="c.json")
    assert caught.value.message == "The catalog c.json is not signed by a trusted key."
    assert "changed after signing" in caught.value.hint


def test_a_signature_by_another_key_is_refused() -> None:
    private, _ = generate_signing_key()
    _, trusted = generate_signing_key()
    data = dump_catalog(sample_catalog())
    with pytest.raises(CatalogError, match="not signed by a trusted key"):
        verify_catalog(data, sign_catalog(data, private), [trusted])


@pytest.mark.parametrize(
    ("signature", "hint"), [(b"", "has no signature"), (b"  \n", "has no signature"), (b"@@@", "damaged")]
)
def test_missing_or_damaged_signature_is_refused(signature: bytes, hint: str) -> None:
    _, public = generate_signing_key()
    with pytest.raises(CatalogError, match="not signed by a trusted key") as caught:
        verify_catalog(b"{}", signature, [public])
    assert hint in caught.value.hint


def test_no_trusted_keys_means_not_trusted() -> None:
    private, _ = generate_signing_key()
    with pytest.raises(CatalogError, match="not signed by a trusted key") as caught:
        verify_catalog(b"{}", sign_catalog(b"{}", private), [])
    assert "No public key is configured" in caught.value.hint


def test_malformed_public_key_is_named_by_position() -> None:
    private, public = generate_signing_key()
    with pytest.raises(CatalogError, match="Trusted public key number 2"):
        verify_catalog(b"{}", sign_catalog(b"{}", private), [public, "bm90IGEga2V5"])


def test_a_signing_key_that_is_not_ed25519_pem_is_refused_without_quoting_it() -> None:
    with pytest.raises(CatalogError, match="not an unencrypted Ed25519 private key") as caught:
        sign_catalog(b"{}", b"-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n")
    assert "c2VjcmV0" not in str(caught.value)


def test_the_documented_example_is_a_valid_catalog_and_the_schema_is_json() -> None:
    text = (Path(__file__).parents[2] / "docs" / "catalog-format.md").read_text(encoding="utf-8")
    example, schema = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    catalog = parse_catalog(example.encode("utf-8"), source="docs/catalog-format.md")
    assert [release.version for release in catalog.modules[0].releases] == [127, 126]
    assert json.loads(schema)["properties"]["formatVersion"] == {"const": 1}


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=60)
@given(path=st.sampled_from(["", "m", "r", "f"]), key=st.text(max_size=15), value=JSON_VALUES)
def test_any_value_anywhere_gives_a_catalog_or_a_catalog_error(path: str, key: str, value: object) -> None:
    document = sample_document()
    target = {
        "": document,
        "m": document["modules"][0],
        "r": document["modules"][0]["releases"][0],
        "f": document["modules"][0]["releases"][0]["files"]["standard"],
    }[path]
    target[key] = value
    try:
        parse_document(document)
    except CatalogError as error:
        assert error.message.startswith("The catalog test.json ")


@settings(max_examples=60)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash_the_parser(data: bytes) -> None:
    with pytest.raises(CatalogError):
        parse_catalog(data)
