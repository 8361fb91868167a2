package dev.tokenx.gateway.ratelimit;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.ratelimit.application.CheckRateLimit;
import dev.tokenx.gateway.ratelimit.application.LocalRateLimit;
import dev.tokenx.gateway.ratelimit.domain.ClientAddressResolver;
import dev.tokenx.gateway.ratelimit.domain.RoutePolicies;
import dev.tokenx.gateway.ratelimit.redis.RedisRequestLog;
import dev.tokenx.gateway.ratelimit.web.RateLimitMetrics;
import dev.tokenx.gateway.ratelimit.web.RateLimitWebFilter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limiter, wired only when enabled; Redis is used for nothing else at the edge. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RedisRequestLog requestLog(RedissonClient redisson, RateLimitProperties rateLimit) {
        return new RedisRequestLog(redisson, rateLimit.keyPrefix());
    }

    @Bean
    CheckRateLimit checkRateLimit(RedisRequestLog requestLog, RateLimitProperties rateLimit) {
        return new CheckRateLimit(requestLog, rateLimit.timeout(), rateLimit.outageCooldown());
    }

    @Bean
    RateLimiterWarmUp rateLimiterWarmUp(RedisRequestLog requestLog) {
        return new RateLimiterWarmUp(requestLog);
    }

    @Bean
    LocalRateLimit localRateLimit(RateLimitProperties rateLimit) {
        return new LocalRateLimit(
                rateLimit.localFraction(),
                rateLimit.longestWindow(),
                RateLimitProperties.LOCAL_MAXIMUM_PARTITIONS,
                System::nanoTime);
    }

    @Bean
    RateLimitWebFilter rateLimitWebFilter(
            RateLimitProperties rateLimit,
            CheckRateLimit checkRateLimit,
            LocalRateLimit localRateLimit,
            ProblemResponseWriter problems,
            MeterRegistry meterRegistry,
            Clock clock) {
        return new RateLimitWebFilter(
                new RoutePolicies(rateLimit.policies()),
                checkRateLimit,
                localRateLimit,
                ClientAddressResolver.trusting(rateLimit.trustedProxies()),
                problems,
                new RateLimitMetrics(meterRegistry),
                clock);
    }
}
