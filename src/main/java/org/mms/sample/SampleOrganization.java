package org.mms.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sample organization, Contoso: one dial-in bridge and organizers of both kinds (Skype for
 * Business users on an on-premises pool, Teams users online), all with audio conferencing on the
 * bridge's numbers that their invitations show, and a realistic calendar for each. Used by
 * {@code mms demo} and the service tests.
 */
public final class SampleOrganization {

    /** The bridge's toll number, every organizer's default. */
    public static final String TOLL = "+13238494874";
    /** The bridge's toll-free number, every organizer's default toll-free number; the demo takes it off the bridge. */
    public static final String TOLL_FREE = "+18666799995";
    public static final String BRIDGE = "Contoso Bridge";
    public static final String POOL = "pool01.contoso.com";

    private static final String[] FIRST = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy",
        "Karl", "Liam", "Mallory", "Niaj", "Olivia", "Peggy", "Quentin", "Rupert", "Sybil", "Trent", "Ursula", "Victor", "Wendy",
        "Xavier", "Yvonne", "Zoë"};
    private static final String[] LAST = {"Smith", "Jones", "Müller", "Garcia", "Tanaka", "Nguyen", "Kowalski", "Dubois", "Rossi",
        "Novak", "O'Brien", "Larsen", "Ivanova"};

    /** An organizer of the sample: their address, name, and whether they are still on Skype for Business on-premises. */
    public record Organizer(String upn, String name, boolean onPremises) {
        public String localPart() {
            return upn.substring(0, upn.indexOf('@'));
        }
    }

    private final List<Organizer> organizers = new ArrayList<>();

    /** {@code count} organizers, the first half on-premises Skype users, the rest online Teams users. */
    public SampleOrganization(int count) {
        for (int i = 0; i < count; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i * 7) % LAST.length];
            String local = (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT).replace("ü", "ue").replace("ë", "e")
                    + (i >= FIRST.length ? Integer.toString(i) : "");
            organizers.add(new Organizer(local + "@contoso.com", first + " " + last, i < count / 2));
        }
    }

    public List<Organizer> organizers() {
        return List.copyOf(organizers);
    }

    /** The directory import document (README "Directory import") for the organization. */
    public String directoryJson() {
        StringBuilder users = new StringBuilder();
        for (Organizer o : organizers) {
            if (!users.isEmpty()) {
                users.append(",\n");
            }
            users.append("    {\"upn\": \"").append(o.upn()).append("\", \"displayName\": \"").append(o.name().replace("\"", ""))
                    .append("\", \"hosting\": \"").append(o.onPremises() ? "onPremises" : "online").append("\"")
                    .append(o.onPremises() ? ", \"pool\": \"" + POOL + "\"" : "")
                    .append(", \"meetingType\": \"").append(o.onPremises() ? "skype" : "teams").append("\", \"mailbox\": \"reachable\"")
                    .append(", \"audioConferencing\": {\"licensed\": true, \"enabled\": true, \"provider\": \"microsoft\", \"bridge\": \"")
                    .append(BRIDGE).append("\", \"serviceNumber\": \"").append(TOLL).append("\", \"tollFreeServiceNumber\": \"")
                    .append(TOLL_FREE).append("\", \"conferenceId\": \"241752659\", \"publicMeetings\": true}}");
        }
        return """
                {
                  "tenant": {"name": "Contoso", "domains": ["contoso.com"], "onlineMeetingUrl": "https://meet.lync.com/contoso",
                             "onPremisesMeetingUrl": "https://meet.contoso.com",
                             "localNumbersUrl": "https://dialin.teams.microsoft.com/ca398836?id=241752659",
                             "pinResetUrl": "https://dialin.teams.microsoft.com/usp/pstnconferencing",
                             "helpUrl": "https://aka.ms/JoinTeamsMeeting"},
                  "bridges": [{"name": "%s", "defaultNumber": "%s", "numbers": [
                    {"number": "%s", "kind": "toll", "display": "+1 323-849-4874", "city": "United States, Los Angeles"},
                    {"number": "%s", "kind": "toll-free", "display": "(866) 679-9995", "city": "United States"},
                    {"number": "+14255550175", "kind": "toll", "display": "+1 425-555-0175", "city": "United States, Redmond"}]}],
                  "users": [
                %s
                  ]
                }
                """.formatted(BRIDGE, TOLL, TOLL, TOLL_FREE, users);
    }

    /** A calendar export for {@code organizer} with about {@code events} VEVENTs around {@code now}. */
    public byte[] calendar(Organizer organizer, Instant now, int events, long seed) {
        SampleCalendar sample = new SampleCalendar(organizer.upn(), organizer.name(), now, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sample.writeHeader(out);
            int written = 0;
            while (written < events) {
                SampleCalendar.Kind kind = sample.nextKind();
                if (organizer.onPremises() && kind == SampleCalendar.Kind.TEAMS) {
                    kind = SampleCalendar.Kind.SKYPE;
                } else if (!organizer.onPremises() && kind == SampleCalendar.Kind.SKYPE) {
                    kind = SampleCalendar.Kind.TEAMS;
                }
                written += sample.writeMeeting(out, kind);
            }
            sample.writeFooter(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
