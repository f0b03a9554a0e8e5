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

define(
    "read_worker_start",
    en=(
        "The helper process that reads the PBXs cannot be started ({reason}).",
        "The PBXs are read in the window's own process instead; the log has the details.",
    ),
    de=(
        "Der Hilfsprozess, der die Telefonanlagen einliest, kann nicht gestartet werden ({reason}).",
        "Die Telefonanlagen werden stattdessen im Prozess des Fensters eingelesen; Einzelheiten stehen im Protokoll.",
    ),
)

define(
    "read_worker_closed",
    en=("The helper process that reads the PBXs was already closed.", "Start modmanager again to read the PBXs."),
    de=(
        "Der Hilfsprozess, der die Telefonanlagen einliest, wurde bereits beendet.",
        "Starten Sie modmanager neu, um die Telefonanlagen einzulesen.",
    ),
)

define(
    "read_worker_lost",
    en=(
        "{pbx} was not read: the helper process that reads the PBXs stopped.",
        "Refresh again (the helper is started anew); if it happens again, the log says why.",
    ),
    de=(
        "{pbx} wurde nicht eingelesen: Der Hilfsprozess, der die Telefonanlagen einliest, wurde beendet.",
        "Lesen Sie erneut ein (der Hilfsprozess wird neu gestartet); passiert es wieder, steht der Grund im Protokoll.",
    ),
)

define(
    "read_worker_error",
    en=("Reading {pbx} failed unexpectedly ({reason}).", "Refresh again; the log has the details."),
    de=(
        "Das Einlesen von {pbx} ist unerwartet fehlgeschlagen ({reason}).",
        "Lesen Sie erneut ein; Einzelheiten stehen im Protokoll.",
    ),
)
