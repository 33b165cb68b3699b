package org.mms.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.StoredResource;
import org.mms.directory.UserId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.CalendarResources;
import org.mms.testing.ServiceHarness;

/** {@code Export-CsCalendar} against the real store: one calendar, the imported one when nothing changed. */
class ExportCalendarTest {

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(2);
    private String upn;

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir, Instant.parse("2026-11-23T12:00:00Z"));
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
        upn = org.organizers().getFirst().upn();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"series-weekly-overrides.ics", "teams-t2-en-dialin.ics", "lf-only.ics", "unicode-fold-splits.ics",
        "escapes-and-x-props.ics", "other-organizer.ics", "outlook-2010-display-name-tzid.ics"})
    void an_imported_calendar_that_nothing_changed_exports_byte_for_byte_as_it_was_imported_method_included(String fixture) {
        byte[] imported = CalendarResources.icsFixture(fixture);
        service.admin.importCalendar(ServiceHarness.TENANT, upn, imported);

        Admin.CalendarExport export = service.admin.exportCalendar(ServiceHarness.TENANT, upn);

        assertThat(new String(export.calendar(), UTF_8)).isEqualTo(new String(imported, UTF_8));
        assertThat(export.calendar()).isEqualTo(imported);
    }

    @Test
    void the_export_is_one_calendar_that_imports_again_into_the_same_meetings_each_byte_for_byte_as_stored() {
        byte[] imported = CalendarResources.icsFixture("export-mixed.ics");
        service.admin.importCalendar(ServiceHarness.TENANT, upn, imported);
        Mailbox mailbox = new Mailbox(ServiceHarness.TENANT, userId(upn));
        CalendarObject changed = SplitCalendar.of(imported).resources().get(3);
        StoredResource before = service.store.get(mailbox, changed.ref()).orElseThrow();
        service.store.put(mailbox, changed.ref(), new String(before.data(), UTF_8).replace("SUMMARY;LANGUAGE=en-us:", "SUMMARY;LANGUAGE=en-us:Moved: ").getBytes(UTF_8),
                Optional.of(before.etag()));
        String other = org.organizers().get(1).upn();
        service.admin.importCalendar(ServiceHarness.TENANT, other, CalendarResources.icsFixture("teams-t2-de.ics"));

        byte[] export = service.admin.exportCalendar(ServiceHarness.TENANT, upn).calendar();
        String text = new String(export, UTF_8);

        assertThat(text.split("BEGIN:VCALENDAR", -1)).hasSize(2);
        assertThat(text).startsWith("BEGIN:VCALENDAR").contains("\nMETHOD:PUBLISH").endsWith("END:VCALENDAR\r\n");
        List<byte[]> stored = new ArrayList<>();
        service.store.forEachCandidate(mailbox, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 100,
                (StoredResource r) -> stored.add(r.data()));
        List<CalendarObject> again = SplitCalendar.of(export).resources();
        assertThat(again).hasSameSizeAs(stored);
        assertThat(text).contains("SUMMARY;LANGUAGE=en-us:Moved: ");
        for (CalendarObject resource : again) {
            assertThat(service.store.get(mailbox, resource.ref())).as(resource.uid()).get()
                    .extracting(StoredResource::data).isEqualTo(resource.data());
        }
    }

    private UserId userId(String identity) {
        return new UserId(service.admin.users(ServiceHarness.TENANT, Optional.of(identity)).getFirst().UserId());
    }
}
