"""Shared output helpers: human text by default, JSON with ``--json``; the one table printer of the CLI."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")


def emit(args: argparse.Namespace, text: str, data: Any) -> None:
    """Print ``data`` as JSON when ``--json`` was given, else ``text``."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def table_lines(headers: Sequence[object] | None, rows: Iterable[Sequence[object]], *, indent: str = "") -> list[str]:
    """Rows aligned in columns, under ``headers`` if given, one text per line; the last column is not padded."""
    cells = [[str(cell) for cell in row] for row in rows]
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
