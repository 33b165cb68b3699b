package org.mms.offline;

import java.util.Arrays;

/**
 * A set of 64-bit UID hashes in one long array: a million meetings fit in 16 MB, where a set of the
 * UID strings would take ten times that. A collision only makes two meetings look related, which
 * the exact pass after it sorts out, so it costs time, never correctness.
 */
final class UidHashSet {

    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 12];
    private int size;
    private boolean containsZero;

    /** Adds {@code hash}; returns whether it was new. */
    boolean add(long hash) {
        if (hash == EMPTY) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) mix(hash) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = hash;
        size++;
        return true;
    }

    boolean contains(long hash) {
        if (hash == EMPTY) {
            return containsZero;
        }
        int mask = slots.length - 1;
        int i = (int) mix(hash) & mask;
        while (slots[i] != EMPTY) {
            if (slots[i] == hash) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    boolean isEmpty() {
        return size == 0 && !containsZero;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(h -> h != EMPTY).forEach(this::add);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** A 64-bit FNV-1a hash of a UID's UTF-16 code units. */
    static long hash(String uid) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < uid.length(); i++) {
            h ^= uid.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
