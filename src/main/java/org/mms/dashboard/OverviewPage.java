package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;
import static org.mms.dashboard.Markup.textEl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;

/**
 * The overview: migrations per state, the pace and the time left, update messages waiting and sent, failures
 * that need someone, and the last hours as a chart. Its live part is also served alone, for the page's polling.
 */
final class OverviewPage {

    static final Duration CHART_STEP = Duration.ofMinutes(10);
    static final int CHART_BARS = 36;
    private static final int FAILURES_SHOWN = 20;

    private final Admin admin;
    private final DashboardQueries queries;
    private final Clock clock;

    OverviewPage(Admin admin, DashboardQueries queries, Clock clock) {
        this.admin = admin;
        this.queries = queries;
        this.clock = clock;
    }

    Markup page(Visitor visitor) {
        return Layout.page("Overview", visitor, "/", Markup.join(
                el("div", List.of("id", "live", "data-live", "/overview/live", "aria-live", "polite"), live(visitor)),
                el("p", List.of("class", "hint"), text("This page refreshes itself every few seconds. "), Layout.link("/", "Refresh now"))));
    }

    /** The part that changes: polled by dashboard.js and put in place of the old one. */
    Markup live(Visitor visitor) {
        Instant now = clock.instant();
        List<Views.StateCount> counts = admin.migrationSummary(visitor.tenant(), Requests.StatusQuery.all());
        long waiting = counts.stream().filter(c -> c.State().equals("Pending") || c.State().equals("InProgress"))
                .mapToLong(Views.StateCount::UserCount).sum();
        long recentMeetings = java.util.Arrays.stream(queries.migrated(visitor.tenant(), now.minus(Pace.WINDOW), Pace.WINDOW, 1)).sum();
        Pace pace = Pace.of(recentMeetings, queries.finishedSince(visitor.tenant(), now.minus(Pace.WINDOW)), waiting);
        Instant chartFrom = now.minus(CHART_STEP.multipliedBy(CHART_BARS));
        Map<String, Long> updates = queries.updates(visitor.tenant());
        return Markup.join(
                el("section", List.of("class", "cards"), states(counts), pace(pace), updates(updates, admin.updatesWaiting(visitor.tenant()))),
                failures(visitor, updates.getOrDefault("FAILED", 0L)),
                el("section", textEl("h2", "Meetings migrated, last hours"),
                        Chart.bars(queries.migrated(visitor.tenant(), chartFrom, CHART_STEP, CHART_BARS), chartFrom, CHART_STEP)),
                el("p", List.of("class", "hint"), text("As of " + Layout.time(now))));
    }

    private static Markup states(List<Views.StateCount> counts) {
        List<List<Markup>> rows = counts.stream().map(c -> List.of(text(c.State()),
                el("span", List.of("id", "state-" + c.State()), text(c.UserCount())))).toList();
        return el("div", List.of("class", "card"), Layout.table("Migrations by state", List.of("State", "UserCount"), rows));
    }

    private static Markup pace(Pace pace) {
        return el("div", List.of("class", "card"), textEl("h2", "Pace"), Layout.fields(List.of(
                new String[] {"Meetings migrated per minute", String.format(Locale.ROOT, "%.1f", pace.meetingsPerMinute())},
                new String[] {"Organizers waiting", String.valueOf(pace.waiting())},
                new String[] {"Time left", pace.leftText()})));
    }

    private static Markup updates(Map<String, Long> byState, Views.UpdatesWaiting paced) {
        long sent = byState.getOrDefault("SENT", 0L);
        long failed = byState.getOrDefault("FAILED", 0L);
        long waiting = byState.values().stream().mapToLong(Long::longValue).sum() - sent - failed;
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {"Waiting to be sent", String.valueOf(waiting)},
                new String[] {"Sent", String.valueOf(sent)},
                new String[] {"Failed for good", String.valueOf(failed)}));
        if (paced.UpdatesWaitUntil() != null) {
            // Held back by the tenant's pacing (updates per hour, quiet hours), not by a fault.
            fields.add(new String[] {"Held by pacing until", Layout.time(paced.UpdatesWaitUntil())});
        }
        return el("div", List.of("class", "card"), textEl("h2", "Update messages"), Layout.fields(fields));
    }

    private Markup failures(Visitor visitor, long failedMessages) {
        List<Views.MigrationStatus> failed = admin.migrationStatus(visitor.tenant(),
                new Requests.StatusQuery(Optional.empty(), Optional.of("Failed"), Optional.empty(), Optional.empty()));
        List<Markup> items = new ArrayList<>();
        failed.stream().limit(FAILURES_SHOWN).forEach(s -> items.add(el("li",
                Layout.link("/migrations/" + s.CorrelationId(), s.UserPrincipalName()), text(": " + s.LastMessage() + " "),
                el("span", List.of("class", "todo"), text(visitor.mayAct()
                        ? "What to do: fix what the message names (calendar store, directory, the user's calendar), then open it and choose Migrate again."
                        : "What to do: ask an operator to fix what the message names and migrate again.")))));
        if (failed.size() > FAILURES_SHOWN) {
            items.add(el("li", Layout.link("/migrations?state=Failed", (failed.size() - FAILURES_SHOWN) + " more failed migrations")));
        }
        long awaiting = admin.migrationSummary(visitor.tenant(), Requests.StatusQuery.all()).stream()
                .filter(c -> c.State().equals("AwaitingApproval")).mapToLong(Views.StateCount::UserCount).sum();
        if (awaiting > 0) {
            items.add(el("li", Layout.link("/migrations?state=AwaitingApproval", awaiting + " migrations await approval. "),
                    el("span", List.of("class", "todo"), text("What to do: an admin approves or denies them "
                            + "(Approve-CsMeetingMigration, Deny-CsMeetingMigration)."))));
        }
        if (failedMessages > 0) {
            items.add(el("li", text(failedMessages + " update messages could not be sent. "), el("span", List.of("class", "todo"),
                    text("What to do: check the mail settings (SMTP server, sender) and the service log; those attendees still have the old invitation."))));
        }
        Markup body = items.isEmpty() ? el("p", text("None.")) : el("ul", Markup.join(items));
        return el("section", List.of("class", "failures"), textEl("h2", "Failures needing action"), body);
    }
}
