"""Reading .sfm files: round trip, lenient descriptor shapes, and refusal of hostile input."""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modmanager.core import sfm
from modmanager.core.errors import InvalidModuleFile
from modmanager.core.sfm import (
    DESCRIPTOR_NAME,
    MANIFEST_NAME,
    ConfigInput,
    ConfigSchema,
    parse_descriptor,
    parse_manifest,
    read_sfm,
    read_sfm_path,
)
from modmanager.core.sfmbuild import assemble_sfm, build_sfm, descriptor_xml, example_spec, manifest_text
from tests.fixtures.hostile import billion_laughs_sfm, traversal_sfm, truncated_sfm, zip_bomb_sfm

SPEC = example_spec()


def _entries(spec_bytes: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(spec_bytes)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _with_descriptor(xml: str | bytes) -> bytes:
    """A module file whose descriptor is ``xml`` and whose manifest has no ObjectId."""
    body = xml.encode() if isinstance(xml, str) else xml
    return assemble_sfm({MANIFEST_NAME: b"Manifest-Version: 1.0\r\n\r\n", DESCRIPTOR_NAME: body})


# --- reading a good file -----------------------------------------------------------------


def test_read_sfm_gives_back_what_was_built() -> None:
    data = build_sfm(SPEC)
    module = read_sfm(data, source="Anrufweiterleitung_v126.sfm")

    descriptor = module.descriptor
    assert descriptor.id == SPEC.module_id
    assert descriptor.name == SPEC.name
    assert descriptor.vendor == SPEC.vendor
    assert descriptor.version == SPEC.version
    assert descriptor.description == SPEC.description
    assert descriptor.short_description == SPEC.short_description
    assert descriptor.created_with == SPEC.created_with
    assert descriptor.spec_version == str(SPEC.spec_version)
    assert descriptor.module_type == SPEC.module_type
    assert descriptor.default_locale == SPEC.default_locale
    assert dict(descriptor.names) == {locale: name for locale, name in SPEC.names.items() if name}
    assert module.manifest.object_id == SPEC.module_id
    assert module.manifest.created_by == SPEC.created_by
    assert module.manifest.create_date == SPEC.create_date
    assert module.manifest.spec_version == str(SPEC.spec_version)
    assert module.sha256 == hashlib.sha256(data).hexdigest()
    assert module.size == len(data)
    assert module.source == "Anrufweiterleitung_v126.sfm"
    assert module.descriptor_xml == descriptor_xml(SPEC)
    assert set(module.entry_names) == {"META-INF/", MANIFEST_NAME, DESCRIPTOR_NAME, *SPEC.extra_entries}


def test_entry_points_keep_kind_name_type_and_stages() -> None:
    points = read_sfm(build_sfm(SPEC)).descriptor.entry_points

    rpc = [p for p in points if p.kind == "rpcEntryPoint"]
    life_cycle = [p for p in points if p.kind == "lifeCycleEntryPoint"]
    assert [(p.name, p.type) for p in rpc] == [(name, "XMLRPC_auth") for name in SPEC.rpc_entry_points]
    assert len(life_cycle) == 1
    assert life_cycle[0].stages == SPEC.lifecycle_stages


def test_configuration_form_round_trips_input_by_input() -> None:
    schema = read_sfm(build_sfm(SPEC)).descriptor.schema

    assert len(schema.inputs) == len(SPEC.inputs)
    for read, spec in zip(schema.inputs, SPEC.inputs, strict=True):
        assert (read.tab, read.variable_id, read.label, read.kind) == (
            spec.tab,
            spec.variable_id,
            spec.label,
            spec.kind,
        )
        assert (read.default, read.validation, read.max_length, read.description) == (
            spec.default,
            spec.validation,
            spec.max_length,
            spec.description,
        )


def test_headlines_store_no_value_and_are_not_variables() -> None:
    schema = read_sfm(build_sfm(SPEC)).descriptor.schema

    headlines = [i for i in schema.inputs if i.kind == "headline"]
    assert headlines and not any(h.stores_value for h in headlines)
    assert schema.variable_ids == tuple(i.variable_id for i in SPEC.inputs if i.variable_id)
    assert schema.get("") is None
    assert schema.get("targetNumber") is not None
    assert schema.get("noSuchVariable") is None


def test_schema_get_takes_the_first_input_of_a_repeated_variable() -> None:
    first = ConfigInput("A", "x", "Erste", "textInput", "1")
    second = ConfigInput("B", "x", "Zweite", "textInput", "2")
    schema = ConfigSchema((first, second))

    assert schema.get("x") is first
    assert schema.variable_ids == ("x",)
    assert schema.tabs == ("A", "B")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "Anrufweiterleitung"),
        ("en", "Call Forwarding"),
        ("en_US", "Call Forwarding"),
        ("en-GB", "Call Forwarding"),
        ("fr", "Anrufweiterleitung"),  # empty French name: falls back to the default locale
        ("xx", "Anrufweiterleitung"),
    ],
)
def test_display_name_prefers_the_locale_then_the_language_then_the_default(locale: str, expected: str) -> None:
    spec = replace(SPEC, name="anrufweiterleitung-intern")
    assert read_sfm(build_sfm(spec)).descriptor.display_name(locale) == expected


