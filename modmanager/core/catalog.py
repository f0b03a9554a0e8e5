"""Module catalogs: the model, its JSON form (see docs/catalog-format.md) and its signature.

A catalog lists modules and their releases with STARFACE compatibility, changelog, paid
flag and the files (standard and NFR build) with size and SHA-256. Catalogs come from
vendors over the network, so :func:`parse_catalog` trusts nothing: every field is checked
by hand against the documented schema and the first problem becomes one
:class:`CatalogError` naming the field (``modules[3].releases[1].files.standard.sha256``).

A catalog is signed with Ed25519: the signature file holds the base64 of a detached
signature over the exact catalog bytes, and :func:`verify_catalog` accepts it only if one of
the trusted public keys made it.

Pure: functions take and return bytes; reading and writing files is the caller's job.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from modmanager.core import safejson
from modmanager.core.errors import CatalogError, InvalidVersion, ModManagerError
from modmanager.core.messages.jsonwords import json_params
from modmanager.core.versions import Compatibility

__all__ = [
    "FORMAT_VERSION",
    "MAX_CATALOG_BYTES",
    "MAX_RELEASE_FILE_BYTES",
    "Catalog",
    "CatalogModule",
    "Channel",
    "Release",
    "ReleaseFile",
    "dump_catalog",
    "generate_signing_key",
    "is_locale",
    "is_remote_location",
    "merge_catalogs",
    "parse_catalog",
    "public_key_of",
    "resolve_location",
    "sign_catalog",
    "verify_catalog",
]

FORMAT_VERSION = 1
MAX_CATALOG_BYTES = 20 * 1024 * 1024
"""Catalogs larger than this are refused before parsing (a real one is a few hundred KB)."""
MAX_RELEASE_FILE_BYTES = 256 * 1024 * 1024
"""Largest file size a catalog may announce; real ``.sfm`` files are below 1 MB."""

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_MODULE_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_LOCALE_RE = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_MAX_TEXT = 1024
_MAX_CHANGELOG = 256 * 1024
_MAX_LOCATION = 2048
_SIGNATURE_BYTES = 64
_PUBLIC_KEY_BYTES = 32
_EXTENSION_PREFIX = "x-"


class Channel(enum.StrEnum):
    """Whether a release is meant for everyone or for those who opted into pre-releases."""

    STABLE = "stable"
    PRERELEASE = "pre-release"


@dataclass(frozen=True)
class ReleaseFile:
    """One downloadable build of a release."""

    location: str
    """An absolute https URL, or a posix path relative to the catalog's own location."""
    size: int
    sha256: str
    """Lowercase hex."""


@dataclass(frozen=True)
class Release:
    """One version of a module as the catalog describes it."""

    version: int
    display_version: str
    date: str | None
    channel: Channel
    compatibility: Compatibility
    changelog: str
    paid: bool
    """The catalog's explicit flag; a paid marker in ``changelog`` also makes a release paid."""
    standard: ReleaseFile | None
    nfr: ReleaseFile | None


@dataclass(frozen=True)
class CatalogModule:
    """A module (stable id across versions) with its releases, newest first."""

    id: str
    names: Mapping[str, str]
    vendor: str
    description: Mapping[str, str]
    releases: tuple[Release, ...]
    nfr_user_license: bool = False

    def display_name(self, locale: str) -> str:
        """The name for ``locale`` (``de``, ``de_DE``), else English, German, any name, the id."""
        return _localized(self.names, locale) or self.id

    def display_description(self, locale: str) -> str:
        """The description for ``locale`` with the same fallbacks as :meth:`display_name`."""
        return _localized(self.description, locale)

    def release(self, version: int) -> Release | None:
        """The release with this integer version, if the catalog lists it."""
        return next((item for item in self.releases if item.version == version), None)


@dataclass(frozen=True)
class Catalog:
    """A parsed, validated catalog."""

    name: str
    generated: str
    modules: tuple[CatalogModule, ...]
    source: str = field(default="", compare=False)
    """The catalog file's URL or the local folder holding it; relative locations resolve against it."""

    def module(self, module_id: str) -> CatalogModule | None:
        """The module with this id (UUIDs compare case-insensitively)."""
        wanted = module_id.lower()
        return next((item for item in self.modules if item.id.lower() == wanted), None)


