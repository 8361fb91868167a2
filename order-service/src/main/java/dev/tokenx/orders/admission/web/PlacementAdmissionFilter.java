package dev.tokenx.orders.admission.web;

import dev.tokenx.orders.admission.application.PlacementAdmission;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Asks {@link PlacementAdmission} before a placement does any work, and gives the admission back when the answer is
 * complete. Runs after security (Spring Security's filter chain is ordered at -100), so that only verified callers'
 * placements take a place; a refusal is an {@code Overloaded} error, answered as a problem by the one handler.
 */
@Component
class PlacementAdmissionFilter implements WebFilter, Ordered {

    static final String PLACE_ORDER_PATH = "/api/trading/place-order";

    private final PlacementAdmission admission;

    PlacementAdmissionFilter(PlacementAdmission admission) {
        this.admission = admission;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isPlacement(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> {
            PlacementAdmission.Admitted admitted = admission.admit();
            return chain.filter(exchange).doFinally(signal -> admitted.release());
        });
    }

    private static boolean isPlacement(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && PLACE_ORDER_PATH.equals(
                        request.getPath().pathWithinApplication().value());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
