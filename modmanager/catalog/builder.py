"""Build a catalog from a vendor's folder of ``.sfm`` files.

Vendors already publish their builds sorted into folders per STARFACE range (``8.X``,
``7.3-7.X``, ``9.X``), with NFR builds next to them. This turns such a tree into a catalog
without asking the vendor to write JSON by hand. The rules (also in docs/catalog-format.md):

- Every ``.sfm`` below the root is read from the file itself (id, names, vendor, version,
  description). Hostile or broken files become warnings and are left out.
- Folder names on a file's path that look like ranges (``8.X``) are its compatibility; the
  same bytes found in several range folders get the union; a file in no range folder is
  untested (no statement).
- A file whose name contains ``NFR`` (or ``nfr`` as a word, e.g. ``_nfr``) or that sits in
  an ``NFR`` folder is the NFR build of its release (same module id and version).
- ``CHANGELOG.md`` in a folder gives each release below it its entry (text, paid marker,
  date). Metadata files override everything else, the nearest one winning:
  ``module.json`` and ``release-<version>.json`` in any folder (for the files below it),
  then ``<file>.sfm.json`` next to a file. See :data:`METADATA_FIELDS`.
- Two different files claiming the same module id, version and flavour are an error.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from modmanager.core import safejson
from modmanager.core.catalog import (
    Catalog,
    CatalogModule,
    Channel,
    Release,
    ReleaseFile,
    dump_catalog,
    is_locale,
    parse_catalog,
)
from modmanager.core.changelog import ChangelogEntry, parse_changelog
from modmanager.core.errors import CatalogError, InvalidModuleFile, InvalidVersion
from modmanager.core.localfile import read_regular_file
from modmanager.core.messages.jsonwords import json_params
from modmanager.core.sfm import ModuleFile, read_sfm_path
from modmanager.core.versions import Compatibility, looks_like_range, parse_ranges

__all__ = ["METADATA_FIELDS", "build_catalog"]

METADATA_FIELDS: Mapping[str, str] = {
    "changelog": "text of this release's changelog entry",
    "channel": '"stable" or "pre-release"',
    "paid": "true when updating to this release needs a new module license key",
    "compatible": 'list of STARFACE ranges, e.g. ["8.X", "9.0-9.1.5"]; replaces the folder ranges',
    "incompatible": "list of STARFACE ranges the release must not be installed on",
    "date": "release date, YYYY-MM-DD",
    "displayVersion": 'the version as the vendor shows it, e.g. "v126" or "2025-07-29"',
    "nfrUserLicense": "true when the module honours an NFR user license",
    "description": "object locale -> text; replaces the description from the file",
}
"""Fields a metadata file (``module.json``, ``release-<version>.json``, ``<file>.sfm.json``) may set."""

_MAX_METADATA_BYTES = 1024 * 1024
_MAX_CHANGELOG_BYTES = 2 * 1024 * 1024
_NFR_WORD_RE = re.compile(r"(?<![a-z])nfr(?![a-z])", re.IGNORECASE)
_RELEASE_METADATA_RE = re.compile(r"release-(\d{1,18})\.json", re.IGNORECASE)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class _Build:
    """One distinct file (by SHA-256 and flavour), wherever it was found."""

    path: PurePosixPath
    """First place it was found, relative to the root."""
    module: ModuleFile
    nfr: bool
    compatibility: Compatibility
    folders: list[PurePosixPath] = field(default_factory=list)
    """Every folder it was found in (for metadata and changelogs)."""


def build_catalog(
    root: Path,
    *,
    name: str,
    base_url: str | None = None,
    catalog_dir: Path | None = None,
    generated: str | None = None,
) -> tuple[Catalog, list[str]]:
    """Build a catalog from the vendor tree at ``root``; returns it with warnings for people.

    Locations are posix paths relative to ``catalog_dir`` (default: ``root``, where the
    catalog file is meant to be written), or ``base_url`` + the path below ``root``.

    Raises:
        CatalogError: nothing valid found, conflicting builds, broken metadata, or a
            catalog file outside the tree without ``base_url``.
    """
    root = Path(root)
    if not root.is_dir():
        raise CatalogError(code="vendor_folder_missing", params={"folder": str(root)})
    if base_url is not None:
        _check_base_url(base_url)
    warnings: list[str] = []
    builds = _scan(root, warnings)
    if not builds:
        raise CatalogError(code="vendor_folder_empty", params={"folder": str(root), "skipped": str(len(warnings))})
    releases = _group_releases(builds)
    changelogs = _ChangelogFinder(root)
    metadata = _MetadataFinder(root)
    metadata.warn_orphans({build.path for build in builds}, warnings)

    def locate(build: _Build) -> ReleaseFile:
        return ReleaseFile(
            location=_location(root, build.path, base_url, catalog_dir),
            size=build.module.size,
            sha256=build.module.sha256,
        )

    by_module: dict[str, list[tuple[Release, Mapping[str, Any], ModuleFile]]] = {}
    for (module_key, version), flavours in releases.items():
        standard, nfr = flavours.get(False), flavours.get(True)
        main = standard or nfr
        assert main is not None  # a group exists only with at least one flavour
        compatibility = Compatibility()
        for build in (standard, nfr):
            if build is not None:
                compatibility = compatibility.union(build.compatibility)
        entry = changelogs.entry_for(main, version)
        overrides: dict[str, Any] = {}
        for build in (nfr, standard):
            if build is not None:
                overrides.update(metadata.for_build(build, version))
        release = Release(
            version=version,
            display_version=overrides.get("displayVersion", f"v{version}"),
            date=overrides.get("date") or (entry.date if entry else None) or _manifest_date(main.module),
            channel=Channel(overrides.get("channel", Channel.STABLE.value)),
            compatibility=_override_compatibility(compatibility, overrides),
            changelog=overrides.get("changelog", entry.text if entry else ""),
            paid=overrides.get("paid", entry.paid if entry else False),
            standard=locate(standard) if standard else None,
            nfr=locate(nfr) if nfr else None,
        )
        by_module.setdefault(module_key, []).append((release, overrides, main.module))

    modules = tuple(_module(items) for _, items in sorted(by_module.items()))
    stamp = generated or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    catalog = Catalog(name=name, generated=stamp, modules=modules, source=str(catalog_dir or root))
    # The builder must never publish what a client would refuse: check it as a client would.
    parse_catalog(dump_catalog(catalog), source=name)
    return catalog, warnings


def _check_base_url(base_url: str) -> None:
    parts = urlsplit(base_url)
    local_http = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not (parts.scheme == "https" and parts.hostname) and not local_http:
        raise CatalogError(code="base_url_invalid", params={"url": base_url[:100]})


# --- scanning ------------------------------------------------------------------------------


def _scan(root: Path, warnings: list[str]) -> list[_Build]:
    """Every distinct readable ``.sfm`` below ``root``, with its folder ranges and flavour."""
    found: dict[tuple[str, bool], _Build] = {}
    real_root = root.resolve()
    for relative in _sfm_paths(root):
        path = root.joinpath(*relative.parts)
        if path.is_symlink() and not path.resolve().is_relative_to(real_root):
            warnings.append(f"Skipped {relative}: it is a link to a file outside the vendor folder.")
            continue
        try:
            module = read_sfm_path(path, verify_entries=True)  # published files are checked whole
        except InvalidModuleFile as error:
            warnings.append(f"Skipped {relative}: {error.message}")
            continue
        nfr = _is_nfr(relative)
        compatibility = _folder_compatibility(relative.parent)
        key = (module.sha256, nfr)
        if key in found:
            build = found[key]
            build.compatibility = build.compatibility.union(compatibility)
            build.folders.append(relative.parent)
        else:
            found[key] = _Build(relative, module, nfr, compatibility, [relative.parent])
    return list(found.values())


def _sfm_paths(root: Path) -> Iterable[PurePosixPath]:
    """Relative paths of ``.sfm`` files, sorted so the output does not depend on the file system."""
    paths: list[PurePosixPath] = []
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        relative_folder = PurePosixPath(Path(folder).relative_to(root).as_posix())
        paths.extend(relative_folder / name for name in files if name.lower().endswith(".sfm"))
    return sorted(paths)


def _is_nfr(relative: PurePosixPath) -> bool:
    if "NFR" in relative.name or _NFR_WORD_RE.search(relative.name):
        return True
    return any(part.lower() == "nfr" for part in relative.parent.parts)


def _folder_compatibility(folder: PurePosixPath) -> Compatibility:
    compatibility = Compatibility()
    for part in folder.parts:
        if looks_like_range(part):
            compatibility = compatibility.union(Compatibility(parse_ranges(part)))
    return compatibility


def _group_releases(builds: list[_Build]) -> dict[tuple[str, int], dict[bool, _Build]]:
    """Builds by (module id, version) and flavour; two different files for one slot are an error."""
    releases: dict[tuple[str, int], dict[bool, _Build]] = {}
    for build in builds:
        descriptor = build.module.descriptor
        slot = releases.setdefault((descriptor.id.lower(), descriptor.version), {})
        other = slot.get(build.nfr)
        if other is not None:
            raise CatalogError(
                code="duplicate_build",
                params={
                    "first": str(other.path),
                    "second": str(build.path),
                    "flavour": "nfr" if build.nfr else "standard",
                    "module": descriptor.id,
                    "version": str(descriptor.version),
                },
            )
        slot[build.nfr] = build
    return releases


def _location(root: Path, path: PurePosixPath, base_url: str | None, catalog_dir: Path | None) -> str:
    if base_url is not None:
        return base_url.rstrip("/") + "/" + quote(path.as_posix(), safe="/")
    if catalog_dir is None:
        return path.as_posix()
    absolute = os.path.abspath(root.joinpath(*path.parts))
    try:
        relative = os.path.relpath(absolute, os.path.abspath(catalog_dir))
    except ValueError:  # another drive on Windows
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        raise CatalogError(code="catalog_outside_vendor_folder", params={"path": str(path), "folder": str(catalog_dir)})
    return PurePosixPath(Path(relative).as_posix()).as_posix()


def _manifest_date(module: ModuleFile) -> str | None:
    """The build date from the manifest's ``Create-Date`` (``2025-08-12T09:31:47+02:00``)."""
    candidate = (module.manifest.create_date or "")[:10]
    return candidate if _valid_date(candidate) else None


