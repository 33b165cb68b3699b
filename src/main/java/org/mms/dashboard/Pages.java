package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Paging shared by the lists: which page a request asks for, what the caption says, and the links to the page
 * before and after, which keep the list's filters. A tenant may have tens of thousands of rows; a page is read from
 * the database alone.
 */
final class Pages {

    static final int SIZE = 100;
    /** Above any page a list will have; a longer number is not one. */
    private static final int MAX_DIGITS = 7;

    private Pages() {
    }

    /** The page {@code number} asks for (its {@code page} parameter): 1 when absent or not a page number. */
    static DashboardQueries.PageRequest asked(Optional<String> number) {
        return new DashboardQueries.PageRequest(number.filter(n -> n.length() <= MAX_DIGITS && n.chars().allMatch(c -> c >= '0' && c <= '9'))
                .map(Integer::parseInt).filter(n -> n >= 1).orElse(1), SIZE);
    }

    /** {@code "20,000 migrations"}, and which of them this page shows when there are more pages than one. */
    static String caption(DashboardQueries.Page<?> page, String things) {
        String all = String.format(Locale.ROOT, "%,d %s", page.total(), things);
        if (page.pages() == 1) {
            return all;
        }
        long first = (long) (page.number() - 1) * page.size() + 1;
        return String.format(Locale.ROOT, "%s, newest first: %,d to %,d", all, first, first + page.rows().size() - 1);
    }

    /**
     * "Page 2 of 200" between links to the previous and the next page of {@code path}, each with {@code filters}
     * (parameter names and values, in order; empty values left out); nothing when there is one page.
     */
    static Markup links(String path, Map<String, String> filters, DashboardQueries.Page<?> page) {
        if (page.pages() == 1) {
            return Markup.EMPTY;
        }
        List<Markup> parts = new ArrayList<>();
        if (page.hasPrevious()) {
            parts.add(el("a", List.of("href", href(path, filters, page.number() - 1), "rel", "prev"), text("Previous")));
        }
        parts.add(el("span", List.of("class", "page"), text(String.format(Locale.ROOT, "Page %,d of %,d", page.number(), page.pages()))));
        if (page.hasNext()) {
            parts.add(el("a", List.of("href", href(path, filters, page.number() + 1), "rel", "next"), text("Next")));
        }
        return el("nav", List.of("class", "pager", "aria-label", "Pages"), Markup.join(parts));
    }

    /** The address of one page; {@link Markup} escapes it as an attribute value. */
    static String href(String path, Map<String, String> filters, int number) {
        String query = filters.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + number;
    }
}