def _localized(texts: Mapping[str, str], locale: str) -> str:
    language = re.split(r"[_-]", locale, maxsplit=1)[0]
    for candidate in (locale, language, "en", "de"):
        if texts.get(candidate):
            return texts[candidate]
    return next((text for text in texts.values() if text), "")


def is_locale(text: str) -> bool:
    """True for locale keys a catalog accepts (``de``, ``en``, ``de_DE``, ``en-US``)."""
    return bool(_LOCALE_RE.fullmatch(text))


# --- locations -------------------------------------------------------------------------


def is_remote_location(location: str) -> bool:
    """True for ``http(s)://`` locations, False for (relative or local) paths."""
    return urlsplit(location).scheme.lower() in ("http", "https")


def resolve_location(source: str, location: str) -> str:
    """Where a file really is: ``location`` as is when absolute, else relative to ``source``.

    ``source`` is a catalog URL (the file's own URL) or a local folder. Relative locations
    are plain paths, so they are percent-encoded when joined to a URL. Absolute local paths
    (only ever produced by :func:`merge_catalogs`, never accepted from a catalog) stay as they are.
    """
    if is_remote_location(location) or os.path.isabs(location) or not source:
        return location
    if is_remote_location(source):
        return urljoin(source, quote(location, safe="/"))
    return os.path.join(source, *location.split("/"))


def _location_problem(location: str) -> str | None:
    """Why ``location`` is not allowed in a catalog (a problem key of ``catalog_invalid``, whose
    words may name ``limit`` and ``scheme``), or None if it is."""
    if not location or len(location) > _MAX_LOCATION:
        return "location_length"
    if any(ord(char) < 32 or ord(char) == 127 for char in location):
        return "location_control"
    parts = urlsplit(location)
    scheme = parts.scheme.lower()
    if scheme == "https":
        return None if parts.hostname else "location_no_host"
    if scheme == "http":
        if parts.hostname in _LOCAL_HOSTS:
            return None
        return "location_http"
    if scheme and not _DRIVE_RE.match(location):
        return "location_scheme"
    if "\\" in location:
        return "location_backslash"
    if location.startswith("/") or _DRIVE_RE.match(location):
        return "location_absolute"
    if any(segment in ("", ".", "..") for segment in location.split("/")):
        return "location_unclean"
    return None


# --- parsing ---------------------------------------------------------------------------


