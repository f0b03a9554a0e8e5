"""Write STARFACE module files (``.sfm``) from a small spec.

Used by tests, the demo world and the simulator, so the output mirrors real files: a JAR
with a wrapped ``META-INF/MANIFEST.MF`` and a ``module-descriptor.xml`` with localized names,
entry points and a configuration form (umlauts, ``&amp;``, headlines without variableId,
timer settings). Output is deterministic for the same spec (fixed ZIP timestamps and
attributes), so SHA-256 sums are stable across runs.

Hostile files (bombs, traversal, entity expansion, truncation) are test fixtures and live in
``tests/fixtures/hostile.py``; :func:`assemble_sfm` is what they build on.

``ModuleSpec.uses_internal_database``: real STARFACE files carry no such flag; whether a
module keeps its settings in a module-internal database is run-time behaviour. The simulated
PBX, however, only ever sees the uploaded bytes, so the builder records the fact in the
manifest attribute :data:`SIMULATED_INTERNAL_DATABASE_ATTRIBUTE` (only when true). Nothing
outside the simulator may rely on it: real files never have it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree import ElementTree

from modmanager.core.sfm import DESCRIPTOR_NAME, MANIFEST_NAME

SIMULATED_INTERNAL_DATABASE_ATTRIBUTE = "X-Modmanager-Simulated-Internal-Database"
"""Manifest attribute the simulator (and the agent protocol's test agents) read to wipe settings
on upload; never in real files."""
LEGACY_INTERNAL_DATABASE_ATTRIBUTE = "X-Modmanager-Internal-Database"
"""The attribute's name before protocol 2; still read, so module files built earlier keep working."""

_MANIFEST_LINE_BYTES = 72
_FALLBACK_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class InputSpec:
    """One element of the configuration form; use ``variable_id=""`` for a headline."""

    variable_id: str
    label: str
    kind: str = "textInput"
    default: str | None = None
    validation: str | None = None
    tab: str = "General"
    description: str | None = None
    max_length: int | None = None


@dataclass(frozen=True)
class ModuleSpec:
    """What to put into a built module file."""

    module_id: str
    name: str
    vendor: str
    version: int
    names: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    short_description: str = ""
    created_with: str = "STARFACE 9.0.0.0"
    created_by: str = "STARFACE Version 9.0.0.0"
    create_date: str = "2025-08-12T09:31:47+02:00"
    spec_version: int = 5
    module_type: str = "EXTENDED"
    inputs: tuple[InputSpec, ...] = ()
    rpc_entry_points: tuple[str, ...] = ()
    lifecycle_stages: tuple[str, ...] = ("InstanceChanged", "InstanceDeleted")
    extra_entries: Mapping[str, bytes] = field(default_factory=dict)
    uses_internal_database: bool = False
    default_locale: str = "de"
    description_url: str | None = None


def build_sfm(spec: ModuleSpec) -> bytes:
    """A complete ``.sfm`` archive for ``spec``; same spec, same bytes."""
    entries: dict[str, bytes] = {
        "META-INF/": b"",
        MANIFEST_NAME: manifest_text(spec),
        DESCRIPTOR_NAME: descriptor_xml(spec),
    }
    entries.update(spec.extra_entries)
    return assemble_sfm(entries, create_date=spec.create_date)


def assemble_sfm(entries: Mapping[str, bytes], *, create_date: str = "") -> bytes:
    """Zip ``entries`` (name -> content, in order) deterministically; names are taken as given.

    Exposed so tests can build deliberately broken archives (e.g. a manifest that
    disagrees with the descriptor) without copying the ZIP details.
    """
    stamp = _zip_time(create_date)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 0
            info.external_attr = 0o40775 << 16 | 0x10 if name.endswith("/") else 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            archive.writestr(info, content, compresslevel=6)
    return buffer.getvalue()


def manifest_text(spec: ModuleSpec) -> bytes:
    """``META-INF/MANIFEST.MF`` as a JAR tool writes it (CRLF, lines wrapped at 72 bytes)."""
    attributes = {
        "Manifest-Version": "1.0",
        "Created-By": spec.created_by,
        "ObjectId": spec.module_id,
        "StarfaceModule_SpecVersion": str(spec.spec_version),
        "Create-Date": spec.create_date,
    }
    if spec.uses_internal_database:
        attributes[SIMULATED_INTERNAL_DATABASE_ATTRIBUTE] = "true"
    lines: list[bytes] = []
    for key, value in attributes.items():
        lines.extend(_wrap_manifest_line(f"{key}: {value}"))
    return b"".join(line + b"\r\n" for line in lines) + b"\r\n"


def descriptor_xml(spec: ModuleSpec) -> bytes:
    """``module-descriptor.xml`` for ``spec``, UTF-8, indented like real files."""
    root = ElementTree.Element("module")
    root.set("id", spec.module_id)
    root.set("name", spec.name)
    root.set("vendor", spec.vendor)
    root.set("version", str(spec.version))
    root.set("specVersion", str(spec.spec_version))
    root.set("moduleType", spec.module_type)
    epoch_ms = _epoch_ms(spec.create_date)
    if epoch_ms is not None:
        root.set("createTime", str(epoch_ms))
        root.set("lastChangedTime", str(epoch_ms))
    _text_child(root, "description", spec.description)
    _text_child(root, "shortDescription", spec.short_description)
    if spec.description_url:
        _text_child(root, "descriptionURL", spec.description_url)
    _text_child(root, "createdWith", spec.created_with)
    _text_child(root, "defaultLocale", spec.default_locale)
    _text_child(root, "editable", "false")
    resource_keys = ElementTree.SubElement(root, "resourceKeys")
    for locale, text in spec.names.items():
        entry = ElementTree.SubElement(resource_keys, "entries")
        _text_child(entry, "key", locale)
        _text_child(entry, "value", text)
    entry_points = ElementTree.SubElement(root, "entryPoints")
    for rpc_name in spec.rpc_entry_points:
        rpc = ElementTree.SubElement(entry_points, "rpcEntryPoint", {"name": rpc_name})
        _text_child(rpc, "type", "XMLRPC_auth")
    if spec.lifecycle_stages:
        life_cycle = ElementTree.SubElement(entry_points, "lifeCycleEntryPoint", {"name": "lifeCycle"})
        for stage in spec.lifecycle_stages:
            _text_child(life_cycle, "stage", stage)
    tabs: dict[str, ElementTree.Element] = {}
    for number, config_input in enumerate(spec.inputs, start=1):
        if config_input.tab not in tabs:
            tab = ElementTree.SubElement(root, "inputGUITabs", {"name": config_input.tab})
            tabs[config_input.tab] = ElementTree.SubElement(tab, "GUIDescriptors")
        element = ElementTree.SubElement(tabs[config_input.tab], config_input.kind)
        element.set("id", f"{config_input.kind}{number}")
        element.set("name", config_input.label)
        if config_input.variable_id:
            element.set("variableId", config_input.variable_id)
        if config_input.default is not None:
            element.set("defaultValue", config_input.default)
        if config_input.validation is not None:
            element.set("validationRegexp", config_input.validation)
        if config_input.max_length is not None:
            element.set("maxLength", str(config_input.max_length))
        if config_input.description is not None:
            _text_child(element, "description", config_input.description)
    ElementTree.indent(root, space="    ")
    body = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + "\n").encode("utf-8")


