"""Loading catalogs from folders and over real HTTP (the simulator's file server), offline fallback, downloads."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from modmanager.catalog.builder import build_catalog
from modmanager.catalog.source import CatalogSource, download_release_file, load_catalog
from modmanager.core.catalog import Catalog, ReleaseFile, dump_catalog, generate_signing_key, sign_catalog
from modmanager.core.errors import CatalogError, ModManagerError
from modmanager.core.messages import render_error
from modmanager.core.sfmbuild import build_sfm
from modmanager.simulator.fileserver import FileServer
from modmanager.store.sfmcache import SfmCache
from tests.catalog.catalog_helpers import put, put_sfm, spec

MODULE_ID = spec(1).module_id


@dataclasses.dataclass
class Published:
    """A vendor folder with a signed catalog.json, and the key that signed it."""

    root: Path
    public_key: str
    catalog: Catalog


def publish(root: Path, *, sign: bool = True) -> Published:
    put_sfm(root, "9.X/Module_v126.sfm", spec(126))
    put_sfm(root, "9.X/NFR/Module_v126_NFR.sfm", spec(126, description="NFR"))
    catalog, _ = build_catalog(root, name="Vendor", generated="2025-08-12T10:00:00+02:00")
    data = dump_catalog(catalog)
    put(root, "catalog.json", data)
    private, public = generate_signing_key()
    if sign:
        put(root, "catalog.json.sig", sign_catalog(data, private))
    return Published(root, public.decode(), catalog)


@pytest.fixture
def published(tmp_path: Path) -> Published:
    return publish(tmp_path / "vendor")


@pytest.fixture
def server(published: Published) -> Iterator[FileServer]:
    with FileServer(published.root) as running:
        yield running


# --- folders -------------------------------------------------------------------------------


def test_signed_folder_catalog_loads_and_resolves_files_against_the_folder(published: Published) -> None:
    source = CatalogSource("Vendor", str(published.root), [published.public_key])
    catalog = load_catalog(source)
    assert catalog == published.catalog
    assert catalog.source == str(published.root)


def test_a_local_catalog_file_path_works_like_its_folder(published: Published) -> None:
    catalog = load_catalog(CatalogSource("Vendor", str(published.root / "catalog.json"), [published.public_key]))
    assert catalog == published.catalog
    assert catalog.source == str(published.root)


def test_an_unchanged_catalog_is_verified_and_parsed_once_a_changed_one_again(published: Published) -> None:
    source = CatalogSource("Vendor", str(published.root), [published.public_key])
    first = load_catalog(source)
    assert load_catalog(source) is first  # same bytes, keys and cache: the same immutable catalog

    # Same bytes with a signature that no longer fits: checked again and refused, not served.
    put(published.root, "catalog.json.sig", b"A" * 88)
    with pytest.raises(CatalogError):
        load_catalog(source)

    republished = publish(published.root)
    renewed = CatalogSource("Vendor", str(published.root), [republished.public_key])
    assert load_catalog(renewed) is not first
    assert load_catalog(renewed) == republished.catalog
    # Other keys for the same bytes: verified again (and refused: the old key did not sign them).
    with pytest.raises(CatalogError):
        load_catalog(source)


def test_unsigned_folder_needs_trusted_unsigned(tmp_path: Path) -> None:
    unsigned = publish(tmp_path / "vendor", sign=False)
    with pytest.raises(CatalogError, match="not signed by a trusted key") as caught:
        load_catalog(CatalogSource("Local", str(unsigned.root), [unsigned.public_key]))
    assert "has no signature" in caught.value.hint
    catalog = load_catalog(CatalogSource("Local", str(unsigned.root), [], trusted_unsigned=True))
    assert catalog == unsigned.catalog


def test_a_bad_signature_is_refused_even_for_trusted_unsigned_folders(published: Published) -> None:
    put(published.root, "catalog.json", (published.root / "catalog.json").read_bytes().replace(b"v126", b"v127"))
    for trusted_unsigned in (False, True):
        source = CatalogSource("Vendor", str(published.root), [published.public_key], trusted_unsigned)
        with pytest.raises(CatalogError, match="The catalog Vendor is not signed by a trusted key"):
            load_catalog(source)


def test_a_missing_folder_without_cache_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"The catalog Gone cannot be fetched \(there is no catalog.json"):
        load_catalog(CatalogSource("Gone", str(tmp_path / "missing"), [], trusted_unsigned=True))


def test_download_from_a_folder_checks_and_copies(published: Published, tmp_path: Path) -> None:
    catalog = load_catalog(CatalogSource("Vendor", str(published.root), [published.public_key]))
    release = catalog.modules[0].releases[0]
    assert release.nfr is not None
    path = download_release_file(catalog, release.nfr, tmp_path / "out")
    assert path == tmp_path / "out" / "Module_v126_NFR.sfm"
    assert path.read_bytes() == (published.root / "9.X/NFR/Module_v126_NFR.sfm").read_bytes()


# --- HTTP ----------------------------------------------------------------------------------


def test_catalog_over_http_loads_and_files_download_with_checks(
    published: Published, server: FileServer, tmp_path: Path
) -> None:
    source = CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key])
    catalog = load_catalog(source)
    assert catalog == published.catalog
    assert catalog.source == server.url_for("catalog.json")
    standard = catalog.modules[0].releases[0].standard
    assert standard is not None
    path = download_release_file(catalog, standard, tmp_path / "downloads")
    expected = build_sfm(spec(126))
    assert path.name == "Module_v126.sfm" and path.read_bytes() == expected
    assert SfmCache().get(hashlib.sha256(expected).hexdigest()) == expected


def test_a_second_download_is_served_from_the_cache(published: Published, server: FileServer, tmp_path: Path) -> None:
    catalog = load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key]))
    standard = catalog.modules[0].releases[0].standard
    assert standard is not None
    download_release_file(catalog, standard, tmp_path / "first")
    server.stop()
    again = download_release_file(catalog, standard, tmp_path / "second")
    assert again.read_bytes() == build_sfm(spec(126))


def test_offline_falls_back_to_the_last_good_copy_with_a_warning(published: Published, server: FileServer) -> None:
    source = CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key])
    load_catalog(source)
    server.stop()
    warnings: list[ModManagerError] = []
    cached = load_catalog(source, timeout=2, warnings=warnings)
    assert cached == published.catalog
    assert cached.source == source.location
    (warning,) = warnings
    assert warning.code == "catalog_saved_copy_used"
    assert warning.message.startswith("The catalog Vendor cannot be fetched (")
    assert "using the copy from 2025-08-12T10:00:00+02:00" in warning.message
    assert "gespeicherte Kopie vom 2025-08-12T10:00:00+02:00" in render_error(warning, "de")[0]


def test_offline_without_a_cached_copy_is_an_error(published: Published, server: FileServer) -> None:
    source = CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key])
    server.stop()
    with pytest.raises(CatalogError, match="The catalog Vendor cannot be fetched") as caught:
        load_catalog(source, timeout=2)
    assert "network" in caught.value.hint


def test_a_tampered_cached_copy_is_refused(published: Published, server: FileServer, isolated_state: Path) -> None:
    source = CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key])
    load_catalog(source)
    server.stop()
    (cached,) = (isolated_state / "catalog-cache").glob("*.json")
    cached.write_bytes(cached.read_bytes().replace(b'"paid": false', b'"paid": true '))
    with pytest.raises(CatalogError, match="not signed by a trusted key"):
        load_catalog(source, timeout=2)


def test_http_error_is_not_mistaken_for_a_catalog(published: Published, server: FileServer) -> None:
    source = CatalogSource("Vendor", server.url_for("missing/catalog.json"), [published.public_key])
    with pytest.raises(CatalogError, match=r"cannot be fetched \(HTTP 404"):
        load_catalog(source)


def test_a_missing_signature_over_http_is_refused_even_if_marked_trusted(
    published: Published, server: FileServer
) -> None:
    (published.root / "catalog.json.sig").unlink()
    source = CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key], trusted_unsigned=True)
    with pytest.raises(CatalogError, match="not signed by a trusted key"):
        load_catalog(source)


def test_a_catalog_signed_by_another_key_is_refused(published: Published, server: FileServer) -> None:
    _, stranger = generate_signing_key()
    with pytest.raises(CatalogError, match="not signed by a trusted key"):
        load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [stranger.decode()]))


def test_a_download_with_the_wrong_sha256_is_refused_and_not_kept(
    published: Published, server: FileServer, tmp_path: Path
) -> None:
    catalog = load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key]))
    standard = catalog.modules[0].releases[0].standard
    assert standard is not None
    swapped = build_sfm(spec(126, description="swapped on the server"))
    put(published.root, "9.X/evil.sfm", swapped)
    forged = ReleaseFile("9.X/evil.sfm", len(swapped), standard.sha256)
    with pytest.raises(CatalogError, match="does not have the SHA-256 the catalog lists"):
        download_release_file(catalog, forged, tmp_path / "out")
    assert not (tmp_path / "out" / "evil.sfm").exists()
    assert SfmCache().get(hashlib.sha256(swapped).hexdigest()) is None


def test_a_download_larger_than_listed_is_refused(published: Published, server: FileServer, tmp_path: Path) -> None:
    catalog = load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key]))
    standard = catalog.modules[0].releases[0].standard
    assert standard is not None
    shorter = dataclasses.replace(standard, size=standard.size - 10)
    with pytest.raises(CatalogError, match="larger than the"):
        download_release_file(catalog, shorter, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_missing_file_is_an_error(published: Published, server: FileServer, tmp_path: Path) -> None:
    catalog = load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key]))
    with pytest.raises(CatalogError, match=r"cannot be downloaded \(HTTP 404"):
        download_release_file(catalog, ReleaseFile("9.X/none.sfm", 10, "0" * 64), tmp_path)


def test_plain_http_to_other_hosts_is_refused_before_connecting() -> None:
    with pytest.raises(CatalogError, match="is not an https URL"):
        load_catalog(CatalogSource("Vendor", "http://catalog.example.com/catalog.json", ["x"]))


def test_a_session_without_tls_checks_is_refused(published: Published, server: FileServer) -> None:
    session = requests.Session()
    session.verify = False
    with pytest.raises(CatalogError, match="TLS certificate checks are switched off"):
        load_catalog(CatalogSource("Vendor", server.url_for("catalog.json"), [published.public_key]), session=session)
