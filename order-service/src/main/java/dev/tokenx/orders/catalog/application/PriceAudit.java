package dev.tokenx.orders.catalog.application;

import dev.tokenx.orders.catalog.domain.PriceChange;
import dev.tokenx.security.WithRequestId;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of price updates: one INFO line per update, applied or refused, under the request's id, naming the
 * admin (the verified token's subject). A refusal names its reason, never the request's body.
 */
public final class PriceAudit {

    private static final Logger log = LoggerFactory.getLogger(PriceAudit.class);
    private static final Pattern NOT_IN_A_SYMBOL = Pattern.compile("[^A-Za-z0-9…]");
    private static final int MAX_SHOWN = 32;

    private PriceAudit() {}

    static void applied(SetPriceCommand command, PriceChange change) {
        WithRequestId.log(command.requestId(), () -> {
            if (change.changed()) {
                log.info(
                        "Price of {} set from {} to {} INR by admin {}",
                        command.symbol(),
                        change.previousPrice(),
                        change.token().price(),
                        command.adminId());
            } else {
                log.info(
                        "Price of {} left at {} INR by admin {}: unchanged",
                        command.symbol(),
                        change.previousPrice(),
                        command.adminId());
            }
        });
    }

    /** @param symbol as the request named it: written only as far as a symbol can be, so no line can be forged */
    public static void refused(String symbol, UUID adminId, Optional<String> requestId, String reason) {
        String shown = symbol.length() > MAX_SHOWN ? symbol.substring(0, MAX_SHOWN) + "…" : symbol;
        WithRequestId.log(
                requestId,
                () -> log.info(
                        "Price of {} not set by admin {}: {}",
                        NOT_IN_A_SYMBOL.matcher(shown).replaceAll("?"),
                        adminId,
                        reason));
    }
}
