/**
 * Online-meeting blocks: recognize them in plain-text and HTML bodies by fences, anchors, URLs and
 * properties (never by English labels), render new ones from {@link org.mms.block.Coordinates}, and
 * work out the exact character range to replace. Pure: no I/O.
 */
package org.mms.block;
