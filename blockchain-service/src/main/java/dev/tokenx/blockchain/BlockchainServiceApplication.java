package dev.tokenx.blockchain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// No @Bean methods call each other here, so no CGLIB proxy of the configuration class is needed.
@SpringBootApplication(proxyBeanMethods = false)
public class BlockchainServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlockchainServiceApplication.class, args);
    }
}
