"""Read STARFACE module files (``.sfm``) into typed, immutable records.

An ``.sfm`` is a JAR (a ZIP archive) holding ``META-INF/MANIFEST.MF``,
``module-descriptor.xml`` and the module's classes. Files come from vendors, catalogs and
PBXs, so nothing here trusts them: archives are size-, count- and ratio-checked from the
central directory before anything is decompressed, every entry must lie inside the archive
without overlapping another, entry names may not escape the archive, only the manifest and
the descriptor are decompressed (with hard limits, their checksums verified), XML is parsed
without DTDs or entities, and every problem becomes :class:`InvalidModuleFile` with one
sentence naming it. The descriptor parser is lenient about *shape* (a field may be an attribute or
a child element; real files vary) because a partner cannot fix a vendor's file.

Pure: :func:`read_sfm` works on bytes; :func:`read_sfm_path` reads only the path given.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element, ParseError, XMLParser

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from modmanager.core.errors import InvalidModuleFile
from modmanager.core.localfile import errno_name, os_reason, read_regular_file
from modmanager.core.values import SettingValue as SettingValue  # re-exported for existing callers

DESCRIPTOR_NAME = "module-descriptor.xml"
MANIFEST_NAME = "META-INF/MANIFEST.MF"

# Real files are 4-70 KB with 2-20 entries and a descriptor up to ~50 KB; the limits leave
# generous room for real modules while keeping hostile archives cheap to refuse.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ENTRY_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_CENTRAL_DIRECTORY_BYTES = MAX_ENTRIES * 1024
MAX_DESCRIPTOR_BYTES = 4 * 1024 * 1024
MAX_MANIFEST_BYTES = 256 * 1024

# Form elements that only arrange the form and never hold an instance value.
LAYOUT_KINDS = frozenset({"headline", "label", "separator", "spacer", "text", "infoText"})

_XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
_MANIFEST_KEY = re.compile(r"[A-Za-z0-9_-]+")
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_READ_CHUNK = 64 * 1024
# An XML declaration's encoding, and the encodings in which the bytes "<!DOCTYPE" are the only
# way to write that markup (ASCII-compatible; see _parse_xml).
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
_ASCII_COMPATIBLE = re.compile(r"utf-?8|us-ascii|ascii|iso-?8859-([1-9]|1[0-5])|latin-?1|(windows|cp)-?125[0-8]", re.I)
_INTEGER = re.compile(r"-?[0-9]{1,18}")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# ZIP end-of-archive records (APPNOTE 4.3.16, 4.3.14, 4.3.15).
_END_SIGNATURE = b"PK\x05\x06"
_END_RECORD = struct.Struct("<4s4H2LH")
_ZIP64_END_SIGNATURE = b"PK\x06\x06"
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_LOCAL_SIGNATURE = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # APPNOTE 4.3.7

# zipfile reports damaged input through a zoo of exception types; all mean "unreadable".
_ARCHIVE_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    KeyError,
    IndexError,
)


@dataclass(frozen=True)
class Manifest:
    """The main section of ``META-INF/MANIFEST.MF``."""

    object_id: str | None
    spec_version: str | None
    created_by: str | None
    create_date: str | None
    attributes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ConfigInput:
    """One element of an instance's configuration form.

    ``variable_id`` is the key an instance stores the value under and therefore the key
    that settings migration matches on; layout elements have none.
    """

    tab: str
    variable_id: str
    label: str
    kind: str
    input_id: str
    default: str | None = None
    validation: str | None = None
    max_length: int | None = None
    description: str | None = None

    @property
    def is_secret(self) -> bool:
        """A password input: its value is never shown, printed or logged."""
        return "password" in self.kind.casefold()

    @property
    def stores_value(self) -> bool:
        """Whether an instance keeps a value for this input (False for headlines etc.)."""
        return bool(self.variable_id) and self.kind not in LAYOUT_KINDS


@dataclass(frozen=True)
class ConfigSchema:
    """The configuration form of a module version, in form order."""

    inputs: tuple[ConfigInput, ...] = ()

    def get(self, variable_id: str) -> ConfigInput | None:
        """The first value-storing input with this ``variableId``, if any."""
        for config_input in self.inputs:
            if config_input.stores_value and config_input.variable_id == variable_id:
                return config_input
        return None

    @property
    def value_inputs(self) -> tuple[ConfigInput, ...]:
        """The inputs that store a value, first one per variable id, in form order."""
        first: dict[str, ConfigInput] = {}
        for config_input in self.inputs:
            if config_input.stores_value:
                first.setdefault(config_input.variable_id, config_input)
        return tuple(first.values())

    @property
    def variable_ids(self) -> tuple[str, ...]:
        """The distinct variable ids that store a value, in form order."""
        return tuple(config_input.variable_id for config_input in self.value_inputs)

    @property
    def tabs(self) -> tuple[str, ...]:
        """Tab names in form order, for grouping output."""
        return tuple(dict.fromkeys(i.tab for i in self.inputs))


@dataclass(frozen=True)
class EntryPoint:
    """A way the PBX calls into the module (XML-RPC, life cycle, timer, ...)."""

    kind: str
    name: str
    type: str | None = None
    stages: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModuleDescriptor:
    """What ``module-descriptor.xml`` says about a module version."""

    id: str
    name: str
    vendor: str
    version: int
    names: Mapping[str, str] = field(default_factory=dict)
    spec_version: str | None = None
    module_type: str | None = None
    impl_version: str | None = None
    created_with: str | None = None
    description: str = ""
    short_description: str = ""
    description_url: str | None = None
    default_locale: str | None = None
    entry_points: tuple[EntryPoint, ...] = ()
    schema: ConfigSchema = field(default_factory=ConfigSchema)
    create_time: int | None = None
    last_changed_time: int | None = None
    leftover_names: Mapping[str, str] = field(default_factory=dict)
    """Localized names copied from another module (their resource key names its id); never shown."""

    def display_name(self, locale: str) -> str:
        """The name to show for ``locale`` (``de``, ``de_DE``, ``en-US``), falling back sensibly."""
        language = re.split(r"[_-]", locale, maxsplit=1)[0]
        for candidate in (locale, language, self.default_locale):
            if candidate and candidate in self.names:
                return self.names[candidate]
        return self.name


@dataclass(frozen=True)
class ModuleFile:
    """A checked ``.sfm`` file: its manifest, descriptor and identity."""

    manifest: Manifest
    descriptor: ModuleDescriptor
    sha256: str
    size: int
    descriptor_xml: bytes
    entry_names: tuple[str, ...]
    source: str = ""


def read_sfm_path(path: str | os.PathLike[str], *, verify_entries: bool = False) -> ModuleFile:
    """Read and check the module file at ``path`` (and nothing else).

    Only a regular file is read: a named pipe, directory or device is refused at once. See
    :func:`read_sfm` for ``verify_entries``.
    """
    name = os.fspath(path)
    file_name = os.path.basename(name) or name
    try:
        info = os.stat(name)
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
            raise _too_large(_label(file_name), info.st_size)
        data = read_regular_file(
            name, MAX_FILE_BYTES, what="module file", error=InvalidModuleFile, shown=one_line(file_name)
        )
    except InvalidModuleFile:
        raise
    except OSError as error:
        raise InvalidModuleFile(
            code="file_unreadable",
            params={
                "what": "module file",
                "path": one_line(file_name),
                "reason": os_reason(error),
                "errno": errno_name(error),
            },
        ) from None
    return read_sfm(data, source=file_name, verify_entries=verify_entries)


def read_sfm(data: bytes, *, source: str = "", verify_entries: bool = False) -> ModuleFile:
    """Check ``data`` as an ``.sfm`` archive and return what it declares.

    Only the manifest and the descriptor are decompressed; the other entries are checked from
    the central directory and their local headers (sizes, ratio, place in the file). With
    ``verify_entries`` every entry is decompressed as well, so a damaged class file is caught
    (for a file about to be published in a catalog; downloads are checked by SHA-256 instead).

    Raises:
        InvalidModuleFile: for anything that is not a sound, safe STARFACE module file.
    """
    label = _label(source)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(label, len(data))
    _check_declared_directory(data, label)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS:
        if data.startswith(b"PK"):
            raise _invalid("sfm_truncated", label) from None
        raise _invalid("sfm_not_zip", label) from None
    with archive:
        infos = _checked_entries(archive, label)
        _check_layout(data, archive, infos, label)
        names = {info.filename for info in infos}
        if DESCRIPTOR_NAME not in names:
            raise _invalid("sfm_no_descriptor", label, entry=DESCRIPTOR_NAME)
        if MANIFEST_NAME not in names:
            raise _invalid("sfm_no_manifest", label, entry=MANIFEST_NAME)
        if verify_entries:
            _verify_checksums(archive, infos, label)
        manifest = parse_manifest(_read_entry(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES, label), source=source)
        descriptor_xml = _read_entry(archive, DESCRIPTOR_NAME, MAX_DESCRIPTOR_BYTES, label)
    descriptor = parse_descriptor(descriptor_xml, source=source)
    if manifest.object_id is not None and manifest.object_id.strip().lower() != descriptor.id.lower():
        raise _invalid("sfm_id_mismatch", label)
    return ModuleFile(
        manifest=manifest,
        descriptor=descriptor,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        descriptor_xml=descriptor_xml,
        entry_names=tuple(info.filename for info in infos),
        source=source,
    )


def parse_manifest(raw: bytes, *, source: str = "") -> Manifest:
    """Parse the main section of a JAR manifest (``Key: value``, continuation lines start with a space)."""
    label = _label(source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _invalid("sfm_manifest_invalid", label) from None
    attributes: dict[str, str] = {}
    last_key: str | None = None
    for line in re.split(r"\r\n|\r|\n", text):
        if not line:
            break  # the main section ends at the first blank line
        if line.startswith(" "):
            if last_key is None:
                raise _invalid("sfm_manifest_invalid", label)
            attributes[last_key] += line[1:]
            continue
        key, separator, value = line.partition(":")
        if not separator or not _MANIFEST_KEY.fullmatch(key) or key in attributes:
            raise _invalid("sfm_manifest_invalid", label)
        attributes[key] = value[1:] if value.startswith(" ") else value
        last_key = key
    return Manifest(
        object_id=attributes.get("ObjectId"),
        spec_version=attributes.get("StarfaceModule_SpecVersion"),
        created_by=attributes.get("Created-By"),
        create_date=attributes.get("Create-Date"),
        attributes=attributes,
    )


def parse_descriptor(xml: bytes, *, source: str = "") -> ModuleDescriptor:
    """Parse ``module-descriptor.xml`` (from a file or as a PBX hands it out).

    Raises:
        InvalidModuleFile: malformed or hostile XML, or a descriptor without id, name or
            an integer version.
    """
    label = _label(source)
    if len(xml) > MAX_DESCRIPTOR_BYTES:
        raise _invalid("sfm_descriptor_too_large", label, limit_mb=str(MAX_DESCRIPTOR_BYTES // (1024 * 1024)))
    try:
        root = _parse_xml(xml)
    except DefusedXmlException:
        raise _invalid("sfm_descriptor_dtd", label) from None
    except (ParseError, ValueError, LookupError):  # LookupError: an unknown declared encoding
        raise _invalid("sfm_descriptor_not_xml", label) from None
    if _local(root.tag) != "module":
        raise _invalid("sfm_descriptor_no_module", label)
    module_id = (_field(root, "id") or "").strip()
    name = (_field(root, "name") or "").strip()
    if not module_id or not name:
        raise _invalid("sfm_descriptor_no_id" if not module_id else "sfm_descriptor_no_name", label)
    version_text = (_field(root, "version") or "").strip()
    if not re.fullmatch(r"[0-9]{1,18}", version_text):
        raise _invalid("sfm_descriptor_bad_version", label, version=version_text[:40])
    names, leftover_names = _resource_names(root, module_id)
    return ModuleDescriptor(
        id=module_id,
        name=name,
        vendor=(_field(root, "vendor") or "").strip(),
        version=int(version_text),
        names=names,
        leftover_names=leftover_names,
        spec_version=_stripped(_field(root, "specVersion")),
        module_type=_stripped(_field(root, "moduleType")),
        impl_version=_stripped(_field(root, "implVersion")),
        created_with=_stripped(_field(root, "createdWith")),
        description=_field(root, "description") or "",
        short_description=_field(root, "shortDescription") or "",
        description_url=_stripped(_field(root, "descriptionURL")),
        default_locale=_stripped(_field(root, "defaultLocale")),
        entry_points=tuple(_entry_points(root)),
        schema=ConfigSchema(tuple(_config_inputs(root))),
        create_time=_optional_int(_field(root, "createTime")),
        last_changed_time=_optional_int(_field(root, "lastChangedTime")),
    )


def _parse_xml(xml: bytes) -> Element:
    """The root element; a DTD (and with it any entity declaration) is refused.

    Entities can only be declared inside a DOCTYPE. A document in an ASCII-compatible encoding
    without the bytes ``<!DOCTYPE`` has none, so the C parser reads it (undeclared entities are
    errors there); anything else - another encoding, or those bytes anywhere, even in a comment
    - goes through defusedxml, which refuses a DTD the moment the parser meets it.
    """
    if b"<!DOCTYPE" not in xml and _ascii_compatible(xml):
        parser = XMLParser()
        parser.feed(xml)
        root: Element = parser.close()
        return root
    return SafeElementTree.fromstring(xml, forbid_dtd=True)  # type: ignore[no-any-return]


def _ascii_compatible(xml: bytes) -> bool:
    """Whether the document is read in an encoding that writes ASCII as ASCII bytes."""
    head = xml[:4]
    if b"\x00" in head or head.startswith((b"\xfe\xff", b"\xff\xfe")):
        return False  # UTF-16 or UTF-32
    body = xml[3:] if xml.startswith(b"\xef\xbb\xbf") else xml
    if not body.startswith(b"<?xml"):
        return True  # no declaration: UTF-8 (or unreadable, which the parser reports)
    declaration = _DECLARED_ENCODING.match(body[: body.find(b"?>") + 2])
    return declaration is None or bool(_ASCII_COMPATIBLE.fullmatch(declaration.group(1).decode("ascii")))


# --- archive checks -------------------------------------------------------------------


def _check_declared_directory(data: bytes, label: str) -> None:
    """Refuse an oversized table of contents before zipfile builds an object per entry.

    zipfile reads the whole central directory up front; a 50 MB file of tiny entries would
    cost seconds and hundreds of MB. The end record is located the way zipfile locates it.
    """
    declared = _declared_directory(data)
    if declared is None:
        return  # no end record: zipfile reports the archive as damaged
    count, size = declared
    if count > MAX_ENTRIES:
        raise _invalid("sfm_too_many_entries", label, count=str(count), limit=str(MAX_ENTRIES))
    if size > MAX_CENTRAL_DIRECTORY_BYTES:
        raise _invalid("sfm_directory_too_large", label, size_kb=str(size // 1024))


def _declared_directory(data: bytes) -> tuple[int, int] | None:
    """(entry count, central directory bytes) as the end-of-archive record declares them."""
    end = len(data) - _END_RECORD.size
    if end >= 0 and data[end : end + 4] == _END_SIGNATURE and data[-2:] == b"\0\0":
        position = end
    else:
        position = data.rfind(_END_SIGNATURE, max(0, end - 0xFFFF))
        if position < 0 or position + _END_RECORD.size > len(data):
            return None
    fields = _END_RECORD.unpack_from(data, position)
    count, size = int(fields[4]), int(fields[5])
    locator = position - _ZIP64_LOCATOR_SIZE
    record = locator - _ZIP64_END_RECORD.size
    zip64 = (
        record >= 0
        and data[locator : locator + 4] == _ZIP64_LOCATOR_SIGNATURE
        and data[record : record + 4] == _ZIP64_END_SIGNATURE
    )
    if zip64:
        fields64 = _ZIP64_END_RECORD.unpack_from(data, record)
        count, size = int(fields64[7]), int(fields64[8])
    return count, size


def _checked_entries(archive: zipfile.ZipFile, label: str) -> list[zipfile.ZipInfo]:
    """Refuse archives that are too big, too many, bombs, encrypted, or escape their folder."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _invalid("sfm_too_many_entries", label, count=str(len(infos)), limit=str(MAX_ENTRIES))
    seen: set[str] = set()
    total = 0
    for info in infos:
        if _unsafe_name(info.orig_filename) or _unsafe_name(info.filename):
            raise _invalid("sfm_entry_outside", label, entry=info.filename[:80])
        if info.filename in seen:
            raise _invalid("sfm_entry_twice", label, entry=info.filename[:80])
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise _invalid("sfm_entry_encrypted", label, entry=info.filename[:80])
        total += info.file_size
        if _unpacks_absurdly(info):
            raise _invalid("sfm_entry_bomb", label, entry=info.filename[:80])
    if total > MAX_TOTAL_UNCOMPRESSED_BYTES:
        raise _invalid("sfm_unpacks_too_large", label, limit_mb=str(MAX_TOTAL_UNCOMPRESSED_BYTES // (1024 * 1024)))
    return infos


def _unpacks_absurdly(info: zipfile.ZipInfo) -> bool:
    """Too big on its own, or a large entry compressed far beyond what real content allows."""
    if info.file_size > MAX_ENTRY_UNCOMPRESSED_BYTES:
        return True
    ratio = info.file_size / max(info.compress_size, 1)
    return info.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO


def _unsafe_name(name: str) -> bool:
    return (
        not name
        or "\x00" in name
        or "\\" in name
        or name.startswith("/")
        or bool(_DRIVE_LETTER.match(name))
        or ".." in name.split("/")
    )


def _check_layout(data: bytes, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], label: str) -> None:
    """Every entry's local header and data lie before the central directory, none overlapping.

    This is what decompressing every entry used to prove about entries that are never read,
    at the cost of reading a 30-byte header each: a truncated file, an entry pointing outside
    the archive and overlapping entries (a ZIP bomb technique) are refused here.
    """
    directory = int(getattr(archive, "start_dir", len(data)))
    spans = []
    for info in infos:
        start = info.header_offset
        header = data[start : start + _LOCAL_HEADER.size]
        if start < 0 or len(header) < _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
            raise _damaged(label, info.filename)
        fields = _LOCAL_HEADER.unpack(header)
        end = start + _LOCAL_HEADER.size + int(fields[9]) + int(fields[10]) + info.compress_size
        if end > directory:
            raise _damaged(label, info.filename)
        spans.append((start, end))
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            raise _invalid("sfm_entries_overlap", label)


def _damaged(label: str, name: str) -> InvalidModuleFile:
    return _invalid("sfm_entry_damaged", label, entry=name[:80])


def _verify_checksums(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], label: str) -> None:
    """Decompress every entry (bounded by the checked sizes) so a damaged class file is caught too."""
    for info in infos:
        try:
            with archive.open(info) as stream:
                while stream.read(_READ_CHUNK):
                    pass
        except _ARCHIVE_ERRORS:
            raise _damaged(label, info.filename) from None


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int, label: str) -> bytes:
    """Read one entry, never more than ``limit`` bytes whatever its header claims."""
    try:
        with archive.open(name) as stream:
            data = stream.read(limit + 1)
    except _ARCHIVE_ERRORS:
        raise _damaged(label, name) from None
    if len(data) > limit:
        raise _invalid("sfm_entry_too_large", label, entry=name, limit_kb=str(limit // 1024))
    return data


def _too_large(label: str, size: int) -> InvalidModuleFile:
    return _invalid(
        "sfm_too_large", label, size_mb=str(size // (1024 * 1024)), limit_mb=str(MAX_FILE_BYTES // (1024 * 1024))
    )


def _label(source: str) -> str:
    """How messages name the file (the param ``file``): its name with control characters masked."""
    return one_line(source)


def _invalid(code: str, label: str, **params: str) -> InvalidModuleFile:
    """The error ``code`` of :mod:`modmanager.core.messages.modules` about the file ``label``."""
    return InvalidModuleFile(code=code, params={"file": label, **params})


def one_line(text: str) -> str:
    """``text`` with control characters replaced, so a message stays one line on a terminal."""
    return _CONTROL_CHARACTERS.sub("?", text)


# --- descriptor helpers ---------------------------------------------------------------


def _local(tag: object) -> str:
    """The element name without a namespace (comments and PIs have non-string tags)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if _local(child.tag) == name)


def _field(element: Element, name: str) -> str | None:
    """A value given either as attribute or as child element text (real files vary)."""
    value = element.get(name)
    if value is not None or not len(element):
        return value
    for child in _children(element, name):
        return "".join(child.itertext())
    return None


def _values(element: Element) -> dict[str, str]:
    """:func:`_field` for every name of one element at once: its attributes, and for other names
    the text of the first child element so named."""
    values = dict(element.attrib)
    for child in element:
        name = _local(child.tag)
        if name and name not in values:
            values[name] = "".join(child.itertext())
    return values


def _stripped(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _optional_int(value: str | None) -> int | None:
    if not value:
        return None
    text = value.strip()
    return int(text) if _INTEGER.fullmatch(text) else None


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_OWNER_FIELDS = ("key", "id", "resourceKey", "moduleId", "objectId")
_ENTRY_TAGS = ("entries", "entry")


def _resource_names(root: Element, module_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """Localized names from ``resourceKeys`` (``entries`` with ``key`` = locale): (names, leftovers).

    The one place that decides which localized names belong to the module. Vendors build a
    module from a copy of another one, and real files keep the copied localized names under a
    resource key naming the *other* module's id. A name is a leftover - kept apart, never shown
    - when its resource key (on ``resourceKeys``, on an enclosing entry, or in the entry's own
    key, e.g. ``<id>.de``) names an id other than this module's. Empty values are skipped;
    the first name per locale wins.
    """
    names: dict[str, str] = {}
    leftovers: dict[str, str] = {}

    def add(locale: str, value: str, owner: str | None) -> None:
        if not locale or not value:
            return
        target = leftovers if owner is not None and owner.lower() != module_id.lower() else names
        target.setdefault(locale, value)

    def walk(container: Element, owner: str | None) -> None:
        for entry in container:
            if _local(entry.tag) not in _ENTRY_TAGS:
                continue
            key = (_field(entry, "key") or "").strip()
            nested = [child for child in _entry_children(entry) if _local(child.tag) in _ENTRY_TAGS]
            found = _UUID.search(key)
            if nested:
                walk(_entry_container(entry), found.group(0) if found else owner)
                continue
            value = (_field(entry, "value") or "").strip()
            if found:
                locale = key.replace(found.group(0), "").strip(" ._-:/")
                add(locale, value, found.group(0))
            else:
                add(key, value, owner)

    for keys in _children(root, "resourceKeys"):
        declared = next((keys.get(name) for name in _OWNER_FIELDS if keys.get(name)), None) or next(
            (
                (child.text or "").strip()
                for child in keys
                if _local(child.tag) in _OWNER_FIELDS and (child.text or "").strip()
            ),
            None,
        )
        found = _UUID.search(declared or "")
        walk(keys, found.group(0) if found else None)
    return names, leftovers


def _entry_children(entry: Element) -> list[Element]:
    """The elements below an entry, looking through a ``<value>`` wrapper (a map inside a map)."""
    container = _entry_container(entry)
    return list(container)


def _entry_container(entry: Element) -> Element:
    for child in entry:
        if _local(child.tag) == "value" and any(_local(grand.tag) in _ENTRY_TAGS for grand in child):
            return child
    return entry


def _entry_points(root: Element) -> Iterator[EntryPoint]:
    for container in _children(root, "entryPoints"):
        if container.get(_XSI_TYPE):
            yield _entry_point(container, container.get(_XSI_TYPE, ""))
            continue
        for element in container:
            kind = _local(element.tag)
            if kind:
                yield _entry_point(element, kind)


def _entry_point(element: Element, kind: str) -> EntryPoint:
    stages: list[str] = []
    attribute = element.get("stages")
    if attribute:
        stages.extend(attribute.split(","))
    for child in element:
        if _local(child.tag) in ("stage", "stages", "lifeCycleStage"):
            text = "".join(child.itertext())
            stages.extend(text.split(","))
    return EntryPoint(
        kind=kind.rsplit(":", 1)[-1],
        name=(_field(element, "name") or "").strip(),
        type=_stripped(_field(element, "type")),
        stages=tuple(stage.strip() for stage in stages if stage.strip()),
    )


def _tabs(root: Element) -> Iterator[Element]:
    """Tabs are ``inputGUITabs`` elements with a name, or the children of one wrapper."""
    for container in _children(root, "inputGUITabs"):
        if any(True for _ in _children(container, "GUIDescriptors")):
            yield container
            continue
        for child in container:
            if any(True for _ in _children(child, "GUIDescriptors")):
                yield child


def _config_inputs(root: Element) -> Iterator[ConfigInput]:
    for tab in _tabs(root):
        tab_name = (_field(tab, "name") or "").strip()
        for descriptors in _children(tab, "GUIDescriptors"):
            typed = descriptors.get(_XSI_TYPE)
            if typed:
                yield _config_input(descriptors, typed.rsplit(":", 1)[-1], tab_name)
                continue
            for element in descriptors:
                kind = _local(element.tag)
                if kind:
                    yield _config_input(element, kind, tab_name)


def _config_input(element: Element, kind: str, tab: str) -> ConfigInput:
    field = _values(element).get
    max_length = _optional_int(field("maxLength"))
    return ConfigInput(
        tab=tab,
        variable_id=(field("variableId") or "").strip(),
        label=(field("name") or "").strip(),
        kind=kind,
        input_id=(field("id") or "").strip(),
        default=field("defaultValue"),
        validation=field("validationRegexp"),
        max_length=max_length if max_length is not None and max_length >= 0 else None,
        description=field("description"),
    )
