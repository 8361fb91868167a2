package dev.tokenx.orders.order.web;

import dev.tokenx.orders.order.application.FindOrders;
import dev.tokenx.orders.order.application.IdempotencyKey;
import dev.tokenx.orders.order.application.PlaceOrder;
import dev.tokenx.orders.order.application.PlaceOrderCommand;
import dev.tokenx.orders.order.application.Placement;
import dev.tokenx.orders.order.domain.OrderTicket;
import dev.tokenx.orders.order.domain.Side;
import dev.tokenx.orders.shared.money.Inr;
import dev.tokenx.orders.shared.web.InvalidRequest;
import dev.tokenx.security.RequestIds;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The investor's trading API. The user is always the verified token's subject; nothing in a request body can act
 * for someone else.
 */
@RestController
@RequestMapping(path = "/api/trading", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    /** Set on the answer to a repeated request: the order is the one the first request created. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final PlaceOrder placeOrder;
    private final FindOrders findOrders;

    OrderController(PlaceOrder placeOrder, FindOrders findOrders) {
        this.placeOrder = placeOrder;
        this.findOrders = findOrders;
    }

    @PostMapping(path = "/place-order", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OrderView>> place(
            @AuthenticationPrincipal Jwt caller,
            @RequestHeader(IdempotencyKey.HEADER) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request,
            ServerWebExchange exchange) {
        PlaceOrderCommand command = new PlaceOrderCommand(
                userId(caller), new IdempotencyKey(idempotencyKey), ticket(request), RequestIds.of(exchange));
        return placeOrder.place(command).map(OrderController::accepted);
    }

    @GetMapping("/place-order")
    Mono<OrderListView> list(
            @AuthenticationPrincipal Jwt caller,
            @RequestParam(name = "limit", defaultValue = "" + FindOrders.DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > FindOrders.MAX_LIMIT) {
            throw new InvalidRequest("limit", "must be between 1 and " + FindOrders.MAX_LIMIT);
        }
        return findOrders
                .recent(userId(caller), limit)
                .map(OrderView::of)
                .collectList()
                .map(OrderListView::new);
    }

    @GetMapping("/orders/{orderId}")
    Mono<OrderView> one(@AuthenticationPrincipal Jwt caller, @PathVariable String orderId) {
        return findOrders.one(userId(caller), orderId).map(OrderView::of);
    }

    private static OrderTicket ticket(PlaceOrderRequest request) {
        return new OrderTicket(
                request.tokenSymbol(),
                Side.valueOf(request.side()),
                request.quantity().longValueExact(),
                Optional.ofNullable(request.limitPrice()).map(Inr::of));
    }

    /** The decoder has checked that the subject is a UUID. */
    private static UUID userId(Jwt caller) {
        return UUID.fromString(caller.getSubject());
    }

    private static ResponseEntity<OrderView> accepted(Placement placement) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/trading/orders/" + placement.order().id()));
        if (placement.replayed()) {
            answer.header(REPLAYED_HEADER, "true");
        }
        return answer.body(OrderView.of(placement.order()));
    }
}
