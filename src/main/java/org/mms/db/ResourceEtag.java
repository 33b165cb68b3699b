package org.mms.db;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded store's ETags: {@code "<version>-<16 hex digits of SHA-256 over the bytes>"}. The
 * version goes up by one on every write, so every write gives a new ETag, even of the same bytes; the
 * hash keeps an ETag from naming two contents should a name ever be deleted and created again (its
 * version starts over at 1). Reading the version back out of an If-Match lets a conditional write
 * name its new ETag before it runs, in a single UPDATE.
 */
final class ResourceEtag {

    private static final Pattern FORM = Pattern.compile("\"([1-9][0-9]{0,17})-[0-9a-f]{16}\"");

    private ResourceEtag() {
    }

    static String of(long version, byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return "\"" + version + "-" + HexFormat.of().formatHex(Arrays.copyOf(digest, 8)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** The version an ETag of this store names; empty for anything else, which then matches nothing. */
    static OptionalLong versionOf(String etag) {
        Matcher m = FORM.matcher(etag);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
