"""Importing many PBXs from one file, and exporting them to one: ``pbx import``/``pbx export`` and the
import dialog.

An import runs in three steps, so a front end can show each and ask once:

1. :func:`read_import_file` reads a CSV file (``;``, ``,`` or tab separated, UTF-8 with or without
   BOM as Excel writes it, English or German column headers) or a JSON list of objects, and checks
   every row before anything changes: the :class:`ImportPlan` holds the valid rows and, for every
   other row, a :class:`RowProblem` with one sentence;
2. :func:`fetch_certificates` reads the certificate of every PBX concurrently (nothing is sent and
   no PBX is logged in to) and says which ones need the user's trust;
3. :func:`apply_import` adds the rows through :func:`modmanager.ops.pbxs.add_pbx` - pinning the
   accepted certificates, storing passwords and agent secrets in the credential store only, and
   setting tags and maintenance windows.

:func:`export_fleet` writes the same format without any secret.

Columns (the first line of a CSV file; the keys of a JSON object): ``name``, ``url`` and ``login``
are required; ``customer``, ``tags`` (separated by ``,``, ``;`` or ``|``), ``agent_instance``
(default ``modmanager``), ``window`` (a maintenance window of the PBX's own, as ``window set``
takes it), ``fingerprint`` (SHA-256 of the certificate to pin; the PBX must present it), ``notes``
and the secrets ``password`` and ``agent_secret``. German headers (``Kunde``, ``Schlagworte``,
``Adresse``, ``Benutzer``, ``Agent-Instanz``, ``Wartungsfenster``, ``Passwort``/``Kennwort``,
``Agent-Geheimnis`` ...) name the same columns; other columns are ignored and listed.

A secret from the file lives in an :class:`ImportRow` (never in its repr) until it is in the
credential store; no error quotes a value that is one of the file's secrets.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from modmanager.core import safejson
from modmanager.core.errors import ModManagerError, OperationError
from modmanager.core.localfile import read_regular_file
from modmanager.core.redact import register_secret
from modmanager.core.tags import split_tags
from modmanager.core.text import clean_text
from modmanager.core.windows import parse_window
from modmanager.ops import pbxs
from modmanager.ops.selection import PbxSelection
from modmanager.pbx.tls import CertificateInfo, format_fingerprint
from modmanager.store.atomic import write_atomic
from modmanager.store.credentials import CredentialStore
from modmanager.store.inventory import (
    DEFAULT_AGENT_INSTANCE,
    MAX_NAME_LENGTH,
    Inventory,
    PbxRecord,
    normalize_pbx_url,
)
from modmanager.store.windows import WindowStore

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 4 * 1024 * 1024
"""The largest import file read (a row takes about 200 bytes: room for far more than MAX_ROWS)."""
MAX_ROWS = 5000
"""The most PBXs one file may hold."""
MAX_FIELD_CHARS = 1000
"""The longest value of one field (names have their own, shorter limit)."""
FETCH_TIMEOUT_S = 10.0
"""Seconds to connect to one PBX and read its certificate."""
DEFAULT_CONCURRENCY = 32

ImportFormat = Literal["csv", "json"]

FIELDS: tuple[str, ...] = (
    "name",
    "customer",
    "tags",
    "url",
    "login",
    "agent_instance",
    "window",
    "fingerprint",
    "notes",
    "password",
    "agent_secret",
)
"""Every column an import file may have, in the order an export writes them (without the secrets)."""
SECRET_FIELDS: tuple[str, ...] = ("password", "agent_secret")
EXPORTED_FIELDS: tuple[str, ...] = tuple(name for name in FIELDS if name not in SECRET_FIELDS)
REQUIRED_FIELDS: tuple[str, ...] = ("name", "url", "login")

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "pbx", "pbxname", "anlage", "tkanlage", "anlagenname"),
    "customer": ("customer", "kunde", "kundenname"),
    "tags": ("tags", "tag", "schlagworte", "schlagwoerter", "schlagwort", "stichworte", "labels"),
    "url": ("url", "address", "adresse", "host"),
    "login": ("login", "loginid", "user", "username", "benutzer", "benutzername", "anmeldename"),
    "agent_instance": ("agentinstance", "agentinstanz", "instance", "instanz"),
    "window": ("window", "maintenancewindow", "wartungsfenster", "fenster"),
    "fingerprint": ("fingerprint", "sha256", "fingerabdruck", "zertifikat", "certificate"),
    "notes": ("notes", "note", "notizen", "notiz", "bemerkung", "bemerkungen"),
    "password": ("password", "passwort", "kennwort"),
    "agent_secret": ("agentsecret", "secret", "agentgeheimnis", "geheimnis", "agentpasswort"),
}
_HEADER_FIELDS = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),  # Excel's "Unicode text": UTF-16, tab separated
    (b"\xfe\xff", "utf-16-be"),
)


# --- what an import is made of ---------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One valid row of an import file: a PBX to add.

    ``line`` is the row's number as a spreadsheet shows it (the header is row 1 of a CSV file;
    the first object is row 1 of a JSON list). ``url`` is normalized (``https://host:port``),
    ``fingerprint`` (from the file) is 64 lowercase hex digits or None, ``window`` a maintenance
    window spec or "" for none.
    """

    line: int
    name: str
    customer: str
    tags: tuple[str, ...]
    url: str
    login: str
    agent_instance: str = DEFAULT_AGENT_INSTANCE
    window: str = ""
    password: str | None = field(default=None, repr=False)
    agent_secret: str | None = field(default=None, repr=False)
    fingerprint: str | None = None
    notes: str = ""

    def record(self, fingerprint: str | None) -> PbxRecord:
        """The inventory row of this PBX, pinning ``fingerprint`` (None: trusted through a CA)."""
        return PbxRecord(
            name=self.name,
            url=self.url,
            login_id=self.login,
            customer=self.customer,
            tags=self.tags,
            agent_instance=self.agent_instance,
            fingerprint=fingerprint,
            notes=self.notes,
        )


