package dev.tokenx.orders.support;

import dev.tokenx.orders.OrderServiceApplication;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another instance of the service beside a test's own, on the same database, Kafka and Redis, as a second replica
 * runs in production. Its outbox relay is off, like the test's.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on the database the test's instance ({@code first}) uses. */
    public static SecondInstance beside(Environment first) {
        String url = first.getRequiredProperty("spring.flyway.url");
        Map<String, String> properties = new LinkedHashMap<>();
        TestInfrastructure.properties(url.substring(url.lastIndexOf('/') + 1), properties::put);
        properties.put("server.port", "0");
        properties.put("tokenx.outbox.relay-enabled", "false");
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SecondInstance(new SpringApplicationBuilder(OrderServiceApplication.class).run(arguments));
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
