package dev.tokenx.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A limiter configured with a hole in it must not start: an untiered route would go unlimited. */
class RateLimitPropertiesTest {

    private static final String PREFIX = "gateway.rate-limit.";
    private static final List<String> ROUTES = List.of(
            "auth",
            "payments",
            "admin",
            "trading",
            "accounts",
            "portfolio",
            "realtime-auth",
            "market-data",
            "chain",
            "realtime-websocket");

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Properties.class);

    @Test
    void starts_with_every_tier_and_route_set() {
        context.withPropertyValues(valid()).run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(RateLimitProperties.class).policies()).containsOnlyKeys(ROUTES);
        });
    }

    @Test
    void refuses_a_route_without_a_tier() {
        context.withPropertyValues(validList().stream()
                        .filter(property -> !property.startsWith(PREFIX + "routes.chain="))
                        .toArray(String[]::new))
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("every route a tier"));
    }

    @Test
    void refuses_a_tier_for_a_route_that_does_not_exist() {
        context.withPropertyValues(valid())
                .withPropertyValues(PREFIX + "routes.lottery=lenient")
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("every route a tier"));
    }

    @Test
    void refuses_a_trusted_proxy_that_is_no_address() {
        context.withPropertyValues(valid())
                .withPropertyValues(PREFIX + "trusted-proxies=10.0.0.0/8,load-balancer.internal")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("CIDR"));
    }

    @Test
    void refuses_a_missing_tier() {
        context.withPropertyValues(validList().stream()
                        .filter(property -> !property.startsWith(PREFIX + "tiers.lenient."))
                        .toArray(String[]::new))
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("strict, moderate and lenient"));
    }

    private static String[] valid() {
        return validList().toArray(String[]::new);
    }

    private static List<String> validList() {
        List<String> properties = new ArrayList<>();
        for (String tier : List.of("strict", "moderate", "lenient")) {
            properties.add(PREFIX + "tiers." + tier + ".limit=10");
            properties.add(PREFIX + "tiers." + tier + ".ip-limit=10");
            properties.add(PREFIX + "tiers." + tier + ".window=60s");
            properties.add(PREFIX + "tiers." + tier + ".when-redis-down=fail-open");
        }
        ROUTES.forEach(route -> properties.add(PREFIX + "routes." + route + "=strict"));
        return properties;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Properties {}
}
