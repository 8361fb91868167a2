package dev.tokenx.blockchain.settlement.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The agent-forced transfer that settles an order: {@code quantity} whole tokens of the token at {@code contract}, from
 * the treasury to the buyer. Addresses are kept in lower case, so that comparisons and keys never depend on checksum
 * casing.
 */
public record Transfer(String tokenSymbol, String contract, String from, String to, long quantity) {

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public Transfer {
        Objects.requireNonNull(tokenSymbol, "tokenSymbol");
        contract = address(contract, "contract");
        from = address(from, "from");
        to = address(to, "to");
        if (quantity <= 0) {
            throw new IllegalArgumentException("A transfer moves at least one token, not " + quantity);
        }
    }

    /** Whether {@code value} is a 0x-prefixed 20-byte hex address, in any casing. */
    public static boolean isAddress(String value) {
        return value != null && ADDRESS.matcher(value).matches();
    }

    private static String address(String value, String role) {
        if (!isAddress(value)) {
            throw new IllegalArgumentException("Not an address for " + role + ": " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
