package dev.tokenx.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.platform.ChainSetupCommand;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker-compose.yml as far as a machine without a Docker engine allows: no container starts here, so
 * this reads the file, the Dockerfiles it builds and the Maven modules behind them, and holds them to the rules
 * the platform needs. {@code scripts/check-compose.sh} adds {@code docker compose config} where Docker exists.
 */
class ComposeFileTest {

    private static final Set<String> APPLICATION_SERVICES = Set.of(
            "gateway-service",
            "order-service",
            "blockchain-service",
            "notification-service",
            "realtime-server",
            "cache-service");

    /** What each service talks to, from ARCHITECTURE.md. */
    private static final Map<String, Set<String>> INFRASTRUCTURE_OF = Map.of(
            "gateway-service", Set.of("redis"),
            "order-service", Set.of("postgres", "kafka", "redis"),
            "blockchain-service", Set.of("postgres", "kafka", "anvil"),
            "notification-service", Set.of("kafka", "redis"),
            "realtime-server", Set.of("redis"),
            "cache-service", Set.of("redis", "kafka"));

    private static final Set<String> INFRASTRUCTURE_SERVICES = Set.of("kafka", "postgres", "redis", "anvil");

    /** Run once to completion; whoever needs their work waits for {@code service_completed_successfully}. */
    private static final Set<String> JOBS = Set.of("chain-setup");

    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|PRIVATE_KEY|CREDENTIAL|API_KEY");

