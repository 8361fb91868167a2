package dev.tokenx.orders.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** Asserts an RFC 9457 answer: status, content type, {@code code}, and no stack trace or Java name in sight. */
public final class Problems {

    private Problems() {}

    public static BodyContentSpec assertProblem(ResponseSpec response, int status, String code) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.detail")
                .isNotEmpty()
                .jsonPath("$.requestId")
                .isNotEmpty()
                .jsonPath("$.trace")
                .doesNotExist()
                .jsonPath("$.exception")
                .doesNotExist()
                .consumeWith(result -> {
                    String body = new String(result.getResponseBodyContent());
                    if (body.contains("java.") || body.contains("dev.tokenx") || body.contains("Exception")) {
                        throw new AssertionError("Problem leaks implementation details: " + body);
                    }
                });
    }
}