class _Reader:
    """Checks one JSON value against the schema, naming the path in every error."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, path: str, problem: str, *, cause: ModManagerError | None = None, **params: str) -> CatalogError:
        """``path`` (""  for the top level) has ``problem``, a key of ``catalog_invalid``'s words."""
        return CatalogError(
            code="catalog_invalid",
            params={"catalog": self.label, "path": path, "problem": problem, **params},
            cause=cause,
        )

    def obj(self, value: object, path: str, required: Sequence[str], optional: Sequence[str] = ()) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, "not_object")
        for key in required:
            if key not in value:
                raise self.fail(f"{path}.{key}" if path else key, "missing")
        allowed = {*required, *optional}
        for key in value:
            if key not in allowed and not key.startswith(_EXTENSION_PREFIX):
                raise self.fail(f"{path}.{key}" if path else key, "unknown_field")
        return value

    def text(self, value: object, path: str, *, limit: int = _MAX_TEXT, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "not_text")
        if not empty and not value.strip():
            raise self.fail(path, "empty")
        if len(value) > limit:
            raise self.fail(path, "too_long", limit=str(limit))
        return value

    def flag(self, value: object, path: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, "not_flag")
        return value

    def integer(self, value: object, path: str, *, maximum: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(path, "not_number")
        if value < 0:
            raise self.fail(path, "negative")
        if value > maximum:
            raise self.fail(path, "too_big", limit=str(maximum))
        return value

    def locale_texts(self, value: object, path: str, *, limit: int, need_one: bool) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(path, "not_locale_texts")
        texts: dict[str, str] = {}
        for key, text in value.items():
            if not is_locale(key):
                raise self.fail(f"{path}.{key[:20]}", "not_locale")
            texts[key] = self.text(text, f"{path}.{key}", limit=limit, empty=True)
        if need_one and not any(text.strip() for text in texts.values()):
            raise self.fail(path, "no_text")
        return texts


def parse_catalog(data: bytes, *, source: str = "") -> Catalog:
    """Read and strictly validate catalog JSON; raises :class:`CatalogError` naming the first problem."""
    label = source or "(unnamed)"
    reader = _Reader(label)
    if len(data) > MAX_CATALOG_BYTES:
        raise CatalogError(
            code="catalog_too_large", params={"catalog": label, "limit_mb": str(MAX_CATALOG_BYTES // (1024 * 1024))}
        )
    try:
        document = safejson.loads(data, max_bytes=MAX_CATALOG_BYTES)
    except safejson.JsonProblem as problem:
        raise CatalogError(code="catalog_unreadable", params={"catalog": label, **json_params(problem)}) from None
    top = reader.obj(document, "", ("formatVersion", "name", "generated", "modules"))
    format_version = top["formatVersion"]
    if not isinstance(format_version, int) or isinstance(format_version, bool):
        raise reader.fail("formatVersion", "not_number")
    if format_version != FORMAT_VERSION:
        raise CatalogError(
            code="catalog_format_version",
            params={"catalog": label, "version": str(format_version), "supported": str(FORMAT_VERSION)},
        )
    generated = reader.text(top["generated"], "generated")
    try:
        dt.datetime.fromisoformat(generated)
    except ValueError:
        raise reader.fail("generated", "not_datetime") from None
    modules_value = top["modules"]
    if not isinstance(modules_value, list):
        raise reader.fail("modules", "not_list")
    modules: list[CatalogModule] = []
    seen_ids: dict[str, int] = {}
    for index, module_value in enumerate(modules_value):
        path = f"modules[{index}]"
        module = _parse_module(reader, module_value, path)
        key = module.id.lower()
        if key in seen_ids:
            raise reader.fail(f"{path}.id", "repeated_id", other=f"modules[{seen_ids[key]}]")
        seen_ids[key] = index
        modules.append(module)
    return Catalog(
        name=reader.text(top["name"], "name"),
        generated=generated,
        modules=tuple(modules),
        source=source,
    )


def _parse_module(reader: _Reader, value: object, path: str) -> CatalogModule:
    item = reader.obj(value, path, ("id", "names", "vendor", "releases"), ("description", "nfrUserLicense"))
    module_id = reader.text(item["id"], f"{path}.id")
    if not _MODULE_ID_RE.fullmatch(module_id):
        raise reader.fail(f"{path}.id", "not_module_id")
    releases_value = item["releases"]
    if not isinstance(releases_value, list):
        raise reader.fail(f"{path}.releases", "not_list")
    if not releases_value:
        raise reader.fail(f"{path}.releases", "empty")
    releases: list[Release] = []
    seen_versions: dict[int, int] = {}
    for index, release_value in enumerate(releases_value):
        release_path = f"{path}.releases[{index}]"
        release = _parse_release(reader, release_value, release_path)
        if release.version in seen_versions:
            raise reader.fail(
                f"{release_path}.version",
                "repeated_version",
                version=str(release.version),
                other=f"{path}.releases[{seen_versions[release.version]}]",
            )
        seen_versions[release.version] = index
        releases.append(release)
    return CatalogModule(
        id=module_id,
        names=reader.locale_texts(item["names"], f"{path}.names", limit=_MAX_TEXT, need_one=True),
        vendor=reader.text(item["vendor"], f"{path}.vendor", empty=True),
        description=reader.locale_texts(
            item.get("description", {}), f"{path}.description", limit=_MAX_CHANGELOG, need_one=False
        ),
        releases=tuple(sorted(releases, key=lambda release: release.version, reverse=True)),
        nfr_user_license=reader.flag(item.get("nfrUserLicense", False), f"{path}.nfrUserLicense"),
    )


def _parse_release(reader: _Reader, value: object, path: str) -> Release:
    item = reader.obj(
        value,
        path,
        ("version", "files"),
        ("displayVersion", "date", "channel", "compatibility", "changelog", "paid"),
    )
    version = reader.integer(item["version"], f"{path}.version", maximum=10**18 - 1)
    date = item.get("date")
    if date is not None:
        date = reader.text(date, f"{path}.date")
        try:
            valid_date = bool(_DATE_RE.fullmatch(date)) and dt.date.fromisoformat(date) is not None
        except ValueError:
            valid_date = False
        if not valid_date:
            raise reader.fail(f"{path}.date", "not_date")
    channel_text = item.get("channel", Channel.STABLE.value)
    try:
        channel = Channel(channel_text)
    except ValueError:
        raise reader.fail(f"{path}.channel", "bad_channel") from None
    try:
        compatibility = Compatibility.from_json(item.get("compatibility", {}))
    except InvalidVersion as error:
        raise reader.fail(f"{path}.compatibility", "bad_compatibility", cause=error) from None
    files = reader.obj(item["files"], f"{path}.files", (), ("standard", "nfr"))
    standard = _parse_file(reader, files.get("standard"), f"{path}.files.standard")
    nfr = _parse_file(reader, files.get("nfr"), f"{path}.files.nfr")
    if standard is None and nfr is None:
        raise reader.fail(f"{path}.files", "no_file")
    return Release(
        version=version,
        display_version=reader.text(item.get("displayVersion", f"v{version}"), f"{path}.displayVersion"),
        date=date,
        channel=channel,
        compatibility=compatibility,
        changelog=reader.text(item.get("changelog", ""), f"{path}.changelog", limit=_MAX_CHANGELOG, empty=True),
        paid=reader.flag(item.get("paid", False), f"{path}.paid"),
        standard=standard,
        nfr=nfr,
    )


def _parse_file(reader: _Reader, value: object, path: str) -> ReleaseFile | None:
    if value is None:
        return None
    item = reader.obj(value, path, ("location", "size", "sha256"))
    location = reader.text(item["location"], f"{path}.location", limit=_MAX_LOCATION)
    problem = _location_problem(location)
    if problem is not None:
        scheme = urlsplit(location).scheme.lower()
        raise reader.fail(f"{path}.location", problem, limit=str(_MAX_LOCATION), scheme=scheme)
    sha256 = reader.text(item["sha256"], f"{path}.sha256", limit=64)
    if not _SHA256_RE.fullmatch(sha256):
        raise reader.fail(f"{path}.sha256", "not_sha256")
    size = reader.integer(item["size"], f"{path}.size", maximum=MAX_RELEASE_FILE_BYTES)
    return ReleaseFile(location=location, size=size, sha256=sha256)


# --- writing ---------------------------------------------------------------------------


def dump_catalog(catalog: Catalog) -> bytes:
    """Canonical JSON: sorted keys, UTF-8, two-space indent, newline at the end.

    The same catalog always gives the same bytes, so a signature stays valid for it.
    """
    document = {
        "formatVersion": FORMAT_VERSION,
        "name": catalog.name,
        "generated": catalog.generated,
        "modules": [_module_json(module) for module in catalog.modules],
    }
    return (json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _module_json(module: CatalogModule) -> dict[str, object]:
    return {
        "id": module.id,
        "names": dict(module.names),
        "vendor": module.vendor,
        "description": dict(module.description),
        "nfrUserLicense": module.nfr_user_license,
        "releases": [_release_json(release) for release in module.releases],
    }


def _release_json(release: Release) -> dict[str, object]:
    files: dict[str, object] = {}
    for flavour, item in (("standard", release.standard), ("nfr", release.nfr)):
        if item is not None:
            files[flavour] = {"location": item.location, "size": item.size, "sha256": item.sha256}
    return {
        "version": release.version,
        "displayVersion": release.display_version,
        "date": release.date,
        "channel": release.channel.value,
        "compatibility": release.compatibility.to_json(),
        "changelog": release.changelog,
        "paid": release.paid,
        "files": files,
    }


# --- merging ---------------------------------------------------------------------------


def merge_catalogs(catalogs: Sequence[Catalog]) -> tuple[CatalogModule, ...]:
    """One entry per module id across catalogs, earlier catalogs taking precedence.

    Names, vendor and description come from the first catalog listing the module; a release
    version listed by several catalogs is taken from the first. Relative file locations are
    resolved against their own catalog's ``source`` so the merged releases stand alone.
    """
    merged: dict[str, CatalogModule] = {}
    for catalog in catalogs:
        for module in catalog.modules:
            resolved = _with_resolved_files(module, catalog.source)
            key = module.id.lower()
            existing = merged.get(key)
            if existing is None:
                merged[key] = resolved
                continue
            known = {release.version for release in existing.releases}
            extra = tuple(release for release in resolved.releases if release.version not in known)
            releases = tuple(sorted((*existing.releases, *extra), key=lambda item: item.version, reverse=True))
            merged[key] = replace(existing, releases=releases)
    return tuple(merged.values())


def _with_resolved_files(module: CatalogModule, source: str) -> CatalogModule:
    if not source:
        return module  # Nothing to resolve against: locations stay as they are (no copies).

    def resolved(item: ReleaseFile | None) -> ReleaseFile | None:
        return None if item is None else replace(item, location=resolve_location(source, item.location))

    releases = tuple(
        replace(release, standard=resolved(release.standard), nfr=resolved(release.nfr)) for release in module.releases
    )
    return replace(module, releases=releases)


# --- signatures ------------------------------------------------------------------------


def generate_signing_key() -> tuple[bytes, bytes]:
    """A new Ed25519 key pair: (private key as unencrypted PKCS8 PEM, public key as base64 of 32 raw bytes)."""
    private_key = Ed25519PrivateKey.generate()
    private_pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return private_pem, public_key_of(private_pem)


def public_key_of(private_key: bytes) -> bytes:
    """The base64 public key that belongs to a PEM private key."""
    raw = (
        _load_private_key(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return base64.b64encode(raw)


def sign_catalog(data: bytes, private_key: bytes) -> bytes:
    """The signature file content for ``data``: base64 of the Ed25519 signature plus a newline."""
    signature = _load_private_key(private_key).sign(data)
    return base64.b64encode(signature) + b"\n"


def _load_private_key(private_key: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(private_key, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise CatalogError(code="signing_key_invalid")
    return key


def _load_public_key(public_key: bytes | str, position: int) -> Ed25519PublicKey:
    text = public_key.decode("ascii", "replace") if isinstance(public_key, bytes) else public_key
    try:
        raw = base64.b64decode("".join(text.split()), validate=True)
        if len(raw) != _PUBLIC_KEY_BYTES:
            raise ValueError("wrong length")
        return Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error):
        raise CatalogError(code="public_key_invalid", params={"position": str(position)}) from None


def verify_catalog(data: bytes, signature: bytes, public_keys: Sequence[bytes | str], *, source: str = "") -> None:
    """Accept ``data`` only if ``signature`` was made over it by one of ``public_keys``.

    Raises :class:`CatalogError` for a missing, malformed, tampered or foreign signature.
    """
    label = source or "(unnamed)"
    keys = [_load_public_key(key, position) for position, key in enumerate(public_keys, start=1)]

    def refuse(why: str) -> CatalogError:
        """``why``: no_signature, no_key, damaged or mismatch (each has its own hint)."""
        return CatalogError(code="catalog_not_signed", params={"catalog": label, "why": why})

    if not signature.strip():
        raise refuse("no_signature")
    if not keys:
        raise refuse("no_key")
    try:
        raw_signature = base64.b64decode(b"".join(signature.split()), validate=True)
    except (ValueError, binascii.Error):
        raw_signature = b""
    if len(raw_signature) != _SIGNATURE_BYTES:
        raise refuse("damaged")
    for key in keys:
        try:
            key.verify(raw_signature, data)
        except InvalidSignature:
            continue
        return
    raise refuse("mismatch")
