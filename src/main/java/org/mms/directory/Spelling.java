package org.mms.directory;

import java.util.Locale;

/**
 * The one spelling of a directory value wherever MMS shows it (the REST API, the cmdlets' output) and
 * the one the directory import writes: the constant in lower camel case, so {@code ON_PREMISES} is
 * {@code onPremises}, {@code THIRD_PARTY} is {@code thirdParty}, {@code TEAMS} is {@code teams}. A value
 * read back is accepted in any case, with or without separators. (The TeamsUpgradePolicy mode is the
 * exception: it is shown as the cmdlets name the policy, {@link TeamsUpgradeMode#policyName()}.)
 */
public final class Spelling {

    private Spelling() {
    }

    public static String of(Enum<?> value) {
        StringBuilder sb = new StringBuilder();
        for (String word : value.name().toLowerCase(Locale.ROOT).split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            sb.append(sb.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return sb.toString();
    }
}
