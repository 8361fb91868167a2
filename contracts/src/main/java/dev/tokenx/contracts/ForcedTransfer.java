package dev.tokenx.contracts;

import java.math.BigInteger;
import java.util.Objects;

/** One agent-forced transfer of a batch ({@code batchForcedTransfer}): {@code amount} whole tokens. */
public record ForcedTransfer(String from, String to, BigInteger amount) {

    public ForcedTransfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
    }
}
