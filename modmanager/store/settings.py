"""Application settings: one declarative schema, validated in one place.

Settings are stored as JSON in :func:`~modmanager.store.paths.config_path`. They hold no
secrets (passwords and keys live in :mod:`modmanager.store.credentials`).

Keys this version does not know are kept and written back unchanged, so running an older
modmanager against a settings file written by a newer one does not lose the newer options.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modmanager.core import safejson
from modmanager.core.errors import StoreError
from modmanager.core.localfile import read_problem
from modmanager.store.atomic import read_bytes_limited, write_atomic
from modmanager.store.paths import config_path

LANGUAGES = ("", "de", "en")
"""Interface languages; ``""`` follows the system locale."""

MAX_CONCURRENCY = 32
MAX_READ_CONCURRENCY = 256
_MAX_SETTINGS_BYTES = 1024 * 1024
_ED25519_PUBLIC_KEY_BYTES = 32


@dataclass(frozen=True)
class CatalogSource:
    """Where a catalog of module releases comes from.

    ``location`` is an http(s) URL or a local folder. ``public_key`` (base64 Ed25519) is the
    key the catalog must be signed with; ``trusted_unsigned`` lets a local folder be used
    without a signature because the user explicitly trusts it (never allowed for URLs).
    """

    name: str
    location: str
    public_key: str = ""
    trusted_unsigned: bool = False

    @property
    def is_remote(self) -> bool:
        """True when the catalog is fetched over the network."""
        return _is_url(self.location)


@dataclass(frozen=True)
class SettingSpec:
    """One row of the settings schema: what a key means and what it accepts."""

    key: str
    type_name: str
    default: Any
    description: str
    convert: Callable[[str, Any], Any] = field(repr=False)


def _invalid(key: str, problem: str, **params: str) -> StoreError:
    """The setting ``key`` has ``problem``, a key of ``setting_invalid``'s words (with its ``params``)."""
    return StoreError(code="setting_invalid", params={"key": key, "problem": problem, **params})


