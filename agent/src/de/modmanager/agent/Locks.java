package de.modmanager.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one lock a workstation holds while it changes the PBX ({@code acquireLock}).
 *
 * <p>Kept in {@code lock.json} in the data folder so that it outlives a module re-import; it
 * expires by time only. The file holds the SHA-256 of the token, never the token itself, so
 * reading the folder does not let anyone act under another workstation's lock. Callers hold
 * {@link DataDir#locked}.
 */
public final class Locks {

    public static final long DEFAULT_TTL_SECONDS = 900;
    public static final long MAX_TTL_SECONDS = 3600;
    private static final int MAX_OWNER_CHARS = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataDir dir;

    public Locks(DataDir dir) {
        this.dir = dir;
    }

    /** The lock as stored: owner, token hash, expiry (epoch ms). */
    private static final class Grant {
        final String owner;
        final String tokenHash;
        final long expires;

        Grant(String owner, String tokenHash, long expires) {
            this.owner = owner;
            this.tokenHash = tokenHash;
            this.expires = expires;
        }
    }

    /** acquireLock: a fresh token if the lock is free, expired, or held by the same owner. */
    public Map<String, Object> acquire(Request request) throws Exception {
        String owner = request.string("owner").trim();
        if (owner.isEmpty()) {
            throw Fault.badRequest("owner must not be empty");
        }
        if (owner.length() > MAX_OWNER_CHARS) {
            throw Fault.badRequest("owner is longer than " + MAX_OWNER_CHARS + " characters");
        }
        long ttl = request.optInteger("ttlSeconds", DEFAULT_TTL_SECONDS);
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            throw Fault.badRequest("ttlSeconds must be between 1 and " + MAX_TTL_SECONDS);
        }
        long now = System.currentTimeMillis();
        Grant current = read();
        if (current != null && current.expires > now && !current.owner.equals(owner)) {
            throw new Fault(Fault.Code.LOCKED, "locked by " + current.owner + " until " + Text.iso(current.expires));
        }
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String token = Text.hex(raw);
        long expires = now + ttl * 1000L;
        write(new Grant(owner, Text.hex(Text.sha256(Text.utf8(token))), expires));
        Map<String, Object> grant = new LinkedHashMap<String, Object>();
        grant.put("lockToken", token);
        grant.put("owner", owner);
        grant.put("expires", Text.iso(expires));
        return grant;
    }

    /** releaseLock: frees the lock if {@code lockToken} holds it (expired or not). */
    public Map<String, Object> release(Request request) throws Exception {
        String token = request.string("lockToken");
        Grant current = read();
        boolean released = current != null && matches(current, token);
        if (released) {
            Files.deleteIfExists(file());
        }
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("released", Boolean.valueOf(released));
        return result;
    }

    /** LOCK_REQUIRED unless the request carries the token of the current, unexpired lock. */
    public void require(Request request) throws Exception {
        Object token = request.raw("lockToken");
        Grant current = read();
        if (!(token instanceof String) || current == null || current.expires <= System.currentTimeMillis()
                || !matches(current, (String) token)) {
            throw new Fault(Fault.Code.LOCK_REQUIRED, "this call needs a valid lock token; call acquireLock first");
        }
    }

    private static boolean matches(Grant grant, String token) {
        byte[] presented = Text.utf8(Text.hex(Text.sha256(Text.utf8(token))));
        return java.security.MessageDigest.isEqual(presented, Text.utf8(grant.tokenHash));
    }

    private Path file() {
        return dir.resolve("lock.json");
    }

    private Grant read() throws IOException {
        Path path = file();
        if (!Files.isRegularFile(path) || Files.size(path) > 4096) {
            return null;
        }
        try {
            Object parsed = Json.parse(new String(Files.readAllBytes(path), "UTF-8"));
            if (!(parsed instanceof Map)) {
                return null;
            }
            Map<?, ?> map = (Map<?, ?>) parsed;
            Object owner = map.get("owner");
            Object hash = map.get("tokenSha256");
            Object expires = map.get("expires");
            if (owner instanceof String && hash instanceof String && expires instanceof Long) {
                return new Grant((String) owner, (String) hash, ((Long) expires).longValue());
            }
        } catch (Json.SyntaxError damaged) {
            // a damaged lock file is no lock
        }
        return null;
    }

    private void write(Grant grant) throws IOException {
        Map<String, Object> stored = new LinkedHashMap<String, Object>();
        stored.put("owner", grant.owner);
        stored.put("tokenSha256", grant.tokenHash);
        stored.put("expires", Long.valueOf(grant.expires));
        DataDir.writeAtomic(file(), Text.utf8(JsonWriter.write(stored)));
    }
}
