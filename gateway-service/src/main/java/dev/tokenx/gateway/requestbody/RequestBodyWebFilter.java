package dev.tokenx.gateway.requestbody;

import dev.tokenx.gateway.routing.EdgeRoute;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request's whole body, within its route's size limit and deadline, before the request is routed. A route's
 * response timeout (and so its circuit breaker) starts when the request is sent upstream; were the body streamed, a
 * client that stalls its body would run that clock down, and its 504s would count as the service's failures: a few
 * such requests would open the breaker for every investor. Here the client's slowness ends in its own 408, and a
 * service is only called with a request it can answer at once.
 *
 * <p>A request without a body (no {@code Content-Length} above 0, no {@code Transfer-Encoding}) costs two header
 * lookups. One with a body is held in memory, at most its route's limit (16 KB for an order), once.
 */
public final class RequestBodyWebFilter implements WebFilter, Ordered {

    /** After the rate limiter (0): a refused request is not read at all. Before routing, as every filter. */
    public static final int ORDER = 1;

    private final Map<EdgeRoute, BodyLimit> limits = new EnumMap<>(EdgeRoute.class);
    private final BodyLimit unroutedLimit;

    RequestBodyWebFilter(RequestBodyProperties properties) {
        for (EdgeRoute route : EdgeRoute.values()) {
            limits.put(route, properties.limitFor(route));
        }
        this.unroutedLimit = properties.defaultLimit();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long contentLength = headers.getContentLength();
        if (contentLength <= 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        BodyLimit limit = EdgeRoute.forPath(request.getPath().pathWithinApplication())
                .map(limits::get)
                .orElse(unroutedLimit);
        if (contentLength > limit.maxBytes()) {
            return Mono.error(new RequestBodyTooLarge(limit.maxBytes()));
        }
        return read(request, limit)
                .flatMap(body -> chain.filter(
                        exchange.mutate().request(withBody(exchange, body)).build()));
    }

    private static Mono<byte[]> read(ServerHttpRequest request, BodyLimit limit) {
        return DataBufferUtils.join(request.getBody(), limit.maxBytes())
                .map(RequestBodyWebFilter::copied)
                .defaultIfEmpty(new byte[0])
                .timeout(limit.readTimeout())
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new RequestBodyTooLarge(limit.maxBytes()))
                .onErrorMap(TimeoutException.class, late -> new RequestBodyTimedOut(limit.readTimeout()));
    }

    /** Out of the pooled buffer at once, so that nothing downstream (a retry, an error) can leak or reuse it. */
    private static byte[] copied(DataBuffer joined) {
        try {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(joined);
        }
    }

    /** The body as a fresh buffer on every subscription: a retried request sends it again. */
    private static ServerHttpRequest withBody(ServerWebExchange exchange, byte[] body) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
