package org.mms.migration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mms.block.Coordinates;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;

/**
 * An organizer's new conferencing settings, from which each meeting's coordinates follow. Dial-in
 * numbers, conference ID and links are the organizer's; the join link is per meeting: either the
 * meeting keeps its own ({@link #KEEP}), or a template builds it from the meeting with placeholders
 * {@code {meetingKey}} (the conference key or Teams thread of the current link), {@code {uidHash}}
 * (12 hex digits of the UID's SHA-256) and {@code {organizer}} (the local part of the address).
 * The organization's custom footer, if it has one, ends every block.
 * The same meeting always gets the same coordinates, which is what makes migrating twice a no-op.
 */
public record CoordinatesTemplate(
        MeetingType type,
        String joinUrl,
        Optional<String> meetingId,
        Optional<String> passcode,
        Optional<String> conferenceId,
        List<DialInNumber> dialIn,
        Optional<URI> localNumbersUrl,
        Optional<URI> pinResetUrl,
        Optional<URI> helpUrl,
        Optional<URI> meetingOptionsUrl,
        Locale locale,
        Optional<CustomFooter> footer) {

    /** Keep each meeting's current join link (only the dial-in part changes). */
    public static final String KEEP = "keep";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final List<String> PLACEHOLDERS = List.of("meetingKey", "uidHash", "organizer");

    public CoordinatesTemplate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(joinUrl, "joinUrl");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(footer, "footer");
        dialIn = List.copyOf(dialIn);
        Matcher m = PLACEHOLDER.matcher(joinUrl);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("joinUrl has an unknown placeholder {" + m.group(1) + "}; known: "
                        + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()));
            }
        }
        // Validate everything once, up front, with placeholders filled by something harmless.
        String sample = joinUrl.equals(KEEP) ? "https://meeting.invalid/keep" : PLACEHOLDER.matcher(joinUrl).replaceAll("x");
        try {
            // The fields are not assigned yet inside a compact constructor: use the parameters.
            new Coordinates(type, new URI(sample), meetingId, passcode, conferenceId, dialIn, localNumbersUrl, pinResetUrl,
                    helpUrl, meetingOptionsUrl, locale);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("joinUrl is not a valid link: " + joinUrl, e);
        }
    }

    /** What a meeting contributes to its coordinates. */
    public record Meeting(String uid, MeetingType currentType, Optional<String> currentJoinLink, String organizerAddress) {
    }

    /** A meeting's coordinates, or why the settings give none. */
    public sealed interface Resolution {
        record Resolved(Coordinates coordinates) implements Resolution {
        }

        record Missing(String why) implements Resolution {
        }
    }

    /** This meeting's coordinates, or the reason there are none. */
    public Resolution forMeeting(Meeting meeting) {
        try {
            return new Resolution.Resolved(resolve(meeting));
        } catch (NoCoordinatesException e) {
            return new Resolution.Missing(e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Resolution.Missing("the settings give an invalid join link for this meeting: " + e.getMessage());
        }
    }

    private Coordinates resolve(Meeting meeting) throws NoCoordinatesException {
        if (joinUrl.equals(KEEP)) {
            if (meeting.currentType() != type) {
                throw new NoCoordinatesException("the settings keep each meeting's join link, but a " + meeting.currentType()
                        + " link cannot serve a " + type + " meeting: give a join link template for these meetings, or leave them"
                        + " out with --source-type");
            }
            String current = meeting.currentJoinLink().orElseThrow(() -> new NoCoordinatesException(
                    "the settings keep each meeting's join link, but this meeting has none"));
            return coordinates(parse(current));
        }
        Matcher m = PLACEHOLDER.matcher(joinUrl);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "meetingKey" -> meetingKey(meeting.currentJoinLink().orElseThrow(() -> new NoCoordinatesException(
                        "the join link template needs {meetingKey}, but this meeting has no join link")));
                case "uidHash" -> uidHash(meeting.uid());
                case "organizer" -> meeting.organizerAddress().substring(0, meeting.organizerAddress().indexOf('@'));
                default -> throw new IllegalStateException(m.group(1));
            };
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return coordinates(parse(url.toString()));
    }

    private Coordinates coordinates(URI join) {
        return new Coordinates(type, join, meetingId, passcode, conferenceId, dialIn, localNumbersUrl, pinResetUrl, helpUrl,
                meetingOptionsUrl, locale, Optional.empty(), Optional.empty(), footer);
    }

    private static URI parse(String url) throws NoCoordinatesException {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new NoCoordinatesException("not a valid join link: " + url);
        }
    }

    /**
     * The part of a join link that names the meeting: the thread of a Teams meetup-join link, else
     * the last path segment (a Skype conference key, a Teams meet ID).
     */
    static String meetingKey(String link) throws NoCoordinatesException {
        URI uri = parse(link);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].equalsIgnoreCase("meetup-join") && !segments[i + 1].isEmpty()) {
                return segments[i + 1];
            }
        }
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i];
            }
        }
        throw new NoCoordinatesException("the join link " + link + " has no path to take a meeting key from");
    }

    static String uidHash(String uid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Short-cuts {@link #resolve} when the settings give no coordinates; becomes {@link Resolution.Missing}. */
    private static final class NoCoordinatesException extends Exception {
        NoCoordinatesException(String message) {
            super(message);
        }
    }
}
