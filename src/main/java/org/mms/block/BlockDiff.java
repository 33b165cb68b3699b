package org.mms.block;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of an old and a new block, for the dry-run report: every line, marked {@code -}
 * (only in the old block), {@code +} (only in the new one) or blank (in both).
 */
public final class BlockDiff {

    private BlockDiff() {
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
