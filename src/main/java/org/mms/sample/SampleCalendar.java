package org.mms.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mms.block.BlockRenderer;
import org.mms.block.Coordinates;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.block.RenderedBlock;
import org.mms.ical.Folding;
import org.mms.ical.TextEscaping;

/**
 * Writes realistic Exchange-style calendars of any size, streamed: Teams and Skype meetings with
 * plain-text and HTML bodies (about 3 KB each), weekly series with a past and a future changed
 * occurrence, and the meetings a migration must leave alone (other organizers, past meetings, plain
 * appointments, a pasted block). The same seed writes the same bytes. Used by the demo, the sample
 * calendar and the benchmarks.
 */
public final class SampleCalendar {

    /** How a generated meeting is meant to be decided. */
    public enum Kind { TEAMS, SKYPE, SERIES, OTHER_ORGANIZER, PAST, PLAIN, PASTED }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final String TZID = "W. Europe Standard Time";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final String[] TOPICS = {"Budget review", "Weekly sync", "Roadmap – Q1 planning", "Kundentermin Müller GmbH",
        "1:1 Alice / Bob", "Design critique", "Incident retro", "会议: APAC handover", "Hiring committee", "Release readiness",
        "Offsite logistics 🎉", "Architecture Q&A", "Vendor governance", "Sprint review", "Board prep"};
    private static final String[] AGENDA = {"Please review the deck beforehand; comments welcome.",
        "Agenda:\n1. Status\n2. Risks, issues and next steps\n3. AOB", "Dial-in details below. Grüße, Alice",
        "Notes: https://contoso.sharepoint.com/sites/team/Shared%20Documents/notes.docx", "שלום – see the shared doc.",
        "Bitte pünktlich sein; wir haben nur 30 Minuten.", "予算の確認をお願いします。"};

    private final String organizer;
    private final String organizerName;
    private final Instant now;
    private final SplittableRandom random;
    private final Coordinates oldTeams;
    private final Coordinates oldSkype;
    private long sequence;

