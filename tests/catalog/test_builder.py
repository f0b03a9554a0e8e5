"""Building a catalog from a vendor folder of .sfm files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from modmanager.catalog.builder import build_catalog
from modmanager.core.catalog import Channel, Release, dump_catalog, parse_catalog
from modmanager.core.errors import CatalogError
from modmanager.core.sfmbuild import build_sfm
from modmanager.core.versions import Compatibility, StarfaceVersion, Verdict
from tests.catalog.catalog_helpers import OTHER_MODULE_ID, put, put_sfm, spec
from tests.fixtures.hostile import traversal_sfm, truncated_sfm, zip_bomb_sfm

MODULE_ID = spec(1).module_id


def only_release(root: Path, version: int, **kwargs: object) -> Release:
    catalog, _ = build_catalog(root, name="Vendor", **kwargs)  # type: ignore[arg-type]
    module = catalog.module(MODULE_ID)
    assert module is not None
    found = module.release(version)
    assert found is not None
    return found


def test_module_facts_come_from_the_file_itself(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Anrufweiterleitung_v126.sfm", spec(126))
    catalog, warnings = build_catalog(tmp_path, name="Beispiel", generated="2025-08-12T10:00:00+02:00")
    assert warnings == []
    assert (catalog.name, catalog.generated) == ("Beispiel", "2025-08-12T10:00:00+02:00")
    (module,) = catalog.modules
    expected = spec(126)
    assert module.id == expected.module_id
    assert module.vendor == expected.vendor
    assert module.display_name("en") == "Call Forwarding" and module.display_name("de") == "Anrufweiterleitung"
    assert "fr" not in module.names  # empty names are left out
    assert module.display_description("de") == expected.description
    (release,) = module.releases
    data = build_sfm(expected)
    assert release.standard is not None
    assert release.standard.location == "9.X/Anrufweiterleitung_v126.sfm"
    assert (release.standard.size, release.standard.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert (release.display_version, release.channel, release.paid, release.nfr) == (
        "v126",
        Channel.STABLE,
        False,
        None,
    )
    assert release.date == expected.create_date[:10]


def test_range_folders_set_compatibility_and_copies_are_united(tmp_path: Path) -> None:
    put_sfm(tmp_path, "8.X/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "9.0-9.1.5/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "7.3-7.X/Module_v117.sfm", spec(117))
    catalog, _ = build_catalog(tmp_path, name="Vendor")
    module = catalog.modules[0]
    assert [release.version for release in module.releases] == [126, 117]
    v126 = module.releases[0]
    assert v126.compatibility == Compatibility.parse("8.X, 9.0-9.1.5")
    assert v126.standard is not None and v126.standard.location == "8.X/Module_v126.sfm"
    assert v126.compatibility.verdict(StarfaceVersion.parse("9.1.5.0")) is Verdict.COMPATIBLE
    assert v126.compatibility.verdict(StarfaceVersion.parse("9.2.0.0")) is Verdict.UNTESTED
    assert module.releases[1].compatibility == Compatibility.parse("7.3-7.X")


def test_nested_non_range_folders_are_ignored_for_compatibility(tmp_path: Path) -> None:
    put_sfm(tmp_path, "Anrufweiterleitung/10.X/2024/Module_v126.sfm", spec(126))
    assert only_release(tmp_path, 126).compatibility == Compatibility.parse("10.X")


def test_a_file_in_no_range_folder_is_untested(tmp_path: Path) -> None:
    put_sfm(tmp_path, "incoming/Module_v130.sfm", spec(130))
    release = only_release(tmp_path, 130)
    assert release.compatibility.is_empty
    assert release.compatibility.verdict(StarfaceVersion.parse("9.0.1.3")) is Verdict.UNTESTED


@pytest.mark.parametrize(
    "nfr_path", ["9.X/Module_v126_NFR.sfm", "9.X/module_v126_nfr.sfm", "9.X/NFR/Module_v126.sfm", "nfr/Module.sfm"]
)
def test_nfr_builds_become_the_nfr_file_of_their_release(tmp_path: Path, nfr_path: str) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    nfr_file = put_sfm(tmp_path, nfr_path, spec(126, description="NFR-Build"))
    release = only_release(tmp_path, 126)
    assert release.standard is not None and release.standard.location == "9.X/Module_v126.sfm"
    assert release.nfr is not None and release.nfr.location == nfr_path
    assert release.nfr.sha256 == hashlib.sha256(nfr_file.read_bytes()).hexdigest()


def test_a_word_containing_nfr_letters_is_not_an_nfr_build(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Infrastructure_v126.sfm", spec(126))
    release = only_release(tmp_path, 126)
    assert release.standard is not None and release.nfr is None


def test_an_nfr_only_release_has_no_standard_file(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/NFR/Module_v126.sfm", spec(126))
    release = only_release(tmp_path, 126)
    assert release.standard is None and release.nfr is not None
    assert release.compatibility == Compatibility.parse("9.X")


def test_changelog_entries_and_paid_markers_reach_their_releases(tmp_path: Path) -> None:
    put_sfm(tmp_path, "Anruf/9.X/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "Anruf/9.X/Module_v130.sfm", spec(130))
    put_sfm(tmp_path, "Anruf/8.X/Module_v117.sfm", spec(117))
    put(
        tmp_path,
        "Anruf/CHANGELOG.md",
        "# Anrufweiterleitung\n\n€ = kostenpflichtiges Update\n\n"
        "## v130 (01.09.2025)\n- Neue Oberfläche (kostenpflichtig)\n\n"
        "## v126\n- Fehler behoben\n".encode(),
    )
    v130, v126, v117 = (only_release(tmp_path, version) for version in (130, 126, 117))
    assert (v130.paid, v130.date, v130.changelog) == (True, "2025-09-01", "- Neue Oberfläche (kostenpflichtig)")
    assert (v126.paid, v126.changelog) == (False, "- Fehler behoben")
    assert (v117.paid, v117.changelog) == (False, "")


def test_metadata_files_override_nearest_last(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "9.X/Module_v127.sfm", spec(127))
    put(tmp_path, "CHANGELOG.md", b"## v126\n- aus dem Changelog\n")
    put(tmp_path, "module.json", json.dumps({"nfrUserLicense": True, "description": {"en": "Forwards"}}).encode())
    put(tmp_path, "release-126.json", json.dumps({"changelog": "from release json", "paid": True}).encode())
    put(
        tmp_path,
        "9.X/Module_v126.sfm.json",
        json.dumps(
            {
                "channel": "pre-release",
                "compatible": ["9.0-9.1.5"],
                "incompatible": ["9.1.0.0"],
                "date": "2025-07-29",
                "displayVersion": "2025-07-29",
                "paid": False,
            }
        ).encode(),
    )
    catalog, warnings = build_catalog(tmp_path, name="Vendor")
    assert warnings == []
    module = catalog.modules[0]
    assert module.nfr_user_license is True
    assert module.description == {"en": "Forwards"}
    v126 = module.release(126)
    assert v126 is not None
    assert v126.changelog == "from release json"
    assert v126.paid is False  # the file's own metadata wins over release-126.json
    assert (v126.channel, v126.date, v126.display_version) == (Channel.PRERELEASE, "2025-07-29", "2025-07-29")
    assert v126.compatibility == Compatibility.parse("9.0-9.1.5", "9.1.0.0")
    v127 = module.release(127)
    assert v127 is not None and v127.channel is Channel.STABLE and v127.compatibility == Compatibility.parse("9.X")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "it is not valid JSON"),
        (b"[]", "is not a JSON object"),
        (b'{"price": 5}', "has the unknown field 'price'"),
        (b'{"paid": "yes"}', '"paid" that is not true or false'),
        (b'{"channel": "beta"}', '"channel" that is neither'),
        (b'{"compatible": "8.X"}', '"compatible" that is not a list of texts'),
        (b'{"compatible": ["eight"]}', 'wrong "compatible" range'),
        (b'{"date": "29.07.2025"}', '"date" that is not YYYY-MM-DD'),
        (b'{"description": {"en": 5}}', '"description" that is not an object'),
    ],
)
def test_broken_metadata_is_an_error_naming_the_file(tmp_path: Path, content: bytes, problem: str) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    put(tmp_path, "9.X/release-126.json", content)
    with pytest.raises(CatalogError) as caught:
        build_catalog(tmp_path, name="Vendor")
    assert caught.value.message.startswith("The metadata file 9.X/release-126.json ")
    assert problem in caught.value.message


def test_broken_and_hostile_files_become_warnings_and_the_build_goes_on(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    put(tmp_path, "9.X/truncated.sfm", truncated_sfm())
    put(tmp_path, "9.X/bomb.sfm", zip_bomb_sfm())
    put(tmp_path, "9.X/escape.sfm", traversal_sfm())
    put(tmp_path, "9.X/text.SFM", b"not a zip")
    put(tmp_path, "9.X/text.SFM.json", b"{}")
    catalog, warnings = build_catalog(tmp_path, name="Vendor")
    assert [release.version for release in catalog.modules[0].releases] == [126]
    skipped = sorted(warning.split(":")[0] for warning in warnings if warning.startswith("Skipped"))
    assert skipped == [f"Skipped 9.X/{name}" for name in ("bomb.sfm", "escape.sfm", "text.SFM", "truncated.sfm")]
    assert any(warning.startswith("Ignored 9.X/text.SFM.json") for warning in warnings)


def test_nothing_valid_left_is_an_error(tmp_path: Path) -> None:
    put(tmp_path, "9.X/broken.sfm", truncated_sfm())
    with pytest.raises(CatalogError, match=r"No valid \.sfm module file .* \(1 file\(s\) skipped\)"):
        build_catalog(tmp_path, name="Vendor")


def test_two_different_files_for_one_release_are_an_error_naming_both(tmp_path: Path) -> None:
    put_sfm(tmp_path, "8.X/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126, description="rebuilt"))
    with pytest.raises(CatalogError) as caught:
        build_catalog(tmp_path, name="Vendor")
    assert "8.X/Module_v126.sfm and 9.X/Module_v126.sfm" in caught.value.message
    assert "standard build of module" in caught.value.message


def test_several_modules_in_one_tree(tmp_path: Path) -> None:
    put_sfm(tmp_path, "A/9.X/a.sfm", spec(126))
    put_sfm(tmp_path, "B/9.X/b.sfm", spec(3, module_id=OTHER_MODULE_ID, name="Zweites", names={}))
    catalog, _ = build_catalog(tmp_path, name="Vendor")
    assert sorted(module.id for module in catalog.modules) == sorted([MODULE_ID, OTHER_MODULE_ID])
    second = catalog.module(OTHER_MODULE_ID)
    assert second is not None and second.display_name("de") == "Zweites"


def test_base_url_makes_absolute_locations(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Mein Modul_v126.sfm", spec(126))
    release = only_release(tmp_path, 126, base_url="https://downloads.example.com/modules/")
    assert release.standard is not None
    assert release.standard.location == "https://downloads.example.com/modules/9.X/Mein%20Modul_v126.sfm"


def test_base_url_must_be_https(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    with pytest.raises(CatalogError, match="is not an https URL"):
        build_catalog(tmp_path, name="Vendor", base_url="http://downloads.example.com/")


def test_locations_are_relative_to_the_catalog_folder(tmp_path: Path) -> None:
    put_sfm(tmp_path, "vendor/9.X/Module_v126.sfm", spec(126))
    release = only_release(tmp_path / "vendor", 126, catalog_dir=tmp_path)
    assert release.standard is not None and release.standard.location == "vendor/9.X/Module_v126.sfm"
    with pytest.raises(CatalogError, match="neither the vendor folder nor above it"):
        build_catalog(tmp_path / "vendor", name="Vendor", catalog_dir=tmp_path / "elsewhere")


def test_the_result_is_a_valid_catalog_and_deterministic(tmp_path: Path) -> None:
    put_sfm(tmp_path, "9.X/Module_v126.sfm", spec(126))
    put_sfm(tmp_path, "8.X/NFR/Module_v126.sfm", spec(126, description="NFR"))
    first, _ = build_catalog(tmp_path, name="Vendor", generated="2025-01-01T00:00:00")
    second, _ = build_catalog(tmp_path, name="Vendor", generated="2025-01-01T00:00:00")
    assert dump_catalog(first) == dump_catalog(second)
    assert parse_catalog(dump_catalog(first)) == first


def test_missing_root_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="does not exist"):
        build_catalog(tmp_path / "missing", name="Vendor")


def test_links_inside_the_tree_count_as_copies_and_links_out_of_it_are_skipped(tmp_path: Path) -> None:
    root = tmp_path / "vendor"
    original = put_sfm(root, "9.X/Module_v126.sfm", spec(126))
    (root / "8.X").mkdir()
    (root / "8.X/Module_v126.sfm").symlink_to(original)
    outside = put_sfm(tmp_path, "private/Module_v130.sfm", spec(130))
    (root / "9.X/Module_v130.sfm").symlink_to(outside)
    catalog, warnings = build_catalog(root, name="Vendor")
    (module,) = catalog.modules
    assert [release.version for release in module.releases] == [126]
    assert module.releases[0].compatibility == Compatibility.parse("8.X, 9.X")
    assert warnings == ["Skipped 9.X/Module_v130.sfm: it is a link to a file outside the vendor folder."]
