package org.mms.queue;

/**
 * A migration's meeting counts as the status output shows them, reported by the worker.
 *
 * @param total         {@code TotalMeeting}: meetings the migration looked at
 * @param succeeded     {@code SucceededMeeting}
 * @param failed        {@code FailedMeeting}
 * @param invitesUpdate {@code InvitesUpdate}: meetings whose attendees were sent an update
 */
public record Counts(int total, int succeeded, int failed, int invitesUpdate) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    public Counts {
        if (total < 0 || succeeded < 0 || failed < 0 || invitesUpdate < 0) {
            throw new IllegalArgumentException("meeting counts cannot be negative: " + total + "/" + succeeded + "/" + failed + "/" + invitesUpdate);
        }
    }
}
