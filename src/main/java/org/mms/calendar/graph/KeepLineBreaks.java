package org.mms.calendar.graph;

/**
 * Puts a changed body back into Graph's own text. The body reaches the engine as an iCalendar TEXT value, which has
 * no way to write a carriage return (RFC 5545 §3.3.11: a line break is {@code \n}), so Exchange's CRLFs come back as
 * LFs. What changed is the stretch between the longest common prefix and suffix of the two; outside it, the stored
 * body's own characters are kept, CRs included, and inside it, line breaks take the stored body's form. Pure.
 */
final class KeepLineBreaks {

    private KeepLineBreaks() {
    }

    /**
     * @param stored  the body as Graph gave it
     * @param changed the body as the engine gives it back: {@code stored} with its line breaks read as LF, then edited
     * @return {@code stored} with only the edited stretch replaced
     */
    static String splice(String stored, String changed) {
        // The stored text as the engine saw it, with where each of its characters came from.
        StringBuilder seen = new StringBuilder(stored.length());
        int[] from = new int[stored.length() + 1];
        boolean crlf = false;
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            from[seen.length()] = i;
            if (c == '\r') {
                boolean pair = i + 1 < stored.length() && stored.charAt(i + 1) == '\n';
                crlf |= pair;
                seen.append('\n');
                if (pair) {
                    i++;
                }
            } else {
                seen.append(c);
            }
        }
        from[seen.length()] = stored.length();
        if (seen.toString().equals(changed)) {
            return stored;
        }
        int prefix = 0;
        int most = Math.min(seen.length(), changed.length());
        while (prefix < most && seen.charAt(prefix) == changed.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < most - prefix
                && seen.charAt(seen.length() - 1 - suffix) == changed.charAt(changed.length() - 1 - suffix)) {
            suffix++;
        }
        // Never cut between the two halves of a surrogate pair.
        if (prefix > 0 && Character.isHighSurrogate(changed.charAt(prefix - 1))) {
            prefix--;
        }
        if (suffix > 0 && Character.isLowSurrogate(changed.charAt(changed.length() - suffix))) {
            suffix--;
        }
        String middle = changed.substring(prefix, changed.length() - suffix);
        if (crlf) {
            middle = middle.replace("\n", "\r\n");
        }
        return stored.substring(0, from[prefix]) + middle + stored.substring(from[seen.length() - suffix]);
    }
}
