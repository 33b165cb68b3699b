package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;

import java.util.List;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Views;

/** The trigger decisions: every change to a user, whether it queued a migration, and why. */
final class ChangesPage {

    static final int ROWS_SHOWN = 500;

    private final Admin admin;

    ChangesPage(Admin admin) {
        this.admin = admin;
    }

    /** The decisions, newest first, of one user when {@code user} names one. */
    Markup page(Visitor visitor, Optional<String> user) {
        List<Views.TriggerDecision> decisions = admin.triggerDecisions(visitor.tenant(), user, Optional.empty());
        Markup filter = el("form", List.of("method", "get", "action", "/changes", "class", "filters"),
                Layout.labelled("user", "User", el("input", List.of("id", "user", "name", "user", "type", "text", "value", user.orElse(""),
                        "placeholder", "UPN, SIP address or UserId"))),
                el("button", List.of("type", "submit"), text("Filter")));
        return Layout.page("Changes", visitor, "/changes", Markup.join(filter, decisions(decisions.size() > ROWS_SHOWN
                ? "The newest " + ROWS_SHOWN + " of " + decisions.size() + " trigger decisions" : decisions.size() + " trigger decisions",
                decisions.stream().limit(ROWS_SHOWN).toList())));
    }

    static Markup decisions(String caption, List<Views.TriggerDecision> decisions) {
        List<List<Markup>> rows = decisions.stream().map(d -> List.of(text(Layout.time(d.DecidedAt())), text(d.UserPrincipalName()),
                text(d.Change()), text(d.Detail()), text(d.Decision()), text(d.MigrationType()), text(d.Reason()),
                d.CorrelationId() == null ? Markup.EMPTY : Layout.link("/migrations/" + d.CorrelationId(), d.CorrelationId()))).toList();
        return Layout.table(caption, List.of("DecidedAt", "User", "Change", "Detail", "Decision", "MigrationType", "Reason", "CorrelationId"), rows);
    }
}
