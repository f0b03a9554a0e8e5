"""The tables behind the demo world: invented vendors, their modules and releases, and customers.

Kept apart from :mod:`modmanager.simulator.demo` (which turns these tables into files, a
signed catalog and simulated PBXs) so a reader can check the story at a glance: which module
changes its form when, which release is paid, which build sits in which STARFACE range
folder, and which customer runs what. Every name here is invented.

How vendors publish is taken from real vendor wikis: one folder per module, builds sorted into
STARFACE range folders (``7.3-7.X``, ``8.X``, ``9.X``, ``10.X``), the NFR build next to the
standard one, a ``CHANGELOG.md`` per module in the vendor's language with paid upgrades marked
("kostenpflichtig", "€", "paid upgrade"), and the odd build left in the module folder itself
(no range folder: untested).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modmanager.core.protocol import Edition, LicenseKind
from modmanager.core.sfmbuild import InputSpec

# --- vendors, modules, releases ---------------------------------------------------------------


@dataclass(frozen=True)
class DemoRelease:
    """One published version of a module and where the vendor put it."""

    version: int
    date: str
    """ISO date; for modules that are "new" the date is computed from ``age_days`` instead."""
    folders: tuple[str, ...]
    """STARFACE range folders holding the build; ``()`` leaves it in the module folder (untested)."""
    inputs: tuple[InputSpec, ...]
    notes: tuple[str, ...]
    """Changelog lines in the vendor's language; a paid marker here makes the release paid."""
    nfr: bool = False
    """The vendor also ships an NFR build of this release."""
    prerelease: bool = False
    incompatible: tuple[str, ...] = ()
    """STARFACE ranges the vendor explicitly warns about (``release-<version>.json``)."""
    display_version: str | None = None
    age_days: int | None = None


@dataclass(frozen=True)
class DemoModule:
    key: str
    """Short name used by the customer tables below."""
    module_id: str
    vendor: str
    name_de: str
    name_en: str
    description: str
    file_stem: str
    """Vendors name files ``<stem>_v<version>.sfm``."""
    package: str
    """Java package of the (stub) classes inside the file."""
    releases: tuple[DemoRelease, ...]
    internal_database: bool = False
    nfr_user_license: bool = False
    rpc_entry_points: tuple[str, ...] = ()
    changelog_title: str = "Changelog"
    language: str = "de"
    """The vendor's language: changelog, descriptor name and default locale."""


NORDLICHT = "Nordlicht Telekom Software GmbH"
ALPENFUNK = "Alpenfunk Systems AG"
BRUECKNER = "Brückner IT-Lösungen"
KESSELHAUS = "Kesselhaus Kommunikation e.K."

VENDOR_FOLDERS = {
    NORDLICHT: "Nordlicht Telekom Software",
    ALPENFUNK: "Alpenfunk Systems",
    BRUECKNER: "Brueckner IT-Loesungen",
    KESSELHAUS: "Kesselhaus Kommunikation",
}
"""Folder per vendor in the catalog's vendor tree (vendors avoid umlauts in download paths)."""

NFR_FOLDER_VENDORS = frozenset({BRUECKNER})
"""Vendors that keep NFR builds in an ``NFR`` subfolder instead of naming them ``..._NFR.sfm``."""

VENDOR_WIKIS = {
    NORDLICHT: "https://wiki.nordlicht-telekom.example/starface/",
    ALPENFUNK: "https://docs.alpenfunk.example/starface/",
    BRUECKNER: "https://www.brueckner-it.example/module/",
    KESSELHAUS: "https://kesselhaus-kommunikation.example/downloads/",
}

R73 = "7.3-7.X"
R8 = "8.X"
R9 = "9.X"
R10 = "10.X"

_HEAD = "headline"
_NUM = "numberInput"
_PWD = "passwordInput"
_CHECK = "checkBoxInput"
_TIMER = "timerSettingsInput"
_GROUP = "groupSelectInput"
_USER = "userSelectInput"


def _headline(label: str, tab: str = "General") -> InputSpec:
    return InputSpec("", label, kind=_HEAD, tab=tab)


# Warteschleifen-Ansagen: the interval input goes away in 117, music on hold arrives.
_QUEUE_BASE = (
    _headline("Warteschlange"),
    InputSpec("queueGroup", "Gruppe", kind=_GROUP, description="Die Gruppe, deren Warteschlange angesagt wird."),
    InputSpec(
        "greetingText", "Begrüßungstext", default="Willkommen! Bitte haben Sie einen Moment Geduld.", max_length=400
    ),
    InputSpec("announceInterval", "Ansage alle (Sekunden)", kind=_NUM, default="45", validation=r"^[0-9]{2,3}$"),
)
_QUEUE_113 = (
    *_QUEUE_BASE,
    InputSpec("announcePosition", "Position in der Warteschlange ansagen", kind=_CHECK, default="true"),
)
_QUEUE_117 = (
    *_QUEUE_113[:3],
    _QUEUE_113[4],
    InputSpec("musicOnHold", "Wartemusik", default="Standard", tab="Audio"),
    InputSpec("maxWaitSeconds", "Maximale Wartezeit (Sekunden)", kind=_NUM, default="300", tab="Audio"),
)
_QUEUE_126 = (
    *_QUEUE_117,
    InputSpec(
        "overflowTarget",
        "Überlaufziel",
        validation=r"^\+?[0-9 ]{0,20}$",
        tab="Audio",
        description="Wohin Anrufer nach der maximalen Wartezeit geleitet werden (leer: Voicemail).",
    ),
)