def test_display_name_without_localized_names_is_the_module_name() -> None:
    spec = replace(SPEC, names={})
    assert read_sfm(build_sfm(spec)).descriptor.display_name("de") == SPEC.name


def test_manifest_object_id_may_be_absent() -> None:
    entries = _entries(build_sfm(SPEC))
    entries[MANIFEST_NAME] = b"Manifest-Version: 1.0\r\nCreated-By: STARFACE Version 8.1.2.2\r\n\r\n"

    module = read_sfm(assemble_sfm(entries))

    assert module.manifest.object_id is None
    assert module.manifest.created_by == "STARFACE Version 8.1.2.2"
    assert module.descriptor.id == SPEC.module_id


def test_read_sfm_path_reads_the_file_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "Anrufweiterleitung_v126.sfm"
    path.write_bytes(build_sfm(SPEC))

    module = read_sfm_path(path)

    assert module.source == "Anrufweiterleitung_v126.sfm"
    assert module.descriptor.version == SPEC.version


def test_read_sfm_path_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidModuleFile, match=r"Fehlt_v1\.sfm cannot be read"):
        read_sfm_path(tmp_path / "Fehlt_v1.sfm")


# --- manifest ------------------------------------------------------------------------------


def test_manifest_joins_continuation_lines_and_keeps_umlauts() -> None:
    created_by = "STARFACE Version 10.0.0.4 – gebaut für Müller & Söhne GmbH, Niederlassung Österreich"
    raw = manifest_text(replace(SPEC, created_by=created_by))

    assert any(line.startswith(b" ") for line in raw.split(b"\r\n")), "the builder should wrap this line"
    assert all(len(line) <= 72 for line in raw.split(b"\r\n"))
    assert parse_manifest(raw).created_by == created_by


def test_manifest_stops_at_the_first_blank_line() -> None:
    raw = b"Manifest-Version: 1.0\nObjectId: abc\n\nName: de/Foo.class\nObjectId: other\n"
    manifest = parse_manifest(raw)
    assert manifest.object_id == "abc"
    assert dict(manifest.attributes) == {"Manifest-Version": "1.0", "ObjectId": "abc"}


@pytest.mark.parametrize(
    "raw",
    [
        b"no colon here\r\n",
        b" starts with a continuation\r\n",
        b"ObjectId: a\r\nObjectId: b\r\n",
        b"Bad Key: x\r\n",
        b"ObjectId: \xff\xfe\r\n",
    ],
)
def test_invalid_manifests_are_refused(raw: bytes) -> None:
    with pytest.raises(InvalidModuleFile, match="not a valid JAR manifest"):
        parse_manifest(raw, source="x.sfm")


