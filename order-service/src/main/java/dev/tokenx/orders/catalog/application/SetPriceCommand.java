package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.shared.money.Inr;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's request to set a token's price.
 *
 * @param adminId the verified token's subject, for the audit line
 * @param requestId the caller's request id, carried by the event and the audit line
 */
public record SetPriceCommand(String symbol, Inr price, UUID adminId, Optional<String> requestId) {

    public SetPriceCommand {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(adminId, "adminId");
        Objects.requireNonNull(requestId, "requestId");
    }
}
