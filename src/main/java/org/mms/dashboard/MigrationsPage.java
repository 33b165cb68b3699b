package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/** Every organizer's migrations with the status fields, filtered by state, time window, user and type, and searched. */
final class MigrationsPage {

    static final int ROWS_SHOWN = 500;
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
    }

    private final Admin admin;
    private final Clock clock;

    MigrationsPage(Admin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    Markup page(Visitor visitor, Filter filter) {
        Requests.StatusQuery query = new Requests.StatusQuery(filter.user(), filter.state(),
                filter.hours() == 0 ? Optional.empty() : Optional.of(clock.instant().minus(Duration.ofHours(filter.hours()))), Optional.empty());
        List<Views.MigrationStatus> found = admin.migrationStatus(visitor.tenant(), query).stream()
                .filter(s -> filter.type().map(t -> MigrationType.byDisplayName(t).orElseThrow().displayName().equals(s.MigrationType())).orElse(true))
                .filter(s -> filter.search().map(q -> matches(s, q)).orElse(true))
                .toList();
        List<List<Markup>> rows = found.stream().limit(ROWS_SHOWN).map(s -> List.of(
                Layout.link("/migrations/" + s.CorrelationId(), s.UserPrincipalName()), text(s.MigrationType()),
                el("span", List.of("class", "state " + s.State()), text(s.State())), text(s.TotalMeeting()), text(s.SucceededMeeting()),
                text(s.FailedMeeting()), text(s.InvitesUpdate()), text(s.RetryCount()), text(s.LastMessage()),
                text(Layout.time(s.CreateDate())), text(Layout.time(s.ModifiedDate())))).toList();
        String caption = found.size() > ROWS_SHOWN ? "The first " + ROWS_SHOWN + " of " + found.size() + " migrations" : found.size() + " migrations";
        return Layout.page("Migrations", visitor, "/migrations", Markup.join(form(filter), Layout.table(caption,
                List.of("User", "MigrationType", "State", "TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate",
                        "RetryCount", "LastMessage", "CreateDate", "ModifiedDate"), rows)));
    }

    private static boolean matches(Views.MigrationStatus s, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return Stream.of(s.UserPrincipalName(), s.UserId(), s.CorrelationId(), s.LastMessage())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(q));
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
