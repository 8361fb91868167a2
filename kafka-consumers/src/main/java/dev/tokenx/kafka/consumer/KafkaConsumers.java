package dev.tokenx.kafka.consumer;

/** The names a listener picks its container by ({@code @KafkaListener(containerFactory = ...)}). */
public final class KafkaConsumers {

    /** One record per call; the default, so a listener that names no factory gets it. */
    public static final String RECORD = "kafkaListenerContainerFactory";

    /** The records of one poll per call ({@code List<ConsumerRecord<String, E>>}); see {@link ConsumedBatch}. */
    public static final String BATCH = "batchKafkaListenerContainerFactory";

    private KafkaConsumers() {}
}
