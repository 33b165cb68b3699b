package org.mms.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR blocks of {@code metrics.allowFrom}: address literals only, IPv4 and IPv6, as the web server reports the client. */
class AddressRangeTest {

    @Test
    void a_block_contains_exactly_the_addresses_under_its_prefix() {
        AddressRange net = AddressRange.parse("10.20.0.0/16");

        assertThat(net.contains("10.20.0.1")).isTrue();
        assertThat(net.contains("10.20.255.255")).isTrue();
        assertThat(net.contains("10.21.0.0")).isFalse();
        assertThat(net.contains("11.20.0.1")).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
    }

    @Test
    void a_single_address_is_a_block_of_one() {
        AddressRange one = AddressRange.parse("192.0.2.7");

        assertThat(one.contains("192.0.2.7")).isTrue();
        assertThat(one.contains("192.0.2.8")).isFalse();
    }

    @Test
    void ipv6_blocks_match_ipv6_clients_in_brackets_or_not_and_never_ipv4_ones() {
        AddressRange v6 = AddressRange.parse("fd00:1::/32");

        assertThat(v6.contains("fd00:1:2::3")).isTrue();
        assertThat(v6.contains("[fd00:1:ffff::1]")).isTrue();
        assertThat(v6.contains("fd00:2::1")).isFalse();
        assertThat(v6.contains("10.0.0.1")).isFalse();
        assertThat(AddressRange.parse("::1").contains("[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(AddressRange.parse("127.0.0.0/8").contains("::ffff:127.0.0.1")).as("an IPv4-mapped client is its IPv4 address").isTrue();
    }

    @Test
    void names_out_of_range_octets_and_prefixes_are_refused_without_asking_a_name_server() {
        for (String bad : List.of("monitoring.contoso.com", "300.1.1.1", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "::1/129", "", "10.0.0")) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(AddressRange.parse("10.0.0.0/8").contains("localhost")).as("a client is an address, never a name").isFalse();
        assertThat(AddressRange.parse("10.0.0.0/8").contains("")).isFalse();
    }
}
