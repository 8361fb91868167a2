package dev.tokenx.security;

import dev.tokenx.events.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The request id a record carries (header {@code x-request-id}, set by the publishing service from the request that
 * caused the event) in the MDC while the record is handled, so that a consumer's log lines name the request they
 * follow from. Spring Boot puts a {@code RecordInterceptor} bean on the listener container factory.
 */
public final class RecordRequestIds implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Header requestId = record.headers().lastHeader(EventHeaders.REQUEST_ID);
        if (requestId == null) {
            MDC.remove(RequestIds.MDC_KEY);
        } else {
            MDC.put(RequestIds.MDC_KEY, new String(requestId.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(RequestIds.MDC_KEY);
    }
}
