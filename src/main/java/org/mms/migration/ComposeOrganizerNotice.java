package org.mms.migration;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mms.directory.User;
import org.mms.itip.Mailbox;
import org.mms.itip.OrganizerNotice;

/**
 * The notice an organizer gets before a migration updates their meetings ({@code NotifyOrganizerBeforeMinutes}): one
 * plain-text message listing each meeting the migration's preview says it will update, with its start and why, and when
 * the updates go out.
 *
 * <p>Meeting subjects and display names come from calendars and directories anyone can write to: each is put on one line
 * of its own, with line breaks turned to spaces, control and direction-override characters removed and its length
 * capped, so that no subject can add a line, a header or a misleading layout. The mail subject is fixed text.
 */
public final class ComposeOrganizerNotice {

    public static final String SUBJECT = "Your meetings will be updated: new online meeting details";
    /** The longest subject or name quoted on a line, in characters (an ellipsis marks a cut). */
    static final int LONGEST_QUOTE = 200;
    /** The most meetings listed one by one; the rest are counted. */
    static final int MOST_LISTED = 200;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ComposeOrganizerNotice() {
    }

    /**
     * The notice, or empty when there is nothing to announce: the preview updates no meeting, or the organizer's address
     * is not one mail can go to.
     *
     * @param migration the correlation id of the migration
     * @param trigger   why it was queued, as its request says
     * @param updatesAt when the migration runs and the updates go out
     * @param notice    how long before that the notice goes (the tenant's setting)
     */
    public static Optional<OrganizerNotice> of(User organizer, String migration, String trigger, PreviewMigration.Preview preview,
            Instant updatesAt, Duration notice) {
        List<PreviewMigration.MeetingPreview> meetings = updated(preview);
        if (meetings.isEmpty()) {
            return Optional.empty();
        }
        Optional<Mailbox> mailbox = mailbox(organizer);
        if (mailbox.isEmpty()) {
            return Optional.empty();
        }
        String why = quote(trigger);
        StringBuilder body = new StringBuilder();
        body.append("Hello ").append(quote(organizer.displayName())).append(",\n\n");
        body.append("Your online meeting details have changed. ").append(meetings.size() == 1 ? "1 of your meetings will"
                : meetings.size() + " of your meetings will").append(" be updated\nwith the new details on ").append(WHEN.format(updatesAt))
                .append(" (in ").append(minutes(notice)).append("), and their\nattendees will get an update from you. ")
                .append("Nothing else in them changes.\n\n");
        body.append("Meetings that will be updated:\n");
        for (PreviewMigration.MeetingPreview m : meetings.subList(0, Math.min(meetings.size(), MOST_LISTED))) {
            body.append("\n- ").append(subject(m.summary())).append('\n');
            body.append("  Starts: ").append(m.start().map(WHEN::format).orElse("(no start time)")).append('\n');
            body.append("  Why: ").append(why).append('\n');
        }
        if (meetings.size() > MOST_LISTED) {
            int more = meetings.size() - MOST_LISTED;
            body.append("\n... and ").append(more).append(more == 1 ? " more meeting.\n" : " more meetings.\n");
        }
        body.append("\nYou need not do anything. If one of these meetings should not be updated,\n")
                .append("ask your administrator before then.\n");
        return Optional.of(new OrganizerNotice(migration, mailbox.get(), SUBJECT, body.toString()));
    }

    /** One entry per meeting or changed occurrence the migration writes, earliest first. */
    private static List<PreviewMigration.MeetingPreview> updated(PreviewMigration.Preview preview) {
        Map<String, PreviewMigration.MeetingPreview> byComponent = new LinkedHashMap<>();
        for (PreviewMigration.MeetingPreview m : preview.meetings()) {
            if (m.outcome() instanceof Outcome.Migrated) {
                byComponent.putIfAbsent(m.uid() + "\n" + m.recurrenceId().orElse(""), m);
            }
        }
        return byComponent.values().stream()
                .sorted(Comparator.comparing((PreviewMigration.MeetingPreview m) -> m.start().orElse(Instant.MAX))).toList();
    }

    /** The organizer as sender and recipient: their display name only when it is fit for a header. */
    private static Optional<Mailbox> mailbox(User organizer) {
        try {
            return Optional.of(new Mailbox(organizer.upn(), Optional.of(quote(organizer.displayName()))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String subject(String summary) {
        String quoted = quote(summary);
        return quoted.isEmpty() ? "(no subject)" : quoted;
    }

    /**
     * {@code text} on one line: line breaks and tabs become spaces, runs of spaces one space, control, format and
     * direction-override characters (and unpaired surrogates) are removed, and at most {@link #LONGEST_QUOTE} characters are kept.
     */
    static String quote(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LONGEST_QUOTE + 1));
        boolean cut = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' || cp == '\n' || cp == '\t' || cp == 0x0B || cp == 0x0C || cp == 0x85 || Character.isSpaceChar(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            if (!printable(cp)) {
                continue;
            }
            if (out.length() + Character.charCount(cp) > LONGEST_QUOTE) {
                cut = true;
                break;
            }
            out.appendCodePoint(cp);
        }
        String line = out.toString().strip();
        return cut ? line + "…" : line;
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }

    private static String minutes(Duration notice) {
        long m = notice.toMinutes();
        return m + (m == 1 ? " minute" : " minutes");
    }
}
