package org.mms.migration;

import java.util.List;
import java.util.Optional;
import org.mms.block.HtmlBlock;
import org.mms.block.JoinLinkType;
import org.mms.block.MeetingType;
import org.mms.ical.Component;

/**
 * Decides one meeting's type, Teams or Skype for Business, from the most telling clue it carries: the join link
 * its properties state, then the join link its block shows, and the block's fences last. Fences alone mislead:
 * consumer Teams and Outlook.com fence a Teams block with Skype's 137 dots, and a meeting typed by them would be
 * migrated as a Skype meeting with its Teams properties left behind, and so migrated again on every run.
 */
final class TellMeetingType {

    private TellMeetingType() {
    }

    /** What one body's block shows of the meeting's type: the kind of its join link, when known, and its fences. */
    record Shown(Optional<MeetingType> link, MeetingType fences) {

        /** A plain-text block, {@code blockText} from fence to fence. */
        static Shown inText(String blockText, MeetingType fences) {
            return new Shown(JoinLinkType.firstIn(blockText), fences);
        }

        /** An HTML block: the links behind its labels count too. */
        static Shown inHtml(HtmlBlock block) {
            return new Shown(JoinLinkType.firstOf(block.links()), block.span().fenceType());
        }

        /**
         * Whether this block and {@code other} show different meetings: their join links are of different kinds,
         * or, when neither shows a link of a known kind, their fences are. One known link outweighs the other's
         * fences, which Teams draws either way.
         */
        boolean differsFrom(Shown other) {
            if (link.isPresent() && other.link.isPresent()) {
                return link.get() != other.link.get();
            }
            return link.isEmpty() && other.link.isEmpty() && fences != other.fences;
        }

        /** For a report: what the type was read from. */
        String describe() {
            return link.map(type -> "a " + type + " join link").orElse(fences + " fences and no join link of a known kind");
        }
    }

    /** The type of {@code event}, whose bodies' blocks show {@code shown} (one or two, agreeing). */
    static MeetingType of(Component event, List<Shown> shown) {
        return statedBy(event)
                .or(() -> shown.stream().flatMap(s -> s.link().stream()).findFirst())
                .orElse(shown.getFirst().fences());
    }

    /**
     * The type the add-in's properties state. Only Teams writes X-MICROSOFT-SKYPETEAMSMEETINGURL, so its presence says
     * Teams whatever link it holds; the Skype add-in's link properties say what their addresses say.
     */
    static Optional<MeetingType> statedBy(Component event) {
        if (OnlineMeetingProperties.link(event, OnlineMeetingProperties.TEAMS_URL).isPresent()) {
            return Optional.of(MeetingType.TEAMS);
        }
        return OnlineMeetingProperties.link(event, OnlineMeetingProperties.EXTERNAL_LINK)
                .or(() -> OnlineMeetingProperties.link(event, OnlineMeetingProperties.INTERNAL_LINK))
                .flatMap(JoinLinkType::of);
    }
}
