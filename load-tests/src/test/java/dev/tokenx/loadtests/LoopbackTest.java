package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:8080",
                "http://LOCALHOST:8080/",
                "http://127.0.0.1:8080",
                "http://127.10.20.30",
                "http://[::1]:8080",
                "postgresql://127.0.0.1:15432/orders"
            })
    void accepts_addresses_of_this_machine(String uri) {
        assertThat(Loopback.require("target", URI.create(uri))).isEqualTo(URI.create(uri));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://example.com",
                "http://localhost.example.com",
                "http://10.0.0.5:8080",
                "http://192.168.1.10",
                "http://0.0.0.0:8080",
                "http://128.0.0.1",
                "http://127.0.0.256",
                "http://[::2]",
                "postgresql://db-host,127.0.0.1:15432/orders",
                "file:///tmp/orders"
            })
    void refuses_anything_else(String uri) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Loopback.require("target", URI.create(uri)))
                .withMessageContaining("must point at this machine");
    }
}
