package org.mms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shell cuts a line into words as PowerShell does. */
class ShellWordsTest {

    @Test
    void spacesSeparateWordsAndRunsOfThemCountOnce() {
        assertThat(ShellWords.of("  Get-CsOnlineUser   -Identity\talice@contoso.com ")).containsExactly("Get-CsOnlineUser", "-Identity", "alice@contoso.com");
    }

    @Test
    void singleQuotesAreLiteralAndTwoOfThemInsideAreOne() {
        assertThat(ShellWords.of("-Subject 'It''s `n \"on\"' ''")).containsExactly("-Subject", "It's `n \"on\"", "");
    }

    @Test
    void doubleQuotesKeepSpacesAndTakeTheBacktickAndDoubledQuotesAsEscapes() {
        assertThat(ShellWords.of("-BridgeName \"Contoso Bridge\" \"say \"\"hi\"\" `\"now`\"\"")).containsExactly("-BridgeName", "Contoso Bridge", "say \"hi\" \"now\"");
    }

    @Test
    void quotesInsideAWordJoinItAndABacktickOutsideQuotesKeepsASpace() {
        assertThat(ShellWords.of("-Name:\"Alice B\" a` b $true a,b")).containsExactly("-Name:Alice B", "a b", "$true", "a,b");
    }

    @Test
    void aQuoteLeftOpenIsRefusedWithPowerShellsMessage() {
        assertThatThrownBy(() -> ShellWords.of("Get-CsOnlineUser 'alice")).isInstanceOf(ShellWords.Unreadable.class)
                .hasMessage("the string is missing the terminator: '");
    }
}