def _override_compatibility(compatibility: Compatibility, overrides: Mapping[str, Any]) -> Compatibility:
    compatible = overrides.get("compatible")
    incompatible = overrides.get("incompatible")
    return Compatibility(
        compatible if compatible is not None else compatibility.compatible,
        incompatible if incompatible is not None else compatibility.incompatible,
    )


def _module(items: list[tuple[Release, Mapping[str, Any], ModuleFile]]) -> CatalogModule:
    """The module entry, its names and texts taken from the newest release's file."""
    items.sort(key=lambda item: item[0].version, reverse=True)
    _, newest_overrides, newest_file = items[0]
    descriptor = newest_file.descriptor
    locale = descriptor.default_locale if descriptor.default_locale and is_locale(descriptor.default_locale) else "en"
    names = {key: value for key, value in descriptor.names.items() if is_locale(key) and value.strip()}
    names.setdefault(locale, descriptor.name)
    description = newest_overrides.get("description")
    if description is None:
        description = {locale: descriptor.description.strip()} if descriptor.description.strip() else {}
    nfr_user_license = next(
        (bool(overrides["nfrUserLicense"]) for _, overrides, _ in items if "nfrUserLicense" in overrides), False
    )
    return CatalogModule(
        id=descriptor.id,
        names=names,
        vendor=descriptor.vendor,
        description=description,
        releases=tuple(release for release, _, _ in items),
        nfr_user_license=nfr_user_license,
    )


