package de.modmanager.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A module's internal data: the files in its folder ({@code <moduleRepo>/<id>/}) that are not
 * part of its .sfm, packed as a ZIP that only this agent reads back.
 *
 * <p>Assumption (STARFACE.md): modules that keep settings in a module-internal database keep
 * it as files in their module folder, and uploading a module deletes that folder. Which files
 * are the module's own is exact for modules installed through the agent (the entries of the
 * kept .sfm); for others the descriptor, the manifest folder, classes and jars count as the
 * module's own and everything else as data. Restoring writes files back into the module folder
 * (the one place the agent writes outside its data folder, and only when a client asks for it),
 * never overwrites a file of the installed module and never deletes anything.
 */
public final class InternalData {

    /** Most raw bytes packed for one module (the answer must stay far below 64 MiB). */
    public static final long MAX_PACKED_BYTES = 24L * 1024 * 1024;
    private static final int MAX_FILES = 2000;
    private static final int MAX_DEPTH = 16;

    private InternalData() {
    }

    /** The relative names (with '/') of {@code moduleId}'s internal data files, sorted. */
    public static List<String> dataFiles(String moduleId, Set<String> moduleEntries) throws IOException {
        List<String> data = new ArrayList<String>();
        Path folder = DataDir.moduleFolder(moduleId);
        if (folder == null || !Files.isDirectory(folder)) {
            return data;
        }
        List<String> names = new ArrayList<String>();
        collect(folder, "", 0, names);
        Collections.sort(names);
        for (String name : names) {
            if (!belongsToModule(name, moduleEntries)) {
                data.add(name);
            }
        }
        return data;
    }

    /** The ZIP of {@code moduleId}'s internal data, or an empty array when there is none. */
    public static byte[] pack(String moduleId, Set<String> moduleEntries) throws Exception {
        Path folder = DataDir.moduleFolder(moduleId);
        List<String> data = dataFiles(moduleId, moduleEntries);
        long total = 0;
        for (String name : data) {
            total += Files.size(folder.resolve(name));
        }
        if (data.isEmpty()) {
            return new byte[0];
        }
        if (total > MAX_PACKED_BYTES || data.size() > MAX_FILES) {
            throw new Fault(Fault.Code.INTERNAL, "the internal data of module " + moduleId
                    + " is larger than the agent can transfer (" + total + " bytes in " + data.size() + " files)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : data) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(Files.getLastModifiedTime(folder.resolve(name)).toMillis());
                zip.putNextEntry(entry);
                Files.copy(folder.resolve(name), zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads a ZIP made by {@link #pack} (name -> content), refusing anything unsafe or too big.
     * Used before anything is written, so a bad blob changes nothing.
     */
    public static Map<String, byte[]> unpack(byte[] zipBytes) throws Fault {
        Map<String, byte[]> files = new LinkedHashMap<String, byte[]>();
        if (zipBytes.length == 0) {
            return files;
        }
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!ModuleArchive.safeName(name) || files.containsKey(name) || files.size() >= MAX_FILES) {
                    throw Fault.badRequest("internalData holds an unsafe, repeated or surplus entry");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                total += ModuleArchive.copyBounded(zip, content, MAX_PACKED_BYTES - total, name);
                files.put(name, content.toByteArray());
            }
        } catch (IOException | Descriptor.Invalid | IllegalArgumentException broken) {
            throw Fault.badRequest("internalData is not a ZIP archive made by the agent");
        }
        if (files.isEmpty()) {
            throw Fault.badRequest("internalData is not a ZIP archive made by the agent");
        }
        return files;
    }

    /** Writes {@code files} into {@code moduleId}'s folder, skipping the module's own files. */
    public static void restore(String moduleId, Map<String, byte[]> files, Set<String> moduleEntries)
            throws Exception {
        Path folder = DataDir.moduleFolder(moduleId);
        if (folder == null || !Files.isDirectory(folder)) {
            throw new Fault(Fault.Code.INTERNAL, "the folder of module " + moduleId + " does not exist on the PBX");
        }
        Path base = folder.toRealPath();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (belongsToModule(file.getKey(), moduleEntries)) {
                continue;
            }
            Path target = base.resolve(file.getKey()).normalize();
            if (!target.startsWith(base) || crossesLink(base, target)) {
                continue;
            }
            DataDir.writeAtomic(target, file.getValue());
        }
    }

    private static boolean crossesLink(Path base, Path target) {
        for (Path current = target; current != null && !current.equals(base); current = current.getParent()) {
            if (Files.isSymbolicLink(current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean belongsToModule(String name, Set<String> moduleEntries) {
        if (moduleEntries != null) {
            return moduleEntries.contains(name) || name.startsWith("META-INF/");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.equals(Descriptor.FILE_NAME) || name.startsWith("META-INF/") || lower.endsWith(".class")
                || lower.endsWith(".jar");
    }

    private static void collect(Path folder, String prefix, int depth, List<String> names) throws IOException {
        if (depth > MAX_DEPTH || names.size() > MAX_FILES) {
            return;
        }
        List<Path> entries = new ArrayList<Path>();
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        }
        for (Path entry : entries) {
            String name = prefix + entry.getFileName().toString();
            if (Files.isSymbolicLink(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                collect(entry, name + "/", depth + 1, names);
            } else if (Files.isRegularFile(entry)) {
                names.add(name);
            }
        }
    }

    /** Reads the entry names of a kept module file, or null when it cannot be read. */
    public static Set<String> entriesOf(Path moduleFile) {
        if (moduleFile == null) {
            return null;
        }
        try {
            return ModuleArchive.check(moduleFile).entryNames;
        } catch (Fault unreadable) {
            return null;
        }
    }
}
