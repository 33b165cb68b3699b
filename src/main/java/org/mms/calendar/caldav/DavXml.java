package org.mms.calendar.caldav;

import java.io.StringWriter;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes request bodies with StAX, so that an href or a name holding {@code &} or {@code <} is
 * escaped. Prefixes {@code D} for DAV: and {@code C} for CalDAV, both declared on the root.
 */
final class DavXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    @FunctionalInterface
    interface Body {
        void write(Writer out) throws XMLStreamException;
    }

    /** A thin layer over {@link XMLStreamWriter} that knows the two namespaces. */
    static final class Writer {
        private final XMLStreamWriter xml;

        private Writer(XMLStreamWriter xml) {
            this.xml = xml;
        }

        Writer start(QName name) throws XMLStreamException {
            xml.writeStartElement(prefixOf(name), name.getLocalPart(), name.getNamespaceURI());
            return this;
        }

        Writer empty(QName name) throws XMLStreamException {
            xml.writeEmptyElement(prefixOf(name), name.getLocalPart(), name.getNamespaceURI());
            return this;
        }

        Writer attribute(String name, String value) throws XMLStreamException {
            xml.writeAttribute(name, value);
            return this;
        }

        Writer text(String text) throws XMLStreamException {
            xml.writeCharacters(text);
            return this;
        }

        Writer end() throws XMLStreamException {
            xml.writeEndElement();
            return this;
        }
    }

    private DavXml() {
    }

    static QName dav(String localName) {
        return new QName(Multistatus.DAV, localName);
    }

    static QName caldav(String localName) {
        return new QName(Multistatus.CALDAV, localName);
    }

    /** A document whose root is {@code root}, its content written by {@code body}. */
    static String document(QName root, Body body) {
        StringWriter text = new StringWriter(512);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(prefixOf(root), root.getLocalPart(), root.getNamespaceURI());
            xml.writeNamespace("D", Multistatus.DAV);
            xml.writeNamespace("C", Multistatus.CALDAV);
            body.write(new Writer(xml));
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
        return text.toString();
    }

    /** {@code <D:propfind><D:prop>…</D:prop></D:propfind>} asking for these properties. */
    static String propfind(QName... properties) {
        return document(dav("propfind"), out -> {
            out.start(dav("prop"));
            for (QName property : properties) {
                out.empty(property);
            }
            out.end();
        });
    }

    private static String prefixOf(QName name) {
        return Multistatus.CALDAV.equals(name.getNamespaceURI()) ? "C" : "D";
    }
}
