package dev.tokenx.orders.account.web;

import dev.tokenx.orders.account.application.AccountNotFound;
import dev.tokenx.orders.account.application.AccountSummaries;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The caller's own account; the user is always the verified token's subject. */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final AccountSummaries accounts;

    AccountController(AccountSummaries accounts) {
        this.accounts = accounts;
    }

    /** The decoder has checked that the subject is a UUID. */
    @GetMapping("/me")
    Mono<AccountView> me(@AuthenticationPrincipal Jwt caller) {
        return accounts.of(UUID.fromString(caller.getSubject()))
                .map(AccountView::of)
                .onErrorMap(AccountNotFound.class, missing -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
