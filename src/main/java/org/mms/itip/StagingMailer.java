package org.mms.itip;

import java.util.List;
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
 * <p>Messages are given as the outbox {@linkplain MessageOutbox.Queued queued} them: their ids name the
 * messages of a round (the same message keeps its id when another sender takes it over, and no two
 * messages share one), and their tenants keep two tenants' messages apart.
 */
public interface StagingMailer extends Mailer {

    /**
     * Makes each message durable where the mail system does not see it yet. Staging a message staged
     * before replaces what was staged for that message, and only for that message.
     *
     * @return the ids that could not be staged, with why; every other message is staged
     */
    Map<Long, RuntimeException> stage(List<MessageOutbox.Queued> messages);

    /**
     * Hands staged messages to the mail system, durably. A message with nothing staged for it was
     * released earlier (by a sender that died before recording it) and counts as released.
     *
     * @return the ids that could not be released, with why; every other message is released
     */
    Map<Long, RuntimeException> release(List<MessageOutbox.Queued> messages);
}
