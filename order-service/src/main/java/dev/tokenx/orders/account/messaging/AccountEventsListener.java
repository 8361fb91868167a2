package dev.tokenx.orders.account.messaging;

import dev.tokenx.events.AccountEvent;
import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.KycStatusChanged;
import dev.tokenx.events.Topics;
import dev.tokenx.orders.account.application.Traders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hands each account event to {@link Traders}, so that a KYC status changed anywhere is not served from this
 * instance's near cache any longer.
 *
 * <p>Every instance must see every change, so each is a consumer group of its own ({@code
 * <spring.application.name>-kyc-<random>}, one consumer), starting from the latest offset: a change made before the
 * instance started is in no cache of its. The container factory is the service's (deserializers, skip-unknown, error
 * handling), with this listener's group, concurrency and offset reset, and one record at a time whatever the factory's
 * default.
 */
@Component
class AccountEventsListener {

    static final String ID = "kyc-near-cache";

    private final Traders traders;

    AccountEventsListener(Traders traders) {
        this.traders = traders;
    }

    @KafkaListener(
            id = ID,
            topics = Topics.ACCOUNT_EVENTS,
            containerFactory = "kafkaListenerContainerFactory",
            idIsGroup = false,
            groupId = "${spring.application.name}-kyc-${random.uuid}",
            concurrency = "1",
            batch = "false",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, DomainEvent> record) {
        if (record.value() instanceof AccountEvent event) {
            switch (event) {
                case KycStatusChanged changed ->
                    traders.kycStatusChanged(changed.userId()).block();
            }
        }
    }
}
