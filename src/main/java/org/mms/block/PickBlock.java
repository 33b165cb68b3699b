package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the block to replace when a body holds several fenced blocks (a pasted invitation, a
 * forwarded one): the one that carries the meeting's own join link. Without a single match it refuses.
 */
final class PickBlock {

    /** A fenced block and the web links inside it. */
    record Candidate(BlockSpan span, List<String> links) {
    }

    private PickBlock() {
    }

    static Location among(List<Candidate> candidates, Optional<String> ownJoinLink) {
        if (candidates.isEmpty()) {
            return new Location.Absent();
        }
        if (candidates.size() == 1) {
            return new Location.Found(candidates.getFirst().span());
        }
        List<Candidate> matching = new ArrayList<>();
        if (ownJoinLink.isPresent()) {
            for (Candidate c : candidates) {
                if (c.links().stream().anyMatch(link -> Links.same(link, ownJoinLink.get()))) {
                    matching.add(c);
                }
            }
        }
        if (matching.size() == 1) {
            return new Location.Found(matching.getFirst().span());
        }
        return new Location.Refused(BlockProblem.AMBIGUOUS_BLOCK, candidates.size() + " online-meeting blocks, and "
                + (ownJoinLink.isEmpty() ? "the meeting has no join link property to choose by"
                        : matching.isEmpty() ? "none shows the meeting's join link " + ownJoinLink.get()
                                : matching.size() + " show the meeting's join link"));
    }
}
