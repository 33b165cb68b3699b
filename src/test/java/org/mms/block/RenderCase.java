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
                teams(true, "fr-FR"),
                skype(true, "en-US"), skype(false, "en-US"),
                skype(true, "de-DE"), skype(false, "de-DE"),
                skype(true, "sv-SE"));
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
