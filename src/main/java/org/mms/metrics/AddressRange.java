package org.mms.metrics;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}): who may
 * read {@code /metrics} without a token ({@code metrics.allowFrom}). Only address literals are taken,
 * never host names, so reading the configuration asks no name server.
 */
public record AddressRange(String text, byte[] network, int prefix) {

    public AddressRange {
        Objects.requireNonNull(text, "text");
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("the prefix of " + text + " is out of range");
        }
    }

    /** {@code address/prefix}, or a single address. */
    public static AddressRange parse(String cidr) {
        String text = cidr == null ? "" : cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address or a CIDR block such as 10.0.0.0/8 or fd00::/8"));
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not 0 to " + bytes.length * 8);
            }
            prefix = Integer.parseInt(bits);
        }
        return new AddressRange(text, bytes, prefix);
    }

    /** Whether the client address (as the web server reports it, IPv6 possibly in brackets) is in this block. */
    public boolean contains(String clientAddress) {
        return literal(clientAddress).filter(a -> a.length == network.length).map(this::covers).orElse(false);
    }

    /** Whether any of the blocks contains the address. */
    public static boolean anyContains(Collection<AddressRange> ranges, String clientAddress) {
        return ranges.stream().anyMatch(r -> r.contains(clientAddress));
    }

    private boolean covers(byte[] address) {
        int bits = network.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /** The address's bytes when it is an IPv4 or IPv6 literal (an IPv4-mapped IPv6 address counts as IPv4). */
    private static java.util.Optional<byte[]> literal(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        boolean v4 = a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                && java.util.Arrays.stream(a.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
        if (!v4 && !v6) {
            return java.util.Optional.empty();
        }
        try {
            // A literal: InetAddress parses it without asking a name server.
            return java.util.Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && prefix == r.prefix && java.util.Arrays.equals(network, r.network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public byte[] network() {
        return network.clone();
    }
}
