package dev.tokenx.orders.shared.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A plain Redisson client: its Boot starter does not run on Boot 4 (STACK.md). */
@Configuration(proxyBeanMethods = false)
class RedissonConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        // Values are strings (JSON where structured) so that other services and redis-cli can read them;
        // Redisson's default Kryo codec cannot be read by anything else.
        config.setCodec(StringCodec.INSTANCE);
        // The service must start, and take orders, while Redis is down: connect on first use.
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(properties.address())
                .setUsername(blankToNull(properties.username()))
                .setPassword(blankToNull(properties.password()))
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setTimeout(Math.toIntExact(properties.timeout().toMillis()))
                // A cache read that fails falls back to PostgreSQL at once; retrying only adds latency.
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32);
        return Redisson.create(config);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
