package dev.tokenx.gateway.support;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A real WebSocket server at {@code /app/{key}} that greets each session and keeps it until the client leaves. */
public final class StubWebSocketUpstream {

    private final DisposableServer server;

    private StubWebSocketUpstream() {
        this.server = HttpServer.create()
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
    }
}
