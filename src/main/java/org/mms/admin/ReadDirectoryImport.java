package org.mms.admin;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.AudioProvider;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.ServiceNumber;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.migration.Organizer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the directory import document (README "Directory import"): tenant settings, bridges with
 * their service numbers, and users with their hosting, mailbox and audio conferencing. Every problem
 * is reported at once with where it is ({@code users[3].audioConferencing.bridge}).
 */
public final class ReadDirectoryImport {

    /** Tenant fields present in the document; absent ones keep their current values. */
    public record TenantPart(Optional<String> name, Optional<List<String>> domains, Optional<Boolean> meetingMigrationEnabled,
            Optional<Boolean> automaticallyMigrateUserMeetings, Optional<Boolean> automaticallyReplaceAcpProvider,
            Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange,
            Optional<Duration> settleWindow, Optional<Integer> attendeeLimit, Optional<URI> onlineMeetingUrl,
            Optional<URI> onPremisesMeetingUrl, Optional<String> teamsJoinUrlTemplate, Optional<URI> localNumbersUrl,
            Optional<URI> pinResetUrl, Optional<URI> helpUrl, Optional<Boolean> requireAddInProperties) {
    }

    public record BridgePart(String name, Optional<String> defaultNumber, List<ServiceNumber> numbers) {
    }

    public record AudioPart(boolean licensed, boolean enabled, AudioProvider provider, Optional<String> bridge,
            Optional<String> serviceNumber, Optional<String> tollFreeServiceNumber, Optional<String> conferenceId, boolean publicMeetings,
            List<DialInNumber> acpNumbers, Optional<String> acpConferenceId) {
    }

    public record UserPart(String upn, Optional<String> sipAddress, Optional<String> displayName, Set<String> aliases, Hosting hosting,
            Optional<String> pool, MailboxLocation mailbox, MeetingType meetingType, TeamsUpgradeMode upgradeMode, Locale locale,
            AudioPart audio, Optional<URI> calendarUrl, Optional<String> objectId) {
    }

    public record Document(Optional<TenantPart> tenant, List<BridgePart> bridges, List<UserPart> users) {
    }

    private ReadDirectoryImport() {
    }

