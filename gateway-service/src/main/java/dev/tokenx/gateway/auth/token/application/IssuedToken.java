package dev.tokenx.gateway.auth.token.application;

import java.time.Duration;

public record IssuedToken(String accessToken, Duration expiresIn) {}
