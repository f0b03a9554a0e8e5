"""Where the shipped resources (icons, translations) are, and cached icons by name.

Resources live in ``resources/`` next to the ``modmanager`` package in a source checkout and
under ``sys._MEIPASS/resources`` in a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

import modmanager

ICON_NAMES = (
    "app",
    "ok",
    "update",
    "paid",
    "nfr",
    "prerelease",
    "incompatible",
    "untested",
    "unreachable",
    "certificate-changed",
    "interrupted",
    "catalog-unavailable",
    "held",
    "demo",
)
"""Every icon in ``resources/icons`` (``<name>.svg``); see :func:`icon`.

Meaning: ``ok`` up to date, ``update`` a free update exists, ``paid`` the update needs a new
license, ``nfr`` a partner (NFR) build, ``prerelease`` a pre-release build, ``incompatible``
not for this STARFACE, ``untested`` no statement for this STARFACE, ``unreachable`` the PBX
did not answer, ``certificate-changed`` the PBX presents a different certificate than
pinned, ``interrupted`` an update was interrupted and needs recovery, ``catalog-unavailable``
a configured catalog could not be used (the PBX's plan is incomplete), ``held`` a module is held
at its version, ``demo`` the demo banner.
"""


def resource_root() -> Path:
    """The ``resources`` folder: the PyInstaller bundle's, else the source checkout's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        bundled = Path(bundle) / "resources"
        if bundled.is_dir():
            return bundled
    return Path(modmanager.__file__).resolve().parent.parent / "resources"


def icons_dir() -> Path:
    """The folder of the SVG icons."""
    return resource_root() / "icons"


def translations_dir() -> Path:
    """The folder of the ``.ts`` sources and compiled ``.qm`` translations."""
    return resource_root() / "translations"


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of :data:`ICON_NAMES`), loaded once.

    Raises:
        KeyError: for a name that is not in :data:`ICON_NAMES` (a programming error).
        FileNotFoundError: if the resources are missing (a broken installation).
    """
    if name not in ICON_NAMES:
        raise KeyError(f"unknown icon {name!r}; known: {', '.join(ICON_NAMES)}")
    path = icons_dir() / f"{name}.svg"
    if not path.is_file():
        raise FileNotFoundError(f"icon file {path} is missing")
    return QIcon(str(path))


def app_icon() -> QIcon:
    """The application icon."""
    return icon("app")
