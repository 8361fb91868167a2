package dev.tokenx.gateway.auth.token.web;

import dev.tokenx.gateway.auth.token.LocalIssuerConfiguration;
import dev.tokenx.gateway.auth.token.application.IssueToken;
import dev.tokenx.gateway.auth.token.domain.InvalidCredentials;
import dev.tokenx.gateway.problem.Problems;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The local issuer's token endpoint (development and demo only). */
@RestController
@ConditionalOnBooleanProperty(LocalIssuerConfiguration.ENABLED)
class TokenController {

    private final IssueToken issueToken;

    TokenController(IssueToken issueToken) {
        this.issueToken = issueToken;
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> issue(@Valid @RequestBody TokenRequest request) {
        return Mono.fromCallable(() -> issueToken.issue(request.username(), request.password()))
                // BCrypt is slow by design: keep it off the event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .map(TokenResponse::bearer)
                .map(TokenController::uncached)
                .onErrorMap(InvalidCredentials.class, TokenController::unauthorized);
    }

    private static ResponseEntity<TokenResponse> uncached(TokenResponse token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
    }

    private static ErrorResponseException unauthorized(InvalidCredentials failure) {
        return new ErrorResponseException(
                HttpStatus.UNAUTHORIZED,
                Problems.of(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "Invalid username or password."),
                failure);
    }
}
