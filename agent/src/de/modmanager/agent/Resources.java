package de.modmanager.agent;

import de.vertico.starface.module.core.model.ModuleInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The resource set of a module instance (lists, maps, files, timers behind variables).
 *
 * <p>The element class of {@code getResources()} is not known from compiled modules, so the
 * id of an element is read reflectively ({@code getId()}). Public module sources replace a
 * resource by removing the one with the same id and adding the new one, then setting the set
 * again; the agent does the same on a copy (the returned set may be unmodifiable).
 */
final class Resources {

    private Resources() {
    }

    /** Puts {@code resource} into {@code instance}'s resources in place of any with {@code id}. */
    static void replace(ModuleInstance instance, String id, Object resource) {
        Set<Object> current = instance.getResources();
        Set<Object> updated = new LinkedHashSet<Object>();
        if (current != null) {
            for (Object item : current) {
                if (item != resource && !id.equals(Reflect.string(item, "getId"))) {
                    updated.add(item);
                }
            }
        }
        updated.add(resource);
        instance.setResources(updated);
    }

    /**
     * Writes a file resource's new bytes into the agent's data folder
     * ({@code files/<instance>/<variable hash>/<file name>}) and returns the path. STARFACE gets
     * the file through {@code FileResource.setRealFile}; the agent writes nothing under the
     * instance's own folder.
     */
    static Path stage(Path files, String instanceId, String variableKey, String fileName, byte[] data)
            throws IOException {
        String instance = Text.safeSegment(instanceId) ? instanceId
                : Text.hex(Text.sha256(Text.utf8(String.valueOf(instanceId)))).substring(0, 32);
        String variable = Text.hex(Text.sha256(Text.utf8(variableKey))).substring(0, 16);
        Path folder = files.resolve(instance).resolve(variable);
        Path target = folder.resolve(safeFileName(fileName));
        DataDir.writeAtomic(target, data);
        try (java.nio.file.DirectoryStream<Path> siblings = java.nio.file.Files.newDirectoryStream(folder)) {
            for (Path sibling : siblings) {
                if (!sibling.equals(target)) {
                    DataDir.deleteTree(sibling); // the file this variable pointed to before
                }
            }
        }
        return target;
    }

    private static String safeFileName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (cleaned.length() > 100) {
            cleaned = cleaned.substring(cleaned.length() - 100);
        }
        return cleaned.isEmpty() ? "file" : cleaned;
    }
}
