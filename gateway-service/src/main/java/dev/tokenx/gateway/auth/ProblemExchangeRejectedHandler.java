package dev.tokenx.gateway.auth;

import dev.tokenx.gateway.problem.ProblemResponseWriter;
import dev.tokenx.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths with dot segments, encoded slashes, backslashes, semicolons and the
 * like before anything else looks at them; by default with a bare 400. Answer as every other refusal does.
 */
@Component
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExchangeRejectedHandler.class);

    private final ProblemResponseWriter writer;

    ProblemExchangeRejectedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        return writer.write(
                exchange,
                Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request URL is not acceptable."));
    }
}
