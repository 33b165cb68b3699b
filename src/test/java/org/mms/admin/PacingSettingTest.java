package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.testing.ServiceHarness;

/**
 * The pacing of the tenant's update messages as admins set it ({@code Set-CsTenantMigrationConfiguration
 * -MaxUpdatesPerHour -QuietHoursStart -QuietHoursEnd -QuietHoursTimeZone -NotifyOrganizerBeforeMinutes}): kept, shown back, removable, and a bad
 * value refused by name with what it must be, changing nothing.
 */
class PacingSettingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private ServiceHarness service;

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Views.MigrationConfiguration set(Integer max, String start, String end, String zone) {
        Optional<Boolean> none = Optional.empty();
        return service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(none,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), none, none, none, Optional.empty(),
                Optional.empty(), new Requests.PacingChange(Optional.ofNullable(max), Optional.ofNullable(start), Optional.ofNullable(end),
                        Optional.ofNullable(zone))));
    }

    private Views.MigrationConfiguration shown() {
        return service.admin.migrationConfiguration(ServiceHarness.TENANT);
    }

    @Test
    void a_tenant_starts_without_pacing() {
        assertThat(shown()).extracting(Views.MigrationConfiguration::MaxUpdatesPerHour, Views.MigrationConfiguration::QuietHoursStart,
                Views.MigrationConfiguration::QuietHoursEnd, Views.MigrationConfiguration::QuietHoursTimeZone).containsExactly(0, null, null, null);
    }

    @Test
    void a_limit_and_quiet_hours_set_by_an_admin_are_shown_back() {
        Views.MigrationConfiguration set = set(500, "22:00", "06:30", "Europe/Berlin");

        assertThat(set).isEqualTo(shown());
        assertThat(shown()).extracting(Views.MigrationConfiguration::MaxUpdatesPerHour, Views.MigrationConfiguration::QuietHoursStart,
                Views.MigrationConfiguration::QuietHoursEnd, Views.MigrationConfiguration::QuietHoursTimeZone)
                .containsExactly(500, "22:00", "06:30", "Europe/Berlin");
    }

    @Test
    void parameters_not_given_keep_what_the_tenant_has_and_quiet_hours_without_a_zone_are_in_utc() {
        set(null, "23:00", "05:00", null);
        set(120, null, null, null);
        set(null, null, "04:00", null);

        assertThat(shown()).extracting(Views.MigrationConfiguration::MaxUpdatesPerHour, Views.MigrationConfiguration::QuietHoursStart,
                Views.MigrationConfiguration::QuietHoursEnd, Views.MigrationConfiguration::QuietHoursTimeZone)
                .containsExactly(120, "23:00", "04:00", "UTC");
    }

    @Test
    void zero_removes_the_limit_and_empty_times_remove_the_quiet_hours() {
        set(500, "22:00", "06:30", "America/New_York");

        set(0, "", "", null);

        assertThat(shown()).extracting(Views.MigrationConfiguration::MaxUpdatesPerHour, Views.MigrationConfiguration::QuietHoursStart,
                Views.MigrationConfiguration::QuietHoursTimeZone).containsExactly(0, null, null);
    }

    @Test
    void bad_values_are_refused_by_name_with_what_they_must_be_and_change_nothing() {
        set(60, "22:00", "06:30", "Europe/Berlin");
        Views.MigrationConfiguration before = shown();

        assertThatThrownBy(() -> set(-1, null, null, null)).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("MaxUpdatesPerHour must be from 0 (no limit) to 1000000");
        assertThatThrownBy(() -> set(null, "25:00", "7:00", null)).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("QuietHoursStart must be a time as HH:mm").hasMessageContaining("QuietHoursEnd must be a time as HH:mm");
        assertThatThrownBy(() -> set(null, null, null, "+02:00")).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("QuietHoursTimeZone must be an IANA time zone");
        assertThatThrownBy(() -> set(null, null, null, "Mars/<script>")).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageNotContaining("<script>");
        assertThatThrownBy(() -> set(null, "06:30", null, null)).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> set(null, "", "07:00", null)).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("give both as HH:mm, or '' to remove");
        assertThat(shown()).isEqualTo(before);
    }

    @Test
    void a_start_without_an_end_is_refused() {
        assertThatThrownBy(() -> set(null, "22:00", null, null)).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("QuietHoursStart and QuietHoursEnd go together: give QuietHoursEnd too");
        assertThatThrownBy(() -> set(null, null, null, "Europe/Berlin")).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("QuietHoursTimeZone needs QuietHoursStart and QuietHoursEnd");
    }

    private Views.MigrationConfiguration notice(int minutes) {
        Optional<Boolean> none = Optional.empty();
        return service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(none,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), none, none, none, Optional.empty(),
                Optional.empty(), new Requests.PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(minutes))));
    }

    @Test
    void the_notice_to_organizers_is_off_by_default_kept_with_the_rest_of_the_pacing_and_zero_turns_it_off() {
        assertThat(shown().NotifyOrganizerBeforeMinutes()).isZero();

        set(500, "22:00", "06:30", "Europe/Berlin");
        assertThat(notice(10_080).NotifyOrganizerBeforeMinutes()).isEqualTo(10_080);
        set(400, null, null, null);

        assertThat(shown()).extracting(Views.MigrationConfiguration::NotifyOrganizerBeforeMinutes,
                Views.MigrationConfiguration::MaxUpdatesPerHour, Views.MigrationConfiguration::QuietHoursStart).containsExactly(10_080, 400, "22:00");
        assertThat(notice(0).NotifyOrganizerBeforeMinutes()).isZero();
    }

    @Test
    void a_notice_time_outside_0_to_a_week_is_refused_in_one_line_and_changes_nothing() {
        notice(60);
        Views.MigrationConfiguration before = shown();

        for (int bad : new int[] {-1, 10_081, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> notice(bad)).isInstanceOf(AdminException.BadRequest.class)
                    .hasMessage("NotifyOrganizerBeforeMinutes must be from 0 (no notice) to 10080 (a week), not " + bad);
        }
        assertThat(shown()).isEqualTo(before);
    }
}
