package de.modmanager.agent;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The fields of one parsed request, read with the type the protocol gives them.
 *
 * <p>A missing field or one of the wrong type is a BAD_REQUEST naming the field. JSON
 * {@code null} counts as missing for optional fields, as in the simulator.
 */
public final class Request {

    private final Map<String, Object> fields;

    public Request(Map<String, Object> fields) {
        this.fields = fields;
    }

    public boolean has(String key) {
        Object value = fields.get(key);
        return value != null && value != Json.NULL;
    }

    /** The raw value, or null when absent or JSON null. */
    public Object raw(String key) {
        return has(key) ? fields.get(key) : null;
    }

    public String string(String key) throws Fault {
        return (String) typed(require(key), key, String.class, "a string");
    }

    public String optString(String key, String fallback) throws Fault {
        return has(key) ? string(key) : fallback;
    }

    public long integer(String key) throws Fault {
        return ((Long) typed(require(key), key, Long.class, "a whole number")).longValue();
    }

    public long optInteger(String key, long fallback) throws Fault {
        return has(key) ? integer(key) : fallback;
    }

    public boolean bool(String key) throws Fault {
        return ((Boolean) typed(require(key), key, Boolean.class, "true or false")).booleanValue();
    }

    public boolean optBool(String key, boolean fallback) throws Fault {
        return has(key) ? bool(key) : fallback;
    }

    public List<?> list(String key) throws Fault {
        return (List<?>) typed(require(key), key, List.class, "an array");
    }

    /** A base64 field (standard alphabet, no line breaks) decoded, at most {@code maxBytes}. */
    public byte[] base64(String key, int maxBytes) throws Fault {
        return decodeBase64(string(key), key, maxBytes);
    }

    public byte[] optBase64(String key, int maxBytes) throws Fault {
        return has(key) ? base64(key, maxBytes) : new byte[0];
    }

    /** Decodes {@code text} (named {@code what} in messages), refusing more than {@code maxBytes}. */
    public static byte[] decodeBase64(String text, String what, int maxBytes) throws Fault {
        if ((long) text.length() / 4 * 3 > (long) maxBytes + 2) {
            throw Fault.badRequest("field '" + what + "' holds more than " + maxBytes + " bytes");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw Fault.badRequest("field '" + what + "' is not valid base64");
        }
        if (data.length > maxBytes) {
            throw Fault.badRequest("field '" + what + "' holds more than " + maxBytes + " bytes");
        }
        return data;
    }

    private Object require(String key) throws Fault {
        if (!has(key)) {
            throw Fault.badRequest("field '" + key + "' is missing");
        }
        return fields.get(key);
    }

    private static Object typed(Object value, String key, Class<?> type, String expected) throws Fault {
        if (!type.isInstance(value)) {
            throw Fault.badRequest("field '" + key + "' must be " + expected);
        }
        return value;
    }
}
