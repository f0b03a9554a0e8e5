package modmanager.host;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A module file (.sfm, a JAR) read into memory with limits on entries and sizes. */
final class Sfm {
    static final String MANIFEST = "META-INF/MANIFEST.MF";
    static final String DESCRIPTOR = "module-descriptor.xml";
    static final int MAX_FILE_BYTES = 50 * 1024 * 1024;
    private static final int MAX_ENTRIES = 2000;
    private static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;
    /** Manifest attributes the Python test builders use to mark a simulated internal database. */
    private static final String[] DATABASE_ATTRIBUTES = {
        "X-Modmanager-Internal-Database", "X-Modmanager-Simulated-Internal-Database",
    };

    final byte[] data;
    /** Entry name -> content, in archive order; directories map to an empty array. */
    final Map<String, byte[]> entries;
    final Map<String, String> manifest;
    final Descriptor descriptor;

    private Sfm(byte[] data, Map<String, byte[]> entries, Map<String, String> manifest, Descriptor descriptor) {
        this.data = data;
        this.entries = Collections.unmodifiableMap(entries);
        this.manifest = Collections.unmodifiableMap(manifest);
        this.descriptor = descriptor;
    }

    /** Reads and checks a module file as STARFACE's import would; the message says what is wrong. */
    static Sfm read(byte[] data) throws SfmException {
        if (data.length > MAX_FILE_BYTES) {
            throw new SfmException("the module file is larger than " + MAX_FILE_BYTES + " bytes");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!safeName(name)) {
                    throw new SfmException("the module file has an unsafe entry name");
                }
                if (entries.containsKey(name)) {
                    throw new SfmException("the module file has a duplicate entry " + name);
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new SfmException("the module file has too many entries");
                }
                byte[] content = readLimited(zip, MAX_TOTAL_BYTES - total);
                total += content.length;
                entries.put(name, content);
            }
        } catch (IOException | IllegalArgumentException error) {
            throw new SfmException("the module file is not a readable JAR/ZIP archive");
        }
        if (entries.isEmpty()) {
            throw new SfmException("the module file is not a readable JAR/ZIP archive");
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new SfmException("Manifest fehlt!");
        }
        Map<String, String> manifest = new LinkedHashMap<>();
        try {
            Attributes main = new Manifest(new ByteArrayInputStream(manifestBytes)).getMainAttributes();
            for (Map.Entry<Object, Object> attribute : main.entrySet()) {
                manifest.put(attribute.getKey().toString(), String.valueOf(attribute.getValue()));
            }
        } catch (IOException error) {
            throw new SfmException("the manifest is not readable");
        }
        byte[] descriptorBytes = entries.get(DESCRIPTOR);
        if (descriptorBytes == null) {
            throw new SfmException("the module file has no " + DESCRIPTOR);
        }
        Descriptor descriptor = Descriptor.parse(descriptorBytes);
        String objectId = manifest.get("ObjectId");
        if (objectId == null || !objectId.trim().equals(descriptor.id)) {
            throw new SfmException("the manifest's ObjectId does not match the descriptor's module id");
        }
        String spec = manifest.get("StarfaceModule_SpecVersion");
        if (spec != null) {
            try {
                if (Integer.parseInt(spec.trim()) > 5) {
                    throw new SfmException("StarfaceModule_SpecVersion " + spec.trim() + " is newer than 5");
                }
            } catch (NumberFormatException error) {
                throw new SfmException("StarfaceModule_SpecVersion is not a number");
            }
        }
        return new Sfm(data, entries, manifest, descriptor);
    }

    /** Same rule as modmanager.simulator.state.uses_internal_database. */
    boolean usesInternalDatabase() {
        for (String name : entries.keySet()) {
            String lowered = name.toLowerCase(Locale.ROOT);
            if (lowered.startsWith("database/") || lowered.startsWith("db/")
                    || lowered.endsWith(".sql") || lowered.endsWith(".mv.db")) {
                return true;
            }
        }
        for (String attribute : DATABASE_ATTRIBUTES) {
            String flag = manifest.get(attribute);
            if (flag != null && flag.trim().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readLimited(InputStream in, long room) throws IOException, SfmException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > room) {
                throw new SfmException("the module file unpacks to more than " + MAX_TOTAL_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A module file STARFACE would refuse. */
    static final class SfmException extends Exception {
        private static final long serialVersionUID = 1L;

        SfmException(String message) {
            super(message);
        }
    }
}
