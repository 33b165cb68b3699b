package org.mms.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of the shell cut into words as PowerShell reads a command: spaces separate, {@code '…'} is
 * taken literally ({@code ''} inside is one quote), {@code "…"} too but for the backtick escape and
 * {@code ""}, and outside quotes a backtick makes the next character plain. Quotes inside a word join it
 * ({@code -Name:"Alice B"} is one word). Variables are not expanded: {@code $true} stays as it is,
 * which the cmdlets read as PowerShell's value.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** A line that cannot be read, such as a quote left open; the message is PowerShell's. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    static List<String> of(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                i = quoted(line, i, word);
                inWord = true;
            } else if (c == '`' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the quoted string opening at {@code open}; returns where its closing quote is. */
    private static int quoted(String line, int open, StringBuilder word) {
        char quote = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == quote && i + 1 < line.length() && line.charAt(i + 1) == quote) {
                word.append(quote);
                i++;
            } else if (c == quote) {
                return i;
            } else if (quote == '"' && c == '`' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        throw new Unreadable("the string is missing the terminator: " + quote);
    }
}
