package dev.tokenx.gateway.auth.token.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tokenx.gateway.auth.token.application.IssuedToken;

/** The OAuth 2.0 token response shape (RFC 6749, section 5.1). */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static TokenResponse bearer(IssuedToken token) {
        return new TokenResponse(
                token.accessToken(), "Bearer", token.expiresIn().toSeconds());
    }
}
