package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;

/**
 * Issue 13, defect 9: values that name something (a move's target, a user, a SIP address, a store's
 * URL) are checked where they come in and refused with the reason: NUL, line breaks, markup and
 * {@code ${...}} lookups are no part of any name, and a store URL with a password inside it is refused
 * without being repeated, and so never shown back by Get-CsCalendarStore.
 */
class NamesAreCheckedAtTheEdgeTest {

    private static final String ALICE = ServiceOnCalDavServerContract.ALICE;
    /** Each hostile value and the reason it must be refused with. */
    private static final Map<String, String> HOSTILE = Map.of(
            "pool\u000001.contoso.com", "must not contain a NUL character",
            "pool01.contoso.com\r\nX-Injected: yes", "must not contain a line break",
            "<script>alert(1)</script>", "must not contain markup",
            "${jndi:ldap://127.0.0.1:1389/a}", "must not contain a ${...} lookup");

    @TempDir
    static Path dir;
    @AutoClose
    private static MmsService service;
    private static AdminShell admin;

    @BeforeAll
    static void start() throws Exception {
        ServiceConfig config = AdminShell.onLoopback(dir.resolve("data"), 0);
        service = MmsService.start(config, Clock.systemUTC());
        admin = new AdminShell(service, config.dataDir());
        Path directory = Files.writeString(dir.resolve("directory.json"), ServiceOnCalDavServerContract.directoryJson());
        admin.run("Import-CsDirectory", "-Path", directory.toString());
    }

    @Test
    void move_cs_user_refuses_a_target_with_nul_line_breaks_markup_or_a_lookup_and_says_which() {
        HOSTILE.forEach((target, reason) -> {
            AdminShell.Outcome refused = admin.attempt("Move-CsUser", "-Identity", ALICE, "-Target", target);

            assertThat(refused.exitCode()).as(target).isNotZero();
            assertThat(refused.err()).as(target).contains("Target " + reason);
        });
        assertThat(admin.run("Get-CsOnlineUser", "-Identity", ALICE)).doesNotContain("script").doesNotContain("jndi");
    }

    @Test
    void move_cs_user_refuses_a_target_that_is_no_host_name() {
        AdminShell.Outcome refused = admin.attempt("Move-CsUser", "-Identity", ALICE, "-Target", "pool 01/contoso");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Target must be a host name");
    }

    @Test
    void a_hostile_identity_is_refused_with_the_reason_not_looked_up() {
        HOSTILE.forEach((identity, reason) -> {
            AdminShell.Outcome refused = admin.attempt("Get-CsOnlineUser", "-Identity", identity);

            assertThat(refused.exitCode()).as(identity).isNotZero();
            // A NUL in a path is refused by the web server already, as a malformed request (400).
            assertThat(refused.err()).as(identity).contains(identity.contains("\u0000") ? "malformed" : "Identity " + reason)
                    .doesNotContain("no user");
        });
    }

    @Test
    void a_hostile_sip_address_is_refused_with_the_reason() {
        HOSTILE.forEach((sip, reason) -> {
            AdminShell.Outcome refused = admin.attempt("Set-CsUser", "-Identity", ALICE, "-SipAddress", "sip:" + sip);

            assertThat(refused.exitCode()).as(sip).isNotZero();
            assertThat(refused.err()).as(sip).contains("SipAddress " + reason);
        });
    }

    @Test
    void a_store_url_with_a_password_in_it_is_refused_without_repeating_it_and_never_shown_back() {
        AdminShell.Outcome refused = admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url",
                "https://mms:hunter2-in-url@dav.contoso.com/", "-SkipValidation");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Url must not hold a user name or password").doesNotContain("hunter2");
        assertThat(admin.run("Get-CsCalendarStore")).doesNotContain("hunter2").doesNotContain("dav.contoso.com");
    }
}
