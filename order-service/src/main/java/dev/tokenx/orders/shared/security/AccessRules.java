package dev.tokenx.orders.shared.security;

import dev.tokenx.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beyond a verified token (module service-security): trading is for investors, the USER role; the admin API for the
 * ADMIN role (the gateway refuses others first; this service does not count on it).
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ServiceAuthorizationRules tradingNeedsTheUserRole() {
        return exchanges -> exchanges.pathMatchers("/api/trading/**").hasRole("USER");
    }

    @Bean
    ServiceAuthorizationRules adminNeedsTheAdminRole() {
        return exchanges -> exchanges.pathMatchers("/api/admin/**").hasRole("ADMIN");
    }
}
