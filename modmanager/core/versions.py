"""STARFACE release numbers, vendor compatibility ranges and the verdict for one PBX.

STARFACE releases have four-part numbers (``9.0.1.3``). Vendors state compatibility as
folder names or text (``8.X``, ``7.3-7.X``, ``>=9.0``, ``9.0.1.3, 9.0.2.0``); this module
turns those into exact sets of releases so the planner never has to guess.

Range rules (one place, so every front end says the same thing):

- A number with four parts names exactly one release: ``9.0.1.3``.
- A shorter number names a whole series: ``9.0`` is every ``9.0.x.x``, ``9`` every ``9.x``.
  ``X``/``x``/``*`` as trailing parts say the same explicitly: ``9.0.X`` == ``9.0``.
- ``lo-hi`` runs from the start of ``lo`` to the end of ``hi``, both inclusive:
  ``7.3-7.X`` is 7.3.0.0 up to every 7.x; ``7.0-7.1.1.6`` ends at exactly 7.1.1.6.
- Operators work on the same series: ``>=9.0`` from 9.0.0.0 on; ``>9`` above every 9.x
  (10.0.0.0 on); ``<10`` below 10.0.0.0; ``<=9.1`` up to every 9.1.x; ``==9.0.1.3`` exactly.
  A trailing ``+`` means ``>=``: ``9.0+``.
- Alpha, beta and rc releases are never inside any range: statements are about releases.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from modmanager.core.errors import InvalidVersion

__all__ = [
    "Compatibility",
    "StarfaceVersion",
    "Verdict",
    "VersionRange",
    "looks_like_range",
    "parse_ranges",
]

Parts = tuple[int, int, int, int]

_PRERELEASE_RANK = {"alpha": 0, "beta": 1, "rc": 2}
_MAX_PART_DIGITS = 6

_VERSION_RE = re.compile(
    r"""
    ^(?:starface\s*)?(?:version\s*)?v?\s*
    (?P<number>[0-9]{1,6}(?:\.[0-9]{1,6}){0,3})
    (?:\s*[-_.]?\s*(?P<kind>alpha|beta|rc)\s*\.?\s*(?P<serial>[0-9]{1,6})?)?$
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PRERELEASE_RE = re.compile(r"^\s*(?P<kind>alpha|beta|rc)\s*\.?\s*(?P<serial>[0-9]{1,6})?\s*$", re.IGNORECASE)
# A range operand: 1-4 numeric parts, optionally followed by wildcard parts ("7.2.X", "8.x.x").
_OPERAND_RE = re.compile(r"^(?P<number>[0-9]{1,6}(?:\.[0-9]{1,6}){0,3})(?P<wild>(?:\.[xX*])*)$")
_OPERATOR_RE = re.compile(r"^(?P<op>>=|<=|==|=|>|<)?(?P<operand>[^<>=+]+?)(?P<plus>\+)?$")
_SEPARATOR_RE = re.compile(r"[,;\s]+")
_PREFIX_RE = re.compile(r"\b(?:starface|version)\b", re.IGNORECASE)
_DASH_RE = re.compile(r"\s*[-–—]\s*")
_OPERATOR_SPACE_RE = re.compile(r"(>=|<=|==|=|>|<)\s+")


