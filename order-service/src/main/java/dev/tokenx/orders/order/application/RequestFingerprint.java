package dev.tokenx.orders.order.application;

import dev.tokenx.orders.order.domain.OrderTicket;
import dev.tokenx.orders.shared.money.Inr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of what an order request asks for, in a canonical form, so that a repeated key can be told apart from
 * a reused one. Equivalent spellings ({@code 10} and {@code 10.0}, {@code 900} and {@code 900.00}) hash alike.
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(OrderTicket ticket) {
        String canonical = String.join(
                "\n",
                ticket.tokenSymbol(),
                ticket.side().name(),
                Long.toString(ticket.quantity()),
                ticket.limitPrice().map(Inr::toString).orElse(""));
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
