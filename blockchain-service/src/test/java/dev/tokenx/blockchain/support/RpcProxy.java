package dev.tokenx.blockchain.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON-RPC endpoint in front of the real chain that the test can take down: while down it answers every call with
 * 503 Service Unavailable, as a node behind a load balancer does during an outage, and counts the refused calls by
 * method. While up it counts the calls it passes on by method, so a test can bound the service's calls to the node. Listens on a free ephemeral port.
 */
public final class RpcProxy implements AutoCloseable {

    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");

    private final HttpServer server;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI target;
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> forwarded = new ConcurrentHashMap<>();
    private volatile boolean down;

    private RpcProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static RpcProxy to(String rpcUrl) {
        try {
            return new RpcProxy(URI.create(rpcUrl));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the RPC proxy", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Calls of {@code method} refused while down. */
    public int refused(String method) {
        return refused.getOrDefault(method, new AtomicInteger()).get();
    }

    /** Calls of {@code method} passed on to the chain (each call of a JSON-RPC batch counts) since the last reset. */
    public int calls(String method) {
        return forwarded.getOrDefault(method, new AtomicInteger()).get();
    }

    public void resetCalls() {
        forwarded.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                count(new String(body, StandardCharsets.UTF_8), refused);
                answer(exchange, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8));
                return;
            }
            count(new String(body, StandardCharsets.UTF_8), forwarded);
            HttpResponse<byte[]> reply = client.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer(exchange, reply.statusCode(), reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void count(String body, Map<String, AtomicInteger> counts) {
        Matcher method = METHOD.matcher(body);
        while (method.find()) {
            counts.computeIfAbsent(method.group(1), name -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
