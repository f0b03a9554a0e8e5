package de.modmanager.agent;

import de.vertico.starface.module.core.ModuleRegistry;
import de.vertico.starface.module.core.model.Module;
import de.vertico.starface.module.core.model.ModuleInstance;
import de.vertico.starface.module.core.model.Variable;
import de.vertico.starface.module.core.runtime.IRuntimeEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * installUploaded: hands a committed upload to {@code ModuleRegistry.importModule} and reports
 * what STARFACE did to the module's instances.
 *
 * <p>STARFACE does not say what an import changed, so the agent looks before and after:
 * instances active before and inactive after are {@code deactivatedInstances}; a value that
 * was set before and is empty or different after, a vanished instance, or internal data files
 * that vanished mean {@code settingsWiped}. The upload is consumed only when the import
 * succeeded; its bytes are kept (see {@link KeptModules}).
 *
 * <p>Installing the agent itself cannot be reported afterwards (the import replaces the
 * classes answering), so the agent answers {@code deferred: true} first and imports from a
 * background thread a moment later, then re-activates its own instances that were active.
 */
final class Installer {

    /** How long the self-update waits so the answer reaches the client first. */
    static final long SELF_UPDATE_DELAY_MILLIS = 2000;

    private Installer() {
    }

    static Map<String, Object> installUploaded(Call call) throws Exception {
        Uploads uploads = call.uploads();
        Uploads.Upload upload = uploads.commit(uploads.require(call.request.string("uploadId")));
        String moduleId = upload.moduleId;
        Module previous = call.pbx.module(moduleId);
        long previousVersion = previous == null ? -1 : previous.getVersion();
        ModuleRegistry registry = call.pbx.registry();
        Path install = call.dataDir().resolve("install").resolve(upload.id + ".sfm");
        Files.createDirectories(install.getParent());
        sweepInstallFolder(install.getParent());
        Files.copy(uploads.part(upload.id), install, StandardCopyOption.REPLACE_EXISTING);

        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("moduleId", moduleId);
        result.put("version", Long.valueOf(upload.version));
        result.put("previousVersion", Long.valueOf(previousVersion));
        if (AgentInfo.MODULE_ID.equals(moduleId)) {
            List<String> active = new ArrayList<String>();
            for (ModuleInstance instance : call.pbx.instances(moduleId)) {
                if (!instance.getDisabled()) {
                    active.add(instance.getId());
                }
            }
            keep(call, upload);
            startSelfUpdate(call.pbx.context(), registry, install, active);
            result.put("deactivatedInstances", new ArrayList<Object>());
            result.put("settingsWiped", Boolean.FALSE);
            result.put("deferred", Boolean.TRUE);
            return result;
        }

        Set<String> oldEntries = InternalData.entriesOf(call.kept().find(moduleId, previousVersion));
        Snapshot before = Snapshot.take(call.pbx, moduleId, oldEntries);
        try {
            registry.importModule(install.toString(), true);
        } catch (Exception refused) {
            throw new Fault(Fault.Code.INTERNAL, "STARFACE refused to import the module: "
                    + refused.getClass().getSimpleName() + (refused.getMessage() == null ? "" : ": " + refused.getMessage()));
        } finally {
            Files.deleteIfExists(install);
        }
        Path kept = keep(call, upload);
        // after the import every file counts: a data file of before that still exists was kept
        Snapshot after = Snapshot.take(call.pbx, moduleId, java.util.Collections.<String>emptySet());
        List<Object> deactivated = new ArrayList<Object>();
        for (Map.Entry<String, Snapshot.Instance> entry : before.instances.entrySet()) {
            Snapshot.Instance now = after.instances.get(entry.getKey());
            if (entry.getValue().active && (now == null || !now.active)) {
                deactivated.add(entry.getValue().name);
            }
        }
        result.put("deactivatedInstances", deactivated);
        result.put("settingsWiped", Boolean.valueOf(before.lostIn(after)));
        result.put("deferred", Boolean.FALSE);
        return result;
    }

