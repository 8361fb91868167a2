package dev.tokenx.notifications.shared.redis;

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
        // Plain strings, readable with redis-cli; Redisson's default Kryo codec is readable by nothing else.
        config.setCodec(StringCodec.INSTANCE);
        // Messages are sent while Redis is down (without duplicate suppression): connect on first use, not at startup.
        config.setLazyInitialization(true);
        config.useSingleServer()
                .setAddress(properties.address())
                .setUsername(blankToNull(properties.username()))
                .setPassword(blankToNull(properties.password()))
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setTimeout(Math.toIntExact(properties.timeout().toMillis()))
                // A failed lookup means "send anyway" at once; retrying inside Redisson only delays the message.
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(16);
        return Redisson.create(config);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
