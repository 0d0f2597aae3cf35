package io.roundup.launcher.demo;

import static io.roundup.launcher.demo.DemoCatalog.JSON;

import io.roundup.launcher.demo.DemoCatalog.Product;
import io.roundup.launcher.demo.DemoCatalog.Roundup;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes the demo catalog through the gateway's public API, as an editor would: the content then takes the path
 * real content takes (events, search index) and nothing here depends on the services' internals.
 */
final class DemoPublisher {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** The first try and two more: the services have only just reported ready, and 503 means "not reachable yet". */
    private static final int ATTEMPTS = 3;

    private static final Set<Integer> NOT_YET = Set.of(503);

    /**
     * Publishing also answers 422 while article-service has not yet heard of a product created a moment ago (it waits
     * a few seconds itself); a refused publish changed nothing, so asking again is safe.
     */
    private static final Set<Integer> NOT_YET_PUBLISHABLE = Set.of(503, 422);

    /** HTTP/1.1 as the gateway speaks it on plain http, without the client's h2c upgrade attempt on every request. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private final URI gateway;

    private final Duration retryPause;

    DemoPublisher(URI gateway, Duration retryPause) {
        this.gateway = gateway;
        this.retryPause = retryPause;
    }

    /** Products first (the roundups need their ids), then each roundup as a draft and its publication. */
    Published publish(DemoCatalog catalog, String editorPassword) {
        return publish(catalog, editorPassword, DemoJournal.inMemory());
    }

    /** As {@link #publish(DemoCatalog, String)}, skipping every step the journal says an earlier seeding did. */
    Published publish(DemoCatalog catalog, String editorPassword, DemoJournal journal) {
        String token = token(editorPassword);
        Map<String, String> productIds = new HashMap<>();
        for (Product product : catalog.products()) {
            String item = "product " + product.key();
            String id = journal.productId(product.key()).orElseGet(() -> {
                ObjectNode body = JSON.valueToTree(product);
                body.remove("key");
                String created = id(item, post(item, "/api/products", token, body, NOT_YET));
                journal.product(product.key(), created);
                return created;
            });
            productIds.put(product.key(), id);
        }
        for (Roundup roundup : catalog.roundups()) {
            String item = "roundup \"" + roundup.title() + "\"";
            String id = journal.articleId(roundup.title()).orElseGet(() -> {
                String created =
                        id(item, post(item, "/api/articles", token, article(item, roundup, productIds), NOT_YET));
                journal.article(roundup.title(), created);
                return created;
            });
            if (!journal.isPublished(roundup.title())) {
                post(
                        item + " (publish)",
                        "/api/articles/" + id + "/publish",
                        token,
                        JSON.createObjectNode(),
                        NOT_YET_PUBLISHABLE);
                journal.published(roundup.title());
            }
        }
        return new Published(catalog.products().size(), catalog.roundups().size());
    }

    /** What was published, for the progress line. */
    record Published(int products, int roundups) {}

    private String token(String editorPassword) {
        String item = "editor sign-in";
        ObjectNode credentials =
                JSON.createObjectNode().put("username", "editor").put("password", editorPassword);
        String token = post(item, "/api/auth/token", null, credentials, NOT_YET)
                .path("access_token")
                .stringValue("");
        if (token.isBlank()) {
            throw new SeedingFailed(item + ": the answer has no access_token");
        }
        return token;
    }

    private static ObjectNode article(String item, Roundup roundup, Map<String, String> productIds) {
        ObjectNode article = JSON.valueToTree(roundup);
        for (JsonNode node : article.withArray("entries")) {
            ObjectNode entry = (ObjectNode) node;
            String key = entry.remove("product").stringValue("");
            String productId = productIds.get(key);
            if (productId == null) {
                throw new SeedingFailed(
                        item + ": entry " + entry.path("rank").asInt() + " names no known product (" + key + ")");
            }
            entry.put("productId", productId);
        }
        return article;
    }

    private static String id(String item, JsonNode created) {
        String id = created.path("id").stringValue("");
        if (id.isBlank()) {
            throw new SeedingFailed(item + ": the answer has no id");
        }
        return id;
    }

    private JsonNode post(String item, String path, String token, JsonNode body, Set<Integer> notYet) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(item, request.build(), notYet);
        if (response.statusCode() / 100 != 2) {
            throw new SeedingFailed(item + ": " + problem(response));
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException ex) {
            throw new SeedingFailed(item + ": the answer is not JSON", ex);
        }
    }

    /** Sends again after a pause while the request changes nothing: no connection, or a status in {@code notYet}. */
    private HttpResponse<String> send(String item, HttpRequest request, Set<Integer> notYet) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == ATTEMPTS;
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (!notYet.contains(response.statusCode()) || last) {
                    return response;
                }
            } catch (ConnectException | HttpConnectTimeoutException ex) {
                if (last) {
                    throw new SeedingFailed(
                            item + ": the gateway at " + gateway + " is not reachable (" + ex + ")", ex);
                }
            } catch (HttpTimeoutException ex) {
                // not retried: the request may have been handled, and a second one would create a duplicate
                throw new SeedingFailed(item + ": no answer within " + ANSWER_TIMEOUT.toSeconds() + " s", ex);
            } catch (IOException ex) {
                throw new SeedingFailed(item + ": " + ex, ex);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SeedingFailed(item + ": interrupted", ex);
            }
            pause(attempt);
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryPause.multipliedBy(attempt));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SeedingFailed("interrupted while waiting to retry", ex);
        }
    }

    /** The status and the problem's title and detail, with any field errors, on one line. */
    private static String problem(HttpResponse<String> response) {
        String answer = String.valueOf(response.statusCode());
        try {
            JsonNode problem = JSON.readTree(response.body());
            String title = problem.path("title").stringValue("");
            String detail = problem.path("detail").stringValue("");
            String errors = problem.path("errors")
                    .propertyStream()
                    .map(error -> error.getKey() + " " + messages(error.getValue()))
                    .collect(Collectors.joining("; "));
            return oneLine(answer
                    + (title.isBlank() ? "" : " " + title)
                    + (detail.isBlank() ? "" : ": " + detail)
                    + (errors.isBlank() ? "" : " (" + errors + ")"));
        } catch (JacksonException ex) {
            String body = response.body().isBlank() ? "" : ": " + response.body();
            return oneLine(answer + body);
        }
    }

    private static String messages(JsonNode messages) {
        if (messages.isArray()) {
            return messages.valueStream()
                    .map(message -> message.stringValue(""))
                    .collect(Collectors.joining(", "));
        }
        return messages.stringValue(messages.toString());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
