package org.mms.migration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mms.block.JoinLinkOwner;

/**
 * Decides from a block whose online meeting it is, when the add-in's properties are not there to say
 * (an Outlook desktop export keeps none of them). The join link decides first: a Skype link whose
 * path names one of the organizer's SIP users, or a Teams link whose context names their object id,
 * is theirs; one that names anyone else is not, whatever else the block shows (a block pasted from
 * someone else's invitation carries that person's link). A link that names no one (a Teams free
 * link, or a Teams link when the organizer's object id is not known) leaves it to the conference ID.
 */
final class ProveOwnership {

    private ProveOwnership() {
    }

    /**
     * @param links        every link the block shows, in order
     * @param digitGroups  the digit groups the block shows (numbers and IDs without separators)
     */
    static Ownership of(Organizer organizer, List<String> links, Collection<String> digitGroups) {
        for (String link : links) {
            Optional<JoinLinkOwner> owner = JoinLinkOwner.of(link);
            if (owner.isEmpty()) {
                continue;
            }
            switch (owner.get()) {
                case JoinLinkOwner.SkypeUser(String user, String key) -> {
                    return organizer.hasSipUser(user)
                            ? new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.SKYPE_JOIN_LINK,
                                    "it names the organizer's SIP user " + user + " and conference key " + key))
                            : new Ownership.NotShown("the block's Skype join link names " + user
                                    + ", not the organizer (copied from another meeting?)");
                }
                case JoinLinkOwner.TeamsObject(String objectId, String tenantId) -> {
                    if (organizer.objectIds().contains(objectId)) {
                        return new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.TEAMS_JOIN_LINK,
                                "it names the organizer's object id " + objectId));
                    }
                    if (!organizer.objectIds().isEmpty()) {
                        return new Ownership.NotShown("the block's Teams join link names object id " + objectId
                                + ", not the organizer's (copied from another meeting?)");
                    }
                    // The organizer's object id is not known: the link proves nothing either way.
                }
            }
        }
        Set<String> shown = Set.copyOf(digitGroups);
        for (String id : organizer.conferenceIds()) {
            if (shown.contains(id)) {
                return new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.CONFERENCE_ID,
                        "the block shows the organizer's conference ID " + id));
            }
        }
        return new Ownership.NotShown("the meeting carries none of the add-in's properties, and its block shows neither a join link"
                + " naming the organizer nor their conference ID (copied from another meeting?)");
    }
}
