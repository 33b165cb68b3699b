package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;
import static org.mms.dashboard.Markup.textEl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.block.BlockDiff;

/**
 * One migration: its status fields, the action to run it again, each meeting with its outcome and reason and
 * the block before and after (as a line diff of the stored text, shown, never rendered; and, for a meeting with an
 * HTML body, that body's block before and after, sanitized and rendered in sandboxed frames), and its history (the
 * user's other migrations and the decisions that queued them).
 */
final class MigrationPage {

    private final Admin admin;
    private final DashboardQueries queries;

    MigrationPage(Admin admin, DashboardQueries queries) {
        this.admin = admin;
        this.queries = queries;
    }

    /** The migration of that correlation id in the visitor's tenant, if there is one. */
    Optional<Views.MigrationStatus> find(Visitor visitor, String correlationId) {
        return admin.migration(visitor.tenant(), correlationId);
    }

    Markup page(Visitor visitor, Views.MigrationStatus status) {
        List<Markup> parts = new ArrayList<>();
        parts.add(Layout.fields(List.of(new String[] {"User", status.UserPrincipalName()}, new String[] {"UserId", status.UserId()},
                new String[] {"CorrelationId", status.CorrelationId()}, new String[] {"MigrationType", status.MigrationType()},
                new String[] {"State", status.State()}, new String[] {"TotalMeeting", String.valueOf(status.TotalMeeting())},
                new String[] {"SucceededMeeting", String.valueOf(status.SucceededMeeting())},
                new String[] {"FailedMeeting", String.valueOf(status.FailedMeeting())},
                new String[] {"InvitesUpdate", String.valueOf(status.InvitesUpdate())},
                new String[] {"RetryCount", String.valueOf(status.RetryCount())}, new String[] {"LastMessage", status.LastMessage()},
                new String[] {"CreateDate", Layout.time(status.CreateDate())}, new String[] {"ModifiedDate", Layout.time(status.ModifiedDate())})));
        if (visitor.mayAct()) {
            parts.add(actions(visitor, status, status.State().equals("Pending")
                    ? queries.noticeSentAt(visitor.tenant(), status.CorrelationId()) : Optional.empty()));
        }
        parts.add(meetings(queries.changes(visitor.tenant(), status.CorrelationId())));
        parts.add(history(visitor, status));
        return Layout.page("Migration of " + status.UserPrincipalName(), visitor, "/migrations", Markup.join(parts));
    }

    /**
     * The actions this migration's state allows: approve or deny while it awaits approval, deny while it waits after
     * the notice its organizer was sent ({@code noticeSentAt}), undo once it succeeded, migrate again.
     */
    static Markup actions(Visitor visitor, Views.MigrationStatus status, Optional<Instant> noticeSentAt) {
        String at = "/migrations/" + status.CorrelationId();
        List<Markup> forms = new ArrayList<>();
        if (status.State().equals("AwaitingApproval")) {
            forms.add(Layout.postForm(at + "/approve", visitor, "Approve", "primary"));
            forms.add(Layout.postForm(at + "/deny", visitor, "Deny", "plain"));
        }
        if (status.State().equals("Pending") && noticeSentAt.isPresent()) {
            forms.add(textEl("p", "Its organizer was told at " + Layout.time(noticeSentAt.get())
                    + " which meetings will be updated; it waits until the time the notice gave, and Deny ends it with nothing migrated."));
            forms.add(Layout.postForm(at + "/deny", visitor, "Deny", "plain"));
        }
        if (MigrateAgain.applies(status)) {
            forms.add(Layout.postForm(at + "/migrate-again", visitor, "Migrate again", "primary"));
            if (status.State().equals("Succeeded")) {
                forms.add(Layout.postForm(at + "/undo", visitor, "Undo", "plain"));
            }
        }
        return el("section", List.of("class", "actions"), textEl("h2", "Actions"), Markup.join(forms),
                textEl("p", "Migrate again queues a new migration of this organizer's meetings of the same type "
                        + "(Start-CsExMeetingMigration); Undo puts back what this migration wrote where the meeting still shows it "
                        + "(Undo-CsMeetingMigration); Approve and Deny decide a migration that awaits approval, and Deny one that waits after "
                        + "its organizer's notice."));
    }