    /** {@code ${NAME}} or {@code ${NAME:?message}}: taken from the environment, with no default to fall back on. */
    private static final Pattern FROM_ENVIRONMENT_ONLY = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:?\\?[^}]*)?}");

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):?\\?");

    private static Path repository;
    private static String composeText;
    private static Map<String, Map<String, Object>> services;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        // Surefire runs in the module folder; the compose file sits at the repository root.
        repository = Path.of("").toAbsolutePath().getParent();
        Path file = repository.resolve("docker-compose.yml");
        composeText = Files.readString(file);
        try (Reader reader = Files.newBufferedReader(file)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        services = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> services.put(name, map(definition)));
    }

    @Test
    void declares_the_six_services_the_four_infrastructure_servers_and_the_chain_setup_job() {
        Set<String> expected = new TreeSet<>(APPLICATION_SERVICES);
        expected.addAll(INFRASTRUCTURE_SERVICES);
        expected.addAll(JOBS);

        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void follows_the_compose_specification_without_the_obsolete_version_key() {
        assertThat(compose).doesNotContainKey("version");
    }

    @Test
    void infrastructure_runs_on_public_images_with_a_pinned_tag() {
        INFRASTRUCTURE_SERVICES.forEach(name -> {
            Map<String, Object> service = services.get(name);
            assertThat(service).as(name).doesNotContainKey("build");
            assertThat(String.valueOf(service.get("image")))
                    .as("image of %s", name)
                    .matches("[a-z0-9./-]+:[A-Za-z0-9._-]+")
                    .doesNotEndWith(":latest");
        });
    }

    @Test
    void every_application_service_is_built_from_its_module_with_the_repository_root_as_context() {
        APPLICATION_SERVICES.forEach(name -> {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(services.get(name)).as(name).doesNotContainKey("image");
            assertThat(build.get("context")).as("build context of %s", name).isEqualTo(".");
            assertThat(build.get("dockerfile")).as("Dockerfile of %s", name).isEqualTo(name + "/Dockerfile");
        });
    }

    @Test
    void every_dockerfile_copies_the_jar_that_its_module_builds() throws Exception {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            if (!service.getValue().containsKey("build")) {
                continue;
            }
            Map<String, Object> build = map(service.getValue().get("build"));
            Path context =
                    repository.resolve(String.valueOf(build.get("context"))).normalize();
            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile")));
            assertThat(dockerfile).as("Dockerfile of %s", service.getKey()).isRegularFile();

            Path module = dockerfile.getParent();
            String expectedJar = context.relativize(
                            module.resolve("target").resolve(jarName(module.resolve("pom.xml"))))
                    .toString();

            assertThat(copiedJars(dockerfile))
                    .as("jars that %s copies (relative to the build context)", dockerfile)
                    .containsExactly(expectedJar);
            assertThat(ignoredByBuild(dockerfile, expectedJar))
                    .as("%s.dockerignore keeps %s out of the build context", dockerfile, expectedJar)
                    .isFalse();
        }
    }

    @Test
    void every_application_service_waits_for_its_infrastructure_to_be_healthy() {
        INFRASTRUCTURE_OF.forEach((name, infrastructure) -> {
            Map<String, Object> dependsOn = map(services.get(name).get("depends_on"));
            infrastructure.forEach(server -> assertThat(map(dependsOn.get(server)))
                    .as("%s depends_on %s", name, server)
                    .containsEntry("condition", "service_healthy"));
        });
    }

    @Test
    void every_dependency_is_on_a_health_check_that_exists_or_on_a_job_that_ran() {
        services.forEach((name, service) -> {
            Map<String, Object> dependsOn = map(service.getOrDefault("depends_on", Map.of()));
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services.get(dependency))
                        .as("%s, which %s waits for", dependency, name)
                        .isNotNull();
                if (JOBS.contains(dependency)) {
                    assertThat(map(condition))
                            .as("%s depends_on %s", name, dependency)
                            .containsEntry("condition", "service_completed_successfully");
                    assertThat(services.get(dependency)).containsEntry("restart", "no");
                } else {
                    assertThat(map(condition))
                            .as("%s depends_on %s", name, dependency)
                            .containsEntry("condition", "service_healthy");
                    assertThat(services.get(dependency))
                            .as("%s, which %s waits for", dependency, name)
                            .containsKey("healthcheck");
                }
            });
        });
    }

    @Test
    void the_chain_setup_job_hands_blockchain_service_its_token_contracts() {
        Map<String, String> job = environment(services.get("chain-setup"));
        String jobVolume = volumeAt(services.get("chain-setup"), job.get("CHAIN_SETUP_DIR"));
        String imported = environment(services.get("blockchain-service")).get("SPRING_CONFIG_IMPORT");

        assertThat(imported).isEqualTo("file:" + job.get("CHAIN_SETUP_DIR") + "/" + ChainSetupCommand.TOKENS_FILE);
        assertThat(volumeAt(services.get("blockchain-service"), job.get("CHAIN_SETUP_DIR")))
                .isEqualTo(jobVolume);
        assertThat(map(compose.get("volumes"))).containsKey(jobVolume);
        Map<String, String> blockchainService = environment(services.get("blockchain-service"));
        assertThat(job.get("CHAIN_OWNER_PRIVATE_KEY"))
                .as("the owner's key is the job's alone: blockchain-service signs as the settlement agent")
                .isNotEqualTo(blockchainService.get("BLOCKCHAIN_SIGNER_PRIVATE_KEY"));
        assertThat(blockchainService.values()).doesNotContain(job.get("CHAIN_OWNER_PRIVATE_KEY"));
        assertThat(job).containsKey("CHAIN_SETTLEMENT_AGENT_ADDRESS");
    }

    @Test
    void every_infrastructure_service_has_a_health_check() {
        INFRASTRUCTURE_SERVICES.forEach(name -> {
            Map<String, Object> healthcheck = map(services.get(name).get("healthcheck"));
            assertThat(healthcheck).as("healthcheck of %s", name).containsKey("test");
            assertThat(healthcheck.get("disable")).as("healthcheck of %s", name).isNotEqualTo(Boolean.TRUE);
        });
    }

    @Test
    void a_service_reaches_only_the_services_it_waits_for() {
        services.forEach((name, service) -> {
            Set<String> dependsOn =
                    map(service.getOrDefault("depends_on", Map.of())).keySet();
            environment(service)
                    .forEach((variable, value) -> services.keySet().stream()
                            .filter(other -> !other.equals(name))
                            .filter(other -> Pattern.compile("(^|[/@,])" + Pattern.quote(other) + ":\\d+")
                                    .matcher(value)
                                    .find())
                            .forEach(other -> assertThat(dependsOn)
                                    .as("%s reaches %s through %s", name, other, variable)
                                    .contains(other)));
        });
    }

    @Test
    void no_secret_is_written_into_the_file() {
        services.forEach((name, service) -> environment(service).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).find()) {
                assertThat(value)
                        .as("%s of %s must come from the environment, without a default", variable, name)
                        .matches(FROM_ENVIRONMENT_ONLY);
            }
        }));
    }

    @Test
    void every_required_variable_is_listed_in_the_env_example() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher matcher = REQUIRED_VARIABLE.matcher(composeText);
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        Set<String> listed = Files.readAllLines(repository.resolve(".env.example")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toSet());

        assertThat(required).isNotEmpty();
        assertThat(listed).containsAll(required);
    }

    @Test
    void turns_on_no_demo_users_demo_data_nor_local_mode() {
        services.forEach((name, service) -> {
            Map<String, String> environment = environment(service);
            assertThat(environment)
                    .as("%s", name)
                    .doesNotContainKeys("ORDERS_DEMO_DATA_ENABLED", "TOKENX_LOCAL_ISSUER_ENABLED");
            assertThat(environment.getOrDefault("SPRING_PROFILES_ACTIVE", ""))
                    .as("profiles of %s", name)
                    .doesNotContain("local")
                    .doesNotContain("demo");
        });
    }

    @Test
    void the_demo_override_turns_on_the_demo_profile_of_the_gateway_and_order_service_only() throws IOException {
        Map<String, Object> demo;
        try (Reader reader = Files.newBufferedReader(repository.resolve("docker-compose.demo.yml"))) {
            demo = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        Map<String, Object> overridden = map(demo.get("services"));

        assertThat(demo.keySet()).containsExactly("services");
        assertThat(overridden.keySet()).containsExactlyInAnyOrder("gateway-service", "order-service");
        overridden.forEach((name, service) -> {
            assertThat(services).as("%s exists in docker-compose.yml", name).containsKey(name);
            assertThat(map(service).keySet())
                    .as("what the demo changes in %s", name)
                    .containsExactly("environment");
            assertThat(environment(map(service)))
                    .as("%s", name)
                    .containsExactly(Map.entry("SPRING_PROFILES_ACTIVE", "demo"));
        });
    }

    /** The blockchain keys are anvil's published dev accounts, for the local chain only (see .env.example). */
    @Test
    void the_env_example_leaves_every_secret_and_password_empty() throws IOException {
        Map<String, String> placeholders = Files.readAllLines(repository.resolve(".env.example")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')), line -> line.substring(line.indexOf('=') + 1)));

        assertThat(placeholders).containsKeys("TOKENX_JWT_SECRET", "REALTIME_APP_SECRET", "POSTGRES_PASSWORD");
        placeholders.forEach((variable, value) -> {
            if (variable.endsWith("SECRET") || variable.endsWith("PASSWORD")) {
                assertThat(value).as("%s in .env.example", variable).isEmpty();
            }
        });
    }

    @Test
    void only_the_gateway_publishes_a_host_port() {
        Set<String> publishing = services.entrySet().stream()
                .filter(service -> service.getValue().containsKey("ports"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        assertThat(publishing).containsExactly("gateway-service");
        assertThat(list(services.get("gateway-service").get("ports")))
                .singleElement()
                .asString()
                .endsWith(":8080");
    }

    @Test
    void bind_mounted_files_exist() {
        services.forEach((name, service) -> list(service.getOrDefault("volumes", List.of())).stream()
                .map(String::valueOf)
                .filter(volume -> volume.startsWith("./"))
                .map(volume -> volume.substring(0, volume.indexOf(':')))
                .forEach(source -> assertThat(repository.resolve(source))
                        .as("%s mount of %s", source, name)
                        .exists()));
    }

    /** The named volume a service mounts at {@code path} (short syntax {@code volume:path[:mode]}). */
    private static String volumeAt(Map<String, Object> service, String path) {
        return list(service.getOrDefault("volumes", List.of())).stream()
                .map(String::valueOf)
                .map(volume -> volume.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(path))
                .map(parts -> parts[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
    }

    /** The file name Maven gives the module's jar: its finalName, or artifactId-version without one. */
    private static String jarName(Path pom) throws Exception {
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        XPath xpath = XPathFactory.newInstance().newXPath();
        String artifactId = xpath.evaluate("/project/artifactId", document);
        String version = xpath.evaluate("/project/version", document);
        if (version.isEmpty()) {
            version = xpath.evaluate("/project/parent/version", document);
        }
        String finalName = xpath.evaluate("/project/build/finalName", document);
        if (finalName.isEmpty()) {
            finalName = "${project.artifactId}-${project.version}";
        }
        return finalName.replace("${project.artifactId}", artifactId).replace("${project.version}", version) + ".jar";
    }

    /** Sources of the Dockerfile's COPY and ADD instructions that are jars. */
    private static List<String> copiedJars(Path dockerfile) throws IOException {
        String joined = Files.readAllLines(dockerfile).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"))
                .replace("\\\n", " ");
        List<String> jars = new ArrayList<>();
        for (String instruction : joined.split("\n")) {
            String[] words = instruction.strip().split("\\s+");
            if (!words[0].equalsIgnoreCase("COPY") && !words[0].equalsIgnoreCase("ADD")) {
                continue;
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                if (!words[i].startsWith("--")) {
                    arguments.add(words[i].replaceAll("[\\[\\]\",]", ""));
                }
            }
            arguments.subList(0, arguments.size() - 1).stream()
                    .filter(source -> source.endsWith(".jar"))
                    .map(source -> source.startsWith("./") ? source.substring(2) : source)
                    .forEach(jars::add);
        }
        return jars;
    }

    /**
     * Whether the Dockerfile's own ignore file (BuildKit reads {@code <Dockerfile>.dockerignore} first) leaves the
     * jar out. Only the "ignore everything but" shape is understood: {@code *}, then {@code !path} exceptions.
     */
    private static boolean ignoredByBuild(Path dockerfile, String jar) throws IOException {
        Path ignoreFile = dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        if (!Files.exists(ignoreFile)) {
            return false;
        }
        List<String> patterns = Files.readAllLines(ignoreFile).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        return patterns.contains("*") && !patterns.contains("!" + jar);
    }

    /** A service's environment, in either of the two forms compose accepts (a map, or a list of NAME=value). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            entries.stream().map(String::valueOf).forEach(entry -> {
                int equals = entry.indexOf('=');
                variables.put(
                        equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            });
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
