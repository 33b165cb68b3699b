package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Views;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/**
 * Every organizer's migrations with the status fields, filtered by state, time window, user and type, and searched,
 * one page of {@value Pages#SIZE} at a time, newest first: the filters and the paging are the database's work.
 */
final class MigrationsPage {

    private static final List<String> STATES = MigrationState.SUMMARY_ORDER.stream().map(MigrationState::displayName).toList();
    /** The time windows offered, in hours (0: any time). */
    private static final List<Integer> WINDOWS = List.of(0, 1, 24, 168);

    /** The filters as the form sent them; every one optional and checked before use. */
    record Filter(Optional<String> state, int hours, Optional<String> user, Optional<String> type, Optional<String> search) {
        Filter {
            state = state.filter(STATES::contains);
            hours = WINDOWS.contains(hours) ? hours : 0;
            type = type.filter(t -> MigrationType.byDisplayName(t).isPresent());
        }

        /** As the links to other pages carry them. */
        Map<String, String> parameters() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("state", state.orElse(""));
            p.put("hours", hours == 0 ? "" : String.valueOf(hours));
            p.put("user", user.orElse(""));
            p.put("type", type.orElse(""));
            p.put("q", search.orElse(""));
            return p;
        }
    }

    private final Admin admin;
    private final DashboardQueries queries;
    private final Clock clock;

    MigrationsPage(Admin admin, DashboardQueries queries, Clock clock) {
        this.admin = admin;
        this.queries = queries;
        this.clock = clock;
    }

    Markup page(Visitor visitor, Filter filter, DashboardQueries.PageRequest asked) {
        // An identity that names no user is refused (not found) rather than read as "no migrations".
        Optional<UserId> user = filter.user().map(i -> new UserId(admin.users(visitor.tenant(), Optional.of(i)).getFirst().UserId()));
        DashboardQueries.MigrationFilter query = new DashboardQueries.MigrationFilter(user,
                filter.state().flatMap(MigrationState::byDisplayName),
                filter.hours() == 0 ? Optional.empty() : Optional.of(clock.instant().minus(Duration.ofHours(filter.hours()))),
                filter.type().flatMap(MigrationType::byDisplayName), filter.search());
        DashboardQueries.Page<Views.MigrationStatus> found = queries.migrations(visitor.tenant(), query, asked);
        List<List<Markup>> rows = found.rows().stream().map(s -> List.of(
                Layout.link("/migrations/" + s.CorrelationId(), s.UserPrincipalName()), text(s.MigrationType()),
                el("span", List.of("class", "state " + s.State()), text(s.State())), text(s.TotalMeeting()), text(s.SucceededMeeting()),
                text(s.FailedMeeting()), text(s.InvitesUpdate()), text(s.RetryCount()), text(s.LastMessage()),
                text(Layout.time(s.CreateDate())), text(Layout.time(s.ModifiedDate())))).toList();
        Markup pager = Pages.links("/migrations", filter.parameters(), found);
        return Layout.page("Migrations", visitor, "/migrations", Markup.join(form(filter), Layout.table(Pages.caption(found, "migrations"),
                List.of("User", "MigrationType", "State", "TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate",
                        "RetryCount", "LastMessage", "CreateDate", "ModifiedDate"), rows), pager));
    }

    private static Markup form(Filter filter) {
        List<Markup> states = new ArrayList<>(List.of(option("", "Any state", filter.state().isEmpty())));
        STATES.forEach(s -> states.add(option(s, s, filter.state().equals(Optional.of(s)))));
        List<Markup> windows = WINDOWS.stream().map(h -> option(String.valueOf(h), h == 0 ? "Any time" : "Last " + label(h),
                filter.hours() == h)).toList();
        List<Markup> types = new ArrayList<>(List.of(option("", "Any type", filter.type().isEmpty())));
        Arrays.stream(MigrationType.values()).forEach(t -> types.add(option(t.displayName(), t.displayName(),
                filter.type().equals(Optional.of(t.displayName())))));
        return el("form", List.of("method", "get", "action", "/migrations", "class", "filters"),
                Layout.labelled("state", "State", el("select", List.of("id", "state", "name", "state"), Markup.join(states))),
                Layout.labelled("hours", "Created", el("select", List.of("id", "hours", "name", "hours"), Markup.join(windows))),
                Layout.labelled("user", "User", el("input", List.of("id", "user", "name", "user", "type", "text", "value", filter.user().orElse(""),
                        "placeholder", "UPN, SIP address or UserId"))),
                Layout.labelled("type", "Type", el("select", List.of("id", "type", "name", "type"), Markup.join(types))),
                Layout.labelled("q", "Search", el("input", List.of("id", "q", "name", "q", "type", "search", "value", filter.search().orElse("")))),
                el("button", List.of("type", "submit"), text("Filter")));
    }

    private static String label(int hours) {
        return hours % 24 == 0 ? hours / 24 + (hours == 24 ? " day" : " days") : hours + (hours == 1 ? " hour" : " hours");
    }

    private static Markup option(String value, String label, boolean selected) {
        return el("option", Arrays.asList("value", value, "selected", selected ? "selected" : null), text(label));
    }
}
