package dev.tokenx.realtime.apps;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.apps.domain.PusherApps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AppsConfiguration {

    @Bean
    PusherApps pusherApps(AppsProperties properties) {
        return new PusherApps(properties.apps().stream()
                .map(app -> new PusherApp(app.id(), app.key(), app.secret(), app.enabled()))
                .toList());
    }
}
