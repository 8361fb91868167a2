package dev.tokenx.realtime.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare WebSocket client for what the official clients hide: the exact JSON on the wire, close codes, and
 * ping frames (it can be told not to answer them, as a dead client would not).
 */
public final class RawSocket extends WebSocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final boolean answerPings;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger pingsReceived = new AtomicInteger();
    private volatile boolean handshakeDone;
    private volatile Integer closeCode;

    private RawSocket(URI uri, boolean answerPings) {
        super(uri);
        this.answerPings = answerPings;
        // Its own keep-alive pings would count as activity and hide the server's heartbeat.
        setConnectionLostTimeout(0);
    }

    public static RawSocket open(int port, String path, boolean answerPings) {
        RawSocket socket = new RawSocket(URI.create("ws://127.0.0.1:" + port + path), answerPings);
        try {
            // connectBlocking says false when the server closed right after the handshake (a refused app key):
            // whether the handshake happened is what counts here.
            socket.connectBlocking(10, TimeUnit.SECONDS);
            if (!socket.handshakeDone) {
                throw new IllegalStateException("No WebSocket handshake with " + socket.getURI());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return socket;
    }

    /** Sends a JSON message, for example {@code {"event":"pusher:ping","data":{}}}. */
    public void sendJson(String json) {
        send(json);
    }

    /** Sends {@code pusher:subscribe}; {@code auth} is {@code null} for a public channel. */
    public void subscribe(String channel, String auth) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("channel", channel);
        if (auth != null) {
            data.put("auth", auth);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", "pusher:subscribe");
        message.put("data", data);
        send(JSON.writeValueAsString(message));
    }

    /** The {@code auth} field of an authorizer's JSON answer, as a client puts it into its subscribe message. */
    public static String authField(String authorizerAnswer) {
        return JSON.readTree(authorizerAnswer).path("auth").stringValue();
    }

    /** Waits for the first message with this event name and returns it. */
    public JsonNode awaitEvent(String event) {
        await().until(() -> find(event) != null);
        return find(event);
    }

    /** Every message with this event name received so far. */
    public List<JsonNode> messages(String event) {
        return messages.stream()
                .filter(message -> event.equals(message.path("event").asString()))
                .toList();
    }

    public List<String> events() {
        return messages.stream()
                .map(message -> message.path("event").asString())
                .toList();
    }

    /** The {@code data} of a server event, which is JSON inside a string. */
    public static JsonNode data(JsonNode message) {
        JsonNode data = message.path("data");
        return data.isString() ? JSON.readTree(data.stringValue()) : data;
    }

    /** The socket id from {@code pusher:connection_established}. */
    public String socketId() {
        return data(awaitEvent("pusher:connection_established"))
                .path("socket_id")
                .stringValue();
    }

    public Integer awaitCloseCode(Duration atMost) {
        await().atMost(atMost).until(() -> closeCode != null);
        return closeCode;
    }

    public Integer closeCode() {
        return closeCode;
    }

    public int pingsReceived() {
        return pingsReceived.get();
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        handshakeDone = true;
    }

    @Override
    public void onMessage(String message) {
        messages.add(JSON.readTree(message));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode = code;
    }

    @Override
    public void onError(Exception e) {
        // onClose follows every error, and the tests look at the close code.
    }

    @Override
    public void onWebsocketPing(WebSocket connection, Framedata ping) {
        pingsReceived.incrementAndGet();
        if (answerPings) {
            super.onWebsocketPing(connection, ping);
        }
    }

    private JsonNode find(String event) {
        return messages.stream()
                .filter(message -> event.equals(message.path("event").asString()))
                .findFirst()
                .orElse(null);
    }
}
