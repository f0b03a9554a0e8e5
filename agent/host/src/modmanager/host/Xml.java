package modmanager.host;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** XML reading with DTDs, external entities and XInclude switched off. */
final class Xml {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Xml() {
    }

    static Document parse(byte[] data) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setValidating(false);
        setFeature(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
        setFeature(factory, "http://apache.org/xml/features/disallow-doctype-decl", true);
        setFeature(factory, "http://xml.org/sax/features/external-general-entities", false);
        setFeature(factory, "http://xml.org/sax/features/external-parameter-entities", false);
        setFeature(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new IllegalArgumentException("external entities are refused");
        });
        return builder.parse(new InputSource(new ByteArrayInputStream(data)));
    }

    private static void setFeature(DocumentBuilderFactory factory, String name, boolean value)
            throws ParserConfigurationException {
        factory.setFeature(name, value);
    }

    static String local(Node node) {
        String name = node.getLocalName();
        if (name == null) {
            name = node.getNodeName();
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                result.add((Element) node);
            }
        }
        return result;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Element child : children(parent)) {
            if (local(child).equals(name)) {
                result.add(child);
            }
        }
        return result;
    }

    static Element child(Element parent, String name) {
        for (Element child : children(parent)) {
            if (local(child).equals(name)) {
                return child;
            }
        }
        return null;
    }

    /** A value given as attribute or as child element text (real descriptors do both); null if absent. */
    static String field(Element element, String name) {
        if (element.hasAttribute(name)) {
            return element.getAttribute(name);
        }
        Element child = child(element, name);
        return child == null ? null : child.getTextContent();
    }

    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        return text.isEmpty() ? null : text;
    }

    static String xsiType(Element element) {
        String type = element.getAttributeNS(XSI, "type");
        if (type == null || type.isEmpty()) {
            return null;
        }
        int colon = type.lastIndexOf(':');
        return colon < 0 ? type : type.substring(colon + 1);
    }
}
