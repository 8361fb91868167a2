package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.infra.FreePorts;
import dev.tokenx.infra.RedisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Redis as the launcher starts it: each service's user does what the service does, with the client the service uses
 * (Redisson), and nothing of another service's.
 */
class RedisAccessTest {

    @TempDir
    static Path folder;

    private static LocalCredentials credentials;
    private static RedisServer redis;
    private static String slidingWindowScript;

    private final List<RedissonClient> clients = new ArrayList<>();

    @BeforeAll
    static void startRedisAsTheLauncherDoes() throws IOException {
        credentials = LocalCredentials.in(folder);
        redis = LocalInfrastructure.startRedis(FreePorts.pick(), folder.resolve("redis"), credentials);
        slidingWindowScript = Files.readString(
                PlatformSettings.findRepoRoot(Path.of(""))
                        .resolve(
                                "gateway-service/src/main/resources/dev/tokenx/gateway/ratelimit/redis/sliding-window-log.lua"));
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(RedissonClient::shutdown);
    }

    @Test
    void the_gateway_runs_its_rate_limit_script_on_its_own_keys() {
        RScript script = as("gateway-service").getScript(StringCodec.INSTANCE);

        List<Long> reply = slidingWindow(script, "gateway:rate-limit:{trading}:ip:127.0.0.1");

        assertThat(reply.getFirst()).isEqualTo(1L);
    }

    @Test
    void the_gateways_script_cannot_touch_another_services_keys() {
        RScript script = as("gateway-service").getScript(StringCodec.INSTANCE);

        assertThatThrownBy(() -> slidingWindow(script, "orders:kyc:" + UUID.randomUUID()))
                .isInstanceOf(RedisException.class)
                .hasMessageContaining("NOPERM");
    }

    @Test
    void order_service_caches_kyc_entries_with_a_ttl_and_deletes_them() {
        RedissonClient orders = as("order-service");
        String key = "orders:kyc:" + UUID.randomUUID();

        orders.getBucket(key, StringCodec.INSTANCE).set("{\"kycStatus\":\"VERIFIED\"}", Duration.ofMinutes(5));
        assertThat(orders.getBucket(key, StringCodec.INSTANCE).get()).isEqualTo("{\"kycStatus\":\"VERIFIED\"}");
        assertThat(orders.getBucket(key, StringCodec.INSTANCE).delete()).isTrue();
    }

    @Test
    void order_service_cannot_read_the_notification_services_keys_nor_write_the_gateways() {
        String delivered = "notifications:delivered:" + UUID.randomUUID();
        as("notification-service").getBucket(delivered, StringCodec.INSTANCE).set("sent", Duration.ofMinutes(1));
        RedissonClient orders = as("order-service");

        assertThatThrownBy(
                        () -> orders.getBucket(delivered, StringCodec.INSTANCE).get())
                .hasMessageContaining("NOPERM");
        assertThatThrownBy(() -> orders.getBucket("gateway:rate-limit:{trading}:ip:1.2.3.4", StringCodec.INSTANCE)
                        .set("0"))
                .hasMessageContaining("NOPERM");
    }

    @Test
    void notification_service_looks_up_and_records_sent_events_in_batches() {
        RedissonClient notifications = as("notification-service");
        String first = "notifications:delivered:" + UUID.randomUUID();
        String second = "notifications:delivered:" + UUID.randomUUID();

        RBatch batch = notifications.createBatch();
        batch.getBucket(first, StringCodec.INSTANCE).setAsync("sent", Duration.ofHours(1));
        batch.getBucket(second, StringCodec.INSTANCE).setAsync("sent", Duration.ofHours(1));
        batch.execute();

        assertThat(notifications.getBuckets(StringCodec.INSTANCE).get(first, second))
                .containsOnlyKeys(first, second);
        assertThatThrownBy(() -> notifications.getBuckets(StringCodec.INSTANCE).get("orders:kyc:" + UUID.randomUUID()))
                .hasMessageContaining("NOPERM");
    }

    @Test
    void realtime_server_relays_events_on_its_channel() throws Exception {
        RedissonClient realtime = as("realtime-server");
        RTopic topic = realtime.getTopic("tokenx:realtime:events", StringCodec.INSTANCE);
        CompletableFuture<String> received = new CompletableFuture<>();
        topic.addListener(String.class, (channel, message) -> received.complete(message));

        as("realtime-server")
                .getTopic("tokenx:realtime:events", StringCodec.INSTANCE)
                .publish("an event");

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("an event");
    }

    @Test
    void no_other_service_may_publish_to_the_realtime_channel() {
        for (String service : List.of("gateway-service", "order-service", "notification-service")) {
            RTopic topic = as(service).getTopic("tokenx:realtime:events", StringCodec.INSTANCE);
            assertThatThrownBy(() -> topic.publish("a forged event"))
                    .as(service)
                    .hasMessageContaining("NOPERM");
        }
    }

    @Test
    void realtime_server_reads_no_keys() {
        assertThatThrownBy(() -> as("realtime-server")
                        .getBucket("orders:kyc:" + UUID.randomUUID(), StringCodec.INSTANCE)
                        .get())
                .hasMessageContaining("NOPERM");
    }

    @Test
    void a_client_without_credentials_is_refused() {
        RedissonClient anonymous = client(null, null);

        assertThatThrownBy(() -> anonymous
                        .getBucket("orders:kyc:x", StringCodec.INSTANCE)
                        .get())
                .isInstanceOf(RedisException.class);
    }

    @Test
    void a_restart_on_the_kept_data_keeps_every_user() {
        String key = "orders:kyc:" + UUID.randomUUID();
        as("order-service").getBucket(key, StringCodec.INSTANCE).set("kept", Duration.ofMinutes(5));
        closeClients();
        clients.clear();

        redis.restart();

        assertThat(as("order-service").getBucket(key, StringCodec.INSTANCE).get())
                .isEqualTo("kept");
    }

    private static List<Long> slidingWindow(RScript script, String key) {
        return script.eval(
                RScript.Mode.READ_WRITE,
                slidingWindowScript,
                RScript.ReturnType.MULTI,
                List.of(key),
                UUID.randomUUID().toString(),
                "10",
                "60000");
    }

    private RedissonClient as(String service) {
        LocalInfrastructure.Login login =
                new LocalInfrastructure.Login(service, credentials.password("redis." + service));
        return client(login.username(), login.password());
    }

    /** Configured as the services configure theirs: plain strings, the script cache, no retries. */
    private RedissonClient client(String username, String password) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.setUseScriptCache(true);
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(redis.uri())
                .setUsername(username)
                .setPassword(password)
                .setConnectTimeout(2_000)
                .setTimeout(2_000)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setSubscriptionConnectionPoolSize(1);
        RedissonClient client = Redisson.create(config);
        clients.add(client);
        return client;
    }
}
