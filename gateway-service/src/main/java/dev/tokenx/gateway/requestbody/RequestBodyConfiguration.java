package dev.tokenx.gateway.requestbody;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

    @Bean
    RequestBodyWebFilter requestBodyWebFilter(RequestBodyProperties requestBody) {
        return new RequestBodyWebFilter(requestBody);
    }
}
