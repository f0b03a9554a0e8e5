package de.modmanager.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader (RFC 8259) for requests that come from the network.
 *
 * <p>The agent may use nothing but the JDK (a library of the module could clash with the one
 * STARFACE ships), so it parses JSON itself. Strict because a request that is not exactly JSON
 * is a client bug that should surface as BAD_REQUEST, not be guessed at; bounded because the
 * text comes from any STARFACE user: at most {@link #MAX_CHARS} characters and
 * {@link #MAX_DEPTH} levels of nesting, duplicate keys refused.
 *
 * <p>Values: objects become {@code LinkedHashMap<String, Object>}, arrays
 * {@code ArrayList<Object>}, strings {@code String}, numbers without fraction or exponent
 * {@code Long} (too large: refused), other numbers {@code Double}, {@code true}/{@code false}
 * {@code Boolean}, {@code null} the {@link #NULL} marker.
 */
public final class Json {

    /** Requests are at most 1 MiB (PROTOCOL-V2); counted in characters, bytes checked by the caller. */
    public static final int MAX_CHARS = 1024 * 1024;

    /** Deepest nesting accepted; protocol requests need 4. */
    public static final int MAX_DEPTH = 32;

    /** Stands for JSON {@code null}, so a present null differs from a missing key. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Thrown for anything that is not one complete JSON value; the message names the problem. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /** Parses {@code text} as exactly one JSON value (surrounding white space allowed). */
    public static Object parse(String text) throws SyntaxError {
        if (text == null) {
            throw new SyntaxError("the request is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new SyntaxError("the request is larger than 1 MiB");
        }
        Json parser = new Json(text);
        parser.skipSpace();
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxError {
        if (pos >= text.length()) {
            throw error("the JSON text ends early");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxError {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return result;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("an object key must be a string");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object item = value(depth);
            if (result.containsKey(key)) {
                throw error("the key \"" + Text.clip(key, 40) + "\" appears twice");
            }
            result.put(key, item);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return result;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxError {
        checkDepth(depth);
        pos++; // '['
        List<Object> result = new ArrayList<Object>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return result;
        }
        while (true) {
            skipSpace();
            result.add(value(depth));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return result;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws SyntaxError {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("a string is not closed");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    out.append(e);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    out.append(hex4());
                    break;
                default:
                    throw error("unknown escape in a string");
            }
        }
    }

    private char hex4() throws SyntaxError {
        if (pos + 4 > text.length()) {
            throw error("a \\u escape needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("a number needs digits");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.valueOf(literal);
            } catch (NumberFormatException tooLarge) {
                throw error("the number " + Text.clip(literal, 30) + " is too large");
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error("the number " + Text.clip(literal, 30) + " is too large");
        }
        return Double.valueOf(value);
    }

    private void requireDigits() throws SyntaxError {
        if (!isDigit(peek())) {
            throw error("a number needs digits");
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    private void literal(String word) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
    }

    private void expect(char c) throws SyntaxError {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void checkDepth(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("the JSON is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private SyntaxError error(String what) {
        return new SyntaxError("the request is not valid JSON: " + what + " at character " + pos);
    }
}
