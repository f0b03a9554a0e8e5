"""Localized names copied from another module are leftovers: the descriptor's name is shown.

Vendors start a module from a copy of another one; real files keep the copied localized names
under a resource key that names the *other* module's id. :func:`copied_module_file` builds such
a file in code, in each shape that key can take.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from modmanager.core.sfm import read_sfm
from modmanager.core.sfmbuild import (
    DESCRIPTOR_NAME,
    MANIFEST_NAME,
    ModuleSpec,
    assemble_sfm,
    descriptor_xml,
    example_spec,
    manifest_text,
)

OTHER_ID = "0e5d7c3b-1a2f-4b6c-9d8e-7f6a5b4c3d2e"
"""The module the vendor copied."""
NAME = "Rufumleitung Plus"
"""The descriptor's own ``name``."""
COPIED = {"de": "Anrufweiterleitung", "en": "Call Forwarding"}
"""What the copied localized names say: the other module's names."""

SHAPES = {
    "key-child": "<resourceKeys><key>{owner}</key>{entries}</resourceKeys>",
    "key-attribute": '<resourceKeys key="{owner}">{entries}</resourceKeys>',
    "nested-map": "<resourceKeys><entries><key>{owner}</key><value>{entries}</value></entries></resourceKeys>",
    "owner-in-entry-key": "<resourceKeys>{prefixed}</resourceKeys>",
}


def spec() -> ModuleSpec:
    return replace(example_spec(126), name=NAME, names={})


def copied_module_file(shape: str, owner: str = OTHER_ID) -> bytes:
    """An .sfm whose localized names sit under the resource key ``owner`` in the given shape."""
    module = spec()
    entries = "".join(f"<entries><key>{locale}</key><value>{text}</value></entries>" for locale, text in COPIED.items())
    prefixed = "".join(
        f"<entries><key>{owner}.{locale}</key><value>{text}</value></entries>" for locale, text in COPIED.items()
    )
    block = SHAPES[shape].format(owner=owner, entries=entries, prefixed=prefixed)
    xml = descriptor_xml(module).decode("utf-8").replace("<resourceKeys />", block)
    assert block in xml
    return assemble_sfm(
        {"META-INF/": b"", MANIFEST_NAME: manifest_text(module), DESCRIPTOR_NAME: xml.encode("utf-8")},
        create_date=module.create_date,
    )


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_names_under_another_modules_id_are_leftovers_and_the_name_is_shown(shape: str) -> None:
    descriptor = read_sfm(copied_module_file(shape)).descriptor
    assert descriptor.names == {}
    assert dict(descriptor.leftover_names) == COPIED
    assert descriptor.display_name("de") == NAME and descriptor.display_name("en_GB") == NAME


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_names_under_the_modules_own_id_are_its_names(shape: str) -> None:
    own = spec().module_id
    descriptor = read_sfm(copied_module_file(shape, owner=own.upper())).descriptor
    assert dict(descriptor.names) == COPIED and descriptor.leftover_names == {}
    assert descriptor.display_name("de") == "Anrufweiterleitung"


def test_plain_locale_keys_stay_the_modules_names() -> None:
    descriptor = read_sfm(
        assemble_sfm(
            {
                MANIFEST_NAME: manifest_text(spec()),
                DESCRIPTOR_NAME: descriptor_xml(replace(spec(), names={"de": "Umleitung", "en": ""})),
            }
        )
    ).descriptor
    assert dict(descriptor.names) == {"de": "Umleitung"} and descriptor.leftover_names == {}
