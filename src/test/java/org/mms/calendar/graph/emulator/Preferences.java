package org.mms.calendar.graph.emulator;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Prefer} header values Graph documents for events: {@code outlook.timezone="…"} (start and end in that
 * zone; UTC when absent), {@code outlook.body-content-type="html"|"text"} (HTML when absent) and
 * {@code IdType="ImmutableId"} (accepted: the emulator's ids never change anyway).
 */
record Preferences(String timeZone, boolean textBody) {

    private static final Pattern TIMEZONE = Pattern.compile("(?i)outlook\\.timezone\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BODY = Pattern.compile("(?i)outlook\\.body-content-type\\s*=\\s*\"?(html|text)\"?");

    static Preferences of(List<String> preferHeaders) {
        String all = preferHeaders == null ? "" : String.join(",", preferHeaders);
        Matcher zone = TIMEZONE.matcher(all);
        Matcher body = BODY.matcher(all);
        return new Preferences(zone.find() ? zone.group(1) : "UTC", body.find() && body.group(1).toLowerCase(Locale.ROOT).equals("text"));
    }

    /** The Preference-Applied header Graph sends back for the preferences it honoured. */
    String applied() {
        return "outlook.timezone=\"" + timeZone + "\"" + (textBody ? ",outlook.body-content-type=\"text\"" : "");
    }
}
