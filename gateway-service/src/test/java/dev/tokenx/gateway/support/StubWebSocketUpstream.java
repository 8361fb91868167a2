package dev.tokenx.gateway.support;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/** A real WebSocket server at {@code /app/{key}} that greets each session and keeps it until the client leaves. */
public final class StubWebSocketUpstream {

    /**
     * Its own event loop, not Reactor Netty's global one: a gateway context that closes disposes the global loops,
     * which would stop every stub bound on them under the contexts still cached.
     */
    private final LoopResources loops;

    private final DisposableServer server;

    private StubWebSocketUpstream() {
        this.loops = LoopResources.create("stub-websocket", 1, true);
        this.server = HttpServer.create()
                .runOn(loops)
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.ws(
                        "/app/{key}",
                        (in, out) -> out.sendString(Mono.just("welcome"))
                                .then()
                                .then(in.receive().then())))
                .bindNow();
    }

    public static StubWebSocketUpstream start() {
        return new StubWebSocketUpstream();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void stop() {
        server.disposeNow();
        loops.dispose();
    }
}
