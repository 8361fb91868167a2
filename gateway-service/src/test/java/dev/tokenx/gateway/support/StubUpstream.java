package dev.tokenx.gateway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP server on a free loopback port standing in for a service behind the gateway. It records every
 * request it receives and answers with a JSON echo; paths under {@link #SLOW_PATH}, and any path with a
 * {@code slow} segment, answer only after {@link #SLOW_DELAY}, longer than any response timeout the tests configure.
 */
public final class StubUpstream {

    public static final String SLOW_PATH = "/api/trading/slow";
    public static final Duration SLOW_DELAY = Duration.ofSeconds(5);
    /** Answered 202 Accepted, as order-service accepts a placement; everything else 200. */
    public static final String PLACEMENT_PATH = "/api/trading/place-order";

    public record ReceivedRequest(String method, String uri, HttpHeaders headers, String body) {}

    private final Queue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();
    private final String name;
    /**
     * Its own event loop, not Reactor Netty's global one: a gateway context that closes disposes the global loops,
     * which would stop every stub bound on them under the contexts still cached.
     */
    private final LoopResources loops;

    private final DisposableServer server;

    private StubUpstream(String name) {
        this.name = name;
        this.loops = LoopResources.create("stub-" + name, 1, true);
        this.server = HttpServer.create()
                .runOn(loops)
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow();
    }

    public static StubUpstream start() {
        return start("stub");
    }

    /** A stub that answers with {@code X-Upstream: <name>}, so a test can tell which service a route reached. */
    public static StubUpstream start(String name) {
        return new StubUpstream(name);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Requests whose raw URI (path and query) contains the marker, in arrival order. */
    public List<ReceivedRequest> receivedWith(String marker) {
        return received.stream()
                .filter(request -> request.uri().contains(marker))
                .toList();
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map(body -> record(request, body))
                .flatMap(recorded -> answer(recorded, response));
    }

    private ReceivedRequest record(HttpServerRequest request, String body) {
        HttpHeaders headers = new HttpHeaders();
        request.requestHeaders().forEach(header -> headers.add(header.getKey(), header.getValue()));
        ReceivedRequest recorded = new ReceivedRequest(request.method().name(), request.uri(), headers, body);
        received.add(recorded);
        return recorded;
    }

    private Mono<Void> answer(ReceivedRequest request, HttpServerResponse response) {
        boolean placement = request.method().equals("POST") && request.uri().startsWith(PLACEMENT_PATH);
        response.status(placement ? 202 : 200)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header("X-Upstream", name);
        // Real services echo the request id too; the gateway must still answer with exactly one.
        String requestId = request.headers().getFirst("X-Request-Id");
        if (requestId != null) {
            response.header("X-Request-Id", requestId);
        }
        Mono<Void> reply = response.sendString(Mono.just(echo(request))).then();
        return isSlow(request.uri()) ? Mono.delay(SLOW_DELAY).then(reply) : reply;
    }

    private static boolean isSlow(String uri) {
        return uri.startsWith(SLOW_PATH) || uri.contains("/slow/") || uri.contains("/slow?") || uri.endsWith("/slow");
    }

    private static String echo(ReceivedRequest request) {
        return "{\"method\":\"%s\",\"uri\":\"%s\",\"body\":%s}"
                .formatted(request.method(), request.uri(), request.body().isEmpty() ? "null" : request.body());
    }
}
