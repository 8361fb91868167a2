package dev.tokenx.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/trading/place-order",
                "/api/trading/orders/0f8fad5b-d9cb-469f-a165-70867728950e",
                "/api/trading/actuators",
                "/api/trading/my-actuator",
                "/api/trading/a.b/..c",
                "/api/trading/%20space"
            })
    void lets_ordinary_paths_through(String path) {
        assertThat(UpstreamPaths.isForbidden(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/api/trading/actuator/health",
                "/api/trading/ACTUATOR/env",
                "/api/trading/actuator;a=b/env",
                "/api/trading/%61ctuator",
                "/api/trading/../../actuator/env",
                "/api/trading/./orders",
                "/api/trading/%2e%2e/x",
                "/api/trading/%252e%252e/x",
                "/api/trading/%25252e%25252e/x",
                "/api/trading/..%2fx",
                "/api/trading/..%5cx",
                "/api/trading/..;x=y/x",
                "/api/trading/%zz"
            })
    void refuses_management_paths_dot_segments_and_broken_encodings(String path) {
        assertThat(UpstreamPaths.isForbidden(path)).isTrue();
    }
}
