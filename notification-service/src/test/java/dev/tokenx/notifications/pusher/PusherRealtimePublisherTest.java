package dev.tokenx.notifications.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import dev.tokenx.notifications.delivery.application.RealtimeDeliveryFailed;
import dev.tokenx.notifications.delivery.domain.Announcement;
import dev.tokenx.notifications.delivery.domain.Notification;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/** How the answers of the Pusher HTTP API become success, a retryable failure or a refusal. */
class PusherRealtimePublisherTest {

    private final Pusher pusher = mock(Pusher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PusherRealtimePublisher publisher = new PusherRealtimePublisher(pusher, meters);
    private final Notification notification = new Notification(
            UUID.randomUUID(), "system", "announcement", new Announcement("T", "M", "INFO", Instant.now()));

    @Test
    void triggers_the_events_in_one_batch_request_in_their_order() {
        answer(Result.fromHttpCode(200, "{}"));
        Notification second = new Notification(
                UUID.randomUUID(),
                "private-user-1",
                "order-status",
                new Announcement("T2", "M2", "INFO", Instant.now()));

        assertThatNoException().isThrownBy(() -> publisher.publish(List.of(notification, second)));

        ArgumentCaptor<List<Event>> batch = ArgumentCaptor.captor();
        verify(pusher).trigger(batch.capture());
        assertThat(batch.getValue())
                .extracting(Event::getChannel, Event::getName, Event::getData)
                .containsExactly(
                        tuple("system", "announcement", notification.payload()),
                        tuple("private-user-1", "order-status", second.payload()));
        assertThat(requests("success")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void takes_one_to_ten_messages_per_request(int count) {
        List<Notification> notifications = Collections.nCopies(count, notification);

        assertThatThrownBy(() -> publisher.publish(notifications)).isInstanceOf(IllegalArgumentException.class);

        verifyNoInteractions(pusher);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void retries_a_server_error(int status) {
        answer(Result.fromHttpCode(status, "busy"));

        assertThatThrownBy(() -> publisher.publish(List.of(notification)))
                .isInstanceOfSatisfying(
                        RealtimeDeliveryFailed.class,
                        failure -> assertThat(failure.isRetryable()).isTrue())
                .hasMessageContaining("HTTP " + status);
        assertThat(requests("unavailable")).isEqualTo(1);
    }

    @Test
    void retries_when_no_answer_came() {
        answer(Result.fromThrowable(new HttpTimeoutException("request timed out")));

        assertThatThrownBy(() -> publisher.publish(List.of(notification)))
                .isInstanceOfSatisfying(
                        RealtimeDeliveryFailed.class,
                        failure -> assertThat(failure.isRetryable()).isTrue())
                .hasMessageContaining("request timed out");
    }

    @Test
    void retries_when_the_connection_failed() {
        answer(Result.fromThrowable(new IOException("Connection refused")));

        assertThatThrownBy(() -> publisher.publish(List.of(notification)))
                .isInstanceOfSatisfying(
                        RealtimeDeliveryFailed.class,
                        failure -> assertThat(failure.isRetryable()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413})
    void does_not_retry_a_refusal(int status) {
        answer(Result.fromHttpCode(status, "{\"code\":\"REFUSED\"}"));

        assertThatThrownBy(() -> publisher.publish(List.of(notification)))
                .isInstanceOfSatisfying(
                        RealtimeDeliveryFailed.class,
                        failure -> assertThat(failure.isRetryable()).isFalse())
                .hasMessageContaining("rejected: HTTP " + status);
        assertThat(requests("rejected")).isEqualTo(1);
    }

    @Test
    void does_not_retry_what_the_library_refuses_to_send() {
        when(pusher.trigger(anyList())).thenThrow(new IllegalArgumentException("Invalid channel name"));

        assertThatThrownBy(() -> publisher.publish(List.of(notification)))
                .isInstanceOfSatisfying(
                        RealtimeDeliveryFailed.class,
                        failure -> assertThat(failure.isRetryable()).isFalse())
                .hasMessageContaining("Invalid channel name");
    }

    private void answer(Result result) {
        when(pusher.trigger(anyList())).thenReturn(result);
    }

    private long requests(String outcome) {
        return meters.find("notifications.pusher.requests")
                .tag("outcome", outcome)
                .timer()
                .count();
    }
}
