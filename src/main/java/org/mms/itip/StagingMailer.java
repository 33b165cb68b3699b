package org.mms.itip;

import java.util.Map;

/**
 * A {@link Mailer} that hands messages over in two steps, so that no crash delivers one twice. A
 * sender stages a round of messages (each is then durable, but the mail system does not see it yet),
 * records that they are staged, releases them, and records them as sent. A sender that dies after
 * recording them as staged leaves them to the next, which only releases them: a message released
 * before the crash is no longer staged, and releasing it again does nothing.
 *
 * <p>Plain {@link #send} remains for callers that have no outbox to record in.
 *
 * <p>Keys name the messages of a round; the same message keeps its key when another sender takes it
 * over, and no two messages staged at once share one.
 */
public interface StagingMailer extends Mailer {

    /**
     * Makes each message durable where the mail system does not see it yet. Staging a message staged
     * before replaces it.
     *
     * @return the keys that could not be staged, with why; every other key is staged
     */
    Map<Long, RuntimeException> stage(Map<Long, ItipRequest> messages);

    /**
     * Hands staged messages to the mail system, durably. A key with nothing staged under it was released
     * earlier (by a sender that died before recording it) and counts as released.
     *
     * @return the keys that could not be released, with why; every other key is released
     */
    Map<Long, RuntimeException> release(Map<Long, ItipRequest> messages);
}