    /**
     * @param organizer whose calendar it is
     * @param now       what counts as now: future meetings start after it, past ones before
     * @param seed      same seed, same calendar
     */
    public SampleCalendar(String organizer, String organizerName, Instant now, long seed) {
        this.organizer = organizer;
        this.organizerName = organizerName;
        this.now = now;
        this.random = new SplittableRandom(seed);
        List<DialInNumber> oldNumbers = List.of(
                new DialInNumber("+13238494874", DialInNumber.Kind.TOLL, "+1 323-849-4874", Optional.of("United States, Los Angeles")),
                new DialInNumber("+18666799995", DialInNumber.Kind.TOLL_FREE, "(866) 679-9995", Optional.of("United States")));
        this.oldTeams = new Coordinates(MeetingType.TEAMS, URI.create("https://teams.microsoft.com/l/meetup-join/x"),
                Optional.empty(), Optional.empty(), Optional.of("241752659"), oldNumbers,
                Optional.of(URI.create("https://dialin.teams.microsoft.com/ca398836?id=241752659")),
                Optional.of(URI.create("https://dialin.teams.microsoft.com/usp/pstnconferencing")),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), Optional.empty(), Locale.US);
        this.oldSkype = new Coordinates(MeetingType.SKYPE, URI.create("https://meet.contoso.com/x/y"), Optional.empty(),
                Optional.empty(), Optional.of("79261"),
                List.of(new DialInNumber("+14255550100", DialInNumber.Kind.TOLL, "+1 (425) 555-0100", Optional.of("Redmond"))),
                Optional.of(URI.create("https://dialin.contoso.com")), Optional.of(URI.create("https://dialin.contoso.com/pin")),
                Optional.of(URI.create("https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033&p1=5&p2=2009")),
                Optional.empty(), Locale.US);
    }

    /** The meeting kinds in the proportions of a real calendar; the rest of the mix is past and foreign meetings. */
    public Kind nextKind() {
        int r = random.nextInt(100);
        if (r < 40) {
            return Kind.TEAMS;
        }
        if (r < 55) {
            return Kind.SKYPE;
        }
        if (r < 65) {
            return Kind.SERIES;
        }
        if (r < 78) {
            return Kind.OTHER_ORGANIZER;
        }
        if (r < 90) {
            return Kind.PAST;
        }
        return r < 97 ? Kind.PLAIN : Kind.PASTED;
    }

    public void writeHeader(OutputStream out) throws IOException {
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN");
        line(out, "VERSION:2.0");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + TextEscaping.escape(organizerName));
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:16011028T030000");
        line(out, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10");
        line(out, "TZOFFSETFROM:+0200");
        line(out, "TZOFFSETTO:+0100");
        line(out, "END:STANDARD");
        line(out, "BEGIN:DAYLIGHT");
        line(out, "DTSTART:16010325T020000");
        line(out, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3");
        line(out, "TZOFFSETFROM:+0100");
        line(out, "TZOFFSETTO:+0200");
        line(out, "END:DAYLIGHT");
        line(out, "END:VTIMEZONE");
    }

    public void writeFooter(OutputStream out) throws IOException {
        line(out, "END:VCALENDAR");
    }

    /**
     * Writes one meeting of the given kind (a series writes its master and two changed occurrences)
     * and returns how many VEVENT components that was.
     */
    public int writeMeeting(OutputStream out, Kind kind) throws IOException {
        String uid = "040000008200E00074C5B7101A82E00800000000" + HexFormat.of().withUpperCase().toHexDigits(++sequence)
                + HexFormat.of().withUpperCase().toHexDigits(random.nextLong());
        boolean past = kind == Kind.PAST;
        LocalDateTime start = LocalDateTime.ofInstant(now, ZONE).truncatedTo(ChronoUnit.HOURS)
                .plusDays(past ? -1 - random.nextInt(200) : 1 + random.nextInt(300)).withHour(8 + random.nextInt(9));
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String text = AGENDA[random.nextInt(AGENDA.length)];
        String who = kind == Kind.OTHER_ORGANIZER ? "bob@contoso.com" : organizer;
        MeetingType type = kind == Kind.SKYPE || (past && random.nextBoolean()) ? MeetingType.SKYPE : MeetingType.TEAMS;
        String join = type == MeetingType.TEAMS
                ? "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + token(32) + "%40thread.v2/0?context=%7b%22Tid%22%3a%225c1e3a9d%22%7d"
                : "https://meet.contoso.com/" + who.substring(0, who.indexOf('@')) + "/" + token(8).toUpperCase(Locale.ROOT);
        boolean online = kind != Kind.PLAIN;
        boolean addIn = online && kind != Kind.PASTED;
        if (kind == Kind.SERIES) {
            LocalDateTime seriesStart = start.minusWeeks(8);
            event(out, uid, Optional.empty(), seriesStart, topic, text, who, type, join, addIn,
                    Optional.of("RRULE:FREQ=WEEKLY;BYDAY=" + dayOf(seriesStart) + ";COUNT=" + (20 + random.nextInt(30))));
            event(out, uid, Optional.of(seriesStart.plusWeeks(2)), seriesStart.plusWeeks(2).plusHours(1), topic + " (moved)",
                    text, who, type, join, addIn, Optional.empty());
            event(out, uid, Optional.of(seriesStart.plusWeeks(10)), seriesStart.plusWeeks(10).plusDays(1), topic, text, who, type,
                    join, addIn, Optional.empty());
            return 3;
        }
        event(out, uid, Optional.empty(), start, topic, text, who, type, online ? join : null, addIn, Optional.empty());
        return 1;
    }

    private void event(OutputStream out, String uid, Optional<LocalDateTime> recurrenceId, LocalDateTime start, String topic,
            String text, String who, MeetingType type, String join, boolean addIn, Optional<String> rrule) throws IOException {
        String description = text;
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
                + "<div>" + htmlEscape(text).replace("\n", "<br>") + "</div>";
        if (join != null) {
            Coordinates old = type == MeetingType.TEAMS ? oldTeams : oldSkype;
            RenderedBlock block = BlockRenderer.render(new Coordinates(old.type(), URI.create(join), old.meetingId(), old.passcode(),
                    old.conferenceId(), old.dialIn(), old.localNumbersUrl(), old.pinResetUrl(), old.helpUrl(),
                    old.meetingOptionsUrl(), old.locale()));
            description = text + "\n\n" + block.text() + "\n";
            html += block.html();
        }
        html += "</body></html>";
        line(out, "BEGIN:VEVENT");
        line(out, "CLASS:PUBLIC");
        line(out, "CREATED:" + UTC.format(now.minus(30, ChronoUnit.DAYS)));
        line(out, "DESCRIPTION:" + TextEscaping.escape(description));
        line(out, "DTEND;TZID=" + TZID + ":" + LOCAL.format(start.plusMinutes(30 + 30L * random.nextInt(3))));
        line(out, "DTSTAMP:" + UTC.format(now.minus(2, ChronoUnit.DAYS)));
        line(out, "DTSTART;TZID=" + TZID + ":" + LOCAL.format(start));
        line(out, "LAST-MODIFIED:" + UTC.format(now.minus(3, ChronoUnit.DAYS)));
        line(out, "LOCATION:" + (join == null ? TextEscaping.escape("Room 4.12") : type == MeetingType.TEAMS ? "Microsoft Teams Meeting" : "Skype Meeting"));
        line(out, "PRIORITY:5");
        recurrenceId.ifPresent(r -> lineUnchecked(out, "RECURRENCE-ID;TZID=" + TZID + ":" + LOCAL.format(r)));
        rrule.ifPresent(r -> lineUnchecked(out, r));
        line(out, "SEQUENCE:0");
        line(out, "SUMMARY;LANGUAGE=en-US:" + TextEscaping.escape(topic));
        line(out, "TRANSP:OPAQUE");
        line(out, "UID:" + uid);
        line(out, "ORGANIZER;CN=" + (who.equals(organizer) ? "\"" + organizerName + "\"" : "\"Bob Jones\"") + ":mailto:" + who);
        int attendees = 2 + random.nextInt(5);
        for (int i = 0; i < attendees; i++) {
            line(out, "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Colleague " + (i + 1)
                    + ":mailto:colleague" + (i + 1) + "@contoso.com");
        }
        line(out, "X-MICROSOFT-CDO-BUSYSTATUS:BUSY");
        line(out, "X-MICROSOFT-CDO-IMPORTANCE:1");
        line(out, "X-MICROSOFT-DISALLOW-COUNTER:FALSE");
        if (addIn && type == MeetingType.TEAMS) {
            line(out, "X-MICROSOFT-SKYPETEAMSMEETINGURL:" + join);
            line(out, "X-MICROSOFT-ONLINEMEETINGINFORMATION:{\"OnlineMeetingChannelId\":null\\,\"OnlineMeetingProvider\":3}");
        } else if (addIn) {
            line(out, "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:" + join);
            line(out, "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:" + who + "\\;gruu\\;opaque=app:conf:focus:id:" + join.substring(join.lastIndexOf('/') + 1));
            line(out, "X-MICROSOFT-CONFERENCETELURI:tel:+14255550100\\,\\,79261");
        }
        line(out, "X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape(html));
        line(out, "BEGIN:VALARM");
        line(out, "DESCRIPTION:REMINDER");
        line(out, "TRIGGER;RELATED=START:-PT15M");
        line(out, "ACTION:DISPLAY");
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
    }

    private static String dayOf(LocalDateTime t) {
        return t.getDayOfWeek().name().substring(0, 2);
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String token(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return sb.toString();
    }

    private static void line(OutputStream out, String content) throws IOException {
        out.write(Folding.foldLine(content.getBytes(UTF_8), CRLF));
    }

    private static void lineUnchecked(OutputStream out, String content) {
        try {
            line(out, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