_VOICEMAIL_40 = (
    _headline("Ansagen"),
    InputSpec("greetingText", "Ansagetext", default="Sie sind verbunden mit der Mailbox von {name}.", max_length=400),
    InputSpec("maxMessageSeconds", "Maximale Nachrichtenlänge (Sekunden)", kind=_NUM, default="120"),
    InputSpec("notifyEmail", "Benachrichtigung an E-Mail", default="true", kind=_CHECK),
)
_VOICEMAIL_45 = (
    *_VOICEMAIL_40,
    InputSpec("transcription", "Sprache-zu-Text", kind=_CHECK, default="false", tab="Erweitert"),
)
_VOICEMAIL_51 = (
    *_VOICEMAIL_45[:2],
    InputSpec("maxMessageSeconds", "Maximale Nachrichtenlänge (Sekunden)", kind=_NUM, default="180"),
    *_VOICEMAIL_45[3:],
    InputSpec("transcriptionLanguage", "Sprache der Transkription", default="de-DE", tab="Erweitert"),
)

_EMERGENCY_12 = (
    _headline("Notfall"),
    InputSpec("emergencyNumber", "Notfallziel", default="", validation=r"^\+?[0-9 ]{3,20}$", max_length=20),
    InputSpec("triggerCode", "Aktivierungscode", default="*99", validation=r"^\*[0-9]{2,4}$"),
    InputSpec("notifyEmail", "Benachrichtigung an", description="E-Mail-Adresse, die bei Aktivierung informiert wird."),
)
_EMERGENCY_15 = (*_EMERGENCY_12, InputSpec("notifySms", "SMS an", validation=r"^\+?[0-9 ]{0,20}$"))
_EMERGENCY_17 = (
    *_EMERGENCY_15,
    InputSpec("autoResetHours", "Automatisch zurücksetzen nach (Stunden)", kind=_NUM, default="12"),
)

_TIMECTL_2022 = (
    _headline("Zeitplan"),
    InputSpec("schedule", "Öffnungszeiten", kind=_TIMER),
    InputSpec("holidayRegion", "Feiertage (Bundesland)", default="NI"),
    InputSpec("closedTarget", "Ziel außerhalb der Öffnungszeiten", validation=r"^\+?[0-9 ]{0,20}$"),
)
_TIMECTL_2023 = (*_TIMECTL_2022, InputSpec("vacationCalendarUrl", "Urlaubskalender (iCal-URL)", tab="Kalender"))
_TIMECTL_2025 = (
    *_TIMECTL_2023[:2],
    InputSpec("holidayRegion", "Feiertage (Bundesland)", default="DE-NI"),
    *_TIMECTL_2023[3:],
)

_CRM_210 = (
    _headline("Connection"),
    InputSpec("crmUrl", "CRM URL", default="https://", validation=r"^https://.+"),
    InputSpec("apiKey", "API key", kind=_PWD),
    InputSpec("syncInterval", "Sync interval (minutes)", kind=_NUM, default="15"),
)
_CRM_230 = (
    *_CRM_210,
    InputSpec("matchMode", "Caller matching", default="exact", description="exact, suffix or fuzzy", tab="Matching"),
)
_CRM_240 = (
    *_CRM_230[:3],
    InputSpec("syncInterval", "Sync interval (minutes)", kind=_NUM, default="5"),
    _CRM_230[4],
    InputSpec("createCallNotes", "Create call notes in the CRM", kind=_CHECK, default="true", tab="Matching"),
)
_CRM_245 = (*_CRM_240, InputSpec("oauthTenant", "OAuth tenant", tab="Connection"))

_CALLERID_5 = (
    _headline("Lookup"),
    InputSpec("lookupSource", "Source", default="dasOertliche"),
    InputSpec("cacheHours", "Cache (hours)", kind=_NUM, default="24"),
)
_CALLERID_7 = (*_CALLERID_5, InputSpec("apiKey", "API key", kind=_PWD, tab="Sources"))
_CALLERID_9 = (
    *_CALLERID_7[:2],
    InputSpec("cacheHours", "Cache (hours)", kind=_NUM, default="72"),
    _CALLERID_7[3],
    InputSpec("showCompany", "Show company name", kind=_CHECK, default="true"),
)

_TEAMS_3 = (
    _headline("Microsoft 365"),
    InputSpec("tenantId", "Tenant ID", validation=r"^[0-9a-f-]{36}$"),
    InputSpec("clientId", "Client ID", validation=r"^[0-9a-f-]{36}$"),
    InputSpec("clientSecret", "Client secret", kind=_PWD),
    InputSpec("syncPresence", "Sync presence", kind=_CHECK, default="true"),
)
_TEAMS_4 = (*_TEAMS_3, InputSpec("presenceMapping", "Presence mapping", default="busy=DND", tab="Presence"))
_TEAMS_5 = (*_TEAMS_4, InputSpec("directRouting", "Use direct routing", kind=_CHECK, default="false", tab="Routing"))

_STATS_60 = (
    _headline("Reports"),
    InputSpec("reportEmail", "Report recipient"),
    InputSpec("retentionDays", "Keep data (days)", kind=_NUM, default="90"),
    InputSpec("exportFormat", "Export format", default="CSV"),
)
_STATS_71 = (
    *_STATS_60[:2],
    InputSpec("retentionDays", "Keep data (days)", kind=_NUM, default="365"),
    InputSpec("exportFormat", "Export format", default="XLSX"),
    InputSpec("anonymizeNumbers", "Anonymize external numbers (GDPR)", kind=_CHECK, default="true"),
)
_STATS_78 = (*_STATS_71, InputSpec("dashboardGroups", "Dashboard groups", kind=_GROUP, tab="Dashboard"))

