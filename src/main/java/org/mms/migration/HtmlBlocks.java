package org.mms.migration;

import java.util.Objects;

/**
 * The block of a meeting's HTML body before and after a migration, as HTML source: what the invitation showed
 * between its fences, and what replaced it. Attacker-controlled before, like every invitation body.
 */
public record HtmlBlocks(String before, String after) {

    public HtmlBlocks {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
