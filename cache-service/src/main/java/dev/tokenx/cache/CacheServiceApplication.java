package dev.tokenx.cache;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// No @Bean methods call each other here, so no CGLIB proxy of the configuration class is needed.
@SpringBootApplication(proxyBeanMethods = false)
public class CacheServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CacheServiceApplication.class, args);
    }
}