_AD_150 = (
    _headline("Verzeichnisdienst"),
    InputSpec("ldapServer", "LDAP-Server", default="dc01.firma.local"),
    InputSpec("ldapPort", "LDAP-Port", kind=_NUM, default="389", validation=r"^[0-9]{2,5}$"),
    InputSpec("baseDn", "Basis-DN", default="DC=firma,DC=local"),
    InputSpec("bindUser", "Benutzer für die Anmeldung"),
    InputSpec("bindPassword", "Passwort", kind=_PWD),
    InputSpec("syncSchedule", "Abgleich", kind=_TIMER, tab="Zeitplan"),
)
_AD_162 = (*_AD_150, InputSpec("groupFilter", "Nur Mitglieder der Gruppe", default="CN=STARFACE-Benutzer"))
_AD_170 = (
    *_AD_162[:2],
    InputSpec("ldapPort", "LDAP-Port", kind=_NUM, default="636", validation=r"^[0-9]{2,5}$"),
    *_AD_162[3:],
    InputSpec("useTls", "LDAPS (TLS) verwenden", kind=_CHECK, default="true"),
)

_FAX_30 = (
    _headline("Fax"),
    InputSpec("faxNumber", "Faxnummer", validation=r"^\+?[0-9 ]{3,20}$"),
    InputSpec("mailTarget", "E-Mail-Empfänger"),
    InputSpec("subjectTemplate", "Betreff", default="Fax von {caller}"),
)
_FAX_34 = (*_FAX_30, InputSpec("pdfAttach", "Als PDF anhängen", kind=_CHECK, default="true"))

_HOTEL_10 = (
    _headline("PMS-Schnittstelle"),
    InputSpec("pmsHost", "PMS-Server"),
    InputSpec("pmsPort", "PMS-Port", kind=_NUM, default="5010"),
    InputSpec("roomPrefix", "Zimmer-Rufnummernpräfix", default="2"),
)
_HOTEL_14 = (
    *_HOTEL_10,
    InputSpec("wakeupCallsEnabled", "Weckrufe", kind=_CHECK, default="true", tab="Weckruf"),
    InputSpec("minibarCode", "Minibar-Buchungscode", default="*77", tab="Weckruf"),
)

_DOOR_24 = (
    _headline("Türstation"),
    InputSpec("doorStation", "Türstation (SIP-Benutzer)", kind=_USER),
    InputSpec("openCode", "Türöffner-DTMF", default="#9", validation=r"^[0-9*#]{1,4}$"),
    InputSpec("ringGroup", "Klingelt bei", kind=_GROUP),
)
_DOOR_31 = (*_DOOR_24, InputSpec("cameraUrl", "Kamerabild (URL)", tab="Video"))

_MOH_3 = (
    _headline("Music on hold"),
    InputSpec("playlist", "Playlist", default="default"),
    InputSpec("shuffle", "Shuffle", kind=_CHECK, default="false"),
)
_MOH_4 = (*_MOH_3, InputSpec("volumePercent", "Volume (%)", kind=_NUM, default="80"))
_MOH_6 = (*_MOH_4, InputSpec("streamUrl", "Stream URL (licensed content only)"))

_CALLBACK_1 = (
    _headline("Rückruf"),
    InputSpec("callbackQueue", "Warteschlange", kind=_GROUP),
    InputSpec("offerAfterSeconds", "Rückruf anbieten nach (Sekunden)", kind=_NUM, default="60"),
    InputSpec("smsConfirmation", "Bestätigung per SMS", kind=_CHECK, default="false"),
)

PAID_DE = "**Kostenpflichtiges Upgrade** – neuer Modullizenzschlüssel erforderlich (Upgrade-Preis {price} € netto)."
PAID_EN = "**Paid upgrade**: a new module license key is required (upgrade price EUR {price} net)."

