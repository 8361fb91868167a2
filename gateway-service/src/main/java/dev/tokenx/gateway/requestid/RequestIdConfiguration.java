package dev.tokenx.gateway.requestid;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestIdConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer requestIdHandler() {
        return builder -> builder.httpHandlerDecorator(RequestIdHttpHandler::new);
    }
}