def example_spec(version: int = 126) -> ModuleSpec:
    """A realistic module (German labels, two tabs, headline, timer settings, password).

    A starting point for tests and the demo world; vary it with ``dataclasses.replace``.
    """
    return ModuleSpec(
        module_id="3f2c9a1e-5b7d-4e08-9c61-0a4b8d2e7f15",
        name="Anrufweiterleitung",
        vendor="Beispiel Telekommunikation GmbH & Co. KG",
        version=version,
        names={"de": "Anrufweiterleitung", "en": "Call Forwarding", "fr": ""},
        description="Leitet Anrufe zeitgesteuert weiter – mit Feiertagen & Urlaubsplänen.",
        short_description="Zeitgesteuerte Weiterleitung",
        inputs=(
            InputSpec("", "Ziel & Zeitplan", kind="headline"),
            InputSpec(
                "targetNumber",
                "Zielrufnummer",
                default="+49 30 1234567",
                validation=r"^\+?[0-9 ]{3,20}$",
                max_length=20,
                description="Nummer, an die weitergeleitet wird (national oder international).",
            ),
            InputSpec("schedule", "Öffnungszeiten", kind="timerSettingsInput"),
            InputSpec("ringSeconds", "Klingeldauer (Sekunden)", kind="numberInput", default="20"),
            InputSpec("", "Zugang", kind="headline", tab="Erweitert"),
            InputSpec("apiPassword", "API-Passwort", kind="passwordInput", tab="Erweitert"),
            InputSpec("logCalls", "Anrufe protokollieren", kind="checkBoxInput", default="true", tab="Erweitert"),
        ),
        rpc_entry_points=("getStatus",),
        extra_entries={"de/beispiel/weiterleitung/Weiterleitung.class": b"\xca\xfe\xba\xbe\x00\x00\x00\x34"},
    )


# --- helpers ---------------------------------------------------------------------------


def _text_child(parent: ElementTree.Element, tag: str, text: str) -> ElementTree.Element:
    child = ElementTree.SubElement(parent, tag)
    child.text = text
    return child


def _wrap_manifest_line(line: str) -> list[bytes]:
    """Split a manifest line into 72-byte pieces without cutting a UTF-8 character."""
    pieces: list[bytes] = []
    current = b""
    limit = _MANIFEST_LINE_BYTES
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            pieces.append(current)
            current = b" "
            limit = _MANIFEST_LINE_BYTES
        current += encoded
    pieces.append(current)
    return pieces


def _parse_date(create_date: str) -> datetime | None:
    try:
        return datetime.fromisoformat(create_date)
    except ValueError:
        return None


def _epoch_ms(create_date: str) -> int | None:
    moment = _parse_date(create_date)
    if moment is None or moment.tzinfo is None:
        return None
    return int(moment.timestamp() * 1000)


def _zip_time(create_date: str) -> tuple[int, int, int, int, int, int]:
    moment = _parse_date(create_date)
    if moment is None or not 1980 <= moment.year <= 2107:
        return _FALLBACK_ZIP_TIME
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
