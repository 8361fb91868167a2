package dev.tokenx.blockchain;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** On-chain settlement: nonces, signing, submission, confirmation tracking and retries. */
// No @Bean methods call each other here, so no CGLIB proxy of the configuration class is needed.
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class BlockchainServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlockchainServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
