package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The platform's core promise, checked from outside: an editor publishes a review through the gateway and readers
 * find it in search within two seconds; drafts and unpublished reviews never show. The platform is started exactly as
 * {@code ./roundup up} starts it (the launcher jar in its own process: real Kafka, Elasticsearch and MongoDB, four
 * service JVMs), and stopping it must leave nothing behind.
 */
class PublishToSearchIT {

    private static LaunchedRoundup roundup;
    private static Gateway gateway;
    private static String editorToken;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path projectDir = Path.of(System.getProperty("roundup.project-dir", "..")).toAbsolutePath().normalize();
        roundup = LaunchedRoundup.start(projectDir, "e2e-" + UUID.randomUUID());
        System.out.printf("[e2e] ./roundup up: platform up in %.1f s%n", roundup.startedIn().toMillis() / 1e3);
        gateway = new Gateway(roundup.gatewayUri());
        editorToken = gateway.token("editor", roundup.editorPassword());
    }

    @AfterAll
    static void stopPlatformLeavingNothingBehind() {
        if (roundup == null) {
            return;
        }
        long started = System.nanoTime();
        LaunchedRoundup.StopReport report = roundup.stop();
        System.out.printf("[e2e] SIGTERM: platform stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(report.survivors()).as("processes left running after the launcher stopped").isEmpty();
        assertThat(report.exitCode()).as("the launcher's exit code after SIGTERM").isNotNull();
        assertThat(roundup.portsStillListening()).as("ports still listening").isEmpty();
        assertThat(roundup.console()).contains("Roundup stopped.");
    }

    @Test
    void aFirstStartSeedsDemoRoundupsThatReadersFindAtOnce() {
        assertThat(roundup.console()).contains("Seeding demo content").doesNotContain("demo content not seeded");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode found = search("espresso");
            assertThat(found.get("hits").valueStream().map(h -> h.get("title").asString()))
                    .contains("Best Espresso Grinders for a Home Café");
        });
        JsonNode listing = gateway.get("/api/articles?size=100").json();
        assertThat(listing.get("totalItems").asInt()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void printsOnlyTheGeneratedPasswordOnceAndItWorks() {
        String console = roundup.console();
        assertThat(console).doesNotContain(roundup.editorPassword());
        String adminPassword = roundup.printedAdminPassword().orElseThrow(
                () -> new AssertionError("no generated admin password printed:\n" + console));
        String adminToken = gateway.token("admin", adminPassword);

        Gateway.Response reindexByEditor = gateway.post("/api/search/reindex", editorToken, "{}");
        assertThat(reindexByEditor.status()).isEqualTo(403);
        Gateway.Response reindexByAdmin = gateway.post("/api/search/reindex", adminToken, "{}");
        assertThat(reindexByAdmin.status()).as(reindexByAdmin.body()).isEqualTo(202);
        String job = "/api/search/reindex/" + reindexByAdmin.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(gateway.get(job, adminToken).json().get("status").asString()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aPublishedReviewIsFoundWithinTwoSecondsFollowsPriceChangesAndLeavesOnUnpublish() {
        String word = "zephyrine" + System.nanoTime() % 100000;
        Gateway.Response product = gateway.post("/api/products", editorToken, Map.of(
                "name", "Larkspur " + word + " Turntable",
                "kind", "gear",
                "brand", "Larkspur",
                "attributes", Map.of("drive", "belt"),
                "offers", List.of(Map.of("retailer", "Corner Hi-Fi", "url", "https://shop.example.com/larkspur",
                        "price", Map.of("amount", "249.00", "currency", "USD")))));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        String productId = product.json().get("id").asString();

        Gateway.Response draft = gateway.post("/api/articles", editorToken, Map.of(
                "title", "The Best Turntables for a First Record Collection",
                "summary", "Four decks that treat your vinyl kindly without emptying your wallet.",
                "category", "Audio",
                "tags", List.of("turntables", "vinyl"),
                "author", Map.of("name", "Noor Castellan", "bio", "Buys records faster than shelves."),
                "intro", "A first turntable should be **easy to set up** and gentle on records.",
                "entries", List.of(Map.of(
                        "rank", 1, "productId", productId, "heading", "Larkspur Turntable",
                        "body", "The " + word + " platter spins quietly and the arm tracks warped pressings well.",
                        "features", List.of(Map.of("name", "Drive", "description", "Belt"))))));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String articleId = draft.json().get("id").asString();
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");

        assertThat(gateway.get("/api/articles/" + articleId).status()).as("a draft is invisible to the public").isEqualTo(404);
        assertThat(hitIds(word)).isEmpty();

        Gateway.Response published = gateway.post("/api/articles/" + articleId + "/publish", editorToken, "{}");
        long publishAnswered = System.nanoTime();
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");

        AtomicReference<JsonNode> hit = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode found = search(word);
            assertThat(found.get("hits")).hasSize(1);
            hit.set(found.get("hits").get(0));
        });
        System.out.printf("[e2e] publish -> searchable in %d ms%n", (System.nanoTime() - publishAnswered) / 1_000_000);
        assertThat(hit.get().get("id").asString()).isEqualTo(articleId);
        assertThat(hit.get().get("highlights").toString()).contains("<em>" + word + "</em>");
        assertThat(hit.get().at("/products/0/price/amount").asString()).isEqualTo("249.00");
        assertThat(gateway.get("/api/articles/" + articleId).status()).isEqualTo(200);

        Gateway.Response current = gateway.get("/api/products/" + productId);
        Gateway.Response repriced = gateway.put("/api/products/" + productId, editorToken, current.etag(), Map.of(
                "name", "Larkspur " + word + " Turntable",
                "kind", "gear",
                "brand", "Larkspur",
                "attributes", Map.of("drive", "belt"),
                "offers", List.of(Map.of("retailer", "Corner Hi-Fi", "url", "https://shop.example.com/larkspur",
                        "price", Map.of("amount", "199.00", "currency", "USD")))));
        assertThat(repriced.status()).as(repriced.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(search(word).at("/hits/0/products/0/price/amount").asString()).isEqualTo("199.00"));

        Gateway.Response unpublished = gateway.post("/api/articles/" + articleId + "/unpublish", editorToken, "{}");
        assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(hitIds(word)).isEmpty());
        assertThat(gateway.get("/api/articles/" + articleId).status()).isEqualTo(404);
    }

    @Test
    void writesNeedAnEditorTokenAndErrorsAreProblemDetails() {
        Gateway.Response anonymous = gateway.post("/api/products", null, Map.of("name", "x", "kind", "gear"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Gateway.Response wrongPassword = gateway.post("/api/auth/token", null, Map.of("username", "editor", "password", "nope"));
        assertThat(wrongPassword.status()).isEqualTo(401);

        Gateway.Response invalid = gateway.post("/api/products", editorToken, Map.of("kind", "gear"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").has("name")).isTrue();
    }

    private static JsonNode search(String q) {
        Gateway.Response response = gateway.get("/api/search?q=" + q);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> hitIds(String q) {
        return search(q).get("hits").valueStream().map(h -> h.get("id").asString()).toList();
    }
}
