<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActiveTasksModel</name>
    <message>
        <location filename="../../modmanager/gui/widgets/operations.py" line="+112"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>CatalogSourceDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/settings_dialog.py" line="+53"/>
        <source>Edit catalog source</source>
        <translation>Katalogquelle bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add catalog source</source>
        <translation>Katalogquelle hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>https://… or a folder</source>
        <translation>https://… oder ein Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder…</source>
        <translation>Ordner …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Publisher&apos;s Ed25519 public key (base64)</source>
        <translation>Ed25519-Schlüssel des Herausgebers (Base64)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust this folder without a signature</source>
        <translation>Diesem Ordner ohne Signatur vertrauen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only for local folders you maintain yourself.</source>
        <translation>Nur für lokale Ordner, die Sie selbst pflegen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL or folder:</source>
        <translation>URL oder Ordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key:</source>
        <translation>Öffentlicher Schlüssel:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose the catalog folder</source>
        <translation>Katalogordner auswählen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter a name for this catalog source.</source>
        <translation>Geben Sie einen Namen für diese Katalogquelle ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the URL or the folder of the catalog.</source>
        <translation>Geben Sie die URL oder den Ordner des Katalogs ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This catalog source cannot be used: {problem}</source>
        <translation>Diese Katalogquelle kann nicht verwendet werden: {problem}</translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/pbx_dialog.py" line="+96"/>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trust this certificate?</source>
        <translation>Diesem Zertifikat vertrauen?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX at {url} presents a different certificate than the one you trusted before. If nobody renewed the certificate, someone may be intercepting the connection.</source>
        <translation>Die Telefonanlage unter {url} zeigt ein anderes Zertifikat als das, dem Sie zuvor vertraut haben. Wenn niemand das Zertifikat erneuert hat, hört möglicherweise jemand die Verbindung ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PBX at {url} presents a certificate that this computer does not trust, usually because it is self-signed.</source>
        <translation>Die Telefonanlage unter {url} zeigt ein Zertifikat, dem dieser Computer nicht vertraut – meist, weil es selbst signiert ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trusted before:</source>
        <translation>Bisher vertraut:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare the fingerprint with the one shown on the PBX (or by its administrator). Trust it only if they are the same.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den die Telefonanlage (oder ihr Administrator) anzeigt. Vertrauen Sie ihm nur, wenn beide übereinstimmen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trust certificate</source>
        <translation>Zertifikat vertrauen</translation>
    </message>
</context>
<context>
    <name>OperationLogModel</name>
    <message>
        <location filename="../../modmanager/gui/widgets/operations.py" line="+92"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location line="-160"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Cancelled; nothing more was done.</source>
        <translation>Abgebrochen; danach wurde nichts mehr ausgeführt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <location line="+98"/>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OperationsPanel</name>
    <message>
        <location line="+44"/>
        <source>Cancel selected</source>
        <translation>Auswahl abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No operations are running.</source>
        <translation>Es laufen keine Vorgänge.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clear log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Running and waiting</source>
        <translation>Laufend und wartend</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
</context>
<context>
    <name>PbxDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/pbx_dialog.py" line="-54"/>
        <source>STARFACE {starface}, agent {agent}</source>
        <translation>STARFACE {starface}, Agent {agent}</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>{date} (expired)</source>
        <translation>{date} (abgelaufen)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Edit PBX</source>
        <translation>Telefonanlage bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add PBX</source>
        <translation>Telefonanlage hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. mueller-hq</source>
        <translation>z. B. mueller-zentrale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host, host:port or https://host:port</source>
        <translation>Host, Host:Port oder https://Host:Port</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave empty to keep the stored password</source>
        <translation>Leer lassen, um das gespeicherte Passwort zu behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the modmanager agent&apos;s module instance on the PBX.</source>
        <translation>Name der Modulkonfiguration des modmanager-Agenten auf der Telefonanlage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma-separated, e.g. partner, berlin</source>
        <translation>durch Kommas getrennt, z. B. partner, berlin</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login ID:</source>
        <translation>Login-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent instance:</source>
        <translation>Agent-Instanz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Enter a name for this PBX.</source>
        <translation>Geben Sie einen Namen für diese Telefonanlage ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at most 64 letters, digits, spaces, dots, dashes or underscores.</source>
        <translation>Verwenden Sie höchstens 64 Buchstaben, Ziffern, Leerzeichen, Punkte, Binde- oder Unterstriche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PBX with this name exists already.</source>
        <translation>Es gibt bereits eine Telefonanlage mit diesem Namen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the address of the PBX.</source>
        <translation>Geben Sie die Adresse der Telefonanlage ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modmanager connects only over https; use https:// or no prefix.</source>
        <translation>modmanager verbindet sich nur über HTTPS; verwenden Sie https:// oder kein Präfix.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the address as host, host:port or https://host:port.</source>
        <translation>Geben Sie die Adresse als Host, Host:Port oder https://Host:Port ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the STARFACE login ID.</source>
        <translation>Geben Sie die STARFACE-Login-ID ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the password of this login.</source>
        <translation>Geben Sie das Passwort dieses Logins ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the agent instance name (usually “modmanager”).</source>
        <translation>Geben Sie den Namen der Agent-Instanz ein (meist „modmanager“).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Trusted certificate: {fingerprint}</source>
        <translation>Vertrauenswürdiges Zertifikat: {fingerprint}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No certificate pinned yet; “Test connection” checks it.</source>
        <translation>Noch kein Zertifikat hinterlegt; „Verbindung testen“ prüft es.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the certificate of {url} …</source>
        <translation>Zertifikat von {url} wird gelesen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check certificate of {name}</source>
        <translation>Zertifikat von {name} prüfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The certificate was not trusted; nothing was sent.</source>
        <translation>Dem Zertifikat wurde nicht vertraut; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logging in to {url} …</source>
        <translation>Anmeldung an {url} …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test connection to {name}</source>
        <translation>Verbindung zu {name} testen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected: {summary}</source>
        <translation>Verbunden: {summary}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/settings_dialog.py" line="+31"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL or folder</source>
        <translation>URL oder Ordner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Catalog sources</source>
        <translation>Katalogquellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Offer pre-release module builds as updates</source>
        <translation>Vorabversionen von Modulen als Aktualisierung anbieten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> PBXs</source>
        <translation> Telefonanlagen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>At the same time:</source>
        <translation>Gleichzeitig:</translation>
    </message>
    <message>
        <location line="-23"/>
        <source> per module instance</source>
        <translation> je Modulkonfiguration</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Without signature</source>
        <translation>Ohne Signatur</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new language applies when modmanager starts the next time.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von modmanager.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep backups:</source>
        <translation>Sicherungen behalten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trusted</source>
        <translation>vertraut</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../modmanager/gui/tasks.py" line="+378"/>
        <source>An unexpected error stopped “{title}”.</source>
        <translation>Ein unerwarteter Fehler hat „{title}“ abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again; if it happens again, send the log file to your modmanager support.</source>
        <translation>Versuchen Sie es erneut; tritt der Fehler wieder auf, senden Sie die Protokolldatei an Ihren modmanager-Support.</translation>
    </message>
</context>
</TS>