# --- lenient descriptor shapes -----------------------------------------------------------


def test_descriptor_fields_may_be_child_elements() -> None:
    xml = """<?xml version="1.0" encoding="UTF-8"?>
    <module>
      <id>7e1d2c3b-0000-4000-8000-000000000001</id><name>Zeiterfassung &amp; Co</name>
      <vendor>Müller</vendor><version>82</version><implVersion>1.4</implVersion>
      <resourceKeys><entries key="de" value="Zeiterfassung"/><entries><key>en</key><value> </value></entries>
      </resourceKeys>
      <entryPoints><timerEntryPoint><name>nightly</name></timerEntryPoint>
        <lifeCycleEntryPoint name="lc" stages="InstanceChanged, InstanceDeleted"/></entryPoints>
      <inputGUITabs><name>Allgemein</name><GUIDescriptors>
        <numberInput><id>n1</id><name>Intervall</name><variableId>interval</variableId>
          <defaultValue>15</defaultValue><maxLength>abc</maxLength></numberInput>
      </GUIDescriptors></inputGUITabs>
    </module>"""
    descriptor = parse_descriptor(xml.encode())

    assert (descriptor.id, descriptor.name, descriptor.vendor, descriptor.version) == (
        "7e1d2c3b-0000-4000-8000-000000000001",
        "Zeiterfassung & Co",
        "Müller",
        82,
    )
    assert descriptor.impl_version == "1.4"
    assert dict(descriptor.names) == {"de": "Zeiterfassung"}
    assert [(p.kind, p.name, p.stages) for p in descriptor.entry_points] == [
        ("timerEntryPoint", "nightly", ()),
        ("lifeCycleEntryPoint", "lc", ("InstanceChanged", "InstanceDeleted")),
    ]
    (only,) = descriptor.schema.inputs
    assert (only.tab, only.kind, only.variable_id, only.label, only.default, only.max_length) == (
        "Allgemein",
        "numberInput",
        "interval",
        "Intervall",
        "15",
        None,
    )


def test_descriptor_accepts_wrapped_tabs_and_xsi_typed_inputs() -> None:
    xml = """<module xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="m" name="M" version="3">
      <entryPoints xsi:type="rpcEntryPoint" name="getStatus"><type>XMLRPC_auth</type></entryPoints>
      <inputGUITabs>
        <tab name="Eins"><GUIDescriptors xsi:type="checkBoxInput" id="c" name="Aktiv" variableId="on"/></tab>
        <tab name="Zwei"><GUIDescriptors><selectInput id="s" name="Modus" variableId="mode"/></GUIDescriptors></tab>
      </inputGUITabs>
    </module>"""
    descriptor = parse_descriptor(xml.encode())

    assert [(p.kind, p.name, p.type) for p in descriptor.entry_points] == [
        ("rpcEntryPoint", "getStatus", "XMLRPC_auth")
    ]
    assert [(i.tab, i.kind, i.variable_id) for i in descriptor.schema.inputs] == [
        ("Eins", "checkBoxInput", "on"),
        ("Zwei", "selectInput", "mode"),
    ]


# --- refusals ----------------------------------------------------------------------------


def _refusal(data: bytes) -> str:
    with pytest.raises(InvalidModuleFile) as caught:
        read_sfm(data, source="Boese_v1.sfm")
    message = caught.value.message
    assert "Boese_v1.sfm" in message
    assert "\n" not in str(caught.value)
    assert caught.value.hint
    return message


def test_not_a_zip_is_refused() -> None:
    assert "not a ZIP archive" in _refusal(b"<html>404 Not Found</html>")


def test_empty_input_is_refused() -> None:
    assert "not a ZIP archive" in _refusal(b"")


def test_truncated_archive_is_refused() -> None:
    assert "truncated or damaged" in _refusal(truncated_sfm(SPEC))


