"""Use cases (:mod:`modmanager.ops`): what the support bundle cannot read."""

from __future__ import annotations

from modmanager.core.messages import define

define(
    "log_unreadable",
    en=("The log file {path} cannot be read ({detail}).", "Check the permissions of the data folder's logs folder."),
    de=(
        "Die Protokolldatei {path} kann nicht gelesen werden ({detail}).",
        "Prüfen Sie die Berechtigungen des Ordners logs im Datenordner.",
    ),
)
