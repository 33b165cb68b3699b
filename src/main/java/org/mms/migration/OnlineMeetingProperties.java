package org.mms.migration;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mms.block.Coordinates;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.block.ProviderNames;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.ContentLine;
import org.mms.ical.TextEscaping;

/**
 * The machine-readable half of the block: the add-in's {@code X-MICROSOFT-*} properties, RFC 7986
 * {@code CONFERENCE} lines, and LOCATION when it only names the provider. They are brought in line
 * with the new coordinates together with the body, so clients that read properties (join buttons,
 * dial-in pickers) show the same thing as the text.
 */
final class OnlineMeetingProperties {

    static final String TEAMS_URL = "X-MICROSOFT-SKYPETEAMSMEETINGURL";
    static final String TEAMS_PROPERTIES = "X-MICROSOFT-SKYPETEAMSPROPERTIES";
    static final String TEAMS_UPDATE_URL = "X-MICROSOFT-SCHEDULINGSERVICEUPDATEURL";
    static final String TEAMS_OPTIONS_URL = "X-MICROSOFT-SCHEDULINGSERVICEMEETINGOPTIONSURL";
    static final String EXTERNAL_LINK = "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK";
    static final String INTERNAL_LINK = "X-MICROSOFT-ONLINEMEETINGINTERNALLINK";
    static final String CONF_LINK = "X-MICROSOFT-ONLINEMEETINGCONFLINK";
    static final String INFORMATION = "X-MICROSOFT-ONLINEMEETINGINFORMATION";
    static final String TOLL_NUMBER = "X-MICROSOFT-ONLINEMEETINGTOLLNUMBER";
    static final String CONFERENCE_ID = "X-MICROSOFT-ONLINEMEETINGCONFERENCEID";
    static final String TEL_URI = "X-MICROSOFT-CONFERENCETELURI";
    static final String CONFERENCE = "CONFERENCE";

    /** The properties only the scheduling add-in writes: their presence is what makes an online meeting. */
    static final Set<String> WRITTEN_BY_ADD_IN = Set.of(TEAMS_URL, TEAMS_PROPERTIES, EXTERNAL_LINK, INTERNAL_LINK,
            CONF_LINK, INFORMATION, TEL_URI);

    private static final Set<String> TEAMS_ONLY = Set.of(TEAMS_URL, TEAMS_PROPERTIES, TEAMS_UPDATE_URL, TEAMS_OPTIONS_URL);
    private static final Set<String> SKYPE_ONLY = Set.of(EXTERNAL_LINK, INTERNAL_LINK);

    private OnlineMeetingProperties() {
    }

    static boolean writtenByAddIn(Component event) {
        return WRITTEN_BY_ADD_IN.stream().anyMatch(event::has);
    }

