package org.mms.block;

/** A new block, as plain text (lines joined by "\n") and as an HTML fragment, both fence to fence. */
public record RenderedBlock(String text, String html) {
}
