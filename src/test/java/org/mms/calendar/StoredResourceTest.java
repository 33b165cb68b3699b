package org.mms.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.CalendarResources.aMeeting;

import org.junit.jupiter.api.Test;

class StoredResourceTest {

    private static final ResourceRef REF = ResourceRef.forUid("uid-1");

    @Test
    void the_bytes_cannot_be_changed_from_outside() {
        byte[] data = aMeeting("uid-1");
        StoredResource resource = new StoredResource(REF, "\"1\"", data);

        data[0] = 'X';
        resource.data()[1] = 'X';

        assertThat(resource.data()).isEqualTo(aMeeting("uid-1"));
    }

    @Test
    void resources_are_equal_when_name_etag_and_bytes_are() {
        StoredResource one = new StoredResource(REF, "\"1\"", aMeeting("uid-1"));

        assertThat(one).isEqualTo(new StoredResource(REF, "\"1\"", aMeeting("uid-1"))).hasSameHashCodeAs(
                new StoredResource(REF, "\"1\"", aMeeting("uid-1")));
        assertThat(one).isNotEqualTo(new StoredResource(REF, "\"2\"", aMeeting("uid-1")));
        assertThat(one).isNotEqualTo(new StoredResource(REF, "\"1\"", aMeeting("uid-1", "Other")));
        assertThat(one.toString()).contains(REF.href()).doesNotContain("BEGIN:VCALENDAR");
    }

    @Test
    void a_calendar_object_keeps_its_own_copy_too() {
        byte[] data = aMeeting("uid-1");
        CalendarObject object = new CalendarObject("uid-1", REF, data);

        data[0] = 'X';
        object.data()[1] = 'X';

        assertThat(object.data()).isEqualTo(aMeeting("uid-1"));
        assertThat(object).isEqualTo(new CalendarObject("uid-1", REF, aMeeting("uid-1")));
    }
}
