package dev.tokenx.platform;

import static dev.tokenx.events.Topics.ACCOUNT_EVENTS;
import static dev.tokenx.events.Topics.ANNOUNCEMENT_EVENTS;
import static dev.tokenx.events.Topics.ORDER_EVENTS;
import static dev.tokenx.events.Topics.PORTFOLIO_EVENTS;
import static dev.tokenx.events.Topics.SETTLEMENT_EVENTS;
import static dev.tokenx.events.Topics.TOKEN_EVENTS;
import static dev.tokenx.events.Topics.deadLetter;

import dev.tokenx.infra.KafkaBroker;
import dev.tokenx.infra.KafkaSasl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker: each Kafka-speaking service is a SCRAM user that may write only the topics it
 * owns (what its outbox relays, and the dead-letter topics of what it consumes) and read only the topics it consumes,
 * in its own consumer groups. Anything else is denied ({@code allow.everyone.if.no.acl.found=false}). The same table is
 * written for docker-compose.yml in {@code compose/kafka/access.sh}.
 *
 * <p>Applying it is idempotent: a SCRAM upsert replaces the password, an existing ACL is created again as a no-op, so
 * a restart on the kept data folder converges on this table.
 */
final class KafkaAccess {

    /**
     * @param user the service's SCRAM user, also its name
     * @param writes topics it produces to (WRITE, which implies DESCRIBE)
     * @param reads topics it consumes (READ, which implies DESCRIBE)
     * @param groups consumer groups it joins by exact name
     * @param groupPrefixes consumer groups it joins by prefix (a group per instance)
     */
    record Grant(
            String user, List<String> writes, List<String> reads, List<String> groups, List<String> groupPrefixes) {}

    static final List<Grant> GRANTS = List.of(
            new Grant(
                    "order-service",
                    List.of(
                            ORDER_EVENTS,
                            PORTFOLIO_EVENTS,
                            ACCOUNT_EVENTS,
                            TOKEN_EVENTS,
                            deadLetter(SETTLEMENT_EVENTS),
                            deadLetter(ACCOUNT_EVENTS)),
                    List.of(SETTLEMENT_EVENTS, ACCOUNT_EVENTS),
                    List.of("order-service"),
                    // The KYC near cache: one group per instance, "order-service-kyc-<random uuid>".
                    List.of("order-service-kyc-")),
            new Grant(
                    "blockchain-service",
                    List.of(SETTLEMENT_EVENTS, deadLetter(ORDER_EVENTS)),
                    List.of(ORDER_EVENTS),
                    List.of("blockchain-service"),
                    List.of()),
            new Grant(
                    "notification-service",
                    List.of(
                            deadLetter(ORDER_EVENTS),
                            deadLetter(PORTFOLIO_EVENTS),
                            deadLetter(TOKEN_EVENTS),
                            deadLetter(ANNOUNCEMENT_EVENTS)),
                    List.of(ORDER_EVENTS, PORTFOLIO_EVENTS, TOKEN_EVENTS, ANNOUNCEMENT_EVENTS),
                    List.of("notification-service"),
                    List.of()));

    private KafkaAccess() {}

    /** Creates or updates each service's user with its password from {@code passwords}, then its ACLs. */
    static void apply(KafkaBroker kafka, Map<String, String> passwords) {
        try (Admin admin = Admin.create(kafka.superUserClientConfig())) {
            List<UserScramCredentialUpsertion> users = GRANTS.stream()
                    .map(grant -> new UserScramCredentialUpsertion(
                            grant.user(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192),
                            requirePassword(passwords, grant.user())))
                    .toList();
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(bindings()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the Kafka users and their ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka users and their ACLs", e);
        }
    }

    /** The client settings a service's Spring Kafka takes from its environment. */
    static Map<String, String> environment(String user, String password) {
        Map<String, Object> client = KafkaSasl.scramClient(user, password);
        return Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL",
                        client.get("security.protocol").toString(),
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                        client.get("sasl.mechanism").toString(),
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                        client.get("sasl.jaas.config").toString());
    }

    static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : GRANTS) {
            String principal = "User:" + grant.user();
            grant.writes()
                    .forEach(topic -> bindings.add(
                            allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
            grant.reads()
                    .forEach(topic -> bindings.add(
                            allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
            Stream.concat(
                            grant.groups().stream()
                                    .map(group -> new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL)),
                            grant.groupPrefixes().stream()
                                    .map(prefix ->
                                            new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED)))
                    .forEach(group -> bindings.add(new AclBinding(group, entry(principal, AclOperation.READ))));
        }
        return bindings;
    }

    private static AclBinding allow(
            String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern), entry(principal, operation));
    }

    private static AccessControlEntry entry(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }

    private static String requirePassword(Map<String, String> passwords, String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("No Kafka password for " + user);
        }
        return password;
    }
}