def _pad(parts: Iterable[int]) -> Parts:
    padded = [*parts, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


@dataclass(frozen=True, order=False)
class StarfaceVersion:
    """One STARFACE release (or pre-release), ordered the way STARFACE numbers them.

    ``parts`` always has four numbers; shorter input is padded with zeros. A pre-release
    (``alpha``, ``beta``, ``rc`` with an optional serial) sorts before the release with the
    same parts: ``9.0.0.0-beta2 < 9.0.0.0``.
    """

    parts: Parts
    prerelease: str | None = None

    def __post_init__(self) -> None:
        if len(self.parts) != 4 or any(
            type(part) is not int or part < 0 or part >= 10**_MAX_PART_DIGITS for part in self.parts
        ):
            raise InvalidVersion(code="version_bad_parts", params={"parts": _shown(self.parts)})
        if self.prerelease is not None:
            match = _PRERELEASE_RE.match(self.prerelease)
            if match is None:
                raise InvalidVersion(code="version_bad_prerelease", params={"label": _shown(self.prerelease)})
            object.__setattr__(self, "prerelease", _normalise_prerelease(match["kind"], match["serial"]))

    @classmethod
    def of(cls, *parts: int, prerelease: str | None = None) -> StarfaceVersion:
        """Build from numbers, padding missing parts: ``StarfaceVersion.of(9, 0)`` is 9.0.0.0."""
        if not 1 <= len(parts) <= 4:
            raise ValueError(f"A STARFACE version has one to four parts, not {len(parts)}.")
        return cls(_pad(parts), prerelease)

    @classmethod
    def parse(cls, text: str) -> StarfaceVersion:
        """Read a version as users and files write it.

        Accepts ``9.0.1.3``, ``STARFACE 9.0.1.3``, ``STARFACE Version 10.0.0.4``, ``8.1``
        (padded to 8.1.0.0), ``9.0.0.0-beta2`` and ``9.1 Beta``.
        """
        match = _VERSION_RE.match(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise InvalidVersion(code="version_invalid", params={"text": _shown(text)})
        parts = _pad(int(part) for part in match["number"].split("."))
        prerelease = _normalise_prerelease(match["kind"], match["serial"]) if match["kind"] else None
        return cls(parts, prerelease)

    @property
    def is_release(self) -> bool:
        """True for a final release; only those can be stated compatible."""
        return self.prerelease is None

    @property
    def release(self) -> StarfaceVersion:
        """The final release with the same parts (itself if it is one)."""
        return self if self.prerelease is None else StarfaceVersion(self.parts)

    def __str__(self) -> str:
        number = ".".join(str(part) for part in self.parts)
        return number if self.prerelease is None else f"{number}-{self.prerelease}"

    def _sort_key(self) -> tuple[Parts, int, int, int]:
        if self.prerelease is None:
            return (self.parts, 1, 0, 0)
        match = _PRERELEASE_RE.match(self.prerelease)
        assert match is not None  # normalised in __post_init__
        serial = int(match["serial"]) if match["serial"] is not None else -1
        return (self.parts, 0, _PRERELEASE_RANK[match["kind"]], serial)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, StarfaceVersion):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, StarfaceVersion):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, StarfaceVersion):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, StarfaceVersion):
            return NotImplemented
        return self._sort_key() >= other._sort_key()


def _normalise_prerelease(kind: str, serial: str | None) -> str:
    return kind.lower() + (str(int(serial)) if serial is not None else "")


def _shown(text: object) -> str:
    """User input as a message param, cut so that a huge paste does not flood the message."""
    shown = text if isinstance(text, str) else repr(text)
    return shown if len(shown) <= 58 else shown[:55] + "..."


@dataclass(frozen=True)
class _Operand:
    """A number as written in a range: its first release and the first release after it."""

    start: Parts
    end: Parts  # exclusive

    @classmethod
    def parse(cls, text: str, whole: str) -> _Operand:
        match = _OPERAND_RE.match(text)
        if match is None:
            if re.search(r"alpha|beta|rc", text, re.IGNORECASE):
                raise InvalidVersion(code="range_prerelease", params={"text": _shown(whole)})
            raise InvalidVersion(code="range_invalid", params={"text": _shown(whole)})
        numbers = [int(part) for part in match["number"].split(".")]
        wildcards = match["wild"].count(".")
        if len(numbers) + wildcards > 4:
            raise InvalidVersion(code="range_too_many_parts", params={"text": _shown(whole)})
        start = _pad(numbers)
        end_list = list(start)
        end_list[len(numbers) - 1] += 1  # four parts: the next release; fewer: the next series
        return cls(start, _pad(end_list))


class Verdict(enum.Enum):
    """What a module release says about one STARFACE version."""

    COMPATIBLE = "compatible"
    INCOMPATIBLE = "incompatible"
    UNTESTED = "untested"


