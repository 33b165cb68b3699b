package org.mms.calendar.graph.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The one {@code $filter} the emulator applies to a list of events, the form Graph documents for finding resources by
 * a string extended property: {@code singleValueExtendedProperties/any(ep: ep/id eq '…' and ep/value eq '…')}. The
 * value is compared in any case, as Graph documents for filters on an extended property's value; the id as
 * {@link ExtendedPropertyId} says. Other filters ({@code contains}, {@code startswith}, {@code ne}, filters on other
 * properties) are refused with 400, so a client never believes the emulator applied them.
 */
record PropertyValueFilter(String id, String value) {

    private static final Pattern ANY = Pattern.compile("(?i)\\s*singleValueExtendedProperties/any\\(\\s*(\\w+)\\s*:"
            + "\\s*\\1/id\\s+eq\\s+'((?:[^']|'')*)'\\s+and\\s+\\1/value\\s+eq\\s+'((?:[^']|'')*)'\\s*\\)\\s*");

    static PropertyValueFilter parse(String filter) {
        Matcher matcher = ANY.matcher(filter);
        if (!matcher.matches()) {
            throw new BadRequest("ErrorInvalidUrlQuery", "The emulator filters events only by a string extended property's value, "
                    + "singleValueExtendedProperties/any(ep: ep/id eq '…' and ep/value eq '…'), not '" + filter + "'.");
        }
        return new PropertyValueFilter(unquote(matcher.group(2)), unquote(matcher.group(3)));
    }

    boolean matches(JsonNode event) {
        for (JsonNode property : event.path("singleValueExtendedProperties")) {
            if (ExtendedPropertyId.same(property.path("id").asString(""), id)
                    && property.path("value").isString() && property.path("value").asString().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    /** An OData string literal's content: a quote is written twice. */
    private static String unquote(String literal) {
        return literal.replace("''", "'");
    }
}
