package org.mms.offline;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mms.block.CheckFooter;
import org.mms.block.CustomFooter;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.migration.CheckAddress;
import org.mms.migration.CoordinatesTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an organizer profile (their new conferencing settings) from JSON. Every problem is reported
 * at once, each naming its field, so an admin fixes the file in one go.
 */
public final class ReadProfile {

    /** The settings, and the organizer's other addresses. */
    public record Profile(CoordinatesTemplate target, Set<String> aliases) {
    }

    /** The file is not a usable profile; the message lists every problem. */
    public static final class InvalidProfileException extends RuntimeException {
        public InvalidProfileException(String message) {
            super(message);
        }
    }

    private static final Set<String> FIELDS = Set.of("meetingType", "joinUrl", "meetingId", "passcode", "conferenceId",
            "dialIn", "localNumbersUrl", "pinResetUrl", "helpUrl", "meetingOptionsUrl", "locale", "aliases", "footer", "$comment");
    private static final Set<String> NUMBER_FIELDS = Set.of("number", "display", "kind", "place");
    private static final Set<String> FOOTER_FIELDS = Set.of("text", "html");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReadProfile() {
    }

    public static Profile from(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidProfileException("the profile is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidProfileException("the profile must be a JSON object");
        }
        List<String> problems = new ArrayList<>();
        for (String name : root.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add("unknown field \"" + name + "\" (known: " + String.join(", ", sorted(FIELDS)) + ")");
            }
        }
        MeetingType type = switch (text(root, "meetingType", problems).orElse("").toLowerCase(Locale.ROOT)) {
            case "teams" -> MeetingType.TEAMS;
            case "skype", "sfb", "skypeforbusiness" -> MeetingType.SKYPE;
            case "" -> {
                problems.add("meetingType is required: \"teams\" or \"skype\"");
                yield null;
            }
            default -> {
                problems.add("meetingType must be \"teams\" or \"skype\", not \"" + root.path("meetingType").asString() + "\"");
                yield null;
            }
        };
        String joinUrl = text(root, "joinUrl", problems).orElse(CoordinatesTemplate.KEEP);
        Optional<String> meetingId = digits(root, "meetingId", problems);
        Optional<String> passcode = text(root, "passcode", problems);
        Optional<String> conferenceId = digits(root, "conferenceId", problems);
        List<DialInNumber> dialIn = dialIn(root, problems);
        Optional<URI> localNumbers = link(root, "localNumbersUrl", problems);
        Optional<URI> pinReset = link(root, "pinResetUrl", problems);
        Optional<URI> help = link(root, "helpUrl", problems);
        Optional<URI> options = link(root, "meetingOptionsUrl", problems);
        Locale locale = locale(root, problems);
        Set<String> aliases = aliases(root, problems);
        Optional<CustomFooter> footer = footer(root, problems);
        if (!dialIn.isEmpty() && conferenceId.isEmpty()) {
            problems.add("dialIn numbers need a conferenceId to dial into");
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(describe(problems));
        }
        try {
            return new Profile(new CoordinatesTemplate(type, joinUrl, meetingId, passcode, conferenceId, dialIn, localNumbers,
                    pinReset, help, options, locale, footer), aliases);
        } catch (IllegalArgumentException e) {
            throw new InvalidProfileException(describe(List.of(e.getMessage())));
        }
    }

    private static String describe(List<String> problems) {
        return "the profile has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  - "
                + String.join("\n  - ", problems);
    }

    private static Optional<String> text(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            problems.add(field + " must be a string");
            return Optional.empty();
        }
        String s = value.stringValue().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<String> digits(JsonNode node, String field, List<String> problems) {
        JsonNode value = node.get(field);
        if (value != null && value.isIntegralNumber()) {
            return Optional.of(value.asString());
        }
        Optional<String> s = text(node, field, problems).map(v -> v.replaceAll("[\\s-]", ""));
        if (s.isPresent() && !s.get().matches("[0-9]{1,20}")) {
            problems.add(field + " must be digits (spaces allowed), not \"" + node.get(field).asString() + "\"");
            return Optional.empty();
        }
        return s;
    }

    private static Optional<URI> link(JsonNode node, String field, List<String> problems) {
        Optional<String> s = text(node, field, problems);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(s.get());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                problems.add(field + " must be an http or https link, not \"" + s.get() + "\"");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(field + " is not a valid link: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Locale locale(JsonNode node, List<String> problems) {
        Optional<String> tag = text(node, "locale", problems);
        if (tag.isEmpty()) {
            return Locale.US;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.get()).build();
        } catch (IllformedLocaleException e) {
            problems.add("locale must be a language tag such as en-US or de-DE, not \"" + tag.get() + "\"");
            return Locale.US;
        }
    }

    private static List<DialInNumber> dialIn(JsonNode root, List<String> problems) {
        JsonNode list = root.get("dialIn");
        List<DialInNumber> numbers = new ArrayList<>();
        if (list == null || list.isNull()) {
            return numbers;
        }
        if (!list.isArray()) {
            problems.add("dialIn must be a list of numbers");
            return numbers;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "dialIn[" + i + "]";
            if (!n.isObject()) {
                problems.add(where + " must be an object with number, display, kind and place");
                continue;
            }
            for (String name : n.propertyNames()) {
                if (!NUMBER_FIELDS.contains(name)) {
                    problems.add(where + ": unknown field \"" + name + "\" (known: " + String.join(", ", sorted(NUMBER_FIELDS)) + ")");
                }
            }
            List<String> own = new ArrayList<>();
            Optional<String> number = text(n, "number", own).map(s -> s.replaceAll("[\\s()\\-.]", ""));
            Optional<String> display = text(n, "display", own);
            Optional<String> place = text(n, "place", own);
            String kindText = text(n, "kind", own).orElse("toll").toLowerCase(Locale.ROOT);
            DialInNumber.Kind kind = switch (kindText) {
                case "toll" -> DialInNumber.Kind.TOLL;
                case "toll-free", "tollfree", "toll_free" -> DialInNumber.Kind.TOLL_FREE;
                default -> {
                    own.add("kind must be \"toll\" or \"toll-free\", not \"" + kindText + "\"");
                    yield DialInNumber.Kind.TOLL;
                }
            };
            if (number.isEmpty()) {
                own.add("number is required (E.164, e.g. +14255550100)");
            }
            if (own.isEmpty()) {
                try {
                    numbers.add(new DialInNumber(number.get(), kind, display.orElse(number.get()), place));
                } catch (IllegalArgumentException e) {
                    own.add(e.getMessage());
                }
            }
            own.forEach(p -> problems.add(where + ": " + p));
        }
        return numbers;
    }

    /** {@code "footer": {"text": "...", "html": "..."}}, either or both; checked as the service checks a tenant's. */
    private static Optional<CustomFooter> footer(JsonNode root, List<String> problems) {
        JsonNode footer = root.get("footer");
        if (footer == null || footer.isNull()) {
            return Optional.empty();
        }
        if (!footer.isObject()) {
            problems.add("footer must be an object with text, html or both");
            return Optional.empty();
        }
        for (String name : footer.propertyNames()) {
            if (!FOOTER_FIELDS.contains(name)) {
                problems.add("footer: unknown field \"" + name + "\" (known: " + String.join(", ", sorted(FOOTER_FIELDS)) + ")");
            }
        }
        List<String> own = new ArrayList<>();
        Optional<String> text = rawText(footer, "text", "footer.text", own);
        Optional<String> html = rawText(footer, "html", "footer.html", own);
        problems.addAll(own);
        if (!own.isEmpty()) {
            return Optional.empty();
        }
        return switch (CheckFooter.check("footer.text", text, "footer.html", html)) {
            case CheckFooter.Accepted(Optional<CustomFooter> accepted) -> accepted;
            case CheckFooter.Refused(List<String> refused) -> {
                problems.addAll(refused);
                yield Optional.empty();
            }
        };
    }

    /** A string as written, line breaks and all (the footer's lines are its content). */
    private static Optional<String> rawText(JsonNode node, String field, String name, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            problems.add(name + " must be a string");
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    private static Set<String> aliases(JsonNode root, List<String> problems) {
        JsonNode list = root.get("aliases");
        Set<String> aliases = new LinkedHashSet<>();
        if (list == null || list.isNull()) {
            return aliases;
        }
        if (!list.isArray()) {
            problems.add("aliases must be a list of e-mail addresses");
            return aliases;
        }
        for (JsonNode a : list) {
            if (!a.isString() || CheckAddress.problem(a.stringValue()).isPresent()) {
                problems.add("aliases: not an e-mail address: " + a);
            } else {
                aliases.add(a.stringValue().strip());
            }
        }
        return aliases;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().filter(n -> !n.startsWith("$")).sorted().toList();
    }
}
