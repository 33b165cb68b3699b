package org.mms.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.Property;
import org.mms.ical.TextEscaping;

/**
 * What a calendar object says, independent of how it is written. CalDAV servers rewrite what they
 * store (Radicale and Xandikos reorder properties and parameters, refold, drop quotes a parameter
 * value does not need, write {@code \n} for {@code \N} and escape a {@code ;} or {@code ,} that TEXT
 * should have escaped), so two objects are compared as: each component's content lines unfolded, with
 * parameters sorted and unquoted and values with their TEXT escapes undone, sorted; then its
 * sub-components, sorted. Every property with every parameter and every character of its value must
 * be there.
 */
public final class CalendarContent {

    private CalendarContent() {
    }

    /** A text that two calendar objects share exactly when they say the same. */
    public static String of(byte[] calendar) {
        return of(calendar, CalendarContent::line);
    }

    /** The same, with each content line put in the compared form by {@code form}. */
    public static String of(byte[] calendar, Function<ContentLine, String> form) {
        return render(Component.parse(calendar), form);
    }

    /** One content line in the compared form. */
    public static String line(ContentLine line) {
        return line(line.property());
    }

    /** A property in the compared form: parameters sorted and unquoted, TEXT escapes undone. */
    public static String line(Property property) {
        List<Property.Parameter> parameters = new ArrayList<>(property.parameters());
        parameters.sort(Comparator.comparing(Property.Parameter::name));
        StringBuilder out = new StringBuilder(property.name());
        for (Property.Parameter parameter : parameters) {
            out.append(';').append(parameter.name()).append('=').append(String.join(",", parameter.values()));
        }
        return out.append(':').append(TextEscaping.unescape(property.value())).toString();
    }

    private static String render(Component component, Function<ContentLine, String> form) {
        List<String> lines = new ArrayList<>();
        for (ContentLine line : component.properties()) {
            if (!line.text().isBlank()) {
                lines.add(form.apply(line));
            }
        }
        lines.sort(null);
        List<String> children = new ArrayList<>();
        for (Component child : component.children()) {
            children.add(render(child, form));
        }
        children.sort(null);
        StringBuilder out = new StringBuilder("BEGIN:").append(component.name()).append('\n');
        lines.forEach(l -> out.append(l).append('\n'));
        children.forEach(out::append);
        return out.append("END:").append(component.name()).append('\n').toString();
    }
}
