package dev.tokenx.notifications.shared.security;

import dev.tokenx.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beyond a verified token (module service-security): realtime channels are for investors, the USER role. */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    ServiceAuthorizationRules realtimeNeedsTheUserRole() {
        return exchanges -> exchanges.pathMatchers("/api/realtime/**").hasRole("USER");
    }
}
