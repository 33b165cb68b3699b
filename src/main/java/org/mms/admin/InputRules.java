package org.mms.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;

/**
 * What a value that names something may hold, checked where it comes in (the API's bodies, path
 * parameters, the directory import), so that it is refused with the reason instead of being stored and
 * shown again to another admin, a log reader or a mail client. The companion of {@link FieldLimits},
 * which says how long a value may be.
 *
 * <p>Names (users, pools, bridges, numbers, accounts, servers) are one line of text: no control
 * characters (NUL, CR, LF, …), no markup ({@code <}, {@code >}), and no {@code ${…}} lookups that a
 * log framework or a template down the line could expand. Messages say what is wrong, never echo it.
 */
public final class InputRules {

    private InputRules() {
    }

    /** Fields of the API's bodies (and path parameters) that name something, by their names. */
    static final Set<String> NAMES = Set.of("Target", "Identity", "SipAddress", "BridgeName", "ServiceNumber", "TollFreeServiceNumber",
            "ConferenceId", "PolicyName", "Kind", "Url", "CalendarPath", "UserName", "Scheduling");

    /** The value, when {@code field} is not a name or the value is fine for one; else a refusal that says why. */
    public static String check(String field, String value) {
        if (value != null && NAMES.contains(field)) {
            name(field, value);
        }
        return value;
    }

    /** A name as the rules above say, or a refusal naming the field and what is wrong with it. */
    public static String name(String field, String value) {
        problem(value).ifPresent(why -> {
            throw new AdminException.BadRequest(field + " must not contain " + why);
        });
        return value;
    }

    /** What is wrong with a name, if anything. */
    static Optional<String> problem(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == 0) {
                return Optional.of("a NUL character");
            }
            if (c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029) {
                return Optional.of("a line break");
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("control characters");
            }
            if (c == '<' || c == '>') {
                return Optional.of("markup (< or >)");
            }
            i += Character.charCount(c);
        }
        if (value.contains("${")) {
            return Optional.of("a ${...} lookup");
        }
        return Optional.empty();
    }

    /**
     * {@code Move-CsUser -Target}: the online service's FQDN or a pool's, that is a host name
     * (letters, digits, '-' and '.', labels of at most 63 characters).
     */
    static String hostName(String field, String value) {
        name(field, value);
        if (!value.matches("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?")) {
            throw new AdminException.BadRequest(field + " must be a host name such as pool01.contoso.com (letters, digits, '-' and '.')");
        }
        return value;
    }

    /**
     * A server's URL: absolute http or https with a host, and without a user name or password in it
     * (refused without being repeated: it would show the password it holds).
     */
    static URI serverUrl(String field, String value) {
        name(field, value);
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new AdminException.BadRequest(field + " is not a valid link");
        }
        if (url.getRawUserInfo() != null) {
            throw new AdminException.BadRequest(field + " must not hold a user name or password (user:password@); "
                    + "give them as UserName and Password, where they are kept sealed and never shown");
        }
        if (url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            throw new AdminException.BadRequest(field + " must be an http or https link with a host");
        }
        return url;
    }
}
