package org.mms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** -IdentityFile reads the users of the CSV files admins export, whatever their quirks, and refuses files that are not such exports. */
class IdentityFileTest {

    private static Path fixture(String name) {
        try {
            return Path.of(IdentityFileTest.class.getResource("/fixtures/cli/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEntraExportGivesItsUsersInOrderAndItsRowWithoutAUpnAsABadRowWithItsLine() {
        List<IdentityFile.Row> rows = IdentityFile.read(fixture("entra-users-export.csv"));

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(new IdentityFile.Row.User("alice@contoso.com"));
        assertThat(rows.get(1)).as("quoted, with a line break in a later field").isEqualTo(new IdentityFile.Row.User("bob@contoso.com"));
        assertThat(rows.get(2)).isInstanceOfSatisfying(IdentityFile.Row.Bad.class, bad -> {
            assertThat(bad.line()).as("counted over the blank line and the display name on two lines").isEqualTo(6);
            assertThat(bad.why()).contains("line 6", "entra-users-export.csv", "no UserPrincipalName");
        });
        assertThat(rows.get(3)).as("spaces around the value dropped").isEqualTo(new IdentityFile.Row.User("carol@contoso.com"));
    }

    @Test
    void aTeamsExportWithTheColumnElsewhereInAnotherCaseAndLfLineEndsGivesItsUsers() {
        assertThat(IdentityFile.read(fixture("teams-users-export.csv")))
                .containsExactly(new IdentityFile.Row.User("dan@contoso.com"), new IdentityFile.Row.User("erin@contoso.com"));
    }

    @Test
    void aFileWithoutTheColumnIsRefusedNamingTheColumnsItHas() {
        assertThatThrownBy(() -> IdentityFile.read(fixture("no-upn-column.csv")))
                .isInstanceOf(CmdletFailure.class)
                .hasMessageContaining("no UserPrincipalName column")
                .hasMessageContaining("'Display Name', 'Mail', 'Object ID'");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> IdentityFile.rows("users.csv", "\uFEFF\r\n\r\n"))
                .isInstanceOf(CmdletFailure.class).hasMessageContaining("users.csv is empty");
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        List<IdentityFile.Record> records = IdentityFile.Csv.records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\ny\",z\n");

        assertThat(records).containsExactly(new IdentityFile.Record(1, List.of("a", "b,c", "say \"hi\"")),
                new IdentityFile.Record(2, List.of("x\ny", "z")));
    }
}
