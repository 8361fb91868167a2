package dev.tokenx.orders.account;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * KYC status and wallet come from Redis when this instance does not know them yet ({@link KycNearCacheTest}), from
 * PostgreSQL when Redis does not have them or is down.
 */
@TestPropertySource(properties = "orders.kyc-cache.outage-cooldown=300ms")
class KycCacheTest extends ServiceTest {

    @Autowired
    private RedissonClient redis;

    @Autowired
    private MeterRegistry meters;

    private RBucket<String> cached(UUID investor) {
        return redis.getBucket("orders:kyc:" + investor, StringCodec.INSTANCE);
    }

    @Test
    void remembers_a_trader_for_five_minutes_after_reading_the_account() {
        UUID investor = investors().verifiedWithCash("5000.00");

        api().accepted(investor, "k-1", aBuyRequest());

        assertThat(cached(investor).get())
                .contains("\"kycStatus\":\"VERIFIED\"")
                .contains("\"walletAddress\":\"0x");
        assertThat(Duration.ofMillis(cached(investor).remainTimeToLive()))
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    }

    @Test
    void answers_from_the_cache_without_reading_the_account() {
        UUID investor = investors().verifiedWithCash("5000.00");
        cached(investor)
                .set(
                        "{\"userId\":\"" + investor + "\",\"kycStatus\":\"PENDING\",\"walletAddress\":null}",
                        Duration.ofMinutes(5));

        assertProblem(api().place(investor, "k-1", aBuyRequest()), 403, "KYC_REQUIRED");
    }

    @Test
    void reads_the_account_again_when_the_cached_entry_is_unreadable() {
        UUID investor = investors().verifiedWithCash("5000.00");
        cached(investor).set("written by something else", Duration.ofMinutes(5));

        api().accepted(investor, "k-1", aBuyRequest());

        assertThat(cached(investor).get()).contains("\"kycStatus\":\"VERIFIED\"");
    }

    @Test
    void reads_the_account_again_when_the_cached_wallet_is_not_an_evm_address() {
        UUID investor = investors().verifiedWithCash("5000.00");
        cached(investor)
                .set(
                        "{\"userId\":\"" + investor + "\",\"kycStatus\":\"VERIFIED\",\"walletAddress\":\"0xattacker\"}",
                        Duration.ofMinutes(5));
        double invalidBefore = lookups("invalid");

        api().accepted(investor, "k-1", aBuyRequest());

        assertThat(cached(investor).get()).doesNotContain("0xattacker").contains("\"walletAddress\":\"0x");
        assertThat(lookups("invalid")).isEqualTo(invalidBefore + 1);
    }

    @Test
    void believes_no_entry_copied_from_another_users_key() {
        UUID pending = investors().withKyc("PENDING");
        UUID verified = investors().verifiedWithCash("5000.00");
        api().accepted(verified, "k-1", aBuyRequest());

        cached(pending).set(cached(verified).get(), Duration.ofMinutes(5));

        assertProblem(api().place(pending, "k-2", aBuyRequest()), 403, "KYC_REQUIRED");
        assertThat(cached(pending).get())
                .contains("\"userId\":\"" + pending + "\"")
                .contains("PENDING");
    }

    @Test
    void keeps_taking_orders_while_redis_is_down() {
        UUID investor = investors().verifiedWithCash("5000.00");
        double unavailableBefore = unavailableLookups();
        Infrastructure.redis().stop();
        try {
            long started = System.nanoTime();
            api().accepted(investor, "during-outage-1", aBuyRequest());
            api().accepted(investor, "during-outage-2", aBuyRequest());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(unavailableLookups()).isGreaterThan(unavailableBefore);
        } finally {
            Infrastructure.redis().restart();
        }

        // A new investor each time: one this instance knows is served from its memory and not written to Redis again.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            UUID later = investors().verifiedWithCash("5000.00");
            api().accepted(later, "after-outage", aBuyRequest());
            assertThat(cached(later).get()).contains("VERIFIED");
        });
    }

    private double unavailableLookups() {
        return lookups("unavailable");
    }

    private double lookups(String result) {
        return meters.get("orders.kyc.cache.lookups")
                .tag("result", result)
                .counter()
                .count();
    }
}
