<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActiveTasksModel</name>
    <message>
        <location filename="../../modmanager/gui/views/operations.py" line="+118"/>
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
        <location filename="../../modmanager/gui/app.py" line="+122"/>
        <source>The master password was wrong three times.</source>
        <translation>Das Master-Passwort war dreimal falsch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start modmanager again and enter the master password.</source>
        <translation>Starten Sie modmanager erneut und geben Sie das Master-Passwort ein.</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location filename="../../modmanager/gui/views/operations.py" line="+375"/>
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
        <location filename="../../modmanager/gui/models/matrix.py" line="+72"/>
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
        <location filename="../../modmanager/gui/dialogs/pbx_dialog.py" line="+93"/>
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
        <location filename="../../modmanager/gui/progress.py" line="+29"/>
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
        <location filename="../../modmanager/gui/controller.py" line="+119"/>
        <source>(catalogs)</source>
        <translation>(Kataloge)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(refresh)</source>
        <translation>(Aktualisierung)</translation>
    </message>
    <message>
        <location line="+139"/>
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
        <location line="+46"/>
        <source>Refresh {pbx}</source>
        <translation>{pbx} neu einlesen</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>(fleet)</source>
        <translation>(alle Anlagen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(PBX list)</source>
        <translation>(Anlagenliste)</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Prepare {module} on {pbx}</source>
        <translation>{module} auf {pbx} vorbereiten</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+17"/>
        <source>Update all free updates on {pbx}</source>
        <translation>Alle kostenlosen Updates auf {pbx} installieren</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back up {module} on {pbx}</source>
        <translation>{module} auf {pbx} sichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The settings of {module} on {pbx} were backed up.</source>
        <translation>Die Einstellungen von {module} auf {pbx} wurden gesichert.</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="-320"/>
        <source>(backups)</source>
        <translation>(Sicherungen)</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>Import backup {file}</source>
        <translation>Sicherung {file} importieren</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Check interrupted update of {module}</source>
        <translation>Unterbrochenes Update von {module} prüfen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Roll back {module} on {pbx}</source>
        <translation>{module} auf {pbx} zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finish the update of {module} on {pbx}</source>
        <translation>Update von {module} auf {pbx} abschließen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Remove {pbx}</source>
        <translation>{pbx} entfernen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Updates may be missing: the catalog {source} could not be used ({reason}).</source>
        <translation>Möglicherweise fehlen Aktualisierungen: Der Katalog {source} konnte nicht verwendet werden ({reason}).</translation>
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
    <name>Errors</name>
    <message>
        <location filename="../../modmanager/gui/errors/__init__.py" line="+100"/>
        <source>no details</source>
        <translation>keine Angaben</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/pbx.py" line="+13"/>
        <source>The PBX refused the login ID or password.</source>
        <translation>Die Telefonanlage hat die Login-ID oder das Passwort abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the login ID and store the right password under Edit PBX.</source>
        <translation>Prüfen Sie die Login-ID und hinterlegen Sie das richtige Passwort unter „Telefonanlage bearbeiten“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The modmanager agent does not answer on this PBX.</source>
        <translation>Der modmanager-Agent antwortet auf dieser Telefonanlage nicht.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The agent rejected a request as malformed ({detail}).</source>
        <translation>Der Agent hat eine Anfrage als fehlerhaft abgelehnt ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update modmanager and the agent module to matching versions.</source>
        <translation>Bringen Sie modmanager und das Agent-Modul auf zueinander passende Versionen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The agent on this PBX speaks another protocol version than this modmanager ({detail}).</source>
        <translation>Der Agent auf dieser Telefonanlage spricht eine andere Protokollversion als dieser modmanager ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the agent module on the PBX or modmanager so both speak the same protocol version.</source>
        <translation>Aktualisieren Sie das Agent-Modul auf der Telefonanlage oder modmanager, damit beide dieselbe Protokollversion sprechen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This STARFACE release is too old for the modmanager agent ({detail}).</source>
        <translation>Diese STARFACE-Version ist zu alt für den modmanager-Agenten ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update STARFACE on this PBX, or manage its modules by hand.</source>
        <translation>Aktualisieren Sie STARFACE auf dieser Telefonanlage oder verwalten Sie ihre Module von Hand.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The module is not installed on the PBX ({detail}).</source>
        <translation>Das Modul ist auf der Telefonanlage nicht installiert ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the PBX to see its current modules.</source>
        <translation>Lesen Sie die Telefonanlage neu ein, um ihre aktuellen Module zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The module instance does not exist on the PBX ({detail}).</source>
        <translation>Die Modulinstanz gibt es auf der Telefonanlage nicht ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the PBX to see its current module instances.</source>
        <translation>Lesen Sie die Telefonanlage neu ein, um ihre aktuellen Modulinstanzen zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A module instance of that name exists already ({detail}).</source>
        <translation>Eine Modulinstanz mit diesem Namen gibt es bereits ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another instance name.</source>
        <translation>Wählen Sie einen anderen Instanznamen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX no longer holds the uploaded module file ({detail}).</source>
        <translation>Die Telefonanlage hat die hochgeladene Moduldatei nicht mehr ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <location line="+16"/>
        <source>Upload the module again.</source>
        <translation>Laden Sie das Modul erneut hoch.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The module file arrived damaged on the PBX ({detail}).</source>
        <translation>Die Moduldatei ist beschädigt auf der Telefonanlage angekommen ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload the module again; if it repeats, check the network path to the PBX.</source>
        <translation>Laden Sie das Modul erneut hoch; passiert es wieder, prüfen Sie die Netzwerkverbindung zur Telefonanlage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX expected another part of the module file ({detail}).</source>
        <translation>Die Telefonanlage hat einen anderen Teil der Moduldatei erwartet ({detail}).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The PBX refused the file as not a valid module ({detail}).</source>
        <translation>Die Telefonanlage hat die Datei als ungültiges Modul abgelehnt ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the file is an intact .sfm module.</source>
        <translation>Prüfen Sie, ob die Datei ein unbeschädigtes .sfm-Modul ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The module file on the PBX is incomplete ({detail}).</source>
        <translation>Die Moduldatei auf der Telefonanlage ist unvollständig ({detail}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wait until it has finished, or until its lock expires, and retry.</source>
        <translation>Warten Sie, bis er fertig ist oder seine Sperre abläuft, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PBX is locked by {owner} until {until}: another workstation is changing it.</source>
        <translation>Die Telefonanlage ist bis {until} von {owner} gesperrt: Ein anderer Arbeitsplatz ändert sie gerade.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PBX is locked by {owner}: another workstation is changing it.</source>
        <translation>Die Telefonanlage ist von {owner} gesperrt: Ein anderer Arbeitsplatz ändert sie gerade.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another workstation is changing this PBX ({detail}).</source>
        <translation>Ein anderer Arbeitsplatz ändert diese Telefonanlage gerade ({detail}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Retry the operation; it takes a new lock.</source>
        <translation>Wiederholen Sie den Vorgang; er holt sich eine neue Sperre.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for {pbx} was cancelled; nothing was changed.</source>
        <translation>Das Warten auf {pbx} wurde abgebrochen; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{pbx} is still busy after waiting {minutes} min: {holder} is changing it on this workstation; nothing was changed.</source>
        <translation>{pbx} ist nach {minutes} Min. Warten noch belegt: {holder} ändert sie an diesem Arbeitsplatz; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that operation (the log names it), then try again.</source>
        <translation>Prüfen Sie diesen Vorgang (das Protokoll nennt ihn) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{pbx} is busy: {holder} is changing it on this workstation; nothing was changed.</source>
        <translation>{pbx} ist belegt: {holder} ändert sie gerade an diesem Arbeitsplatz; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until it has finished, then try again.</source>
        <translation>Warten Sie, bis dieser Vorgang beendet ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The agent on the PBX failed ({detail}).</source>
        <translation>Der Agent auf der Telefonanlage ist auf einen Fehler gestoßen ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry; if it repeats, check the PBX&apos;s log for the modmanager agent.</source>
        <translation>Versuchen Sie es erneut; passiert es wieder, sehen Sie im Protokoll der Telefonanlage nach dem modmanager-Agenten.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The agent on the PBX reported an unknown error {fault_code} ({detail}).</source>
        <translation>Der Agent auf der Telefonanlage hat einen unbekannten Fehler {fault_code} gemeldet ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update modmanager to a version that matches the agent module.</source>
        <translation>Aktualisieren Sie modmanager auf eine Version, die zum Agent-Modul passt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{pbx} reports a STARFACE version modmanager cannot read ({starface}).</source>
        <translation>{pbx} meldet eine STARFACE-Version, die modmanager nicht lesen kann ({starface}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the agent module on the PBX.</source>
        <translation>Prüfen Sie das Agent-Modul auf der Telefonanlage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PBX sent an answer modmanager cannot read.</source>
        <translation>Die Telefonanlage hat eine Antwort geschickt, die modmanager nicht lesen kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update modmanager and the agent module to matching versions; if it repeats, check the PBX.</source>
        <translation>Bringen Sie modmanager und das Agent-Modul auf zueinander passende Versionen; passiert es wieder, prüfen Sie die Telefonanlage.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The upload was cancelled; the PBX keeps the part already sent for a later resume.</source>
        <translation>Das Hochladen wurde abgebrochen; die Telefonanlage behält den bereits gesendeten Teil, damit es später fortgesetzt werden kann.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the update again to continue.</source>
        <translation>Starten Sie das Update erneut, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX answered with HTTP status {status} instead of an agent answer.</source>
        <translation>Die Telefonanlage hat mit HTTP-Status {status} statt mit einer Antwort des Agenten geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the address points to the STARFACE web interface and that the PBX is running.</source>
        <translation>Prüfen Sie, ob die Adresse auf die STARFACE-Weboberfläche zeigt und ob die Telefonanlage läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no answer in time</source>
        <translation>keine Antwort in der erwarteten Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the host name is unknown</source>
        <translation>der Hostname ist unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PBX at {url} cannot be reached ({reason_text}); {entry_point} may or may not have taken effect.</source>
        <translation>Die Telefonanlage unter {url} ist nicht erreichbar ({reason_text}); ob {entry_point} noch ausgeführt wurde, ist offen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PBX at {url} cannot be reached; {entry_point} may or may not have taken effect.</source>
        <translation>Die Telefonanlage unter {url} ist nicht erreichbar; ob {entry_point} noch ausgeführt wurde, ist offen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh the PBX to see its current state before you retry.</source>
        <translation>Lesen Sie die Telefonanlage neu ein, um ihren aktuellen Stand zu sehen, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PBX at {url} cannot be reached ({reason_text}).</source>
        <translation>Die Telefonanlage unter {url} ist nicht erreichbar ({reason_text}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The PBX at {url} cannot be reached.</source>
        <translation>Die Telefonanlage unter {url} ist nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the address, that the PBX is running and that a firewall lets you through to its HTTPS port.</source>
        <translation>Prüfen Sie die Adresse, ob die Telefonanlage läuft und ob eine Firewall den Zugriff auf ihren HTTPS-Port erlaubt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The certificate of the PBX at {url} has changed: trusted {pinned}, now {presented}.</source>
        <translation>Das Zertifikat der Telefonanlage unter {url} hat sich geändert: vertraut war {pinned}, jetzt ist es {presented}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If the PBX got a new certificate, compare the new fingerprint with the one the PBX shows and trust it under Edit PBX; otherwise someone may be intercepting the connection: do not continue.</source>
        <translation>Hat die Telefonanlage ein neues Zertifikat bekommen, vergleichen Sie den neuen Fingerabdruck mit dem, den die Telefonanlage anzeigt, und vertrauen Sie ihm unter „Telefonanlage bearbeiten“. Andernfalls hört womöglich jemand die Verbindung ab: Fahren Sie nicht fort.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The certificate of the PBX at {url} is not trusted by this computer (self-signed or for another name; SHA-256 {fingerprint}).</source>
        <translation>Diesem Computer ist das Zertifikat der Telefonanlage unter {url} nicht vertrauenswürdig (selbst signiert oder für einen anderen Namen; SHA-256 {fingerprint}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare the fingerprint with the one the PBX shows, then trust it under Edit PBX (Test connection).</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den die Telefonanlage anzeigt, und vertrauen Sie ihm dann unter „Telefonanlage bearbeiten“ („Verbindung testen“).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The trusted certificate of the PBX at {url} is no longer valid (it expired on {expires} or is malformed).</source>
        <translation>Das vertraute Zertifikat der Telefonanlage unter {url} ist nicht mehr gültig (abgelaufen am {expires} oder fehlerhaft).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Renew the certificate on the PBX, then trust the new fingerprint under Edit PBX.</source>
        <translation>Erneuern Sie das Zertifikat auf der Telefonanlage und vertrauen Sie dann dem neuen Fingerabdruck unter „Telefonanlage bearbeiten“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secure connection to the PBX at {url} failed.</source>
        <translation>Die sichere Verbindung zur Telefonanlage unter {url} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the address points to the PBX&apos;s HTTPS port.</source>
        <translation>Prüfen Sie, ob die Adresse auf den HTTPS-Port der Telefonanlage zeigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The certificate fingerprint is not a SHA-256 fingerprint (64 hex digits).</source>
        <translation>Der Zertifikats-Fingerabdruck ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the SHA-256 fingerprint exactly as modmanager or the PBX shows it.</source>
        <translation>Übernehmen Sie den SHA-256-Fingerabdruck genau so, wie modmanager oder die Telefonanlage ihn anzeigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX address is not an https address.</source>
        <translation>Die Adresse der Telefonanlage ist keine https-Adresse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the address as https://host or https://host:port.</source>
        <translation>Geben Sie die Adresse als https://host oder https://host:port an.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/unattended.py" line="+128"/>
        <location filename="../../modmanager/gui/errors/updates.py" line="+13"/>
        <source>No catalog lists the module {module}.</source>
        <translation>Kein Katalog führt das Modul {module}.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/updates.py" line="+1"/>
        <source>Add the vendor&apos;s catalog under Settings, Catalog sources.</source>
        <translation>Fügen Sie den Katalog des Herstellers unter „Einstellungen“, „Katalogquellen“ hinzu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{module} {version} is not compatible with STARFACE {starface}.</source>
        <translation>{module} {version} ist nicht mit STARFACE {starface} kompatibel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a release that is compatible with this PBX.</source>
        <translation>Wählen Sie eine Version, die mit dieser Telefonanlage kompatibel ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The catalog has no file for {module} {version}.</source>
        <translation>Der Katalog enthält keine Datei für {module} {version}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Choose another release or flavour.</source>
        <translation>Wählen Sie eine andere Version oder Ausführung.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The catalog has no NFR file for {module} {version}.</source>
        <translation>Der Katalog enthält keine NFR-Datei für {module} {version}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The downloaded file is the module {found}, not {expected}.</source>
        <translation>Die heruntergeladene Datei ist das Modul {found}, nicht {expected}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalog is wrong; tell its publisher.</source>
        <translation>Der Katalog ist fehlerhaft; melden Sie das seinem Herausgeber.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/unattended.py" line="+8"/>
        <location filename="../../modmanager/gui/errors/updates.py" line="+7"/>
        <source>The catalog has no release {version} of {module}.</source>
        <translation>Der Katalog enthält keine Version {version} von {module}.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/updates.py" line="+1"/>
        <source>Look at the module&apos;s details to see its releases.</source>
        <translation>In den Details des Moduls sehen Sie seine Versionen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{module} is up to date.</source>
        <translation>{module} ist auf dem neuesten Stand.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>There is nothing to update.</source>
        <translation>Es gibt nichts zu aktualisieren.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{module} has no release compatible with this PBX.</source>
        <translation>Für {module} gibt es keine Version, die mit dieser Telefonanlage kompatibel ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm the paid upgrade explicitly, or choose the free release.</source>
        <translation>Bestätigen Sie das kostenpflichtige Upgrade ausdrücklich oder wählen Sie die kostenlose Version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{module} {version} is a paid upgrade: it needs a new module license key. The newest free release is {free_version}.</source>
        <translation>{module} {version} ist ein kostenpflichtiges Upgrade: Es braucht einen neuen Modullizenzschlüssel. Die neueste kostenlose Version ist {free_version}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{module} {version} is a paid upgrade: it needs a new module license key.</source>
        <translation>{module} {version} ist ein kostenpflichtiges Upgrade: Es braucht einen neuen Modullizenzschlüssel.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The downloaded module file is no longer in the cache.</source>
        <translation>Die heruntergeladene Moduldatei ist nicht mehr im Zwischenspeicher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare the update again.</source>
        <translation>Bereiten Sie das Update erneut vor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The module file of {label} is missing from the local cache.</source>
        <translation>Die Moduldatei von {label} fehlt im lokalen Zwischenspeicher.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare the update again so modmanager can download it.</source>
        <translation>Bereiten Sie das Update erneut vor, damit modmanager sie herunterladen kann.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{module} on {pbx} changed since the preview.</source>
        <translation>{module} auf {pbx} hat sich seit der Vorschau geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the PBX and start the update again.</source>
        <translation>Lesen Sie die Telefonanlage neu ein und starten Sie das Update erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update was cancelled; nothing was changed.</source>
        <translation>Das Update wurde abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The update of {module} on {pbx} could not start ({cause}). Nothing was changed on the PBX.</source>
        <translation>Das Update von {module} auf {pbx} konnte nicht beginnen ({cause}). Auf der Telefonanlage wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>Check the connection and try again.</source>
        <translation>Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The update of {module} on {pbx} failed while uploading ({cause}). Nothing was changed on the PBX.</source>
        <translation>Das Update von {module} auf {pbx} ist beim Hochladen fehlgeschlagen ({cause}). Auf der Telefonanlage wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was lost. Check the PBX and try again later.</source>
        <translation>Es ging nichts verloren. Prüfen Sie die Telefonanlage und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update of {module} on {pbx} failed ({cause}). The previous version v{from_version} was put back with all its settings.</source>
        <translation>Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}). Die vorherige Version v{from_version} wurde mit allen Einstellungen wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The update of {module} on {pbx} failed ({cause}). No copy of v{from_version} was available, so the new version v{to_version} was kept and all supported settings were restored into it.</source>
        <translation>Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}). Es gab keine Kopie von v{from_version}, deshalb bleibt die neue Version v{to_version} installiert; alle unterstützten Einstellungen wurden in sie übernommen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The installation of {module} on {pbx} failed ({cause}). A second attempt installed v{to_version} and set it up.</source>
        <translation>Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}). Ein zweiter Versuch hat v{to_version} installiert und eingerichtet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When the PBX is reachable again, finish it in the Interrupted updates dialog (modmanager offers it on start).</source>
        <translation>Sobald die Telefonanlage wieder erreichbar ist, schließen Sie den Vorgang im Dialog „Unterbrochene Updates“ ab (modmanager bietet ihn beim Start an).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts}). The settings are safe in backup {backup}.</source>
        <translation>Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht zurückgesetzt werden ({parts}). Die Einstellungen sind in der Sicherung {backup} sicher.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The update of {module} on {pbx} failed ({cause}) and could not be rolled back yet ({parts}).</source>
        <translation>Das Update von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht zurückgesetzt werden ({parts}).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts}).</source>
        <translation>Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht abgeschlossen werden ({parts}).</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/files.py" line="+14"/>
        <source>it is larger than expected</source>
        <translation>sie ist größer als erwartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not UTF-8 text</source>
        <translation>sie ist kein UTF-8-Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not valid JSON</source>
        <translation>sie ist kein gültiges JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is nested too deeply</source>
        <translation>sie ist zu tief verschachtelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it holds a number out of range</source>
        <translation>sie enthält eine Zahl außerhalb des erlaubten Bereichs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a field is missing or of the wrong type</source>
        <translation>ein Feld fehlt oder hat den falschen Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a setting has an invalid value</source>
        <translation>eine Einstellung hat einen ungültigen Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a regular file</source>
        <translation>sie ist keine normale Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it cannot be read</source>
        <translation>sie kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not a modmanager backup</source>
        <translation>sie ist keine modmanager-Sicherung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is truncated</source>
        <translation>sie ist abgeschnitten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its header cannot be read</source>
        <translation>ihre Kopfdaten sind unlesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its file name and its header disagree</source>
        <translation>Dateiname und Kopfdaten passen nicht zusammen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a named pipe (FIFO)</source>
        <translation>eine benannte Pipe (FIFO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>something else</source>
        <translation>etwas anderes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{path} is {kind_words}, not a file; nothing was read from it.</source>
        <translation>{path} ist {kind_words}, keine Datei; daraus wurde nichts gelesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a regular file.</source>
        <translation>Wählen Sie eine normale Datei.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {path} is larger than the {limit} bytes expected; it may be damaged.</source>
        <translation>Die Datei {path} ist größer als die erwarteten {limit} Bytes; sie ist vielleicht beschädigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that it is the right file; fix or delete it.</source>
        <translation>Prüfen Sie, ob es die richtige Datei ist; reparieren oder löschen Sie sie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {path} cannot be read ({reason}).</source>
        <translation>Die Datei {path} kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that it exists and that you may read it.</source>
        <translation>Prüfen Sie, ob sie existiert und ob Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The settings file {path} cannot be used: {why}.</source>
        <translation>Die Einstellungsdatei {path} ist unbrauchbar: {why}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix or delete it (deleting restores the default settings).</source>
        <translation>Reparieren oder löschen Sie sie (Löschen stellt die Standardeinstellungen her).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The journal entry {entry} of an interrupted update is damaged ({why}).</source>
        <translation>Der Journaleintrag {entry} einer unterbrochenen Aktualisierung ist beschädigt ({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the PBX by hand, then delete {path} to dismiss it.</source>
        <translation>Prüfen Sie die Telefonanlage von Hand und löschen Sie dann {path}, um ihn zu verwerfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The journal entry of the update of {module} is too large to write.</source>
        <translation>Der Journaleintrag zur Aktualisierung von {module} ist zu groß zum Schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report this; the update was not continued.</source>
        <translation>Melden Sie diesen Fehler; die Aktualisierung wurde nicht fortgesetzt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The index of the module file cache {path} is damaged ({why}).</source>
        <translation>Das Verzeichnis des Moduldatei-Zwischenspeichers {path} ist beschädigt ({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete it; it is rebuilt on the next update.</source>
        <translation>Löschen Sie es; es wird bei der nächsten Aktualisierung neu angelegt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The facts of the PBX {pbx} are too large to keep.</source>
        <translation>Die Angaben der Telefonanlage {pbx} sind zu groß zum Speichern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the PBX&apos;s agent; it answers with far more than a PBX holds.</source>
        <translation>Prüfen Sie den Agenten der Telefonanlage; er antwortet mit weit mehr, als eine Telefonanlage enthält.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {file} asks for a key derivation beyond modmanager&apos;s fixed limits; it was not opened.</source>
        <translation>Die Datei {file} verlangt eine Schlüsselableitung jenseits der festen Grenzen von modmanager; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the backup again with modmanager; a file made elsewhere or changed is not accepted.</source>
        <translation>Exportieren Sie die Sicherung erneut mit modmanager; eine anderswo erstellte oder veränderte Datei wird nicht angenommen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secrets file {path} asks for a key derivation beyond modmanager&apos;s fixed limits; it was not opened.</source>
        <translation>Die Geheimnisdatei {path} verlangt eine Schlüsselableitung jenseits der festen Grenzen von modmanager; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The PBX {pbx} presents the certificate {presented}, not {expected}; nothing was pinned.</source>
        <translation>Die Telefonanlage {pbx} zeigt das Zertifikat {presented}, nicht {expected}; es wurde nichts hinterlegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the fingerprint with the one the PBX&apos;s web interface shows, then try again.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem in der Weboberfläche der Telefonanlage und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/unattended.py" line="-123"/>
        <source>{module} is held on {pbx}: {reason}.</source>
        <translation>{module} ist auf {pbx} festgehalten: {reason}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{module} is held on {pbx}.</source>
        <translation>{module} ist auf {pbx} festgehalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release the hold first, or choose the version to install.</source>
        <translation>Heben Sie das Festhalten zuerst auf oder wählen Sie die Version, die installiert werden soll.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the health check failed: {parts}</source>
        <translation>die Funktionsprüfung schlug fehl: {parts}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The module did not come up as it should; see the failed check.</source>
        <translation>Das Modul lief danach nicht wie erwartet; siehe die fehlgeschlagene Prüfung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>instance {instances} did not stay active</source>
        <translation>Instanz {instances} blieb nicht aktiv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the configuration of {instances} does not read back as restored</source>
        <translation>die Konfiguration von {instances} liest sich nicht wie wiederhergestellt zurück</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the PBX runs v{found} instead of v{version}</source>
        <translation>die Telefonanlage meldet v{found} statt v{version}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the module is no longer installed</source>
        <translation>das Modul ist nicht mehr installiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the agent does not answer ({cause})</source>
        <translation>der Agent antwortet nicht ({cause})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the configuration cannot be read ({cause})</source>
        <translation>die Konfiguration lässt sich nicht lesen ({cause})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the module list cannot be read ({cause})</source>
        <translation>die Modulliste lässt sich nicht lesen ({cause})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no such hold or skip of {module}.</source>
        <translation>Für {module} gibt es dieses Festhalten oder Überspringen nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list of holds shows which exist.</source>
        <translation>Die Liste der Festhaltungen zeigt, welche bestehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A hold needs a module.</source>
        <translation>Zum Festhalten gehört ein Modul.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a module.</source>
        <translation>Wählen Sie ein Modul.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A customer hold needs the customer&apos;s name.</source>
        <translation>Zum Festhalten für einen Kunden gehört der Kundenname.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the PBX a customer first.</source>
        <translation>Tragen Sie bei der Telefonanlage zuerst einen Kunden ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A skip needs the release to skip.</source>
        <translation>Zum Überspringen gehört die Version, die übersprungen werden soll.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a release.</source>
        <translation>Wählen Sie eine Version.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reason is longer than {limit} characters.</source>
        <translation>Die Begründung ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say it shorter.</source>
        <translation>Fassen Sie sie kürzer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The maintenance window {window} cannot be read.</source>
        <translation>Das Wartungsfenster {window} ist so nicht lesbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like &apos;Mon-Fri 22:00-02:00 Europe/Berlin&apos; (weekdays, time range, time zone).</source>
        <translation>Schreiben Sie es wie „Mo-Fr 22:00-02:00 Europe/Berlin“ (Wochentage, Uhrzeiten, Zeitzone).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line {line} of the window list cannot be used ({problem}).</source>
        <translation>Zeile {line} der Fensterliste ist unbrauchbar ({problem}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix that line; nothing was imported.</source>
        <translation>Korrigieren Sie diese Zeile; es wurde nichts übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No PBX was chosen.</source>
        <translation>Es ist keine Telefonanlage ausgewählt.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose at least one PBX.</source>
        <translation>Wählen Sie mindestens eine Telefonanlage.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No maintenance window is set for {pbxs}, so nothing was scheduled.</source>
        <translation>Für {pbxs} ist kein Wartungsfenster eingestellt, daher wurde nichts geplant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set a window for the PBX or its customer first.</source>
        <translation>Stellen Sie zuerst ein Wartungsfenster für die Telefonanlage oder ihren Kunden ein.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a module of a configured catalog.</source>
        <translation>Wählen Sie ein Modul aus einem eingerichteten Katalog.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a release the catalog lists.</source>
        <translation>Wählen Sie eine Version, die der Katalog führt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The same job is already scheduled for {pbx} in that window (job {job}).</source>
        <translation>Derselbe Auftrag ist für {pbx} in diesem Fenster schon geplant (Auftrag {job}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was scheduled; remove the existing job first to change it.</source>
        <translation>Es wurde nichts geplant; entfernen Sie zuerst den bestehenden Auftrag, um ihn zu ändern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no scheduled job {job}.</source>
        <translation>Einen geplanten Auftrag {job} gibt es nicht.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reload the list of jobs.</source>
        <translation>Laden Sie die Auftragsliste neu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Job {job} is running right now and cannot be removed.</source>
        <translation>Auftrag {job} läuft gerade und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until it has finished.</source>
        <translation>Warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another modmanager is running the due jobs right now.</source>
        <translation>Ein anderer modmanager führt die fälligen Aufträge gerade aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to do: that one takes care of them.</source>
        <translation>Hier ist nichts zu tun: jener erledigt sie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An interrupted update waits on {pbx}; nothing was changed.</source>
        <translation>Auf {pbx} wartet eine unterbrochene Aktualisierung; es wurde nichts verändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish it in the Interrupted updates dialog first.</source>
        <translation>Schließen Sie sie zuerst im Dialog „Unterbrochene Aktualisierungen“ ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no customer named {customer} and no recorded change for one.</source>
        <translation>Einen Kunden {customer} gibt es nicht, und für ihn ist keine Änderung verzeichnet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the customer as it is set on its PBXs.</source>
        <translation>Wählen Sie den Kunden so, wie er bei seinen Telefonanlagen eingetragen ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The e-mail summary is not set up ({missing} missing).</source>
        <translation>Die E-Mail-Zusammenfassung ist nicht eingerichtet (es fehlt: {missing}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the e-mail settings.</source>
        <translation>Füllen Sie die E-Mail-Einstellungen aus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No SMTP password is stored.</source>
        <translation>Es ist kein SMTP-Passwort gespeichert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter the SMTP password.</source>
        <translation>Geben Sie das SMTP-Passwort ein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The e-mail summary could not be sent via {server} ({reason}).</source>
        <translation>Die E-Mail-Zusammenfassung konnte über {server} nicht versendet werden ({reason}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the e-mail settings.</source>
        <translation>Prüfen Sie die E-Mail-Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/updates.py" line="-6"/>
        <source>The installation of {module} on {pbx} failed ({cause}) and could not be finished yet ({parts}). The settings are safe in backup {backup}.</source>
        <translation>Die Installation von {module} auf {pbx} ist fehlgeschlagen ({cause}) und konnte noch nicht abgeschlossen werden ({parts}). Die Einstellungen sind in der Sicherung {backup} sicher.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/pbx.py" line="-327"/>
        <source>Install the modmanager agent module on this PBX (Edit PBX links the installation guide), or correct the agent instance under Edit PBX.</source>
        <translation>Installieren Sie das modmanager-Agentenmodul auf dieser Telefonanlage („Telefonanlage bearbeiten“ verlinkt die Installationsanleitung), oder korrigieren Sie die Agent-Instanz unter „Telefonanlage bearbeiten“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The agent on {pbx} refused the agent secret.</source>
        <translation>Der Agent auf {pbx} hat das Agent-Geheimnis abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the secret set in the agent&apos;s module configuration (STARFACE admin &gt; Module &gt; Modul-Konfiguration) under Edit PBX.</source>
        <translation>Tragen Sie unter „Telefonanlage bearbeiten“ das Geheimnis ein, das in der Modulkonfiguration des Agenten hinterlegt ist (STARFACE-Administration &gt; Module &gt; Modul-Konfiguration).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The agent on this PBX cannot do this ({detail}).</source>
        <translation>Der Agent auf dieser Telefonanlage kann das nicht ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update the modmanager agent module on the PBX.</source>
        <translation>Aktualisieren Sie das modmanager-Agentenmodul auf der Telefonanlage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The module file is larger than the agent on this PBX accepts ({detail}).</source>
        <translation>Die Moduldatei ist größer, als der Agent auf dieser Telefonanlage annimmt ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that this is the right module file; a module file is normally far smaller.</source>
        <translation>Prüfen Sie, ob es die richtige Moduldatei ist; eine Moduldatei ist normalerweise weit kleiner.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The data to send is larger than the agent accepts in one request ({size_kib} KiB; at most {limit_kib} KiB).</source>
        <translation>Die zu sendenden Daten sind größer, als der Agent in einer Anfrage annimmt ({size_kib} KiB; höchstens {limit_kib} KiB).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore the settings of this module by hand; the agent cannot take them in one piece.</source>
        <translation>Stellen Sie die Einstellungen dieses Moduls von Hand wieder her; der Agent kann sie nicht in einem Stück übernehmen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The agent on {pbx} did not come back as version {version} in time ({cause}).</source>
        <translation>Der Agent auf {pbx} meldete sich nicht rechtzeitig in Version {version} zurück ({cause}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agent on {pbx} did not come back as version {version} in time.</source>
        <translation>Der Agent auf {pbx} meldete sich nicht rechtzeitig in Version {version} zurück.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the module page of the agent in the STARFACE admin interface, then refresh the PBX.</source>
        <translation>Prüfen Sie die Modulseite des Agenten in der STARFACE-Administration und aktualisieren Sie dann die Ansicht der Telefonanlage.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The PBX refused a change without a valid lock (it may have expired: {detail}).</source>
        <translation>Die Telefonanlage hat eine Änderung ohne gültige Sperre abgelehnt (sie ist vielleicht abgelaufen: {detail}).</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The PBX answered with an XML-RPC error {fault_code} ({detail}).</source>
        <translation>Die Telefonanlage antwortete mit dem XML-RPC-Fehler {fault_code} ({detail}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the modmanager agent is installed and active on this PBX, and retry.</source>
        <translation>Prüfen Sie, ob der modmanager-Agent auf dieser Telefonanlage installiert und aktiv ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/updates.py" line="+14"/>
        <source>an unexpected error occurred</source>
        <translation>ein unerwarteter Fehler ist aufgetreten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The downloaded module file could not be kept in the local cache.</source>
        <translation>Die heruntergeladene Moduldatei konnte nicht im lokalen Zwischenspeicher abgelegt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again.</source>
        <translation>Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run the update again or restore the backup.</source>
        <translation>Führen Sie das Update erneut aus oder stellen Sie die Sicherung wieder her.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PBX read the uploaded file as module {found_module} v{found_version}, not {module} v{version}.</source>
        <translation>Die Telefonanlage hat die hochgeladene Datei als Modul {found_module} v{found_version} gelesen, nicht als {module} v{version}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file may be damaged; download it again.</source>
        <translation>Die Datei ist möglicherweise beschädigt; laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After the update the PBX reports the module as not installed, not v{version}.</source>
        <translation>Nach dem Update meldet die Telefonanlage das Modul als nicht installiert statt v{version}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>After the update the PBX reports the module as v{found}, not v{version}.</source>
        <translation>Nach dem Update meldet die Telefonanlage das Modul als v{found} statt v{version}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PBX does not show the settings that were written: {parts}.</source>
        <translation>Die Telefonanlage zeigt nicht die Einstellungen, die geschrieben wurden: {parts}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>instance “{instance}” is missing</source>
        <translation>die Instanz „{instance}“ fehlt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>instance “{instance}” has different values for {keys}</source>
        <translation>die Instanz „{instance}“ hat andere Werte für {keys}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>instance “{instance}” is not active</source>
        <translation>die Instanz „{instance}“ ist nicht aktiv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>instance “{instance}” is not inactive</source>
        <translation>die Instanz „{instance}“ ist nicht inaktiv</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the module&apos;s internal data differs</source>
        <translation>die internen Daten des Moduls weichen ab</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{pbx} cannot be reached ({cause}); the interrupted update of {module} stays pending.</source>
        <translation>{pbx} ist nicht erreichbar ({cause}); das unterbrochene Update von {module} bleibt offen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again when the PBX is reachable.</source>
        <translation>Versuchen Sie es erneut, wenn die Telefonanlage erreichbar ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The update of {module} on {pbx} cannot be rolled back: no copy of the previous version is available.</source>
        <translation>Das Update von {module} auf {pbx} lässt sich nicht zurücksetzen: Es gibt keine Kopie der vorherigen Version.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finish it instead; the settings are restored into the new version.</source>
        <translation>Schließen Sie es stattdessen ab; die Einstellungen werden in die neue Version übernommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{module} on {pbx} is back on v{version} with all its settings.</source>
        <translation>{module} auf {pbx} läuft wieder mit v{version} und allen Einstellungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{module} on {pbx} now runs v{version} with every supported setting restored.</source>
        <translation>{module} auf {pbx} läuft jetzt mit v{version}; alle unterstützten Einstellungen wurden wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../modmanager/gui/errors/backups.py" line="+14"/>
        <source>The module {module} is not installed on {pbx}.</source>
        <translation>Das Modul {module} ist auf {pbx} nicht installiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install the module there first, or refresh the PBX.</source>
        <translation>Installieren Sie das Modul dort zuerst oder lesen Sie die Telefonanlage neu ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup has none of the chosen instances.</source>
        <translation>Die Sicherung enthält keine der gewählten Instanzen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose instances from the backup.</source>
        <translation>Wählen Sie Instanzen aus der Sicherung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../modmanager/gui/errors/files.py" line="-114"/>
        <source>its contents do not match its checksum</source>
        <translation>ihr Inhalt passt nicht zu ihrer Prüfsumme</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../modmanager/gui/errors/files.py" line="+1"/>
        <source>its contents cannot be read</source>
        <translation>ihr Inhalt ist nicht lesbar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The backup {backup} is damaged or was changed ({why}); it will not be restored.</source>
        <translation>Die Sicherung {backup} ist beschädigt oder wurde verändert ({why}); sie wird nicht wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use another backup, or delete this one.</source>
        <translation>Verwenden Sie eine andere Sicherung oder löschen Sie diese.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no backup {backup}.</source>
        <translation>Die Sicherung {backup} gibt es nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen the backups to see the current list.</source>
        <translation>Öffnen Sie die Sicherungen erneut, um die aktuelle Liste zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The backup of {module} could not be verified after writing.</source>
        <translation>Die Sicherung von {module} konnte nach dem Schreiben nicht überprüft werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the disk holding {folder}.</source>
        <translation>Prüfen Sie das Laufwerk, auf dem {folder} liegt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>At least one backup per module must be kept.</source>
        <translation>Mindestens eine Sicherung pro Modul muss aufbewahrt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the retention to 1 or more.</source>
        <translation>Stellen Sie die Aufbewahrung auf 1 oder mehr.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An exported backup needs a password.</source>
        <translation>Eine exportierte Sicherung braucht ein Passwort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a password and keep it safe.</source>
        <translation>Wählen Sie ein Passwort und bewahren Sie es sicher auf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password for {file} is wrong, or the file was changed.</source>
        <translation>Das Passwort für {file} ist falsch oder die Datei wurde verändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the password; if it is right, export the backup again.</source>
        <translation>Prüfen Sie das Passwort; stimmt es, exportieren Sie die Sicherung erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {file} is not a modmanager backup export or is damaged ({why}).</source>
        <translation>Die Datei {file} ist kein Sicherungsexport von modmanager oder beschädigt ({why}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Export the backup again.</source>
        <translation>Exportieren Sie die Sicherung erneut.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The contents of {file} cannot be read.</source>
        <translation>Der Inhalt von {file} ist nicht lesbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file {path} does not exist.</source>
        <translation>Die Datei {path} gibt es nicht.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check the path.</source>
        <translation>Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No password is stored for the PBX {pbx} (login {login}).</source>
        <translation>Für die Telefonanlage {pbx} ist kein Passwort hinterlegt (Login-ID {login}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password under Edit PBX.</source>
        <translation>Geben Sie das Passwort unter „Telefonanlage bearbeiten“ ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No agent secret is stored for the PBX {pbx}.</source>
        <translation>Für die Telefonanlage {pbx} ist kein Agent-Geheimnis hinterlegt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the secret of the agent&apos;s module configuration (STARFACE admin &gt; Module &gt; Modul-Konfiguration) under Edit PBX.</source>
        <translation>Tragen Sie unter „Telefonanlage bearbeiten“ das Geheimnis aus der Modulkonfiguration des Agenten ein (STARFACE-Administration &gt; Module &gt; Modul-Konfiguration).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The PBX&apos;s password is empty.</source>
        <translation>Das Passwort der Telefonanlage ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the password of the STARFACE login.</source>
        <translation>Geben Sie das Passwort des STARFACE-Logins an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The agent secret is empty.</source>
        <translation>Das Agent-Geheimnis ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the secret set in the agent&apos;s module configuration (STARFACE admin &gt; Module &gt; Modul-Konfiguration).</source>
        <translation>Tragen Sie das Geheimnis ein, das in der Modulkonfiguration des Agenten hinterlegt ist (STARFACE-Administration &gt; Module &gt; Modul-Konfiguration).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A PBX named {pbx} exists already.</source>
        <translation>Eine Telefonanlage namens {pbx} gibt es schon.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another name, or remove the existing PBX first.</source>
        <translation>Wählen Sie einen anderen Namen oder entfernen Sie zuerst die vorhandene Telefonanlage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The master password is wrong.</source>
        <translation>Das Master-Passwort ist falsch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the master password that {path} was created with.</source>
        <translation>Geben Sie das Master-Passwort ein, mit dem {path} angelegt wurde.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The master password is empty.</source>
        <translation>Das Master-Passwort ist leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the master password for the secrets file.</source>
        <translation>Geben Sie das Master-Passwort für die Datei mit den Zugangsdaten ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The secrets file {path} was modified or is damaged.</source>
        <translation>Die Datei mit den Zugangsdaten {path} wurde verändert oder ist beschädigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../modmanager/gui/errors/files.py" line="+105"/>
        <source>Restore it from a backup, or delete it and store the passwords again.</source>
        <translation>Stellen Sie sie aus einer Datensicherung wieder her oder löschen Sie sie und hinterlegen Sie die Passwörter erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The stored secret key {name} is damaged.</source>
        <translation>Der gespeicherte geheime Schlüssel {name} ist beschädigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups encrypted with it cannot be read; remove the entry to create a new key.</source>
        <translation>Damit verschlüsselte Sicherungen sind nicht lesbar; entfernen Sie den Eintrag, damit ein neuer Schlüssel angelegt wird.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>modmanager cannot use the system keyring ({error_type}).</source>
        <translation>modmanager kann den Schlüsselbund des Systems nicht verwenden ({error_type}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock the keyring (log in to the desktop session) and retry.</source>
        <translation>Entsperren Sie den Schlüsselbund (an der Desktop-Sitzung anmelden) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No keyring is available on this machine.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install and unlock a keyring backend (e.g. GNOME Keyring, KWallet).</source>
        <translation>Installieren und entsperren Sie einen Schlüsselbund (z. B. GNOME Keyring, KWallet).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No keyring is available on this machine and no master password was given.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar und es wurde kein Master-Passwort angegeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set {variable} or install a keyring backend (e.g. GNOME Keyring, KWallet).</source>
        <translation>Setzen Sie {variable} oder installieren Sie einen Schlüsselbund (z. B. GNOME Keyring, KWallet).</translation>
    </message>
</context>
<context>
    <name>FleetMatrixModel</name>
    <message>
        <location filename="../../modmanager/gui/models/matrix.py" line="+313"/>
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
        <location line="+451"/>
        <source>Export the fleet matrix</source>
        <translation>Anlagenübersicht exportieren</translation>
    </message>
    <message>
        <location line="-449"/>
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
        <location line="+346"/>
        <source>Check STARFACE upgrade…</source>
        <translation>STARFACE-Update prüfen …</translation>
    </message>
    <message>
        <location line="-345"/>
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
        <location line="+234"/>
        <source>Roll out…</source>
        <translation>Verteilen …</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the matrix as shown, for a spreadsheet</source>
        <translation>Die Übersicht wie gezeigt für eine Tabellenkalkulation speichern</translation>
    </message>
    <message>
        <location line="+124"/>
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
        <location filename="../../modmanager/gui/models/fleet.py" line="+253"/>
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
        <location line="+8"/>
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
        <location line="-251"/>
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
        <location filename="../../modmanager/gui/fleet_work.py" line="+133"/>
        <source>Refresh {count} PBXs</source>
        <translation>{count} Telefonanlagen neu einlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{done} of {total} PBXs read</source>
        <translation>{done} von {total} Telefonanlagen gelesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{title}: {read} of {total} PBXs read, {failed} could not be read.</source>
        <translation>{title}: {read} von {total} Telefonanlagen gelesen, {failed} nicht lesbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title}: all {total} PBXs read.</source>
        <translation>{title}: alle {total} Telefonanlagen gelesen.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Plan the rollout of {module}</source>
        <translation>Verteilung von {module} planen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Roll out {module}</source>
        <translation>{module} verteilen</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location filename="../../modmanager/gui/models/import_rows.py" line="+164"/>
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
        <location line="-113"/>
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
        <location filename="../../modmanager/gui/main_window.py" line="+95"/>
        <source>modmanager – STARFACE modules</source>
        <translation>modmanager – STARFACE-Module</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (demo)</source>
        <translation> (Demo)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>PBXs</source>
        <translation>Telefonanlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet</source>
        <translation>Anlagenübersicht</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>&amp;PBX page</source>
        <translation>&amp;Telefonanlage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Fleet view</source>
        <translation>&amp;Anlagenübersicht</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location line="+39"/>
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
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="-112"/>
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
        <location filename="../../modmanager/gui/dialogs/rollout_dialog.py" line="+107"/>
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
        <location line="+13"/>
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
        <location line="+14"/>
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
    <name>Support</name>
    <message>
        <location filename="../../modmanager/gui/support.py" line="+75"/>
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
        <location filename="../../modmanager/gui/dialogs/tags_dialog.py" line="+49"/>
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
        <location filename="../../modmanager/gui/tasks.py" line="+553"/>
        <source>another task</source>
        <translation>einem anderen Vorgang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting: {pbx} is busy with {operation}</source>
        <translation>Wartet: {pbx} ist belegt durch {operation}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>An unexpected error stopped “{title}”.</source>
        <translation>Ein unerwarteter Fehler hat „{title}“ abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again; if it happens again, save a support bundle (Help menu) and send it to your modmanager support.</source>
        <translation>Versuchen Sie es erneut; tritt der Fehler wieder auf, speichern Sie ein Support-Paket (Menü Hilfe) und senden Sie es an Ihren modmanager-Support.</translation>
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
        <location filename="../../modmanager/gui/actions.py" line="+34"/>
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
