"""The customer report as HTML, in German or English.

The HTML keeps to what both a browser and Qt's rich text (``QTextDocument``, used for the PDF)
render the same: tables with attributes, a few CSS properties, no scripts and no external
files. Every value from the inventory is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Literal

from modmanager.ops.report import CustomerReport, FailedCheck, PbxSection, ReportBackup, ReportChange
from modmanager.store.audit import AuditAction, InstanceChange

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")

_TEXT: Mapping[Language, Mapping[str, str]] = {
    "de": {
        "title": "Änderungsbericht",
        "heading": "Änderungen an den Telefonanlagen von {customer}",
        "period": "Zeitraum: {since} bis {until} ({zone})",
        "generated": "Erstellt am {at} von {by}",
        "pbxs": "Telefonanlagen",
        "changes": "Änderungen",
        "failures": "Fehlgeschlagen",
        "open": "Offen",
        "pbx": "Telefonanlage {name}",
        "removed": "(nicht mehr verwaltet)",
        "no_changes": "Im Zeitraum wurde nichts geändert.",
        "when": "Zeit",
        "what": "Änderung",
        "result": "Ergebnis",
        "scheduled": "geplant im Wartungsfenster",
        "instance": "Instanz „{name}“",
        "carried": "übernommen: {items}",
        "dropped": "entfallen (in der neuen Version nicht mehr vorhanden): {items}",
        "new": "neu mit Standardwert: {items}",
        "default": "{label} = {value}",
        "no_settings": "keine Einstellungen",
        "failures_heading": "Fehler und wie sie gelöst wurden",
        "backups": "Sicherungen der Einstellungen",
        "no_backups": "Für diese Telefonanlage gibt es keine Sicherung.",
        "backup_when": "Erstellt",
        "backup_module": "Modul",
        "backup_reason": "Anlass",
        "backup_instances": "Instanzen",
        "audit_ok": "Das Änderungsprotokoll ist unverändert (Prüfsummenkette geprüft).",
        "audit_broken": "Achtung: Das Änderungsprotokoll wurde verändert - die Prüfsummenkette ist unterbrochen.",
        "footer": "Erstellt mit modmanager. Werte von Einstellungen werden nie in den Bericht übernommen.",
        # actions
        "update": "{module} aktualisiert von v{from_} auf v{to}",
        "update_failed": "Aktualisierung von {module} von v{from_} auf v{to}",
        "install": "{module} v{to} installiert",
        "install_failed": "Installation von {module} v{to}",
        "restore": "Einstellungen von {module} aus einer Sicherung wiederhergestellt",
        "recovery": "Unterbrochene Aktualisierung von {module} abgeschlossen (jetzt v{to})",
        "rollback": "{module} auf v{to} zurückgesetzt",
        "hold": "{module} auf v{from_} festgehalten",
        "unhold": "Festhalten von {module} aufgehoben",
        "skip": "Version v{to} von {module} übersprungen",
        "unskip": "Überspringen von {module} v{to} aufgehoben",
        "pbx-added": "Telefonanlage in die Verwaltung aufgenommen",
        "pbx-removed": "Telefonanlage aus der Verwaltung entfernt",
        "pbx-renamed": "Telefonanlage umbenannt",
        "instance-state": "Instanz von {module} aktiviert oder deaktiviert",
        "agent-secret": "Zugangsschlüssel des Agenten geändert",
        "reason": "Grund: {reason}",
        # outcomes
        "ok": "erfolgreich",
        "failed": "fehlgeschlagen",
        "rolled-back": "fehlgeschlagen, zurückgesetzt",
        "kept-new": "fehlgeschlagen, neue Version behalten",
        "not-finished": "fehlgeschlagen, noch offen",
        # resolutions
        "res_nothing-changed": "Es wurde nichts verändert; die Anlage blieb wie sie war.",
        "res_rolled-back": "Die vorherige Version v{from_} wurde sofort mit allen Einstellungen "
        "wiederhergestellt.",
        "res_kept-new": "Die neue Version wurde behalten und alle unterstützten Einstellungen "
        "wurden übernommen.",
        "res_recovered": "Am {at} abgeschlossen; alle Einstellungen sind erhalten.",
        "res_open": "Noch offen: die Aktualisierung wird fortgesetzt oder zurückgesetzt, sobald die "
        "Anlage erreichbar ist. Die Einstellungen sind gesichert.",
        "cause": "Ursache: {cause}",
        "check": "Die Funktionsprüfung nach der Aktualisierung schlug fehl: {checks}.",
        "check_health_instance_inactive": "Instanz „{instances}“ blieb nicht aktiv",
        "check_health_settings_differ": "die Einstellungen von {instances} lasen sich nicht wie geschrieben zurück",
        "check_health_wrong_version": "die Anlage meldet v{found} statt v{version}",
        "check_health_module_missing": "das Modul ist nicht mehr installiert",
        "check_health_agent_silent": "der Agent antwortet nicht",
        "check_health_config_unreadable": "die Konfiguration ließ sich nicht lesen",
        "check_health_modules_unreadable": "die Modulliste ließ sich nicht lesen",
        "reason_pre-update": "vor einer Aktualisierung",
        "reason_pre-restore": "vor einer Wiederherstellung",
        "reason_manual": "manuell",
        "reason_scheduled": "geplant",
        "reason_import": "importiert",
    },
    "en": {
        "title": "Change report",
        "heading": "Changes to the PBXs of {customer}",
        "period": "Period: {since} to {until} ({zone})",
        "generated": "Generated on {at} by {by}",
        "pbxs": "PBXs",
        "changes": "Changes",
        "failures": "Failed",
        "open": "Open",
        "pbx": "PBX {name}",
        "removed": "(no longer managed)",
        "no_changes": "Nothing was changed in this period.",
        "when": "Time",
        "what": "Change",
        "result": "Result",
        "scheduled": "scheduled in the maintenance window",
        "instance": "Instance “{name}”",
        "carried": "carried over: {items}",
        "dropped": "dropped (the new version no longer has them): {items}",
        "new": "new, set to the default: {items}",
        "default": "{label} = {value}",
        "no_settings": "no settings",
        "failures_heading": "What failed and how it was resolved",
        "backups": "Settings backups",
        "no_backups": "There is no backup for this PBX.",
        "backup_when": "Created",
        "backup_module": "Module",
        "backup_reason": "Occasion",
        "backup_instances": "Instances",
        "audit_ok": "The change log is unaltered (hash chain verified).",
        "audit_broken": "Warning: the change log was altered - its hash chain is broken.",
        "footer": "Generated with modmanager. Setting values are never put into the report.",
        "update": "{module} updated from v{from_} to v{to}",
        "update_failed": "Update of {module} from v{from_} to v{to}",
        "install": "{module} v{to} installed",
        "install_failed": "Installation of {module} v{to}",
        "restore": "Settings of {module} restored from a backup",
        "recovery": "Interrupted update of {module} completed (now v{to})",
        "rollback": "{module} rolled back to v{to}",
        "hold": "{module} held at v{from_}",
        "unhold": "Hold of {module} lifted",
        "skip": "Release v{to} of {module} skipped",
        "unskip": "Skip of {module} v{to} lifted",
        "pbx-added": "PBX taken into management",
        "pbx-removed": "PBX removed from management",
        "pbx-renamed": "PBX renamed",
        "instance-state": "An instance of {module} was switched on or off",
        "agent-secret": "The agent's secret was changed",
        "reason": "Reason: {reason}",
        "ok": "succeeded",
        "failed": "failed",
        "rolled-back": "failed, rolled back",
        "kept-new": "failed, new version kept",
        "not-finished": "failed, recovery needed",
        "res_nothing-changed": "Nothing was changed; the PBX stayed as it was.",
        "res_rolled-back": "The previous version v{from_} was put back at once, with all its settings.",
        "res_kept-new": "The new version was kept and every supported setting was carried over.",
        "res_recovered": "Completed on {at}; every setting was kept.",
        "res_open": "Still open: the update is finished or rolled back as soon as the PBX is reachable. "
        "The settings are backed up.",
        "cause": "Cause: {cause}",
        "check": "The health check after the update failed: {checks}.",
        "check_health_instance_inactive": "instance “{instances}” did not stay active",
        "check_health_settings_differ": "the settings of {instances} did not read back as written",
        "check_health_wrong_version": "the PBX reports v{found} instead of v{version}",
        "check_health_module_missing": "the module is no longer installed",
        "check_health_agent_silent": "the agent does not answer",
        "check_health_config_unreadable": "the configuration could not be read",
        "check_health_modules_unreadable": "the module list could not be read",
        "reason_pre-update": "before an update",
        "reason_pre-restore": "before a restore",
        "reason_manual": "manual",
        "reason_scheduled": "scheduled",
        "reason_import": "imported",
    },
}

_STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #1d2733; }
h1 { font-size: 17pt; color: #17324d; margin-bottom: 2pt; }
h2 { font-size: 13pt; color: #17324d; margin-top: 16pt; margin-bottom: 4pt; }
h3 { font-size: 10.5pt; color: #31465c; margin-top: 10pt; margin-bottom: 3pt; }
p.meta { color: #56657a; margin-top: 0; }
th { background-color: #e3e9f1; text-align: left; font-weight: bold; }
td { border-bottom: 1px solid #d8dee6; vertical-align: top; }
td.figure { font-size: 15pt; font-weight: bold; color: #17324d; border-bottom: 0; }
td.label { color: #56657a; border-bottom: 0; }
td.ok { color: #1e6b33; }
td.bad { color: #a3261b; font-weight: bold; }
td.detail { color: #3c4a5b; font-size: 9pt; }
p.footer { color: #6b7785; font-size: 8.5pt; margin-top: 18pt; }
p.warn { color: #a3261b; font-weight: bold; }
"""


