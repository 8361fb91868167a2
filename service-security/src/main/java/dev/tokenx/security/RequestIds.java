package dev.tokenx.security;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's (normally the gateway's) when it is well-formed, else a
 * new one. It is echoed in the response and given to handlers ({@link #of}) for problem answers, published events
 * and log lines ({@link WithRequestId}). Runs first, before security, so that a 401 carries it too.
 */
public final class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    /** The MDC and Reactor context key; the services' log pattern prints {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = Optional.ofNullable(
                        exchange.getRequest().getHeaders().getFirst(HEADER))
                .filter(candidate -> SAFE.matcher(candidate).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
