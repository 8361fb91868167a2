package dev.tokenx.realtime;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

// No @Bean methods call each other here, so no CGLIB proxy of the configuration class is needed.
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class RealtimeServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(RealtimeServerApplication.class, args);
    }

    /** The HTTP API's timestamp window is checked against it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
