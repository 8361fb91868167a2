package dev.tokenx.notifications.support;

import static org.awaitility.Awaitility.await;

import dev.tokenx.events.Topics;
import dev.tokenx.testkit.Infrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics the service consumes, on the test kit's broker. Each test class's service gets a consumer group of its
 * own that starts at the current end of every topic: it sees exactly the events published while it runs, none of an
 * earlier class's, and none published before its consumers joined can slip past it.
 */
public final class KafkaTopics {

    public static final List<String> CONSUMED =
            List.of(Topics.ORDER_EVENTS, Topics.PORTFOLIO_EVENTS, Topics.TOKEN_EVENTS, Topics.ANNOUNCEMENT_EVENTS);

    private static final int PARTITIONS = 3;
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {}

    /** A new consumer group whose committed offsets are the current ends of the consumed topics. */
    public static String newGroupAtEnd() {
        String group = "notification-service-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            createMissing(admin);
            // A topic created a moment ago may have no partition leader yet: ask again until it has.
            Map<TopicPartition, OffsetAndMetadata> ends = await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS))
                    .ignoreExceptions()
                    .until(() -> ends(admin), end -> true);
            admin.alterConsumerGroupOffsets(group, ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return group;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not prepare consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> ends(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicDescription topic : describe(admin).values()) {
            topic.partitions()
                    .forEach(partition ->
                            latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, offset) -> ends.put(partition, new OffsetAndMetadata(offset.offset())));
        return ends;
    }

    private static void createMissing(Admin admin) throws InterruptedException, TimeoutException, ExecutionException {
        for (String topic : CONSUMED) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                        .all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(Set.copyOf(CONSUMED)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafka().bootstrapServers()));
    }
}
