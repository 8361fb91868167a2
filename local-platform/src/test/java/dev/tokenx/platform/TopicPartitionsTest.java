package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher creates every topic before the services start. A service that declares more partitions for its topics
 * adds them at its start, under consumers that have already joined: they would miss the new partitions' records until
 * their next metadata refresh (the trade-flow journey once waited minutes for its status updates that way).
 */
class TopicPartitionsTest {

    private static final Pattern DECLARED = Pattern.compile("(?m)^  topics:\\R    partitions: (\\d+)$");

    @ParameterizedTest
    @ValueSource(strings = {"order-service", "blockchain-service", "notification-service"})
    void creates_topics_with_at_least_the_partitions_each_service_declares(String module) throws IOException {
        Path configuration = PlatformSettings.findRepoRoot(Path.of(""))
                .resolve(module)
                .resolve("src/main/resources/application.yml");
        Matcher declared = DECLARED.matcher(Files.readString(configuration));

        assertThat(declared.find())
                .as("%s declares its topics' partitions", module)
                .isTrue();
        assertThat(LocalInfrastructure.PARTITIONS).isGreaterThanOrEqualTo(Integer.parseInt(declared.group(1)));
    }
}
