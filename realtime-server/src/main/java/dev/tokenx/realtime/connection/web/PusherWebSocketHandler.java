package dev.tokenx.realtime.connection.web;

import dev.tokenx.realtime.connection.application.Connection;
import dev.tokenx.realtime.connection.application.ConnectionAttempt;
import dev.tokenx.realtime.connection.application.Frame;
import dev.tokenx.realtime.connection.application.PusherConnections;
import dev.tokenx.realtime.connection.domain.PusherError;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * {@code ws://host/app/{key}?protocol=7}: one Pusher connection per WebSocket session. Frames from the
 * client go to {@link PusherConnections}; frames to the client come from the connection's queue, and when
 * the server ends the connection the socket closes with the Pusher error code as WebSocket close code.
 */
@Component
class PusherWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(PusherWebSocketHandler.class);

    /** RFC 6455 allows 123 bytes of close reason. */
    private static final int MAX_CLOSE_REASON_BYTES = 123;

    private static final byte[] PING_PAYLOAD = "pusher".getBytes(StandardCharsets.US_ASCII);

    private final PusherConnections connections;

    PusherWebSocketHandler(PusherConnections connections) {
        this.connections = connections;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        URI uri = session.getHandshakeInfo().getUri();
        String protocol =
                UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("protocol");
        return switch (connections.open(appKey(uri), protocol)) {
            case ConnectionAttempt.Refused refused -> refuse(session, refused);
            case ConnectionAttempt.Accepted accepted -> serve(session, accepted.connection());
        };
    }

    private Mono<Void> refuse(WebSocketSession session, ConnectionAttempt.Refused refused) {
        return session.send(Mono.just(session.textMessage(refused.message())))
                .then(session.close(closeStatus(refused.error())));
    }

    private Mono<Void> serve(WebSocketSession session, Connection connection) {
        // However the input ends (client close, server close, error), the connection is over: that also ends
        // the output, after the frames already queued.
        Mono<Void> input = session.receive()
                .doOnNext(message -> receive(connection, message))
                .doFinally(signal -> connections.closed(connection))
                .then();
        Mono<Void> output = session.send(connection.frames().map(frame -> toMessage(session, frame)))
                .then(Mono.defer(() -> closeWithReason(session, connection)));
        // when, not zip: zip would cancel the output as soon as the input completes, dropping the frames still
        // queued (a pusher:error, then the close frame with its code).
        return Mono.when(input, output)
                .doOnError(e -> log.debug("{} ended with an error", connection, e))
                .onErrorComplete();
    }

    private void receive(Connection connection, WebSocketMessage message) {
        int size = message.getPayload().readableByteCount();
        switch (message.getType()) {
            case TEXT -> connections.receive(connection, message.getPayloadAsText(), size);
            case BINARY -> connections.receiveBinary(connection, size);
            case PING, PONG -> connections.receive(connection, null, size);
        }
    }

    private static WebSocketMessage toMessage(WebSocketSession session, Frame frame) {
        return switch (frame) {
            case Frame.Text text -> session.textMessage(text.json());
            case Frame.Ping ping -> session.pingMessage(buffers -> buffers.wrap(PING_PAYLOAD));
        };
    }

    private static Mono<Void> closeWithReason(WebSocketSession session, Connection connection) {
        return connection
                .closeReason()
                .filter(PusherError::closesConnection)
                .map(reason -> session.close(closeStatus(reason)))
                .orElseGet(Mono::empty);
    }

    private static CloseStatus closeStatus(PusherError error) {
        return new CloseStatus(error.code(), closeReason(error.message()));
    }

    /** The full message went out as {@code pusher:error}; the close frame gets as much of it as fits. */
    private static String closeReason(String message) {
        if (utf8Length(message) <= MAX_CLOSE_REASON_BYTES) {
            return message;
        }
        String cut = message;
        while (utf8Length(cut) > MAX_CLOSE_REASON_BYTES - 3) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "...";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String appKey(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
