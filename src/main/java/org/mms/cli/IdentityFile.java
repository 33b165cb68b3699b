package org.mms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -IdentityFile users.csv}: the users of a CSV file as the Entra and Teams admin centers export
 * them, read from its {@code UserPrincipalName} column (header in any case). A byte-order mark, quoted
 * fields (commas, doubled quotes and line breaks inside), CRLF or LF and blank lines are all taken as
 * they come. A row without a value in that column is kept as a bad row, so that the run reports it on
 * its own line instead of dropping it silently.
 */
final class IdentityFile {

    static final String COLUMN = "UserPrincipalName";

    private IdentityFile() {
    }

    /** One data row: the user it names, or why it names none. */
    sealed interface Row permits Row.User, Row.Bad {
        record User(String identity) implements Row {
        }

        record Bad(int line, String why) implements Row {
        }
    }

    static List<Row> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows(file.toString(), text);
    }

    /** The rows of {@code text}, the CSV document called {@code name} in messages. */
    static List<Row> rows(String name, String text) {
        List<Record> records = Csv.records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new CmdletFailure(name + " is empty: it needs a header row with a " + COLUMN + " column");
        }
        List<String> header = records.getFirst().fields();
        int column = -1;
        for (int i = 0; i < header.size() && column < 0; i++) {
            if (header.get(i).strip().equalsIgnoreCase(COLUMN)) {
                column = i;
            }
        }
        if (column < 0) {
            throw new CmdletFailure(name + " has no " + COLUMN + " column; its columns are: "
                    + String.join(", ", header.stream().map(h -> "'" + h.strip() + "'").toList()));
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            String value = column < record.fields().size() ? record.fields().get(column).strip() : "";
            rows.add(value.isEmpty() ? new Row.Bad(record.line(), "line " + record.line() + " of " + name + " has no " + COLUMN)
                    : new Row.User(value));
        }
        return rows;
    }

    /** A non-blank line of the file (or several, when a quoted field holds line breaks) and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** RFC 4180 with the leniencies of real exports: LF or CRLF, blank lines skipped, a stray quote inside a bare field kept. */
    static final class Csv {

        private Csv() {
        }

        static List<Record> records(String text) {
            List<Record> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int line = 1;
            int startLine = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    end(records, fields, field, wasQuoted, startLine);
                    wasQuoted = false;
                    line++;
                    startLine = line;
                } else {
                    field.append(c);
                }
            }
            end(records, fields, field, wasQuoted, startLine);
            return records;
        }

        private static void end(List<Record> records, List<String> fields, StringBuilder field, boolean wasQuoted, int line) {
            fields.add(field.toString());
            field.setLength(0);
            boolean blank = !wasQuoted && fields.size() == 1 && fields.getFirst().isBlank();
            if (!blank) {
                records.add(new Record(line, List.copyOf(fields)));
            }
            fields.clear();
        }
    }
}
