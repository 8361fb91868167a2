package dev.tokenx.orders.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.security.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler =
            new ProblemExceptionHandler(new ProblemResponses(ServerCodecConfigurer.create()));

    @Test
    void answers_nothing_to_a_caller_that_went_away_and_leaves_it_to_the_framework() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/api/trading/place-order"));
        AbortedException gone = new AbortedException("Connection has been closed");

        StepVerifier.create(handler.handle(exchange, gone))
                .expectErrorMatches(gone::equals)
                .verify();

        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void answers_an_unexpected_error_with_a_problem() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("/api/trading/place-order"));

        StepVerifier.create(handler.handle(exchange, new IllegalStateException("boom")))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("INTERNAL_ERROR");
    }
}