@dataclass(frozen=True)
class VersionRange:
    """One vendor range expression, e.g. ``8.X`` or ``7.0-7.1.1.6``; see the module docs.

    ``text`` keeps what the vendor wrote. ``lower`` is the first release inside (None: no
    lower limit) and ``upper`` the first release above it (exclusive; None: no upper limit).
    Equality compares the releases covered, not the spelling: ``9.X == 9``.
    """

    text: str = field(compare=False)
    lower: StarfaceVersion | None = field(init=False, repr=False)
    upper: StarfaceVersion | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lower, upper = _parse_bounds(self.text)
        object.__setattr__(self, "text", self.text.strip())
        object.__setattr__(self, "lower", StarfaceVersion(lower) if lower is not None else None)
        object.__setattr__(self, "upper", StarfaceVersion(upper) if upper is not None else None)

    @classmethod
    def parse(cls, text: str) -> VersionRange:
        """Parse one expression; raises :class:`InvalidVersion` naming what is wrong."""
        return cls(text)

    def contains(self, version: StarfaceVersion) -> bool:
        """True if ``version`` is a release inside this range; pre-releases never are."""
        if not version.is_release:
            return False
        if self.lower is not None and version < self.lower:
            return False
        return self.upper is None or version < self.upper

    def __contains__(self, version: object) -> bool:
        return isinstance(version, StarfaceVersion) and self.contains(version)

    @property
    def last(self) -> StarfaceVersion | None:
        """The newest release inside, if it is a single number (not for open or series ends)."""
        if self.upper is None:
            return None
        a, b, c, d = self.upper.parts
        return StarfaceVersion((a, b, c, d - 1)) if d > 0 else None

    def describe(self) -> str:
        """Human text such as ``8.0.0.0 - 8.x``, ``9.0.0.0 or newer`` or ``9.0.1.3``."""
        if self.upper is None:
            return f"{self.lower} or newer" if self.lower is not None else "every release"
        upper_text = _describe_end(self.upper.parts)
        if self.lower is None:
            return f"up to {upper_text}"
        if self.last is not None and self.last == self.lower:
            return str(self.lower)
        return f"{self.lower} - {upper_text}"

    def __str__(self) -> str:
        return self.text


def _describe_end(upper: Parts) -> str:
    """The inclusive end of a range whose first release above is ``upper``: 10.0.0.0 -> ``9.x``."""
    last_nonzero = max(index for index, part in enumerate(upper) if part > 0)
    shown = [*upper[:last_nonzero], upper[last_nonzero] - 1]
    return ".".join(str(part) for part in shown) + ("" if last_nonzero == 3 else ".x")


def _parse_bounds(text: str) -> tuple[Parts | None, Parts | None]:
    """Turn one expression into ``(first release inside, first release above)``."""
    if not isinstance(text, str):
        raise TypeError(f"A STARFACE version range is text, not {type(text).__name__}.")
    expression = _DASH_RE.sub("-", text.strip())
    expression = _OPERATOR_SPACE_RE.sub(r"\1", expression)
    if not expression:
        raise InvalidVersion(code="range_empty")
    lower: Parts | None
    upper: Parts | None
    if "-" in expression and not re.search(r"[<>=+]", expression):
        low_text, _, high_text = expression.partition("-")
        lower = _Operand.parse(low_text, text).start
        upper = _Operand.parse(high_text, text).end
    else:
        match = _OPERATOR_RE.match(expression)
        if match is None:
            raise InvalidVersion(code="range_invalid", params={"text": _shown(text)})
        op, plus = match["op"], match["plus"]
        if op and plus:
            raise InvalidVersion(code="range_operator_and_plus", params={"text": _shown(text)})
        operand = _Operand.parse(match["operand"], text)
        op = ">=" if plus else (op or "==")
        lower, upper = {
            ">=": (operand.start, None),
            ">": (operand.end, None),
            "<=": (None, operand.end),
            "<": (None, operand.start),
            "==": (operand.start, operand.end),
            "=": (operand.start, operand.end),
        }[op]
    if upper is not None and (upper == (0, 0, 0, 0) or (lower is not None and lower >= upper)):
        raise InvalidVersion(code="range_covers_nothing", params={"text": _shown(text)})
    return lower, upper


def parse_ranges(text: str) -> tuple[VersionRange, ...]:
    """Parse a list of ranges separated by commas, semicolons or spaces.

    ``"9.0.1.3, 9.0.2.0"`` gives two exact releases; ``"STARFACE 8.X; 9.0 - 9.1.5"`` two
    ranges (the words STARFACE and Version are ignored). An empty text gives ``()``.
    """
    if not isinstance(text, str):
        raise TypeError(f"A list of STARFACE version ranges is text, not {type(text).__name__}.")
    cleaned = _PREFIX_RE.sub(" ", text)
    cleaned = _DASH_RE.sub("-", cleaned.strip())
    cleaned = _OPERATOR_SPACE_RE.sub(r"\1", cleaned)
    return tuple(VersionRange(token) for token in _SEPARATOR_RE.split(cleaned) if token)


