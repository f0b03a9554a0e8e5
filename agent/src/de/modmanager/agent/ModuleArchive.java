package de.modmanager.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks that a file is a sound STARFACE module (.sfm) before the agent hands it to STARFACE.
 *
 * <p>A valid module is a ZIP with {@code META-INF/MANIFEST.MF} whose {@code ObjectId} equals
 * the id in {@code module-descriptor.xml}. The archive comes from the network, so reading is
 * bounded: entry count, names that stay inside the archive, sizes per entry and in total, and
 * every entry is decompressed once (a damaged file is caught here rather than on import).
 */
public final class ModuleArchive {

    public static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final int MAX_ENTRIES = 2000;
    private static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;
    private static final int MAX_MANIFEST_BYTES = 256 * 1024;

    public final String moduleId;
    public final long version;
    public final Set<String> entryNames;

    private ModuleArchive(String moduleId, long version, Set<String> entryNames) {
        this.moduleId = moduleId;
        this.version = version;
        this.entryNames = entryNames;
    }

    /** The module in {@code file}, or INVALID_MODULE naming what is wrong. */
    public static ModuleArchive check(Path file) throws Fault {
        try {
            return read(file);
        } catch (Descriptor.Invalid invalid) {
            throw new Fault(Fault.Code.INVALID_MODULE, "the file is not a valid module: " + invalid.getMessage());
        } catch (IOException | RuntimeException damaged) {
            throw new Fault(Fault.Code.INVALID_MODULE, "the file is not a valid module: it is not a readable ZIP archive");
        }
    }

    private static ModuleArchive read(Path file) throws IOException, Descriptor.Invalid {
        if (Files.size(file) > AgentInfo.MAX_UPLOAD_SIZE) {
            throw new Descriptor.Invalid("it is larger than " + AgentInfo.MAX_UPLOAD_SIZE + " bytes");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new Descriptor.Invalid("it has more than " + MAX_ENTRIES + " entries");
            }
            Set<String> names = new LinkedHashSet<String>();
            byte[] manifest = null;
            byte[] descriptor = null;
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!safeName(name)) {
                    throw new Descriptor.Invalid("the entry " + Text.clip(name, 80) + " points outside the module");
                }
                if (!names.add(name)) {
                    throw new Descriptor.Invalid("the entry " + Text.clip(name, 80) + " appears twice");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long limit = MAX_TOTAL_BYTES - total;
                if (MANIFEST.equals(name)) {
                    limit = Math.min(limit, MAX_MANIFEST_BYTES);
                } else if (Descriptor.FILE_NAME.equals(name)) {
                    limit = Math.min(limit, Descriptor.MAX_BYTES);
                }
                boolean keep = MANIFEST.equals(name) || Descriptor.FILE_NAME.equals(name);
                ByteArrayOutputStream content = keep ? new ByteArrayOutputStream() : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    total += copyBounded(in, content, limit, name);
                }
                if (MANIFEST.equals(name)) {
                    manifest = content.toByteArray();
                } else if (Descriptor.FILE_NAME.equals(name)) {
                    descriptor = content.toByteArray();
                }
            }
            if (descriptor == null) {
                throw new Descriptor.Invalid("it has no " + Descriptor.FILE_NAME);
            }
            if (manifest == null) {
                throw new Descriptor.Invalid("it has no " + MANIFEST);
            }
            Descriptor parsed = Descriptor.parse(descriptor);
            String objectId = manifestAttribute(manifest, "ObjectId");
            if (objectId == null || !objectId.trim().equalsIgnoreCase(parsed.id)) {
                throw new Descriptor.Invalid("the manifest's ObjectId does not match the descriptor's module id");
            }
            return new ModuleArchive(parsed.id, parsed.version, names);
        }
    }

    /**
     * Reads {@code in} to its end, into {@code out} unless that is null, refusing more than
     * {@code limit} bytes; returns the number of bytes read.
     */
    static long copyBounded(InputStream in, java.io.OutputStream out, long limit, String name)
            throws IOException, Descriptor.Invalid {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw new Descriptor.Invalid("the entry " + Text.clip(name, 80) + " unpacks to more than allowed");
            }
            if (out != null) {
                out.write(buffer, 0, n);
            }
        }
        return read;
    }

    /** The entry {@code name} of the ZIP {@code file}, at most {@code limit} bytes, or null. */
    public static byte[] readEntry(Path file, String name, int limit) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = zip.getInputStream(entry)) {
                copyBounded(in, out, limit, name);
            }
            return out.toByteArray();
        } catch (IOException | Descriptor.Invalid | RuntimeException unreadable) {
            return null;
        }
    }

    /** The value of {@code key} in a manifest's main section (continuation lines joined). */
    static String manifestAttribute(byte[] manifest, String key) {
        String text = new String(manifest, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        String found = null;
        boolean inKey = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(" ")) {
                if (inKey) {
                    found += line.substring(1);
                }
                continue;
            }
            int colon = line.indexOf(':');
            inKey = colon > 0 && line.substring(0, colon).equals(key);
            if (inKey) {
                String value = line.substring(colon + 1);
                found = value.startsWith(" ") ? value.substring(1) : value;
            }
        }
        return found;
    }

    /** An entry name that stays inside the archive (no absolute path, no "..", no backslash). */
    static boolean safeName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0
                || name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if ("..".equals(part)) {
                return false;
            }
        }
        return true;
    }
}