    /** Removes files a failed self-update left behind (older than an hour). */
    private static void sweepInstallFolder(Path folder) throws java.io.IOException {
        long cutoff = System.currentTimeMillis() - 3600000L;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toMillis() < cutoff) {
                    DataDir.deleteTree(file);
                }
            }
        }
    }

    /** Moves the upload's bytes to the kept copies and forgets the upload. */
    private static Path keep(Call call, Uploads.Upload upload) throws Exception {
        Path kept = call.kept().keep(upload.moduleId, upload.version, upload.sha256, call.uploads().part(upload.id));
        call.uploads().delete(upload.id);
        return kept;
    }

    private static void startSelfUpdate(final IRuntimeEnvironment context, final ModuleRegistry registry,
            final Path install, final List<String> activeInstanceIds) {
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    Thread.sleep(SELF_UPDATE_DELAY_MILLIS);
                    registry.importModule(install.toString(), true);
                    for (String id : activeInstanceIds) {
                        ModuleInstance instance = registry.getInstance(id);
                        if (instance != null && instance.getDisabled()) {
                            registry.activateModuleInstance(registry.getInstance4Edit(id), true);
                        }
                    }
                } catch (Exception | LinkageError failed) {
                    AgentLog.error(context, "installing the new agent version failed", failed);
                } finally {
                    try {
                        Files.deleteIfExists(install);
                    } catch (Exception ignored) {
                        // swept with the next install
                    }
                }
            }
        }, "modmanager-agent-self-update");
        thread.setDaemon(true);
        thread.start();
    }

    /** What an import may change: each instance's state and values, the internal data files. */
    static final class Snapshot {

        static final class Instance {
            final String name;
            final boolean active;
            final Map<String, String> values;

            Instance(String name, boolean active, Map<String, String> values) {
                this.name = name;
                this.active = active;
                this.values = values;
            }
        }

        final Map<String, Instance> instances = new LinkedHashMap<String, Instance>();
        final Set<String> internalFiles = new HashSet<String>();

        static Snapshot take(Starface pbx, String moduleId, Set<String> moduleEntries) throws Exception {
            Snapshot snapshot = new Snapshot();
            if (pbx.module(moduleId) == null) {
                return snapshot;
            }
            for (ModuleInstance instance : pbx.instances(moduleId)) {
                Map<String, String> values = new LinkedHashMap<String, String>();
                List<Variable> variables = instance.getInputVars();
                if (variables != null) {
                    for (Object item : variables) {
                        if (item instanceof Variable) {
                            Variable variable = (Variable) item;
                            values.put(Values.key(variable), fingerprint(instance, variable));
                        }
                    }
                }
                snapshot.instances.put(instance.getId(),
                        new Instance(instance.getName(), !instance.getDisabled(), values));
            }
            snapshot.internalFiles.addAll(InternalData.dataFiles(moduleId, moduleEntries));
            return snapshot;
        }

        /** A value's content as text (file resources by name and size, not bytes). */
        private static String fingerprint(ModuleInstance instance, Variable variable) {
            try {
                Object value = Values.read(instance, variable);
                if (value instanceof Map && ((Map<?, ?>) value).get("data") instanceof byte[]) {
                    Map<Object, Object> copy = new LinkedHashMap<Object, Object>((Map<?, ?>) value);
                    copy.put("data", Integer.valueOf(((byte[]) copy.get("data")).length));
                    value = copy;
                }
                return value == null ? "" : JsonWriter.write(value);
            } catch (Exception unreadable) {
                return variable.getValue() == null ? "" : variable.getValue();
            }
        }

        /** Whether settings present here are gone in {@code after}. */
        boolean lostIn(Snapshot after) {
            for (Map.Entry<String, Instance> entry : instances.entrySet()) {
                Instance now = after.instances.get(entry.getKey());
                if (now == null) {
                    return true;
                }
                for (Map.Entry<String, String> value : entry.getValue().values.entrySet()) {
                    String was = value.getValue();
                    String is = now.values.get(value.getKey());
                    if (is != null && !empty(was) && !was.equals(is)) {
                        return true;
                    }
                }
            }
            return !after.internalFiles.containsAll(internalFiles);
        }

        private static boolean empty(String fingerprint) {
            return fingerprint.isEmpty() || "\"\"".equals(fingerprint) || "[]".equals(fingerprint)
                    || "{}".equals(fingerprint);
        }
    }
}
