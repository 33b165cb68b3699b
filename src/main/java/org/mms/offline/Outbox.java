package org.mms.offline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mms.migration.MeetingPlan;

/**
 * Where update messages for changed meetings go. Messages are staged while the run goes on and only
 * become visible on {@link #commit()}, so a run that fails leaves no messages behind.
 */
public interface Outbox {

    /** Stages the update for a changed meeting. */
    void add(MeetingPlan meeting, List<byte[]> calendarProperties, Map<String, byte[]> timezones) throws IOException;

    /** Makes the staged messages visible. */
    void commit() throws IOException;

    /** Drops the staged messages. */
    void discard() throws IOException;

    /** Messages committed (or staged, before commit). */
    int count();

    /** Remarks for the report: addresses left out, meetings nobody needs to be told about. */
    default List<String> notes() {
        return List.of();
    }

    /** No messages at all (no outbox given, or a dry run). */
    static Outbox none() {
        return new Outbox() {
            @Override
            public void add(MeetingPlan meeting, List<byte[]> calendarProperties, Map<String, byte[]> timezones) {
            }

            @Override
            public void commit() {
            }

            @Override
            public void discard() {
            }

            @Override
            public int count() {
                return 0;
            }
        };
    }
}
