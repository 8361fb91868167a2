package dev.tokenx.realtime.broadcast.messaging;

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
        // Relayed events are JSON text, readable with redis-cli; Redisson's default Kryo codec is not.
        config.setCodec(StringCodec.INSTANCE);
        // The server must start, and serve its own connections, while Redis is down: connect on first use.
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(properties.address())
                .setUsername(blankToNull(properties.username()))
                .setPassword(blankToNull(properties.password()))
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setTimeout(Math.toIntExact(properties.timeout().toMillis()))
                // A publish that failed is not worth a retry: the next event is more useful than a late one.
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(8)
                .setSubscriptionConnectionMinimumIdleSize(1)
                .setSubscriptionConnectionPoolSize(2);
        return Redisson.create(config);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
