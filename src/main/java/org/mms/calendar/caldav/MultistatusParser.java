package org.mms.calendar.caldav;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a multistatus body with StAX, by namespace and local name only: servers choose their own
 * prefixes (Radicale a default namespace, Xandikos {@code ns0:}), order propstat children as they
 * like, and may put unknown elements anywhere, which are skipped. No DTDs and no external entities.
 */
final class MultistatusParser {

    private static final XMLInputFactory FACTORY = newFactory();

    private MultistatusParser() {
    }

    /** @throws IllegalArgumentException if the body is not a readable multistatus */
    static Multistatus parse(byte[] body) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                return read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a readable multistatus: " + e.getMessage(), e);
        }
    }

    private static Multistatus read(XMLStreamReader xml) throws XMLStreamException {
        xml.nextTag();
        if (!is(xml.getName(), "multistatus")) {
            throw new IllegalArgumentException("not a multistatus but " + xml.getName());
        }
        List<Multistatus.Response> responses = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (is(xml.getName(), "response")) {
                responses.add(response(xml));
            } else {
                skip(xml);
            }
        }
        return new Multistatus(responses);
    }

    private static Multistatus.Response response(XMLStreamReader xml) throws XMLStreamException {
        String href = null;
        OptionalInt status = OptionalInt.empty();
        Map<QName, Multistatus.Property> found = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            QName name = xml.getName();
            if (is(name, "href") && href == null) {
                href = xml.getElementText();
            } else if (is(name, "status")) {
                status = OptionalInt.of(statusCode(xml.getElementText()));
            } else if (is(name, "propstat")) {
                propstat(xml, found);
            } else {
                skip(xml);
            }
        }
        if (href == null) {
            throw new IllegalArgumentException("a multistatus response without an href");
        }
        return new Multistatus.Response(href.strip(), status, found);
    }

    private static void propstat(XMLStreamReader xml, Map<QName, Multistatus.Property> found) throws XMLStreamException {
        Map<QName, Multistatus.Property> properties = new HashMap<>();
        int status = 200; // a propstat must have a status; one without is read as found
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            QName name = xml.getName();
            if (is(name, "prop")) {
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    QName property = xml.getName();
                    properties.put(property, property(xml));
                }
            } else if (is(name, "status")) {
                status = statusCode(xml.getElementText());
            } else {
                skip(xml);
            }
        }
        if (status >= 200 && status < 300) {
            found.putAll(properties);
        }
    }

    /** Reads a property element to its end: its text, the hrefs in it, its children's names. */
    private static Multistatus.Property property(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        List<String> hrefs = new ArrayList<>(1);
        Set<QName> children = new LinkedHashSet<>();
        int depth = 0;
        StringBuilder href = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1) {
                        children.add(xml.getName());
                    }
                    if (is(xml.getName(), "href")) {
                        href = new StringBuilder();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        return new Multistatus.Property(text.toString(), hrefs, children);
                    }
                    if (href != null && is(xml.getName(), "href")) {
                        hrefs.add(href.toString().strip());
                        href = null;
                    }
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    text.append(xml.getText());
                    if (href != null) {
                        href.append(xml.getText());
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * The conditions a {@code DAV:error} body names (RFC 4918 §16), by local name
     * ({@code no-uid-conflict}), whether the body is that element or a multistatus whose responses
     * hold one (Xandikos); empty for any other body.
     */
    static List<String> errorConditions(byte[] body) {
        List<String> conditions = new ArrayList<>();
        if (body.length == 0) {
            return conditions;
        }
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                int errorDepth = -1;
                int depth = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (errorDepth < 0 && is(xml.getName(), "error")) {
                            errorDepth = depth;
                        } else if (errorDepth >= 0 && depth == errorDepth + 1 && !is(xml.getName(), "responsedescription")) {
                            // Cyrus puts a responsedescription (free text) beside the conditions: not one.
                            conditions.add(xml.getLocalName());
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == errorDepth) {
                            errorDepth = -1;
                        }
                        depth--;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException notXml) {
            // a text or HTML error page: no conditions to name
        }
        return conditions;
    }

    /** The code of a status line such as {@code HTTP/1.1 404 Not Found}. */
    static int statusCode(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length >= 2) {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new IllegalArgumentException("not a status line: " + line.strip());
    }

    private static boolean is(QName name, String davLocalName) {
        return Multistatus.DAV.equals(name.getNamespaceURI()) && davLocalName.equals(name.getLocalPart());
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
