package org.mms.checkpoint;

/**
 * A named moment in the work where a crash matters most: after a claim, between a calendar write and
 * its journal entry, between handing a message to the mail system and recording it as sent. The
 * service passes {@link #NONE}; the crash test passes one that kills the process at these moments, to
 * show that work resumes from each of them without losing, damaging or doubling anything.
 */
@FunctionalInterface
public interface Checkpoint {

    /** A migration request was claimed; nothing of it is done yet. */
    String MIGRATION_CLAIMED = "migration-claimed";
    /** A chunk's decisions and intents are journaled; its calendar writes have not started. */
    String CHUNK_JOURNALED = "chunk-journaled";
    /** A chunk's calendar writes are done; the journal does not know yet. */
    String CHUNK_WRITTEN = "chunk-written";
    /** A round of messages was claimed; none is sent yet. */
    String MESSAGES_CLAIMED = "messages-claimed";
    /** A round of messages is staged (written, not yet handed over); the outbox does not know yet. */
    String MESSAGES_STAGED = "messages-staged";
    /** The mail system has a message; the outbox does not record it as sent yet. */
    String MESSAGE_HANDED_OVER = "message-handed-over";

    /** Every checkpoint there is. */
    java.util.List<String> ALL = java.util.List.of(MIGRATION_CLAIMED, CHUNK_JOURNALED, CHUNK_WRITTEN, MESSAGES_CLAIMED, MESSAGES_STAGED,
            MESSAGE_HANDED_OVER);

    void reached(String name);

    Checkpoint NONE = name -> {
    };
}
