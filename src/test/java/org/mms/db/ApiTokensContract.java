package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;

/**
 * What {@link JdbcApiTokens} must do on every database: a token it makes names its tenant and no
 * other, and nothing else is taken for a token. Each database gets a subclass that says how to open it.
 */
abstract class ApiTokensContract {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    /** Tokens on a database in which the given tenants exist and no token does. */
    protected abstract JdbcApiTokens open(TenantId... tenants);

    private final TenantId contoso = new TenantId("contoso-" + UUID.randomUUID());
    private final TenantId fabrikam = new TenantId("fabrikam-" + UUID.randomUUID());
    private JdbcApiTokens tokens;

    @BeforeEach
    void open_the_tokens() {
        tokens = open(contoso, fabrikam);
    }

    @Test
    void a_created_token_authenticates_its_tenant_and_no_other() {
        String forContoso = tokens.create(contoso, "Ana's automation", NOW);
        String forFabrikam = tokens.create(fabrikam, "Fabrikam-Migration 🛠️", NOW);

        assertThat(tokens.tenantFor(forContoso)).contains(contoso);
        assertThat(tokens.tenantFor(forFabrikam)).contains(fabrikam);
    }

    @Test
    void every_created_token_is_new_and_each_keeps_working() {
        String first = tokens.create(contoso, "first", NOW);
        String second = tokens.create(contoso, "first", NOW);

        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.tenantFor(first)).contains(contoso);
        assertThat(tokens.tenantFor(second)).contains(contoso);
    }

    @Test
    void a_token_with_space_around_it_still_authenticates() {
        String token = tokens.create(contoso, "automation", NOW);

        assertThat(tokens.tenantFor(" " + token + "\t")).contains(contoso);
    }

    @Test
    void an_unknown_token_authenticates_no_one() {
        String token = tokens.create(contoso, "automation", NOW);
        String oneCharacterOff = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThat(tokens.tenantFor(oneCharacterOff)).isEmpty();
        assertThat(tokens.tenantFor(token.toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(tokens.tenantFor("mms_" + UUID.randomUUID())).isEmpty();
        assertThat(tokens.tenantFor(JdbcApiTokens.hash(token))).as("the stored hash is no token").isEmpty();
        assertThat(tokens.tenantFor("")).isEmpty();
        assertThat(tokens.tenantFor(null)).isEmpty();
    }

    @Test
    void there_are_tokens_once_the_first_is_created() {
        assertThat(tokens.any()).isFalse();

        tokens.create(fabrikam, "first tenant admin", NOW);

        assertThat(tokens.any()).isTrue();
    }
}
