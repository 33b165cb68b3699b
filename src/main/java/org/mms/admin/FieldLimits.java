package org.mms.admin;

import java.time.Duration;
import java.util.Map;
import org.mms.block.CustomFooter;

/**
 * How long a value an admin gives may be, and how large a number: the widths of the columns that keep
 * them, checked where the value comes in, so that a value too long is refused with its name and limit
 * instead of failing deep in the database.
 */
public final class FieldLimits {

    private FieldLimits() {
    }

    /** Longer than any password or client secret (Entra's are 40 characters). */
    static final int MOST_SECRET_CHARACTERS = 1000;

    /** A certificate file in base64: a PFX with a chain of a few certificates is well within this. */
    static final int MOST_CERTIFICATE_CHARACTERS = 60_000;

    /** Characters, by the field names of the directory document and the API. */
    static final Map<String, Integer> LENGTH = Map.ofEntries(
            Map.entry("name", 200), Map.entry("domains", 2000), Map.entry("onlineMeetingUrl", 500),
            Map.entry("onPremisesMeetingUrl", 500), Map.entry("teamsJoinUrlTemplate", 1000), Map.entry("localNumbersUrl", 1000),
            Map.entry("pinResetUrl", 1000), Map.entry("helpUrl", 1000), Map.entry("defaultNumber", 20), Map.entry("number", 20),
            Map.entry("display", 100), Map.entry("city", 200), Map.entry("upn", 320), Map.entry("sipAddress", 320),
            Map.entry("SipAddress", 320), Map.entry("displayName", 300), Map.entry("aliases", 4000), Map.entry("pool", 300),
            Map.entry("Target", 300), Map.entry("locale", 35), Map.entry("bridge", 200), Map.entry("BridgeName", 200),
            Map.entry("serviceNumber", 20), Map.entry("tollFreeServiceNumber", 20), Map.entry("ServiceNumber", 20),
            Map.entry("TollFreeServiceNumber", 20), Map.entry("acpConferenceId", 40), Map.entry("calendarUrl", 1000),
            Map.entry("acpNumbers", 4000), Map.entry("Url", 1000), Map.entry("CalendarPath", 1000), Map.entry("UserName", 320),
            Map.entry("Password", 1000), Map.entry("Attendees", 320), Map.entry("Identity", 320),
            Map.entry("UID", 1000), Map.entry("CustomFooterText", CustomFooter.MAX_LENGTH),
            Map.entry("CustomFooterHtml", CustomFooter.MAX_LENGTH), Map.entry("DirectoryTenantId", 100), Map.entry("ClientId", 100),
            Map.entry("GraphUrl", 1000), Map.entry("AuthorityUrl", 1000), Map.entry("ClientSecret", MOST_SECRET_CHARACTERS),
            Map.entry("CertificatePassword", MOST_SECRET_CHARACTERS), Map.entry("Certificate", MOST_CERTIFICATE_CHARACTERS),
            Map.entry("QuietHoursStart", 5), Map.entry("QuietHoursEnd", 5), Map.entry("QuietHoursTimeZone", 64));

    /** Longer than a settle window or retry window makes sense, and short enough that adding it to a date cannot overflow. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(365);

    /** Records kept at most this long (100 years). */
    static final long MOST_RETENTION_DAYS = 36_500;

    /** More attendees than any meeting has. */
    static final int MOST_ATTENDEES = 100_000;

    /** {@code -ApprovalThresholdMeetings}: more meetings than any organizer has. */
    static final int MOST_APPROVAL_THRESHOLD = 1_000_000;

    /** The field's limit, when it has one. */
    public static int length(String field) {
        return LENGTH.getOrDefault(field, Integer.MAX_VALUE);
    }

    /** The value, or a refusal that names the field and its limit. */
    public static String checkLength(String field, String value) {
        int max = length(field);
        if (value != null && value.length() > max) {
            throw new AdminException.BadRequest(field + " is longer than " + max + " characters (" + value.length() + ")");
        }
        return value;
    }
}
