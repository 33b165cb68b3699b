package org.mms.itip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address with an optional display name, as it goes into {@code From}, {@code Sender} and
 * {@code To}.
 *
 * <p>The address check is deliberately narrower than RFC 5322: an ASCII dot-atom local part, {@code @},
 * and a domain of letter-digit-hyphen labels. Quoted local parts, comments, IP literals and raw UTF-8
 * addresses are refused. Everything accepted is safe to put between angle brackets in a header, so no
 * address can end a header early or add one. The display name may be any text without control or
 * line-separator characters; the mail adapter encodes it (RFC 2047) when it is not ASCII.
 *
 * @param address     e.g. {@code ana.ortiz@contoso.com}
 * @param displayName e.g. {@code Ana Ortiz}; a blank name counts as none
 */
public record Mailbox(String address, Optional<String> displayName) {

    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS =
            Pattern.compile(ATEXT + "(?:\\." + ATEXT + ")*@" + LABEL + "(?:\\." + LABEL + ")*");
    private static final int MAX_ADDRESS_LENGTH = 254;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    public Mailbox {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(displayName, "displayName");
        if (address.length() > MAX_ADDRESS_LENGTH
                || !ADDRESS.matcher(address).matches()
                || address.indexOf('@') > MAX_LOCAL_PART_LENGTH) {
            throw new IllegalArgumentException("not a plain email address (local@domain, ASCII): " + printable(address));
        }
        displayName = displayName.filter(name -> !name.isBlank());
        displayName.ifPresent(name -> requireHeaderSafe("display name", name));
    }

    public static Mailbox of(String address) {
        return new Mailbox(address, Optional.empty());
    }

    public static Mailbox of(String address, String displayName) {
        return new Mailbox(address, Optional.of(displayName));
    }

    /** The part after {@code @}, lower-cased: domains compare case-insensitively. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether both name the same mailbox, ignoring case. Strictly only the domain is case-insensitive,
     * but every mail system we deliver to treats the local part the same way, and treating
     * {@code Ana@…} and {@code ana@…} as two attendees would send two copies.
     */
    public boolean sameAddressAs(Mailbox other) {
        return address.equalsIgnoreCase(other.address);
    }

    /**
     * Rejects control characters (CR, LF, NUL, TAB, C1 controls such as NEL) and the Unicode line and
     * paragraph separators: text that reaches a mail header must stay on that header.
     */
    public static void requireHeaderSafe(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(
                        what + " must not contain control characters or line breaks: " + printable(text));
            }
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
