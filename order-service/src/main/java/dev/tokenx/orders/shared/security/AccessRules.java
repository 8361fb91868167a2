package dev.tokenx.orders.shared.security;

import dev.tokenx.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beyond a verified token (module service-security): trading is for investors, the USER role. */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ServiceAuthorizationRules tradingNeedsTheUserRole() {
        return exchanges -> exchanges.pathMatchers("/api/trading/**").hasRole("USER");
    }
}
