package org.mms.block;

import java.util.List;
import java.util.Locale;

/** A named set of coordinates whose block has golden files under {@code fixtures/block/<name>.txt|.html}. */
record RenderCase(String name, Coordinates coordinates) {

    @Override
    public String toString() {
        return name;
    }

    static List<RenderCase> goldenCases() {
        return List.of(
                teams(true, "en-US"), teams(false, "en-US"),
                teams(true, "de-DE"), teams(false, "de-DE"),
                teams(true, "fr-FR"), teams(true, "sv-SE"), teams(true, "es-ES"), teams(true, "it-IT"),
                teams(true, "nl-NL"), teams(true, "ja-JP"),
                skype(true, "en-US"), skype(false, "en-US"),
                skype(true, "de-DE"), skype(false, "de-DE"),
                skype(true, "fr-FR"), skype(true, "sv-SE"), skype(true, "es-ES"), skype(true, "it-IT"),
                skype(true, "nl-NL"), skype(true, "ja-JP"));
    }

    private static RenderCase teams(boolean dialIn, String tag) {
        return new RenderCase(name("teams", dialIn, tag), SampleCoordinates.teams(Locale.forLanguageTag(tag), dialIn));
    }

    private static RenderCase skype(boolean dialIn, String tag) {
        return new RenderCase(name("skype", dialIn, tag), SampleCoordinates.skype(Locale.forLanguageTag(tag), dialIn));
    }

    private static String name(String type, boolean dialIn, String tag) {
        return type + (dialIn ? "-dialin-" : "-no-dialin-") + tag;
    }
}
