package org.mms.calendar.graph;

/**
 * Bearer tokens for Graph (client credentials, scope {@code https://graph.microsoft.com/.default}). A token
 * is cached and renewed before it expires; a token Graph refused with 401 is forgotten so that the next
 * call gets a new one (Graph's store renews once per request).
 */
public interface AccessTokens {

    /** A token valid for at least a minute more; one line saying what to fix when Entra refuses (wrong secret, no consent). */
    String token();

    /** Graph answered 401 to {@code token}: it is not handed out again. */
    void refused(String token);
}
