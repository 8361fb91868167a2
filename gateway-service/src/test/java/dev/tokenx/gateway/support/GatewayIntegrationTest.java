package dev.tokenx.gateway.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a free port, with its local configuration, in front of a real stub upstream. All subclasses
 * share one application context and one upstream; tests tell their traffic apart by unique markers in the URI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class GatewayIntegrationTest {

    protected static final StubUpstream UPSTREAM = StubUpstream.start();

    @Autowired
    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void routeToStubUpstream(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", UPSTREAM::baseUrl);
        registry.add("gateway.routing.order-service.response-timeout", () -> "500ms");
    }
}
