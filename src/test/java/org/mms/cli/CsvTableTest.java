package org.mms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CsvTableTest {

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithTheirQuotesDoubled() {
        String csv = CsvTable.of(json("""
                [{"Subject": "Weekly, \\"sync\\"", "Note": "line one\\nline two", "Plain": "ok", "Count": 3, "None": null}]"""),
                List.of("Subject", "Note", "Plain", "Count", "None"));

        assertThat(csv).isEqualTo("Subject,Note,Plain,Count,None\r\n\"Weekly, \"\"sync\"\"\",\"line one\nline two\",ok,3,\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsShownAsText() {
        for (String formula : new String[] {"=HYPERLINK(\"https://evil.example\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(CsvTable.cell(formula)).as(formula).contains("'" + formula.charAt(0));
            assertThat(CsvTable.cell(formula).replace("\"\"", "\"")).as(formula).doesNotStartWith(formula.substring(0, 1));
        }
        assertThat(CsvTable.cell("=1,2")).isEqualTo("\"'=1,2\"");
        assertThat(CsvTable.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void anEmptyReportIsItsHeaderLine() {
        assertThat(CsvTable.of(json("[]"), List.of("Uid", "Subject"))).isEqualTo("Uid,Subject\r\n");
    }
}
