package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CorrelationIdTest {

    @Test
    void a_correlation_id_reads_back_from_its_text_form_with_surrounding_spaces_ignored() {
        CorrelationId id = CorrelationId.random();

        assertThat(CorrelationId.parse(" " + id + "\n")).isEqualTo(id);
    }

    @Test
    void text_that_is_no_correlation_id_is_refused_with_the_text_in_the_message() {
        assertThatThrownBy(() -> CorrelationId.parse("alice@contoso.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alice@contoso.com");
    }
}
