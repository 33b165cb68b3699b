package org.mms.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Renders answers as PowerShell prints objects: {@link #list()} like {@code Format-List} ({@code Name : Value},
 * names padded to one column, a blank line between objects) and {@link #table(String...)} like
 * {@code Format-Table} (header, dashes, aligned columns, numbers right-aligned). Values read as
 * PowerShell shows them: {@code True}/{@code False}, arrays as {@code {a, b}}, nothing for null.
 */
@FunctionalInterface
interface PsFormat {

    /** The text to print, ending in a newline, or empty when there is nothing to show. */
    String render(JsonNode answer);

    static PsFormat list() {
        return answer -> objects(answer).stream().map(PsFormat::listOne).collect(Collectors.joining("\n"));
    }

    static PsFormat table(String... columns) {
        return answer -> {
            List<JsonNode> rows = objects(answer);
            return rows.isEmpty() ? "" : tableOf(rows, List.of(columns));
        };
    }

    /** One field of the answer, rendered with {@code inner}: the decisions of a change, say. */
    static PsFormat field(String name, PsFormat inner) {
        return answer -> inner.render(answer.path(name));
    }

    private static List<JsonNode> objects(JsonNode answer) {
        List<JsonNode> objects = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(objects::add);
        } else if (answer.isObject()) {
            objects.add(answer);
        }
        return objects;
    }

    private static String listOne(JsonNode object) {
        int width = object.propertyNames().stream().mapToInt(String::length).max().orElse(0);
        String indent = " ".repeat(width + 3);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            String value = value(e.getValue()).replace("\n", "\n" + indent);
            out.append(pad(e.getKey(), width)).append(" : ").append(value).append('\n');
        }
        return out.toString().replaceAll(" +\n", "\n");
    }

    private static String tableOf(List<JsonNode> rows, List<String> columns) {
        List<List<String>> cells = rows.stream()
                .map(row -> columns.stream().map(c -> value(row.path(c)).replace('\n', ' ')).toList()).toList();
        int[] width = new int[columns.size()];
        boolean[] numeric = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            width[c] = Math.max(columns.get(c).length(), cells.stream().mapToInt(r -> r.get(col).length()).max().orElse(0));
            numeric[c] = rows.stream().map(r -> r.path(columns.get(col))).allMatch(v -> v.isNumber() || v.isNull() || v.isMissingNode());
        }
        StringBuilder out = new StringBuilder();
        line(out, columns, width, numeric);
        line(out, columns.stream().map(h -> "-".repeat(h.length())).toList(), width, numeric);
        cells.forEach(row -> line(out, row, width, numeric));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(' ');
            }
            String cell = cells.get(c);
            line.append(numeric[c] ? " ".repeat(width[c] - cell.length()) + cell : pad(cell, width[c]));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            // An object inside an array shows as its first field, as PowerShell shows an object by its ToString().
            v.forEach(item -> items.add(item.isObject() ? value(item.properties().stream().findFirst().map(Map.Entry::getValue).orElse(null))
                    : value(item)));
            return "{" + String.join(", ", items) + "}";
        }
        if (v.isObject()) {
            return v.properties().stream().map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining("; ", "@{", "}"));
        }
        return v.asString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
