package dev.tokenx.realtime.support;

import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a free port, with the three {@link TestApps}, the test kit's real Redis, and at most five
 * subscriptions per connection (so that the limit is cheap to reach). Every
 * subclass shares one Spring context. Clients opened through {@link #client}, {@link #rawSocket} and
 * {@link #serverApi} are closed after each test, so that no connection outlives its test.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"realtime.websocket.max-subscriptions-per-connection=5"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithRedis
public abstract class ServerTest {

    @LocalServerPort
    protected int port;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @DynamicPropertySource
    static void redisAndApps(DynamicPropertyRegistry registry) {
        registry.add("realtime.redis.address", () -> Infrastructure.redis().uri());
        for (String property : TestApps.properties()) {
            int equals = property.indexOf('=');
            registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
        }
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : opened.reversed()) {
            client.close();
        }
        opened.clear();
    }

    /** pusher-java-client connected to this server with the local app's key. */
    protected PusherClient client() {
        return remember(PusherClient.connect(port, TestApps.LOCAL.key(), ChannelAuthorizers.signedBy(TestApps.LOCAL)));
    }

    protected PusherClient client(PusherClient.Options options) {
        return remember(PusherClient.connect(port, options));
    }

    /** pusher-http-java pointed at this server, publishing as the given app. */
    protected ServerApi serverApi(TestApps.TestApp app) {
        return remember(ServerApi.of(port, app));
    }

    protected ServerApi serverApi() {
        return serverApi(TestApps.LOCAL);
    }

    /** A bare WebSocket to {@code path} (for example {@code /app/key?protocol=7}) that answers ping frames. */
    protected RawSocket rawSocket(String path) {
        return remember(RawSocket.open(port, path, true));
    }

    protected <T extends AutoCloseable> T remember(T client) {
        opened.add(client);
        return client;
    }
}