    private static Markup meetings(List<DashboardQueries.MeetingChange> changes) {
        List<List<Markup>> rows = changes.stream().map(m -> List.of(text(m.subject()), text(Layout.time(m.start())),
                text(m.recurrenceId() == null ? "" : m.recurrenceId()), el("span", List.of("class", "outcome " + m.outcome()), text(m.outcome())),
                text(m.reason() == null ? "" : m.reason()), text(m.detail() == null ? "" : m.detail()), Markup.join(diff(m), rendered(m))))
                .toList();
        return el("section", textEl("h2", "Meetings"), Layout.table(changes.size() + " meetings",
                List.of("Subject", "Start", "Occurrence", "Outcome", "Reason", "Detail", "Block"), rows));
    }

    /** The block before (-) and after (+), line by line, as text: a block may be HTML source, which stays source here. */
    static Markup diff(DashboardQueries.MeetingChange m) {
        if (m.previousBlock() == null || m.newBlock() == null) {
            return Markup.EMPTY;
        }
        List<Markup> lines = BlockDiff.lines(m.previousBlock(), m.newBlock()).stream()
                .map(l -> el("span", List.of("class", l.startsWith("- ") ? "del" : l.startsWith("+ ") ? "ins" : "same"), text(l + "\n")))
                .toList();
        return el("details", List.of("class", "diff"), textEl("summary", "Block before (-) and after (+)"),
                el("pre", Markup.join(lines)));
    }

    /**
     * The HTML block before and after, each rendered in a frame with every sandbox restriction ({@code sandbox=""}: no
     * scripts, no forms, no popups, an origin of its own) from a sanitized copy; {@code srcdoc} is an attribute, so
     * {@link Markup} escapes it. Meetings journaled before the HTML was kept say so.
     */
    static Markup rendered(DashboardQueries.MeetingChange m) {
        if (m.previousBlock() == null || m.newBlock() == null) {
            return Markup.EMPTY;
        }
        if (!m.htmlRecorded()) {
            return el("p", List.of("class", "rendered"), text("HTML block: not recorded"));
        }
        if (m.previousHtmlBlock() == null || m.newHtmlBlock() == null) {
            return el("p", List.of("class", "rendered"), text("No HTML body"));
        }
        return el("details", List.of("class", "rendered"), textEl("summary", "HTML block before and after, rendered"),
                el("div", List.of("class", "pair"), frame("Before", m.previousHtmlBlock()), frame("After", m.newHtmlBlock())));
    }

    private static Markup frame(String label, String html) {
        return el("figure", textEl("figcaption", label), el("iframe", List.of("sandbox", "", "srcdoc", SanitizeBlockHtml.document(html),
                "title", "HTML block " + label.toLowerCase(java.util.Locale.ROOT), "referrerpolicy", "no-referrer", "loading", "lazy")));
    }

    private Markup history(Visitor visitor, Views.MigrationStatus status) {
        List<Views.MigrationStatus> migrations = admin.migrationStatus(visitor.tenant(),
                new Requests.StatusQuery(Optional.of(status.UserId()), Optional.empty(), Optional.empty(), Optional.empty()));
        List<List<Markup>> rows = migrations.stream().map(s -> List.of(
                s.CorrelationId().equals(status.CorrelationId()) ? text(s.CorrelationId() + " (this one)")
                        : Layout.link("/migrations/" + s.CorrelationId(), s.CorrelationId()),
                text(s.MigrationType()), text(s.State()), text(Layout.time(s.CreateDate())), text(s.LastMessage()))).toList();
        List<Views.TriggerDecision> decisions = admin.triggerDecisions(visitor.tenant(), Optional.of(status.UserId()), Optional.empty());
        List<List<Markup>> transitions = admin.migrationHistory(visitor.tenant(), new Requests.HistoryQuery(Optional.empty(),
                Optional.of(status.CorrelationId()), Optional.empty(), Optional.empty())).stream().map(t -> List.of(
                text(Layout.time(t.Time())), text(t.FromState()), text(t.ToState()), text(t.Attempt()), text(t.RetryCount()),
                text(t.Reason()))).toList();
        return el("section", textEl("h2", "History"),
                Layout.table("State changes of this migration", List.of("Time", "From", "To", "Attempt", "RetryCount", "Reason"), transitions),
                Layout.table("Migrations of this user", List.of("CorrelationId", "MigrationType", "State", "CreateDate", "LastMessage"), rows),
                ChangesPage.decisions("Trigger decisions for this user", decisions));
    }
}
