"""agent/api-used.txt names every STARFACE member the built agent refers to, and only A ones directly.

The constant pools of the built classes are the truth: a member the bytecode refers to must
exist with exactly that descriptor on every STARFACE release the agent supports, or the class
fails with NoSuchMethodError. So every such reference must be listed, and listed as confidence
A (seen compiled in real modules); anything less certain must be looked up reflectively.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.agent.classfile import ClassFile, read_class
from tests.agent.conftest import AGENT_DIR

STARFACE_PACKAGES = ("de/vertico/", "de/starface/", "com/starface/")
_DESCRIPTOR_TYPE = re.compile(r"L((?:de/vertico|de/starface|com/starface)/[^;<]+)[;<]")


@dataclass(frozen=True)
class Listed:
    how: str
    kind: str
    owner: str
    name: str
    descriptor: str
    confidence: str


def read_list() -> list[Listed]:
    entries = []
    for number, line in enumerate((AGENT_DIR / "api-used.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split()
        assert len(fields) == 6, f"api-used.txt line {number} needs 6 columns: {line!r}"
        entry = Listed(*fields)
        assert entry.how in ("direct", "reflective"), f"line {number}: {entry.how}"
        assert entry.kind in ("class", "method", "imethod", "field", "static"), f"line {number}: {entry.kind}"
        assert entry.confidence in ("A", "B", "G"), f"line {number}: {entry.confidence}"
        entries.append(entry)
    return entries


@pytest.fixture(scope="module")
def classes(agent_sfm: Path) -> list[ClassFile]:
    with zipfile.ZipFile(agent_sfm) as archive:
        return [read_class(archive.read(name)) for name in archive.namelist() if name.endswith(".class")]


def starface(name: str) -> bool:
    return name.startswith(STARFACE_PACKAGES)


def test_every_member_the_bytecode_uses_is_listed_as_direct(classes: list[ClassFile]) -> None:
    listed = {(e.kind, e.owner, e.name, e.descriptor) for e in read_list() if e.how == "direct"}
    missing = sorted(
        f"{ref.kind} {ref.owner}.{ref.name}{ref.descriptor} (in {cls.name})"
        for cls in classes
        for ref in cls.refs
        if starface(ref.owner) and (ref.kind, ref.owner, ref.name, ref.descriptor) not in listed
    )
    assert missing == []


def test_every_starface_type_the_bytecode_names_is_listed(classes: list[ClassFile]) -> None:
    listed = {e.owner for e in read_list() if e.how == "direct" and e.kind == "class"}
    named: set[str] = set()
    for cls in classes:
        named.update(name for name in cls.classes if starface(name))
        for text in cls.utf8:
            named.update(_DESCRIPTOR_TYPE.findall(text))
    assert sorted(named - listed) == []


def test_only_confidence_a_members_are_used_directly() -> None:
    not_a = [e for e in read_list() if e.how == "direct" and e.confidence != "A"]
    assert not_a == []


def test_no_listed_member_is_stale(classes: list[ClassFile]) -> None:
    """A direct entry nothing refers to any more, or a reflective one whose name is not in the code."""
    used = {(r.kind, r.owner, r.name, r.descriptor) for cls in classes for r in cls.refs}
    named: set[str] = set()
    strings: set[str] = set()
    for cls in classes:
        named.update(cls.classes)
        for text in cls.utf8:
            named.update(_DESCRIPTOR_TYPE.findall(text))
        strings.update(cls.strings)
    stale = []
    for entry in read_list():
        if entry.how == "direct" and entry.kind == "class":
            if entry.owner not in named:
                stale.append(entry)
        elif entry.how == "direct":
            if (entry.kind, entry.owner, entry.name, entry.descriptor) not in used:
                stale.append(entry)
        elif entry.name not in strings:
            stale.append(entry)
    assert stale == []


def test_reflective_members_are_never_referenced_directly(classes: list[ClassFile]) -> None:
    reflective = {(e.owner, e.name) for e in read_list() if e.how == "reflective"}
    direct = sorted(
        f"{ref.owner}.{ref.name} (in {cls.name})"
        for cls in classes
        for ref in cls.refs
        if (ref.owner, ref.name) in reflective
    )
    assert direct == []


def test_the_classes_of_reflective_owners_are_looked_up_by_name(classes: list[ClassFile]) -> None:
    """Owners the stubs do not declare are only named as strings, never as class constants."""
    declared = {e.owner for e in read_list() if e.how == "direct"}
    strings = {text for cls in classes for text in cls.strings}
    for entry in read_list():
        if entry.how == "reflective" and entry.owner not in declared and entry.kind == "static":
            assert entry.owner.replace("/", ".") in strings, entry
