package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.block.FindTextFences.TextFence;

/**
 * Finds the online-meeting block in a plain-text body: a pair of fences of one kind with a web link
 * between them, each fence whole on its line or wrapped over several. Labels are never read, so every
 * language works alike.
 */
public final class FindTextBlock {

    private FindTextBlock() {
    }

    /**
     * @param body        the unescaped DESCRIPTION
     * @param ownJoinLink the meeting's join link from its properties, to choose among several blocks
     */
    public static Location in(String body, Optional<String> ownJoinLink) {
        List<TextFence> fences = FindTextFences.in(body);
        List<PickBlock.Candidate> candidates = new ArrayList<>();
        for (Fence kind : Fence.values()) {
            List<TextFence> ofKind = new ArrayList<>();
            for (TextFence fence : fences) {
                if (fence.fence() == kind) {
                    ofKind.add(fence);
                }
            }
            if (ofKind.size() % 2 != 0) {
                return new Location.Refused(BlockProblem.END_FENCE_MISSING, "the plain-text body has "
                        + ofKind.size() + " " + kind.type() + " fence(s); the one at character " + ofKind.getLast().start()
                        + " has no partner, so where the block ends is unknown");
            }
            for (int i = 0; i < ofKind.size(); i += 2) {
                BlockSpan span = new BlockSpan(ofKind.get(i).start(), ofKind.get(i + 1).end(), kind.type());
                List<String> links = Links.in(body.substring(span.start(), span.end()));
                if (!links.isEmpty()) {
                    candidates.add(new PickBlock.Candidate(span, links));
                }
            }
        }
        return PickBlock.among(candidates, ownJoinLink);
    }
}
