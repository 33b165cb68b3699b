package org.mms.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeded generator of Outlook-style meeting invitations that stress what must survive a migration:
 * text in many scripts (non-BMP, CJK, RTL, combining marks), every TEXT escape including {@code \N}
 * and Outlook's {@code \:}, unknown X- properties with odd values and quoted parameters, HTML in many
 * shapes, CRLF and LF-only files, and folds at random octets, including inside UTF-8 sequences.
 * Every invitation is a future online meeting organized by {@link #ORGANIZER}, so the engine must
 * migrate each one.
 */
public final class RandomInvitations {

    public static final String ORGANIZER = "alice@contoso.com";

    private static final String[] WORDS = {
        "Agenda", "budget", "Q3", "review", "Grüße", "Müller", "straße", "naïve", "café", "会议", "議題", "予算",
        "😀", "🎉", "𝄞", "שלום", "مرحبا", "e\u0301", "n\u0303o", "Ω", "—", "“quoted”", "1,5", "a;b", "C:\\temp",
        "x\\y", "50%", "&amp;", "<tag>", "tel:+1,,2#", "https://example.com/a?b=c,d;e", "•", "\u00a0", "\t", "ÅÄÖ"
    };

    private final RandomGenerator random;

    public RandomInvitations(long seed) {
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** One generated invitation: its VEVENT bytes, and how it was made (for failure messages). */
    public record Invitation(byte[] event, String lineEnding, boolean folded, boolean teams, String description) {
    }

    public Invitation next() {
        String eol = random.nextInt(5) == 0 ? "\n" : "\r\n";
        boolean teams = random.nextBoolean();
        boolean fold = random.nextInt(8) != 0;
        boolean tabFolds = random.nextInt(10) == 0;
        String join = teams
                ? "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + token(24) + "%40thread.v2/0?context=%7b%22Tid%22%3a%22" + token(8) + "%22%7d"
                : "https://meet.contoso.com/alice/" + token(8).toUpperCase(java.util.Locale.ROOT);
        String before = userText();
        String after = random.nextInt(3) == 0 ? "" : userText();
        String textBlock = textBlock(teams, join);
        String description = before + (before.isEmpty() ? "" : "\n\n") + textBlock + (after.isEmpty() ? "" : "\n\n" + after);

        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VEVENT");
        List<String> props = new ArrayList<>();
        props.add("CLASS:PUBLIC");
        props.add("CREATED:20261001T080000Z");
        props.add("DESCRIPTION" + (random.nextBoolean() ? ";LANGUAGE=en-US" : "") + ":" + escape(description));
        props.add("DTSTART;TZID=W. Europe Standard Time:2027" + two(1 + random.nextInt(12)) + two(1 + random.nextInt(28)) + "T100000");
        props.add("DTEND;TZID=W. Europe Standard Time:20271231T110000");
        props.add("DTSTAMP:20261120T101010Z");
        if (random.nextBoolean()) {
            props.add("LAST-MODIFIED:20261119T090000Z");
        }
        props.add("LOCATION" + (random.nextBoolean() ? ";LANGUAGE=de-DE" : "") + ":"
                + (random.nextBoolean() ? escape(teams ? "Microsoft Teams Meeting" : "Skype Meeting") : escape("Room 4 – " + word())));
        if (random.nextInt(4) != 0) {
            props.add("SEQUENCE:" + random.nextInt(5));
        }
        props.add("SUMMARY;LANGUAGE=en-US:" + escape(userText()));
        props.add("UID:040000008200E00074C5B7101A82E008" + token(32).toUpperCase(java.util.Locale.ROOT));
        props.add("ORGANIZER;CN=\"Alice Smith\":" + (random.nextBoolean() ? "mailto:" : "MAILTO:") + ORGANIZER);
        int attendees = random.nextInt(6);
        for (int i = 0; i < attendees; i++) {
            props.add("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=" + quotedOrNot("Person " + word())
                    + ":mailto:p" + i + "@fabrikam.com");
        }
        props.add("X-MICROSOFT-CDO-BUSYSTATUS:BUSY");
        if (teams) {
            props.add("X-MICROSOFT-SKYPETEAMSMEETINGURL:" + join);
            props.add("X-MICROSOFT-SKYPETEAMSPROPERTIES:{\"cid\":\"19:meeting_" + token(10) + "@thread.v2\"\\,\"private\":true\\,\"type\":0}");
            props.add("X-MICROSOFT-ONLINEMEETINGINFORMATION:{\"OnlineMeetingChannelId\":null\\,\"OnlineMeetingProvider\":3}");
        } else {
            props.add("X-MICROSOFT-ONLINEMEETINGEXTERNALLINK:" + join);
            props.add("X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:alice@contoso.com\\;gruu\\;opaque=app:conf:focus:id:" + token(8));
            props.add("X-MICROSOFT-CONFERENCETELURI:tel:+4612345\\,\\,68138");
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            props.add(unknownProperty());
        }
        if (random.nextInt(5) != 0) {
            props.add("X-ALT-DESC;FMTTYPE=text/html:" + escapeHtmlValue(html(teams, join)));
        }
        shuffleTail(props);
        lines.addAll(props);
        if (random.nextBoolean()) {
            lines.add("BEGIN:VALARM");
            lines.add("DESCRIPTION:" + escape("Reminder " + word()));
            lines.add("TRIGGER:-PT15M");
            lines.add("ACTION:DISPLAY");
            lines.add("END:VALARM");
        }
        lines.add("END:VEVENT");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] content = line.getBytes(UTF_8);
            out.writeBytes(fold ? fold(content, eol, tabFolds) : content);
            out.writeBytes(eol.getBytes(UTF_8));
        }
        return new Invitation(out.toByteArray(), eol, fold, teams, description);
    }

    private String textBlock(boolean teams, String join) {
        List<String> lines = new ArrayList<>();
        String fence = teams ? "_".repeat(80) : ".".repeat(137);
        lines.add(fence);
        int labels = 1 + random.nextInt(4);
        for (int i = 0; i < labels; i++) {
            lines.add(word() + " " + word());
        }
        lines.add((teams ? "Click here to join the meeting" : "Join Skype Meeting") + (random.nextBoolean() ? "" : " ") + "<" + join + ">");
        if (random.nextBoolean()) {
            lines.add("+1 323-849-4874,,241752659# United States, Los Angeles");
            lines.add("Phone Conference ID: 241 752 659#");
        }
        if (!teams) {
            lines.add("[!OC([1033])!]");
        }
        lines.add(fence);
        return String.join("\n", lines);
    }

    private String html(boolean teams, String join) {
        String fence = teams
                ? pick("<div style=\"width:100%;height: 20px;\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36;\">%s</span></div>",
                        "<DIV><SPAN STYLE='color:#5F5F5F'>%s</SPAN></DIV>", "<p class=MsoNormal><span>%s</span></p>")
                : pick("<p class=MsoNormal style='text-autospace:none'><span style='font-size:8.0pt;color:#404040'>%s</span></p>",
                        "<P><FONT SIZE=1>%s</FONT></P>");
        String rule = fence.replace("%s", teams ? "_".repeat(80) : ".".repeat(137));
        String inner = teams
                ? "<div class=\"me-email-text\" lang=\"en-US\"><a class=\"me-email-headline\" href=\"" + join.replace("&", "&amp;")
                        + "\">Click here to join the meeting</a><br>" + htmlText() + "</div>"
                : "<p class=MsoNormal><a name=\"OutJoinLink\"></a><a href=\"" + join + "\"><span>Join Skype Meeting</span></a></p>"
                        + "<a name=\"OutSharedNoteBorder\"></a><a name=\"OutSharedNoteLink\"></a><p>" + htmlText() + "</p>";
        String block = rule + inner + rule;
        if (random.nextInt(3) == 0) {
            block = "<div>" + block + "</div>";
        }
        String head = pick("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><style>p{margin:0;}</style></head><body>",
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2//EN\">\n<HTML>\n<HEAD>\n<META NAME=\"Generator\" CONTENT=\"MS Exchange Server version 16.0\">\n<TITLE></TITLE>\n</HEAD>\n<BODY>\n<!-- Converted from text/rtf format -->\n",
                "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body lang=EN-US><div class=WordSection1>");
        String tail = head.contains("WordSection1") ? "</div></body></html>" : pick("</body></html>", "\n</BODY>\n</HTML>");
        return head + "<p>" + htmlText() + "</p>" + (random.nextBoolean() ? "<!-- " + word() + " -->" : "") + "\r\n"
                + block + (random.nextBoolean() ? "<p>" + htmlText() + "</p>" : "") + tail;
    }

    private String htmlText() {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            String w = word();
            sb.append(switch (random.nextInt(6)) {
                case 0 -> "<b>" + htmlEscape(w) + "</b>";
                case 1 -> "&nbsp;";
                case 2 -> "&#128512;";
                default -> htmlEscape(w);
            }).append(' ');
        }
        return sb.toString();
    }

    private static String htmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String userText() {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(25); i >= 0; i--) {
            sb.append(word());
            sb.append(switch (random.nextInt(8)) {
                case 0 -> "\n";
                case 1 -> ", ";
                case 2 -> "; ";
                default -> " ";
            });
        }
        return sb.toString().strip();
    }

    /** TEXT escaping as Outlook does it, with its variations: sometimes \N, sometimes \:, sometimes a bare ;. */
    private String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ',' -> sb.append("\\,");
                case ';' -> sb.append(random.nextInt(6) == 0 ? ";" : "\\;");
                case ':' -> sb.append(random.nextInt(6) == 0 ? "\\:" : ":");
                case '\n' -> sb.append(random.nextInt(4) == 0 ? "\\N" : "\\n");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private String escapeHtmlValue(String html) {
        return escape(html).replace("\r", "");
    }

    private String unknownProperty() {
        return switch (random.nextInt(4)) {
            case 0 -> "x-custom-lower:keep;me,raw";
            case 1 -> "X-ODD;Z=\"a:b;c,d\";Y=1,2:value;with:colons," + word();
            case 2 -> "X-MICROSOFT-CDO-OWNERAPPTID:-" + random.nextInt(1_000_000_000);
            default -> "X-WR-NOTE;LANGUAGE=ja:" + escape(userText());
        };
    }

    private String quotedOrNot(String value) {
        return random.nextBoolean() ? "\"" + value.replace("\"", "") + "\"" : value.replaceAll("[\";:,]", "");
    }

    /** Keeps BEGIN first; shuffles the order of the rest a little, as producers differ. */
    private void shuffleTail(List<String> props) {
        for (int i = props.size() - 1; i > 0; i--) {
            if (random.nextInt(3) == 0) {
                int j = random.nextInt(i + 1);
                String t = props.get(i);
                props.set(i, props.get(j));
                props.set(j, t);
            }
        }
    }

    /**
     * Folds at random octet positions, splitting UTF-8 sequences freely: long lines always (no
     * physical line over 75 octets), short ones now and then.
     */
    private byte[] fold(byte[] content, String eol, boolean tabs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        int limit = 75;
        while (content.length - i > 1) {
            int remaining = content.length - i;
            if (remaining <= limit && random.nextInt(4) != 0) {
                break;
            }
            int take = 1 + random.nextInt(Math.min(limit, remaining - 1));
            out.write(content, i, take);
            out.writeBytes(eol.getBytes(UTF_8));
            out.write(tabs ? '\t' : ' ');
            i += take;
            limit = 74;
        }
        out.write(content, i, content.length - i);
        return out.toByteArray();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
