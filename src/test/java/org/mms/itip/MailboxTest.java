package org.mms.itip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "ana@contoso.com", "ana.ortiz+mms@mail.contoso.co.uk", "o'brien@example.org", "x_y-z@xn--mnchen-3ya.de",
        "mms@intranet", "A.B@Contoso.COM"
    })
    void plain_addresses_are_accepted(String address) {
        assertThat(Mailbox.of(address).address()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "ana", "@contoso.com", "ana@", "ana@contoso.com\r\nBcc: eve@evil.example", "ana@contoso.com\n",
        "ana@contoso.com\r", "Ana <ana@contoso.com>", "<ana@contoso.com>", "ana@contoso.com, eve@evil.example",
        "\"ana\"@contoso.com", "ana..ortiz@contoso.com", ".ana@contoso.com", "ana.@contoso.com", "ana@-contoso.com",
        "ana@contoso..com", "ana@contoso.com.", "jürgen@contoso.com", "ana@[127.0.0.1]", "ana @contoso.com",
        " ana@contoso.com", "ana@contoso.com ", "ana(comment)@contoso.com", "ana@contoso.com\u0000", "a@b@c.com"
    })
    void anything_but_a_plain_address_is_rejected(String address) {
        assertThatThrownBy(() -> Mailbox.of(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a plain email address");
    }

    @Test
    void rejection_message_shows_line_breaks_escaped() {
        assertThatThrownBy(() -> Mailbox.of("ana@contoso.com\r\nBcc: eve@evil.example"))
                .hasMessageContaining("ana@contoso.com\\u000d\\u000aBcc");
    }

    @Test
    void overlong_local_part_and_address_are_rejected() {
        String local64 = "a".repeat(64);
        assertThat(Mailbox.of(local64 + "@contoso.com").address()).startsWith(local64);
        assertThatThrownBy(() -> Mailbox.of("a" + local64 + "@contoso.com")).isInstanceOf(IllegalArgumentException.class);
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "com";
        assertThatThrownBy(() -> Mailbox.of("ana@" + longDomain)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ana\r\nBcc: eve@evil.example", "Ana\nOrtiz", "Ana\rOrtiz", "Ana\u0085Ortiz", "Ana\u2028Ortiz",
        "Ana\u2029Ortiz", "Ana\u0000", "Ana\tOrtiz"
    })
    void display_names_with_line_breaks_or_control_characters_are_rejected(String displayName) {
        assertThatThrownBy(() -> Mailbox.of("ana@contoso.com", displayName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("display name");
    }

    @Test
    void display_names_may_hold_any_other_text() {
        String name = "Ortiz, Ana \"Annie\" <Chair> 👩‍💼 王 小明 أنا";

        assertThat(Mailbox.of("ana@contoso.com", name).displayName()).contains(name);
    }

    @Test
    void a_blank_display_name_counts_as_none() {
        assertThat(Mailbox.of("ana@contoso.com", "  ").displayName()).isEmpty();
        assertThat(new Mailbox("ana@contoso.com", Optional.of("")).displayName()).isEmpty();
    }

    @Test
    void domain_is_the_part_after_the_at_sign_in_lower_case() {
        assertThat(Mailbox.of("Ana.Ortiz@Mail.Contoso.COM").domain()).isEqualTo("mail.contoso.com");
    }

    @Test
    void same_address_ignores_case_and_display_name() {
        Mailbox ana = Mailbox.of("ana@contoso.com", "Ana");

        assertThat(ana.sameAddressAs(Mailbox.of("ANA@Contoso.com"))).isTrue();
        assertThat(ana.sameAddressAs(Mailbox.of("anna@contoso.com", "Ana"))).isFalse();
    }
}