MODULES: tuple[DemoModule, ...] = (
    DemoModule(
        key="queue",
        module_id="616f6bed-c3c8-483d-b43e-70ad28ab0f16",
        vendor=NORDLICHT,
        name_de="Warteschleifen-Ansagen",
        name_en="Queue Announcements",
        description="Sagt Anrufern in der Warteschlange Position und Wartezeit an – mit eigener Wartemusik.",
        file_stem="Warteschleifen_Ansagen",
        package="de/nordlicht/starface/queue",
        changelog_title="Warteschleifen-Ansagen – Änderungen",
        rpc_entry_points=("getQueueState",),
        releases=(
            DemoRelease(82, "2021-03-18", (R73, R8), _QUEUE_BASE, ("Erste Version für STARFACE 7.3 und 8.",)),
            DemoRelease(
                113,
                "2022-11-07",
                (R8, R9),
                _QUEUE_113,
                ("Neu: Ansage der Position in der Warteschlange.", "Kompatibel mit STARFACE 9."),
            ),
            DemoRelease(
                117,
                "2023-09-25",
                (R9,),
                _QUEUE_117,
                (
                    "Neu: eigene Wartemusik und maximale Wartezeit (Reiter *Audio*).",
                    "Entfernt: festes Ansage-Intervall; das Modul wählt es jetzt selbst.",
                ),
                nfr=True,
            ),
            DemoRelease(
                122,
                "2024-10-14",
                (R9, R10),
                _QUEUE_117,
                ("Kompatibel mit STARFACE 10.", "Fehlerbehebung: Umlaute im Begrüßungstext."),
                nfr=True,
            ),
            DemoRelease(
                126,
                "2025-06-12",
                (R10,),
                _QUEUE_126,
                ("Neu: Überlaufziel nach der maximalen Wartezeit.", "Nur noch für STARFACE 10."),
                nfr=True,
            ),
        ),
    ),
    DemoModule(
        key="voicemail",
        module_id="5f51c14c-0688-4aa6-87f2-e05c6da5f68b",
        vendor=NORDLICHT,
        name_de="Anrufbeantworter Pro",
        name_en="Voicemail Pro",
        description="Persönliche Anrufbeantworter mit Ansagen je Benutzer, E-Mail-Versand und Transkription.",
        file_stem="Anrufbeantworter_Pro",
        package="de/nordlicht/starface/voicemail",
        changelog_title="Anrufbeantworter Pro – Änderungen",
        internal_database=True,
        releases=(
            DemoRelease(
                40,
                "2022-02-10",
                (R8,),
                _VOICEMAIL_40,
                ("Ansagen und Nachrichten liegen jetzt in der modulinternen Datenbank.",),
            ),
            DemoRelease(
                45,
                "2023-05-08",
                (R9,),
                _VOICEMAIL_45,
                ("Kompatibel mit STARFACE 9.", "Neu: Sprache-zu-Text (Beta)."),
                nfr=True,
            ),
            DemoRelease(
                51,
                "2024-11-20",
                (R9, R10),
                _VOICEMAIL_51,
                (
                    "Kompatibel mit STARFACE 10.",
                    "Standard der maximalen Nachrichtenlänge jetzt 180 Sekunden.",
                    "Neu: Sprache der Transkription wählbar.",
                ),
                nfr=True,
            ),
            DemoRelease(
                52,
                "2025-09-01",
                (R10,),
                _VOICEMAIL_51,
                ("Vorabversion: neue Transkriptions-Engine, bitte nur auf Testanlagen einsetzen.",),
                nfr=True,
                prerelease=True,
                display_version="v52 Beta",
            ),
        ),
    ),
    DemoModule(
        key="emergency",
        module_id="53b30b16-1c98-4450-adc3-fd4fadea437c",
        vendor=NORDLICHT,
        name_de="Notfallumleitung",
        name_en="Emergency Diversion",
        description="Leitet per Code alle Anrufe auf ein Notfallziel um, z. B. bei Stromausfall oder Unwetter.",
        file_stem="Notfallumleitung",
        package="de/nordlicht/starface/emergency",
        changelog_title="Notfallumleitung – Änderungen",
        rpc_entry_points=("activate", "deactivate"),
        releases=(
            DemoRelease(12, "2020-09-01", (R73, R8), _EMERGENCY_12, ("Erste Version.",)),
            DemoRelease(
                15, "2022-12-05", (R9,), _EMERGENCY_15, ("Kompatibel mit STARFACE 9.", "Neu: Benachrichtigung per SMS.")
            ),
            DemoRelease(
                17,
                "2024-09-30",
                (R9, R10),
                _EMERGENCY_17,
                ("Kompatibel mit STARFACE 10.", "Neu: automatisches Zurücksetzen nach einstellbarer Zeit."),
            ),
        ),
    ),
    DemoModule(
        key="timectl",
        module_id="03f9bdc2-5590-4d5d-861c-5f3247374810",
        vendor=NORDLICHT,
        name_de="Zeitsteuerung Plus",
        name_en="Time Control Plus",
        description="Öffnungszeiten, Feiertage je Bundesland und Urlaubskalender für die Anrufverteilung.",
        file_stem="Zeitsteuerung_Plus",
        package="de/nordlicht/starface/timecontrol",
        changelog_title="Zeitsteuerung Plus – Änderungen",
        releases=(
            DemoRelease(
                20220729, "2022-07-29", (R8,), _TIMECTL_2022, ("Erste Version.",), display_version="2022-07-29"
            ),
            DemoRelease(
                20230315,
                "2023-03-15",
                (R8, R9),
                _TIMECTL_2023,
                ("Neu: Urlaubskalender als iCal-Abo.", "Kompatibel mit STARFACE 9."),
                display_version="2023-03-15",
            ),
            DemoRelease(
                20240611,
                "2024-06-11",
                (R9,),
                _TIMECTL_2023,
                ("Feiertage bis 2027.", "Fehlerbehebung: Zeitumstellung im Oktober."),
                nfr=True,
                display_version="2024-06-11",
            ),
            DemoRelease(
                20250422,
                "2025-04-22",
                (R9, R10),
                _TIMECTL_2025,
                (
                    "Kompatibel mit STARFACE 10.",
                    "Bundesländer jetzt als ISO-Code (DE-NI statt NI); alte Werte werden übernommen.",
                ),
                nfr=True,
                display_version="2025-04-22",
            ),
        ),
    ),
    DemoModule(
        key="crm",
        module_id="2bb131a7-77f9-4df4-ae16-cdd795ec33e7",
        vendor=ALPENFUNK,
        language="en",
        name_de="CRM-Anbindung",
        name_en="CRM Connector",
        description="Shows the caller's CRM record, logs calls and creates call notes in common CRM systems.",
        file_stem="CRM_Connector",
        package="at/alpenfunk/starface/crm",
        changelog_title="CRM Connector – Release notes",
        rpc_entry_points=("lookupCaller",),
        releases=(
            DemoRelease(210, "2022-04-04", (R8,), _CRM_210, ("First release for STARFACE 8.",)),
            DemoRelease(
                230,
                "2023-07-17",
                (R9,),
                _CRM_230,
                ("Compatible with STARFACE 9.", "New: caller matching mode (exact, suffix, fuzzy)."),
                nfr=True,
            ),
            DemoRelease(
                240,
                "2024-05-13",
                (R9, R10),
                _CRM_240,
                (
                    PAID_EN.format(price=89),
                    "New: call notes are created in the CRM.",
                    "Default sync interval is now 5 minutes.",
                ),
                nfr=True,
            ),
            DemoRelease(
                245,
                "2025-03-03",
                (R10,),
                _CRM_245,
                ("New: OAuth sign-in for cloud CRMs.", "STARFACE 10 only."),
                nfr=True,
            ),
        ),
    ),
    DemoModule(
        key="callerid",
        module_id="51eee78d-b64c-4c6c-97d4-d28a7def52b1",
        vendor=ALPENFUNK,
        language="en",
        name_de="Rufnummernanzeige",
        name_en="Caller ID Lookup",
        description="Resolves unknown caller numbers through public directories and shows the name on the phone.",
        file_stem="Caller_ID_Lookup",
        package="at/alpenfunk/starface/callerid",
        changelog_title="Caller ID Lookup – Release notes",
        nfr_user_license=True,
        releases=(
            DemoRelease(5, "2021-06-01", (R8,), _CALLERID_5, ("First release.",)),
            DemoRelease(
                7,
                "2022-10-10",
                (R9,),
                _CALLERID_7,
                ("Compatible with STARFACE 9.", "New: commercial directories with an API key."),
                nfr=True,
            ),
            DemoRelease(
                9,
                "2024-08-19",
                (R9, R10),
                _CALLERID_9,
                (
                    "Compatible with STARFACE 10.",
                    "Default cache is now 72 hours.",
                    "New: show the company name.",
                    "Recognizes NFR user licenses.",
                ),
                nfr=True,
            ),
        ),
    ),
    DemoModule(
        key="teams",
        module_id="6f03dffb-04a7-4705-8259-b1e64fb51525",
        vendor=ALPENFUNK,
        language="en",
        name_de="Teams-Brücke",
        name_en="Teams Bridge",
        description="Synchronizes presence between Microsoft Teams and STARFACE.",
        file_stem="Teams_Bridge",
        package="at/alpenfunk/starface/teams",
        changelog_title="Teams Bridge – Release notes",
        releases=(
            DemoRelease(3, "2024-02-12", (R9,), _TEAMS_3, ("First release.",), nfr=True),
            DemoRelease(
                4,
                "2025-01-20",
                (R10,),
                _TEAMS_4,
                ("STARFACE 10 only.", "New: configurable presence mapping."),
                nfr=True,
            ),
            DemoRelease(
                5,
                "2025-08-25",
                (R10,),
                _TEAMS_5,
                ("Preview: direct routing support. Not for production systems.",),
                nfr=True,
                prerelease=True,
                display_version="v5 Preview",
            ),
        ),
    ),
    DemoModule(
        key="stats",
        module_id="f5ef7184-900a-48f6-824d-5e8b596ebaa2",
        vendor=ALPENFUNK,
        language="en",
        name_de="Anruf-Statistik",
        name_en="Call Statistics",
        description="Call statistics per group and agent with scheduled reports. No NFR version available.",
        file_stem="Call_Statistics",
        package="at/alpenfunk/starface/statistics",
        changelog_title="Call Statistics – Release notes",
        internal_database=True,
        releases=(
            DemoRelease(60, "2022-01-24", (R8,), _STATS_60, ("Statistics are kept in the module's own database.",)),
            DemoRelease(
                71,
                "2023-11-06",
                (R9,),
                _STATS_71,
                (
                    "Compatible with STARFACE 9.",
                    "New: anonymize external numbers (GDPR).",
                    "Default retention is now 365 days, default export XLSX.",
                ),
            ),
            DemoRelease(
                78,
                "2025-02-17",
                (R9, R10),
                _STATS_78,
                ("Compatible with STARFACE 10.", "New: live dashboard per group."),
            ),
        ),
    ),
    DemoModule(
        key="ad",
        module_id="67ec348c-da91-464c-b2ea-d174f4d96cd1",
        vendor=BRUECKNER,
        name_de="Active-Directory-Abgleich",
        name_en="Active Directory Sync",
        description="Gleicht Benutzer, Rufnummern und Gruppen mit dem Active Directory ab.",
        file_stem="AD_Abgleich",
        package="de/brueckner/starface/adsync",
        changelog_title="Active-Directory-Abgleich – Änderungen",
        nfr_user_license=True,
        rpc_entry_points=("runSync",),
        releases=(
            DemoRelease(150, "2021-01-15", (R73, R8), _AD_150, ("Erste Version.",)),
            DemoRelease(
                162,
                "2022-12-12",
                (R9,),
                _AD_162,
                ("Kompatibel mit STARFACE 9.", "Neu: Abgleich nur für Mitglieder einer AD-Gruppe."),
                nfr=True,
            ),
            DemoRelease(
                170,
                "2024-06-24",
                (R9, R10),
                _AD_170,
                (PAID_DE.format(price=59), "Neu: LDAPS, Standard-Port jetzt 636.", "Kompatibel mit STARFACE 10."),
                nfr=True,
            ),
            DemoRelease(
                171,
                "2025-04-07",
                (R10,),
                _AD_170,
                ("Fehlerbehebung: Umlaute in Gruppennamen.", "Nur noch für STARFACE 10."),
                nfr=True,
            ),
        ),
    ),
    DemoModule(
        key="fax",
        module_id="84add560-fe37-4c82-95d9-56a8f5deac3d",
        vendor=BRUECKNER,
        name_de="Fax-to-Mail",
        name_en="Fax to Mail",
        description="Stellt eingehende Faxe als E-Mail mit PDF-Anhang zu.",
        file_stem="Fax_to_Mail",
        package="de/brueckner/starface/faxmail",
        changelog_title="Fax-to-Mail – Änderungen",
        releases=(
            DemoRelease(30, "2021-11-22", (R8,), _FAX_30, ("Erste Version.",)),
            DemoRelease(
                34, "2023-10-02", (R9, R10), _FAX_34, ("Neu: Fax als PDF-Anhang.", "Kompatibel mit STARFACE 9 und 10.")
            ),
            DemoRelease(35, "2025-05-19", (R9, R10), _FAX_34, ("Fehlerbehebung: Betreff mit Umlauten.",)),
        ),
    ),
    DemoModule(
        key="hotel",
        module_id="651aa5ea-70b1-452c-8b40-95b627e5cbd7",
        vendor=BRUECKNER,
        name_de="Hotel-Check-in",
        name_en="Hotel Check-in",
        description="Verbindet die Telefonanlage mit dem Hotel-PMS: Zimmer freischalten, Weckrufe, Minibar.",
        file_stem="Hotel_Checkin",
        package="de/brueckner/starface/hotel",
        changelog_title="Hotel-Check-in – Änderungen",
        internal_database=True,
        rpc_entry_points=("checkIn", "checkOut"),
        releases=(
            DemoRelease(10, "2023-04-03", (R9,), _HOTEL_10, ("Erste Version; Gäste liegen in der Moduldatenbank.",)),
            DemoRelease(
                14,
                "2024-12-02",
                (R9, R10),
                _HOTEL_14,
                ("Neu: Weckrufe und Minibar-Buchung.", "Kompatibel mit STARFACE 10."),
            ),
        ),
    ),
    DemoModule(
        key="door",
        module_id="a62342b2-5689-484d-969f-096afd61b052",
        vendor=BRUECKNER,
        name_de="Türsprechstelle",
        name_en="Door Intercom",
        description="Türsprechstellen mit Türöffner und Kamerabild an STARFACE-Telefonen.",
        file_stem="Tuersprechstelle",
        package="de/brueckner/starface/door",
        changelog_title="Türsprechstelle – Änderungen",
        releases=(
            DemoRelease(24, "2020-05-11", (R73, R8), _DOOR_24, ("Erste Version.",)),
            DemoRelease(
                31,
                "2023-02-27",
                (R9,),
                _DOOR_31,
                (
                    "Neu: Kamerabild der Türstation.",
                    "Achtung: nicht kompatibel mit STARFACE 10 (geänderte SIP-Schnittstelle).",
                ),
                incompatible=(R10,),
            ),
        ),
    ),
    DemoModule(
        key="moh",
        module_id="0de09957-a372-49a7-85e0-934a2346768d",
        vendor=KESSELHAUS,
        language="en",
        name_de="Wartemusik-Manager",
        name_en="Music on Hold Manager",
        description="Playlists and volume for music on hold per group.",
        file_stem="MoH_Manager",
        package="de/kesselhaus/starface/moh",
        changelog_title="Music on Hold Manager",
        releases=(
            DemoRelease(3, "2022-06-13", (R8,), _MOH_3, ("First release.",)),
            DemoRelease(4, "2023-12-11", (R9,), _MOH_4, ("STARFACE 9 support.", "New: volume setting.")),
            DemoRelease(6, "2025-07-07", (), _MOH_6, ("New: stream URL.", "Not yet tested on every STARFACE release.")),
        ),
    ),
    DemoModule(
        key="callback",
        module_id="3dc88a77-36d6-4bbe-bd55-45b87609b19a",
        vendor=KESSELHAUS,
        language="en",
        name_de="Rückruf-Service",
        name_en="Callback Service",
        description="Offers callers in a long queue a callback instead of waiting.",
        file_stem="Callback_Service",
        package="de/kesselhaus/starface/callback",
        changelog_title="Callback Service",
        releases=(DemoRelease(1, "", (R9, R10), _CALLBACK_1, ("First release.",), age_days=21),),
    ),
)

