package org.mms.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A component (VEVENT, VALARM, VTIMEZONE…) over raw bytes: its BEGIN and END lines, its own property
 * lines and its nested components. Property lookups never see a nested component's lines, so a
 * VALARM's DESCRIPTION is not mistaken for the event's.
 */
public final class Component {

    private final String name;
    private final ContentLine begin;
    private final ContentLine end;
    private final List<ContentLine> properties;
    private final List<Component> children;

    private Component(String name, ContentLine begin, ContentLine end, List<ContentLine> properties, List<Component> children) {
        this.name = name;
        this.begin = begin;
        this.end = end;
        this.properties = properties;
        this.children = children;
    }

    /** Parses the single component that {@code buf[from, to)} holds (BEGIN line first, END line last). */
    public static Component parse(byte[] buf, int from, int to) {
        List<ContentLine> lines = ContentLines.scan(buf, from, to);
        if (lines.isEmpty()) {
            throw new IcalFormatException("empty component");
        }
        int[] next = {0};
        Component c = parse(lines, next);
        while (next[0] < lines.size()) {
            if (lines.get(next[0]).contentEnd() > lines.get(next[0]).start()) {
                throw new IcalFormatException("content after END:" + c.name + ": " + lines.get(next[0]));
            }
            next[0]++;
        }
        return c;
    }

    public static Component parse(byte[] buf) {
        return parse(buf, 0, buf.length);
    }

    private static Component parse(List<ContentLine> lines, int[] next) {
        ContentLine begin = lines.get(next[0]);
        if (!begin.hasName("BEGIN")) {
            throw new IcalFormatException("expected BEGIN:, found: " + begin);
        }
        String name = valueOf(begin).toUpperCase(java.util.Locale.ROOT);
        next[0]++;
        List<ContentLine> props = new ArrayList<>(48);
        List<Component> children = List.of();
        while (next[0] < lines.size()) {
            ContentLine line = lines.get(next[0]);
            if (line.hasName("END")) {
                String endName = valueOf(line).toUpperCase(java.util.Locale.ROOT);
                if (!endName.equals(name)) {
                    throw new IcalFormatException("END:" + endName + " where END:" + name + " was expected");
                }
                next[0]++;
                return new Component(name, begin, line, props, children);
            }
            if (line.hasName("BEGIN")) {
                if (children.isEmpty()) {
                    children = new ArrayList<>(2);
                }
                children.add(parse(lines, next));
                continue;
            }
            props.add(line);
            next[0]++;
        }
        throw new IcalFormatException("BEGIN:" + name + " without END:" + name);
    }

    private static String valueOf(ContentLine line) {
        byte[] b = line.unfolded();
        int colon = ContentLine.indexOf(b, (byte) ':', 0, b.length);
        return new String(b, colon + 1, b.length - colon - 1, StandardCharsets.UTF_8).trim();
    }

    public String name() {
        return name;
    }

    public ContentLine beginLine() {
        return begin;
    }

    public ContentLine endLine() {
        return end;
    }

    /** Offset of the component's first byte. */
    public int start() {
        return begin.start();
    }

    /** Offset after the component's END line and its line ending. */
    public int end() {
        return end.end();
    }

    /** The component's own property lines, in file order. */
    public List<ContentLine> properties() {
        return properties;
    }

    public List<Component> children() {
        return children;
    }

    /** The first own line with this (upper-case) name. */
    public Optional<ContentLine> first(String upperName) {
        for (ContentLine line : properties) {
            if (line.hasName(upperName)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** Whether the component has an own line with this (upper-case) name. */
    public boolean has(String upperName) {
        return first(upperName).isPresent();
    }

    /** Every own line with this (upper-case) name. */
    public List<ContentLine> all(String upperName) {
        List<ContentLine> found = new ArrayList<>(2);
        for (ContentLine line : properties) {
            if (line.hasName(upperName)) {
                found.add(line);
            }
        }
        return found;
    }

    /** The parsed first property with this name. */
    public Optional<Property> property(String upperName) {
        return first(upperName).map(ContentLine::property);
    }

    /** The value of the first property with this name (escapes not undone), trimmed. */
    public Optional<String> value(String upperName) {
        return property(upperName).map(p -> p.value().trim());
    }
}
