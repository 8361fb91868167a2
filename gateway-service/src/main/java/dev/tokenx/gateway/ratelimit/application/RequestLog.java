package dev.tokenx.gateway.ratelimit.application;

import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.WindowState;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The log of recent requests per partition, shared by every gateway instance. */
public interface RequestLog {

    /**
     * In one atomic step: checks the request against every limit and, only when every one has room, records it in
     * every partition. Times come from one clock shared by all instances, never from the caller's.
     *
     * @return the outcome, with one window state per limit in the given order; fails when the log is unreachable
     */
    CompletionStage<Outcome> record(List<Limit> limits);

    record Outcome(boolean admitted, List<WindowState> windows) {

        public Outcome {
            windows = List.copyOf(windows);
        }
    }
}
