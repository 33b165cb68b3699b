package org.mms.calendar.caldav;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mms.calendar.ResourceRef;

/**
 * URLs as WebDAV servers write them. A multistatus {@code href} may be a full URL or an absolute path,
 * and the same name may come percent-encoded one way in a request and another way in a response
 * ({@code %40} or {@code @}, {@code %7b} or {@code %7B}); two hrefs name the same resource when their
 * decoded paths are equal.
 */
final class DavUris {

    private static final String PCHAR_EXTRAS = "-._~!$&'()*+,;=:@";

    private DavUris() {
    }

    /** The URL with a final '/', as collection URLs have; relative names resolve under it. */
    static URI asCollection(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** The URL of a resource of a collection. */
    static URI resource(URI collection, ResourceRef ref) {
        // A ResourceRef is one segment of pchars, so it resolves as a relative path as it is ('a:b'
        // would read as a scheme: "./" keeps it a path).
        return asCollection(collection).resolve("./" + ref.href());
    }

    /**
     * An href from a response, resolved against the URL of the request that got it. Lenient with
     * characters a server should have encoded but did not (spaces, non-ASCII).
     */
    static URI resolve(URI requestUrl, String href) {
        String trimmed = href.strip();
        try {
            return requestUrl.resolve(new URI(trimmed));
        } catch (URISyntaxException notEncoded) {
            return requestUrl.resolve(URI.create(encodeInvalid(trimmed)));
        }
    }

    /** The decoded path of a URL, without a final '/', for comparing names. */
    static String pathKey(URI uri) {
        String raw = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String decoded = decode(raw);
        return decoded.length() > 1 && decoded.endsWith("/") ? decoded.substring(0, decoded.length() - 1) : decoded;
    }

    /**
     * The name of a member of {@code collection}, or empty when {@code uri} is not directly inside it
     * (the collection itself, something deeper, something elsewhere).
     */
    static Optional<ResourceRef> memberName(URI collection, URI uri) {
        String parent = pathKey(collection);
        String path = pathKey(uri);
        String prefix = parent.endsWith("/") ? parent : parent + "/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = path.substring(prefix.length());
        if (name.isEmpty() || name.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ResourceRef(encodeSegment(name)));
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    /** One path segment: every character but the unreserved ones, sub-delims, ':' and '@' as UTF-8 %XX. */
    static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PCHAR_EXTRAS.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        String encoded = out.toString();
        // "." and ".." are not names but steps in a path.
        return encoded.equals(".") ? "%2E" : encoded.equals("..") ? "%2E%2E" : encoded;
    }

    /** The URL without user information (which should never be there, but must never be shown). */
    static String shown(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }

    /** Percent-decoding of a path; an invalid escape is kept as it is. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else {
                out.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Encodes what a URI may not hold raw, keeping what it may (including '/', '%', '?', '#', ':'). */
    private static String encodeInvalid(String href) {
        StringBuilder out = new StringBuilder(href.length() + 16);
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