def test_damaged_entry_data_is_refused() -> None:
    data = bytearray(build_sfm(SPEC))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(DESCRIPTOR_NAME)
    data_start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[data_start + info.compress_size // 2] ^= 0xFF
    assert "damaged" in _refusal(bytes(data))


CLASS_ENTRY = "de/beispiel/weiterleitung/Weiterleitung.class"
_CENTRAL = struct.Struct("<4s6H3L5H2L")  # central directory record, APPNOTE 4.3.12


def _central_records(data: bytes) -> dict[str, int]:
    """Entry name -> position of its central directory record."""
    records = {}
    position = data.index(b"PK\x01\x02")
    while data[position : position + 4] == b"PK\x01\x02":
        fields = _CENTRAL.unpack_from(data, position)
        name_length, extra_length, comment_length = fields[10], fields[11], fields[12]
        name = data[position + _CENTRAL.size : position + _CENTRAL.size + name_length].decode()
        records[name] = position
        position += _CENTRAL.size + name_length + extra_length + comment_length
    return records


def _with_central_field(data: bytes, name: str, field_index: int, value: int) -> bytes:
    position = _central_records(data)[name]
    fields = list(_CENTRAL.unpack_from(data, position))
    fields[field_index] = value
    changed = bytearray(data)
    _CENTRAL.pack_into(changed, position, *fields)
    return bytes(changed)


def test_only_the_manifest_and_descriptor_are_decompressed() -> None:
    # A damaged class file is the PBX's problem (and caught by SHA-256 on download), not the
    # reader's: inspecting a file decompresses what it reads.
    data = bytearray(build_sfm(SPEC))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(CLASS_ENTRY)
    data_start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[data_start] ^= 0xFF
    assert read_sfm(bytes(data)).descriptor.id == SPEC.module_id
    with pytest.raises(InvalidModuleFile, match="damaged: the entry 'de/beispiel"):
        read_sfm(bytes(data), verify_entries=True)


def test_an_entry_reaching_past_the_archive_is_refused() -> None:
    data = _with_central_field(build_sfm(SPEC), CLASS_ENTRY, 8, 1_000_000)  # compressed size
    assert f"damaged: the entry {CLASS_ENTRY!r}" in _refusal(data)


def test_an_entry_without_its_local_header_is_refused() -> None:
    data = build_sfm(SPEC)
    offset = _CENTRAL.unpack_from(data, _central_records(data)[CLASS_ENTRY])[16]
    broken = bytearray(data)
    broken[offset : offset + 4] = b"XXXX"
    assert f"damaged: the entry {CLASS_ENTRY!r}" in _refusal(bytes(broken))


def test_overlapping_entries_are_refused() -> None:
    data = build_sfm(SPEC)
    descriptor_offset = _CENTRAL.unpack_from(data, _central_records(data)[DESCRIPTOR_NAME])[16]
    overlapping = _with_central_field(data, CLASS_ENTRY, 16, descriptor_offset)
    assert "overlap" in _refusal(overlapping)


def test_missing_descriptor_is_refused() -> None:
    entries = _entries(build_sfm(SPEC))
    del entries[DESCRIPTOR_NAME]
    assert f"has no {DESCRIPTOR_NAME}" in _refusal(assemble_sfm(entries))


def test_missing_manifest_is_refused() -> None:
    entries = _entries(build_sfm(SPEC))
    del entries[MANIFEST_NAME]
    assert f"has no {MANIFEST_NAME}" in _refusal(assemble_sfm(entries))


def test_manifest_and_descriptor_must_agree_on_the_id() -> None:
    other = replace(SPEC, module_id="00000000-0000-4000-8000-000000000000")
    entries = _entries(build_sfm(SPEC))
    entries[MANIFEST_NAME] = manifest_text(other)
    assert "manifest and descriptor disagree on the module id" in _refusal(assemble_sfm(entries))


def test_manifest_id_comparison_ignores_uuid_case() -> None:
    entries = _entries(build_sfm(SPEC))
    entries[MANIFEST_NAME] = manifest_text(replace(SPEC, module_id=SPEC.module_id.upper()))
    assert read_sfm(assemble_sfm(entries)).descriptor.id == SPEC.module_id


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        ('<module id="a" name="b" version="1">', "not well-formed XML"),
        ("not xml at all", "not well-formed XML"),
        ('<?xml version="1.0" encoding="TTF-8"?><module id="a" name="b" version="1"/>', "not well-formed XML"),
        ('<modul id="a" name="b" version="1"/>', "does not start with a <module> element"),
        ('<module name="b" version="1"/>', "has no module id"),
        ('<module id="a" name="  " version="1"/>', "has no module name"),
        ('<module id="a" name="b" version="1.2"/>', "not a whole number"),
        ('<module id="a" name="b" version="v126"/>', "not a whole number"),
        ('<module id="a" name="b"/>', "not a whole number"),
        ('<module id="a" name="b" version="-3"/>', "not a whole number"),
    ],
)
def test_bad_descriptors_are_refused(xml: str, problem: str) -> None:
    assert problem in _refusal(_with_descriptor(xml))