    public static Document from(String json) {
        return from(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Reads the document as it streams in: the bytes are never held as a whole, only the parsed document. */
    public static Document from(java.io.InputStream json) {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(json);
        } catch (JacksonException e) {
            throw new AdminException.BadRequest("the directory document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new AdminException.BadRequest("the directory document must be a JSON object with tenant, bridges and users");
        }
        Problems p = new Problems();
        p.onlyKnown(root, "", Set.of("tenant", "bridges", "users", "$comment"));
        Optional<TenantPart> tenant = root.has("tenant") ? Optional.of(tenant(root.get("tenant"), p)) : Optional.empty();
        List<BridgePart> bridges = new ArrayList<>();
        forEach(root, "bridges", p, (node, where) -> bridges.add(bridge(node, where, p)));
        List<UserPart> users = new ArrayList<>();
        forEach(root, "users", p, (node, where) -> user(node, where, p).ifPresent(users::add));
        p.throwIfAny();
        return new Document(tenant, bridges, users);
    }

    private static TenantPart tenant(JsonNode t, Problems p) {
        p.onlyKnown(t, "tenant.", Set.of("name", "domains", "meetingMigrationEnabled", "automaticallyMigrateUserMeetings",
                "automaticallyReplaceAcpProvider", "migrateOnSipAddressChange", "migrateOnMeetingUrlChange", "settleWindowSeconds",
                "attendeeLimit", "onlineMeetingUrl", "onPremisesMeetingUrl", "teamsJoinUrlTemplate", "localNumbersUrl", "pinResetUrl",
                "helpUrl", "requireAddInProperties"));
        Optional<List<String>> domains = Optional.empty();
        if (t.has("domains") && !t.get("domains").isNull()) {
            domains = Optional.of(strings(t, "domains", "tenant.", p));
        }
        return new TenantPart(p.text(t, "name", "tenant."), domains, p.bool(t, "meetingMigrationEnabled", "tenant."),
                p.bool(t, "automaticallyMigrateUserMeetings", "tenant."), p.bool(t, "automaticallyReplaceAcpProvider", "tenant."),
                p.bool(t, "migrateOnSipAddressChange", "tenant."), p.bool(t, "migrateOnMeetingUrlChange", "tenant."),
                p.integer(t, "settleWindowSeconds", "tenant.", FieldLimits.LONGEST_WINDOW.toSeconds()).map(Duration::ofSeconds),
                p.integer(t, "attendeeLimit", "tenant.", FieldLimits.MOST_ATTENDEES).map(Long::intValue),
                p.link(t, "onlineMeetingUrl", "tenant."), p.link(t, "onPremisesMeetingUrl", "tenant."),
                p.text(t, "teamsJoinUrlTemplate", "tenant."), p.link(t, "localNumbersUrl", "tenant."),
                p.link(t, "pinResetUrl", "tenant."), p.link(t, "helpUrl", "tenant."), p.bool(t, "requireAddInProperties", "tenant."));
    }

    private static BridgePart bridge(JsonNode b, String where, Problems p) {
        p.onlyKnown(b, where, Set.of("name", "defaultNumber", "numbers"));
        String name = p.text(b, "name", where).orElseGet(() -> {
            p.add(where + "name is required");
            return "";
        });
        List<ServiceNumber> numbers = new ArrayList<>();
        forEach(b, "numbers", p, where, (n, at) -> numberOf(n, at, p).ifPresent(numbers::add));
        Optional<String> def = p.text(b, "defaultNumber", where).map(ReadDirectoryImport::e164);
        def.filter(d -> numbers.stream().noneMatch(n -> n.number().equals(d)))
                .ifPresent(d -> p.add(where + "defaultNumber " + d + " is not one of the bridge's numbers"));
        return new BridgePart(name, def, numbers);
    }

    private static Optional<ServiceNumber> numberOf(JsonNode n, String where, Problems p) {
        p.onlyKnown(n, where, Set.of("number", "kind", "display", "city"));
        Optional<String> number = p.text(n, "number", where).map(ReadDirectoryImport::e164);
        DialInNumber.Kind kind = p.kind(n, where);
        try {
            return Optional.of(new ServiceNumber(number.orElse(""), kind, p.text(n, "display", where).orElse(null), p.text(n, "city", where)));
        } catch (IllegalArgumentException e) {
            p.add(where + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<UserPart> user(JsonNode u, String where, Problems p) {
        p.onlyKnown(u, where, Set.of("upn", "sipAddress", "displayName", "aliases", "hosting", "pool", "mailbox", "meetingType",
                "teamsUpgradeMode", "locale", "audioConferencing", "calendarUrl", "objectId"));
        Optional<String> upn = p.text(u, "upn", where).filter(s -> s.matches("[^@\\s]+@[^@\\s]+"));
        if (upn.isEmpty()) {
            p.add(where + "upn is required and must look like an address");
        }
        Set<String> aliases = new LinkedHashSet<>(u.has("aliases") ? strings(u, "aliases", where, p) : List.of());
        Hosting hosting = p.choice(u, "hosting", where, Hosting.class, Hosting.ONLINE);
        MailboxLocation mailbox = p.choice(u, "mailbox", where, MailboxLocation.class, MailboxLocation.REACHABLE);
        MeetingType type = p.choice(u, "meetingType", where, MeetingType.class, hosting == Hosting.ONLINE ? MeetingType.TEAMS : MeetingType.SKYPE);
        TeamsUpgradeMode mode = p.choice(u, "teamsUpgradeMode", where, TeamsUpgradeMode.class,
                type == MeetingType.TEAMS ? TeamsUpgradeMode.TEAMS_ONLY : TeamsUpgradeMode.ISLANDS);
        Locale locale = Locale.US;
        Optional<String> tag = p.text(u, "locale", where);
        if (tag.isPresent()) {
            try {
                locale = new Locale.Builder().setLanguageTag(tag.get()).build();
            } catch (IllformedLocaleException e) {
                p.add(where + "locale must be a language tag such as en-US, not " + tag.get());
            }
        }
        AudioPart audio = u.has("audioConferencing") ? audio(u.get("audioConferencing"), where + "audioConferencing.", p)
                : new AudioPart(false, false, AudioProvider.MICROSOFT, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), true, List.of(), Optional.empty());
        if (hosting == Hosting.ON_PREMISES && p.text(u, "pool", where).isEmpty()) {
            p.add(where + "pool is required for a user hosted on-premises");
        }
        Locale language = locale;
        Optional<URI> calendarUrl = p.link(u, "calendarUrl", where);
        Optional<String> objectId = p.text(u, "objectId", where);
        objectId.flatMap(Organizer::objectIdProblem).ifPresent(problem -> p.add(where + "objectId is " + problem));
        return upn.map(value -> new UserPart(value, p.text(u, "sipAddress", where), p.text(u, "displayName", where), aliases, hosting,
                p.text(u, "pool", where), mailbox, type, mode, language, audio, calendarUrl,
                objectId.filter(id -> Organizer.objectIdProblem(id).isEmpty())));
    }

    private static AudioPart audio(JsonNode a, String where, Problems p) {
        p.onlyKnown(a, where, Set.of("licensed", "enabled", "provider", "bridge", "serviceNumber", "tollFreeServiceNumber",
                "conferenceId", "publicMeetings", "acpNumbers", "acpConferenceId"));
        List<DialInNumber> acp = new ArrayList<>();
        forEach(a, "acpNumbers", p, where, (n, at) -> numberOf(n, at, p).map(ServiceNumber::asDialIn).ifPresent(acp::add));
        Optional<String> conferenceId = p.text(a, "conferenceId", where).map(s -> s.replaceAll("[\\s-]", ""));
        conferenceId.filter(c -> !c.matches("[0-9]{4,20}")).ifPresent(c -> p.add(where + "conferenceId must be 4 to 20 digits, not " + c));
        return new AudioPart(p.bool(a, "licensed", where).orElse(false), p.bool(a, "enabled", where).orElse(false),
                p.choice(a, "provider", where, AudioProvider.class, AudioProvider.MICROSOFT), p.text(a, "bridge", where),
                p.text(a, "serviceNumber", where).map(ReadDirectoryImport::e164),
                p.text(a, "tollFreeServiceNumber", where).map(ReadDirectoryImport::e164),
                conferenceId.filter(c -> c.matches("[0-9]{4,20}")), p.bool(a, "publicMeetings", where).orElse(true), acp,
                p.text(a, "acpConferenceId", where));
    }

    /** A list of non-empty strings, kept together within the width of the column that holds them joined. */
    private static List<String> strings(JsonNode node, String field, String where, Problems p) {
        JsonNode list = node.get(field);
        List<String> values = new ArrayList<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            p.add(where + field + " must be a list of strings");
            return values;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isString() || list.get(i).asString().isBlank()) {
                p.add(where + field + "[" + i + "] must be a non-empty string");
                continue;
            }
            values.add(list.get(i).asString().strip());
        }
        int joined = String.join(",", values).length();
        if (joined > FieldLimits.length(field)) {
            p.add(where + field + " are longer than " + FieldLimits.length(field) + " characters together (" + joined + ")");
        }
        return values;
    }

    /** Numbers as people write them (spaces, dashes, tel:) to E.164. */
    static String e164(String number) {
        String n = number.strip().replaceFirst("(?i)^tel:", "").replaceAll("[\\s()\\-.]", "");
        return n.startsWith("+") ? n : "+" + n;
    }

    private interface Each {
        void accept(JsonNode node, String where);
    }

    private static void forEach(JsonNode parent, String field, Problems p, Each each) {
        forEach(parent, field, p, "", each);
    }

    private static void forEach(JsonNode parent, String field, Problems p, String prefix, Each each) {
        JsonNode list = parent.get(field);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            p.add(prefix + field + " must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                p.add(prefix + field + "[" + i + "] must be an object");
                continue;
            }
            each.accept(list.get(i), prefix + field + "[" + i + "].");
        }
    }

    /** Collects problems, each with where it is. */
    private static final class Problems {
        private final List<String> all = new ArrayList<>();

        void add(String problem) {
            all.add(problem);
        }

        void onlyKnown(JsonNode node, String where, Set<String> known) {
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    add(where + name + " is not a known field");
                }
            }
        }

