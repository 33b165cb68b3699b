package org.mms.block;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Windows locale identifiers (LCIDs), in decimal, for the Skype for Business block's hidden
 * {@code [!OC([1033])!]} marker.
 *
 * <p>The marker names the organizer's locale, as the Outlook add-in writes it, even when that language has no
 * labels of its own yet and the block reads in English. The table ({@code lcid.properties}) is data: a full
 * language tag ({@code de-AT}) wins over the bare language ({@code de}); a language not in it gets 1033 (en-US).
 */
final class WindowsLcid {

    /** en-US, the LCID of the fallback labels. */
    static final int FALLBACK = 1033;

    private static final Map<String, Integer> BY_TAG = load();

    private WindowsLcid() {
    }

    static int of(Locale locale) {
        String language = locale.getLanguage();
        Integer lcid = BY_TAG.get(language + "-" + locale.getCountry());
        if (lcid == null) {
            lcid = BY_TAG.get(language);
        }
        return lcid == null ? FALLBACK : lcid;
    }

    private static Map<String, Integer> load() {
        Properties properties = new Properties();
        try (InputStream in = WindowsLcid.class.getResourceAsStream("lcid.properties")) {
            if (in == null) {
                throw new IllegalStateException("lcid.properties is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lcid.properties", e);
        }
        Map<String, Integer> table = new HashMap<>();
        for (String tag : properties.stringPropertyNames()) {
            String value = properties.getProperty(tag).strip();
            if (!value.matches("[1-9][0-9]{3,4}")) {
                throw new IllegalStateException("lcid.properties: " + tag + " is not a decimal LCID: " + value);
            }
            table.put(tag, Integer.valueOf(value));
        }
        return Map.copyOf(table);
    }
}
