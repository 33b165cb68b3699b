package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mms.block.BlockRenderer;
import org.mms.block.Coordinates;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.block.ProviderNames;
import org.mms.block.RenderedBlock;
import org.mms.ical.Folding;
import org.mms.ical.TextEscaping;

/**
 * What the scheduling add-in writes for "Add online meeting": a VCALENDAR with one VEVENT whose
 * bodies end with the online-meeting block and which carries the add-in's properties, so the engine
 * recognizes it as an online meeting the organizer created.
 */
public final class ComposeNewMeeting {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] CRLF = {'\r', '\n'};

    /** The meeting as the organizer asked for it. */
    public record Meeting(String uid, String subject, Instant start, Instant end, Optional<String> recurrenceRule,
            String organizer, String organizerName, List<String> attendees, Optional<String> body) {
    }

    private ComposeNewMeeting() {
    }

    public static byte[] compose(Meeting m, Coordinates coordinates, Instant now) {
        RenderedBlock block = BlockRenderer.render(coordinates);
        String text = m.body().map(b -> b + "\n\n").orElse("") + block.text() + "\n";
        String html = "<html><body>" + m.body().map(b -> "<p>" + b.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\n", "<br>") + "</p>").orElse("") + block.html() + "</body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//MMS//Meeting Migration Service//EN");
        line(out, "VERSION:2.0");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + m.uid());
        line(out, "DTSTAMP:" + UTC.format(now));
        line(out, "CREATED:" + UTC.format(now));
        line(out, "DTSTART:" + UTC.format(m.start()));
        line(out, "DTEND:" + UTC.format(m.end()));
        m.recurrenceRule().ifPresent(r -> line(out, "RRULE:" + r));
        line(out, "SEQUENCE:0");
        line(out, "SUMMARY:" + TextEscaping.escape(m.subject()));
        line(out, "LOCATION:" + TextEscaping.escape(ProviderNames.of(coordinates.type(), coordinates.locale())));
        line(out, "DESCRIPTION:" + TextEscaping.escape(text));
        line(out, "ORGANIZER;CN=" + quoted(m.organizerName()) + ":mailto:" + m.organizer());
        for (String attendee : m.attendees()) {
            line(out, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee);
        }
        String join = coordinates.joinUrl().toString();
        if (coordinates.type() == MeetingType.TEAMS) {
            line(out, "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + TextEscaping.escape(join));
            line(out, "X-MICROSOFT-ONLINEMEETINGINFORMATION:" + TextEscaping.escape("{\"OnlineMeetingChannelId\":null,\"OnlineMeetingProvider\":3}"));
        } else {
            line(out, "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:" + TextEscaping.escape(join));
            String key = join.substring(join.lastIndexOf('/') + 1);
            line(out, "X-MICROSOFT-ONLINEMEETINGCONFLINK:" + TextEscaping.escape("conf:sip:" + m.organizer() + ";gruu;opaque=app:conf:focus:id:" + key));
        }
        Optional<DialInNumber> first = coordinates.dialIn().stream().findFirst();
        first.ifPresent(n -> line(out, "X-MICROSOFT-CONFERENCETELURI:" + TextEscaping.escape("tel:" + n.e164()
                + coordinates.conferenceId().map(id -> ",," + id).orElse(""))));
        line(out, "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=" + quoted(ProviderNames.of(coordinates.type(), coordinates.locale())) + ":" + join);
        line(out, "X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape(html));
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toByteArray();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    private static void line(ByteArrayOutputStream out, String content) {
        out.writeBytes(Folding.foldLine(content.getBytes(UTF_8), CRLF));
    }
}
