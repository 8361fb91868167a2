package dev.tokenx.gateway.auth.token.application;

import dev.tokenx.gateway.auth.token.domain.LocalUser;
import java.time.Instant;

/** Signs an access token for a user, valid from {@code issuedAt} until {@code expiresAt}. */
public interface TokenMinter {

    String mint(LocalUser user, Instant issuedAt, Instant expiresAt);
}
