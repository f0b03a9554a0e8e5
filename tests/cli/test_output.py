"""The CLI's one table printer: columns aligned to the widest cell, nothing trailing."""

from __future__ import annotations

from modmanager.cli.output import table, table_lines


def test_columns_align_and_the_last_column_is_not_padded() -> None:
    lines = table_lines(("PBX", "STATUS", "NOTE"), [("kunde-alpha", "ok", ""), ("b", "updates available", "x")])
    assert lines == [
        "PBX          STATUS             NOTE",
        "kunde-alpha  ok",
        "b            updates available  x",
    ]


def test_indent_no_headers_and_no_rows() -> None:
    assert table(None, [(1, "eins"), (22, "zwei")], indent="  ") == "  1   eins\n  22  zwei"
    assert table(("A", "B"), []) == "A  B"
    assert table(None, []) == "" and table_lines(None, []) == []