def render_html(report: CustomerReport, language: Language = "de") -> str:
    """The whole report as one HTML document."""
    text = _TEXT[language]
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"><head><meta charset="utf-8">',
        f"<title>{_e(text['title'])} - {_e(report.customer)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{_e(text['heading'].format(customer=report.customer))}</h1>",
        '<p class="meta">'
        + _e(
            text["period"].format(
                since=_time(report.since, language), until=_time(report.until, language), zone=report.timezone
            )
        )
        + "<br>"
        + _e(text["generated"].format(at=_time(report.generated_at, language), by=report.generated_by))
        + "</p>",
        _summary(report, text),
    ]
    for section in report.pbxs:
        out.append(_section(section, text, language))
    out.append(f'<p class="{"footer" if report.audit_intact else "warn"}">')
    out.append(_e(text["audit_ok" if report.audit_intact else "audit_broken"].format(rows=report.audit_rows)))
    out.append("<br>" + _e(text["footer"]) + "</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _summary(report: CustomerReport, text: Mapping[str, str]) -> str:
    cells = [
        (text["pbxs"], len(report.pbxs)),
        (text["changes"], report.change_count),
        (text["failures"], report.failure_count),
        (text["open"], report.open_count),
    ]
    figures = "".join(f'<td class="figure" width="25%">{value}</td>' for _, value in cells)
    labels = "".join(f'<td class="label">{_e(label)}</td>' for label, _ in cells)
    return f'<table width="100%" border="0" cellspacing="0" cellpadding="2"><tr>{figures}</tr><tr>{labels}</tr></table>'


def _section(section: PbxSection, text: Mapping[str, str], language: Language) -> str:
    title = text["pbx"].format(name=section.pbx) + (f" {text['removed']}" if section.removed else "")
    out = ["<br>", f"<h2>{_e(title)}</h2>", f"<h3>{_e(text['changes'])}</h3>"]
    if not section.changes:
        out.append(f"<p>{_e(text['no_changes'])}</p>")
    else:
        out.append('<table width="100%" border="0" cellspacing="0" cellpadding="4">')
        out.append(
            f'<tr><th width="17%">{_e(text["when"])}</th><th>{_e(text["what"])}</th>'
            f'<th width="25%">{_e(text["result"])}</th></tr>'
        )
        for change in section.changes:
            out.append(_change_rows(change, text, language))
        out.append("</table>")
    if section.failures:
        out.append(f"<h3>{_e(text['failures_heading'])}</h3><ul>")
        for change in section.failures:
            out.append(f"<li>{_failure(change, text, language)}</li>")
        out.append("</ul>")
    out.append(f"<h3>{_e(text['backups'])}</h3>")
    out.append(_backups(section.backups, text, language))
    return "\n".join(out)


def _change_rows(change: ReportChange, text: Mapping[str, str], language: Language) -> str:
    what = _what(change, text)
    if change.scheduled:
        what += f" ({text['scheduled']})"
    outcome = text.get(change.outcome, change.outcome)
    css = "ok" if not change.failed else "bad"
    rows = [
        f"<tr><td>{_cell_time(change.at, language)}</td><td>{_e(what)}</td>"
        f'<td class="{css}">{_e(outcome)}</td></tr>'
    ]
    details = [_instance(item, text) for item in change.instances]
    if change.reason and change.action in (AuditAction.HOLD, AuditAction.SKIP):
        details.insert(0, _e(text["reason"].format(reason=change.reason)))
    if details:
        rows.append(f'<tr><td></td><td class="detail" colspan="2">{"<br>".join(details)}</td></tr>')
    return "\n".join(rows)


def _what(change: ReportChange, text: Mapping[str, str]) -> str:
    key = change.action
    if change.failed and key in ("update", "install"):
        key = f"{key}_failed"
    template = text.get(key, key)
    return template.format(
        module=change.module_name or "-",
        from_="?" if change.from_version is None else change.from_version,
        to="?" if change.to_version is None else change.to_version,
    )


def _instance(item: InstanceChange, text: Mapping[str, str]) -> str:
    parts = []
    if item.carried:
        parts.append(text["carried"].format(items=", ".join(item.label(key) for key in item.carried)))
    if item.dropped:
        parts.append(text["dropped"].format(items=", ".join(item.label(key) for key in item.dropped)))
    if item.new:
        values = ", ".join(
            text["default"].format(label=item.label(key), value=value) if value else item.label(key)
            for key, value in item.new
        )
        parts.append(text["new"].format(items=values))
    if not parts:
        parts.append(text["no_settings"])
    return f"<b>{_e(text['instance'].format(name=item.name))}</b>: " + _e("; ".join(parts))


def _failure(change: ReportChange, text: Mapping[str, str], language: Language) -> str:
    lines = [f"<b>{_e(_time(change.at, language))} - {_e(_what(change, text))}</b>"]
    if change.failed_checks:
        checks = "; ".join(_check_text(check, text) for check in change.failed_checks)
        lines.append(_e(text["check"].format(checks=checks)))
    elif change.message:
        lines.append(_e(text["cause"].format(cause=change.message)))
    if change.resolution is not None:
        at = _time(change.resolved_at, language) if change.resolved_at else ""
        from_ = "?" if change.from_version is None else change.from_version
        lines.append(_e(text[f"res_{change.resolution.value}"].format(at=at, from_=from_)))
    return "<br>".join(lines)


def _check_text(check: FailedCheck, text: Mapping[str, str]) -> str:
    template = text.get(f"check_{check.code}")
    if template is None:
        return check.message
    try:
        return template.format(**check.params)
    except (KeyError, IndexError):
        return check.message


def _backups(backups: tuple[ReportBackup, ...], text: Mapping[str, str], language: Language) -> str:
    if not backups:
        return f"<p>{_e(text['no_backups'])}</p>"
    out = ['<table width="100%" border="0" cellspacing="0" cellpadding="4">']
    out.append(
        f'<tr><th width="17%">{_e(text["backup_when"])}</th><th>{_e(text["backup_module"])}</th>'
        f"<th>{_e(text['backup_reason'])}</th><th>{_e(text['backup_instances'])}</th></tr>"
    )
    for item in backups:
        reason = text.get(f"reason_{item.reason}", item.reason)
        out.append(
            f"<tr><td>{_cell_time(item.created_at, language)}</td>"
            f"<td>{_e(item.module_name)} v{item.module_version}</td><td>{_e(reason)}</td>"
            f"<td>{_e(', '.join(item.instances))}</td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def _cell_time(moment: dt.datetime, language: Language) -> str:
    """Date over time, for a narrow table column (HTML)."""
    date = moment.strftime("%d.%m.%Y" if language == "de" else "%Y-%m-%d")
    return f"{_e(date)}<br>{moment:%H:%M}"


def _time(moment: dt.datetime, language: Language) -> str:
    return moment.strftime("%d.%m.%Y %H:%M" if language == "de" else "%Y-%m-%d %H:%M")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


__all__ = ["LANGUAGES", "Language", "render_html"]