def _as_language(key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in LANGUAGES:
        raise _invalid(key, "language")
    return value


def _as_bool(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _invalid(key, "flag")
    return value


def _int_between(low: int, high: int | None) -> Callable[[str, Any], int]:
    def convert(key: str, value: Any) -> int:
        in_range = isinstance(value, int) and not isinstance(value, bool) and value >= low
        if not in_range or (high is not None and value > high):
            if high is not None:
                raise _invalid(key, "number_range", low=str(low), high=str(high))
            raise _invalid(key, "number_min", low=str(low))
        return int(value)

    return convert


def _as_text(max_length: int) -> Callable[[str, Any], str]:
    def convert(key: str, value: Any) -> str:
        if not isinstance(value, str) or len(value) > max_length or any(ch in value for ch in "\r\n\0"):
            raise _invalid(key, "text_line", limit=str(max_length))
        return value.strip()

    return convert


SMTP_SECURITY = ("starttls", "tls")
"""How the e-mail summary reaches the SMTP server: STARTTLS on a plain port, or TLS from the start."""


def _as_smtp_security(key: str, value: Any) -> str:
    if value not in SMTP_SECURITY:
        raise _invalid(key, "smtp_security")
    return str(value)


def _as_addresses(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise _invalid(key, "addresses")
    addresses = tuple(item.strip() for item in value if item.strip())
    for address in addresses:
        local, at, domain = address.rpartition("@")
        if not at or not local or "." not in domain or any(ch.isspace() or ch in "<>,;" for ch in address):
            raise _invalid(key, "address", address=address[:200])
    return addresses


def _as_base64_text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _invalid(key, "text")
    if value:
        try:
            base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise _invalid(key, "base64") from None
    return value


def _as_markers(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(item, str) for item in value):
        raise _invalid(key, "texts")
    markers = tuple(item.strip() for item in value)
    if any(not marker for marker in markers):
        raise _invalid(key, "empty_marker")
    return markers


def _as_catalog_sources(key: str, value: Any) -> tuple[CatalogSource, ...]:
    if not isinstance(value, list | tuple):
        raise _invalid(key, "sources")
    sources = tuple(_as_catalog_source(key, item) for item in value)
    names = [source.name for source in sources]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise _invalid(key, "source_twice", source=duplicates[0][:80])
    return sources


def _as_catalog_source(key: str, value: Any) -> CatalogSource:
    if isinstance(value, CatalogSource):
        value = dataclasses.asdict(value)
    if not isinstance(value, Mapping):
        raise _invalid(key, "source_not_object")
    unknown = set(value) - {"name", "location", "public_key", "trusted_unsigned"}
    if unknown:
        raise _invalid(key, "source_unknown_field", field=sorted(unknown)[0][:40])
    name = value.get("name")
    location = value.get("location")
    public_key = value.get("public_key", "")
    trusted_unsigned = value.get("trusted_unsigned", False)
    if not isinstance(name, str) or not name.strip():
        raise _invalid(key, "source_no_name")
    label = name.strip()[:80]
    if not isinstance(location, str) or not location.strip():
        raise _invalid(key, "source_no_location", source=label)
    if not isinstance(public_key, str):
        raise _invalid(key, "source_key_not_text", source=label)
    if public_key and not _is_ed25519_public_key(public_key):
        raise _invalid(key, "source_key_invalid", source=label)
    if not isinstance(trusted_unsigned, bool):
        raise _invalid(key, "source_trust_not_flag", source=label)
    if trusted_unsigned and _is_url(location.strip()):
        raise _invalid(key, "source_unsigned_remote", source=label)
    return CatalogSource(name.strip(), location.strip(), public_key, trusted_unsigned)


def _is_url(location: str) -> bool:
    return location.lower().startswith(("https://", "http://"))


def _is_ed25519_public_key(text: str) -> bool:
    try:
        return len(base64.b64decode(text, validate=True)) == _ED25519_PUBLIC_KEY_BYTES
    except (binascii.Error, ValueError):
        return False


SETTINGS_SCHEMA: tuple[SettingSpec, ...] = (
    SettingSpec("language", "str", "", 'Interface language: "" follows the system, "de" or "en".',
                _as_language),
    SettingSpec("prerelease_channel", "bool", False,
                "Offer pre-release module builds as updates.", _as_bool),
    SettingSpec("concurrency", "int", 4,
                f"How many PBXs are worked on at once (1 to {MAX_CONCURRENCY}).",
                _int_between(1, MAX_CONCURRENCY)),
    SettingSpec("read_concurrency", "int", 256,
                f"How many PBXs a refresh reads at once (1 to {MAX_READ_CONCURRENCY}); reading changes nothing.",
                _int_between(1, MAX_READ_CONCURRENCY)),
    SettingSpec("backup_retention", "int", 10,
                "How many settings backups are kept per module instance (1 or more).",
                _int_between(1, None)),
    SettingSpec("catalog_sources", "list[CatalogSource]", (),
                "Catalogs of module releases: name, location (URL or folder), public_key "
                "(base64 Ed25519) and trusted_unsigned (local folders only).",
                _as_catalog_sources),
    SettingSpec("window_geometry", "str", "", "Main window geometry (base64, kept by the GUI).",
                _as_base64_text),
    SettingSpec("paid_markers", "list[str]", (),
                "Changelog words that mark a paid update; empty uses the built-in markers.",
                _as_markers),
    SettingSpec("debug_logging", "bool", False,
                "Write detailed (DEBUG) entries to the log file; applies from the next start.", _as_bool),
    SettingSpec("health_check_seconds", "int", 0,
                "Seconds to wait after an update before its health check (0 to 600), for modules "
                "that take a while to start.", _int_between(0, 600)),
    SettingSpec("notify_email", "bool", False,
                "Send an e-mail summary after each scheduled run (needs the smtp_* settings).", _as_bool),
    SettingSpec("smtp_host", "str", "", "SMTP server for the e-mail summary.", _as_text(253)),
    SettingSpec("smtp_port", "int", 587, "SMTP port (587 for STARTTLS, 465 for TLS).", _int_between(1, 65535)),
    SettingSpec("smtp_security", "str", "starttls", 'SMTP encryption: "starttls" or "tls".', _as_smtp_security),
    SettingSpec("smtp_user", "str", "",
                "SMTP login (empty: no login); the password is kept in the keyring "
                "('modmanager notify set-password').", _as_text(254)),
    SettingSpec("smtp_sender", "str", "", "Sender address of the e-mail summary.", _as_text(254)),
    SettingSpec("smtp_recipients", "list[str]", (), "Recipients of the e-mail summary.", _as_addresses),
)
"""The one table of settings: key, type, default, description and validation."""

_SPECS: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS_SCHEMA}


@dataclass(frozen=True)
class Settings:
    """The validated application settings. Build changed copies with :meth:`with_changes`."""

    language: str = ""
    prerelease_channel: bool = False
    concurrency: int = 4
    read_concurrency: int = 256
    backup_retention: int = 10
    catalog_sources: tuple[CatalogSource, ...] = ()
    window_geometry: str = field(default="", repr=False)
    paid_markers: tuple[str, ...] = ()
    debug_logging: bool = False
    health_check_seconds: int = 0
    notify_email: bool = False
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_sender: str = ""
    smtp_recipients: tuple[str, ...] = ()
    unknown: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Keys from the settings file this version does not know, written back unchanged."""

    def __post_init__(self) -> None:
        for spec in SETTINGS_SCHEMA:
            object.__setattr__(self, spec.key, spec.convert(spec.key, getattr(self, spec.key)))

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; an unknown key or a bad value raises StoreError."""
        for key in changes:
            if key not in _SPECS:
                raise StoreError(code="setting_unknown", params={"key": key, "known": ", ".join(_SPECS)})
        return dataclasses.replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """The JSON form written to the settings file (unknown keys included)."""
        data: dict[str, Any] = dict(self.unknown)
        for spec in SETTINGS_SCHEMA:
            data[spec.key] = _to_json_value(getattr(self, spec.key))
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Settings:
        """Validate a decoded settings file; missing keys take their defaults."""
        known = {key: value for key, value in data.items() if key in _SPECS}
        unknown = {key: value for key, value in data.items() if key not in _SPECS}
        return cls(**known, unknown=unknown)


def _to_json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_to_json_value(item) for item in value]
    if isinstance(value, CatalogSource):
        return dataclasses.asdict(value)
    return value


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file means all defaults.

    Anything else that is not a sound settings file - a directory or pipe in its place, bad
    JSON, ``NaN`` or ``1e999``, deep nesting, wrong types - is one :class:`StoreError`
    (code ``settings_damaged``); the file itself is left as it is.
    """
    path = path or config_path()
    try:
        raw = read_bytes_limited(path, _MAX_SETTINGS_BYTES, what="settings file")
    except FileNotFoundError:
        return Settings()
    except StoreError as exc:
        key, problem = read_problem(exc)
        raise _broken(path, problem, key) from None
    try:
        data = safejson.loads(raw, max_bytes=_MAX_SETTINGS_BYTES, expect=dict)
    except safejson.JsonProblem as exc:
        raise _broken(path, exc.reason, exc.key) from None
    try:
        return Settings.from_json(data)
    except StoreError as exc:
        raise _broken(path, "a setting has an invalid value", "invalid_value", cause=exc) from None


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings file atomically."""
    path = path or config_path()
    text = json.dumps(settings.to_json(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomic(path, text.encode("utf-8"))


def _broken(path: Path, problem: str, key: str, *, cause: StoreError | None = None) -> StoreError:
    """Params: ``path``, ``why`` (English words), ``why_key``; a setting with an invalid value is the ``cause``."""
    return StoreError(
        code="settings_damaged", params={"path": str(path), "why": problem, "why_key": key}, cause=cause
    )