CUSTOM_MODULE_ID = "d99d27f4-3b25-4032-8b7f-3b98f1ce94f5"
"""A customer's own module that no catalog lists (shows "not in catalog")."""
CUSTOM_MODULE_INPUTS = (
    _headline("Leitstelle"),
    InputSpec("controlRoomHost", "Leitstellen-Server", default="leitstelle.stadtwerke.local"),
    InputSpec("alarmGroup", "Alarmgruppe", kind=_GROUP),
)

# --- customers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoInstance:
    name: str
    active: bool = True
    values: dict[str, str | int | bool] = field(default_factory=dict)
    """Values that differ from the form's defaults (the rest is filled in from the form)."""


@dataclass(frozen=True)
class DemoInstall:
    module: str
    """``DemoModule.key``, or ``"custom"`` for the customer's own module."""
    version: int
    instances: tuple[DemoInstance, ...]
    nfr: bool = False
    """The NFR build is installed."""
    license_state: str = "licensed"
    internal_data: str = ""
    """Text stored as the module's internal database (only for modules that keep one)."""


@dataclass(frozen=True)
class DemoLicense:
    kind: LicenseKind
    count: int = 1
    expires_in_days: int | None = None
    """Demo licenses: days after ``today`` on which the license ends."""


@dataclass(frozen=True)
class DemoCustomer:
    name: str
    """The PBX's name in the module manager."""
    customer: str
    starface: str
    edition: Edition
    licenses: tuple[DemoLicense, ...]
    installs: tuple[DemoInstall, ...]
    note: str
    """One line: what this PBX demonstrates."""
    server_license_key: str | None = None
    hardware_id: str | None = None
    reachable: bool = True


