package dev.tokenx.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml provisions Kafka and Redis with shell scripts; they must grant exactly what the launcher grants,
 * so that what the launcher's tests prove holds for the containers too.
 */
class ComposeAccessTest {

    private static final Pattern GRANT =
            Pattern.compile("(?m)^grant (\\S+) \"\\$\\{?\\w+}?\" (\\S+) (\\S+) (\\S+) (\\S+)$");
    private static final Pattern REDIS_USER =
            Pattern.compile("(?m)^user (\\S+) on >\\$\\{\\w+} resetkeys resetchannels -@all (.+)$");

    @Test
    void the_compose_broker_grants_each_service_what_the_launcher_grants() throws IOException {
        String script = read("compose/kafka/access.sh").replaceAll("\\\\\\R\\s*", "");
        Map<String, KafkaAccess.Grant> compose = new HashMap<>();
        Matcher grant = GRANT.matcher(script);
        while (grant.find()) {
            compose.put(
                    grant.group(1),
                    new KafkaAccess.Grant(
                            grant.group(1),
                            list(grant.group(2)),
                            list(grant.group(3)),
                            list(grant.group(4)),
                            list(grant.group(5))));
        }

        assertThat(compose.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        KafkaAccess.GRANTS.stream().map(KafkaAccess.Grant::user).toList());
        KafkaAccess.GRANTS.forEach(expected -> {
            KafkaAccess.Grant actual = compose.get(expected.user());
            assertThat(Set.copyOf(actual.writes()))
                    .as("%s writes", expected.user())
                    .isEqualTo(Set.copyOf(expected.writes()));
            assertThat(Set.copyOf(actual.reads()))
                    .as("%s reads", expected.user())
                    .isEqualTo(Set.copyOf(expected.reads()));
            assertThat(Set.copyOf(actual.groups()))
                    .as("%s groups", expected.user())
                    .isEqualTo(Set.copyOf(expected.groups()));
            assertThat(Set.copyOf(actual.groupPrefixes()))
                    .as("%s group prefixes", expected.user())
                    .isEqualTo(Set.copyOf(expected.groupPrefixes()));
        });
    }

    @Test
    void the_compose_redis_gives_each_service_the_launchers_rules(@TempDir Path folder) throws IOException {
        Map<String, Set<String>> compose = new HashMap<>();
        Matcher user = REDIS_USER.matcher(read("compose/redis/start.sh"));
        while (user.find()) {
            compose.put(user.group(1), Set.of(user.group(2).split(" ")));
        }

        Map<String, Set<String>> launcher = RedisAccess.users(LocalCredentials.in(folder)).users().stream()
                .collect(Collectors.toMap(u -> u.name(), u -> Set.copyOf(u.rules())));
        assertThat(compose).isEqualTo(launcher);
    }

    private static List<String> list(String commaSeparated) {
        String value = commaSeparated.equals("\"\"") ? "" : commaSeparated;
        return Stream.of(value.split(",")).filter(item -> !item.isEmpty()).toList();
    }

    private static String read(String path) throws IOException {
        return Files.readString(PlatformSettings.findRepoRoot(Path.of("")).resolve(path));
    }
}
