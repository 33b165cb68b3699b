package org.mms.queue;

import java.util.Objects;

/**
 * Why a migration waits for an admin: what its preview says it would do, kept on the request while it waits
 * ({@code TotalMeeting} and the others show the preview) with a message saying so.
 *
 * @param preview the preview's counts: meetings looked at, would be updated or already current, would fail, updates to send
 * @param message the request's {@code LastMessage} while it waits
 */
public record ApprovalHold(Counts preview, String message) {
    public ApprovalHold {
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(message, "message");
    }
}
