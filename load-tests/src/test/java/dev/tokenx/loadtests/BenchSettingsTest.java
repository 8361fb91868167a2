package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSettingsTest {

    @Test
    void defaults_to_the_issues_open_run_against_the_local_platform() {
        BenchSettings settings = BenchSettings.from(new Properties(), Map.of());

        assertThat(settings.shape()).isEqualTo(BenchSettings.Shape.OPEN);
        assertThat(settings.ratePerSecond()).isEqualTo(500);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.investors()).isEqualTo(1_000);
        assertThat(settings.gatewayUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/orders");
        assertThat(settings.tokens())
                .isEqualTo(new BenchSettings.TokenSettings(
                        BenchSettings.LOCAL_DEV_JWT_SECRET, "tokenx-local", "tokenx-api"));
    }

    @Test
    void reads_the_bench_properties_and_the_platforms_jwt_variables() {
        Properties properties = new Properties();
        properties.setProperty("bench.shape", "Saturation");
        properties.setProperty("bench.concurrency", "128");
        properties.setProperty("bench.duration", "30");
        properties.setProperty("bench.warmup", "0");
        properties.setProperty("bench.investors", "50");
        properties.setProperty("bench.gatewayUrl", "http://127.0.0.1:18080");
        String secret = "another-local-secret-of-at-least-32-bytes";

        BenchSettings settings = BenchSettings.from(properties, Map.of("TOKENX_JWT_SECRET", secret));

        assertThat(settings.shape()).isEqualTo(BenchSettings.Shape.SATURATION);
        assertThat(settings.concurrency()).isEqualTo(128);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.warmUp()).isZero();
        assertThat(settings.investors()).isEqualTo(50);
        assertThat(settings.gatewayUrl()).isEqualTo(URI.create("http://127.0.0.1:18080"));
        assertThat(settings.tokens().secret()).isEqualTo(secret);
        assertThat(settings.tokenLifetime()).isEqualTo(Duration.ofMinutes(30).plusSeconds(30));
    }

    @Test
    void logs_in_to_the_orders_database_as_order_service_with_the_password_the_launcher_generated(@TempDir Path data)
            throws IOException {
        Files.writeString(
                data.resolve(LocalPlatformCredentials.FILE_NAME),
                "postgres.order_service=generated-orders-password\nkafka.platform-admin=generated-kafka-password\n");
        Map<String, String> environment = Map.of("TOKENX_DATA_DIR", data.toString());

        BenchSettings settings = BenchSettings.from(new Properties(), environment);
        SettlementSettings settlement = SettlementSettings.from(new Properties(), environment);

        assertThat(settings.databaseUser()).isEqualTo("order_service");
        assertThat(settings.databasePassword()).isEqualTo("generated-orders-password");
        assertThat(settlement.kafkaSecurity())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
        assertThat(settlement.kafkaSecurity().get("sasl.jaas.config").toString())
                .contains("username=\"platform-admin\"")
                .contains("password=\"generated-kafka-password\"");
    }

    @Test
    void refuses_a_gateway_elsewhere() {
        Properties properties = new Properties();
        properties.setProperty("bench.gatewayUrl", "http://gateway.example.com");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchSettings.from(properties, Map.of()))
                .withMessageContaining("bench.gatewayUrl must point at this machine");
    }

    @Test
    void refuses_a_database_elsewhere() {
        Properties properties = new Properties();
        properties.setProperty("bench.jdbcUrl", "jdbc:postgresql://10.1.2.3:5432/orders");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchSettings.from(properties, Map.of()))
                .withMessageContaining("bench.jdbcUrl must point at this machine");
    }

    @Test
    void explains_a_wrong_value() {
        Properties properties = new Properties();
        properties.setProperty("bench.shape", "spike");
        properties.setProperty("bench.rate", "fast");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchSettings.from(properties, Map.of()))
                .withMessageContaining("bench.shape must be open or saturation, got spike");
        properties.setProperty("bench.shape", "open");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchSettings.from(properties, Map.of()))
                .withMessageContaining("bench.rate must be a whole number, got fast");
    }
}
