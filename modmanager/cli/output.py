"""Shared output helpers: human text by default, JSON with ``--json``; the one table printer of the CLI.

Everything a command writes to stdout passes :class:`SafeStream` (installed by
``cli.main.run``): a character that would not draw as itself - a control character, an escape
sequence, a bidi override, a lone surrogate - is written as its ``\\uXXXX`` escape instead.
In JSON output such a character can only stand inside a string, where the escape is the same
character to a JSON reader; in text it shows what a PBX really sent instead of letting it
drive the terminal or reorder the line. Line breaks and tabs pass; table cells are cleaned
of those too (:func:`table`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from modmanager.core.text import clean_text

# Everything outside printable text except newline and tab: C0/C1 controls, DEL, bidi and other
# format characters, line/paragraph separators, surrogates, private use is left alone.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def escape_unsafe(text: str) -> str:
    """``text`` with every character that would not draw as itself written as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class SafeStream:
    """A text stream that writes :func:`escape_unsafe` of everything; the rest is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_unsafe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_stdout() -> Iterator[None]:
    """Route ``sys.stdout`` through :class:`SafeStream` for the duration of a command."""
    original = sys.stdout
    if original is None or isinstance(original, SafeStream):
        yield
        return
    sys.stdout = SafeStream(original)
    try:
        yield
    finally:
        sys.stdout = original


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")


def emit(args: argparse.Namespace, text: str, data: Any) -> None:
    """Print ``data`` as JSON when ``--json`` was given, else ``text``."""
    if getattr(args, "json", False):
        # One write: json.dump would write each token on its own through SafeStream's escaping.
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False, default=str) + "\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def table_lines(headers: Sequence[object] | None, rows: Iterable[Sequence[object]], *, indent: str = "") -> list[str]:
    """Rows aligned in columns, under ``headers`` if given, one text per line; the last column is not padded.

    Every cell is one clean line (:func:`~modmanager.core.text.clean_text`): a name with a line
    break or a bidi override cannot forge or reorder a row, and a huge name is cut.
    """
    cells = [[clean_text(cell) for cell in row] for row in rows]
    if headers is not None:
        cells.insert(0, [str(cell) for cell in headers])
    if not cells:
        return []
    widths = [max(len(row[index]) for row in cells) for index in range(len(cells[0]))]
    lines = []
    for row in cells:
        padded = [cell.ljust(widths[index]) for index, cell in enumerate(row[:-1])]
        lines.append((indent + "  ".join([*padded, row[-1]])).rstrip())
    return lines


def table(headers: Sequence[object] | None, rows: Iterable[Sequence[object]], *, indent: str = "") -> str:
    """:func:`table_lines` as one text."""
    return "\n".join(table_lines(headers, rows, indent=indent))
