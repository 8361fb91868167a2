package dev.tokenx.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A claimed batch in waves: the n-th wave holds the n-th row of each key. The relay sends a wave once the one before
 * it is acknowledged, and a row only if its key's previous row was: a key's events reach Kafka in order even when one
 * of them fails. (The idempotent producer keeps a partition's order for what it delivers, but a record that fails, for
 * being too large or expiring, does not stop the next record of its key from being delivered.) A row held back this
 * way stays unpublished, behind the failed one, for a later batch. One wave costs one wait for acknowledgements; a
 * placement's two events need two, in one database transaction instead of two.
 */
final class Waves {

    private final List<List<OutboxRecord>> waves = new ArrayList<>();
    private final Set<String> heldBack = new HashSet<>();

    /** @param claimed in id order, as claimed */
    Waves(List<OutboxRecord> claimed) {
        Map<String, Integer> rowsOfKey = new HashMap<>();
        for (OutboxRecord record : claimed) {
            int position = rowsOfKey.merge(record.key(), 1, Integer::sum) - 1;
            if (position == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(position).add(record);
        }
    }

    List<List<OutboxRecord>> all() {
        return waves;
    }

    /** The wave's rows whose keys' earlier rows in this batch were all acknowledged. */
    List<OutboxRecord> sendable(List<OutboxRecord> wave) {
        return wave.stream().filter(record -> !heldBack.contains(record.key())).toList();
    }

    void delivered(Deliveries deliveries) {
        deliveries.failed().forEach(record -> heldBack.add(record.key()));
    }
}