def test_billion_laughs_is_refused_without_expanding() -> None:
    assert "DTD or entity declarations" in _refusal(billion_laughs_sfm())


def test_external_entities_are_refused() -> None:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE module [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<module id="a" name="&x;" version="1"/>'
    )
    assert "DTD or entity declarations" in _refusal(_with_descriptor(xml))


def test_parse_descriptor_refuses_a_doctype_on_its_own() -> None:
    with pytest.raises(InvalidModuleFile, match="DTD"):
        parse_descriptor(b'<!DOCTYPE module><module id="a" name="b" version="1"/>')


@pytest.mark.parametrize("encoding", ["UTF-16", "cp037", "utf-32"])
def test_a_dtd_in_another_encoding_is_refused(encoding: str) -> None:
    # The bytes "<!DOCTYPE" do not appear in these encodings; the DTD is refused all the same.
    body = '<!DOCTYPE module [<!ENTITY x "y">]><module id="a" name="&x;" version="1"/>'
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    xml = (declaration + body).encode(encoding) if encoding != "cp037" else declaration.encode() + body.encode(encoding)
    with pytest.raises(InvalidModuleFile, match=r"DTD|not well-formed"):
        parse_descriptor(xml)


def test_descriptors_in_other_encodings_are_read() -> None:
    body = '<module id="a" name="Weiterleitung für Büros &amp; Lager" version="7"/>'
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>' + body).encode("utf-16")
    latin = b'<?xml version="1.0" encoding="ISO-8859-1"?>' + body.encode("latin-1")
    for xml in (utf16, latin):
        assert parse_descriptor(xml).name == "Weiterleitung für Büros & Lager"


def test_doctype_text_in_a_comment_is_harmless() -> None:
    xml = b'<?xml version="1.0"?><!-- no <!DOCTYPE here --><module id="a" name="b" version="1"/>'
    assert parse_descriptor(xml).id == "a"


def test_undeclared_entities_are_not_well_formed() -> None:
    with pytest.raises(InvalidModuleFile, match="not well-formed"):
        parse_descriptor(b'<module id="a" name="&passwd;" version="1"/>')


def test_zip_bomb_is_refused() -> None:
    assert "ZIP bomb" in _refusal(zip_bomb_sfm())


def test_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_sfm(SPEC)
    monkeypatch.setattr(sfm, "MAX_TOTAL_UNCOMPRESSED_BYTES", len(descriptor_xml(SPEC)))
    assert "ZIP bomb" in _refusal(data)


def test_a_single_huge_entry_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_sfm(SPEC)
    monkeypatch.setattr(sfm, "MAX_ENTRY_UNCOMPRESSED_BYTES", 100)
    assert "absurd size" in _refusal(data)


def test_descriptor_is_read_with_a_hard_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_sfm(SPEC)
    monkeypatch.setattr(sfm, "MAX_DESCRIPTOR_BYTES", 100)
    assert f"entry {DESCRIPTOR_NAME} is larger than" in _refusal(data)


