package org.mms.admin;

import java.util.List;
import org.mms.directory.TenantId;

/** What each migration did to each meeting, for {@code Get-CsMeetingMigrationDetail}. */
public interface MeetingHistory {

    /** Every meeting (component) one migration looked at, with its outcome and reason, in the order they were handled. */
    List<Views.MeetingResult> meetings(TenantId tenant, String correlationId);
}