def looks_like_range(folder_name: str) -> bool:
    """True for vendor folder names that state a range (``8.X``, ``7.3-7.X``, ``7.0-7.1.1.6``).

    A bare integer (``2024``, ``9``) is not taken as a range: as a folder name it is more
    likely a year or a build number than a STARFACE series.
    """
    try:
        ranges = parse_ranges(folder_name)
    except InvalidVersion:
        return False
    return bool(ranges) and all(re.search(r"[.<>]", item.text) for item in ranges)


def _dedupe(ranges: Iterable[VersionRange]) -> tuple[VersionRange, ...]:
    seen: list[VersionRange] = []
    for item in ranges:
        if item not in seen:
            seen.append(item)
    return tuple(seen)


@dataclass(frozen=True)
class Compatibility:
    """What one module release states about STARFACE versions.

    Only explicit statements give a firm answer (see :meth:`verdict`). Anything not stated
    is untested: "8.X" says nothing about 9.x, and nothing about 7.x either. Inferring
    incompatibility from "updates are published only for the newest STARFACE" would flag
    working installations, so the planner gets UNTESTED and decides how cautious to be.
    """

    compatible: tuple[VersionRange, ...] = ()
    incompatible: tuple[VersionRange, ...] = ()

    @classmethod
    def parse(cls, compatible: str = "", incompatible: str = "") -> Compatibility:
        """Build from two range lists as text, e.g. ``Compatibility.parse("8.X, 9.X", "9.1")``."""
        return cls(parse_ranges(compatible), parse_ranges(incompatible))

    @property
    def is_empty(self) -> bool:
        """True when the release makes no statement at all."""
        return not self.compatible and not self.incompatible

    def verdict(self, version: StarfaceVersion) -> Verdict:
        """COMPATIBLE or INCOMPATIBLE only when stated; otherwise UNTESTED.

        An explicit incompatibility wins over a broader compatible range (``9.X`` compatible,
        ``9.1.0.0`` incompatible). A pre-release is never COMPATIBLE: it is INCOMPATIBLE when
        a stated incompatible range covers its release number, else UNTESTED.
        """
        release = version.release
        if any(item.contains(release) for item in self.incompatible):
            return Verdict.INCOMPATIBLE
        if version.is_release and any(item.contains(version) for item in self.compatible):
            return Verdict.COMPATIBLE
        return Verdict.UNTESTED

    def union(self, other: Compatibility) -> Compatibility:
        """Both sets of statements together (e.g. one build found in several range folders)."""
        return Compatibility(
            _dedupe((*self.compatible, *other.compatible)),
            _dedupe((*self.incompatible, *other.incompatible)),
        )

    def to_json(self) -> dict[str, list[str]]:
        """The statements as written, for catalogs and the inventory."""
        return {
            "compatible": [item.text for item in self.compatible],
            "incompatible": [item.text for item in self.incompatible],
        }

    @classmethod
    def from_json(cls, data: object) -> Compatibility:
        """Read :meth:`to_json` output; anything else raises :class:`InvalidVersion`."""
        if not isinstance(data, Mapping):
            raise InvalidVersion(code="compatibility_not_object")
        unknown = sorted(str(key) for key in data if key not in ("compatible", "incompatible"))
        if unknown:
            raise InvalidVersion(code="compatibility_unknown_keys", params={"keys": ", ".join(unknown)})
        lists: dict[str, tuple[VersionRange, ...]] = {}
        for key in ("compatible", "incompatible"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise InvalidVersion(code="compatibility_not_list", params={"key": key})
            lists[key] = tuple(VersionRange(item) for item in value)
        return cls(lists["compatible"], lists["incompatible"])

    def describe(self) -> str:
        """One line for people, e.g. ``compatible: 8.0.0.0 - 8.x; incompatible: 8.1.3.0``."""
        if self.is_empty:
            return "no compatibility statement"
        pieces = []
        if self.compatible:
            pieces.append("compatible: " + ", ".join(item.describe() for item in self.compatible))
        if self.incompatible:
            pieces.append("incompatible: " + ", ".join(item.describe() for item in self.incompatible))
        return "; ".join(pieces)
