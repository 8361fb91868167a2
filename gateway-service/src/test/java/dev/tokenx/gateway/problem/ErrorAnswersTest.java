package dev.tokenx.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.problem.ErrorAnswer.Severity;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

class ErrorAnswersTest {

    @Test
    void a_refused_connection_is_an_unavailable_service() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new ConnectException("Connection refused"));

        assertThat(answer.problem().getStatus()).isEqualTo(503);
        assertThat(answer.problem().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(answer.severity()).isEqualTo(Severity.UPSTREAM);
    }

    @Test
    void a_connect_timeout_is_an_unavailable_service() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new ConnectTimeoutException("connection timed out"));

        assertThat(answer.problem().getStatus()).isEqualTo(503);
    }

    @Test
    void a_connection_broken_mid_exchange_is_a_bad_gateway() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new IOException("Connection prematurely closed"));

        assertThat(answer.problem().getStatus()).isEqualTo(502);
        assertThat(answer.problem().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
    }

    @Test
    void the_gateways_response_timeout_is_an_upstream_timeout() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new ResponseStatusException(
                HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout", new TimeoutException()));

        assertThat(answer.problem().getStatus()).isEqualTo(504);
        assertThat(answer.problem().getProperties()).containsEntry("code", "UPSTREAM_TIMEOUT");
        assertThat(answer.problem().getDetail()).isEqualTo("The upstream service did not answer in time.");
        assertThat(answer.severity()).isEqualTo(Severity.UPSTREAM);
    }

    @Test
    void an_internal_error_raised_as_a_status_is_still_unexpected() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR));

        assertThat(answer.problem().getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(answer.severity()).isEqualTo(Severity.UNEXPECTED);
    }

    @Test
    void keeps_the_headers_a_status_calls_for() {
        ErrorAnswer answer =
                ErrorAnswers.forFailure(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.POST)));

        assertThat(answer.problem().getStatus()).isEqualTo(405);
        assertThat(answer.headers().getFirst(HttpHeaders.ALLOW)).isEqualTo("POST");
        assertThat(answer.severity()).isEqualTo(Severity.CLIENT);
    }

    @Test
    void an_unforeseen_failure_is_a_500_that_tells_nothing_of_its_cause() {
        ErrorAnswer answer = ErrorAnswers.forFailure(new IllegalStateException("secret internals"));

        assertThat(answer.problem().getStatus()).isEqualTo(500);
        assertThat(answer.problem().getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(answer.problem().getDetail()).doesNotContain("secret");
        assertThat(answer.severity()).isEqualTo(Severity.UNEXPECTED);
    }
}
