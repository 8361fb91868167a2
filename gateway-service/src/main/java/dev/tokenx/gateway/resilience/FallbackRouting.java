package dev.tokenx.gateway.resilience;

import dev.tokenx.gateway.routing.UpstreamService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class FallbackRouting {

    /** Any method: the fallback answers for whatever request failed. */
    @Bean
    RouterFunction<ServerResponse> upstreamFallback(ResilienceProperties resilience) {
        UpstreamFallback fallback =
                new UpstreamFallback(resilience.circuitBreaker().waitDurationInOpenState());
        return RouterFunctions.route(
                RequestPredicates.path(UpstreamService.FALLBACK_PREFIX + "{service}"), fallback::handle);
    }
}
