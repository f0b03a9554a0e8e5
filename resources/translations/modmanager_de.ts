<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActiveTasksModel</name>
    <message>
        <location filename="../../modmanager/gui/views/operations.py" line="+117"/>
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
    <name>AgentExport</name>
    <message>
        <location filename="../../modmanager/gui/agent_export.py" line="+59"/>
        <source>Save agent module</source>
        <translation>Agentenmodul speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This installation of modmanager has no agent module; it was not built.</source>
        <translation>Diese modmanager-Installation enthält kein Agentenmodul; es wurde nicht gebaut.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>STARFACE modules (*.sfm)</source>
        <translation>STARFACE-Module (*.sfm)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The agent module could not be saved to {file} ({reason}).</source>
        <translation>Das Agentenmodul konnte nicht unter {file} gespeichert werden ({reason}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The agent module was saved to {file}. Upload it in the STARFACE admin interface under Module &gt; Modul-Library &gt; Modul importieren, then create its instance with the agent secret.</source>
        <translation>Das Agentenmodul wurde unter {file} gespeichert. Laden Sie es in der STARFACE-Administration unter Module &gt; Modul-Library &gt; Modul importieren hoch und legen Sie dann seine Konfiguration mit dem Agent-Geheimnis an.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../modmanager/gui/app.py" line="+171"/>
        <source>modmanager cannot start</source>
        <translation>modmanager kann nicht starten</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/history_dialog.py" line="+92"/>
        <source>When</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
</context>
<context>
    <name>AvailableModulesModel</name>
    <message>
        <location filename="../../modmanager/gui/models/modules.py" line="+251"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Released</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>BackupFlows</name>
    <message>
        <location filename="../../modmanager/gui/flows/backups.py" line="+71"/>
        <source>Backing up every module on every PBX…</source>
        <translation>Alle Module auf allen Telefonanlagen werden gesichert …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PBXs backed up: {done} of {total}. These could not be backed up:</source>
        <translation>Gesicherte Telefonanlagen: {done} von {total}. Diese konnten nicht gesichert werden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every PBX was backed up: {total} PBXs, {modules} modules.</source>
        <translation>Alle Telefonanlagen wurden gesichert: {total} Anlagen, {modules} Module.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{pbx}: {problem}</source>
        <translation>{pbx}: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up all PBXs</source>
        <translation>Alle Anlagen &amp;sichern</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../modmanager/gui/models/backups.py" line="+39"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before update</source>
        <translation>Vor Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before restore</source>
        <translation>Vor Wiederherstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{name} (inactive)</source>
        <translation>{name} (inaktiv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no instances</source>
        <translation>keine Instanzen</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/backups_dialog.py" line="+105"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>From {pbx}, {when} ({reason}).</source>
        <translation>Von {pbx}, {when} ({reason}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No stored values.</source>
        <translation>Keine gespeicherten Werte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Plus the module&apos;s internal data ({size}).</source>
        <translation>Dazu die internen Daten des Moduls ({size}).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only {module} on {pbx}</source>
        <translation>Nur {module} auf {pbx}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search backups (PBX, module, reason, instance)</source>
        <translation>Sicherungen durchsuchen (Telefonanlage, Modul, Anlass, Instanz)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a backup to see what it contains.</source>
        <translation>Wählen Sie eine Sicherung, um ihren Inhalt zu sehen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Restore to:</source>
        <translation>Wiederherstellen auf:</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>modmanager has not read this PBX yet, so it does not know whether the module is installed.</source>
        <translation>modmanager hat diese Telefonanlage noch nicht ausgelesen und weiß daher nicht, ob das Modul installiert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The module is not installed on this PBX; install it first, then restore.</source>
        <translation>Das Modul ist auf dieser Telefonanlage nicht installiert; erst installieren, dann wiederherstellen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Write the settings of this backup into {module} on {pbx}? The current settings there are backed up first, so this can be undone.</source>
        <translation>Die Einstellungen dieser Sicherung in {module} auf {pbx} schreiben? Die aktuellen Einstellungen dort werden vorher gesichert, der Schritt lässt sich also rückgängig machen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restoring on {pbx}…</source>
        <translation>Wird auf {pbx} wiederhergestellt …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restored on {pbx}.</source>
        <translation>Auf {pbx} wiederhergestellt.</translation>
    </message>
    <message>
        <location line="-351"/>
        <location line="+363"/>
        <source>Export backup</source>
        <translation>Sicherung exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a password for the exported file. Without it nobody can read the file, you included.</source>
        <translation>Wählen Sie ein Passwort für die exportierte Datei. Ohne dieses Passwort kann niemand die Datei lesen – auch Sie nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to {file}.</source>
        <translation>Exportiert nach {file}.</translation>
    </message>
    <message>
        <location line="-364"/>
        <location line="+372"/>
        <source>Import backup</source>
        <translation>Sicherung importieren</translation>
    </message>
    <message>
        <location line="-380"/>
        <location line="+10"/>
        <source>modmanager backups (*{suffix})</source>
        <translation>modmanager-Sicherungen (*{suffix})</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>{count} files in the backup folder are damaged: they are marked in the list.</source>
        <translation>{count} Dateien im Sicherungsordner sind beschädigt: Sie sind in der Liste markiert.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{file} cannot be restored: {why}. Delete it, or replace it with an intact copy.</source>
        <translation>{file} kann nicht wiederhergestellt werden: {why}. Löschen Sie die Datei oder ersetzen Sie sie durch eine intakte Kopie.</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Enter the password of {file}.</source>
        <translation>Geben Sie das Passwort von {file} ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported the backup of {module} from {pbx}.</source>
        <translation>Die Sicherung von {module} aus {pbx} wurde importiert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete the backup of {module} from {when}? This cannot be undone.</source>
        <translation>Die Sicherung von {module} vom {when} löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the damaged file {file}? This cannot be undone.</source>
        <translation>Die beschädigte Datei {file} löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../modmanager/gui/models/backups.py" line="+38"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Damaged: {why}</source>
        <translation>Beschädigt: {why}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file} cannot be restored: {why}.</source>
        <translation>{file} kann nicht wiederhergestellt werden: {why}.</translation>
    </message>
</context>
<context>
    <name>Badge</name>
    <message>
        <location filename="../../modmanager/gui/models/badges.py" line="+43"/>
        <source>Incompatible</source>
        <translation>Inkompatibel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held</source>
        <translation>Festgehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Kostenpflichtig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFR</source>
        <translation>NFR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-release</source>
        <translation>Vorabversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untested</source>
        <translation>Ungetestet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../modmanager/gui/views/operations.py" line="+377"/>
        <source>{running} running, {waiting} waiting</source>
        <translation>{running} laufen, {waiting} warten</translation>
    </message>
</context>
<context>
    <name>CatalogSourceDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/settings_dialog.py" line="+54"/>
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
    <name>CellState</name>
    <message>
        <location filename="../../modmanager/gui/models/cell_states.py" line="+32"/>
        <source>Incompatible</source>
        <translation>Inkompatibel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid update only</source>
        <translation>Nur kostenpflichtiges Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free update</source>
        <translation>Kostenloses Update</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untested</source>
        <translation>Ungetestet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in a catalog</source>
        <translation>In keinem Katalog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not installed</source>
        <translation>Nicht installiert</translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/pbx_dialog.py" line="+94"/>
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
    <name>Controller</name>
    <message>
        <location filename="../../modmanager/gui/progress.py" line="+32"/>
        <source>Checking the PBX</source>
        <translation>Telefonanlage wird geprüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backing up settings</source>
        <translation>Einstellungen werden gesichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading the module</source>
        <translation>Modul wird hochgeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring settings</source>
        <translation>Einstellungen werden wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activating instances</source>
        <translation>Instanzen werden aktiviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the module&apos;s health</source>
        <translation>Funktionsprüfung des Moduls</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/controller.py" line="+128"/>
        <source>(catalogs)</source>
        <translation>(Kataloge)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(refresh)</source>
        <translation>(Aktualisierung)</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Refresh {pbx}</source>
        <translation>{pbx} neu einlesen</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>(fleet)</source>
        <translation>(alle Anlagen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(PBX list)</source>
        <translation>(Anlagenliste)</translation>
    </message>
    <message>
        <location line="+259"/>
        <source>Prepare {module} on {pbx}</source>
        <translation>{module} auf {pbx} vorbereiten</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Install {module} {version} on {pbx}</source>
        <translation>{module} {version} auf {pbx} installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update {module} to {version} on {pbx}</source>
        <translation>{module} auf {pbx} auf {version} aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{module} now runs {version} on {pbx}; its settings were restored.</source>
        <translation>{module} läuft jetzt in {version} auf {pbx}; die Einstellungen wurden wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Update all free updates on {pbx}</source>
        <translation>Alle kostenlosen Updates auf {pbx} installieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Back up {module} on {pbx}</source>
        <translation>{module} auf {pbx} sichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings of {module} on {pbx} were backed up.</source>
        <translation>Die Einstellungen von {module} auf {pbx} wurden gesichert.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Restore {module} on {pbx}</source>
        <translation>{module} auf {pbx} wiederherstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup of {module} was restored on {pbx}.</source>
        <translation>Die Sicherung von {module} wurde auf {pbx} wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Read the list of backups</source>
        <translation>Liste der Sicherungen lesen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export backup of {module}</source>
        <translation>Sicherung von {module} exportieren</translation>
    </message>
    <message>
        <location line="-367"/>
        <source>(backups)</source>
        <translation>(Sicherungen)</translation>
    </message>
    <message>
        <location line="+377"/>
        <source>Import backup {file}</source>
        <translation>Sicherung {file} importieren</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/recovery_work.py" line="+45"/>
        <source>Check interrupted update of {module}</source>
        <translation>Unterbrochenes Update von {module} prüfen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Roll back {module} on {pbx}</source>
        <translation>{module} auf {pbx} zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish the update of {module} on {pbx}</source>
        <translation>Update von {module} auf {pbx} abschließen</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/controller.py" line="+30"/>
        <source>Remove {pbx}</source>
        <translation>{pbx} entfernen</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/progress.py" line="+29"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>updated to v{version}</source>
        <translation>auf v{version} aktualisiert</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../modmanager/gui/widgets/demo_banner.py" line="+26"/>
        <source>Demo: simulated PBXs - nothing here touches a real PBX.</source>
        <translation>Demo: simulierte Telefonanlagen – hier wird keine echte Telefonanlage angefasst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try anything; every start begins afresh.</source>
        <translation>Probieren Sie alles aus; jeder Start beginnt von vorn.</translation>
    </message>
</context>
<context>
    <name>FleetMatrixModel</name>
    <message>
        <location filename="../../modmanager/gui/models/matrix.py" line="+348"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Without customer</source>
        <translation>Ohne Kunde</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{customer}: {module} runs on {count} of {total} PBXs</source>
        <translation>{customer}: {module} läuft auf {count} von {total} Telefonanlagen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{pbx}: not read yet</source>
        <translation>{pbx}: noch nicht eingelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{module} is not installed on {pbx}</source>
        <translation>{module} ist auf {pbx} nicht installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{module} {version} on {pbx}</source>
        <translation>{module} {version} auf {pbx}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update to {release}</source>
        <translation>Update auf {release}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The installed release is stated incompatible with this STARFACE.</source>
        <translation>Die installierte Version ist als inkompatibel mit dieser STARFACE angegeben.</translation>
    </message>
</context>
<context>
    <name>FleetMatrixView</name>
    <message>
        <location filename="../../modmanager/gui/views/fleet_matrix.py" line="+79"/>
        <location line="+460"/>
        <source>Export the fleet matrix</source>
        <translation>Anlagenübersicht exportieren</translation>
    </message>
    <message>
        <location line="-458"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>below version</source>
        <translation>unter Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exactly version</source>
        <translation>genau Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least version</source>
        <translation>ab Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>PBX name</source>
        <translation>Name der Anlage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>e.g. 122</source>
        <translation>z. B. 122</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any state</source>
        <translation>Jeder Zustand</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show all</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag:</source>
        <translation>Schlagwort:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Module:</source>
        <translation>Modul:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Refresh</source>
        <translation>Neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the PBXs shown again</source>
        <translation>Die gezeigten Telefonanlagen neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+355"/>
        <source>Check STARFACE upgrade…</source>
        <translation>STARFACE-Update prüfen …</translation>
    </message>
    <message>
        <location line="-354"/>
        <source>Can the PBXs shown move to a newer STARFACE?</source>
        <translation>Können die gezeigten Telefonanlagen auf eine neuere STARFACE wechseln?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up the settings of every module on the PBXs shown</source>
        <translation>Die Einstellungen aller Module der gezeigten Telefonanlagen sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+243"/>
        <source>Roll out…</source>
        <translation>Verteilen …</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the matrix as shown, for a spreadsheet</source>
        <translation>Die Übersicht wie gezeigt für eine Tabellenkalkulation speichern</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All modules</source>
        <translation>Alle Module</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>PBXs: {shown} of {total} · Modules: {modules}</source>
        <translation>Telefonanlagen: {shown} von {total} · Module: {modules}</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+105"/>
        <location line="+13"/>
        <source>Roll out {module}…</source>
        <translation>{module} verteilen …</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Refresh {count} PBXs</source>
        <translation>{count} Telefonanlagen neu einlesen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PBXs shown in the fleet view ({count})</source>
        <translation>In der Anlagenübersicht gezeigte Telefonanlagen ({count})</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{module} (state)</source>
        <translation>{module} (Zustand)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fleet.csv</source>
        <translation>anlagen.csv</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open {pbx}</source>
        <translation>{pbx} öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh ({count} PBXs)</source>
        <translation>Neu einlesen ({count} Telefonanlagen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up ({count} PBXs)</source>
        <translation>Sichern ({count} Telefonanlagen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only {module}</source>
        <translation>Nur {module}</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <location filename="../../modmanager/gui/models/fleet.py" line="+258"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Without customer</source>
        <translation>Ohne Kunde</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{status} (checking…)</source>
        <translation>{status} (wird geprüft …)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>STARFACE {version}</source>
        <translation>STARFACE {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags: {tags}</source>
        <translation>Schlagwörter: {tags}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maintenance window: {window}</source>
        <translation>Wartungsfenster: {window}</translation>
    </message>
</context>
<context>
    <name>FleetStatus</name>
    <message>
        <location line="-255"/>
        <source>Update interrupted</source>
        <translation>Update unterbrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access problem</source>
        <translation>Zugriffsproblem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incompatible module</source>
        <translation>Inkompatibles Modul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog unavailable</source>
        <translation>Katalog nicht verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updates available</source>
        <translation>Updates verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid updates only</source>
        <translation>Nur kostenpflichtige Updates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
</context>
<context>
    <name>FleetView</name>
    <message>
        <location filename="../../modmanager/gui/views/fleet.py" line="+44"/>
        <source>Search PBXs, customers, tags (Ctrl+F)</source>
        <translation>Telefonanlagen, Kunden, Schlagwörter suchen (Strg+F)</translation>
    </message>
</context>
<context>
    <name>FleetWork</name>
    <message>
        <location filename="../../modmanager/gui/fleet_work.py" line="+200"/>
        <location line="+5"/>
        <source>Refresh all PBXs</source>
        <translation>Alle Telefonanlagen neu einlesen</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The module catalogs could not be loaded</source>
        <translation>Die Modulkataloge konnten nicht geladen werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load module catalogs</source>
        <translation>Modulkataloge laden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Refresh {count} PBXs</source>
        <translation>{count} Telefonanlagen neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} of {total} PBXs read</source>
        <translation>{done} von {total} Telefonanlagen gelesen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{title}: {read} of {total} PBXs read, {failed} could not be read.</source>
        <translation>{title}: {read} von {total} Telefonanlagen gelesen, {failed} nicht lesbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title}: all {total} PBXs read.</source>
        <translation>{title}: alle {total} Telefonanlagen gelesen.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Plan the rollout of {module}</source>
        <translation>Verteilung von {module} planen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Roll out {module}</source>
        <translation>{module} verteilen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Rollout of {module}: {succeeded} updated, {failed} failed, {not_started} not started.</source>
        <translation>Verteilung von {module}: {succeeded} aktualisiert, {failed} fehlgeschlagen, {not_started} nicht begonnen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Check {pbx} for STARFACE {version}</source>
        <translation>{pbx} für STARFACE {version} prüfen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>PBXs backed up: {done} of {total} (modules: {modules}).</source>
        <translation>Gesicherte Telefonanlagen: {done} von {total} (Module: {modules}).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Back up all modules on {pbx}</source>
        <translation>Alle Module auf {pbx} sichern</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/history_dialog.py" line="-53"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollback</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery</source>
        <translation>Wiederaufnahme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance on/off</source>
        <translation>Instanz ein/aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent secret</source>
        <translation>Agenten-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX added</source>
        <translation>Telefonanlage hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX removed</source>
        <translation>Telefonanlage entfernt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX renamed</source>
        <translation>Telefonanlage umbenannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold</source>
        <translation>Festhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold released</source>
        <translation>Festhalten aufgehoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release skipped</source>
        <translation>Version übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip released</source>
        <translation>Überspringen aufgehoben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed, rolled back</source>
        <translation>fehlgeschlagen, zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed, new version kept</source>
        <translation>fehlgeschlagen, neue Version behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed, recovery needed</source>
        <translation>fehlgeschlagen, Wiederaufnahme nötig</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>carried over: {items}</source>
        <translation>übernommen: {items}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dropped: {items}</source>
        <translation>entfallen: {items}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>new: {items}</source>
        <translation>neu: {items}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no settings</source>
        <translation>keine Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instance “{name}”: {changes}</source>
        <translation>Instanz „{name}“: {changes}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location line="-153"/>
        <source>History of changes</source>
        <translation>Verlauf der Änderungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter by module, change or person</source>
        <translation>Nach Modul, Änderung oder Person filtern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PBX:</source>
        <translation>Telefonanlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since:</source>
        <translation>Seit:</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Check integrity</source>
        <translation>Unversehrtheit prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recompute the hash chain: a changed or deleted entry is found</source>
        <translation>Prüfsummenkette neu berechnen: ein geänderter oder gelöschter Eintrag fällt auf</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>All PBXs</source>
        <translation>Alle Telefonanlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{count} entries</source>
        <translation>{count} Einträge</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Intact: {rows} entries, the hash chain is unbroken.</source>
        <translation>Unversehrt: {rows} Einträge, die Prüfsummenkette ist lückenlos.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Altered! Entries {rows} were changed or removed after they were written.</source>
        <translation>Verändert! Die Einträge {rows} wurden nach dem Schreiben geändert oder entfernt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scheduled job {job}</source>
        <translation>Geplanter Auftrag {job}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failed health check: {checks}</source>
        <translation>Fehlgeschlagene Funktionsprüfung: {checks}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason: {reason}</source>
        <translation>Grund: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error code: {code}</source>
        <translation>Fehlercode: {code}</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/hold_dialog.py" line="+65"/>
        <source>Hold or skip {module}</source>
        <translation>{module} festhalten oder überspringen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold at v{version} (no updates)</source>
        <translation>Auf v{version} festhalten (keine Aktualisierungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip one release:</source>
        <translation>Eine Version überspringen:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>on this PBX ({pbx})</source>
        <translation>auf dieser Telefonanlage ({pbx})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on every PBX of {customer}</source>
        <translation>auf allen Telefonanlagen von {customer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on every PBX</source>
        <translation>auf allen Telefonanlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why? Shown with the badge and in the history</source>
        <translation>Warum? Erscheint beim Kennzeichen und im Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In effect here:</source>
        <translation>Hier wirksam:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No hold or skip.</source>
        <translation>Nichts festgehalten oder übersprungen.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/import_dialog.py" line="+68"/>
        <location line="+42"/>
        <location line="+301"/>
        <source>Import PBXs</source>
        <translation>Telefonanlagen importieren</translation>
    </message>
    <message>
        <location line="-341"/>
        <source>PBX lists (*.csv *.json *.txt);;All files (*)</source>
        <translation>Anlagenlisten (*.csv *.json *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Add many PBXs from a CSV or JSON file: one row per PBX with name, customer, tags, address and login, and if you like password, agent secret, maintenance window and certificate fingerprint. Nothing is added before you confirm.</source>
        <translation>Viele Telefonanlagen aus einer CSV- oder JSON-Datei hinzufügen: eine Zeile je Telefonanlage mit Name, Kunde, Schlagwörtern, Adresse und Login, nach Wunsch auch Passwort, Agent-Geheimnis, Wartungsfenster und Fingerabdruck des Zertifikats. Hinzugefügt wird erst, wenn Sie bestätigen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only customer:</source>
        <translation>Nur Kunde:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only tag:</source>
        <translation>Nur Schlagwort:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Skip rows with problems</source>
        <translation>Fehlerhafte Zeilen überspringen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the good rows and leave out those with problems or whose certificate cannot be read.</source>
        <translation>Die guten Zeilen hinzufügen und die fehlerhaften sowie die, deren Zertifikat nicht lesbar ist, auslassen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop: no further PBX is contacted or added.</source>
        <translation>Beenden: Keine weitere Telefonanlage wird angesprochen oder hinzugefügt.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Check certificates</source>
        <translation>Zertifikate prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the certificate of every PBX (nothing is sent, no login)</source>
        <translation>Das Zertifikat jeder Telefonanlage lesen (es wird nichts gesendet, keine Anmeldung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import and pin…</source>
        <translation>Importieren und Zertifikate hinterlegen …</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the import file {file}</source>
        <translation>Importdatei {file} lesen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{count} rows of other customers or tags are left out.</source>
        <translation>{count} Zeilen anderer Kunden oder Schlagwörter werden ausgelassen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Columns not known and ignored: {columns}.</source>
        <translation>Unbekannte und ignorierte Spalten: {columns}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file holds passwords or agent secrets; they will be kept only {store}.</source>
        <translation>Die Datei enthält Passwörter oder Agent-Geheimnisse; sie werden nur {store} gespeichert.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{done} of {total} certificates read</source>
        <translation>{done} von {total} Zertifikaten gelesen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Read the certificates of {count} PBXs</source>
        <translation>Zertifikate von {count} Telefonanlagen lesen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking was stopped; check the certificates again to import.</source>
        <translation>Die Prüfung wurde beendet; prüfen Sie die Zertifikate erneut, um zu importieren.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No row can be added: every certificate could not be read.</source>
        <translation>Keine Zeile kann hinzugefügt werden: Kein Zertifikat war lesbar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add {count} PBXs and pin {pins} certificates? Compare the fingerprints in the table with those the PBXs show before you confirm.</source>
        <translation>{count} Telefonanlagen hinzufügen und {pins} Zertifikate hinterlegen? Vergleichen Sie die Fingerabdrücke in der Tabelle mit denen, die die Telefonanlagen anzeigen, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows not added: {count} (see the table).</source>
        <translation>Nicht hinzugefügte Zeilen: {count} (siehe Tabelle).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{done} of {total} PBXs added</source>
        <translation>{done} von {total} Telefonanlagen hinzugefügt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import {count} PBXs</source>
        <translation>{count} Telefonanlagen importieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Read {count} imported PBXs</source>
        <translation>{count} importierte Telefonanlagen lesen</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>{total} rows: {valid} can be added, {problems} with problems.</source>
        <translation>{total} Zeilen: {valid} können hinzugefügt werden, {problems} sind fehlerhaft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificates to pin: {count}.</source>
        <translation>Zu hinterlegende Zertifikate: {count}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correct them in the file, or tick “Skip rows with problems”.</source>
        <translation>Korrigieren Sie sie in der Datei, oder wählen Sie „Fehlerhafte Zeilen überspringen“.</translation>
    </message>
</context>
<context>
    <name>ImportFlows</name>
    <message>
        <location filename="../../modmanager/gui/flows/import_flow.py" line="+23"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export PBXs</source>
        <translation>Telefonanlagen exportieren</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>{count} PBXs exported to {file} (without passwords).</source>
        <translation>{count} Telefonanlagen nach {file} exportiert (ohne Passwörter).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export PBXs to {file}</source>
        <translation>Telefonanlagen nach {file} exportieren</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../modmanager/gui/models/import_rows.py" line="+156"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (SHA-256)</source>
        <translation>Zertifikat (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message>
        <location line="-106"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate trusted</source>
        <translation>Zertifikat vertrauenswürdig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate to pin</source>
        <translation>Zertifikat wird hinterlegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate not usable</source>
        <translation>Zertifikat nicht verwendbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/import_summary.py" line="+36"/>
        <source>in the encrypted secrets file</source>
        <translation>in der verschlüsselten Passwortdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the system keyring</source>
        <translation>im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not added:</source>
        <translation>Nicht hinzugefügt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>PBXs added: {added}. Rows not added: {skipped}.</source>
        <translation>Hinzugefügte Telefonanlagen: {added}. Nicht hinzugefügte Zeilen: {skipped}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{pinned} certificates were pinned; modmanager now reads the new PBXs. A changed certificate will be refused.</source>
        <translation>{pinned} Zertifikate wurden hinterlegt; modmanager liest jetzt die neuen Telefonanlagen. Ein geändertes Zertifikat wird abgelehnt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The file {file} holds passwords or agent secrets. They are now kept only {store}: delete the file (or remove those columns).</source>
        <translation>Die Datei {file} enthält Passwörter oder Agent-Geheimnisse. Sie sind jetzt nur noch {store} gespeichert: Löschen Sie die Datei (oder entfernen Sie diese Spalten).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{names} and {count} more</source>
        <translation>{names} und {count} weitere</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without password or agent secret in the file: {names}. Enter them with Edit PBX; until then modmanager cannot read these PBXs ({count}).</source>
        <translation>Ohne Passwort oder Agent-Geheimnis in der Datei: {names}. Geben Sie sie unter „Telefonanlage bearbeiten“ ein; bis dahin kann modmanager diese Telefonanlagen nicht lesen ({count}).</translation>
    </message>
</context>
<context>
    <name>InstalledModulesModel</name>
    <message>
        <location filename="../../modmanager/gui/models/modules.py" line="-115"/>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest compatible</source>
        <translation>Neueste kompatible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{name}: active</source>
        <translation>{name}: aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: inactive</source>
        <translation>{name}: inaktiv</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+14"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>{total} ({active} active)</source>
        <translation>{total} ({active} aktiv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{target} (free: {free})</source>
        <translation>{target} (kostenlos: {free})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not in any catalog</source>
        <translation>in keinem Katalog</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/schedule_dialog.py" line="+86"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Work</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../modmanager/gui/main_window.py" line="+116"/>
        <source>modmanager – STARFACE modules</source>
        <translation>modmanager – STARFACE-Module</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (demo)</source>
        <translation> (Demo)</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>PBXs</source>
        <translation>Telefonanlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation>Anlagenübersicht</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>&amp;PBX page</source>
        <translation>&amp;Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Fleet view</source>
        <translation>&amp;Anlagenübersicht</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;PBX</source>
        <translation>&amp;Telefonanlage</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Module</source>
        <translation>&amp;Modul</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Operations</source>
        <translation>Vorgänge</translation>
    </message>
</context>
<context>
    <name>MigrationModel</name>
    <message>
        <location filename="../../modmanager/gui/models/migration.py" line="+50"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings carried over</source>
        <translation>Übernommene Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>Entfallen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New (with default)</source>
        <translation>Neu (mit Vorgabewert)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all {count}</source>
        <translation>alle {count}</translation>
    </message>
</context>
<context>
    <name>ModuleDetails</name>
    <message>
        <location filename="../../modmanager/gui/views/details.py" line="+63"/>
        <source>compatible</source>
        <translation>kompatibel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not compatible</source>
        <translation>nicht kompatibel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untested</source>
        <translation>ungetestet</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Pre-release</source>
        <translation>Vorabversion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid: needs a new module license key</source>
        <translation>Kostenpflichtig: neuer Modullizenzschlüssel nötig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>installed</source>
        <translation>installiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>update target</source>
        <translation>Update-Ziel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The vendor describes no changes for this release.</source>
        <translation>Der Hersteller beschreibt keine Änderungen für diese Version.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The catalog lists no releases of this module.</source>
        <translation>Der Katalog enthält keine Versionen dieses Moduls.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compatible with STARFACE</source>
        <translation>Kompatibel mit STARFACE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not compatible with</source>
        <translation>Nicht kompatibel mit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On this PBX ({version})</source>
        <translation>Auf dieser Anlage ({version})</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/models/modules.py" line="+94"/>
        <source>Held on this PBX</source>
        <translation>Auf dieser Telefonanlage festgehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held for customer {customer}</source>
        <translation>Für Kunde {customer} festgehalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held for every PBX</source>
        <translation>Für alle Telefonanlagen festgehalten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>v{version} skipped on this PBX</source>
        <translation>v{version} auf dieser Telefonanlage übersprungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>v{version} skipped for customer {customer}</source>
        <translation>v{version} für Kunde {customer} übersprungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>v{version} skipped for every PBX</source>
        <translation>v{version} für alle Telefonanlagen übersprungen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Without the hold, {target} would be offered.</source>
        <translation>Ohne das Festhalten würde {target} angeboten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{target} is available as a paid upgrade (new module license key); {free} is the newest free update.</source>
        <translation>{target} ist als kostenpflichtiges Upgrade verfügbar (neuer Modullizenzschlüssel); {free} ist das neueste kostenlose Update.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{target} is available as a paid upgrade: it needs a new module license key.</source>
        <translation>{target} ist als kostenpflichtiges Upgrade verfügbar: Es braucht einen neuen Modullizenzschlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{target} is available as a free update (NFR build).</source>
        <translation>{target} ist als kostenloses Update verfügbar (NFR-Build).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{target} is available as a free update.</source>
        <translation>{target} ist als kostenloses Update verfügbar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Up to date: no newer compatible release exists.</source>
        <translation>Aktuell: Es gibt keine neuere kompatible Version.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The installed release is not compatible with this STARFACE and no newer release is.</source>
        <translation>Die installierte Version ist mit dieser STARFACE nicht kompatibel, und keine neuere Version ist es.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No newer release is compatible with this STARFACE.</source>
        <translation>Keine neuere Version ist mit dieser STARFACE kompatibel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No release is stated compatible with this STARFACE; newer ones are untested.</source>
        <translation>Für keine Version ist die Kompatibilität mit dieser STARFACE angegeben; neuere sind ungetestet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No catalog lists this module, so modmanager cannot offer updates for it.</source>
        <translation>Kein Katalog enthält dieses Modul, daher kann modmanager keine Updates dafür anbieten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Newer releases need STARFACE {version} or later.</source>
        <translation>Neuere Versionen brauchen STARFACE {version} oder neuer.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/views/details.py" line="+86"/>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changelog</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compatibility</source>
        <translation>Kompatibilität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Select a PBX on the left.</source>
        <translation>Wählen Sie links eine Telefonanlage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modmanager has not been able to read this PBX yet.</source>
        <translation>modmanager konnte diese Telefonanlage noch nicht auslesen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a module to see its changelog, compatibility and backups.</source>
        <translation>Wählen Sie ein Modul, um seine Änderungen, Kompatibilität und Sicherungen zu sehen.</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Reading the list of backups…</source>
        <translation>Die Liste der Sicherungen wird gelesen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No backups of this module on this PBX yet.</source>
        <translation>Noch keine Sicherungen dieses Moduls auf dieser Telefonanlage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} backups on this PBX</source>
        <translation>{count} Sicherungen auf dieser Telefonanlage</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>{release} can be installed: a new instance is created and activated.</source>
        <translation>{release} kann installiert werden: Eine neue Instanz wird angelegt und aktiviert.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No catalog lists this module: there is no description or changelog.</source>
        <translation>Kein Katalog enthält dieses Modul: Es gibt keine Beschreibung und keine Änderungsliste.</translation>
    </message>
</context>
<context>
    <name>OperationLogModel</name>
    <message>
        <location filename="../../modmanager/gui/views/operations.py" line="-283"/>
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
        <location line="-162"/>
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
        <location line="+110"/>
        <source>Cancelled; nothing more was done.</source>
        <translation>Abgebrochen; danach wurde nichts mehr ausgeführt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OperationsPanel</name>
    <message>
        <location line="+53"/>
        <source>Cancel selected</source>
        <translation>Auswahl abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the selected operations where that is still possible</source>
        <translation>Die ausgewählten Vorgänge abbrechen, soweit das noch möglich ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No operations are running.</source>
        <translation>Es laufen keine Vorgänge.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Clear log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the finished operations from this list</source>
        <translation>Die abgeschlossenen Vorgänge aus dieser Liste entfernen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Running and waiting ({count})</source>
        <translation>Laufend und wartend ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished ({count}, {failed} failed)</source>
        <translation>Beendet ({count}, davon {failed} fehlgeschlagen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finished ({count})</source>
        <translation>Beendet ({count})</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/password_prompt.py" line="+44"/>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the password.</source>
        <translation>Geben Sie das Passwort ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use at least {count} characters.</source>
        <translation>Verwenden Sie mindestens {count} Zeichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This computer has no keyring, so modmanager keeps the PBX passwords in a file encrypted with a master password. Choose the master password; you will need it at every start.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund, daher speichert modmanager die Passwörter der Telefonanlagen in einer mit einem Master-Passwort verschlüsselten Datei. Wählen Sie das Master-Passwort; Sie brauchen es bei jedem Start.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the master password that protects the stored PBX passwords.</source>
        <translation>Geben Sie das Master-Passwort ein, das die gespeicherten Passwörter der Telefonanlagen schützt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>modmanager – master password</source>
        <translation>modmanager – Master-Passwort</translation>
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
        <location line="+5"/>
        <source>The secret set in the agent&apos;s module configuration (STARFACE admin &gt; Module &gt; Modul-Konfiguration).</source>
        <translation>Das Geheimnis aus der Modulkonfiguration des Agenten (STARFACE-Administration &gt; Module &gt; Modul-Konfiguration).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave empty to keep the stored secret</source>
        <translation>Leer lassen, um das gespeicherte Geheimnis zu behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>comma-separated, e.g. partner, berlin</source>
        <translation>durch Kommas getrennt, z. B. partner, berlin</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The customer&apos;s: {window}</source>
        <translation>Das des Kunden: {window}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Mon-Fri 22:00-02:00 Europe/Berlin</source>
        <translation>z. B. Mo-Fr 22:00-02:00 Europe/Berlin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When scheduled jobs may change this PBX: weekdays, a time range (it may run past midnight) and a time zone. Empty: the customer&apos;s window applies.</source>
        <translation>Wann geplante Aufträge diese Telefonanlage ändern dürfen: Wochentage, Uhrzeiten (auch über Mitternacht) und Zeitzone. Leer: Es gilt das Fenster des Kunden.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <source>Agent secret:</source>
        <translation>Agent-Geheimnis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance window:</source>
        <translation>Wartungsfenster:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How to install the modmanager agent on the PBX</source>
        <translation>So installieren Sie den modmanager-Agenten auf der Telefonanlage</translation>
    </message>
    <message>
        <location line="+48"/>
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
        <location line="+6"/>
        <source>Enter the agent secret set in the agent&apos;s module configuration on the PBX.</source>
        <translation>Geben Sie das Agent-Geheimnis ein, das in der Modulkonfiguration des Agenten auf der Telefonanlage hinterlegt ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the window like “Mon-Fri 22:00-02:00 Europe/Berlin” (weekdays, time range, time zone).</source>
        <translation>Schreiben Sie das Fenster wie „Mo-Fr 22:00-02:00 Europe/Berlin“ (Wochentage, Uhrzeiten, Zeitzone).</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Trusted certificate: {fingerprint}</source>
        <translation>Vertrauenswürdiges Zertifikat: {fingerprint}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No certificate pinned yet; “Test connection” checks it.</source>
        <translation>Noch kein Zertifikat hinterlegt; „Verbindung testen“ prüft es.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading the certificate of {url} …</source>
        <translation>Zertifikat von {url} wird gelesen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check certificate of {name}</source>
        <translation>Zertifikat von {name} prüfen</translation>
    </message>
    <message>
        <location line="+13"/>
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
    <name>PbxGroups</name>
    <message>
        <location filename="../../modmanager/gui/widgets/pbx_groups.py" line="+41"/>
        <source>Customer {customer} ({count})</source>
        <translation>Kunde {customer} ({count})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag {tag} ({count})</source>
        <translation>Schlagwort {tag} ({count})</translation>
    </message>
</context>
<context>
    <name>PbxHeader</name>
    <message>
        <location filename="../../modmanager/gui/widgets/pbx_header.py" line="+39"/>
        <source>Appliance</source>
        <translation>Appliance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual machine</source>
        <translation>Virtuelle Maschine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARFACE Cloud</source>
        <translation>STARFACE Cloud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free Edition</source>
        <translation>Free Edition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edition unknown</source>
        <translation>Edition unbekannt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server license</source>
        <translation>Serverlizenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} user licenses</source>
        <translation>{count} Benutzerlizenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFR server license</source>
        <translation>NFR-Serverlizenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} NFR user licenses</source>
        <translation>{count} NFR-Benutzerlizenzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription</source>
        <translation>Subscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo license</source>
        <translation>Demolizenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redundancy system</source>
        <translation>Redundanzsystem</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{license}, expired on {date}</source>
        <translation>{license}, abgelaufen am {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{license}, expires on {date}</source>
        <translation>{license}, läuft ab am {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{license} (not valid on STARFACE Cloud)</source>
        <translation>{license} (auf STARFACE Cloud nicht gültig)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy to the clipboard (vendors need it to issue module license keys)</source>
        <translation>In die Zwischenablage kopieren (Hersteller brauchen ihn, um Modullizenzschlüssel auszustellen)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>STARFACE:</source>
        <translation>STARFACE:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edition:</source>
        <translation>Edition:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licenses:</source>
        <translation>Lizenzen:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No PBX selected</source>
        <translation>Keine Telefonanlage ausgewählt</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No facts known yet: the PBX has not answered so far.</source>
        <translation>Noch keine Angaben bekannt: Die Telefonanlage hat bisher nicht geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read on {time}</source>
        <translation>Gelesen am {time}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hardware ID:</source>
        <translation>Hardware-ID:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server license key:</source>
        <translation>Serverlizenzschlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(not reported)</source>
        <translation>(nicht gemeldet)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none reported</source>
        <translation>keine gemeldet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Partner license: NFR module builds are installed where the module has one.</source>
        <translation>Partnerlizenz: NFR-Builds der Module werden installiert, wo es sie gibt.</translation>
    </message>
</context>
<context>
    <name>PbxPage</name>
    <message>
        <location filename="../../modmanager/gui/views/pbx_page.py" line="+101"/>
        <source>Filter modules</source>
        <translation>Module filtern</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Installed ({count})</source>
        <translation>Installiert ({count})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Available ({count})</source>
        <translation>Verfügbar ({count})</translation>
    </message>
</context>
<context>
    <name>ReadinessDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/readiness_dialog.py" line="+61"/>
        <source>Check STARFACE upgrade</source>
        <translation>STARFACE-Update prüfen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Before a PBX moves to a new STARFACE release, every installed module needs a release that is stated compatible with it. modmanager reads each PBX and checks its modules.</source>
        <translation>Bevor eine Telefonanlage auf eine neue STARFACE-Version wechselt, braucht jedes installierte Modul eine Version, die ausdrücklich damit kompatibel ist. modmanager liest jede Anlage aus und prüft ihre Module.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. 10.0 or 9.1.0.2</source>
        <translation>z. B. 10.0 oder 9.1.0.2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Target STARFACE:</source>
        <translation>Ziel-STARFACE:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PBXs:</source>
        <translation>Telefonanlagen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PBX / module</source>
        <translation>Telefonanlage / Modul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the STARFACE release and the PBXs, then check.</source>
        <translation>STARFACE-Version und Telefonanlagen wählen, dann prüfen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected PBX: {pbx}</source>
        <translation>Ausgewählte Telefonanlage: {pbx}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All PBXs ({count})</source>
        <translation>Alle Telefonanlagen ({count})</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Write a STARFACE release like 10.0 or 9.1.0.2.</source>
        <translation>Eine STARFACE-Version wie 10.0 oder 9.1.0.2 eingeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{version} is a pre-release: modules state compatibility only for releases.</source>
        <translation>{version} ist eine Vorabversion: Module geben Kompatibilität nur für finale Versionen an.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>blocked by {modules}</source>
        <translation>verhindert durch {modules}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>updates needed first: {count}</source>
        <translation>vorher nötige Updates: {count}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Update to {release} first.</source>
        <translation>Vorher auf {release} aktualisieren.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>every installed module is compatible</source>
        <translation>alle installierten Module sind kompatibel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>already runs STARFACE {version}</source>
        <translation>läuft bereits mit STARFACE {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>runs STARFACE {version}</source>
        <translation>läuft mit STARFACE {version}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Paid: needs a new module license key.</source>
        <translation>Kostenpflichtig: neuer Modullizenzschlüssel nötig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update required</source>
        <translation>Update nötig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untested</source>
        <translation>Ungetestet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No release is stated compatible with STARFACE {version}; untested: {releases}.</source>
        <translation>Keine Version ist ausdrücklich mit STARFACE {version} kompatibel; ungetestet: {releases}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in a catalog</source>
        <translation>In keinem Katalog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No catalog lists this module, so nothing says it works on STARFACE {version}.</source>
        <translation>Kein Katalog führt dieses Modul, also sagt nichts, dass es mit STARFACE {version} läuft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No release</source>
        <translation>Keine Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No release is compatible with STARFACE {version}.</source>
        <translation>Keine Version ist mit STARFACE {version} kompatibel.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking {pending} of {total} PBXs for STARFACE {version}…</source>
        <translation>Noch {pending} von {total} Anlagen werden für STARFACE {version} geprüft …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{ready} of {total} PBXs can be updated to STARFACE {version}.</source>
        <translation>{ready} von {total} Anlagen können auf STARFACE {version} aktualisiert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} could not be checked.</source>
        <translation>Nicht prüfbar: {count}.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/recovery_dialog.py" line="+48"/>
        <source>Interrupted updates</source>
        <translation>Unterbrochene Updates</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>These updates were interrupted and are not finished. Until they are, the module may run without some of its settings. Choose for each what to do; modmanager recommends the preselected way.</source>
        <translation>Diese Updates wurden unterbrochen und sind nicht abgeschlossen. Bis dahin läuft das Modul möglicherweise ohne einen Teil seiner Einstellungen. Wählen Sie für jedes, was geschehen soll; modmanager empfiehlt den vorausgewählten Weg.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Carry out</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{module} on {pbx}</source>
        <translation>{module} auf {pbx}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update from {start} to v{target}, started {when}, stopped at the step “{step}”.</source>
        <translation>Update von {start} auf v{target}, gestartet {when}, angehalten beim Schritt „{step}“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PBX cannot be reached right now: {problem}</source>
        <translation>Die Telefonanlage ist gerade nicht erreichbar: {problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The module is not installed on the PBX at the moment.</source>
        <translation>Das Modul ist zurzeit nicht auf der Telefonanlage installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PBX runs v{version} now.</source>
        <translation>Auf der Telefonanlage läuft jetzt v{version}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish the update (v{target} with the restored settings)</source>
        <translation>Update abschließen (v{target} mit den wiederhergestellten Einstellungen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roll back to v{start} with the backed-up settings</source>
        <translation>Auf v{start} mit den gesicherten Einstellungen zurücksetzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decide later (the PBX stays marked as interrupted)</source>
        <translation>Später entscheiden (die Telefonanlage bleibt als unterbrochen markiert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No copy of the previous version is available.</source>
        <translation>Es liegt keine Kopie der vorherigen Version vor.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{option} – recommended</source>
        <translation>{option} – empfohlen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Backing up settings</source>
        <translation>Einstellungen werden gesichert</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/report_dialog.py" line="+44"/>
        <source>Customer report</source>
        <translation>Kundenbericht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page (HTML)</source>
        <translation>Webseite (HTML)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per PBX: what changed, which settings were carried over, dropped or set to a new default, which backups exist, and what failed and how it was resolved.</source>
        <translation>Je Telefonanlage: was geändert wurde, welche Einstellungen übernommen wurden, entfallen sind oder einen neuen Standardwert bekamen, welche Sicherungen es gibt und was fehlschlug und wie es gelöst wurde.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Customer:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes since:</source>
        <translation>Änderungen seit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{path} cannot be written ({reason}).</source>
        <translation>{path} kann nicht geschrieben werden ({reason}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved: {path} ({pbxs} PBX(s), {changes} change(s)).</source>
        <translation>Gespeichert: {path} ({pbxs} Telefonanlage(n), {changes} Änderung(en)).</translation>
    </message>
</context>
<context>
    <name>RolloutDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/rollout_dialog.py" line="+106"/>
        <source>Roll out {module}</source>
        <translation>{module} verteilen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Update {module} on several PBXs, a few at a time: the canaries first, then the others in batches. Each PBX is backed up first and put back if its update fails.</source>
        <translation>{module} auf mehreren Telefonanlagen aktualisieren, immer nur einige zugleich: zuerst die Testanlagen, dann die übrigen in Gruppen. Jede Anlage wird vorher gesichert und zurückgesetzt, wenn ihr Update fehlschlägt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Include paid releases</source>
        <translation>Kostenpflichtige Versionen einbeziehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PBX that gets a paid release needs a new module license key for it.</source>
        <translation>Eine Anlage, die eine kostenpflichtige Version bekommt, braucht dafür einen neuen Modullizenzschlüssel.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PBXs updated first, on their own; partner PBXs and PBXs without active instances come first.</source>
        <translation>Anlagen, die zuerst und allein aktualisiert werden; Partneranlagen und Anlagen ohne aktive Instanzen kommen zuerst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PBXs updated at the same time after the canaries.</source>
        <translation>Anlagen, die nach den Testanlagen gleichzeitig aktualisiert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No further stage starts once this many PBXs failed.</source>
        <translation>Keine weitere Stufe beginnt, sobald so viele Anlagen fehlgeschlagen sind.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Release:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canary PBXs:</source>
        <translation>Testanlagen zuerst:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBXs per batch:</source>
        <translation>Anlagen je Gruppe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after failed PBXs:</source>
        <translation>Anhalten nach Fehlschlägen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release and stages</source>
        <translation>Version und Stufen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick exactly the PBXs of one customer or tag</source>
        <translation>Genau die Telefonanlagen eines Kunden oder Schlagworts auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer or tag…</source>
        <translation>Kunde oder Schlagwort …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PBXs</source>
        <translation>Telefonanlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start rollout…</source>
        <translation>Verteilung starten …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No further PBX starts; updates already running finish.</source>
        <translation>Keine weitere Anlage beginnt; laufende Updates werden zu Ende geführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A running rollout goes on; the operations panel shows it.</source>
        <translation>Eine laufende Verteilung geht weiter; die Vorgangsanzeige zeigt sie.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose the release and the PBXs, then plan the rollout.</source>
        <translation>Version und Telefonanlagen wählen, dann die Verteilung planen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>paid</source>
        <translation>kostenpflichtig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pre-release</source>
        <translation>Vorabversion</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Newest release per PBX</source>
        <translation>Neueste Version je Anlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest free release per PBX</source>
        <translation>Neueste kostenlose Version je Anlage</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{pbx} (v{version})</source>
        <translation>{pbx} (v{version})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The module is not installed on this PBX.</source>
        <translation>Das Modul ist auf dieser Telefonanlage nicht installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>modmanager has not been able to read this PBX yet.</source>
        <translation>modmanager konnte diese Telefonanlage noch nicht auslesen.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>{chosen} of {total} chosen</source>
        <translation>{chosen} von {total} gewählt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The choices changed; plan the rollout again.</source>
        <translation>Die Auswahl hat sich geändert; die Verteilung neu planen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading {count} PBXs…</source>
        <translation>Telefonanlagen werden ausgelesen ({count}) …</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stage 1 – canary</source>
        <translation>Stufe 1 – Testanlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage {number}</source>
        <translation>Stufe {number}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left out</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PBXs to update: {count} · stages: {stages} · left out: {skipped}</source>
        <translation>Zu aktualisierende Anlagen: {count} · Stufen: {stages} · ausgelassen: {skipped}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No chosen PBX gets an update of this module; the list says why.</source>
        <translation>Keine gewählte Anlage bekommt ein Update dieses Moduls; die Liste nennt die Gründe.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>v{old} → v{new}</source>
        <translation>v{old} → v{new}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{change} (paid)</source>
        <translation>{change} (kostenpflichtig)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Start the rollout of {module}? PBXs: {count}, stages: {stages}. No further stage starts once this many PBXs failed: {failures}.</source>
        <translation>Verteilung von {module} starten? Anlagen: {count}, Stufen: {stages}. Keine weitere Stufe beginnt, sobald so viele Anlagen fehlgeschlagen sind: {failures}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PBXs that get a paid release and each need a new module license key: {pbxs}.</source>
        <translation>Anlagen, die eine kostenpflichtige Version bekommen und je einen neuen Modullizenzschlüssel brauchen: {pbxs}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start rollout</source>
        <translation>Verteilung starten</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+54"/>
        <source>Updating…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rollout is running…</source>
        <translation>Die Verteilung läuft …</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+20"/>
        <location line="+25"/>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>The rollout was stopped before it began.</source>
        <translation>Die Verteilung wurde angehalten, bevor sie begann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping: the PBXs being updated now finish their update.</source>
        <translation>Wird angehalten: Die Anlagen, die gerade aktualisiert werden, führen ihr Update zu Ende.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{succeeded} updated, {failed} failed, {not_started} not started.</source>
        <translation>{succeeded} aktualisiert, {failed} fehlgeschlagen, {not_started} nicht begonnen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The rollout is complete: {summary}</source>
        <translation>Die Verteilung ist abgeschlossen: {summary}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rollout stopped after failures: {summary}</source>
        <translation>Die Verteilung wurde nach Fehlschlägen angehalten: {summary}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rollout ended: {summary}</source>
        <translation>Die Verteilung ist beendet: {summary}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The rollout did not run to its end.</source>
        <translation>Die Verteilung lief nicht bis zum Ende.</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/schedule_dialog.py" line="-32"/>
        <source>Install all free updates</source>
        <translation>Alle kostenlosen Aktualisierungen installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll out v{version}</source>
        <translation>v{version} verteilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <location line="+121"/>
        <source>Schedules and maintenance windows</source>
        <translation>Zeitpläne und Wartungsfenster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance windows</source>
        <translation>Wartungsfenster</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove job</source>
        <translation>Auftrag entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run due jobs now</source>
        <translation>Fällige Aufträge jetzt ausführen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run every job whose maintenance window is open now</source>
        <translation>Jeden Auftrag ausführen, dessen Wartungsfenster jetzt offen ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install all free updates</source>
        <translation>Alle kostenlosen Aktualisierungen installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll out a release</source>
        <translation>Eine Version verteilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Schedule in the next window</source>
        <translation>Im nächsten Fenster einplanen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work:</source>
        <translation>Auftrag:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Module:</source>
        <translation>Modul:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBXs:</source>
        <translation>Telefonanlagen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. Mon-Fri 22:00-02:00 Europe/Berlin</source>
        <translation>z. B. Mo-Fr 22:00-02:00 Europe/Berlin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set for this PBX</source>
        <translation>Für diese Telefonanlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set for the customer</source>
        <translation>Für den Kunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the PBX&apos;s own window</source>
        <translation>Eigenes Fenster entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weekdays, a time range and a time zone. A range may run past midnight (22:00-02:00); the weekday is the day the window starts. A PBX&apos;s own window overrides its customer&apos;s.</source>
        <translation>Wochentage, Uhrzeiten und Zeitzone. Ein Fenster darf über Mitternacht gehen (22:00-02:00); der Wochentag ist der Tag, an dem es beginnt. Das eigene Fenster einer Telefonanlage geht dem des Kunden vor.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Scheduled {count} job(s); the first window opens {when}.</source>
        <translation>Geplante Aufträge: {count}; das erste Fenster öffnet {when}.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Choose a PBX in the list first.</source>
        <translation>Wählen Sie zuerst eine Telefonanlage in der Liste.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>customer {customer}</source>
        <translation>Kunde {customer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The window of {target} is now {window}.</source>
        <translation>Das Fenster von {target} ist jetzt {window}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{pbx} follows its customer&apos;s window again.</source>
        <translation>Für {pbx} gilt wieder das Fenster des Kunden.</translation>
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
        <location line="+5"/>
        <source> PBXs</source>
        <translation> Telefonanlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> per module instance</source>
        <translation> je Modulkonfiguration</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Without signature</source>
        <translation>Ohne Signatur</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>How many PBXs updates, restores and rollouts change at once.</source>
        <translation>Wie viele Telefonanlagen Updates, Wiederherstellungen und Rollouts gleichzeitig ändern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How many PBXs a refresh reads at once; reading changes nothing on a PBX.</source>
        <translation>Wie viele Telefonanlagen eine Aktualisierung gleichzeitig liest; Lesen ändert nichts an einer Telefonanlage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a detailed log (applies from the next start)</source>
        <translation>Ausführliches Protokoll schreiben (gilt ab dem nächsten Start)</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+8"/>
        <source>Change at the same time:</source>
        <translation>Gleichzeitig ändern:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read at the same time:</source>
        <translation>Gleichzeitig lesen:</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+2"/>
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
    <name>SetupFlows</name>
    <message>
        <location filename="../../modmanager/gui/flows/setup.py" line="+84"/>
        <source>Select the PBXs whose tags you want to edit in the PBX list.</source>
        <translation>Wählen Sie in der Liste die Telefonanlagen, deren Schlagwörter Sie bearbeiten möchten.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tags changed on {count} PBXs.</source>
        <translation>Schlagwörter von {count} Telefonanlagen geändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit tags of {count} PBXs</source>
        <translation>Schlagwörter von {count} Telefonanlagen bearbeiten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove PBX</source>
        <translation>Telefonanlage entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {pbx} from modmanager? Nothing on the PBX changes; its backups are kept.</source>
        <translation>{pbx} aus modmanager entfernen? Auf der Telefonanlage ändert sich nichts; ihre Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The new language applies at the next start.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../modmanager/gui/startup.py" line="+123"/>
        <source>Open the data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <location filename="../../modmanager/gui/support.py" line="+79"/>
        <source>Save support bundle</source>
        <translation>Support-Paket speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zip archives (*.zip)</source>
        <translation>ZIP-Archive (*.zip)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The support bundle could not be saved</source>
        <translation>Das Support-Paket konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Support bundle saved</source>
        <translation>Support-Paket gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The support bundle was saved to {path}.</source>
        <translation>Das Support-Paket wurde unter {path} gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It holds the log files, versions, settings and a summary of the PBXs - no passwords. Send it to your modmanager support.</source>
        <translation>Es enthält die Protokolldateien, Versionen, Einstellungen und eine Übersicht der Telefonanlagen – keine Passwörter. Senden Sie es an Ihren modmanager-Support.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the folder with modmanager&apos;s log files</source>
        <translation>Den Ordner mit den Protokolldateien von modmanager anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save support bundle…</source>
        <translation>Support-Paket speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save logs, versions, settings and a PBX summary (no passwords) as one zip file</source>
        <translation>Protokolle, Versionen, Einstellungen und eine Übersicht der Telefonanlagen (ohne Passwörter) als eine ZIP-Datei speichern</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The log files are in {folder}.</source>
        <translation>Die Protokolldateien liegen in {folder}.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>modmanager: unexpected error</source>
        <translation>modmanager: unerwarteter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected error occurred ({summary}).</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten ({summary}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The details are in the log file {path}. If it happens again, save a support bundle (Help menu) and send it to your modmanager support.</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei {path}. Tritt der Fehler erneut auf, speichern Sie ein Support-Paket (Menü Hilfe) und senden Sie es an Ihren modmanager-Support.</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/tags_dialog.py" line="+45"/>
        <source>Edit tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{names} and {count} more</source>
        <translation>{names} und {count} weitere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags of {count} PBXs: {names}</source>
        <translation>Schlagwörter von {count} Telefonanlagen: {names}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>comma-separated, e.g. wartung, berlin</source>
        <translation>durch Kommas getrennt, z. B. wartung, berlin</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{tag} ({count} of {total})</source>
        <translation>{tag} ({count} von {total})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The chosen PBXs have no tags yet.</source>
        <translation>Die gewählten Telefonanlagen haben noch keine Schlagwörter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add tags:</source>
        <translation>Schlagwörter hinzufügen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove tags:</source>
        <translation>Schlagwörter entfernen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../modmanager/gui/tasks.py" line="+575"/>
        <source>another task</source>
        <translation>einem anderen Vorgang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: {pbx} is busy with {operation}</source>
        <translation>Wartet: {pbx} ist belegt durch {operation}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/trust_dialog.py" line="+49"/>
        <source>Trust new certificate</source>
        <translation>Neuem Zertifikat vertrauen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{pbx} presents the certificate that is pinned; nothing to do.</source>
        <translation>{pbx} zeigt das hinterlegte Zertifikat; es ist nichts zu tun.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pin the certificate of {pbx}</source>
        <translation>Zertifikat von {pbx} hinterlegen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Read the certificate of {pbx}</source>
        <translation>Zertifikat von {pbx} lesen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trust new certificate…</source>
        <translation>Neuem Zertifikat vertrauen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the PBX&apos;s new certificate with the pinned one and pin it</source>
        <translation>Das neue Zertifikat der Telefonanlage mit dem hinterlegten vergleichen und hinterlegen</translation>
    </message>
</context>
<context>
    <name>Unattended</name>
    <message>
        <location filename="../../modmanager/gui/unattended.py" line="+94"/>
        <source>&amp;Unattended</source>
        <translation>&amp;Wartung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Schedules and maintenance windows…</source>
        <translation>&amp;Zeitpläne und Wartungsfenster…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan updates and backups for the PBXs&apos; maintenance windows</source>
        <translation>Aktualisierungen und Sicherungen für die Wartungsfenster der Telefonanlagen planen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Run due jobs now</source>
        <translation>Fällige Aufträge jetzt &amp;ausführen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run the jobs whose maintenance window is open</source>
        <translation>Die Aufträge ausführen, deren Wartungsfenster offen ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hold or skip this module…</source>
        <translation>Modul &amp;festhalten oder Version überspringen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the selected module at its version, or skip one release</source>
        <translation>Das gewählte Modul auf seiner Version halten oder eine Version überspringen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every change to the PBXs, who made it and how it ended</source>
        <translation>Jede Änderung an den Telefonanlagen, wer sie vornahm und wie sie ausging</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer &amp;report…</source>
        <translation>Kunden&amp;bericht…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed on a customer&apos;s PBXs, as PDF or HTML</source>
        <translation>Was sich an den Telefonanlagen eines Kunden geändert hat, als PDF oder HTML</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Select an installed module first.</source>
        <translation>Wählen Sie zuerst ein installiertes Modul.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Run due scheduled jobs</source>
        <translation>Fällige geplante Aufträge ausführen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Scheduled jobs</source>
        <translation>Geplante Aufträge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} job(s) done.</source>
        <translation>Erledigte Aufträge: {count}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{done} job(s) done, {bad} not: {jobs}</source>
        <translation>Erledigt: {done}, nicht erledigt: {bad} – {jobs}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Finished.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: {reason}</source>
        <translation>Fehlgeschlagen: {reason}</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/update_dialog.py" line="+56"/>
        <source>Install {module}</source>
        <translation>{module} installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reinstall an earlier version of {module}</source>
        <translation>Ältere Version von {module} erneut installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update {module}</source>
        <translation>{module} aktualisieren</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Release:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build:</source>
        <translation>Build:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compatibility:</source>
        <translation>Kompatibilität:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>I understand that this upgrade needs a new module license key for this PBX.</source>
        <translation>Mir ist klar, dass dieses Upgrade einen neuen Modullizenzschlüssel für diese Telefonanlage braucht.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reinstall</source>
        <translation>Erneut installieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{target} is a paid upgrade.&lt;/b&gt; Updating to or past {paid} needs a new module license key for this PBX; without it the module does not run licensed after the update. Order the key from the vendor first.</source>
        <translation>&lt;b&gt;{target} ist ein kostenpflichtiges Upgrade.&lt;/b&gt; Ein Update auf oder über {paid} hinaus braucht einen neuen Modullizenzschlüssel für diese Telefonanlage; ohne ihn läuft das Modul nach dem Update nicht lizenziert. Bestellen Sie den Schlüssel vorher beim Hersteller.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stay on {free}, the newest free release (no new license key needed)</source>
        <translation>Bei {free} bleiben, der neuesten kostenlosen Version (kein neuer Lizenzschlüssel nötig)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Update to {target} (paid: new module license key)</source>
        <translation>Auf {target} aktualisieren (kostenpflichtig: neuer Modullizenzschlüssel)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;b&gt;{module}&lt;/b&gt; is installed on &lt;b&gt;{pbx}&lt;/b&gt;: a new module instance is created and activated.</source>
        <translation>&lt;b&gt;{module}&lt;/b&gt; wird auf &lt;b&gt;{pbx}&lt;/b&gt; installiert: Eine neue Instanz des Moduls wird angelegt und aktiviert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{release} of {date}</source>
        <translation>{release} vom {date}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;{module}&lt;/b&gt; on &lt;b&gt;{pbx}&lt;/b&gt;: the settings are backed up first, then the module is uploaded, the settings restored and the instances activated again. If a step fails, the previous version is put back.</source>
        <translation>&lt;b&gt;{module}&lt;/b&gt; auf &lt;b&gt;{pbx}&lt;/b&gt;: Zuerst werden die Einstellungen gesichert, dann wird das Modul hochgeladen, die Einstellungen werden wiederhergestellt und die Instanzen wieder aktiviert. Schlägt ein Schritt fehl, wird die vorherige Version zurückgespielt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{installed} → {release}</source>
        <translation>{installed} → {release}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{change} (released {date})</source>
        <translation>{change} (veröffentlicht am {date})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NFR build for partner PBXs (runs without a module license key)</source>
        <translation>NFR-Build für Partneranlagen (läuft ohne Modullizenzschlüssel)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standard build</source>
        <translation>Standard-Build</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compatible with STARFACE {version}</source>
        <translation>Kompatibel mit STARFACE {version}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untested on STARFACE {version}: the vendor makes no statement</source>
        <translation>Ungetestet auf STARFACE {version}: Der Hersteller macht keine Angabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not compatible with STARFACE {version}</source>
        <translation>Nicht kompatibel mit STARFACE {version}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The module is not installed yet; no settings exist.</source>
        <translation>Das Modul ist noch nicht installiert; es gibt keine Einstellungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The module has no instances; no settings need to be restored.</source>
        <translation>Das Modul hat keine Instanzen; es müssen keine Einstellungen wiederhergestellt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings per instance. Some settings have no place in {release} and are dropped; they stay in the backup.</source>
        <translation>Einstellungen je Instanz. Einige Einstellungen gibt es in {release} nicht mehr; sie entfallen, bleiben aber in der Sicherung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings per instance: every setting is carried over.</source>
        <translation>Einstellungen je Instanz: Alle Einstellungen werden übernommen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This installs an earlier version over v{installed}; settings are kept as far as the earlier version has a place for them.</source>
        <translation>Damit wird eine ältere Version über v{installed} installiert; Einstellungen bleiben erhalten, soweit die ältere Version sie kennt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No copy of the installed version is available: if the update fails, the settings are restored into the new version instead of going back.</source>
        <translation>Es liegt keine Kopie der installierten Version vor: Schlägt das Update fehl, werden die Einstellungen in die neue Version zurückgespielt, statt zur alten zurückzukehren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The vendor has not stated that this release works with STARFACE {version}.</source>
        <translation>Der Hersteller hat nicht angegeben, dass diese Version mit STARFACE {version} funktioniert.</translation>
    </message>
</context>
<context>
    <name>UpdateFlows</name>
    <message>
        <location filename="../../modmanager/gui/flows/updates.py" line="+52"/>
        <source>Preparing the update of {module}…</source>
        <translation>Update von {module} wird vorbereitet …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing the installation of {module}…</source>
        <translation>Installation von {module} wird vorbereitet …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reinstall an earlier version</source>
        <translation>Ältere Version erneut installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which release of {module} should {pbx} run?</source>
        <translation>Welche Version von {module} soll auf {pbx} laufen?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{pbx} has no free updates.</source>
        <translation>Für {pbx} gibt es keine kostenlosen Updates.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{module}: v{old} → v{new}</source>
        <translation>{module}: v{old} → v{new}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Update all</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install these free updates on {pbx}, one after the other?</source>
        <translation>Diese kostenlosen Updates nacheinander auf {pbx} installieren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid updates are not included. Each module is backed up first; a failure stops the run.</source>
        <translation>Kostenpflichtige Updates sind nicht enthalten. Jedes Modul wird vorher gesichert; ein Fehler beendet den Durchlauf.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Updated: {modules}.</source>
        <translation>Aktualisiert: {modules}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failed: {module} – {problem}</source>
        <translation>Fehlgeschlagen: {module} – {problem}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not attempted after the failure: {modules}.</source>
        <translation>Nach dem Fehler nicht mehr versucht: {modules}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update all on {pbx}</source>
        <translation>Alle aktualisieren auf {pbx}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{done} of {total} updates were installed.</source>
        <translation>{done} von {total} Updates wurden installiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All {count} free updates were installed.</source>
        <translation>Alle {count} kostenlosen Updates wurden installiert.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../modmanager/gui/actions.py" line="+37"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Neu einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read every PBX and the module catalogs again</source>
        <translation>Alle Telefonanlagen und die Modulkataloge neu einlesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search PBXs</source>
        <translation>Telefonanlagen &amp;suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Update…</source>
        <translation>&amp;Update …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update the selected module (shows what changes first)</source>
        <translation>Das ausgewählte Modul aktualisieren (zeigt vorher, was sich ändert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update &amp;all…</source>
        <translation>&amp;Alle aktualisieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install every free update of this PBX</source>
        <translation>Alle kostenlosen Updates dieser Telefonanlage installieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Install…</source>
        <translation>&amp;Installieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install the selected available module</source>
        <translation>Das ausgewählte verfügbare Modul installieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reinstall an &amp;earlier version…</source>
        <translation>Ältere &amp;Version erneut installieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to an earlier release of the selected module</source>
        <translation>Zu einer älteren Version des ausgewählten Moduls zurückkehren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;oll out to PBXs…</source>
        <translation>Auf mehrere Anlagen ver&amp;teilen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Update the selected module on many PBXs in stages, canaries first</source>
        <translation>Das ausgewählte Modul in Stufen auf vielen Telefonanlagen aktualisieren, Testanlagen zuerst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up the settings of the selected module</source>
        <translation>Die Einstellungen des ausgewählten Moduls sichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore settings of the selected module from a backup</source>
        <translation>Einstellungen des ausgewählten Moduls aus einer Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;backups…</source>
        <translation>Sicherungen an&amp;zeigen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All backups: contents, restore, export and import</source>
        <translation>Alle Sicherungen: Inhalt, Wiederherstellen, Export und Import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups</source>
        <comment>toolbar</comment>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add PBX…</source>
        <translation>Telefonanlage &amp;hinzufügen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a PBX: address, login and its certificate</source>
        <translation>Eine Telefonanlage hinzufügen: Adresse, Login und ihr Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add PBX</source>
        <comment>toolbar</comment>
        <translation>Telefonanlage hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit PBX…</source>
        <translation>Telefonanlage &amp;bearbeiten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit &amp;tags…</source>
        <translation>&amp;Schlagwörter bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add or remove tags on the PBXs selected in the list</source>
        <translation>Schlagwörter der in der Liste gewählten Telefonanlagen hinzufügen oder entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move PBX…</source>
        <translation>Telefonanlage ent&amp;fernen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import PBXs…</source>
        <translation>Telefonanlagen &amp;importieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add many PBXs from a CSV or JSON file: preview, certificates, one confirmation</source>
        <translation>Viele Telefonanlagen aus einer CSV- oder JSON-Datei hinzufügen: Vorschau, Zertifikate, eine Bestätigung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <comment>toolbar</comment>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport PBXs…</source>
        <translation>Telefonanlagen e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the PBX list as a CSV or JSON file (without passwords)</source>
        <translation>Die Liste der Telefonanlagen als CSV- oder JSON-Datei speichern (ohne Passwörter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh this PBX</source>
        <translation>Diese Telefonanlage neu einlesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the selected PBX again</source>
        <translation>Die ausgewählte Telefonanlage neu einlesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check STARFACE &amp;upgrade…</source>
        <translation>STARFACE-Update &amp;prüfen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Can these PBXs move to a newer STARFACE? Lists the modules that block it</source>
        <translation>Können diese Telefonanlagen auf eine neuere STARFACE? Nennt die Module, die es verhindern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back up all PBXs</source>
        <translation>Alle Anlagen &amp;sichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up the settings of every module on every PBX</source>
        <translation>Die Einstellungen aller Module auf allen Telefonanlagen sichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save agent &amp;module…</source>
        <translation>Agenten&amp;modul speichern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the modmanager agent module, to install it on a PBX in its web interface</source>
        <translation>Das modmanager-Agentenmodul speichern, um es in der Weboberfläche einer Telefonanlage zu installieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catalog sources, pre-releases, language and how many backups to keep</source>
        <translation>Katalogquellen, Vorabversionen, Sprache und wie viele Sicherungen aufbewahrt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>WindowsModel</name>
    <message>
        <location filename="../../modmanager/gui/dialogs/schedule_dialog.py" line="-277"/>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Maintenance window</source>
        <translation>Wartungsfenster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next opening</source>
        <translation>Nächste Öffnung</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>own</source>
        <translation>eigenes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>customer&apos;s</source>
        <translation>des Kunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open now</source>
        <translation>jetzt offen</translation>
    </message>
</context>
</TS>
