package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a migration's page shows of a meeting's HTML block, by what the journal kept of it. */
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

    private static DashboardQueries.MeetingChange change(String previousHtml, String newHtml, boolean recorded) {
        return new DashboardQueries.MeetingChange("uid", null, "subject", null, "MIGRATED", null, null, "old", "new", previousHtml, newHtml,
                recorded, Instant.EPOCH);
    }
}
