package dev.tokenx.blockchain.settlement.application;

import dev.tokenx.blockchain.settlement.domain.Settlement;
import dev.tokenx.blockchain.settlement.domain.SettlementChange;
import dev.tokenx.blockchain.settlement.domain.Transition;
import dev.tokenx.outbox.OutboxWriter;
import dev.tokenx.security.WithRequestId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saves settlement transitions and appends what happened to the outbox in the same transaction, so that an event is
 * published if and only if its state change is stored. The consumer and the tracker (of any number of instances) may
 * race for one settlement: a save only succeeds on the version it read, so each change is stored, and announced, once.
 */
@Component
class Settlements {

    private static final Logger log = LoggerFactory.getLogger(Settlements.class);

    private final SettlementRepository repository;
    private final OutboxWriter outbox;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    Settlements(
            SettlementRepository repository,
            OutboxWriter outbox,
            TransactionalOperator transactions,
            Clock clock,
            MeterRegistry meters) {
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies what {@code decide} makes of each settlement, all in one transaction: one commit for a whole batch or
     * block. When any of them changed since it was read, nothing is kept and each is applied on its own instead
     * ({@link #apply}, which decides again).
     */
    Mono<Void> applyAll(List<Settlement> read, Function<Settlement, Optional<Transition>> decide) {
        List<Transition> decided =
                read.stream().map(decide).flatMap(Optional::stream).toList();
        if (decided.isEmpty()) {
            return Mono.empty();
        }
        return saveAll(decided)
                .as(transactions::transactional)
                .doOnSuccess(done -> decided.forEach(this::recorded))
                .onErrorResume(
                        ConcurrentSettlementChange.class,
                        changed -> Flux.fromIterable(read)
                                .concatMap(settlement -> apply(settlement, decide))
                                .then());
    }

    /**
     * Saves the transitions, each on the version it was decided on, inside the caller's transaction; fails with
     * {@link ConcurrentSettlementChange} when one was changed meanwhile. The caller logs them once it has committed
     * ({@link #recorded(List)}).
     */
    Mono<Void> saveAll(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Mono.empty();
        }
        List<Settlement> next = transitions.stream().map(Transition::settlement).toList();
        return repository
                .updateAll(next)
                .collect(Collectors.toSet())
                .flatMap(saved -> next.stream()
                        .map(Settlement::orderId)
                        .filter(orderId -> !saved.contains(orderId))
                        .findFirst()
                        .<Mono<Void>>map(changed -> Mono.error(new ConcurrentSettlementChange(changed)))
                        .orElseGet(() -> appendAll(transitions)));
    }

    /**
     * Inserts new settlements with their events inside the caller's transaction; fails with {@link
     * SettlementAlreadyExists} if an order has one. The caller logs them once it has committed.
     */
    Mono<Void> saveAllNew(List<Transition> created) {
        if (created.isEmpty()) {
            return Mono.empty();
        }
        return repository
                .insertAll(created.stream().map(Transition::settlement).toList())
                .then(appendAll(created));
    }

    private Mono<Void> appendAll(List<Transition> transitions) {
        return Flux.fromIterable(transitions).concatMap(this::append).then();
    }

    void recorded(List<Transition> transitions) {
        transitions.forEach(this::recorded);
    }

    /**
     * Applies what {@code decide} makes of the settlement, if anything. When another writer changed it since it was
     * read, decides again once on the stored state, which may then call for nothing.
     */
    Mono<Void> apply(Settlement read, Function<Settlement, Optional<Transition>> decide) {
        return attempt(read, decide)
                .onErrorResume(ConcurrentSettlementChange.class, changed -> decideAgain(read.orderId(), decide));
    }

    private Mono<Void> decideAgain(UUID orderId, Function<Settlement, Optional<Transition>> decide) {
        return repository.find(orderId).flatMap(stored -> attempt(stored, decide));
    }

    private Mono<Void> attempt(Settlement current, Function<Settlement, Optional<Transition>> decide) {
        return decide.apply(current).map(this::save).orElseGet(Mono::empty);
    }

    private Mono<Void> save(Transition transition) {
        return saveOne(transition).as(transactions::transactional).doOnSuccess(done -> recorded(transition));
    }

    private Mono<Void> saveOne(Transition transition) {
        UUID orderId = transition.settlement().orderId();
        return repository
                .update(transition.settlement())
                .flatMap(saved -> saved ? append(transition) : Mono.error(new ConcurrentSettlementChange(orderId)));
    }

    private Mono<Void> append(Transition transition) {
        Settlement settlement = transition.settlement();
        Instant now = clock.instant();
        return Flux.fromIterable(transition.changes())
                .map(change -> SettlementEvents.of(settlement.orderId(), change, now))
                .concatMap(event -> outbox.append(event, settlement.requestId()))
                .then();
    }

    private void recorded(Transition transition) {
        for (SettlementChange change : transition.changes()) {
            WithRequestId.log(
                    transition.settlement().requestId(),
                    () -> log.info(
                            "Settlement of order {}: {}",
                            transition.settlement().orderId(),
                            change));
            Counter.builder("blockchain.settlement.changes")
                    .description("Settlement events stored for publication, by kind")
                    .tag("change", change.getClass().getSimpleName())
                    .register(meters)
                    .increment();
        }
    }
}
