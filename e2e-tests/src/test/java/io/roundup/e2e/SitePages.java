package io.roundup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;

/**
 * The site as a crawler or a reader without JavaScript gets it: plain GETs through the gateway, redirects not
 * followed, pages parsed with jsoup. Also makes the roundups the tests need, through the public API as an editor.
 */
final class SitePages {

    private final URI base;
    private final Gateway gateway;
    private final String editorToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SitePages(LaunchedRoundup roundup) {
        this.base = roundup.gatewayUri();
        this.gateway = new Gateway(base);
        this.editorToken = gateway.token("editor", roundup.editorPassword());
    }

    URI base() {
        return base;
    }

    Gateway gateway() {
        return gateway;
    }

    /** The answer to a GET of a site address, as sent (status, headers, body). */
    HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Accept", "text/html,application/xhtml+xml")
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new AssertionError("the site is not reachable: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** A page that must answer 200 with HTML, parsed. */
    Document page(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode())
                .as("GET " + path + ": " + response.body())
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return Jsoup.parse(response.body(), base.resolve(path).toString());
    }

    /** A published roundup of two products of a kind of its own, with a unique word in its title. */
    Published publish(String word, String category) {
        Published draft = draft(word, category);
        Gateway.Response published = gateway.post("/api/articles/" + draft.id() + "/publish", editorToken, "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return new Published(draft.id(), published.json().get("slug").asString(), word, category, draft.productIds());
    }

    /** The same roundup as {@link #publish}, left a draft (revision 1, created by the editor). */
    Published draft(String word, String category) {
        List<String> productIds = new ArrayList<>();
        for (String model : List.of("Arvo " + word + " One", "Brisk " + word + " Two")) {
            Gateway.Response created = gateway.post(
                    "/api/products",
                    editorToken,
                    Map.of(
                            "name",
                            model,
                            "kind",
                            "gear",
                            "brand",
                            model.split(" ")[0],
                            "offers",
                            List.of(Map.of(
                                    "retailer",
                                    "Test Shop",
                                    "url",
                                    "https://shop.example.com/" + productIds.size(),
                                    "price",
                                    Map.of("amount", "59.00", "currency", "USD")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            productIds.add(created.json().get("id").asString());
        }
        Map<String, Object> body = article(word, category, productIds, null);
        Gateway.Response draft = gateway.post("/api/articles", editorToken, body);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return new Published(
                draft.json().get("id").asString(), draft.json().get("slug").asString(), word, category, productIds);
    }

    /**
     * Gives the roundup a new slug and a retouched title, and publishes that: the old slug becomes a former one. (The
     * title changes too because article-service refuses to publish an edit that changed the slug alone.)
     */
    String rename(Published roundup, String newSlug) {
        Gateway.Response current = gateway.get("/api/articles/" + roundup.id(), editorToken);
        Gateway.Response updated = gateway.put(
                "/api/articles/" + roundup.id(),
                editorToken,
                current.etag(),
                article(roundup.word() + " revisited", roundup.category(), roundup.productIds(), newSlug));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Gateway.Response published = gateway.post("/api/articles/" + roundup.id() + "/publish", editorToken, "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json().get("slug").asString();
    }

    void unpublish(Published roundup) {
        Gateway.Response answer = gateway.post("/api/articles/" + roundup.id() + "/unpublish", editorToken, "{}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    JsonNode article(String slug) {
        return gateway.get("/api/articles/by-slug/" + slug).json();
    }

    private static Map<String, Object> article(String word, String category, List<String> products, String slug) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", "The best " + word + " kits, tested");
        if (slug != null) {
            body.put("slug", slug);
        }
        body.put("summary", "Two " + word + " kits compared on build, battery and price.");
        body.put("category", category);
        body.put("tags", List.of("test-kit"));
        body.put("author", Map.of("name", "Tess Tester", "bio", "Tests kits for a living."));
        body.put("intro", "We spent a week with each **" + word + "** kit.");
        body.put(
                "entries",
                List.of(
                        Map.of(
                                "rank",
                                1,
                                "productId",
                                products.get(0),
                                "heading",
                                "Best overall",
                                "body",
                                "Sturdy and *quiet*.",
                                "features",
                                List.of(Map.of("name", "Battery", "description", "20 hours"))),
                        Map.of(
                                "rank",
                                2,
                                "productId",
                                products.get(1),
                                "heading",
                                "Best value",
                                "body",
                                "Light and cheap.",
                                "features",
                                List.of(Map.of("name", "Weight", "description", "180 g")))));
        body.put("sections", List.of(Map.of("heading", "Buying guide", "body", "Buy the one that fits.")));
        return body;
    }

    record Published(String id, String slug, String word, String category, List<String> productIds) {}
}