        Optional<String> text(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isString() && !v.isNumber()) {
                add(where + field + " must be a string");
                return Optional.empty();
            }
            String s = v.asString().strip();
            if (s.length() > FieldLimits.length(field)) {
                add(where + field + " is longer than " + FieldLimits.length(field) + " characters (" + s.length() + ")");
                return Optional.empty();
            }
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        Optional<Boolean> bool(JsonNode node, String field, String where) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isBoolean()) {
                add(where + field + " must be true or false");
                return Optional.empty();
            }
            return Optional.of(v.booleanValue());
        }

        Optional<Long> integer(JsonNode node, String field, String where, long max) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return Optional.empty();
            }
            // canConvertToLong first: a number past the range of long would otherwise wrap around silently.
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0 || v.longValue() > max) {
                add(where + field + " must be a whole number from 0 to " + max);
                return Optional.empty();
            }
            return Optional.of(v.longValue());
        }

        Optional<URI> link(JsonNode node, String field, String where) {
            return text(node, field, where).flatMap(s -> {
                try {
                    URI uri = new URI(s);
                    if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                        add(where + field + " must be an http or https link, not " + s);
                        return Optional.empty();
                    }
                    return Optional.of(uri);
                } catch (java.net.URISyntaxException e) {
                    add(where + field + " is not a valid link: " + s);
                    return Optional.empty();
                }
            });
        }

        DialInNumber.Kind kind(JsonNode node, String where) {
            String k = text(node, "kind", where).orElse("toll").toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (k) {
                case "toll" -> DialInNumber.Kind.TOLL;
                case "tollfree" -> DialInNumber.Kind.TOLL_FREE;
                default -> {
                    add(where + "kind must be toll or toll-free, not " + k);
                    yield DialInNumber.Kind.TOLL;
                }
            };
        }

        <E extends Enum<E>> E choice(JsonNode node, String field, String where, Class<E> type, E fallback) {
            Optional<String> value = text(node, field, where);
            if (value.isEmpty()) {
                return fallback;
            }
            String wanted = value.get().replaceAll("[\\s_-]", "");
            for (E e : type.getEnumConstants()) {
                if (e.name().replace("_", "").equalsIgnoreCase(wanted)) {
                    return e;
                }
            }
            if (type == MeetingType.class && wanted.equalsIgnoreCase("sfb")) {
                return type.cast(MeetingType.SKYPE);
            }
            add(where + field + " must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                    + ", not " + value.get());
            return fallback;
        }

        void throwIfAny() {
            if (!all.isEmpty()) {
                throw new AdminException.BadRequest("the directory document has " + all.size() + " problem" + (all.size() == 1 ? "" : "s")
                        + ":\n  - " + String.join("\n  - ", all));
            }
        }
    }
}
