package modmanager.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** XML-RPC methodCall reading and methodResponse writing (JDK XML parser, no DTDs). */
final class XmlRpc {
    private static final int MAX_DEPTH = 32;

    private XmlRpc() {
    }

    /** A parsed methodCall. */
    static final class Call {
        final String method;
        final List<Object> params;

        Call(String method, List<Object> params) {
            this.method = method;
            this.params = params;
        }
    }

    /** A request that is not a well-formed XML-RPC call. */
    static final class BadCall extends Exception {
        private static final long serialVersionUID = 1L;

        BadCall(String message) {
            super(message);
        }
    }

    static Call parseCall(byte[] body) throws BadCall {
        Document document;
        try {
            document = Xml.parse(body);
        } catch (Exception error) {
            throw new BadCall("the request is not well-formed XML (or declares a DTD)");
        }
        Element root = document.getDocumentElement();
        if (!Xml.local(root).equals("methodCall")) {
            throw new BadCall("the request is not a methodCall");
        }
        Element name = Xml.child(root, "methodName");
        if (name == null || name.getTextContent().trim().isEmpty()) {
            throw new BadCall("the methodCall has no methodName");
        }
        List<Object> params = new ArrayList<>();
        Element paramsElement = Xml.child(root, "params");
        if (paramsElement != null) {
            for (Element param : Xml.children(paramsElement, "param")) {
                Element value = Xml.child(param, "value");
                if (value == null) {
                    throw new BadCall("a param has no value");
                }
                params.add(value(value, 0));
            }
        }
        return new Call(name.getTextContent().trim(), params);
    }

    private static Object value(Element value, int depth) throws BadCall {
        if (depth > MAX_DEPTH) {
            throw new BadCall("values nested too deeply");
        }
        List<Element> typed = Xml.children(value);
        if (typed.isEmpty()) {
            return value.getTextContent();
        }
        if (typed.size() != 1) {
            throw new BadCall("a value holds more than one element");
        }
        Element element = typed.get(0);
        String text = element.getTextContent();
        try {
            switch (Xml.local(element)) {
                case "string":
                    return text;
                case "int":
                case "i4":
                    return Integer.valueOf(text.trim());
                case "i8":
                    return Long.valueOf(text.trim());
                case "boolean":
                    if (text.trim().equals("1")) {
                        return Boolean.TRUE;
                    }
                    if (text.trim().equals("0")) {
                        return Boolean.FALSE;
                    }
                    throw new BadCall("a boolean is neither 0 nor 1");
                case "double":
                    return Double.valueOf(text.trim());
                case "base64":
                    return Base64.getMimeDecoder().decode(text.trim());
                case "dateTime.iso8601":
                    return text.trim();
                case "nil":
                    return null;
                case "struct": {
                    Map<String, Object> struct = new LinkedHashMap<>();
                    for (Element member : Xml.children(element, "member")) {
                        Element memberName = Xml.child(member, "name");
                        Element memberValue = Xml.child(member, "value");
                        if (memberName == null || memberValue == null) {
                            throw new BadCall("a struct member lacks name or value");
                        }
                        struct.put(memberName.getTextContent(), value(memberValue, depth + 1));
                    }
                    return struct;
                }
                case "array": {
                    List<Object> array = new ArrayList<>();
                    Element data = Xml.child(element, "data");
                    if (data != null) {
                        for (Element item : Xml.children(data, "value")) {
                            array.add(value(item, depth + 1));
                        }
                    }
                    return array;
                }
                default:
                    throw new BadCall("unknown value type " + Xml.local(element));
            }
        } catch (IllegalArgumentException error) {
            throw new BadCall("a " + Xml.local(element) + " value is malformed");
        }
    }

    static byte[] response(Object result) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<methodResponse><params><param>");
        encode(out, result);
        out.append("</param></params></methodResponse>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fault(int code, String message) {
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("faultCode", code);
        struct.put("faultString", message);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<methodResponse><fault>");
        encode(out, struct);
        out.append("</fault></methodResponse>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void encode(StringBuilder out, Object value) {
        out.append("<value>");
        if (value instanceof String) {
            out.append("<string>").append(escape((String) value)).append("</string>");
        } else if (value instanceof Boolean) {
            out.append("<boolean>").append((Boolean) value ? "1" : "0").append("</boolean>");
        } else if (value instanceof Integer) {
            out.append("<int>").append(value).append("</int>");
        } else if (value instanceof Number) {
            out.append("<double>").append(((Number) value).doubleValue()).append("</double>");
        } else if (value instanceof byte[]) {
            out.append("<base64>").append(Base64.getEncoder().encodeToString((byte[]) value)).append("</base64>");
        } else if (value instanceof Map) {
            out.append("<struct>");
            for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                out.append("<member><name>").append(escape(String.valueOf(member.getKey()))).append("</name>");
                encode(out, member.getValue());
                out.append("</member>");
            }
            out.append("</struct>");
        } else if (value instanceof List) {
            out.append("<array><data>");
            for (Object item : (List<?>) value) {
                encode(out, item);
            }
            out.append("</data></array>");
        } else {
            out.append("<string>").append(escape(String.valueOf(value))).append("</string>");
        }
        out.append("</value>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '\r': out.append("&#13;"); break;
                default:
                    boolean allowed = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
                    out.append(allowed ? c : '\uFFFD');
            }
        }
        return out.toString();
    }
}
