"""The desktop window (:mod:`modmanager.gui`): starting it, and a task that failed unexpectedly."""

from __future__ import annotations

from modmanager.core.messages import define

define(
    "master_password_wrong_thrice",
    en=("The master password was wrong three times.", "Start modmanager again and enter the master password."),
    de=(
        "Das Master-Passwort war dreimal falsch.",
        "Starten Sie modmanager erneut und geben Sie das Master-Passwort ein.",
    ),
)
define(
    "task_unexpected",
    en=(
        "An unexpected error stopped “{title}”.",
        "Try again; if it happens again, save a support bundle (Help menu) and send it to your modmanager support.",
    ),
    de=(
        "Ein unerwarteter Fehler hat „{title}“ abgebrochen.",
        "Versuchen Sie es erneut; tritt der Fehler wieder auf, speichern Sie ein Support-Paket (Menü Hilfe) und "
        "senden Sie es an Ihren modmanager-Support.",
    ),
)