    /** The meeting's join link as its properties state it, Teams first. */
    static Optional<String> joinLink(Component event) {
        return event.value(TEAMS_URL).or(() -> event.value(EXTERNAL_LINK)).map(TextEscaping::unescape).map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /** The link property {@code name} holds, unescaped; empty when it is absent or blank. */
    static Optional<String> link(Component event, String name) {
        return event.value(name).map(TextEscaping::unescape).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Plans the property edits that go with replacing a {@code from} block by one for {@code to}. */
    static void update(ComponentEditor editor, Component event, MeetingType from, Coordinates to, String organizerAddress,
            List<String> oldBlockLinks) {
        String join = to.joinUrl().toString();
        boolean teams = to.type() == MeetingType.TEAMS;
        boolean typeChanges = from != to.type();

        if (typeChanges) {
            for (String name : teams ? SKYPE_ONLY : TEAMS_ONLY) {
                event.all(name).forEach(editor::deleteLine);
            }
        }
        setOrAdd(editor, event, teams ? TEAMS_URL : EXTERNAL_LINK, xText(join));
        event.first(INTERNAL_LINK).filter(l -> !teams).ifPresent(l -> editor.replaceValue(l, xText(join)));
        updateConfLink(editor, event, to, organizerAddress, typeChanges);
        updateInformation(editor, event, to, typeChanges);

        Optional<DialInNumber> first = to.dialIn().stream().filter(n -> n.kind() == DialInNumber.Kind.TOLL).findFirst()
                .or(() -> to.dialIn().stream().findFirst());
        if (first.isPresent()) {
            String tel = "tel:" + first.get().e164() + to.conferenceId().map(id -> ",," + id).orElse("");
            setOrAdd(editor, event, TEL_URI, xText(tel), !teams);
            setOrAdd(editor, event, TOLL_NUMBER, xText(first.get().display()), teams);
            to.conferenceId().ifPresentOrElse(id -> setOrAdd(editor, event, CONFERENCE_ID, id, false),
                    () -> event.all(CONFERENCE_ID).forEach(editor::deleteLine));
        } else {
            for (String name : List.of(TEL_URI, TOLL_NUMBER, CONFERENCE_ID)) {
                event.all(name).forEach(editor::deleteLine);
            }
        }
        replaceConferenceLines(editor, event, to);
        updateLocation(editor, event, to, typeChanges, oldBlockLinks);
    }

    private static void updateConfLink(ComponentEditor editor, Component event, Coordinates to, String organizer,
            boolean typeChanges) {
        Optional<ContentLine> line = event.first(CONF_LINK);
        if (to.type() == MeetingType.TEAMS) {
            // A Teams conference link names the Teams thread, which only the Teams service can mint:
            // keep a Teams one, drop a Skype one that would point at the retired conference.
            if (typeChanges) {
                line.ifPresent(editor::deleteLine);
            }
            return;
        }
        String key = lastPathSegment(to.joinUrl());
        String sip = line.map(l -> TextEscaping.unescape(l.property().value()))
                .filter(v -> v.startsWith("conf:sip:")).map(v -> v.substring("conf:sip:".length()).split(";", 2)[0])
                .orElse(organizer);
        String value = "conf:sip:" + sip + ";gruu;opaque=app:conf:focus:id:" + key;
        setOrAdd(editor, event, CONF_LINK, xText(value));
    }

    private static void updateInformation(ComponentEditor editor, Component event, Coordinates to, boolean typeChanges) {
        // OnlineMeetingProvider as Exchange numbers it: 1 Skype for Business, 3 Teams for business.
        String provider = to.type() == MeetingType.TEAMS ? "3" : "1";
        Optional<ContentLine> line = event.first(INFORMATION);
        if (line.isPresent()) {
            String value = line.get().property().value();
            String updated = value.replaceAll("(\"OnlineMeetingProvider\"\\s*:\\s*)\\d+", "$1" + provider);
            if (!updated.equals(value)) {
                editor.replaceValue(line.get(), updated);
            }
        } else if (typeChanges) {
            editor.addLine(INFORMATION + ":" + xText("{\"OnlineMeetingChannelId\":null,\"OnlineMeetingProvider\":" + provider + "}"));
        }
    }

    private static void replaceConferenceLines(ComponentEditor editor, Component event, Coordinates to) {
        List<ContentLine> existing = event.all(CONFERENCE);
        List<String> lines = new java.util.ArrayList<>();
        String provider = ProviderNames.of(to.type(), to.locale());
        lines.add(CONFERENCE + ";VALUE=URI;FEATURE=VIDEO;LABEL=" + quoted(provider) + ":" + keptByServers(to.joinUrl().toString()));
        for (DialInNumber n : to.dialIn()) {
            String label = n.display() + n.place().map(p -> " (" + p + ")").orElse("")
                    + (n.kind() == DialInNumber.Kind.TOLL_FREE ? " toll-free" : "");
            // In a tel: URI a '#' is percent-encoded (RFC 3966); the pauses are, for the servers' sake.
            String tel = "tel:" + n.e164() + to.conferenceId().map(id -> ",," + id + "%23").orElse("");
            lines.add(CONFERENCE + ";VALUE=URI;FEATURE=PHONE;LABEL=" + quoted(label) + ":" + keptByServers(tel));
        }
        if (existing.isEmpty()) {
            lines.forEach(editor::addLine);
            return;
        }
        ContentLine anchor = existing.getFirst();
        lines.forEach(l -> editor.addLineBefore(anchor, l));
        existing.forEach(editor::deleteLine);
    }

    private static void updateLocation(ComponentEditor editor, Component event, Coordinates to, boolean typeChanges,
            List<String> oldBlockLinks) {
        Optional<ContentLine> line = event.first("LOCATION");
        if (line.isEmpty()) {
            return;
        }
        String location = TextEscaping.unescape(line.get().property().value()).strip();
        if (oldBlockLinks.stream().anyMatch(link -> link.equalsIgnoreCase(location))) {
            editor.replaceValue(line.get(), TextEscaping.escape(to.joinUrl().toString()));
        } else if (typeChanges && ProviderNames.isProviderOnly(location)) {
            editor.replaceValue(line.get(), TextEscaping.escape(ProviderNames.of(to.type(), to.locale())));
        }
    }

    private static void setOrAdd(ComponentEditor editor, Component event, String name, String value) {
        setOrAdd(editor, event, name, value, true);
    }

    /** Sets the value where the property exists; adds the property only when {@code addIfMissing}. */
    private static void setOrAdd(ComponentEditor editor, Component event, String name, String value, boolean addIfMissing) {
        Optional<ContentLine> line = event.first(name);
        if (line.isPresent()) {
            editor.replaceValue(line.get(), value);
        } else if (addIfMissing) {
            editor.addLine(name + ":" + value);
        }
    }

    /** X- property values are TEXT unless declared otherwise (RFC 5545 §3.8.8.2), and Exchange escapes them so. */
    private static String xText(String value) {
        return TextEscaping.escape(value);
    }

    /**
     * A URI value as CalDAV servers keep it. RFC 5545 does not escape URI values (a backslash would be part of
     * the URI), but servers built on general iCalendar libraries read an unknown property such as CONFERENCE as
     * TEXT: Radicale keeps only what comes before the first unescaped comma and escapes semicolons, Xandikos
     * escapes commas and decodes {@code %2C}, {@code %3A}, {@code %3B} and {@code %5C}. Percent-encoding the comma,
     * semicolon and backslash (lower-case hex, which RFC 3986 makes equivalent, and which those decoders leave
     * alone) gives a value both keep as written and every URI reader decodes to the same thing.
     */
    static String keptByServers(String uri) {
        StringBuilder sb = new StringBuilder(uri.length() + 16);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            switch (c) {
                case ',' -> sb.append("%2c");
                case ';' -> sb.append("%3b");
                case '\\' -> sb.append("%5c");
                case '%' -> {
                    sb.append('%');
                    if (i + 2 < uri.length()) {
                        sb.append(uri.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                        i += 2;
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String quoted(String paramValue) {
        return "\"" + paramValue.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
    }

    private static String lastPathSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                return parts[i];
            }
        }
        return uri.getHost();
    }
}
