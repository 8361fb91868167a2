package dev.tokenx.realtime.connection.web;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Pusher clients connect to {@code /app/{key}}, the path every official client builds from the app key. */
@Configuration(proxyBeanMethods = false)
class WebSocketRouting {

    @Bean
    HandlerMapping pusherWebSocketMapping(PusherWebSocketHandler handler) {
        // Ahead of the annotated controllers, which have no /app route anyway.
        return new SimpleUrlHandlerMapping(Map.of("/app/{key}", handler), Ordered.HIGHEST_PRECEDENCE);
    }
}