def _i(name: str, active: bool = True, **values: str | int | bool) -> DemoInstance:
    return DemoInstance(name, active, dict(values))


CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        name="Partner-Demoanlage",
        customer="Eigene Anlage (Partner)",
        starface="10.0.0.4",
        edition=Edition.APPLIANCE,
        server_license_key="SFL-7D21-4C9E-A0B3-51F8",
        licenses=(DemoLicense(LicenseKind.NFR_SERVER), DemoLicense(LicenseKind.NFR_USER, 10)),
        note="NFR server license: NFR builds everywhere, a paid CRM release costs nothing, pre-releases to try.",
        installs=(
            DemoInstall(
                "queue", 122, (_i("Zentrale", queueGroup="Vertrieb"), _i("Test", False)), nfr=True, license_state="nfr"
            ),
            DemoInstall(
                "crm",
                230,
                (_i("Demo-CRM", crmUrl="https://crm.partner-demo.example", apiKey="pk_demo_4471"),),
                nfr=True,
                license_state="nfr",
            ),
            DemoInstall(
                "voicemail",
                51,
                (_i("Mailbox"),),
                nfr=True,
                license_state="nfr",
                internal_data="mailboxes=3\ngreetings=Vertrieb.wav,Technik.wav,Zentrale.wav\n",
            ),
            DemoInstall(
                "teams",
                4,
                (_i("Teams", tenantId="5b1e6c2a-8d3f-4e7a-9c0b-1f2e3d4c5b6a"),),
                nfr=True,
                license_state="nfr",
            ),
            DemoInstall(
                "stats",
                71,
                (_i("Statistik", reportEmail="technik@partner-demo.example"),),
                internal_data="calls=18234\nlast_report=2025-09-30\n",
            ),
            DemoInstall("timectl", 20240611, (_i("Geschäftszeiten"),), nfr=True, license_state="nfr"),
        ),
    ),
    DemoCustomer(
        name="Partner-Schulungsanlage",
        customer="Schulungsraum (Partner)",
        starface="9.1.0.2",
        edition=Edition.VM,
        server_license_key="SFL-2A90-77C1-DE45-0B6F",
        licenses=(DemoLicense(LicenseKind.DEMO, 1, expires_in_days=30), DemoLicense(LicenseKind.NFR_USER, 5)),
        note="Only an NFR user license (honoured by AD sync and Caller ID only) and a demo license that expires; "
        "everything up to date.",
        installs=(
            DemoInstall(
                "ad",
                170,
                (
                    _i(
                        "Schulungs-AD",
                        ldapServer="dc.schulung.local",
                        bindUser="svc-starface",
                        bindPassword="Schulung2025!",
                    ),
                ),
                nfr=True,
                license_state="nfr",
            ),
            DemoInstall("callerid", 9, (_i("Rufnummern"),), nfr=True, license_state="nfr"),
            DemoInstall("queue", 122, (_i("Schulung", queueGroup="Schulung"),), license_state="demo"),
        ),
    ),
    DemoCustomer(
        name="Autohaus Sommer GmbH",
        customer="Autohaus Sommer GmbH",
        starface="9.1.0.2",
        edition=Edition.VM,
        server_license_key="SFL-91C3-0E5D-7788-AF12",
        licenses=(DemoLicense(LicenseKind.SERVER), DemoLicense(LicenseKind.USER, 45)),
        note="Free updates available for several modules, one untested newer release (Music on Hold), "
        "statistics in an internal database.",
        installs=(
            DemoInstall(
                "queue",
                113,
                (
                    _i("Zentrale", queueGroup="Verkauf", greetingText="Willkommen bei Autohaus Sommer!"),
                    _i("Werkstatt", queueGroup="Werkstatt", announceInterval=60),
                    _i("Filiale Nord", False, queueGroup="Filiale Nord"),
                ),
            ),
            DemoInstall(
                "stats",
                60,
                (_i("Auswertung", reportEmail="gf@autohaus-sommer.example", retentionDays=180),),
                internal_data="calls=52110\ngroups=Verkauf,Werkstatt,Teile\nlast_report=2025-09-01\n",
            ),
            DemoInstall(
                "emergency",
                15,
                (_i("Notfall", emergencyNumber="+49 7131 445566", notifyEmail="it@autohaus-sommer.example"),),
            ),
            DemoInstall(
                "fax",
                30,
                (
                    _i("Fax Verkauf", faxNumber="+49 7131 4455-99", mailTarget="verkauf@autohaus-sommer.example"),
                    _i("Fax Werkstatt", faxNumber="+49 7131 4455-98", mailTarget="werkstatt@autohaus-sommer.example"),
                ),
            ),
            DemoInstall("callerid", 9, (_i("Rufnummern", apiKey="as-lookup-2291"),)),
            DemoInstall(
                "timectl",
                20230315,
                (_i("Öffnungszeiten", holidayRegion="BW"), _i("Werkstatt-Zeiten", holidayRegion="BW")),
            ),
            DemoInstall("moh", 4, (_i("Wartemusik", playlist="Autohaus"),)),
        ),
    ),
    DemoCustomer(
        name="Kanzlei Weber & Partner",
        customer="Kanzlei Weber & Partner mbB",
        starface="9.0.1.3",
        edition=Edition.APPLIANCE,
        server_license_key="SFL-5E66-B2D0-13AC-9F47",
        licenses=(DemoLicense(LicenseKind.SERVER), DemoLicense(LicenseKind.USER, 12)),
        note="Paid updates only: CRM Connector and AD sync need a new module license key.",
        installs=(
            DemoInstall(
                "crm",
                230,
                (
                    _i(
                        "Mandanten-CRM",
                        crmUrl="https://crm.kanzlei-weber.example",
                        apiKey="kw-7731-secret",
                        matchMode="suffix",
                    ),
                ),
            ),
            DemoInstall(
                "ad",
                162,
                (
                    _i(
                        "Kanzlei-AD",
                        ldapServer="dc01.kanzlei.local",
                        baseDn="DC=kanzlei,DC=local",
                        bindUser="starface-sync",
                        bindPassword="Weber&Partner#2023",
                    ),
                ),
            ),
            DemoInstall(
                "voicemail",
                51,
                (_i("Sekretariat"), _i("Notdienst", False)),
                internal_data="mailboxes=8\ngreetings=Sekretariat.wav\n",
            ),
            DemoInstall("emergency", 17, (_i("Notfall", emergencyNumber="+49 221 998877"),)),
        ),
    ),
    DemoCustomer(
        name="Stadtwerke Talheim",
        customer="Stadtwerke Talheim",
        starface="10.0.0.4",
        edition=Edition.APPLIANCE,
        server_license_key="SFL-C0DE-4411-8E2B-7A35",
        licenses=(
            DemoLicense(LicenseKind.SERVER),
            DemoLicense(LicenseKind.USER, 120),
            DemoLicense(LicenseKind.SUBSCRIPTION),
        ),
        note="Subscription: the paid AD sync release costs nothing; a custom module no catalog knows.",
        installs=(
            DemoInstall(
                "ad",
                162,
                (
                    _i(
                        "AD Verwaltung",
                        ldapServer="dc1.stadtwerke-talheim.local",
                        baseDn="DC=stadtwerke-talheim,DC=local",
                        bindUser="svc_starface",
                        bindPassword="Tal!heim-Sync-22",
                    ),
                    _i("AD Betrieb", False, ldapServer="dc2.stadtwerke-talheim.local", bindUser="svc_starface"),
                ),
            ),
            DemoInstall(
                "crm", 240, (_i("Kundencenter", crmUrl="https://crm.stadtwerke-talheim.example", apiKey="swt-1188"),)
            ),
            DemoInstall("teams", 4, (_i("Teams", tenantId="0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"),)),
            DemoInstall("emergency", 17, (_i("Störungsdienst", emergencyNumber="+49 7131 5000", triggerCode="*98"),)),
            DemoInstall("voicemail", 51, (_i("Kundencenter"),), internal_data="mailboxes=24\n"),
            DemoInstall("custom", 3, (_i("Leitstelle"),), license_state="unlicensed"),
        ),
    ),
    DemoCustomer(
        name="Praxis Dr. Yilmaz",
        customer="Praxis Dr. Yilmaz",
        starface="8.1.3.0",
        edition=Edition.VM,
        server_license_key="SFL-8B14-6F0A-2C93-D5E7",
        licenses=(DemoLicense(LicenseKind.SERVER), DemoLicense(LicenseKind.USER, 6)),
        reachable=False,
        note="Unreachable (the practice's router is off): shows the last known state and a clear error.",
        installs=(
            DemoInstall("voicemail", 40, (_i("Praxis"),), internal_data="mailboxes=2\n"),
            DemoInstall("timectl", 20220729, (_i("Sprechzeiten", holidayRegion="NW"),)),
            DemoInstall("emergency", 12, (_i("Notdienst", emergencyNumber="116117"),)),
        ),
    ),
    DemoCustomer(
        name="Hotel Seeblick",
        customer="Hotel Seeblick GmbH & Co. KG",
        starface="10.0.0.4",
        edition=Edition.CLOUD,
        server_license_key="SFL-3F77-E1B9-60D4-28CA",
        licenses=(DemoLicense(LicenseKind.SERVER), DemoLicense(LicenseKind.USER, 60)),
        note="STARFACE Cloud on 10: the installed Door Intercom is stated incompatible and has no newer release.",
        installs=(
            DemoInstall(
                "hotel",
                14,
                (_i("Rezeption", pmsHost="pms.hotel-seeblick.local", roomPrefix="3"),),
                internal_data="rooms=48\noccupied=31\nwakeups=07:00 Zi. 312;06:30 Zi. 208\n",
            ),
            DemoInstall("door", 31, (_i("Haupteingang", openCode="#7"), _i("Lieferanteneingang", False))),
            DemoInstall(
                "queue", 126, (_i("Rezeption", queueGroup="Rezeption", greetingText="Willkommen im Hotel Seeblick!"),)
            ),
        ),
    ),
    DemoCustomer(
        name="Bäckerei Kranz",
        customer="Bäckerei Kranz",
        starface="7.3.0.5",
        edition=Edition.FREE,
        hardware_id="HWID-4E1A-93C7-0D2B",
        licenses=(),
        note="Free Edition on STARFACE 7.3 (module keys belong to the hardware ID): current for its STARFACE, "
        "newer releases need a newer STARFACE.",
        installs=(
            DemoInstall("queue", 82, (_i("Laden", greetingText="Bäckerei Kranz, einen Moment bitte."),)),
            DemoInstall("emergency", 12, (_i("Notfall", emergencyNumber="+49 911 232323"),)),
            DemoInstall("door", 24, (_i("Backstube"),)),
        ),
    ),
)
