package de.modmanager.agent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few facts the agent needs from a {@code module-descriptor.xml}: id, version, type.
 *
 * <p>Read with a streaming parser that stops after the root's direct children, with DTDs and
 * external entities off; a descriptor that declares a DOCTYPE is refused outright (real ones
 * never do, and it is the usual vehicle of XML attacks). A field may be an attribute of
 * {@code <module>} or a child element, as modmanager's own reader accepts.
 */
public final class Descriptor {

    public static final String FILE_NAME = "module-descriptor.xml";
    /** Real descriptors are at most ~50 KB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public final String id;
    public final long version;
    public final String moduleType;

    private Descriptor(String id, long version, String moduleType) {
        this.id = id;
        this.version = version;
        this.moduleType = moduleType;
    }

    /** Thrown when the bytes are not a usable descriptor; the message is one sentence. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static Descriptor parse(byte[] xml) throws Invalid {
        String head = new String(xml, 0, Math.min(xml.length, MAX_BYTES), StandardCharsets.ISO_8859_1);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw new Invalid("the module descriptor declares a DTD, which is refused for safety");
        }
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // skip prolog and comments
            }
            if (!reader.isStartElement() || !"module".equals(reader.getLocalName())) {
                throw new Invalid("the module descriptor does not start with a <module> element");
            }
            String id = reader.getAttributeValue(null, "id");
            String version = reader.getAttributeValue(null, "version");
            String type = reader.getAttributeValue(null, "moduleType");
            int depth = 1;
            while (depth > 0 && reader.hasNext() && (id == null || version == null || type == null)) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        String name = reader.getLocalName();
                        if (id == null && "id".equals(name)) {
                            id = reader.getElementText();
                            depth--;
                        } else if (version == null && "version".equals(name)) {
                            version = reader.getElementText();
                            depth--;
                        } else if (type == null && "moduleType".equals(name)) {
                            type = reader.getElementText();
                            depth--;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            id = id == null ? "" : id.trim();
            if (id.isEmpty()) {
                throw new Invalid("the module descriptor has no module id");
            }
            String versionText = version == null ? "" : version.trim();
            if (!versionText.matches("[0-9]{1,18}")) {
                throw new Invalid("the module descriptor's version is not a whole number");
            }
            return new Descriptor(id, Long.parseLong(versionText), type == null ? "" : type.trim());
        } catch (XMLStreamException | RuntimeException broken) {
            throw new Invalid("the module descriptor is not well-formed XML");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }
}
