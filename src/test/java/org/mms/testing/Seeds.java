package org.mms.testing;

/**
 * The seed of a property-style test: {@code -Dpbt.seed=N} replays a failure, otherwise a fixed
 * default keeps the build reproducible. Failure messages name the seed and the case.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long seed(long defaultSeed) {
        String given = System.getProperty("pbt.seed", "");
        return given.isBlank() || given.startsWith("$") ? defaultSeed : Long.parseLong(given.strip());
    }

    /** How many cases to generate: {@code -Dpbt.cases=N}, else the given default. */
    public static int cases(int defaultCases) {
        String given = System.getProperty("pbt.cases", "");
        return given.isBlank() || given.startsWith("$") ? defaultCases : Integer.parseInt(given.strip());
    }
}
