package org.mms.block;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of an online-meeting block in one language, as Microsoft's invitations use them.
 *
 * <p>Labels are data, not code: each language is a {@code labels_<language>.properties} resource beside this
 * class, read as UTF-8 (a country-specific {@code labels_<language>_<COUNTRY>.properties} wins over it when
 * present). {@code labels.properties} holds en-US and is the fallback for every language without its own file,
 * so a Japanese organizer's block reads in English until someone adds {@code labels_ja.properties}.
 * Lookup never consults the JVM's default locale: the same coordinates render the same everywhere.
 *
 * <p>Every file must define every {@link Key} and nothing else, so a missing or misspelt key fails at once
 * instead of rendering a block with a hole in it.
 *
 * @param languageTag the language the labels are written in (e.g. {@code de-DE}), for HTML {@code lang}
 * @param texts       one non-blank, single-line text per key
 */
record BlockLabels(String languageTag, Map<Key, String> texts) {

    /** The labels a block uses, named as in the properties files. */
    enum Key {
        TOLL_FREE("toll-free"),
        TEAMS_TITLE("teams.title"),
        TEAMS_JOIN_ON("teams.join-on"),
        TEAMS_CLICK_TO_JOIN("teams.click-to-join"),
        TEAMS_MEETING_ID("teams.meeting-id"),
        TEAMS_PASSCODE("teams.passcode"),
        TEAMS_CALL_IN("teams.call-in"),
        TEAMS_PHONE_CONFERENCE_ID("teams.phone-conference-id"),
        TEAMS_FIND_LOCAL_NUMBER("teams.find-local-number"),
        TEAMS_RESET_PIN("teams.reset-pin"),
        TEAMS_LEARN_MORE("teams.learn-more"),
        TEAMS_MEETING_OPTIONS("teams.meeting-options"),
        TEAMS_DOWNLOAD("teams.download"),
        TEAMS_JOIN_ON_WEB("teams.join-on-web"),
        SKYPE_JOIN("skype.join"),
        SKYPE_TROUBLE_JOINING("skype.trouble-joining"),
        SKYPE_TRY_WEB_APP("skype.try-web-app"),
        SKYPE_JOIN_BY_PHONE("skype.join-by-phone"),
        SKYPE_FIND_LOCAL_NUMBER("skype.find-local-number"),
        SKYPE_CONFERENCE_ID("skype.conference-id"),
        SKYPE_FORGOT_PIN("skype.forgot-pin"),
        SKYPE_HELP("skype.help");

        final String property;

        Key(String property) {
            this.property = property;
        }
    }

    private static final String LANGUAGE_PROPERTY = "language";
    private static final String FALLBACK_RESOURCE = "labels.properties";

    // Rendering runs once per meeting; the files are read once per locale.
    private static final Map<Locale, BlockLabels> BY_LOCALE = new ConcurrentHashMap<>();
    private static volatile Set<String> EVERY_LANGUAGE;

    BlockLabels {
        texts = Map.copyOf(texts);
    }

    /** The labels for this locale: its language and country, else its language, else en-US. */
    static BlockLabels forLocale(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, BlockLabels::load);
    }

    String get(Key key) {
        return texts.get(key);
    }

    /** Every label of every language there are labels for: what the block's own lines start with. */
    static Set<String> everyLanguage() {
        Set<String> all = EVERY_LANGUAGE;
        if (all == null) {
            Set<String> labels = new HashSet<>();
            for (String language : Locale.getISOLanguages()) {
                forLocale(Locale.of(language)).texts().values().forEach(labels::add);
            }
            all = EVERY_LANGUAGE = Set.copyOf(labels);
        }
        return all;
    }

    private static BlockLabels load(Locale locale) {
        for (String resource : candidates(locale)) {
            try (InputStream in = BlockLabels.class.getResourceAsStream(resource)) {
                if (in != null) {
                    return parse(resource, in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read block labels " + resource, e);
            }
        }
        throw new IllegalStateException("block labels " + FALLBACK_RESOURCE + " are missing from the classpath");
    }

    private static List<String> candidates(Locale locale) {
        List<String> names = new ArrayList<>();
        String language = locale.getLanguage();
        if (!language.isEmpty()) {
            if (!locale.getCountry().isEmpty()) {
                names.add("labels_" + language + "_" + locale.getCountry() + ".properties");
            }
            names.add("labels_" + language + ".properties");
        }
        names.add(FALLBACK_RESOURCE);
        return names;
    }

    private static BlockLabels parse(String resource, InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));

        TreeSet<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.remove(LANGUAGE_PROPERTY);
        String languageTag = required(resource, properties, LANGUAGE_PROPERTY);
        Map<Key, String> texts = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            texts.put(key, required(resource, properties, key.property));
            unknown.remove(key.property);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("block labels " + resource + " define unknown keys " + unknown);
        }
        return new BlockLabels(languageTag, texts);
    }

    private static String required(String resource, Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("block labels " + resource + " lack a value for " + name);
        }
        if (!value.equals(value.strip()) || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalStateException("block labels " + resource + ": " + name
                    + " must be one line without surrounding spaces: [" + value + "]");
        }
        return value;
    }
}
