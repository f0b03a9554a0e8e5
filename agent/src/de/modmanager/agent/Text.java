package de.modmanager.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

/** Small text helpers shared by the agent: hashing, hex, ISO times, safe names. */
public final class Text {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private Text() {
    }

    /** {@code text} on one line (control characters replaced), at most 300 characters. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return out.toString();
    }

    /** At most {@code max} characters of {@code text}, for quoting user input in messages. */
    public static String clip(String text, int max) {
        String line = oneLine(text);
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    public static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    /** A fresh SHA-256 digest (every JRE has it). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JRE has no SHA-256", impossible);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Whether two secrets are equal, in time that does not depend on where they differ:
     * both are hashed first, so even their lengths do not leak.
     */
    public static boolean secretEquals(String a, String b) {
        return MessageDigest.isEqual(sha256(utf8(a)), sha256(utf8(b)));
    }

    /** {@code epochMillis} as ISO 8601 UTC with seconds, e.g. {@code 2025-08-12T07:31:47Z}. */
    public static String iso(long epochMillis) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(epochMillis));
    }

    /** Whether {@code name} may be used as one path segment (module ids, upload ids). */
    public static boolean safeSegment(String name) {
        return name != null && SAFE_SEGMENT.matcher(name).matches() && !name.contains("..");
    }

    public static boolean isSha256Hex(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }
}
