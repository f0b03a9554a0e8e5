"""Building .sfm files: deterministic, realistic, and readable back in full."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from modmanager.core.sfm import DESCRIPTOR_NAME, MANIFEST_NAME, read_sfm
from modmanager.core.sfmbuild import (
    SIMULATED_INTERNAL_DATABASE_ATTRIBUTE,
    InputSpec,
    ModuleSpec,
    build_sfm,
    descriptor_xml,
    example_spec,
    manifest_text,
)

SPEC = example_spec()


def test_same_spec_gives_the_same_bytes() -> None:
    assert build_sfm(SPEC) == build_sfm(example_spec())
    assert build_sfm(SPEC) != build_sfm(replace(SPEC, version=SPEC.version + 1))


def test_archive_is_a_jar_with_manifest_first_and_timestamps_from_the_create_date() -> None:
    with zipfile.ZipFile(io.BytesIO(build_sfm(SPEC))) as archive:
        infos = archive.infolist()
        assert [info.filename for info in infos[:3]] == ["META-INF/", MANIFEST_NAME, DESCRIPTOR_NAME]
        assert {info.date_time for info in infos} == {(2025, 8, 12, 9, 31, 46)}  # ZIP stores even seconds
        assert archive.read(DESCRIPTOR_NAME) == descriptor_xml(SPEC)
        for name, content in SPEC.extra_entries.items():
            assert archive.read(name) == content


def test_descriptor_looks_like_a_real_one() -> None:
    xml = descriptor_xml(SPEC).decode("utf-8")

    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"')
    assert "&amp;" in xml and "Öffnungszeiten" in xml
    assert "<headline " in xml and "<timerSettingsInput " in xml
    assert "<type>XMLRPC_auth</type>" in xml
    headline_lines = [line for line in xml.splitlines() if "<headline " in line]
    assert headline_lines and not any("variableId" in line for line in headline_lines)


def test_descriptor_records_epoch_milliseconds_of_the_create_date() -> None:
    descriptor = read_sfm(build_sfm(replace(SPEC, create_date="2025-01-01T00:00:00+00:00"))).descriptor
    assert descriptor.create_time == 1735689600000


def test_manifest_is_crlf_terminated_with_a_closing_blank_line() -> None:
    raw = manifest_text(SPEC)
    assert raw.endswith(b"\r\n\r\n")
    assert raw.startswith(b"Manifest-Version: 1.0\r\n")
    assert f"ObjectId: {SPEC.module_id}\r\n".encode() in raw


def test_internal_database_marker_is_written_only_when_asked() -> None:
    plain = read_sfm(build_sfm(SPEC)).manifest.attributes
    marked = read_sfm(build_sfm(replace(SPEC, uses_internal_database=True))).manifest.attributes

    assert SIMULATED_INTERNAL_DATABASE_ATTRIBUTE not in plain
    assert marked[SIMULATED_INTERNAL_DATABASE_ATTRIBUTE] == "true"


def test_a_minimal_spec_builds_a_readable_module() -> None:
    module = read_sfm(build_sfm(ModuleSpec("m-1", "Minimal", "Vendor", 1, lifecycle_stages=())))

    assert module.descriptor.entry_points == ()
    assert module.descriptor.schema.inputs == ()
    assert module.descriptor.names == {}


# Text a form or descriptor can hold: no control characters, no surrounding blanks (the
# reader strips identifiers and labels, as real files are sometimes padded).
_text = (
    st.text(
        st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
_identifier = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,15}", fullmatch=True)
_inputs = st.lists(
    st.builds(
        InputSpec,
        variable_id=_identifier,
        label=_text,
        kind=st.sampled_from(["textInput", "numberInput", "checkBoxInput", "passwordInput", "timerSettingsInput"]),
        default=st.none() | _text,
        validation=st.none() | _text,
        tab=_text,
        description=st.none() | _text,
        max_length=st.none() | st.integers(0, 5000),
    ),
    max_size=6,
)


@settings(max_examples=60, deadline=None)
@given(
    name=_text,
    vendor=_text,
    version=st.integers(0, 10**9),
    names=st.dictionaries(st.sampled_from(["de", "en", "fr", "it"]), _text, max_size=4),
    inputs=_inputs,
    rpc=st.lists(_identifier, max_size=3),
)
def test_everything_in_a_spec_survives_build_and_read(
    name: str, vendor: str, version: int, names: dict[str, str], inputs: list[InputSpec], rpc: list[str]
) -> None:
    spec = replace(
        SPEC, name=name, vendor=vendor, version=version, names=names, inputs=tuple(inputs), rpc_entry_points=tuple(rpc)
    )
    descriptor = read_sfm(build_sfm(spec)).descriptor

    assert (descriptor.name, descriptor.vendor, descriptor.version) == (name, vendor, version)
    assert dict(descriptor.names) == names
    assert [p.name for p in descriptor.entry_points if p.kind == "rpcEntryPoint"] == rpc
    # The builder groups inputs by tab in order of first appearance, as a form shows them.
    tab_order = list(dict.fromkeys(i.tab for i in inputs))
    expected = sorted(inputs, key=lambda i: tab_order.index(i.tab))
    got = [
        InputSpec(i.variable_id, i.label, i.kind, i.default, i.validation, i.tab, i.description, i.max_length)
        for i in descriptor.schema.inputs
    ]
    assert got == expected
