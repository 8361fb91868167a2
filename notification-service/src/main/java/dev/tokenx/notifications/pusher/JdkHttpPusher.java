package dev.tokenx.notifications.pusher;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * pusher-http-java's {@link Pusher} (request building, signing, channel authorization) over the JDK's HTTP client.
 * The library's own Apache client pools two connections per host, which caps the service at two messages in flight
 * whatever the consumer concurrency, and applies one timeout to connecting, leasing and reading alike; this transport
 * has no such cap and takes the connect and request timeouts separately. Answers become the library's {@link Result}:
 * an HTTP status with the body, or, when no answer came (refused, reset, timed out), a result without a status.
 */
final class JdkHttpPusher extends Pusher {

    private final HttpClient http;
    private final Duration requestTimeout;

    JdkHttpPusher(String appId, String key, String secret, Duration connectTimeout, Duration requestTimeout) {
        super(appId, key, secret);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected Result doPost(URI uri, String body) {
        return send(request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    @Override
    protected Result doGet(URI uri) {
        return send(request(uri).GET().build());
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    private Result send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Result.fromHttpCode(response.statusCode(), response.body());
        } catch (IOException e) {
            // fromException(IOException) would need the Apache client on the compile class path for its overload.
            return Result.fromThrowable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.fromThrowable(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            http.close();
        }
    }
}
