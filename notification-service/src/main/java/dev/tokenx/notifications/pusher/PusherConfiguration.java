package dev.tokenx.notifications.pusher;

import com.pusher.rest.Pusher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PusherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PusherConfiguration.class);

    @Bean(destroyMethod = "close")
    Pusher pusher(PusherProperties properties) {
        Pusher pusher = new JdkHttpPusher(
                properties.appId(),
                properties.key(),
                properties.secret(),
                properties.connectTimeout(),
                properties.requestTimeout());
        if (properties.usesCluster()) {
            pusher.setCluster(properties.cluster());
        } else {
            pusher.setHost(properties.host());
        }
        pusher.setEncrypted(properties.encrypted());
        pusher.setDataMarshaller(new JsonDataMarshaller());
        log.info(
                "Realtime messages go to Pusher app {} at {}",
                properties.appId(),
                properties.usesCluster() ? "cluster " + properties.cluster() : properties.host());
        return pusher;
    }
}
