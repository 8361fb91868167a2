package dev.tokenx.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// No @Bean methods call each other here, so no CGLIB proxy of the configuration class is needed.
@SpringBootApplication(proxyBeanMethods = false)
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