@dataclass(frozen=True)
class RowProblem:
    """Why a row of the file is not (or was not) added: one sentence with its code and params."""

    line: int
    name: str
    """The row's name as the file spells it, cleaned to one line ("" when it has none)."""
    error: ModManagerError


@dataclass(frozen=True)
class ImportPlan:
    """What :func:`read_import_file` found: the valid rows, and a problem for every other row."""

    rows: tuple[ImportRow, ...]
    problems: tuple[RowProblem, ...]
    holds_secrets: bool
    """The file held a password or agent secret (the front end suggests deleting it)."""
    kind: ImportFormat = "csv"
    ignored_columns: tuple[str, ...] = ()
    """Columns (JSON: keys) no field is known by; their values were not read."""
    outside_selection: int = 0
    """Rows left out because their customer or tags do not match the selection."""

    @property
    def total(self) -> int:
        """Rows considered (valid and invalid, without those outside the selection)."""
        return len(self.rows) + len(self.problems)


@dataclass(frozen=True)
class CertificateCheck:
    """The certificate one row's PBX presents, and whether the user must decide to trust it."""

    row: ImportRow
    certificate: CertificateInfo | None
    needs_trust: bool
    """Self-signed or not trusted by this computer, and not pinned by the file: ask the user."""
    error: ModManagerError | None
    """The PBX cannot be reached, or presents another certificate than the file says."""

    @property
    def pin(self) -> str | None:
        """The fingerprint to pin when the row is added (None: the system trusts the certificate)."""
        if self.certificate is None or self.error is not None:
            return None
        if self.needs_trust or self.row.fingerprint is not None:
            return self.certificate.sha256
        return None


