package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WavesTest {

    private long nextId = 1;

    @Test
    void sends_each_keys_rows_one_wave_after_another_in_their_order() {
        OutboxRecord a1 = row("a");
        OutboxRecord b1 = row("b");
        OutboxRecord a2 = row("a");
        OutboxRecord c1 = row("c");
        OutboxRecord a3 = row("a");
        OutboxRecord b2 = row("b");

        Waves waves = new Waves(List.of(a1, b1, a2, c1, a3, b2));

        assertThat(waves.all()).containsExactly(List.of(a1, b1, c1), List.of(a2, b2), List.of(a3));
    }

    @Test
    void holds_back_a_keys_later_rows_once_one_of_them_failed() {
        OutboxRecord a1 = row("a");
        OutboxRecord b1 = row("b");
        OutboxRecord a2 = row("a");
        OutboxRecord b2 = row("b");
        OutboxRecord a3 = row("a");
        Waves waves = new Waves(List.of(a1, b1, a2, b2, a3));

        waves.delivered(new Deliveries(List.of(b1), List.of(a1), Optional.of(new IllegalStateException("refused"))));

        assertThat(waves.sendable(waves.all().get(1))).containsExactly(b2);
        assertThat(waves.sendable(waves.all().get(2))).isEmpty();
    }

    @Test
    void has_no_wave_for_an_empty_batch() {
        assertThat(new Waves(List.of()).all()).isEmpty();
    }

    private OutboxRecord row(String key) {
        return new OutboxRecord(
                nextId++,
                UUID.randomUUID(),
                "OrderPlaced",
                "orders.order-events",
                key,
                new byte[0],
                Optional.empty(),
                Instant.now());
    }
}
