package org.mms.ical;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /**
     * How deep components may nest, the VCALENDAR counted. Real calendars nest three levels
     * (VCALENDAR, VEVENT, VALARM); anything far deeper is hostile or broken, and a meeting holding it
     * fails as unreadable rather than costing time and memory on every pass over it.
     */
    public static final int MAX_DEPTH = 32;

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

    /** A component whose END line has not been read yet. */
    private record Open(String name, ContentLine begin, List<ContentLine> properties, List<Component> children) {
    }

    /**
     * Reads one component from {@code lines[next]} on, leaving {@code next} after its END line. An
     * explicit stack rather than recursion: how deep the input nests must never decide whether the
     * thread's stack overflows.
     */
    private static Component parse(List<ContentLine> lines, int[] next) {
        ContentLine first = lines.get(next[0]);
        if (!first.hasName("BEGIN")) {
            throw new IcalFormatException("expected BEGIN:, found: " + first);
        }
        ArrayDeque<Open> open = new ArrayDeque<>();
        open.push(begin(first));
        next[0]++;
        while (next[0] < lines.size()) {
            ContentLine line = lines.get(next[0]);
            next[0]++;
            Open current = open.peek();
            if (line.hasName("END")) {
                String endName = valueOf(line).toUpperCase(Locale.ROOT);
                if (!endName.equals(current.name())) {
                    throw new IcalFormatException("END:" + endName + " where END:" + current.name() + " was expected");
                }
                open.pop();
                Component done = new Component(current.name(), current.begin(), line, current.properties(),
                        current.children().isEmpty() ? List.of() : current.children());
                if (open.isEmpty()) {
                    return done;
                }
                open.peek().children().add(done);
            } else if (line.hasName("BEGIN")) {
                if (open.size() >= MAX_DEPTH) {
                    throw new IcalFormatException("components nested more than " + MAX_DEPTH + " levels deep");
                }
                open.push(begin(line));
            } else {
                current.properties().add(line);
            }
        }
        throw new IcalFormatException("BEGIN:" + open.peek().name() + " without END:" + open.peek().name());
    }

    private static Open begin(ContentLine line) {
        return new Open(valueOf(line).toUpperCase(Locale.ROOT), line, new ArrayList<>(48), new ArrayList<>(2));
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
