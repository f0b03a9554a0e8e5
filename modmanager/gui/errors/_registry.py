"""The table of error translations: each area module registers its codes with :func:`templates`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

Builder = Callable[[dict[str, str]], tuple[str, str]]
"""Gets the params (it may add computed ones) and returns the (message, hint) templates."""
BUILDERS: dict[str, Builder] = {}


def templates(*codes: str) -> Callable[[Builder], Builder]:
    """Register the decorated builder for ``codes``."""

    def register(build: Builder) -> Builder:
        for code in codes:
            BUILDERS[code] = build
        return build

    return register
