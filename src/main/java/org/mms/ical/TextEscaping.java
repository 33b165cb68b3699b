package org.mms.ical;

/** RFC 5545 §3.3.11 TEXT escaping, for values MMS writes. */
public final class TextEscaping {

    private TextEscaping() {
    }

    /** Escapes backslash, semicolon, comma and newline; a CR before a newline is dropped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        continue;
                    }
                    sb.append("\\n");
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Undoes TEXT escapes as {@link TextValue} reads them. */
    public static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char e = value.charAt(++i);
                sb.append(e == 'n' || e == 'N' ? '\n' : e);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
