package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * "Live in search" through the gateway on the launched platform: a publish that waits for search answers once readers
 * find the review, the article's search status says so, and an unpublish that waits answers once they no longer do.
 * No polling of search here: the answer itself is the promise.
 */
@ExtendWith(SharedRoundup.class)
class LiveInSearchIT {

    private static Gateway gateway;
    private static String editorToken;

    @BeforeAll
    static void connect(LaunchedRoundup platform) {
        gateway = new Gateway(platform.gatewayUri());
        editorToken = gateway.token("editor", platform.editorPassword());
    }

    @Test
    void aPublishThatWaitsForSearchIsFoundTheMomentItAnswersAndAnUnpublishIsGoneTheMomentItAnswers() {
        String word = "quenbrill" + System.nanoTime() % 100000;
        String id = draft(word);

        JsonNode before = status(id);
        assertThat(before.get("status").asString()).isEqualTo("DRAFT");
        assertThat(before.has("revision")).isFalse();

        long asked = System.nanoTime();
        Gateway.Response published =
                gateway.post("/api/articles/" + id + "/publish?wait=searchable&timeout=10s", editorToken, "{}");
        System.out.printf(
                "[e2e] publish?wait=searchable answered %d in %d ms%n",
                published.status(), (System.nanoTime() - asked) / 1_000_000);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(hitIds(word)).as("found at once, without waiting").containsExactly(id);

        JsonNode live = status(id);
        assertThat(live.get("searchable").asBoolean()).isTrue();
        assertThat(live.get("revision").asLong())
                .isEqualTo(published.json().get("revision").asLong());
        assertThat(live.get("searchRevision").asLong())
                .isGreaterThanOrEqualTo(live.get("revision").asLong());

        asked = System.nanoTime();
        Gateway.Response unpublished =
                gateway.post("/api/articles/" + id + "/unpublish?wait=searchable", editorToken, "{}");
        System.out.printf(
                "[e2e] unpublish?wait=searchable answered %d in %d ms%n",
                unpublished.status(), (System.nanoTime() - asked) / 1_000_000);
        assertThat(unpublished.status()).as(unpublished.body()).isEqualTo(200);
        assertThat(hitIds(word)).as("gone at once").isEmpty();
        JsonNode gone = status(id);
        assertThat(gone.get("status").asString()).isEqualTo("UNPUBLISHED");
        assertThat(gone.has("searchRevision")).isFalse();
        assertThat(gone.get("searchable").asBoolean()).isTrue();
    }

    @Test
    void aBadTimeoutIsA400AndTheSearchStatusIsForEditorsOnly() {
        String id = draft("vellamoor" + System.nanoTime() % 100000);

        Gateway.Response tooLong =
                gateway.post("/api/articles/" + id + "/publish?wait=searchable&timeout=31s", editorToken, "{}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.json().get("errors").has("timeout")).isTrue();
        assertThat(status(id).get("status").asString())
                .as("nothing was written")
                .isEqualTo("DRAFT");

        Gateway.Response anonymous = gateway.get("/api/articles/" + id + "/search-status");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/articles/6650f1c2a1b2c3d4e5f6ffff/search-status", editorToken)
                        .status())
                .isEqualTo(404);
    }

    private static String draft(String word) {
        Gateway.Response product = gateway.post(
                "/api/products",
                editorToken,
                Map.of(
                        "name",
                        "Brill " + word + " Desk Lamp",
                        "kind",
                        "gear",
                        "offers",
                        List.of(Map.of(
                                "retailer",
                                "Lamp Loft",
                                "url",
                                "https://lamps.example.com/brill",
                                "price",
                                Map.of("amount", "39.00", "currency", "USD")))));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        Gateway.Response draft = gateway.post(
                "/api/articles",
                editorToken,
                Map.of(
                        "title", "The Best Desk Lamps for Late Work",
                        "summary", "Warm light that spares your eyes after dark.",
                        "category", "Home",
                        "tags", List.of("lamps"),
                        "intro", "A desk lamp should be **warm** and stay where you put it.",
                        "author", Map.of("name", "Tove Aster", "bio", "Writes by lamplight."),
                        "entries",
                                List.of(Map.of(
                                        "rank",
                                        1,
                                        "productId",
                                        product.json().get("id").asString(),
                                        "heading",
                                        "Brill Desk Lamp",
                                        "body",
                                        "Its " + word + " hinge holds any angle without drooping."))));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft.json().get("id").asString();
    }

    private static JsonNode status(String id) {
        Gateway.Response response = gateway.get("/api/articles/" + id + "/search-status", editorToken);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> hitIds(String q) {
        Gateway.Response response = gateway.get("/api/search?q=" + q);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json()
                .get("hits")
                .valueStream()
                .map(h -> h.get("id").asString())
                .toList();
    }
}
