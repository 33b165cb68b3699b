package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pager the lists share: the page asked for, the caption, and links that keep the filters. */
class PagesTest {

    @Test
    void theSecondOfTwoHundredPagesLinksToTheFirstAndThirdWithTheSameFiltersAsTheReadmeShows() {
        MigrationsPage.Filter filter = new MigrationsPage.Filter(Optional.of("Succeeded"), 24, Optional.empty(), Optional.empty(),
                Optional.empty());
        DashboardQueries.Page<String> page = new DashboardQueries.Page<>(Collections.nCopies(100, "row"), 2, 100, 20_000);

        assertThat(Pages.caption(page, "migrations")).isEqualTo("20,000 migrations, newest first: 101 to 200");
        assertThat(Pages.links("/migrations", filter.parameters(), page).html()).isEqualTo("<nav class=\"pager\" aria-label=\"Pages\">"
                + "<a href=\"/migrations?state=Succeeded&amp;hours=24&amp;page=1\" rel=\"prev\">Previous</a>"
                + "<span class=\"page\">Page 2 of 200</span>"
                + "<a href=\"/migrations?state=Succeeded&amp;hours=24&amp;page=3\" rel=\"next\">Next</a></nav>");
    }

    @Test
    void aFilterValueIsEncodedInTheLinkAndEscapedInTheAttribute() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "\"><script>x()</script>&page=9");
        filters.put("user", "");

        assertThat(Pages.href("/migrations", filters, 2)).isEqualTo("/migrations?q=%22%3E%3Cscript%3Ex%28%29%3C%2Fscript%3E%26page%3D9&page=2");
    }

    @Test
    void oneLastShortPageHasACaptionWithoutRangeAndNoLinks() {
        DashboardQueries.Page<String> page = new DashboardQueries.Page<>(Collections.nCopies(7, "row"), 1, 100, 7);

        assertThat(Pages.caption(page, "trigger decisions")).isEqualTo("7 trigger decisions");
        assertThat(Pages.links("/changes", Map.of(), page)).isEqualTo(Markup.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1e3", "99999999", " 2", "２"})
    void aPageNumberThatIsNoneIsTheFirstPage(String asked) {
        assertThat(Pages.asked(Optional.of(asked)).number()).isEqualTo(1);
    }

    @Test
    void aPagePastTheEndIsServedAsTheLast() {
        assertThat(Pages.asked(Optional.of("7")).number()).isEqualTo(7);
        assertThat(DashboardQueries.Page.within(new DashboardQueries.PageRequest(7, 100), 250).number()).isEqualTo(3);
        assertThat(DashboardQueries.Page.within(new DashboardQueries.PageRequest(7, 100), 0).number()).isEqualTo(1);
    }
}
