package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the online-meeting block in a plain-text body: a pair of fence lines of one kind with a web
 * link between them. Labels are never read, so every language works alike.
 */
public final class FindTextBlock {

    private FindTextBlock() {
    }

    /**
     * @param body        the unescaped DESCRIPTION
     * @param ownJoinLink the meeting's join link from its properties, to choose among several blocks
     */
    public static Location in(String body, Optional<String> ownJoinLink) {
        List<int[]> teams = new ArrayList<>();
        List<int[]> skype = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= body.length()) {
            int lf = body.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? body.length() : lf;
            int contentEnd = lineEnd > lineStart && body.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            Optional<Fence> fence = Fence.of(body, lineStart, contentEnd);
            if (fence.isPresent()) {
                // Only the marks belong to the block: white space around them on their line (Outlook ends the
                // closing fence with a space) stays where it is when the block is replaced.
                int marksStart = Fence.marksStart(body, lineStart, contentEnd);
                int marksEnd = Fence.marksEnd(body, marksStart, contentEnd);
                (fence.get() == Fence.TEAMS ? teams : skype).add(new int[] {marksStart, marksEnd});
            }
            if (lf < 0) {
                break;
            }
            lineStart = lf + 1;
        }
        List<PickBlock.Candidate> candidates = new ArrayList<>();
        for (Fence fence : Fence.values()) {
            List<int[]> lines = fence == Fence.TEAMS ? teams : skype;
            if (lines.size() % 2 != 0) {
                int[] lone = lines.getLast();
                return new Location.Refused(BlockProblem.END_FENCE_MISSING, "the plain-text body has "
                        + lines.size() + " " + fence.type() + " fence line(s); the one at character " + lone[0]
                        + " has no partner, so where the block ends is unknown");
            }
            for (int i = 0; i < lines.size(); i += 2) {
                BlockSpan span = new BlockSpan(lines.get(i)[0], lines.get(i + 1)[1], fence.type());
                List<String> links = Links.in(body.substring(span.start(), span.end()));
                if (!links.isEmpty()) {
                    candidates.add(new PickBlock.Candidate(span, links));
                }
            }
        }
        return PickBlock.among(candidates, ownJoinLink);
    }
}
