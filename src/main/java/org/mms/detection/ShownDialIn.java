package org.mms.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.block.DialInNumber;
import org.mms.directory.AudioConferencing;
import org.mms.directory.AudioProvider;

/**
 * The dial-in part of a user's invitations, as their audio-conferencing settings make it. Two users'
 * invitations differ exactly when these differ, so comparing the value before and after a change tells
 * whether the change is worth a round of updates.
 *
 * @param source       whose numbers the invitations show, if any
 * @param bridge       the Microsoft bridge the numbers come from (its local-numbers list goes with it)
 * @param toll         the default toll number shown
 * @param tollFree     the default toll-free number shown
 * @param conferenceId the conference ID shown; empty for private meetings, which each have their own
 * @param acpNumbers   a third-party provider's numbers
 * @param acpCode      a third-party provider's conference code
 */
record ShownDialIn(Source source, Optional<String> bridge, Optional<String> toll, Optional<String> tollFree,
        Optional<String> conferenceId, List<DialInNumber> acpNumbers, Optional<String> acpCode) {

    enum Source { NONE, MICROSOFT, THIRD_PARTY }

    ShownDialIn {
        Objects.requireNonNull(source, "source");
        acpNumbers = List.copyOf(acpNumbers);
    }

    private static final ShownDialIn NONE = new ShownDialIn(Source.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of(), Optional.empty());

    static ShownDialIn of(AudioConferencing audio) {
        if (audio.microsoftDialIn()) {
            return new ShownDialIn(Source.MICROSOFT, audio.bridgeId(), audio.tollNumber(), audio.tollFreeNumber(),
                    audio.publicMeetings() ? audio.conferenceId() : Optional.empty(), List.of(), Optional.empty());
        }
        // A third-party provider's numbers need no Microsoft licence; switching audio conferencing off hides them too.
        if (audio.provider() == AudioProvider.THIRD_PARTY && audio.enabled()) {
            return new ShownDialIn(Source.THIRD_PARTY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    audio.acpNumbers(), audio.acpConferenceId());
        }
        return NONE;
    }

    /** Whether the invitations show {@code number} of the Microsoft bridge, however it is written (E.164, tel:, spaces). */
    boolean showsBridgeNumber(String number) {
        String wanted = digits(number);
        return source == Source.MICROSOFT && !wanted.isEmpty()
                && (toll.map(ShownDialIn::digits).filter(wanted::equals).isPresent()
                        || tollFree.map(ShownDialIn::digits).filter(wanted::equals).isPresent());
    }

    /** Which of the two default numbers {@code number} is, as a word for reasons. */
    String kindOf(String number) {
        String wanted = digits(number);
        return tollFree.map(ShownDialIn::digits).filter(wanted::equals).isPresent() ? "toll-free" : "toll";
    }

    /** What an admin should read about the invitations going from this to {@code next}. */
    String changeTo(ShownDialIn next) {
        if (next.source == Source.NONE) {
            return source == Source.THIRD_PARTY ? "their invitations lose their provider's dial-in numbers"
                    : "their invitations lose their dial-in numbers";
        }
        if (source != next.source) {
            return switch (next.source) {
                case MICROSOFT -> source == Source.THIRD_PARTY
                        ? "their invitations show Microsoft dial-in numbers instead of their third-party provider's"
                        : "their invitations gain Microsoft dial-in numbers";
                case THIRD_PARTY -> "their invitations show their third-party provider's dial-in numbers";
                case NONE -> throw new AssertionError("handled above");
            };
        }
        List<String> parts = new ArrayList<>();
        number("toll number", toll, next.toll).ifPresent(parts::add);
        number("toll-free number", tollFree, next.tollFree).ifPresent(parts::add);
        if (!conferenceId.equals(next.conferenceId)) {
            parts.add(next.conferenceId.isEmpty() ? "no conference ID" : conferenceId.isEmpty() ? "a conference ID" : "a new conference ID");
        }
        if (!acpNumbers.equals(next.acpNumbers) || !acpCode.equals(next.acpCode)) {
            parts.add("their provider's new coordinates");
        }
        if (parts.isEmpty() && !bridge.equals(next.bridge)) {
            parts.add("the local numbers of bridge " + next.bridge.orElse("(none)") + " instead of " + bridge.orElse("(none)"));
        }
        return parts.isEmpty() ? "their invitations show different dial-in coordinates"
                : "their invitations show " + sentence(parts);
    }

    private static Optional<String> number(String what, Optional<String> before, Optional<String> after) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        if (after.isEmpty()) {
            return Optional.of("no " + what + " (was " + before.get() + ")");
        }
        return Optional.of(what + " " + after.get() + before.map(b -> " instead of " + b).orElse(""));
    }

    private static String sentence(List<String> parts) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }
}