def test_oversized_file_is_refused_before_unpacking() -> None:
    assert "larger than the 50 MB" in _refusal(b"PK" + bytes(sfm.MAX_FILE_BYTES))


def test_too_many_entries_are_refused() -> None:
    entries = _entries(build_sfm(SPEC))
    entries.update({f"de/x/C{number}.class": b"" for number in range(sfm.MAX_ENTRIES)})
    assert "entries, more than" in _refusal(assemble_sfm(entries))


def test_an_oversized_table_of_contents_is_refused_before_it_is_read() -> None:
    entries = _entries(build_sfm(SPEC))
    entries.update({f"de/{number}/{'x' * 60_000}.class": b"" for number in range(40)})
    assert "table of contents" in _refusal(assemble_sfm(entries))


def test_file_names_with_control_characters_stay_on_one_line() -> None:
    with pytest.raises(InvalidModuleFile) as caught:
        read_sfm(b"junk", source="evil\nname\r.sfm")
    assert "evil?name?.sfm" in caught.value.message


@pytest.mark.parametrize(
    "name",
    ["../evil.class", "de/../../evil.class", "/etc/cron.d/evil", "C:/Windows/evil.dll", "de\\..\\evil", "c:evil"],
)
def test_entries_escaping_the_archive_are_refused(name: str) -> None:
    entries = _entries(build_sfm(SPEC))
    entries[name] = b"x"
    assert "points outside the module" in _refusal(assemble_sfm(entries))


def test_traversal_fixture_is_refused() -> None:
    assert "points outside the module" in _refusal(traversal_sfm())


def test_duplicate_entries_are_refused() -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")
        archive.writestr(MANIFEST_NAME, manifest_text(SPEC))
        archive.writestr(DESCRIPTOR_NAME, descriptor_xml(SPEC))
        archive.writestr(DESCRIPTOR_NAME, descriptor_xml(replace(SPEC, name="Untergeschoben")))
    assert "twice" in _refusal(buffer.getvalue())


def test_encrypted_entries_are_refused() -> None:
    data = bytearray(build_sfm(SPEC))
    central = data.index(b"PK\x01\x02")  # first central directory record
    data[central + 8] |= 0x1  # general purpose flag: encrypted
    assert "encrypted" in _refusal(bytes(data))


# --- nothing crashes ---------------------------------------------------------------------

VALID = build_sfm(SPEC)


def _read_or_refuse(data: bytes) -> None:
    """Reading may succeed or raise InvalidModuleFile; anything else fails the test."""
    try:
        module = read_sfm(data, source="fuzz.sfm")
    except InvalidModuleFile as error:
        assert error.message and "\n" not in error.message
    else:
        assert module.size == len(data)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_never_crash(data: bytes) -> None:
    _read_or_refuse(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
    st.integers(0, len(VALID)),
)
def test_mutated_module_files_never_crash(flips: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(VALID)
    for position, value in flips:
        data[position] = value
    _read_or_refuse(bytes(data))
    _read_or_refuse(bytes(data[:cut]))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_parse_descriptor_on_arbitrary_text_only_refuses(text: str) -> None:
    xml = f'<module id="a" name="b" version="1">{text}</module>'
    try:
        descriptor = parse_descriptor(xml.encode("utf-8", "surrogatepass"))
    except InvalidModuleFile as error:
        assert "XML" in error.message or "DTD" in error.message
    else:
        assert (descriptor.id, descriptor.name, descriptor.version) == ("a", "b", 1)


DESCRIPTOR = descriptor_xml(SPEC)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(DESCRIPTOR) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_mutated_descriptors_parse_or_are_refused(flips: list[tuple[int, int]]) -> None:
    data = bytearray(DESCRIPTOR)
    for position, value in flips:
        data[position] = value
    try:
        parse_descriptor(bytes(data))
    except InvalidModuleFile as error:
        assert error.message and "\n" not in error.message
