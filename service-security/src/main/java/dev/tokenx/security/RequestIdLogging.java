package dev.tokenx.security;

import io.micrometer.context.ContextRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.MDC;
import reactor.core.publisher.Hooks;

/**
 * Carries the request id from the Reactor context into the MDC of whichever thread runs the request's next step (an
 * event loop, a database driver's thread), with Reactor's automatic context propagation and a Micrometer context
 * accessor for the {@link RequestIds#MDC_KEY} entry. A blocking call ({@code block()}, as the Kafka listeners make)
 * captures the caller's MDC into the context the same way, so a consumer that sets the id from a record's header
 * ({@code RecordRequestIds}) sees it in the use case's log lines too.
 */
final class RequestIdLogging {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private RequestIdLogging() {}

    /** Once per JVM: the hook and the registry are global. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            ContextRegistry.getInstance()
                    .registerThreadLocalAccessor(
                            RequestIds.MDC_KEY,
                            () -> MDC.get(RequestIds.MDC_KEY),
                            requestId -> MDC.put(RequestIds.MDC_KEY, requestId),
                            () -> MDC.remove(RequestIds.MDC_KEY));
            Hooks.enableAutomaticContextPropagation();
        }
    }
}
