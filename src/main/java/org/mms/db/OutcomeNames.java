package org.mms.db;

import java.util.Locale;

/** Stored names ({@code MIGRATED}, {@code PARTLY_SENT}) as reports show them ({@code Migrated}, {@code PartlySent}). */
final class OutcomeNames {

    private OutcomeNames() {
    }

    static String display(String stored) {
        StringBuilder out = new StringBuilder(stored.length());
        for (String word : stored.toLowerCase(Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        return out.toString();
    }
}