@dataclass(frozen=True)
class ImportResult:
    """What :func:`apply_import` did."""

    added: tuple[str, ...]
    skipped: tuple[RowProblem, ...]
    pinned: tuple[tuple[str, str], ...] = ()
    """(PBX name, SHA-256 fingerprint) of every pinned certificate."""
    without_password: tuple[str, ...] = ()
    """Added PBXs for which the file had no password (``pbx edit NAME --password-stdin``)."""
    without_agent_secret: tuple[str, ...] = ()
    """Added PBXs for which the file had no agent secret (``pbx edit NAME --agent-secret-stdin``)."""


Progress = Callable[[int, int], None]
"""``progress(done, total)``."""
Cancelled = Callable[[], bool]
Fetch = Callable[[str, float], CertificateInfo]
"""``fetch(url, timeout)``: the certificate a PBX presents (:func:`modmanager.ops.pbxs.fetch_certificate`)."""


# --- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One row as read, before it is checked: field name -> value (text, or a list for JSON tags)."""

    line: int
    values: Mapping[str, object]
    problem: ModManagerError | None = None


def read_import_file(path: Path, inventory: Inventory, selection: PbxSelection | None = None) -> ImportPlan:
    """Read and check every row of the import file at ``path``; nothing is changed.

    ``selection`` keeps only the rows whose customer and tags match (as ``--customer``/``--tag``
    of the fleet commands do); the others are counted in ``outside_selection``.

    Raises:
        OperationError: the file as a whole cannot be used (missing, not a file, too large, not
            UTF-8, not CSV or JSON, lacking a required column, more than MAX_ROWS rows, no rows,
            no row matching ``selection``) - one sentence naming it.
    """
    shown = str(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, what="import file", error=OperationError)
    except FileNotFoundError:
        raise OperationError(code="import_file_missing", params={"path": shown}) from None
    text = _decode(data, shown)
    kind: ImportFormat = "json" if text.lstrip()[:1] in ("[", "{") else "csv"
    entries, ignored = _json_entries(text, shown) if kind == "json" else _csv_entries(text, shown)
    if not entries:
        raise OperationError(code="import_empty", params={"path": shown})
    secrets = _secrets_of(entries)
    for secret in secrets:
        register_secret(secret)
    if selection:
        chosen = [entry for entry in entries if _matches(selection, entry)]
        if not chosen:
            raise OperationError(
                code="import_nothing_selected", params={"path": shown, "selection": selection.describe()}
            )
    else:
        chosen = entries
    rows, problems = _check_entries(chosen, {record.name for record in inventory.list()}, secrets)
    return ImportPlan(
        rows=tuple(rows),
        problems=tuple(problems),
        holds_secrets=bool(secrets),
        kind=kind,
        ignored_columns=ignored,
        outside_selection=len(entries) - len(chosen),
    )


