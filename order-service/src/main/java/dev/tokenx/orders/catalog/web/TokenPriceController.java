package dev.tokenx.orders.catalog.web;

import dev.tokenx.orders.catalog.application.PriceAudit;
import dev.tokenx.orders.catalog.application.SetPriceCommand;
import dev.tokenx.orders.catalog.application.SetTokenPrice;
import dev.tokenx.orders.catalog.application.TokenNotFound;
import dev.tokenx.orders.catalog.domain.PriceMoveTooLarge;
import dev.tokenx.orders.shared.money.Inr;
import dev.tokenx.security.RequestIds;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The catalog's admin API (role {@code ADMIN}, see {@code AccessRules}). The admin is the verified token's subject.
 *
 * <p>The body is taken as a {@code Mono} so that a request refused for its body (unreadable, invalid) is audited
 * like one refused by the rules, by reason and never by content.
 */
@RestController
@RequestMapping(path = "/api/admin/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
class TokenPriceController {

    private final SetTokenPrice setTokenPrice;

    TokenPriceController(SetTokenPrice setTokenPrice) {
        this.setTokenPrice = setTokenPrice;
    }

    @PutMapping(path = "/{symbol}/price", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<TokenPriceView> setPrice(
            @AuthenticationPrincipal Jwt admin,
            @PathVariable String symbol,
            @Valid @RequestBody Mono<SetPriceRequest> body,
            ServerWebExchange exchange) {
        UUID adminId = UUID.fromString(admin.getSubject());
        Optional<String> requestId = RequestIds.of(exchange);
        return body.map(request -> new SetPriceCommand(symbol, Inr.of(request.price()), adminId, requestId))
                .flatMap(setTokenPrice::set)
                .map(TokenPriceView::of)
                .doOnError(refusal -> refusalReason(refusal)
                        .ifPresent(reason -> PriceAudit.refused(symbol, adminId, requestId, reason)));
    }

    /** Empty for a failure that is no refusal (the database away, a defect): the problem handler logs those. */
    private static Optional<String> refusalReason(Throwable refusal) {
        return switch (refusal) {
            case TokenNotFound unknown -> Optional.of("UNKNOWN_TOKEN");
            case PriceMoveTooLarge tooLarge ->
                Optional.of("PRICE_MOVE_TOO_LARGE from " + tooLarge.currentPrice() + " INR");
            case WebExchangeBindException invalid ->
                Optional.of("VALIDATION_FAILED on "
                        + invalid.getFieldErrors().stream()
                                .map(error -> error.getField())
                                .distinct()
                                .collect(Collectors.joining(", ")));
            case ServerWebInputException unreadable -> Optional.of("VALIDATION_FAILED: the body is not readable");
            default -> Optional.empty();
        };
    }
}
