package dev.tokenx.orders.order.application;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.SettlementFeed.confirmed;
import static dev.tokenx.orders.support.SettlementFeed.failed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.SettlementEvent;
import dev.tokenx.orders.support.LedgerAudit;
import dev.tokenx.orders.support.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two consumers' batches that settle orders of the same investors, in opposite investor order, at the same time: both
 * commit as batches (no deadlock, so no replay one by one), and every hold is captured or released exactly once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentSettlementBatchesTest extends ServiceTest {

    private static final int INVESTORS = 12;

    @Autowired
    private RecordSettlement recordSettlement;

    @Test
    void batches_over_the_same_investors_in_opposite_orders_commit_without_a_deadlock(CapturedOutput output) {
        for (int round = 0; round < 3; round++) {
            List<UUID> investors = IntStream.range(0, INVESTORS)
                    .mapToObj(i -> investors().verifiedWithCash("100000.00"))
                    .toList();
            List<UUID> first = investors.stream().map(this::place).toList();
            List<UUID> second = investors.stream().map(this::place).toList();

            Mono<Void> forwards = recordSettlement.recordAll(reports(first, false));
            Mono<Void> backwards = recordSettlement.recordAll(reports(second.reversed(), true));
            Mono.when(
                            forwards.subscribeOn(Schedulers.boundedElastic()),
                            backwards.subscribeOn(Schedulers.boundedElastic()))
                    .block(Duration.ofSeconds(60));
        }

        assertThat(output.getOut()).doesNotContain("applying them one by one");
        LedgerAudit.assertConsistent(db);
        assertThat(openHolds()).isZero();
    }

    /** Every other order completes (a capture, crediting the platform's accounts), the rest fail (a release). */
    private static List<SettlementReport> reports(List<UUID> orders, boolean completeEven) {
        List<SettlementReport> reports = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Function<UUID, SettlementEvent> outcome =
                    (i % 2 == 0) == completeEven ? id -> confirmed(id) : id -> failed(id);
            reports.add(new SettlementReport(outcome.apply(orders.get(i)), Optional.empty()));
        }
        return reports;
    }

    private UUID place(UUID investor) {
        return UUID.fromString(
                (String) api().accepted(investor, UUID.randomUUID().toString(), aBuyRequest())
                        .get("orderId"));
    }

    private long openHolds() {
        return db.sql("SELECT count(*) AS open FROM funds_holds WHERE status = 'HELD'")
                .map(row -> row.get("open", Long.class))
                .one()
                .block();
    }
}
