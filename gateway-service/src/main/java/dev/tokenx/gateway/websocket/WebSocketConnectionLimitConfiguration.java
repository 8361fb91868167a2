package dev.tokenx.gateway.websocket;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.ratelimit.RateLimitProperties;
import dev.tokenx.gateway.ratelimit.domain.ClientAddressResolver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebSocketConnectionLimitConfiguration {

    static final String OPEN_CONNECTIONS = "gateway.websocket.connections";

    @Bean
    WebSocketConnectionLimitFilter webSocketConnectionLimitFilter(
            WebSocketProperties webSocket,
            RateLimitProperties rateLimit,
            ProblemResponseWriter problems,
            MeterRegistry meters) {
        ConnectionCount connections =
                new ConnectionCount(webSocket.maxConnections(), webSocket.maxConnectionsPerAddress());
        Gauge.builder(OPEN_CONNECTIONS, connections, ConnectionCount::open)
                .description("Realtime WebSocket sessions open through this instance")
                .register(meters);
        return new WebSocketConnectionLimitFilter(
                connections, ClientAddressResolver.trusting(rateLimit.trustedProxies()), problems);
    }
}