def _decode(data: bytes, shown: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body, codec = data[len(bom) :], encoding
            break
    else:
        body, codec = data, "utf-8"
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        raise OperationError(code="import_not_text", params={"path": shown}) from None


def _header_field(header: str) -> str | None:
    """The field a column header names (``Agent-Instanz`` -> ``agent_instance``), or None."""
    key = unicodedata.normalize("NFKC", header).strip().casefold()
    key = key.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    key = re.sub(r"[\s_\-./()]", "", key)
    return _HEADER_FIELDS.get(key)


def _columns(headers: Sequence[str], shown: str) -> tuple[list[str | None], tuple[str, ...]]:
    """The field of each column, and the headers of ignored columns; refuses a field named twice."""
    fields: list[str | None] = []
    ignored: list[str] = []
    seen: set[str] = set()
    for header in headers:
        name = _header_field(header)
        if name is not None and name in seen:
            raise OperationError(
                code="import_column_twice", params={"path": shown, "field": name, "column": clean_text(header, 60)}
            )
        if name is None and header.strip():
            ignored.append(clean_text(header, 60))
        if name is not None:
            seen.add(name)
        fields.append(name)
    missing = [name for name in REQUIRED_FIELDS if name not in seen]
    if missing:
        raise OperationError(code="import_missing_columns", params={"path": shown, "columns": ", ".join(missing)})
    return fields, tuple(ignored)


def _csv_entries(text: str, shown: str) -> tuple[list[_Entry], tuple[str, ...]]:
    lines = text.splitlines()
    offset = 0
    delimiter: str | None = None
    first = next((index for index, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise OperationError(code="import_empty", params={"path": shown})
    if lines[first].strip().casefold().startswith("sep=") and len(lines[first].strip()) == 5:
        delimiter = lines[first].strip()[4]  # Excel's "sep=;" line
        offset = first + 1
        text = "\n".join(lines[offset:])
    if delimiter is None:
        delimiter = _sniff_delimiter(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    entries: list[_Entry] = []
    columns: list[str | None] | None = None
    ignored: tuple[str, ...] = ()
    previous = 0
    try:
        for cells in reader:
            line = offset + previous + 1
            previous = reader.line_num
            if not any(cell.strip() for cell in cells) or cells[0].lstrip().startswith("#"):
                continue
            if columns is None:
                columns, ignored = _columns(cells, shown)
                continue
            if len(entries) >= MAX_ROWS:
                raise OperationError(code="import_too_many_rows", params={"path": shown, "limit": str(MAX_ROWS)})
            entries.append(_csv_entry(line, cells, columns))
    except csv.Error:
        raise OperationError(
            code="import_csv_broken", params={"path": shown, "line": str(offset + reader.line_num)}
        ) from None
    if columns is None:
        raise OperationError(code="import_empty", params={"path": shown})
    return entries, ignored


def _sniff_delimiter(header: str) -> str:
    """The separator under which the header line names the most known columns (``;`` on a tie)."""
    best, best_score = ";", (-1, -1)
    for candidate in (";", ",", "\t"):
        cells = next(csv.reader([header], delimiter=candidate), [])
        score = (sum(_header_field(cell) is not None for cell in cells), len(cells))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_entry(line: int, cells: list[str], columns: list[str | None]) -> _Entry:
    extra = [cell for cell in cells[len(columns) :] if cell.strip()]
    values = {name: cell for name, cell in zip(columns, cells, strict=False) if name is not None}
    if extra:
        problem = OperationError(
            code="import_row_extra_fields",
            params={"count": str(len(cells)), "columns": str(len(columns))},
        )
        return _Entry(line, values, problem)
    return _Entry(line, values)


def _json_entries(text: str, shown: str) -> tuple[list[_Entry], tuple[str, ...]]:
    try:
        items = safejson.loads(text, max_bytes=MAX_FILE_BYTES, max_depth=8, expect=list)
    except safejson.JsonProblem as problem:
        raise OperationError(code="import_not_json", params={"path": shown, "reason": problem.key}) from None
    if len(items) > MAX_ROWS:
        raise OperationError(code="import_too_many_rows", params={"path": shown, "limit": str(MAX_ROWS)})
    entries: list[_Entry] = []
    ignored: dict[str, None] = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            entries.append(_Entry(number, {}, OperationError(code="import_row_not_object")))
            continue
        values: dict[str, object] = {}
        for key, value in item.items():
            name = _header_field(key)
            if name is None:
                ignored[clean_text(key, 60)] = None
            else:
                values[name] = value
        entries.append(_Entry(number, values))
    return entries, tuple(ignored)


def _secrets_of(entries: Iterable[_Entry]) -> set[str]:
    return {
        value
        for entry in entries
        for name in SECRET_FIELDS
        if isinstance(value := entry.values.get(name), str) and value
    }


def _matches(selection: PbxSelection, entry: _Entry) -> bool:
    customer = entry.values.get("customer")
    tags = entry.values.get("tags")
    probe = _Probe(
        customer=customer.strip() if isinstance(customer, str) else "",
        tags=_split_tags(tags) if isinstance(tags, str | list) else (),
    )
    if selection.customers and probe.customer.casefold() not in {c.casefold() for c in selection.customers}:
        return False
    wanted = {tag.casefold() for tag in selection.tags}
    return not wanted or any(tag.casefold() in wanted for tag in probe.tags)


@dataclass(frozen=True)
class _Probe:
    customer: str
    tags: tuple[str, ...]


def _split_tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_tags(value)
    parts = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


# --- checking ---------------------------------------------------------------------------------------


class _RowInvalid(Exception):
    def __init__(self, error: ModManagerError) -> None:
        super().__init__(error.code)
        self.error = error


def _check_entries(
    entries: Sequence[_Entry], existing: set[str], secrets: set[str]
) -> tuple[list[ImportRow], list[RowProblem]]:
    checked: list[ImportRow | RowProblem] = []
    for entry in entries:
        try:
            if entry.problem is not None:
                raise _RowInvalid(entry.problem)
            checked.append(_check_entry(entry))
        except _RowInvalid as invalid:
            checked.append(RowProblem(entry.line, _shown_name(entry, secrets), _hidden(invalid.error, secrets)))
    lines_of: dict[str, list[int]] = {}
    for item in checked:
        if isinstance(item, ImportRow):
            lines_of.setdefault(item.name, []).append(item.line)
    rows: list[ImportRow] = []
    problems: list[RowProblem] = []
    for item in checked:
        if isinstance(item, RowProblem):
            problems.append(item)
            continue
        others = [line for line in lines_of[item.name] if line != item.line]
        if others:
            error = OperationError(
                code="import_row_name_twice", params={"name": item.name, "other_line": str(others[0])}
            )
            problems.append(RowProblem(item.line, item.name, error))
        elif item.name in existing:
            problems.append(
                RowProblem(
                    item.line, item.name, OperationError(code="import_row_name_exists", params={"name": item.name})
                )
            )
        else:
            rows.append(item)
    problems.sort(key=lambda problem: problem.line)
    return rows, problems


def _check_entry(entry: _Entry) -> ImportRow:
    values = entry.values
    text = {name: _text(values, name) for name in FIELDS if name not in ("tags", *SECRET_FIELDS)}
    name = _check_name(text["name"])
    for field_name, value in text.items():
        if field_name != "name":
            _check_line(field_name, value)
    tags = _tags(values.get("tags"))
    url = _check_url(text["url"])
    if not text["login"]:
        raise _RowInvalid(OperationError(code="import_row_login_missing"))
    window = text["window"]
    if window:
        try:
            window = parse_window(window).spec()
        except ModManagerError as error:
            raise _RowInvalid(
                OperationError(code="import_row_window", params={"window": window}, cause=error)
            ) from None
    fingerprint = None
    if text["fingerprint"]:
        fingerprint = re.sub(r"[\s:]", "", text["fingerprint"]).lower()
        if not _FINGERPRINT.fullmatch(fingerprint):
            raise _RowInvalid(OperationError(code="import_row_fingerprint"))
    password, agent_secret = (_secret(values, secret) for secret in SECRET_FIELDS)
    return ImportRow(
        line=entry.line,
        name=name,
        customer=text["customer"],
        tags=tags,
        url=url,
        login=text["login"],
        agent_instance=text["agent_instance"] or DEFAULT_AGENT_INSTANCE,
        window=window,
        password=password,
        agent_secret=agent_secret,
        fingerprint=fingerprint,
        notes=text["notes"],
    )


def _text(values: Mapping[str, object], name: str) -> str:
    value = values.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _RowInvalid(OperationError(code="import_row_not_text", params={"field": name}))
    return value.strip()


def _secret(values: Mapping[str, object], name: str) -> str | None:
    value = values.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _RowInvalid(OperationError(code="import_row_not_text", params={"field": name}))
    if len(value) > MAX_FIELD_CHARS:
        raise _RowInvalid(
            OperationError(code="import_row_too_long", params={"field": name, "limit": str(MAX_FIELD_CHARS)})
        )
    if any(char in "\r\n\0" for char in value):
        raise _RowInvalid(OperationError(code="import_row_control", params={"field": name}))
    return value


def _check_line(field_name: str, value: str) -> None:
    if len(value) > MAX_FIELD_CHARS:
        raise _RowInvalid(
            OperationError(code="import_row_too_long", params={"field": field_name, "limit": str(MAX_FIELD_CHARS)})
        )
    if not all(char.isprintable() for char in value):
        raise _RowInvalid(OperationError(code="import_row_control", params={"field": field_name}))


def _check_name(raw: str) -> str:
    if not raw:
        raise _RowInvalid(OperationError(code="import_row_name_missing"))
    if len(raw) > MAX_NAME_LENGTH:
        raise _RowInvalid(
            OperationError(
                code="import_row_name_too_long",
                params={"name": clean_text(raw, 24), "limit": str(MAX_NAME_LENGTH)},
            )
        )
    if any(char in "/\\" or not char.isprintable() for char in raw):
        raise _RowInvalid(OperationError(code="import_row_name_invalid", params={"name": clean_text(raw, 80)}))
    return raw


def _check_url(raw: str) -> str:
    """``https://host:port`` as ``pbx add`` normalizes it; a row problem naming what is wrong otherwise."""
    if not raw:
        raise _RowInvalid(OperationError(code="import_row_url_missing"))
    try:
        parts = urlsplit(raw)
        _ = parts.port
    except ValueError:
        raise _url_problem(raw, "invalid") from None
    if parts.username is not None or parts.password is not None:
        # Never repeat the address: it holds a password.
        raise _url_problem(f"{parts.scheme}://{parts.hostname or ''}", "user_info")
    if parts.scheme.lower() != "https":
        raise _url_problem(raw, "not_https")
    if not parts.hostname:
        raise _url_problem(raw, "no_host")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise _url_problem(raw, "path")
    try:
        return normalize_pbx_url(raw)
    except ModManagerError:
        raise _url_problem(raw, "invalid") from None


def _url_problem(url: str, reason: str) -> _RowInvalid:
    return _RowInvalid(
        OperationError(code="import_row_url_invalid", params={"url": clean_text(url, 120), "reason": reason})
    )


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            raise _RowInvalid(OperationError(code="import_row_not_text", params={"field": "tags"}))
    elif not isinstance(value, str):
        raise _RowInvalid(OperationError(code="import_row_not_text", params={"field": "tags"}))
    tags = _split_tags(value)
    for tag in tags:
        _check_line("tags", tag)
    return tags


def _shown_name(entry: _Entry, secrets: set[str]) -> str:
    name = entry.values.get("name")
    if not isinstance(name, str) or name.strip() in secrets:
        return ""
    return clean_text(name.strip(), 80)


def _hidden(error: ModManagerError, secrets: set[str]) -> ModManagerError:
    """``error`` - or, when a param quotes one of the file's secrets (a row shifted by a stray
    separator puts a password where an address belongs), the same error without that value."""
    if not any(secret in value for value in error.params.values() for secret in secrets if len(secret) >= 3):
        return error
    params = {
        key: "(…)" if any(secret in value for secret in secrets if len(secret) >= 3) else value
        for key, value in error.params.items()
    }
    return type(error)(code=error.code, params=params)


# --- certificates -----------------------------------------------------------------------------------


def fetch_certificates(
    rows: Sequence[ImportRow],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    timeout: float = FETCH_TIMEOUT_S,
    fetch: Fetch | None = None,
) -> list[CertificateCheck]:
    """The certificate of every row's PBX, read concurrently, one check per row in ``rows``' order.

    Only the TLS handshake is made (:func:`modmanager.ops.pbxs.fetch_certificate`); no PBX is
    logged in to. An address several rows share is fetched once. ``progress(done, total)`` counts
    rows; after ``cancelled()`` no further PBX is contacted and the rest carry an
    ``import_cancelled`` error. Each fetch is bounded by ``timeout`` per connection.
    """
    get = fetch or pbxs.fetch_certificate
    by_url: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_url.setdefault(row.url, []).append(index)
    results: list[CertificateCheck | None] = [None] * len(rows)
    total = len(rows)
    done = 0

    def one(url: str) -> CertificateInfo | ModManagerError:
        if cancelled is not None and cancelled():
            return OperationError(code="import_cancelled", params={"name": rows[by_url[url][0]].name})
        try:
            return get(url, timeout)
        except ModManagerError as error:
            return error
        except (OSError, ValueError):
            return OperationError(code="import_certificate_unreadable", params={"url": url})

    if not by_url:
        return []
    with ThreadPoolExecutor(
        max_workers=max(1, min(concurrency, len(by_url))), thread_name_prefix="import-cert"
    ) as pool:
        futures = {pool.submit(one, url): url for url in by_url}
        for future in as_completed(futures):
            url = futures[future]
            outcome = future.result()
            for index in by_url[url]:
                results[index] = _check(rows[index], outcome)
            done += len(by_url[url])
            if progress is not None:
                progress(done, total)
    return [check for check in results if check is not None]


def _check(row: ImportRow, outcome: CertificateInfo | ModManagerError) -> CertificateCheck:
    if isinstance(outcome, ModManagerError):
        if outcome.code == "import_cancelled":
            outcome = OperationError(code="import_cancelled", params={"name": row.name})
        return CertificateCheck(row, None, False, outcome)
    if row.fingerprint is not None:
        if outcome.sha256 != row.fingerprint:
            error = OperationError(
                code="import_fingerprint_mismatch",
                params={
                    "url": row.url,
                    "expected": format_fingerprint(row.fingerprint),
                    "presented": format_fingerprint(outcome.sha256),
                },
            )
            return CertificateCheck(row, outcome, False, error)
        return CertificateCheck(row, outcome, False, None)
    return CertificateCheck(row, outcome, pbxs.needs_trust(outcome, None), None)


# --- adding -----------------------------------------------------------------------------------------


def apply_import(
    inventory: Inventory,
    credentials: CredentialStore,
    plan: ImportPlan,
    checks: Sequence[CertificateCheck],
    *,
    accepted: Callable[[CertificateCheck], bool] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Add the plan's rows whose certificate was read and, where it needs trust, accepted.

    ``accepted(check)`` is asked for every check that ``needs_trust``; None means the user
    accepted the whole table shown from ``checks`` at once (the command line's one question).
    A row whose PBX could not be reached, presents another certificate than the file says, was
    not accepted, or fails to be added (its name was taken meanwhile, the credential store
    refused) is skipped with its reason; every other row is added with its pin, secrets, tags
    and maintenance window. Nothing is sent to any PBX.
    """
    by_name = {check.row.name: check for check in checks}
    windows = WindowStore(inventory)
    added: list[str] = []
    skipped: list[RowProblem] = []
    pinned: list[tuple[str, str]] = []
    total = len(plan.rows)
    for index, row in enumerate(plan.rows, start=1):
        check = by_name.get(row.name)
        if cancelled is not None and cancelled():
            skipped.append(
                RowProblem(row.line, row.name, OperationError(code="import_cancelled", params={"name": row.name}))
            )
        elif check is None or check.row != row:
            skipped.append(
                RowProblem(row.line, row.name, OperationError(code="import_not_checked", params={"name": row.name}))
            )
        elif check.error is not None:
            skipped.append(RowProblem(row.line, row.name, check.error))
        elif check.needs_trust and accepted is not None and not accepted(check):
            fingerprint = format_fingerprint(check.certificate.sha256) if check.certificate else ""
            error = OperationError(
                code="import_certificate_declined", params={"url": row.url, "fingerprint": fingerprint}
            )
            skipped.append(RowProblem(row.line, row.name, error))
        else:
            try:
                _add_row(inventory, credentials, windows, row, check.pin)
            except ModManagerError as error:
                skipped.append(RowProblem(row.line, row.name, error))
            else:
                added.append(row.name)
                if check.pin is not None:
                    pinned.append((row.name, check.pin))
        if progress is not None:
            progress(index, total)
    added_rows = [row for row in plan.rows if row.name in set(added)]
    log.info("fleet import: %d PBXs added, %d skipped", len(added), len(skipped))
    return ImportResult(
        added=tuple(added),
        skipped=tuple(skipped),
        pinned=tuple(pinned),
        without_password=tuple(row.name for row in added_rows if not row.password),
        without_agent_secret=tuple(row.name for row in added_rows if not row.agent_secret),
    )


def _add_row(
    inventory: Inventory, credentials: CredentialStore, windows: WindowStore, row: ImportRow, pin: str | None
) -> None:
    record = row.record(pin)
    pbxs.add_pbx(
        inventory,
        credentials,
        record,
        password=row.password,
        agent_secret=row.agent_secret,
        secrets_required=False,
    )
    if row.window:
        try:
            windows.set_pbx(record.name, parse_window(row.window))
        except ModManagerError:
            # No PBX half added: without its window it would be updated at any time.
            pbxs.remove_pbx(inventory, credentials, record.name)
            raise


# --- exporting --------------------------------------------------------------------------------------


def export_rows(inventory: Inventory, selection: PbxSelection | None = None) -> list[dict[str, str]]:
    """Every PBX (of ``selection``) as the fields of an import file, without secrets."""
    own_windows = WindowStore(inventory)
    records = [record for record in inventory.list() if not selection or selection.matches(record)]
    rows: list[dict[str, str]] = []
    for record in records:
        window = own_windows.pbx_window(record.name)
        rows.append(
            {
                "name": record.name,
                "customer": record.customer,
                "tags": ", ".join(record.tags),
                "url": record.url,
                "login": record.login_id,
                "agent_instance": record.agent_instance,
                "window": window.spec() if window else "",
                "fingerprint": format_fingerprint(record.fingerprint) if record.fingerprint else "",
                "notes": record.notes,
            }
        )
    return rows


def export_fleet(
    inventory: Inventory,
    path: Path,
    *,
    format: ImportFormat = "csv",
    selection: PbxSelection | None = None,
    delimiter: str = ";",
) -> int:
    """Write the PBXs (of ``selection``) to ``path`` in the import format, without any secret.

    CSV is UTF-8 with a BOM (Excel opens it as UTF-8) separated by ``delimiter`` (``;`` for a
    German Excel, ``,`` for an English one); JSON is a list of objects. Returns how many PBXs
    were written. The file is written whole or not at all.

    Raises:
        OperationError: an unknown format, or no PBX to export.
        StoreError: the file cannot be written.
    """
    if format not in ("csv", "json"):
        raise OperationError(code="export_unknown_format", params={"format": str(format)})
    rows = export_rows(inventory, selection)
    if not rows:
        raise OperationError(code="export_nothing")
    if format == "json":
        data = (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=EXPORTED_FIELDS, delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        data = b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
    write_atomic(path, data, mode=0o644)
    return len(rows)


def row_summary(row: ImportRow) -> dict[str, Any]:
    """A row as JSON-ready data for front ends (never a secret; whether the file had them)."""
    return {
        "line": row.line,
        "name": row.name,
        "customer": row.customer,
        "tags": list(row.tags),
        "url": row.url,
        "login": row.login,
        "agent_instance": row.agent_instance,
        "window": row.window,
        "fingerprint": row.fingerprint,
        "notes": row.notes,
        "has_password": row.password is not None,
        "has_agent_secret": row.agent_secret is not None,
    }
