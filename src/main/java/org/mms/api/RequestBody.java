package org.mms.api;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request body as a stream, never more than the route's limit: a declared length over the
 * limit is refused before a byte is read, and a body without one (chunked) is cut off as soon as it
 * passes the limit. A body that breaks off or does not parse as HTTP is the client's mistake (400).
 */
final class RequestBody {

    private RequestBody() {
    }

    /** The body as a stream that refuses to go past {@code limit} bytes. */
    static InputStream stream(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try {
            return new Bounded(ctx.req().getInputStream(), limit);
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** The whole body, at most {@code limit} bytes. */
    static byte[] bytes(Context ctx, long limit) {
        try (InputStream in = stream(ctx, limit)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** A GET (or HEAD) carries no body: one that does is refused rather than silently ignored. */
    static void refuseOnGet(Context ctx) {
        String method = ctx.method().name();
        if ((method.equals("GET") || method.equals("HEAD"))
                && (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null)) {
            throw new InvalidRequest(method + " takes no body");
        }
    }

    /** The body's media type, when the client named one, must be one the route reads. */
    static void requireType(Context ctx, String expected) {
        String header = ctx.header("Content-Type");
        if (header == null || header.isBlank()) {
            return;
        }
        String[] parts = header.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean json = expected.equals("application/json") && type.startsWith("application/") && type.endsWith("+json");
        if (!type.equals(expected) && !json) {
            throw new InvalidRequest(415, "the body must be " + expected + ", not '" + printable(header) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].strip().split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset") && (param.length < 2
                    || !param[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                throw new InvalidRequest(415, "the body must be UTF-8, not '" + printable(header) + "'");
            }
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static InvalidRequest tooLarge(long limit) {
        return new InvalidRequest(413, "the body is larger than this route takes (at most " + limit + " bytes)");
    }

    private static InvalidRequest unreadable() {
        return new InvalidRequest("the body could not be read: it broke off or is not valid HTTP");
    }

    /**
     * Counts what passes and throws (unchecked, so a JSON parser reading from it does not turn it into
     * "invalid JSON") once the body is longer than the limit.
     */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(super::read);
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> super.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }

        private interface Read {
            int run() throws IOException;
        }

        private static int guarded(Read read) {
            try {
                return read.run();
            } catch (IOException | UncheckedIOException e) {
                throw unreadable();
            } catch (RuntimeException e) {
                // Jetty reports a body that is not valid HTTP (a broken chunk) as its own unchecked exception.
                if (e instanceof InvalidRequest i) {
                    throw i;
                }
                throw unreadable();
            }
        }
    }
}
