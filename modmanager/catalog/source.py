"""Fetch catalogs and the module files they list, checking every byte.

A catalog source is an https URL of a ``catalog.json`` (its signature is ``<url>.sig``) or a
local folder holding ``catalog.json`` and ``catalog.json.sig``. A catalog is used only when
its signature comes from a trusted key; a folder the user marked ``trusted_unsigned`` may lack
a signature, but a signature that is present and wrong is always refused. The last good copy
of each catalog is cached so the application keeps working offline.

Module files are downloaded streamed with a size limit, checked in memory against the
catalog's size and SHA-256 (a mismatching file never reaches the disk) and kept in the content-addressed
:class:`~modmanager.store.sfmcache.SfmCache`, so a second download is free. TLS certificates
are always verified: catalogs and files come from public servers, never from self-signed PBXs.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import requests

from modmanager.core.catalog import (
    MAX_CATALOG_BYTES,
    Catalog,
    ReleaseFile,
    is_remote_location,
    parse_catalog,
    resolve_location,
    verify_catalog,
)
from modmanager.core.errors import CatalogError, ModManagerError
from modmanager.core.sfm import MAX_FILE_BYTES
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import catalog_cache_dir
from modmanager.store.sfmcache import SfmCache

__all__ = [
    "CATALOG_FILE_NAME",
    "SIGNATURE_SUFFIX",
    "CatalogSource",
    "download_release_file",
    "load_catalog",
]

CATALOG_FILE_NAME = "catalog.json"
SIGNATURE_SUFFIX = ".sig"
DEFAULT_TIMEOUT = 15.0

_LOG = logging.getLogger(__name__)
_MAX_SIGNATURE_BYTES = 4096
_CHUNK = 64 * 1024
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ ()+-]{0,150}\.sfm", re.IGNORECASE)


@dataclass(frozen=True)
class CatalogSource:
    """Where a catalog comes from and which keys may sign it."""

    name: str
    location: str
    """The https URL of the catalog file, or a local folder holding ``catalog.json`` (or that file's path)."""
    public_keys: Sequence[str] = ()
    """Trusted Ed25519 public keys (base64, one line each, as in a ``.pub`` file)."""
    trusted_unsigned: bool = False
    """Only for folders: accept a catalog without signature file (a present, bad one is still refused)."""

    @property
    def is_remote(self) -> bool:
        return is_remote_location(self.location)


class _FetchFailed(Exception):
    """The source could not be reached or read; the cached copy may stand in.

    ``error`` says why; it is quoted as the cause of the error the caller raises.
    """

    def __init__(self, error: ModManagerError) -> None:
        super().__init__(error.message.rstrip("."))
        self.error = error


def load_catalog(
    source: CatalogSource,
    *,
    session: requests.Session | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    warnings: list[ModManagerError] | None = None,
) -> Catalog:
    """Fetch, verify and parse the catalog of ``source``; fall back to the cached copy when offline.

    Args:
        warnings: if given, a note for the user (code ``catalog_saved_copy_used``) is appended
            when the cached copy was used.

    Raises:
        CatalogError: untrusted or invalid catalog, or unreachable with no cached copy.
    """
    try:
        data, signature = _fetch_catalog(source, session, timeout)
    except _FetchFailed as failure:
        return _load_cached(source, failure, warnings)
    key = _load_key(source, data, signature)
    with _loaded_lock:
        known = _loaded.get(source.location)
    if known is not None and known[0] == key and _cache_paths(source)[0].is_file():
        return known[1]
    _verify(source, data, signature)
    catalog = parse_catalog(data, source=_catalog_base(source))
    _store_cached(source, data, signature)
    with _loaded_lock:
        _loaded[source.location] = (key, catalog)
    return catalog


_loaded: dict[str, tuple[bytes, Catalog]] = {}
"""The last catalog verified and parsed per location, with :func:`_load_key` of what it came from."""
_loaded_lock = threading.Lock()


def _load_key(source: CatalogSource, data: bytes, signature: bytes | None) -> bytes:
    """What a verified, parsed and cached catalog depends on: the same bytes, keys and cache
    folder give the same (immutable) :class:`Catalog`, so a refresh that fetches an unchanged
    catalog skips verifying, parsing and caching it again."""
    digest = hashlib.sha256()
    cache_file = str(_cache_paths(source)[0])
    for part in (source.location, "\n".join(source.public_keys), str(source.trusted_unsigned), cache_file):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(hashlib.sha256(data).digest())
    digest.update(b"-" if signature is None else hashlib.sha256(signature).digest())
    return digest.digest()


def _fetch_catalog(
    source: CatalogSource, session: requests.Session | None, timeout: float
) -> tuple[bytes, bytes | None]:
    """The catalog bytes and its signature (None when there is no signature file)."""
    if source.is_remote:
        _check_url(source.location, catalog=source.name)
        with _session(session) as http:
            data = _http_get(http, source.location, MAX_CATALOG_BYTES, timeout)
            assert data is not None  # a missing catalog raises _FetchFailed
            signature_url = source.location + SIGNATURE_SUFFIX
            return data, _http_get(http, signature_url, _MAX_SIGNATURE_BYTES, timeout, optional=True)
    catalog_file = _local_catalog_file(source)
    data = _read_local(catalog_file, MAX_CATALOG_BYTES)
    if data is None:
        raise _FetchFailed(
            CatalogError(
                code="fetch_no_catalog_file", params={"file": catalog_file.name, "folder": str(catalog_file.parent)}
            )
        )
    signature_file = catalog_file.with_name(catalog_file.name + SIGNATURE_SUFFIX)
    return data, _read_local(signature_file, _MAX_SIGNATURE_BYTES)


def _local_catalog_file(source: CatalogSource) -> Path:
    """``catalog.json`` in the source folder; a path to the catalog file itself works too."""
    path = Path(source.location)
    return path if path.is_file() else path / CATALOG_FILE_NAME


def _read_local(path: Path, limit: int) -> bytes | None:
    """A local file's bytes, None when it does not exist; unreadable raises :class:`_FetchFailed`."""
    try:
        return read_bytes_limited(path, limit)
    except FileNotFoundError:
        return None
    except ModManagerError as error:
        raise _FetchFailed(error) from None


def _verify(source: CatalogSource, data: bytes, signature: bytes | None) -> None:
    if signature is None and source.trusted_unsigned and not source.is_remote:
        return
    verify_catalog(data, signature or b"", list(source.public_keys), source=source.name)


def _catalog_base(source: CatalogSource) -> str:
    """What relative file locations resolve against: the catalog URL, or the folder."""
    return source.location if source.is_remote else str(_local_catalog_file(source).parent)


# --- cache ---------------------------------------------------------------------------------


def _cache_paths(source: CatalogSource) -> tuple[Path, Path]:
    key = hashlib.sha256(source.location.encode("utf-8")).hexdigest()[:32]
    folder = catalog_cache_dir()
    return folder / f"{key}.json", folder / f"{key}.json{SIGNATURE_SUFFIX}"


def _store_cached(source: CatalogSource, data: bytes, signature: bytes | None) -> None:
    data_path, signature_path = _cache_paths(source)
    try:
        write_atomic(data_path, data)
        if signature is not None:
            write_atomic(signature_path, signature)
        else:
            signature_path.unlink(missing_ok=True)
    except (ModManagerError, OSError) as error:
        # The fresh catalog is good; failing to cache it only costs offline use later.
        _LOG.warning("Could not cache the catalog %s: %s", source.name, error)


def _load_cached(source: CatalogSource, failure: _FetchFailed, warnings: list[ModManagerError] | None) -> Catalog:
    data_path, signature_path = _cache_paths(source)
    try:
        data = read_bytes_limited(data_path, MAX_CATALOG_BYTES)
    except FileNotFoundError:
        raise CatalogError(code="catalog_fetch_failed", params={"catalog": source.name}, cause=failure.error) from None
    try:
        signature: bytes | None = read_bytes_limited(signature_path, _MAX_SIGNATURE_BYTES)
    except FileNotFoundError:
        signature = None
    # The cache is a local file anyone with access could change: check it like a fresh copy.
    _verify(source, data, signature)
    catalog = parse_catalog(data, source=_catalog_base(source))
    note = CatalogError(
        code="catalog_saved_copy_used",
        params={"catalog": source.name, "generated": catalog.generated},
        cause=failure.error,
    )
    _LOG.warning("%s", note.message)
    if warnings is not None:
        warnings.append(note)
    return catalog


# --- HTTP ------------------------------------------------------------------------------------


@contextlib.contextmanager
def _session(session: requests.Session | None) -> Iterator[requests.Session]:
    if session is not None:
        if session.verify is False:
            raise CatalogError(code="tls_checks_off")
        yield session
        return
    with requests.Session() as own:
        yield own


def _is_https(url: str) -> bool:
    """An https URL with a host (or http to this machine)."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    return parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS


def _check_url(url: str, *, catalog: str | None = None) -> None:
    """Refuse a catalog's (``catalog``: its name) or else a module file's address that is not https."""
    if _is_https(url):
        return
    if catalog is not None:
        raise CatalogError(code="catalog_address_not_https", params={"catalog": catalog, "url": url[:200]})
    raise CatalogError(code="module_address_not_https", params={"url": url[:200]})


def _http_get(
    session: requests.Session, url: str, limit: int, timeout: float, *, optional: bool = False
) -> bytes | None:
    """The body of ``url`` (None for a 404 when ``optional``); failures raise :class:`_FetchFailed`."""
    try:
        with session.get(url, stream=True, timeout=timeout) as response:
            for hop in (*response.history, response):
                if not _is_https(hop.url):
                    raise CatalogError(code="redirect_not_https", params={"url": url[:200]})
            if optional and response.status_code == 404:
                return None
            if response.status_code != 200:
                status = str(response.status_code)
                raise _FetchFailed(CatalogError(code="fetch_http_status", params={"status": status, "url": url[:200]}))
            return _read_limited(response, limit, url)
    except requests.exceptions.SSLError:
        raise CatalogError(code="catalog_tls_untrusted", params={"host": urlsplit(url).hostname or ""}) from None
    except requests.RequestException as error:  # also ConnectionError and Timeout
        raise _FetchFailed(
            CatalogError(code="fetch_connection", params={"error": type(error).__name__, "url": url[:200]})
        ) from None


def _read_limited(response: requests.Response, limit: int, url: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise CatalogError(code="download_too_large", params={"url": url[:200], "limit": str(limit)})
    buffer = io.BytesIO()
    for chunk in response.iter_content(_CHUNK):
        buffer.write(chunk)
        if buffer.tell() > limit:
            raise CatalogError(code="download_too_large", params={"url": url[:200], "limit": str(limit)})
    return buffer.getvalue()


# --- module files ----------------------------------------------------------------------------


def download_release_file(
    catalog: Catalog,
    file: ReleaseFile,
    dest_dir: Path,
    *,
    session: requests.Session | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    cache: SfmCache | None = None,
) -> Path:
    """Put the file the catalog lists into ``dest_dir`` after checking its size and SHA-256.

    The file comes from the local ``.sfm`` cache when it holds the same SHA-256, else from
    its location resolved against ``catalog.source``. Returns the written path.

    Raises:
        CatalogError: unreachable, too large, or not the bytes the catalog promises.
    """
    location = resolve_location(catalog.source, file.location)
    label = _file_label(location)
    if file.size > MAX_FILE_BYTES:
        raise CatalogError(code="catalog_file_size_impossible", params={"file": label, "size": str(file.size)})
    store = cache or SfmCache()
    data = store.get(file.sha256)
    if data is None:
        data = _fetch_file(location, file, label, session, timeout)
        store.put(data)
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / _file_name(location, file.sha256)
    _write_checked(target, data, file.sha256)
    return target


def _fetch_file(
    location: str, file: ReleaseFile, label: str, session: requests.Session | None, timeout: float
) -> bytes:
    if is_remote_location(location):
        _check_url(location)
        with _session(session) as http:
            try:
                body = _http_get(http, location, file.size, timeout)
            except _FetchFailed as failure:
                raise CatalogError(code="module_download_failed", params={"file": label}, cause=failure.error) from None
        assert body is not None  # not optional: a 404 raises
        data = body
    else:
        try:
            data = read_bytes_limited(Path(location), file.size)
        except FileNotFoundError:
            raise CatalogError(code="module_file_missing", params={"file": label}) from None
        except ModManagerError:
            raise _mismatch(label, "too_large") from None
    if len(data) != file.size:
        raise _mismatch(label, "size", size=str(len(data)), expected=str(file.size))
    if hashlib.sha256(data).hexdigest() != file.sha256:
        raise _mismatch(label, "sha256")
    return data


def _mismatch(label: str, why: str, **params: str) -> CatalogError:
    """``why``: too_large, size (with ``size`` and ``expected``) or sha256."""
    return CatalogError(code="module_file_mismatch", params={"file": label, "why": why, **params})


def _write_checked(target: Path, data: bytes, sha256: str) -> None:
    """Write ``data`` to ``target``; read it back so a failing disk is noticed now, not at upload."""
    write_atomic(target, data, mode=0o644)
    if hashlib.sha256(read_bytes_limited(target, len(data))).hexdigest() != sha256:
        target.unlink(missing_ok=True)
        raise CatalogError(code="download_write_failed", params={"file": target.name})


def _file_label(location: str) -> str:
    """A short name for messages: the last path segment."""
    path = urlsplit(location).path if is_remote_location(location) else location
    return unquote(path.replace("\\", "/").rsplit("/", 1)[-1])[:120] or "(unnamed)"


def _file_name(location: str, sha256: str) -> str:
    """A safe local file name: the published one if it is plain, else one made from the SHA-256."""
    name = _file_label(location)
    return name if _SAFE_FILE_NAME.fullmatch(name) else f"{sha256[:16]}.sfm"
