package de.modmanager.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chunked, resumable uploads of module files, kept in {@code uploads/} of the data folder.
 *
 * <p>Each upload is {@code <id>.json} (size, SHA-256, file name, committed, module id and
 * version once committed; rewritten atomically) and {@code <id>.part} (the bytes received so
 * far; its length is the offset). Bounded: at most {@link #MAX_PENDING} uploads (the oldest is
 * discarded for a new one) and none untouched for more than a day. Callers hold
 * {@link DataDir#locked}.
 */
public final class Uploads {

    public static final int MAX_PENDING = 8;
    public static final long EXPIRY_MILLIS = 24L * 60 * 60 * 1000;
    private static final int MAX_FILE_NAME_CHARS = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;

    public Uploads(DataDir dir) {
        this.folder = dir.resolve("uploads");
    }

    /** One upload as stored. */
    public static final class Upload {
        public final String id;
        public final long size;
        public final String sha256;
        public final String fileName;
        public final boolean committed;
        public final String moduleId;
        public final long version;
        public final long received;

        Upload(String id, long size, String sha256, String fileName, boolean committed, String moduleId, long version,
                long received) {
            this.id = id;
            this.size = size;
            this.sha256 = sha256;
            this.fileName = fileName;
            this.committed = committed;
            this.moduleId = moduleId;
            this.version = version;
            this.received = received;
        }
    }

    // --- entry points --------------------------------------------------------------------------

    /** uploadBegin: a new upload, or the pending one with the same SHA-256 and size (resumed). */
    public Map<String, Object> begin(Request request) throws Exception {
        long size = request.integer("size");
        String sha256 = request.string("sha256").toLowerCase(Locale.ROOT);
        String fileName = request.optString("fileName", "");
        byte[] data = request.optBase64("data", AgentInfo.MAX_CHUNK_SIZE);
        if (size < 1) {
            throw Fault.badRequest("size must be at least 1 byte");
        }
        if (size > AgentInfo.MAX_UPLOAD_SIZE) {
            throw new Fault(Fault.Code.UPLOAD_TOO_LARGE,
                    "the file is " + size + " bytes; the agent accepts at most " + AgentInfo.MAX_UPLOAD_SIZE);
        }
        if (!Text.isSha256Hex(sha256)) {
            throw Fault.badRequest("sha256 must be 64 hex digits");
        }
        if (fileName.length() > MAX_FILE_NAME_CHARS) {
            throw Fault.badRequest("fileName is longer than " + MAX_FILE_NAME_CHARS + " characters");
        }
        sweep();
        Upload upload = null;
        for (Upload pending : all()) {
            if (pending.sha256.equals(sha256) && pending.size == size) {
                upload = pending;
                break;
            }
        }
        if (upload == null) {
            upload = create(size, sha256, fileName);
        }
        if (data.length > 0) {
            upload = append(upload, 0, data);
        }
        return state(upload);
    }

    /** uploadStatus. */
    public Map<String, Object> status(Request request) throws Exception {
        return state(require(request.string("uploadId")));
    }

    /** uploadChunk: stores the bytes of {@code data} that continue the upload. */
    public Map<String, Object> chunk(Request request) throws Exception {
        Upload upload = require(request.string("uploadId"));
        long offset = request.integer("offset");
        byte[] data = request.base64("data", AgentInfo.MAX_CHUNK_SIZE);
        return state(append(upload, offset, data));
    }

    /** uploadCommit: checks size, SHA-256 and module; a failed check discards the upload. */
    public Map<String, Object> commit(Request request) throws Exception {
        Upload upload = commit(require(request.string("uploadId")));
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("uploadId", upload.id);
        result.put("moduleId", upload.moduleId);
        result.put("version", Long.valueOf(upload.version));
        result.put("sha256", upload.sha256);
        return result;
    }

    // --- used by the installer -----------------------------------------------------------------

    /** The upload {@code uploadId}, or UPLOAD_NOT_FOUND. */
    public Upload require(String uploadId) throws Exception {
        Upload upload = get(uploadId);
        if (upload == null) {
            throw new Fault(Fault.Code.UPLOAD_NOT_FOUND, "no upload " + Text.clip(uploadId, 80));
        }
        return upload;
    }

    /** Commits {@code upload} if it is not yet (the uploadCommit checks), returning it committed. */
    public Upload commit(Upload upload) throws Exception {
        if (upload.received < upload.size) {
            throw new Fault(Fault.Code.UPLOAD_INCOMPLETE,
                    "only " + upload.received + " of " + upload.size + " bytes were received");
        }
        if (!upload.sha256.equals(sha256Of(part(upload.id)))) {
            delete(upload.id);
            throw new Fault(Fault.Code.CHECKSUM_MISMATCH, "the received bytes do not match the announced SHA-256");
        }
        ModuleArchive module;
        try {
            module = ModuleArchive.check(part(upload.id));
        } catch (Fault invalid) {
            delete(upload.id);
            throw invalid;
        }
        Upload committed = new Upload(upload.id, upload.size, upload.sha256, upload.fileName, true, module.moduleId,
                module.version, upload.received);
        if (!upload.committed) {
            saveMeta(committed);
        }
        return committed;
    }

    /** The file holding the upload's bytes. */
    public Path part(String uploadId) {
        return folder.resolve(uploadId + ".part");
    }

    /** Forgets the upload and its bytes. */
    public void delete(String uploadId) throws IOException {
        Files.deleteIfExists(folder.resolve(uploadId + ".json"));
        Files.deleteIfExists(part(uploadId));
    }

    // --- storage -------------------------------------------------------------------------------

    private Upload create(long size, String sha256, String fileName) throws IOException {
        List<Upload> pending = all();
        while (pending.size() >= MAX_PENDING) {
            Upload oldest = pending.get(0);
            for (Upload candidate : pending) {
                if (touched(candidate.id) < touched(oldest.id)) {
                    oldest = candidate;
                }
            }
            delete(oldest.id);
            pending.remove(oldest);
        }
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        Upload upload = new Upload(Text.hex(raw), size, sha256, fileName, false, "", -1, 0);
        Files.createDirectories(folder);
        Files.write(part(upload.id), new byte[0]);
        saveMeta(upload);
        return upload;
    }

    private Upload append(Upload upload, long offset, byte[] data) throws Exception {
        if (offset < 0 || offset + data.length > upload.size) {
            throw Fault.badRequest("the chunk does not fit into the " + upload.size + " bytes announced");
        }
        if (offset > upload.received) {
            throw offsetMismatch(upload);
        }
        int overlap = (int) Math.min(data.length, upload.received - offset);
        if (overlap > 0 && !Arrays.equals(readPart(upload.id, offset, overlap), Arrays.copyOf(data, overlap))) {
            throw offsetMismatch(upload);
        }
        int tail = data.length - overlap;
        if (tail == 0) {
            return upload;
        }
        if (upload.committed) {
            throw Fault.badRequest("the upload is already committed");
        }
        try (FileChannel channel = FileChannel.open(part(upload.id), StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data, overlap, tail);
            long position = upload.received;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        }
        return new Upload(upload.id, upload.size, upload.sha256, upload.fileName, false, "", -1,
                upload.received + tail);
    }

    private static Fault offsetMismatch(Upload upload) {
        return new Fault(Fault.Code.OFFSET_MISMATCH,
                "the chunk does not continue the upload; expected offset " + upload.received);
    }

    private byte[] readPart(String uploadId, long offset, int length) throws IOException {
        byte[] out = new byte[length];
        try (FileChannel channel = FileChannel.open(part(uploadId), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(out);
            long position = offset;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
        }
        return out;
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = Text.digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return Text.hex(digest.digest());
    }

    private Upload get(String uploadId) throws IOException {
        if (uploadId == null || !uploadId.matches("[0-9a-f]{32}")) {
            return null;
        }
        Path meta = folder.resolve(uploadId + ".json");
        if (!Files.isRegularFile(meta) || Files.size(meta) > 64 * 1024) {
            return null;
        }
        Map<?, ?> map;
        try {
            Object parsed = Json.parse(new String(Files.readAllBytes(meta), "UTF-8"));
            if (!(parsed instanceof Map)) {
                return null;
            }
            map = (Map<?, ?>) parsed;
        } catch (Json.SyntaxError damaged) {
            return null;
        }
        Object size = map.get("size");
        Object sha256 = map.get("sha256");
        if (!(size instanceof Long) || !(sha256 instanceof String)) {
            return null;
        }
        long total = ((Long) size).longValue();
        Path part = part(uploadId);
        long received = Files.isRegularFile(part) ? Math.min(Files.size(part), total) : 0;
        Object version = map.get("version");
        return new Upload(uploadId, total, (String) sha256, stringOr(map.get("fileName")),
                Boolean.TRUE.equals(map.get("committed")), stringOr(map.get("moduleId")),
                version instanceof Long ? ((Long) version).longValue() : -1, received);
    }

    private static String stringOr(Object value) {
        return value instanceof String ? (String) value : "";
    }

    private void saveMeta(Upload upload) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<String, Object>();
        meta.put("size", Long.valueOf(upload.size));
        meta.put("sha256", upload.sha256);
        meta.put("fileName", upload.fileName);
        meta.put("committed", Boolean.valueOf(upload.committed));
        meta.put("moduleId", upload.moduleId);
        meta.put("version", Long.valueOf(upload.version));
        DataDir.writeAtomic(folder.resolve(upload.id + ".json"), Text.utf8(JsonWriter.write(meta)));
    }

    /** All readable uploads, in file name order. */
    private List<Upload> all() throws IOException {
        List<Upload> uploads = new ArrayList<Upload>();
        if (!Files.isDirectory(folder)) {
            return uploads;
        }
        List<String> ids = new ArrayList<String>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                ids.add(name.substring(0, name.length() - ".json".length()));
            }
        }
        java.util.Collections.sort(ids);
        for (String id : ids) {
            Upload upload = get(id);
            if (upload != null) {
                uploads.add(upload);
            }
        }
        return uploads;
    }

    /** When the upload last changed (epoch ms). */
    private long touched(String uploadId) throws IOException {
        long time = 0;
        for (Path path : new Path[] {folder.resolve(uploadId + ".json"), part(uploadId)}) {
            if (Files.exists(path)) {
                time = Math.max(time, Files.getLastModifiedTime(path).toMillis());
            }
        }
        return time;
    }

    /** Discards uploads untouched for a day and files that belong to no upload. */
    public void sweep() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Path> stale = new ArrayList<Path>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                int dot = name.indexOf('.');
                String id = dot > 0 ? name.substring(0, dot) : name;
                boolean ours = id.matches("[0-9a-f]{32}") && (name.endsWith(".json") || name.endsWith(".part"));
                if (!ours || get(id) == null) {
                    if (now - Files.getLastModifiedTime(entry).toMillis() > 60000) {
                        stale.add(entry); // leftovers (temp files, a part without meta) after a minute
                    }
                } else if (now - touched(id) > EXPIRY_MILLIS) {
                    stale.add(entry);
                }
            }
        }
        for (Path path : stale) {
            DataDir.deleteTree(path);
        }
    }

    private static Map<String, Object> state(Upload upload) {
        Map<String, Object> state = new LinkedHashMap<String, Object>();
        state.put("uploadId", upload.id);
        state.put("offset", Long.valueOf(upload.received));
        state.put("size", Long.valueOf(upload.size));
        state.put("sha256", upload.sha256);
        state.put("chunkSize", Integer.valueOf(AgentInfo.MAX_CHUNK_SIZE));
        return state;
    }
}
