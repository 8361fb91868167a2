package dev.tokenx.gateway.websocket;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import dev.tokenx.gateway.ratelimit.domain.ClientAddressResolver;
import dev.tokenx.gateway.routing.EdgeRoute;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Caps the realtime WebSocket sessions held through this instance, in total and per client address (the same
 * address the rate limiter counts: the peer, or what a trusted proxy says, an IPv6 client by its /64). Refused before
 * the upgrade, with a problem; a session is counted until its connection closes, however it ends. Requests that are no upgrade
 * cost one header lookup.
 */
final class WebSocketConnectionLimitFilter implements WebFilter, Ordered {

    /** After Spring Security (-100), before the rate limiter (0): a refusal here costs no Redis round trip. */
    static final int ORDER = -1;

    private static final String RETRY_AFTER_SECONDS = "5";

    private final ConnectionCount connections;
    private final ClientAddressResolver clientAddresses;
    private final ProblemResponseWriter problems;

    WebSocketConnectionLimitFilter(
            ConnectionCount connections, ClientAddressResolver clientAddresses, ProblemResponseWriter problems) {
        this.connections = connections;
        this.clientAddresses = clientAddresses;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())
                || !EdgeRoute.REALTIME_WEBSOCKET.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String address = addressOf(request);
        return switch (connections.open(address)) {
            case ADMITTED -> countedUntilClosed(exchange, chain, address);
            case ADDRESS_FULL ->
                refuse(
                        exchange,
                        Problems.of(
                                HttpStatus.TOO_MANY_REQUESTS,
                                "TOO_MANY_CONNECTIONS",
                                "Too many realtime connections from this address."));
            case INSTANCE_FULL ->
                refuse(
                        exchange,
                        Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "SERVICE_UNAVAILABLE",
                                "This gateway holds as many realtime connections as it can; retry shortly."));
        };
    }

    /**
     * The filter chain completes with the handshake, long before the session ends, so the count is released when the
     * client's connection closes (a session ends with it), or at once should the chain fail before any upgrade.
     */
    private Mono<Void> countedUntilClosed(ServerWebExchange exchange, WebFilterChain chain, String address) {
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable release = () -> {
            if (counted.compareAndSet(true, false)) {
                connections.close(address);
            }
        };
        if (!(ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection)) {
            return chain.filter(exchange).doFinally(signal -> release.run());
        }
        connection.channel().closeFuture().addListener(closed -> release.run());
        return chain.filter(exchange).doOnError(failure -> release.run());
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ProblemDetail problem) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return problems.write(exchange, problem);
    }

    private String addressOf(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        return clientAddresses.keyOf(remote.getAddress(), request.getHeaders().getOrEmpty("X-Forwarded-For"));
    }
}
