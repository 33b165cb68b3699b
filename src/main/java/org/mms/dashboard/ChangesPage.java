package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Views;
import org.mms.directory.UserId;

/** The trigger decisions: every change to a user, whether it queued a migration, and why; a page at a time, newest first. */
final class ChangesPage {

    private final Admin admin;
    private final DashboardQueries queries;

    ChangesPage(Admin admin, DashboardQueries queries) {
        this.admin = admin;
        this.queries = queries;
    }

    /** The decisions of one user when {@code user} names one. */
    Markup page(Visitor visitor, Optional<String> user, DashboardQueries.PageRequest asked) {
        Optional<UserId> id = user.map(i -> new UserId(admin.users(visitor.tenant(), Optional.of(i)).getFirst().UserId()));
        DashboardQueries.Page<Views.TriggerDecision> found = queries.decisions(visitor.tenant(), id, asked);
        Markup filter = el("form", List.of("method", "get", "action", "/changes", "class", "filters"),
                Layout.labelled("user", "User", el("input", List.of("id", "user", "name", "user", "type", "text", "value", user.orElse(""),
                        "placeholder", "UPN, SIP address or UserId"))),
                el("button", List.of("type", "submit"), text("Filter")));
        return Layout.page("Changes", visitor, "/changes", Markup.join(filter, decisions(Pages.caption(found, "trigger decisions"),
                found.rows()), Pages.links("/changes", Map.of("user", user.orElse("")), found)));
    }

    static Markup decisions(String caption, List<Views.TriggerDecision> decisions) {
        List<List<Markup>> rows = decisions.stream().map(d -> List.of(text(Layout.time(d.DecidedAt())), text(d.UserPrincipalName()),
                text(d.Change()), text(d.Detail()), text(d.Decision()), text(d.MigrationType()), text(d.Reason()),
                d.CorrelationId() == null ? Markup.EMPTY : Layout.link("/migrations/" + d.CorrelationId(), d.CorrelationId()))).toList();
        return Layout.table(caption, List.of("DecidedAt", "User", "Change", "Detail", "Decision", "MigrationType", "Reason", "CorrelationId"), rows);
    }
}
