package org.mms.block;

import java.util.Objects;

/**
 * A freshly rendered online-meeting block, in the two forms an invitation carries it.
 *
 * @param text the plain-text block for DESCRIPTION: lines joined by {@code \n}, no {@code \r}, no trailing
 *             newline, first and last line the fence. Not yet escaped for iCalendar; the caller does that.
 * @param html an HTML fragment for the Outlook/Exchange body (X-ALT-DESC or the text/html part): top-level
 *             {@code <div>} or {@code <p>} elements only, from the opening fence element to the closing one
 */
public record RenderedBlock(String text, String html) {

    public RenderedBlock {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
