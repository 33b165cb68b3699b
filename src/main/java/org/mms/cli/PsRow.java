package org.mms.cli;

import java.util.List;

/**
 * One object of the server's answer as the quick start of the status cmdlet reads it ({@link QuickClient}):
 * its properties in the server's order, each value already as PowerShell shows it. {@link #list} and
 * {@link #table} lay rows out as {@link PsFormat#list()} and {@link PsFormat#table(String...)} do, byte for
 * byte, for the answers the quick start takes: objects whose values are text, whole numbers, booleans or
 * null. Anything else (an array or an object inside, a fraction) the quick start leaves to the full cmdlet.
 * Plain loops rather than streams and lambdas, whose machinery this path, meant to load little, would load.
 */
record PsRow(List<Property> properties) {

    /** A property: its name, its value as shown ({@code True}, {@code 12}, nothing for null), and whether it aligns as a number. */
    record Property(String name, String text, boolean numberOrNull) {
    }

    /** The property called {@code name} (exactly), or none. */
    Property property(String name) {
        for (Property p : properties) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** {@code Format-List}: {@code Name : Value}, names padded to one column, a blank line between objects. */
    static String list(List<PsRow> rows) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                out.append('\n');
            }
            out.append(rows.get(r).listOne());
        }
        return out.toString();
    }

    private String listOne() {
        int width = 0;
        for (Property p : properties) {
            width = Math.max(width, p.name().length());
        }
        String indent = " ".repeat(width + 3);
        StringBuilder out = new StringBuilder();
        for (Property p : properties) {
            out.append(pad(p.name(), width)).append(" : ").append(p.text().replace("\n", "\n" + indent)).append('\n');
        }
        return out.toString().replaceAll(" +\n", "\n");
    }

    /** {@code Format-Table}: header, dashes, aligned columns, numbers right-aligned; nothing for no rows. */
    static String table(List<PsRow> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return "";
        }
        String[][] cells = new String[rows.size()][columns.size()];
        int[] width = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            width[c] = columns.get(c).length();
            numeric[c] = true;
            for (int r = 0; r < rows.size(); r++) {
                Property p = rows.get(r).property(columns.get(c));
                cells[r][c] = p == null ? "" : p.text().replace('\n', ' ');
                width[c] = Math.max(width[c], cells[r][c].length());
                numeric[c] &= p == null || p.numberOrNull();
            }
        }
        String[] dashes = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            dashes[c] = "-".repeat(columns.get(c).length());
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.toArray(new String[0]), width, numeric);
        line(out, dashes, width, numeric);
        for (String[] row : cells) {
            line(out, row, width, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(' ');
            }
            line.append(numeric[c] ? " ".repeat(width[c] - cells[c].length()) + cells[c] : pad(cells[c], width[c]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