# --- changelogs and metadata -------------------------------------------------------------


class _ChangelogFinder:
    """The nearest ``CHANGELOG.md`` above a build, parsed once per folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.parsed: dict[PurePosixPath, tuple[ChangelogEntry, ...] | None] = {}

    def entry_for(self, build: _Build, version: int) -> ChangelogEntry | None:
        for folder in _folders_nearest_first(build.folders):
            entries = self._entries(folder)
            if entries is not None:
                return next((entry for entry in entries if entry.module_version == version), None)
        return None

    def _entries(self, folder: PurePosixPath) -> tuple[ChangelogEntry, ...] | None:
        if folder not in self.parsed:
            path = _find_case_insensitive(self.root.joinpath(*folder.parts), "changelog.md")
            if path is None:
                self.parsed[folder] = None
            else:
                text = _read_limited(path, _MAX_CHANGELOG_BYTES, self.root).decode("utf-8", "replace")
                self.parsed[folder] = parse_changelog(text)
        return self.parsed[folder]


class _MetadataFinder:
    """Metadata files, validated once, applied nearest-last so the nearest wins."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.loaded: dict[Path, dict[str, Any] | None] = {}

    def for_build(self, build: _Build, version: int) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        folder = build.path.parent
        chain = [folder, *folder.parents]
        chain.reverse()  # root first, nearest last
        for file_name in ("module.json", f"release-{version}.json"):
            for step in chain:
                merged.update(self._load(self.root.joinpath(*step.parts, file_name)) or {})
        merged.update(self._load(self.root.joinpath(*build.path.parts).with_name(build.path.name + ".json")) or {})
        return merged

    def warn_orphans(self, sfm_paths: set[PurePosixPath], warnings: list[str]) -> None:
        """Mention ``<file>.sfm.json`` files whose module file is missing or was skipped."""
        for folder, _, files in os.walk(self.root):
            relative = PurePosixPath(Path(folder).relative_to(self.root).as_posix())
            for name in sorted(files):
                if name.lower().endswith(".sfm.json") and relative / name[: -len(".json")] not in sfm_paths:
                    warnings.append(f"Ignored {relative / name}: there is no valid module file {name[:-5]} next to it.")

    def _load(self, path: Path) -> dict[str, Any] | None:
        if path not in self.loaded:
            self.loaded[path] = _read_metadata(path, self.root) if path.is_file() else None
        return self.loaded[path]


