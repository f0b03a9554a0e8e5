"""Module changelogs: release entries and the paid-upgrade markers in them.

Vendors write changelogs as Markdown or plain text, in German or English, and mark paid
updates with a currency sign or a word such as "kostenpflichtig" or "paid". Updating to or
past a paid release needs a new module license key; staying below it does not. The planner
asks :func:`paid_between` before it proposes an update.

Reading rules (chosen to be forgiving of layout but never to invent releases):

- If the text has Markdown headings naming a release (``## v126 (12.08.2025)``,
  ``### Version 117 - 2024-03-01``, ``## [126]``, ``## 2025-08-12``), only headings at the
  top-most such level start entries; deeper headings (``### Fixes``) stay in the body.
- Otherwise plain lines start entries when they clearly name a release: ``v126 (2025-08-12)``,
  ``Version 126 - 12.08.2025:``, ``* v126``, ``**v126**``, ``126:`` or ``126 (12.08.2025)``.
  Body lines like ``- v2 API supported`` or ``126 users`` do not.
- Text before the first entry (a title, a legend such as "€ = paid update") is ignored, so a
  legend never marks a release as paid.
- Fenced code blocks are never searched for headings.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_PAID_MARKERS",
    "ChangelogEntry",
    "entries_between",
    "is_paid_text",
    "paid_between",
    "parse_changelog",
]

DEFAULT_PAID_MARKERS: tuple[str, ...] = (
    "€",
    "EUR",
    "CHF",
    "kostenpflichtig",
    "Upgrade kostenpflichtig",
    "kostenpflichtiges Upgrade",
    "paid",
    "paid upgrade",
    "chargeable",
    "Lizenz-Upgrade erforderlich",
    "new license key required",
)
"""Markers matched case-insensitively; words as whole words (German endings such as
"kostenpflichtiges" count). ``$`` is left out by default because it appears in code and
templates; pass your own list to add it."""

# Words that turn a following marker into its opposite ("nicht kostenpflichtig", "not a paid upgrade").
_NEGATIONS = frozenset({"nicht", "kein", "keine", "keinen", "keiner", "not", "no", "non", "never", "nie"})
_NEGATION_WINDOW_WORDS = 3
_NEGATION_LOOKBACK_CHARS = 120  # bounds the work per marker on very long texts
_WORD_ENDINGS = r"(?:e|es|en|er|em|s)?"
_ZERO_AMOUNT = r"0+(?:[.,]0+)?(?:[.,]-+)?"
_ZERO_BEFORE_RE = re.compile(r"(?<![\d.,])" + _ZERO_AMOUNT + r"\s*$")
_ZERO_AFTER_RE = re.compile(r"^\s*" + _ZERO_AMOUNT + r"(?![\d.,]*[1-9])")
_CLAUSE_END_RE = re.compile(r"[.!?;:\n(),]\s")

_DATE_RE = re.compile(
    r"(?<![\d.])(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<gd>\d{1,2})\.(?P<gm>\d{1,2})\.(?P<gy>\d{4}))(?![\d])"
)
_DATE_TOKEN = "\x00"
_HEADING_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-{2,})\s*$")
_BULLET_RE = re.compile(r"^\s*(?:[-*+•]\s+)")
_EMPHASIS_RE = re.compile(r"\*\*|__|`")
_LEADING_JUNK_RE = re.compile(r"^[\s\[(\x00:|\-–—]*")
_RELEASE_RE = re.compile(
    r"^(?:(?P<keyword>version|release|build|ver\.|v)[\s:]*v?)?"
    r"(?P<number>\d{1,12}(?:\.\d{1,9}){0,3})(?![\d.]*\w)(?:\.(?!\d))?"
    r"[\])]?(?P<tail>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_TAIL_STARTS_CLEANLY_RE = re.compile(r"^(?:\s*$|\s*[:\-–—(\[|,/]|\s*\x00)")
_BARE_PLAIN_TAIL_RE = re.compile(r"^\s*[:\-–—(\[|,/]*\s*\x00|^\s*:\s*$")
_PARENTHESISED_BUILD_RE = re.compile(r"[(\[]\s*(?:build\s*|v)?(\d{1,12})\s*[)\]]", re.IGNORECASE)


@dataclass(frozen=True)
class ChangelogEntry:
    """One release in a changelog, as written, with what the planner needs from it."""

    label: str
    """The heading or line that starts the entry, without Markdown decoration."""
    module_version: int | None
    """The integer module version (``v126`` -> 126, ``Version 2.3 (126)`` -> 126), if readable."""
    date: str | None
    """The release date as ISO ``YYYY-MM-DD`` if the label has one."""
    text: str
    """The body below the label."""
    paid: bool
    """True when the entry carries a paid-upgrade marker that is not negated."""
    markers: tuple[str, ...]
    """The markers found, in the order of the marker list."""


@dataclass(frozen=True)
class _Label:
    module_version: int | None
    date: str | None


def parse_changelog(text: str, markers: Sequence[str] = DEFAULT_PAID_MARKERS) -> tuple[ChangelogEntry, ...]:
    """Split a changelog into release entries, in the order written (usually newest first).

    Never raises: text that does not look like a changelog gives ``()``.
    """
    if not isinstance(text, str) or not text.strip():
        return ()
    lines = text.lstrip("\ufeff").splitlines()
    headers = _markdown_headers(lines) or _plain_headers(lines)
    entries = []
    starts = sorted(headers)
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        label_text, label = headers[start]
        body_lines = lines[start + 1 : end]
        if body_lines and _SETEXT_RE.match(body_lines[0]):
            body_lines = body_lines[1:]
        body = "\n".join(line.rstrip() for line in body_lines).strip("\n")
        found = is_paid_text(label_text + "\n" + body, markers)
        entries.append(
            ChangelogEntry(
                label=label_text,
                module_version=label.module_version,
                date=label.date,
                text=body,
                paid=bool(found),
                markers=found,
            )
        )
    return tuple(entries)


def _markdown_headers(lines: Sequence[str]) -> dict[int, tuple[str, _Label]]:
    """Release headings at the top-most level that has any; empty if there are none."""
    candidates: list[tuple[int, int, str, _Label]] = []
    for index, line in _outside_code(lines):
        match = _HEADING_RE.match(line)
        if match is None:
            continue
        label_text = _clean_label(match["text"])
        label = _read_label(_EMPHASIS_RE.sub("", match["text"]).strip(), heading=True)
        if label is not None:
            candidates.append((index, len(match["hashes"]), label_text, label))
    if not candidates:
        return {}
    top_level = min(level for _, level, _, _ in candidates)
    return {index: (text, label) for index, level, text, label in candidates if level == top_level}


def _plain_headers(lines: Sequence[str]) -> dict[int, tuple[str, _Label]]:
    headers: dict[int, tuple[str, _Label]] = {}
    for index, line in _outside_code(lines):
        if _HEADING_RE.match(line):
            continue
        line_text = _EMPHASIS_RE.sub("", _BULLET_RE.sub("", line, count=1)).strip()
        label = _read_label(line_text, heading=False)
        if label is not None:
            headers[index] = (_clean_label(line_text), label)
    return headers


def _outside_code(lines: Sequence[str]) -> Iterable[tuple[int, str]]:
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield index, line


def _clean_label(text: str) -> str:
    return _EMPHASIS_RE.sub("", text).strip().rstrip(":").strip()


def _read_label(label: str, *, heading: bool) -> _Label | None:
    """The release a label names, or None if the line is not a release label."""
    date = _first_date(label)
    masked = _DATE_RE.sub(_DATE_TOKEN, label)
    starts_with_date = masked.lstrip(" [(").startswith(_DATE_TOKEN)
    match = _RELEASE_RE.match(_LEADING_JUNK_RE.sub("", masked))
    if match is None:
        return _Label(None, date) if heading and starts_with_date else None
    tail = match["tail"]
    if match["keyword"]:
        # "v126 - Neu" is a release; "Version 2 of the API" in plain text is a sentence.
        if not heading and not _TAIL_STARTS_CLEANLY_RE.match(tail):
            return None
    elif heading:
        if not _TAIL_STARTS_CLEANLY_RE.match(tail):
            return _Label(None, date) if starts_with_date else None
    elif not _BARE_PLAIN_TAIL_RE.match(tail):
        return None
    number = match["number"]
    if "." not in number:
        return _Label(int(number), date)
    build = _PARENTHESISED_BUILD_RE.search(tail)
    return _Label(int(build.group(1)) if build else None, date)


def _first_date(text: str) -> str | None:
    for match in _DATE_RE.finditer(text):
        if match["iy"]:
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        else:
            year, month, day = int(match["gy"]), int(match["gm"]), int(match["gd"])
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def is_paid_text(text: str, markers: Sequence[str] = DEFAULT_PAID_MARKERS) -> tuple[str, ...]:
    """The paid markers present in ``text`` and not negated, in the order of ``markers``.

    "nicht kostenpflichtig", "kein kostenpflichtiges Upgrade", "not a paid upgrade" and
    "0 €" do not count; "unpaid" and "prepaid" do not match "paid".
    """
    if not isinstance(text, str) or not text:
        return ()
    return _paid_markers_in(text, tuple(markers))


@functools.lru_cache(maxsize=4096)
def _paid_markers_in(text: str, markers: tuple[str, ...]) -> tuple[str, ...]:
    # Planning a fleet asks about the same release changelogs for every PBX; answer once.
    return tuple(
        marker
        for marker, pattern in _marker_patterns(markers)
        if any(not _negated(text, match) for match in pattern.finditer(text))
    )


@functools.lru_cache(maxsize=32)
def _marker_patterns(markers: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for marker in markers:
        words = marker.split()
        if not words:
            continue
        body = r"[\s-]+".join(re.escape(word) for word in words)
        if re.fullmatch(r"\w+", words[-1]):
            body += _WORD_ENDINGS + r"(?!\w)"
        if re.match(r"\w", words[0]):
            body = r"(?<!\w)" + body
        patterns.append((marker, re.compile(body, re.IGNORECASE)))
    return tuple(patterns)


def _negated(text: str, match: re.Match[str]) -> bool:
    """True if a negation word or a zero amount turns this marker occurrence into "free"."""
    before = text[max(0, match.start() - _NEGATION_LOOKBACK_CHARS) : match.start()]
    if _ZERO_BEFORE_RE.search(before) or _ZERO_AFTER_RE.match(text[match.end() :]):
        return True
    clause_ends = list(_CLAUSE_END_RE.finditer(before))
    clause = before[clause_ends[-1].end() :] if clause_ends else before
    clause = clause.rsplit("\n", 1)[-1]
    recent = re.findall(r"\w+", clause.lower())[-_NEGATION_WINDOW_WORDS:]
    return any(word in _NEGATIONS for word in recent)


def entries_between(entries: Iterable[ChangelogEntry], installed: int, target: int) -> tuple[ChangelogEntry, ...]:
    """Entries for releases newer than ``installed`` up to and including ``target``.

    Keeps the order of ``entries``; entries without a module version are left out, and a
    downgrade (``target <= installed``) crosses nothing.
    """
    return tuple(
        entry for entry in entries if entry.module_version is not None and installed < entry.module_version <= target
    )


def paid_between(entries: Iterable[ChangelogEntry], installed: int, target: int) -> ChangelogEntry | None:
    """The oldest paid release an update from ``installed`` to ``target`` crosses, if any.

    That is the release from which on a new module license key is needed.
    """
    paid = [entry for entry in entries_between(entries, installed, target) if entry.paid]
    return min(paid, key=lambda entry: entry.module_version or 0) if paid else None
