package org.mms.calendar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a calendar object resource's bytes, in lower-case hex: what a migration journals before a write,
 * so that after a crash the write can be recognized ({@link CalendarStore#holds}).
 */
public final class ResourceHash {

    private ResourceHash() {
    }

    public static String of(byte[] resource) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resource));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