def _folders_nearest_first(folders: list[PurePosixPath]) -> list[PurePosixPath]:
    ordered: list[PurePosixPath] = []
    for folder in folders:
        for step in (folder, *folder.parents):
            if step not in ordered:
                ordered.append(step)
    ordered.sort(key=lambda step: len(step.parts), reverse=True)
    return ordered


def _find_case_insensitive(folder: Path, name: str) -> Path | None:
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return None
    match = next((entry for entry in entries if entry.lower() == name), None)
    return folder / match if match is not None and (folder / match).is_file() else None


def _read_limited(path: Path, limit: int, root: Path) -> bytes:
    label = path.relative_to(root).as_posix()
    try:
        return read_regular_file(path, limit, error=CatalogError, shown=label)
    except FileNotFoundError as error:
        detail = error.strerror or type(error).__name__
        raise CatalogError(
            code="file_unreadable",
            params={"what": "file", "path": label, "reason": detail, "errno": "ENOENT"},
        ) from None


def _read_metadata(path: Path, root: Path) -> dict[str, Any]:
    """Read and check one metadata file; every problem is an error naming the file and field."""
    label = path.relative_to(root).as_posix()

    def fail(problem: str, field: str = "", cause: InvalidVersion | None = None) -> CatalogError:
        """``problem``: a key of ``metadata_invalid``'s words, about ``field``."""
        return CatalogError(
            code="metadata_invalid", params={"file": label, "problem": problem, "field": field}, cause=cause
        )

    try:
        value = safejson.loads(_read_limited(path, _MAX_METADATA_BYTES, root), max_bytes=_MAX_METADATA_BYTES)
    except safejson.JsonProblem as problem:
        raise CatalogError(code="metadata_invalid", params={"file": label, **json_params(problem)}) from None
    if not isinstance(value, dict):
        raise fail("not_object")
    checked: dict[str, Any] = {}
    for key, item in value.items():
        if key not in METADATA_FIELDS:
            raise fail("unknown_field", key[:40])
        if key in ("paid", "nfrUserLicense"):
            if not isinstance(item, bool):
                raise fail("not_flag", key)
            checked[key] = item
        elif key == "channel":
            if item not in (Channel.STABLE.value, Channel.PRERELEASE.value):
                raise fail("bad_channel", key)
            checked[key] = item
        elif key in ("compatible", "incompatible"):
            if not isinstance(item, list) or not all(isinstance(text, str) for text in item):
                raise fail("not_list", key)
            try:
                checked[key] = tuple(version_range for text in item for version_range in parse_ranges(text))
            except InvalidVersion as error:
                raise fail("bad_range", key, cause=error) from None
        elif key == "description":
            if not isinstance(item, dict) or not all(
                isinstance(text, str) and is_locale(locale) for locale, text in item.items()
            ):
                raise fail("bad_description", key)
            checked[key] = item
        elif key == "date":
            if not isinstance(item, str) or not _valid_date(item):
                raise fail("bad_date", key)
            checked[key] = item
        else:
            if not isinstance(item, str) or (key == "displayVersion" and not item.strip()):
                raise fail("not_text", key)
            checked[key] = item
    return checked


def _valid_date(text: str) -> bool:
    if not _DATE_RE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
