package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.Mailbox;
import org.mms.directory.User;
import org.mms.migration.MigrationType;
import org.mms.sample.SampleOrganization;
import org.mms.testing.GoldenRule;
import org.mms.testing.ServiceHarness;
import org.mms.testing.UnfoldedText;

/**
 * The tenant's custom footer as admins set it ({@code Set-CsTenantMigrationConfiguration -CustomFooterText
 * -CustomFooterHtml}): kept in the database, shown by {@code Get-CsTenantMigrationConfiguration}, written at the end
 * of every block the next migration renders, and no reason to update a meeting that already shows it. Hostile HTML
 * is refused by name and changes nothing.
 */
class CustomFooterSettingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String TEXT = "Join from a video conferencing device: alice@video.contoso.com\nContoso IT Help Desk: extension 4357";
    private static final String HTML = "<p>Join from a <b>video conferencing device</b>: alice@video.contoso.com<br>"
            + "Contoso IT Help Desk: <a href=\"tel:+14255554357\">extension 4357</a></p>";

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(2);

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private static Requests.MigrationConfigurationChange footer(Optional<String> text, Optional<String> html) {
        Optional<Boolean> none = Optional.empty();
        return new Requests.MigrationConfigurationChange(none, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), none, none, Optional.empty(), text, html);
    }

    @Test
    void a_footer_set_by_an_admin_is_shown_back_and_ends_every_block_the_next_migration_writes() {
        Views.MigrationConfiguration set = service.admin.setMigrationConfiguration(ServiceHarness.TENANT,
                footer(Optional.of(TEXT), Optional.of(HTML)));
        Views.MigrationConfiguration shown = service.admin.migrationConfiguration(ServiceHarness.TENANT);

        assertThat(set).isEqualTo(shown);
        assertThat(shown.CustomFooterText()).isEqualTo(TEXT);
        assertThat(shown.CustomFooterHtml()).isEqualTo(HTML);
        assertThat(shown.SettleWindowSeconds()).as("the other settings stay as they were").isEqualTo(600);

        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 20, 5));
        Map<String, byte[]> before = storedCalendar(alice);
        migrate(alice);

        List<String> changed = new ArrayList<>();
        storedCalendar(alice).forEach((href, after) -> {
            if (!Arrays.equals(before.get(href), after)) {
                GoldenRule.checkResource(before.get(href), after);
                changed.add(UnfoldedText.of(after));
            }
        });
        assertThat(changed).isNotEmpty().allSatisfy(ics -> assertThat(ics)
                .contains("Join from a video conferencing device: alice@video.contoso.com\\nContoso IT Help Desk: extension 4357\\n" + "_".repeat(80))
                .contains("Contoso IT Help Desk: <a href=\"tel:+14255554357\">extension 4357</a></p></div>"));

        Map<String, byte[]> once = storedCalendar(alice);
        migrate(alice);
        assertThat(lastStatus(alice).InvitesUpdate()).as("the meetings already show the footer").isZero();
        once.forEach((href, bytes) -> assertThat(storedCalendar(alice).get(href)).isEqualTo(bytes));
    }

    @Test
    void hostile_html_is_refused_naming_the_parameter_and_the_footer_stays_as_it_was() {
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, footer(Optional.of(TEXT), Optional.empty()));

        assertThatThrownBy(() -> service.admin.setMigrationConfiguration(ServiceHarness.TENANT,
                footer(Optional.empty(), Optional.of("<p onmouseover=\"steal()\">Help</p><script>steal()</script>"))))
                .isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("CustomFooterHtml must not contain event handlers (onmouseover on <p>)")
                .hasMessageContaining("CustomFooterHtml must not contain <script>");
        assertThatThrownBy(() -> service.admin.setMigrationConfiguration(ServiceHarness.TENANT,
                footer(Optional.of("Help\n" + ".".repeat(137)), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("CustomFooterText must not have a line of dots");

        Views.MigrationConfiguration shown = service.admin.migrationConfiguration(ServiceHarness.TENANT);
        assertThat(shown.CustomFooterText()).isEqualTo(TEXT);
        assertThat(shown.CustomFooterHtml()).isEqualTo("Join from a video conferencing device: alice@video.contoso.com<br>"
                + "Contoso IT Help Desk: extension 4357");
    }

    @Test
    void an_empty_text_removes_the_footer_and_other_changes_leave_it_alone() {
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, footer(Optional.of(TEXT), Optional.of(HTML)));
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        service.admin.setDialInTenantSettings(ServiceHarness.TENANT, new Requests.DialInTenantSettingsChange(Optional.of(true),
                Optional.empty()));

        assertThat(service.admin.migrationConfiguration(ServiceHarness.TENANT).CustomFooterHtml()).isEqualTo(HTML);

        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, footer(Optional.of(""), Optional.empty()));

        Views.MigrationConfiguration shown = service.admin.migrationConfiguration(ServiceHarness.TENANT);
        assertThat(shown.CustomFooterText()).isNull();
        assertThat(shown.CustomFooterHtml()).isNull();
    }

    private SampleOrganization.Organizer teamsUser() {
        return org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow();
    }

    private void migrate(SampleOrganization.Organizer organizer) {
        service.admin.startMigration(ServiceHarness.TENANT, organizer.upn(), new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT));
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);
        assertThat(lastStatus(organizer).State()).isEqualTo("Succeeded");
    }

    private Views.MigrationStatus lastStatus(SampleOrganization.Organizer organizer) {
        return service.admin.migrationStatus(ServiceHarness.TENANT, new Requests.StatusQuery(Optional.of(organizer.upn()),
                Optional.empty(), Optional.empty(), Optional.empty())).getLast();
    }

    private Map<String, byte[]> storedCalendar(SampleOrganization.Organizer organizer) {
        User user = service.directory.findUser(ServiceHarness.TENANT, organizer.upn()).orElseThrow().value();
        Map<String, byte[]> resources = new HashMap<>();
        service.store.forEachCandidate(new Mailbox(ServiceHarness.TENANT, user.id()), NOW, NOW.plus(Duration.ofDays(3650)), 50,
                r -> resources.put(r.ref().href(), r.data()));
        return resources;
    }
}
