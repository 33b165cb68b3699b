package org.mms.block;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names Outlook puts in LOCATION when a meeting's place is only the online meeting, in the
 * languages organizers use. A LOCATION that is exactly one of them names nothing but the provider,
 * so it may follow the meeting to its new type; any other LOCATION is the organizer's and stays.
 */
public final class ProviderNames {

    private static final Map<String, String> TEAMS = Map.ofEntries(
            Map.entry("en", "Microsoft Teams Meeting"), Map.entry("de", "Microsoft Teams-Besprechung"),
            Map.entry("fr", "Réunion Microsoft Teams"), Map.entry("sv", "Microsoft Teams-möte"),
            Map.entry("da", "Microsoft Teams-møde"), Map.entry("nb", "Microsoft Teams-møte"),
            Map.entry("nl", "Microsoft Teams-vergadering"), Map.entry("es", "Reunión de Microsoft Teams"),
            Map.entry("it", "Riunione di Microsoft Teams"), Map.entry("pt", "Reunião do Microsoft Teams"),
            Map.entry("fi", "Microsoft Teams -kokous"), Map.entry("pl", "Spotkanie w aplikacji Microsoft Teams"),
            Map.entry("ja", "Microsoft Teams 会議"), Map.entry("zh", "Microsoft Teams 会议"));

    private static final Map<String, String> SKYPE = Map.ofEntries(
            Map.entry("en", "Skype Meeting"), Map.entry("de", "Skype-Besprechung"),
            Map.entry("fr", "Réunion Skype"), Map.entry("sv", "Skype-möte"),
            Map.entry("da", "Skype-møde"), Map.entry("nb", "Skype-møte"),
            Map.entry("nl", "Skype-vergadering"), Map.entry("es", "Reunión de Skype"),
            Map.entry("it", "Riunione Skype"), Map.entry("pt", "Reunião do Skype"),
            Map.entry("fi", "Skype-kokous"), Map.entry("pl", "Spotkanie w programie Skype"),
            Map.entry("ja", "Skype 会議"), Map.entry("zh", "Skype 会议"));

    /**
     * Extra spellings seen in real invitations (case differs between template generations), and the consumer
     * product's name, which Teams free (teams.live.com) meetings carry.
     */
    private static final Set<String> ALSO = Set.of("microsoft teams meeting", "microsoft teams-meeting", "skype meeting",
            "online meeting", "lync meeting", "microsoft teams (free)");

    private ProviderNames() {
    }

    /** Whether {@code location} (unescaped) is nothing but a provider's name. */
    public static boolean isProviderOnly(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty()) {
            return false;
        }
        return ALSO.contains(l) || TEAMS.values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(l))
                || SKYPE.values().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(l));
    }

    /** The provider's name for {@code type} in the locale's language, English when the language is not known. */
    public static String of(MeetingType type, Locale locale) {
        Map<String, String> names = type == MeetingType.TEAMS ? TEAMS : SKYPE;
        return names.getOrDefault(locale.getLanguage(), names.get("en"));
    }
}
