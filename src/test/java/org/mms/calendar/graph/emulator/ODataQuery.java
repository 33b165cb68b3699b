package org.mms.calendar.graph.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData options a calendar client sends: {@code $select}, {@code $top}, {@code $skiptoken},
 * {@code $expand=singleValueExtendedProperties($filter=id eq '…' or id eq '…')}, the one expansion Graph documents for
 * reading named MAPI properties with an event, and on the list of events the {@link PropertyValueFilter}. Other
 * expansions, filters and options ({@code $orderby}, {@code $count}, {@code $skip}, {@code $search}…) are refused with
 * 400 rather than ignored, so a client never believes the emulator applied what it did not.
 */
record ODataQuery(Optional<Set<String>> select, Optional<List<String>> extendedPropertyIds, Optional<Integer> top, Optional<String> skipToken,
        Optional<PropertyValueFilter> filter) {

    /** Graph's page size for calendarView when no {@code $top} is given. */
    static final int DEFAULT_PAGE = 10;
    /** The largest page Graph serves for Outlook resources; a larger {@code $top} gets this many. */
    static final int MAX_PAGE = 1000;

    private static final Pattern EXPAND = Pattern.compile("(?i)\\s*singleValueExtendedProperties\\s*(\\(\\s*\\$filter\\s*=(.*)\\))?\\s*");
    private static final Pattern ID_EQ = Pattern.compile("(?i)\\s*id\\s+eq\\s+'((?:[^']|'')*)'\\s*");

    private static final Set<String> UNDERSTOOD = Set.of("$select", "$expand", "$top", "$skiptoken", "$filter");

    static ODataQuery of(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (name.startsWith("$") && !UNDERSTOOD.contains(name)) {
                throw new BadRequest("ErrorInvalidUrlQuery", "The emulator does not apply the query option '" + name + "'.");
            }
        }
        Optional<Set<String>> select = Optional.ofNullable(parameters.get("$select")).map(ODataQuery::names);
        Optional<List<String>> ids = Optional.ofNullable(parameters.get("$expand")).map(ODataQuery::extendedPropertyIds);
        Optional<Integer> top = Optional.ofNullable(parameters.get("$top")).map(ODataQuery::top);
        Optional<PropertyValueFilter> filter = Optional.ofNullable(parameters.get("$filter")).map(PropertyValueFilter::parse);
        return new ODataQuery(select, ids, top, Optional.ofNullable(parameters.get("$skiptoken")), filter);
    }

    /** For the endpoints that apply no {@code $filter}: refuses one rather than ignore it. */
    ODataQuery withoutFilter(String endpoint) {
        if (filter.isPresent()) {
            throw new BadRequest("ErrorInvalidUrlQuery", "The emulator applies no $filter to " + endpoint + ".");
        }
        return this;
    }

    int pageSize() {
        return Math.min(top.orElse(DEFAULT_PAGE), MAX_PAGE);
    }

    private static Set<String> names(String list) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private static int top(String value) {
        try {
            int top = Integer.parseInt(value.strip());
            if (top < 1) {
                throw new NumberFormatException();
            }
            return top;
        } catch (NumberFormatException e) {
            throw new BadRequest("ErrorInvalidUrlQuery", "The value of $top, '" + value + "', is not a positive whole number.");
        }
    }

    private static List<String> extendedPropertyIds(String expand) {
        Matcher matcher = EXPAND.matcher(expand);
        if (!matcher.matches()) {
            throw new BadRequest("ErrorInvalidUrlQuery", "The emulator expands only singleValueExtendedProperties, not '" + expand + "'.");
        }
        if (matcher.group(2) == null) {
            throw new BadRequest("ErrorInvalidUrlQuery", "Expanding singleValueExtendedProperties needs a $filter on their ids.");
        }
        List<String> ids = new ArrayList<>();
        for (String clause : matcher.group(2).split("(?i)\\s+or\\s+")) {
            Matcher id = ID_EQ.matcher(clause);
            if (!id.matches()) {
                throw new BadRequest("ErrorInvalidUrlQuery", "The extended property filter understands only \"id eq '…'\" joined with or, not '" + clause + "'.");
            }
            ids.add(id.group(1).replace("''", "'"));
        }
        return ids;
    }
}
