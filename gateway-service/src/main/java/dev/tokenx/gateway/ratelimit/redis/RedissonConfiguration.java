package dev.tokenx.gateway.ratelimit.redis;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A plain Redisson client: its Boot starter does not run on Boot 4 (STACK.md). Only the limiter uses Redis. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.rate-limit.enabled", matchIfMissing = true)
class RedissonConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties redis) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        // The edge must start, and serve its fail-open routes, while Redis is down: connect on first use.
        config.setLazyInitialization(true);
        // EVALSHA with a fallback to EVAL on NOSCRIPT (after a Redis restart): the script is not resent each time.
        config.setUseScriptCache(true);
        config.useSingleServer()
                .setAddress(redis.address())
                .setUsername(blankToNull(redis.username()))
                .setPassword(blankToNull(redis.password()))
                .setConnectTimeout(Math.toIntExact(redis.connectTimeout().toMillis()))
                .setTimeout(Math.toIntExact(redis.timeout().toMillis()))
                // A late answer is no answer: the request is decided by the route's outage mode instead.
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(4)
                .setConnectionPoolSize(32)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setSubscriptionConnectionPoolSize(1);
        return Redisson.create(config);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
