package dev.tokenx.notifications.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pointing the service at realtime-server or at Pusher's cloud is configuration only. */
class PusherConfigurationTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void sends_to_a_self_hosted_server_at_its_host_and_port() throws Exception {
        try (Pusher pusher = new PusherConfiguration()
                .pusher(new PusherProperties(
                        "tokenx-local", "key", "secret", "127.0.0.1:8084", "", false, SECOND, SECOND))) {
            URI uri = pusher.signedUri("POST", "/events", "{}");

            assertThat(uri.getScheme()).isEqualTo("http");
            assertThat(uri.getAuthority()).isEqualTo("127.0.0.1:8084");
        }
    }

    @Test
    void sends_to_pusher_over_https_when_a_cluster_is_set_whatever_the_host() throws Exception {
        try (Pusher pusher = new PusherConfiguration()
                .pusher(new PusherProperties(
                        "123456", "key", "secret", "127.0.0.1:8084", "ap2", true, SECOND, SECOND))) {
            URI uri = pusher.signedUri("POST", "/events", "{}");

            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(uri.getHost()).isEqualTo("api-ap2.pusher.com");
        }
    }

    @Test
    void refuses_a_configuration_that_names_neither_a_host_nor_a_cluster() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(new PusherProperties("id", "key", "secret", "", "", false, SECOND, SECOND)))
                .extracting(violation -> violation.getMessage())
                .containsExactly(
                        "set NOTIFICATIONS_PUSHER_HOST (a self-hosted server) or NOTIFICATIONS_PUSHER_CLUSTER (Pusher)");
    }
}
