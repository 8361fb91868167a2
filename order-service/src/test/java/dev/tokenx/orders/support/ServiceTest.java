package dev.tokenx.orders.support;

import dev.tokenx.testkit.TestDatabases;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithPostgres;
import dev.tokenx.testkit.WithRedis;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a random port, against the real PostgreSQL, Kafka and Redis of the test kit, with a database
 * of its own per test class (migrated by Flyway, demo data seeded). The outbox relay is off unless a test turns it
 * on, so that the outbox can be inspected; no settlement runs, so admission's settlement-delay check is off too; the context is closed after each class, so no relay outlives its test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithPostgres
@WithKafka
@WithRedis
@DirtiesContext
@TestPropertySource(properties = {"tokenx.outbox.relay-enabled=false", "orders.admission.max-settlement-delay=0s"})
public abstract class ServiceTest {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestDatabases.create("orders"));
    }

    protected OrdersApi api() {
        return new OrdersApi(web);
    }

    /** The API of another instance of the service ({@link SecondInstance#web()}). */
    protected OrdersApi api(WebTestClient instance) {
        return new OrdersApi(instance);
    }

    protected PricesApi prices() {
        return new PricesApi(web);
    }

    protected StoreSnapshot snapshot() {
        return StoreSnapshot.of(db);
    }

    protected Investors investors() {
        return new Investors(db);
    }

    protected Tokens tokens() {
        return new Tokens(db);
    }
}
