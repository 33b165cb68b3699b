package org.mms.block;

import java.util.Optional;

/**
 * Whom a join link names as its meeting's organizer. A Skype for Business link's path ends with the
 * organizer's SIP user and the meeting's conference key ({@code https://meet.lync.com/contoso/alice/Q7WX2M9Z},
 * {@code https://meet.contoso.com/alice/Q7WX2M9Z}); a Teams link's {@code context} names the organizer's
 * object id ({@code …/l/meetup-join/19%3ameeting_…%40thread.v2/0?context={"Tid":"…","Oid":"…"}}), as the Teams
 * meeting-options link in the same block does ({@code …/meetingOptions/?organizerId=…}). These
 * survive an Outlook export where the add-in's properties do not, so they tell whose meeting a block is.
 */
public sealed interface JoinLinkOwner {

    /** A Skype for Business join link: the organizer's SIP user (lower case) and the conference key. */
    record SkypeUser(String user, String conferenceKey) implements JoinLinkOwner {
    }

    /** A Teams join link: the organizer's object id and their tenant's id (lower case). */
    record TeamsObject(String objectId, String tenantId) implements JoinLinkOwner {
    }

    /** What {@code link} says about its organizer, or empty when it names none (or is no join link at all). */
    static Optional<JoinLinkOwner> of(String link) {
        return ReadJoinLinkOwner.of(link);
    }
}
