package org.mms.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A JSON array of flat objects as CSV (RFC 4180): a header line of the columns, then one line per object with
 * those fields, CRLF after each. A field holding a comma, a quote, CR or LF is quoted, its quotes doubled.
 * Cells are attacker-controlled (a meeting's subject is whatever its organizer typed): one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or CR, which a spreadsheet would run as a formula, gets a
 * leading {@code '} so it is shown as text.
 */
final class CsvTable {

    private static final String CRLF = "\r\n";

    private CsvTable() {
    }

    static String of(JsonNode rows, List<String> columns) {
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                JsonNode v = row.get(column);
                cells.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString());
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append(CRLF);
    }

    static String cell(String value) {
        String text = startsAFormula(value) ? "'" + value : value;
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static boolean startsAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }
}
