package org.mms.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure MMS did not expect (a bug, a database that refused a value, a thread out of stack), as an
 * admin sees it: a short code and no more. The exception's own text can carry SQL, driver details or
 * pieces of the calendar, which belong in the server log, never in {@code LastMessage} or an API answer.
 * The code is derived from the exception's type and where in MMS it was thrown, so the same fault gives
 * the same code on every attempt, which is how a second identical failure is recognized.
 *
 * @param code eight hexadecimal digits naming the fault
 */
public record InternalFailure(String code) {

    private static final String WORDS = "internal error ";
    private static final Pattern IN_MESSAGE = Pattern.compile(Pattern.quote(WORDS) + "([0-9a-f]{8})\\b");

    public InternalFailure {
        if (!code.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("an internal failure code is eight hexadecimal digits: " + code);
        }
    }

    /** The code for this throwable: its type (and its causes' types) and the first frame of MMS's own code it passed through. */
    public static InternalFailure of(Throwable failure) {
        StringBuilder key = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            key.append(t.getClass().getName()).append('|').append(firstOwnFrame(t)).append('|');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return new InternalFailure(HexFormat.of().formatHex(hash, 0, 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The code a message written by {@link #words()} carries, if it carries one. */
    public static Optional<InternalFailure> in(String message) {
        Matcher m = IN_MESSAGE.matcher(message == null ? "" : message);
        return m.find() ? Optional.of(new InternalFailure(m.group(1))) : Optional.empty();
    }

    /** "internal error 1a2b3c4d": what messages for admins say. */
    public String words() {
        return WORDS + code;
    }

    /** The first stack frame in MMS's own classes (the JDK's and libraries' frames differ between versions); the top frame if none. */
    private static String firstOwnFrame(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("org.mms.")) {
                return frame.getClassName() + "." + frame.getMethodName();
            }
        }
        return trace.length == 0 ? "" : trace[0].getClassName() + "." + trace[0].getMethodName();
    }
}
