"""A small reader of Java class files: the version and the constant pool, nothing else.

Enough to see which classes and members a compiled class refers to (JVMS 4.4) without a JDK
at test time. ``javap`` would do the same, but the tests should not depend on its output
format.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

_MAGIC = 0xCAFEBABE

# Tag -> number of payload bytes, for the entries that hold no index we need to follow.
_FIXED_SIZES = {3: 4, 4: 4, 5: 8, 6: 8, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2}
_REF_KINDS = {9: "field", 10: "method", 11: "imethod"}


@dataclass(frozen=True)
class MemberRef:
    """A Fieldref, Methodref or InterfaceMethodref: what the bytecode calls or reads directly."""

    kind: str
    owner: str
    name: str
    descriptor: str


@dataclass
class ClassFile:
    name: str
    major: int
    classes: set[str] = field(default_factory=set)
    """Every CONSTANT_Class (internal names, arrays as descriptors)."""
    refs: set[MemberRef] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)
    """CONSTANT_String values: names the code uses reflectively appear here."""
    utf8: set[str] = field(default_factory=set)
    """Every CONSTANT_Utf8 (descriptors of fields, methods and annotations included)."""


def read_class(data: bytes) -> ClassFile:
    """Parse the header and constant pool of one class file."""
    magic, _minor, major, count = struct.unpack_from(">IHHH", data, 0)
    if magic != _MAGIC:
        raise ValueError("not a class file")
    offset = 10
    tags: dict[int, int] = {}
    texts: dict[int, str] = {}
    singles: dict[int, int] = {}
    pairs: dict[int, tuple[int, int]] = {}
    index = 1
    while index < count:
        tag = data[offset]
        offset += 1
        tags[index] = tag
        if tag == 1:
            (length,) = struct.unpack_from(">H", data, offset)
            texts[index] = data[offset + 2 : offset + 2 + length].decode("utf-8", errors="surrogatepass")
            offset += 2 + length
        elif tag in (7, 8):
            (singles[index],) = struct.unpack_from(">H", data, offset)
            offset += 2
        elif tag in (9, 10, 11, 12):
            first, second = struct.unpack_from(">HH", data, offset)
            pairs[index] = (first, second)
            offset += 4
        elif tag in _FIXED_SIZES:
            offset += _FIXED_SIZES[tag]
        else:
            raise ValueError(f"unknown constant pool tag {tag}")
        index += 2 if tag in (5, 6) else 1

    (this_class,) = struct.unpack_from(">H", data, offset + 2)
    parsed = ClassFile(name=texts[singles[this_class]], major=major)
    parsed.utf8.update(texts.values())
    for position, tag in tags.items():
        if tag == 7:
            parsed.classes.add(texts[singles[position]])
        elif tag == 8:
            parsed.strings.add(texts[singles[position]])
        elif tag in _REF_KINDS:
            owner_index, name_and_type = pairs[position]
            name_index, descriptor_index = pairs[name_and_type]
            parsed.refs.add(
                MemberRef(_REF_KINDS[tag], texts[singles[owner_index]], texts[name_index], texts[descriptor_index])
            )
    return parsed
