package io.roundup.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roundup.identity.users.editor.password=editor-pass",
            "roundup.identity.users.admin.password=admin-pass",
            "roundup.rate-limit.reads.requests=3",
            "roundup.rate-limit.reads.per=1h",
            "roundup.rate-limit.writes.requests=2",
            "roundup.rate-limit.writes.per=1h",
            "roundup.rate-limit.token.requests=2",
            "roundup.rate-limit.token.per=1h"
        })
@AutoConfigureWebTestClient
class RateLimitIT {

    @Autowired
    WebTestClient client;

    @Test
    void throttlesPasswordGuessesEvenWhenTheNextOneIsRight() {
        guess("wrong-1").expectStatus().isUnauthorized();
        guess("wrong-2").expectStatus().isUnauthorized();

        guess("editor-pass")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive())
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    @Test
    void throttlesReadsAndWritesOnSeparateBudgets() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/auth/jwks").exchange().expectStatus().isOk();
        }
        client.get()
                .uri("/api/auth/jwks")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.delete().uri("/api/articles/a1").exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/articles/a1").exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/articles/a1").exchange().expectStatus().isEqualTo(429);
    }

    @Test
    void neverThrottlesHealthProbes() {
        for (int i = 0; i < 10; i++) {
            client.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private WebTestClient.ResponseSpec guess(String password) {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "editor", "password", password))
                .exchange();
    }
}
