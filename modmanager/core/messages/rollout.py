"""Why a rollout leaves a PBX out, or gives it another release than the one asked for.

These are short phrases (no full stop, no hint): the rollout's table shows one per PBX.
"""

from __future__ import annotations

from modmanager.core.messages import Params, Pick, Texts, builder, define, words

define("rollout_skip_unreachable", en="unreachable: {cause}", de="nicht erreichbar: {cause}")
define("rollout_skip_unreadable", en="cannot be read: {cause}", de="nicht lesbar: {cause}")
define("rollout_skip_not_installed", en="the module is not installed", de="das Modul ist nicht installiert")
define(
    "rollout_skip_interrupted",
    en="an interrupted update waits on this PBX; run 'modmanager recover' first",
    de="auf dieser Telefonanlage wartet ein unterbrochenes Update; stellen Sie es zuerst wieder her "
    "(„modmanager recover“)",
)
define("rollout_skip_version_skipped", en="v{version} is skipped on this PBX", de="v{version} wird hier übersprungen")
define("rollout_skip_already_on", en="already on v{version}", de="hat bereits v{version}")
define(
    "rollout_skip_newer",
    en="runs v{current}, newer than v{version} (never downgraded)",
    de="hat v{current}, neuer als v{version} (es wird nie zurückgestuft)",
)
define(
    "rollout_skip_newest",
    en="already on the newest release (v{version})",
    de="hat bereits die neueste Version (v{version})",
)
define(
    "rollout_skip_paid",
    en="paid upgrade: v{version} needs a new module license key",
    de="kostenpflichtiges Upgrade: v{version} braucht einen neuen Modul-Lizenzschlüssel",
)
define(
    "rollout_note_paid",
    en="v{paid} is a paid upgrade; v{version} is the newest free release",
    de="v{paid} ist ein kostenpflichtiges Upgrade; v{version} ist die neueste kostenlose Version",
)

_HELD_PLACES: dict[str, tuple[str, str]] = {
    "pbx": ("on this PBX", "auf dieser Telefonanlage"),
    "customer": ("for customer {target}", "für den Kunden {target}"),
    "fleet": ("for every PBX", "für alle Telefonanlagen"),
}


@builder("rollout_skip_held")
def _rollout_skip_held(p: Params, t: Pick) -> Texts:
    p["place"] = words(_HELD_PLACES, p.get("scope", ""), t).format_map(p)
    if p.get("kind") == "skip":
        text = t("v{version} skipped {place}", "v{version} übersprungen {place}")
    else:
        text = t("held {place}", "festgehalten {place}")
    return text + (": {reason}" if p.get("reason") else ""), ""


_CANNOT_RUN: dict[str, tuple[str, str]] = {
    "no_build": (
        "v{version} has no build this PBX can use",
        "für v{version} gibt es keinen Build, den diese Telefonanlage verwenden kann",
    ),
    "too_old": (
        "STARFACE {starface} is too old for v{version} (it needs {needs} or newer)",
        "STARFACE {starface} ist zu alt für v{version} (sie braucht {needs} oder neuer)",
    ),
    "incompatible": (
        "v{version} is not compatible with STARFACE {starface}",
        "v{version} ist nicht mit STARFACE {starface} kompatibel",
    ),
    "untested": (
        "v{version} is untested on STARFACE {starface}",
        "v{version} ist auf STARFACE {starface} nicht getestet",
    ),
}


@builder("rollout_cannot_run")
def _rollout_cannot_run(p: Params, t: Pick) -> Texts:
    text = words(_CANNOT_RUN, p.get("why", ""), t, _CANNOT_RUN["untested"])
    if p.get("none_other"):
        text += t(", and no other newer release runs on it", ", und keine andere neuere Version läuft darauf")
    return text, ""
