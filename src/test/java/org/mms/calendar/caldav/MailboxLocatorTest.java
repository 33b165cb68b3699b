package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.mms.calendar.Mailbox;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

class MailboxLocatorTest {

    private static final URI BASE = URI.create("https://dav.contoso.com/dav");

    @Test
    void a_template_puts_tenant_and_user_under_the_base_url() {
        MailboxLocator locator = MailboxLocator.template(BASE, "/calendars/{tenant}/{user}/default");

        assertThat(locator.calendarOf(new Mailbox(new TenantId("contoso"), new UserId("alice"))))
                .isEqualTo(URI.create("https://dav.contoso.com/dav/calendars/contoso/alice/default/"));
    }

    @Test
    void ids_are_encoded_as_one_segment_so_they_cannot_reach_another_path() {
        MailboxLocator locator = MailboxLocator.template(BASE, "/{user}/calendar/");

        assertThat(locator.calendarOf(new Mailbox(new TenantId("t"), new UserId("../bob/x y@z"))))
                .isEqualTo(URI.create("https://dav.contoso.com/dav/..%2Fbob%2Fx%20y@z/calendar/"));
        assertThat(locator.calendarOf(new Mailbox(new TenantId("t"), new UserId(".."))))
                .isEqualTo(URI.create("https://dav.contoso.com/dav/%2E%2E/calendar/"));
    }

    @Test
    void a_template_without_the_user_is_refused() {
        assertThatThrownBy(() -> MailboxLocator.template(BASE, "/shared/calendar/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{user}");
    }
}
