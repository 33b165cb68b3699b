package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line diff of an old and a new block, for the dry-run report: every line, marked {@code -}
 * (only in the old block), {@code +} (only in the new one) or blank (in both); and, among the lines
 * only the old block has, the organization's own text that the replacement removes.
 */
public final class BlockDiff {

    private static final String LOCALE_MARKER = "[!OC(";

    private BlockDiff() {
    }

    /**
     * The lines of {@code oldBlock} that {@code newBlock} does not have and that are not coordinates: what an
     * organization wrote into its blocks (video-system and Jabber instructions, a help desk line) and loses when
     * the block is replaced. Coordinates are told apart by their shape and by the block's own labels in every
     * language MMS knows: a line is one when it is blank, a fence or another rule line, the locale marker, holds a
     * link (web or {@code tel:}), starts with a number to dial, or is one of those labels ("Join by phone"), alone
     * or before its value ("Conference ID: 68138"). A template line MMS has no label for (an older Teams wording)
     * is listed too: shown once too often rather than lost without a word.
     */
    public static List<String> removedOrganizationText(String oldBlock, String newBlock) {
        List<String> removed = new ArrayList<>();
        for (String line : lines(oldBlock, newBlock)) {
            if (line.startsWith("- ") && !isCoordinates(line.substring(2).strip())) {
                removed.add(line.substring(2).strip());
            }
        }
        return removed;
    }

    private static boolean isCoordinates(String line) {
        if (line.isEmpty() || isRule(line) || line.contains(LOCALE_MARKER) || !Links.in(line).isEmpty()
                || line.toLowerCase(Locale.ROOT).contains("tel:") || startsWithNumber(line)) {
            return true;
        }
        for (String label : BlockLabels.everyLanguage()) {
            if (line.equalsIgnoreCase(label) || label.endsWith(":") && line.regionMatches(true, 0, label, 0, label.length())) {
                return true;
            }
        }
        return false;
    }

    /** A fence, or a shorter rule drawn with one mark, such as the 32-underscore line inside newer Teams blocks. */
    private static boolean isRule(String line) {
        return line.chars().distinct().count() == 1 && !Character.isLetterOrDigit(line.charAt(0));
    }

    /** "+1 (425) 555-0100 (Redmond)", "(866) 679-9995", "0800 123": a dial-in line, whatever follows the number. */
    private static boolean startsWithNumber(String line) {
        int i = 0;
        while (i < line.length() && "+(".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i < line.length() && Character.isDigit(line.charAt(i));
    }

    public static List<String> lines(String oldBlock, String newBlock) {
        String[] a = oldBlock.split("\r?\n", -1);
        String[] b = newBlock.split("\r?\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a[i++]);
            } else {
                out.add("+ " + b[j++]);
            }
        }
        return out;
    }
}
