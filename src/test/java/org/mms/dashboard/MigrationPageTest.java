package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.admin.Views;
import org.mms.directory.TenantId;

/** What a migration's page shows of a meeting's HTML block, by what the journal kept of it, and the actions its state allows. */
class MigrationPageTest {

    @Test
    void aMeetingJournaledBeforeTheHtmlBlockWasKeptSaysNotRecordedAndOneWithoutHtmlBodySaysSo() {
        DashboardQueries.MeetingChange before = change(null, null, false);
        DashboardQueries.MeetingChange textOnly = change(null, null, true);
        DashboardQueries.MeetingChange html = change("<p>old</p>", "<p>new</p>", true);

        assertThat(MigrationPage.rendered(before).html()).contains("HTML block: not recorded").doesNotContain("iframe");
        assertThat(MigrationPage.rendered(textOnly).html()).contains("No HTML body").doesNotContain("iframe");
        assertThat(MigrationPage.rendered(html).html()).contains("<iframe sandbox=\"\" srcdoc=\"&lt;!DOCTYPE html&gt;", "&lt;p&gt;old&lt;/p&gt;",
                "&lt;p&gt;new&lt;/p&gt;");
    }

    @Test
    void aPendingMigrationOffersDenyOnlyOnceItsOrganizerWasSentTheNotice() {
        Visitor operator = new Visitor(new Caller(Optional.of(new TenantId("contoso")), "ops", Role.OPERATOR),
                new Sessions.Session("s", "token", "csrf-1", Instant.EPOCH));
        Views.MigrationStatus pending = new Views.MigrationStatus("u1", "alice@contoso.com", "c-1", "SfbToTeams", "Pending", 0, 0, 0, 0, 0,
                "notice sent to the organizer (3 meetings to update)", Instant.EPOCH, Instant.EPOCH);

        String told = MigrationPage.actions(operator, pending, Optional.of(Instant.parse("2026-03-02T10:00:00Z"))).html();
        String notTold = MigrationPage.actions(operator, pending, Optional.empty()).html();

        assertThat(told).contains("action=\"/migrations/c-1/deny\"", "Its organizer was told at").doesNotContain("/approve");
        assertThat(notTold).doesNotContain("/deny", "/approve");
    }

    private static DashboardQueries.MeetingChange change(String previousHtml, String newHtml, boolean recorded) {
        return new DashboardQueries.MeetingChange("uid", null, "subject", null, "MIGRATED", null, null, "old", "new", previousHtml, newHtml,
                recorded, Instant.EPOCH);
    }
}
