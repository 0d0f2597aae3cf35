package io.roundup.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routes balanced over several copies of a service, each a real HTTP server: requests are spread over the copies; a
 * copy that stops or reports itself not ready leaves the rotation while reads keep being answered; a write that may
 * have reached a copy which then died is answered with an error and never sent again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "roundup.identity.users.editor.password=editor-pass",
            "roundup.rate-limit.reads.requests=100000",
            "roundup.rate-limit.writes.requests=100000",
            "roundup.rate-limit.token.requests=100000",
            "roundup.routes.health.interval=500ms"
        })
@AutoConfigureWebTestClient
class BalancedRoutesIT {

    static final Backend searchA = new Backend("search-a");
    static final Backend searchB = new Backend("search-b");
    static final Backend productA = new Backend("product-a");
    static final Backend productB = new Backend("product-b");
    static final Backend articleDying = new Backend("article-dying");
    static final Backend articleAlive = new Backend("article-alive");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("ROUNDUP_SEARCH_INSTANCES", () -> searchA.uri() + "," + searchB.uri());
        registry.add("ROUNDUP_PRODUCT_INSTANCES", () -> productA.uri() + "," + productB.uri());
        registry.add("ROUNDUP_ARTICLE_INSTANCES", () -> articleDying.uri() + "," + articleAlive.uri());
    }

    @AfterAll
    static void stopBackends() {
        for (Backend backend : List.of(searchA, searchB, productA, productB, articleDying, articleAlive)) {
            backend.close();
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    RoutedServices routed;

    @Test
    void spreadsReadsOverEveryCopyAndKeepsAnsweringWhenOneStops() {
        List<String> servedBy = readSearch(20);
        assertThat(servedBy).containsOnly("search-a", "search-b");
        assertThat(servedBy).filteredOn("search-a"::equals).hasSizeGreaterThanOrEqualTo(5);
        assertThat(servedBy).filteredOn("search-b"::equals).hasSizeGreaterThanOrEqualTo(5);

        searchB.close(); // connections refused from now on

        assertThat(readSearch(20)).as("every read answered, by the copy left").containsOnly("search-a");
        assertThat(ids(routed.of("search-service").inRotation())).containsExactly(searchA.instanceId());
    }

    @Test
    void takesACopyThatIsNotReadyOutOfRotationUntilItIsReadyAgain() {
        productB.readiness(503);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> ids(routed.of("product-service").inRotation()).equals(List.of(productA.instanceId())));
        int before = productB.received().size();
        assertThat(readProducts(10)).containsOnly("product-a");
        assertThat(productB.received()).hasSize(before);

        productB.readiness(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> routed.of("product-service").inRotation().size() == 2);
        assertThat(readProducts(10)).contains("product-a", "product-b");

        productA.answerWith(503); // an answer, even an error, is the service's: passed on, never retried
        int reachedA = productA.received().size();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(client.get()
                    .uri("/api/products/p1")
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value());
        }
        productA.answerWith(200);
        assertThat(statuses)
                .filteredOn(status -> status == 503)
                .hasSize(productA.received().size() - reachedA);
        assertThat(statuses).contains(503);
    }

    @Test
    void retriesAReadWhoseCopyDiedBeforeAnsweringButNeverAWrite() {
        articleDying.dropRequests(); // it still passes its readiness checks, as a copy does until it is killed
        String token = token();

        List<Integer> writes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writes.add(client.post()
                    .uri("/api/articles")
                    .headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("title", "Write " + i))
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value());
        }
        long droppedWrites = articleDying.received().stream()
                .filter(r -> r.startsWith("POST"))
                .count();
        long servedWrites = articleAlive.received().stream()
                .filter(r -> r.startsWith("POST"))
                .count();
        assertThat(droppedWrites).as("writes that reached the dying copy").isPositive();
        assertThat(droppedWrites + servedWrites)
                .as("each write sent exactly once")
                .isEqualTo(6);
        assertThat(writes).filteredOn(status -> status == 502).hasSize((int) droppedWrites);
        assertThat(writes).filteredOn(status -> status == 200).hasSize((int) servedWrites);

        for (int i = 0; i < 10; i++) {
            client.get()
                    .uri("/api/articles/a" + i)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.servedBy")
                    .isEqualTo("article-alive");
        }
        assertThat(articleDying.received())
                .as("reads that reached the dying copy first")
                .anyMatch(r -> r.startsWith("GET"));
    }

    private List<String> readSearch(int times) {
        return read("/api/search?q=x", times);
    }

    private List<String> readProducts(int times) {
        return read("/api/products/p1", times);
    }

    private List<String> read(String path, int times) {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Map<String, String> answer = client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, String>>() {})
                    .returnResult()
                    .getResponseBody();
            servedBy.add(answer.get("servedBy"));
        }
        return servedBy;
    }

    private String token() {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "editor", "password", "editor-pass"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .get("access_token")
                .toString();
    }

    private static List<String> ids(List<ServiceInstance> instances) {
        return instances.stream().map(ServiceInstance::getInstanceId).toList();
    }
}
