package dev.tokenx.gateway.auth.token.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record TokenRequest(
        @NotBlank @Size(max = 128) String username,
        @NotBlank @Size(max = 128) String password) {}
