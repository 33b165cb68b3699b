package org.mms.block;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Coordinates whose values try to break out of the block: markup in a place name, quotes and ampersands in URLs. */
final class HostileCoordinates {

    static final String PLACE = "<script>alert(\"x\")</script> & 'q'";
    static final String PLACE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";

    /** java.net.URI percent-encodes the double quotes itself; the ampersands and apostrophes stay as they are. */
    static final URI JOIN_URL = uri("https", "join.example.com", "/meet/x", "a=1&b=\"two\"&c='three'");
    static final String JOIN_URL_STRING = "https://join.example.com/meet/x?a=1&b=%22two%22&c='three'";
    static final String JOIN_URL_ESCAPED = "https://join.example.com/meet/x?a=1&amp;b=%22two%22&amp;c=&#39;three&#39;";

    private HostileCoordinates() {
    }

    static Coordinates teams() {
        return coordinates(MeetingType.TEAMS);
    }

    static Coordinates skype() {
        return coordinates(MeetingType.SKYPE);
    }

    private static Coordinates coordinates(MeetingType type) {
        return new Coordinates(type, JOIN_URL, Optional.of("123456789012"), Optional.of("Ab3cD4"), Optional.of("4242"),
                List.of(new DialInNumber("+14255550100", DialInNumber.Kind.TOLL, "+1 425-555-0100", Optional.of(PLACE))),
                Optional.of(uri("https", "dialin.example.com", "/local", "id=4242&x=\"y\"")),
                Optional.of(uri("https", "dialin.example.com", "/pin", "a=1&b=2")),
                Optional.of(uri("https", "help.example.com", "/", "q='help'&r=1")),
                Optional.of(uri("https", "options.example.com", "/", "o=1&p=2")),
                Locale.US);
    }

    private static URI uri(String scheme, String host, String path, String query) {
        try {
            return new URI(scheme, host, path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
